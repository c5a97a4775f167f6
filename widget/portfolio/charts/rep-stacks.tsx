/** Each rep's accounts as one bar split by stage, so a rep's mix is seen at a glance. */
import { Chart, slotColour } from './chart-kit';

const W = 560;
const LABEL = 120;
const ROW = 24;

export function RepStacks(props: {
  reps: { name: string; counts: number[] }[];
  slotLabels: string[];
  label: string;
}) {
  const max = Math.max(1, ...props.reps.map((r) => r.counts.reduce((s, n) => s + n, 0)));
  const scale = (n: number) => (n / max) * (W - LABEL - 40);
  const legendY = props.reps.length * ROW + 12;
  const perLine = 4;
  const height = legendY + Math.ceil(props.slotLabels.length / perLine) * 18 + 4;
  return (
    <Chart width={W} height={height} label={props.label} testId="rep-stacks">
      {props.reps.map((r, i) => {
        const y = i * ROW + 2;
        let x = LABEL;
        const total = r.counts.reduce((s, n) => s + n, 0);
        return (
          <g key={`${r.name}-${i}`}>
            <text x={LABEL - 6} y={y + 15} text-anchor="end" class="chart-label">
              {r.name}
            </text>
            {r.counts.map((n, j) => {
              const w = scale(n);
              const rect =
                n > 0 ? (
                  <rect key={j} x={x} y={y + 3} width={w} height={ROW - 8} fill={slotColour(j)} />
                ) : null;
              x += w;
              return rect;
            })}
            <text x={x + 6} y={y + 15} class="chart-value">
              {total}
            </text>
          </g>
        );
      })}
      {props.slotLabels.map((l, j) => {
        const x = (j % perLine) * ((W - 8) / perLine) + 4;
        const y = legendY + Math.floor(j / perLine) * 18;
        return (
          <g key={l}>
            <rect x={x} y={y} width={10} height={10} fill={slotColour(j)} />
            <text x={x + 14} y={y + 9} class="chart-legend">
              {l}
            </text>
          </g>
        );
      })}
    </Chart>
  );
}
