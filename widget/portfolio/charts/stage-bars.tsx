/** Accounts per stage as horizontal bars (now), with a line where each stood at the period start. */
import { Chart, niceMax, slotColour } from './chart-kit';

export interface StageBarRow {
  label: string;
  now: number;
  atStart: number;
}

const W = 560;
const LABEL = 120;
const ROW = 24;
const VALUE = 64;

export function StageBars(props: { rows: StageBarRow[]; label: string }) {
  const max = niceMax(Math.max(1, ...props.rows.flatMap((r) => [r.now, r.atStart])));
  const scale = (n: number) => (n / max) * (W - LABEL - VALUE);
  return (
    <Chart width={W} height={props.rows.length * ROW + 4} label={props.label} testId="stage-bars">
      {props.rows.map((r, i) => {
        const y = i * ROW + 2;
        const change = r.now - r.atStart;
        return (
          <g key={r.label}>
            <text x={LABEL - 6} y={y + 15} text-anchor="end" class="chart-label">
              {r.label}
            </text>
            <rect
              x={LABEL}
              y={y + 3}
              width={Math.max(0, scale(r.now))}
              height={ROW - 8}
              rx={2}
              fill={slotColour(i)}
            />
            <line
              x1={LABEL + scale(r.atStart)}
              x2={LABEL + scale(r.atStart)}
              y1={y}
              y2={y + ROW - 2}
              class="chart-marker"
            />
            <text x={LABEL + scale(r.now) + 6} y={y + 15} class="chart-value">
              {r.now}
              {change !== 0 ? ` (${change > 0 ? '+' : ''}${change})` : ''}
            </text>
          </g>
        );
      })}
    </Chart>
  );
}
