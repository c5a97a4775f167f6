/** Per stage: accounts that reached it by advancing (right, green) or fell back to it (left, red). */
import { Chart, niceMax } from './chart-kit';

const W = 560;
const LABEL = 120;
const ROW = 24;

export function MovementChart(props: {
  rows: { label: string; advanced: number; regressed: number }[];
  label: string;
}) {
  const max = niceMax(Math.max(1, ...props.rows.flatMap((r) => [r.advanced, r.regressed])));
  const half = (W - LABEL - 16) / 2;
  const mid = LABEL + half;
  const scale = (n: number) => (n / max) * (half - 28);
  const height = props.rows.length * ROW + 4;
  return (
    <Chart width={W} height={height} label={props.label} testId="movement-chart">
      <line x1={mid} x2={mid} y1={0} y2={height} class="chart-axis" />
      {props.rows.map((r, i) => {
        const y = i * ROW + 2;
        return (
          <g key={r.label}>
            <text x={LABEL - 6} y={y + 15} text-anchor="end" class="chart-label">
              {r.label}
            </text>
            {r.regressed > 0 && (
              <>
                <rect
                  x={mid - scale(r.regressed)}
                  y={y + 3}
                  width={scale(r.regressed)}
                  height={ROW - 8}
                  class="bar-down"
                />
                <text x={mid - scale(r.regressed) - 4} y={y + 15} text-anchor="end" class="chart-value">
                  {r.regressed}
                </text>
              </>
            )}
            {r.advanced > 0 && (
              <>
                <rect x={mid} y={y + 3} width={scale(r.advanced)} height={ROW - 8} class="bar-up" />
                <text x={mid + scale(r.advanced) + 4} y={y + 15} class="chart-value">
                  {r.advanced}
                </text>
              </>
            )}
          </g>
        );
      })}
    </Chart>
  );
}
