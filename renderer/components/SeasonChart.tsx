import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import type { MemberSeason } from '../../main/api/contract.ts';

const ROW = 20;
const LABEL_WIDTH = 140;
const HALF = 150;
/** Room for the value beside the longest bar behind. */
const GAP = 36;
const WIDTH = LABEL_WIDTH + GAP + 2 * HALF + 40;

const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');

/**
 * How far each member is behind (left, red) or ahead (right) of what is expected of them this season:
 * their quota or the club's average. Plain SVG, furthest behind at the top.
 */
export function SeasonChart(props: { members: MemberSeason[] }): React.JSX.Element {
  const theme = useTheme();
  const rated = props.members
    .filter((m): m is MemberSeason & { difference: number } => m.difference !== null)
    .sort((a, b) => a.difference - b.difference || a.name.localeCompare(b.name));
  const max = Math.max(1, ...rated.map((m) => Math.abs(m.difference)));
  const scale = HALF / max;
  const zero = LABEL_WIDTH + GAP + HALF;
  const height = rated.length * ROW + 8;
  const summary = `Duties against what is expected, furthest behind first. ${rated.map((m) => `${m.name} ${signed(m.difference)}`).join('; ')}`;
  return (
    <Box sx={{ maxHeight: 300, overflowY: 'auto' }}>
      <svg
        width="100%"
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="xMinYMin meet"
        role="img"
        aria-label={summary}
        style={{ maxWidth: WIDTH * 1.2 }}
      >
        <line x1={zero} x2={zero} y1={0} y2={height} stroke={theme.palette.text.secondary} />
        {rated.map((m, row) => {
          const y = row * ROW + 4;
          const width = Math.abs(m.difference) * scale;
          const behind = m.difference < 0;
          return (
            <g key={m.memberId}>
              <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 2} fontSize={12} textAnchor="end" fill={theme.palette.text.primary}>
                {m.name.slice(0, 20)}
              </text>
              <rect
                x={behind ? zero - width : zero}
                y={y + 3}
                width={width}
                height={ROW - 8}
                fill={behind ? theme.palette.error.main : theme.palette.primary.main}
              >
                <title>{`${m.name}: ${m.total} duties, expected ${m.expected} (${signed(m.difference)})`}</title>
              </rect>
              <text
                x={behind ? zero - width - 4 : zero + width + 4}
                y={y + ROW / 2 + 2}
                fontSize={11}
                textAnchor={behind ? 'end' : 'start'}
                fill={theme.palette.text.secondary}
              >
                {signed(m.difference)}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
