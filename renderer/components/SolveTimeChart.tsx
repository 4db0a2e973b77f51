import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import type { RunInfo } from '../../main/api/contract.ts';
import { seconds } from '../format.ts';

const LIMIT_MS = 10_000;
const WIDTH = 760;
const HEIGHT = 220;
const LEFT = 48;
const BOTTOM = 24;

/** Solve time of each run, oldest left, with the 10 s line every optimizer run must stay under. */
export function SolveTimeChart(props: { runs: RunInfo[] }): React.JSX.Element {
  const theme = useTheme();
  const runs = [...props.runs].reverse().filter((run) => run.metrics !== null);
  const top = Math.max(LIMIT_MS * 1.2, ...runs.map((run) => run.metrics?.solve_time_ms ?? 0));
  const plotHeight = HEIGHT - BOTTOM - 8;
  const y = (ms: number) => 8 + plotHeight - (ms / top) * plotHeight;
  const step = runs.length === 0 ? 0 : (WIDTH - LEFT - 8) / runs.length;
  const barWidth = Math.max(2, Math.min(24, step * 0.7));
  const over = runs.filter((run) => (run.metrics?.solve_time_ms ?? 0) > LIMIT_MS).length;
  const ticks = [0, 5_000, 10_000, 15_000, 20_000, 30_000, 60_000, 120_000].filter((tick) => tick <= top);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`Solve times of ${runs.length} runs; ${over} over 10 seconds.`}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} stroke={theme.palette.divider} />
            <text x={LEFT - 6} y={y(tick) + 4} fontSize={11} textAnchor="end" fill={theme.palette.text.secondary}>{tick / 1000} s</text>
          </g>
        ))}
        {runs.map((run, index) => {
          const ms = run.metrics?.solve_time_ms ?? 0;
          const color = ms > LIMIT_MS ? theme.palette.error.main : run.scheduler === 'optimizer' ? theme.palette.secondary.main : theme.palette.primary.main;
          return (
            <rect key={run.id} x={LEFT + index * step + (step - barWidth) / 2} y={y(ms)} width={barWidth} height={Math.max(1, y(0) - y(ms))} fill={color}>
              <title>{`Run ${run.id} (${run.scheduler}): ${seconds(ms)}`}</title>
            </rect>
          );
        })}
        <line x1={LEFT} x2={WIDTH} y1={y(LIMIT_MS)} y2={y(LIMIT_MS)} stroke={theme.palette.error.main} strokeDasharray="6 4" strokeWidth={2} />
        <text x={WIDTH - 4} y={y(LIMIT_MS) - 4} fontSize={11} textAnchor="end" fill={theme.palette.error.main}>10 s limit</text>
        <text x={LEFT} y={HEIGHT - 6} fontSize={11} fill={theme.palette.text.secondary}>older</text>
        <text x={WIDTH - 4} y={HEIGHT - 6} fontSize={11} textAnchor="end" fill={theme.palette.text.secondary}>newer</text>
      </svg>
    </Box>
  );
}
