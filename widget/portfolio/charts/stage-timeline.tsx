/** Accounts per stage at each trend sample: one stacked column per sample, stages coloured as elsewhere. */
import { Chart, slotColour } from './chart-kit';

const COL = 44;
const H = 150;
const LEFT = 8;

export function StageTimeline(props: {
  samples: string[];
  /** Per slot (in process order): the count at each sample. */
  slots: { label: string; counts: number[] }[];
  label: string;
}) {
  const totals = props.samples.map((_, i) => props.slots.reduce((s, r) => s + (r.counts[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const width = LEFT + props.samples.length * COL + 8;
  return (
    <Chart width={width} height={H + 34} label={props.label} testId="stage-timeline">
      {props.samples.map((name, i) => {
        let y = H;
        const x = LEFT + i * COL + 6;
        return (
          <g key={name} data-sample={name}>
            {props.slots.map((r, j) => {
              const n = r.counts[i] ?? 0;
              const h = (n / max) * (H - 16);
              y -= h;
              return n > 0 ? (
                <rect key={j} x={x} y={y} width={COL - 12} height={h} fill={slotColour(j)} />
              ) : null;
            })}
            <text x={x + (COL - 12) / 2} y={y - 3} text-anchor="middle" class="chart-value">
              {totals[i] || ''}
            </text>
            <text x={x + (COL - 12) / 2} y={H + 14} text-anchor="middle" class="chart-label">
              {name}
            </text>
          </g>
        );
      })}
    </Chart>
  );
}
