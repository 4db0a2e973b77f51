import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { RunInfo } from '../../main/api/contract.ts';
import { PURPOSE_NAMES, SCHEDULER_NAMES, dateTime, seconds } from '../format.ts';

const LIMIT_MS = 10_000;
const WIDTH = 760;
const HEIGHT = 220;
const LEFT = 48;
const BOTTOM = 24;
const TOP = 16;

/**
 * Solve time of each run, oldest left, with the 10 s line every optimizer run must stay under.
 * Fallbacks (the optimizer failed, legacy ran) carry a triangle; shadow runs are hatched.
 */
export function SolveTimeChart(props: { runs: RunInfo[] }): React.JSX.Element {
  const theme = useTheme();
  const runs = [...props.runs].reverse().filter((run) => run.metrics !== null);
  const top = Math.max(LIMIT_MS * 1.2, ...runs.map((run) => run.metrics?.solve_time_ms ?? 0));
  const plotHeight = HEIGHT - BOTTOM - TOP;
  const y = (ms: number) => TOP + plotHeight - (ms / top) * plotHeight;
  const step = runs.length === 0 ? 0 : (WIDTH - LEFT - 8) / runs.length;
  const barWidth = Math.max(2, Math.min(24, step * 0.7));
  const over = runs.filter((run) => (run.metrics?.solve_time_ms ?? 0) > LIMIT_MS).length;
  const fallbacks = runs.filter((run) => run.fallback !== null).length;
  const ticks = [0, 5_000, 10_000, 15_000, 20_000, 30_000, 60_000, 120_000].filter((tick) => tick <= top);
  const colors = {
    legacy: theme.palette.primary.main,
    optimizer: theme.palette.secondary.main,
    over: theme.palette.error.main,
    fallback: theme.palette.warning.main,
  };
  const legend: { label: string; swatch: React.JSX.Element }[] = [
    { label: 'Legacy', swatch: <rect width={12} height={12} rx={2} fill={colors.legacy} /> },
    { label: 'Optimizer', swatch: <rect width={12} height={12} rx={2} fill={colors.optimizer} /> },
    { label: 'Over 10 s', swatch: <rect width={12} height={12} rx={2} fill={colors.over} /> },
    { label: 'Fallback to legacy', swatch: <path d="M6 11 L0 1 L12 1 Z" fill={colors.fallback} /> },
    {
      label: 'Shadow run',
      swatch: (
        <>
          <rect width={12} height={12} rx={2} fill={colors.optimizer} />
          <rect width={12} height={12} rx={2} fill="url(#shadow-hatch)" />
        </>
      ),
    },
  ];
  return (
    <Box>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} role="list" aria-label="Legend">
        {legend.map((entry) => (
          <Stack key={entry.label} direction="row" spacing={0.5} sx={{ alignItems: 'center' }} role="listitem">
            <svg width={12} height={12} aria-hidden="true">
              {entry.swatch}
            </svg>
            <Typography variant="body2">{entry.label}</Typography>
          </Stack>
        ))}
      </Stack>
      <svg
        width="100%"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="xMinYMin meet"
        style={{ maxWidth: WIDTH * 1.25, display: 'block' }}
        role="img"
        aria-label={`Solve times of ${runs.length} runs; ${over} over 10 seconds; ${fallbacks} fell back to legacy.`}
      >
        <defs>
          <pattern id="shadow-hatch" width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={3} height={6} fill="rgba(255,255,255,0.55)" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} stroke={theme.palette.divider} />
            <text x={LEFT - 6} y={y(tick) + 4} fontSize={11} textAnchor="end" fill={theme.palette.text.secondary}>
              {tick / 1000} s
            </text>
          </g>
        ))}
        {runs.map((run, index) => {
          const ms = run.metrics?.solve_time_ms ?? 0;
          const color = ms > LIMIT_MS ? colors.over : colors[run.scheduler];
          const x = LEFT + index * step + (step - barWidth) / 2;
          const label =
            `Run ${run.id}, ${dateTime(run.createdAt)}: ${SCHEDULER_NAMES[run.scheduler]}, ${PURPOSE_NAMES[run.purpose].toLowerCase()}, ${seconds(ms)}` +
            (run.fallback === null ? '' : `; fallback to legacy (${run.fallback.reason})`);
          return (
            <g
              key={run.id}
              data-run={run.id}
              data-fallback={run.fallback === null ? undefined : 'true'}
              data-shadow={run.purpose === 'shadow' ? 'true' : undefined}
            >
              <title>{label}</title>
              <rect x={x} y={y(ms)} width={barWidth} height={Math.max(1, y(0) - y(ms))} fill={color} />
              {run.purpose === 'shadow' && (
                <rect x={x} y={y(ms)} width={barWidth} height={Math.max(1, y(0) - y(ms))} fill="url(#shadow-hatch)" />
              )}
              {run.fallback !== null && <path d={`M${x + barWidth / 2} ${y(ms) - 2} l-6 -10 l12 0 Z`} fill={colors.fallback} />}
            </g>
          );
        })}
        <line
          x1={LEFT}
          x2={WIDTH}
          y1={y(LIMIT_MS)}
          y2={y(LIMIT_MS)}
          stroke={theme.palette.error.main}
          strokeDasharray="6 4"
          strokeWidth={2}
        />
        <text x={WIDTH - 4} y={y(LIMIT_MS) - 4} fontSize={11} textAnchor="end" fill={theme.palette.error.main}>
          10 s limit
        </text>
        <text x={LEFT} y={HEIGHT - 6} fontSize={11} fill={theme.palette.text.secondary}>
          older
        </text>
        <text x={WIDTH - 4} y={HEIGHT - 6} fontSize={11} textAnchor="end" fill={theme.palette.text.secondary}>
          newer
        </text>
      </svg>
    </Box>
  );
}
