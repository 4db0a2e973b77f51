import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';

export interface LoadSeries {
  label: string;
  loads: Record<string, number>;
}

const ROW = 22;
const LABEL_WIDTH = 130;
const BAR_AREA = 240;
const WIDTH = LABEL_WIDTH + BAR_AREA + 16;

/** Duties per member for one or two rosters: one row per member, one bar per roster (plain SVG). */
export function LoadChart(props: { series: [LoadSeries] | [LoadSeries, LoadSeries]; names: Record<string, string> }): React.JSX.Element {
  const theme = useTheme();
  const colors = [theme.palette.primary.main, theme.palette.secondary.main];
  const all: LoadSeries[] = props.series;
  const ids = [...new Set(all.flatMap((series) => Object.keys(series.loads)))]
    .filter((id) => all.some((series) => (series.loads[id] ?? 0) > 0))
    .sort((a, b) => (props.names[a] ?? a).localeCompare(props.names[b] ?? b));
  const max = Math.max(1, ...ids.flatMap((id) => all.map((series) => series.loads[id] ?? 0)));
  const scale = BAR_AREA / max;
  const height = ids.length * ROW + 24;
  const summary = `Duties per member. ${ids.map((id) => `${props.names[id] ?? id}: ${all.map((series) => `${series.label} ${series.loads[id] ?? 0}`).join(', ')}`).join('; ')}`;
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 1 }}>
        {props.series.map((series, index) => (
          <Stack key={series.label} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Box sx={{ width: 12, height: 12, bgcolor: colors[index], borderRadius: 0.5 }} />
            <Typography variant="body2">{series.label}</Typography>
          </Stack>
        ))}
      </Stack>
      <Box sx={{ maxHeight: 420, overflowY: 'auto' }}>
        <svg
          width="100%"
          viewBox={`0 0 ${WIDTH} ${height}`}
          preserveAspectRatio="xMinYMin meet"
          role="img"
          aria-label={summary}
          style={{ maxWidth: WIDTH * 1.15 }}
        >
          {Array.from({ length: max + 1 }, (_, tick) => tick)
            .filter((tick) => max <= 10 || tick % Math.ceil(max / 10) === 0)
            .map((tick) => (
              <g key={tick}>
                <line
                  x1={LABEL_WIDTH + tick * scale}
                  x2={LABEL_WIDTH + tick * scale}
                  y1={0}
                  y2={height - 20}
                  stroke={theme.palette.divider}
                />
                <text x={LABEL_WIDTH + tick * scale} y={height - 6} fontSize={11} textAnchor="middle" fill={theme.palette.text.secondary}>
                  {tick}
                </text>
              </g>
            ))}
          {ids.map((id, row) => {
            const y = row * ROW;
            return (
              <g key={id}>
                <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} fontSize={12} textAnchor="end" fill={theme.palette.text.primary}>
                  {(props.names[id] ?? id).slice(0, 20)}
                </text>
                {all.map((series, index) => (
                  <rect
                    key={series.label}
                    x={LABEL_WIDTH}
                    y={y + 3 + index * 8}
                    width={(series.loads[id] ?? 0) * scale}
                    height={7}
                    fill={colors[index]}
                  >
                    <title>{`${props.names[id] ?? id}, ${series.label}: ${series.loads[id] ?? 0} duties`}</title>
                  </rect>
                ))}
              </g>
            );
          })}
        </svg>
      </Box>
    </Box>
  );
}
