/**
 * Per quarter two bars: the customer's way (buying-stage probability) and the seller's way (Zoho's
 * probability), each with the won part at its foot. The gap between the two is what a manager
 * questions.
 */
import { Chart, compactMoney, niceMax } from './chart-kit';

export interface ForecastBar {
  label: string;
  booked: number;
  buyer: number;
  seller: number;
}

const W = 560;
const H = 220;
const AXIS = 64;
const FOOT = 24;

export function ForecastChart(props: {
  bars: ForecastBar[];
  currency: string;
  lang: string;
  label: string;
  legend: { buyer: string; seller: string; booked: string };
}) {
  const max = niceMax(Math.max(1, ...props.bars.flatMap((b) => [b.booked + b.buyer, b.booked + b.seller])));
  const plot = H - FOOT - 24;
  const scale = (n: number) => (n / max) * plot;
  const slot = (W - AXIS) / Math.max(1, props.bars.length);
  const barW = Math.min(36, slot / 3);
  const base = H - FOOT;
  return (
    <Chart width={W} height={H} label={props.label} testId="forecast-chart">
      <line x1={AXIS} x2={W} y1={base} y2={base} class="chart-axis" />
      <text x={AXIS - 6} y={base - plot + 4} text-anchor="end" class="chart-legend">
        {compactMoney(max, props.currency, props.lang)}
      </text>
      <text x={AXIS - 6} y={base} text-anchor="end" class="chart-legend">
        0
      </text>
      {props.bars.map((b, i) => {
        const x0 = AXIS + i * slot + slot / 2 - barW - 2;
        const column = (x: number, weighted: number, cls: string) => (
          <>
            <rect x={x} y={base - scale(b.booked)} width={barW} height={scale(b.booked)} class="bar-booked" />
            <rect
              x={x}
              y={base - scale(b.booked + weighted)}
              width={barW}
              height={scale(weighted)}
              class={cls}
            />
          </>
        );
        return (
          <g key={b.label} data-bar={b.label}>
            {column(x0, b.buyer, 'bar-buyer')}
            {column(x0 + barW + 4, b.seller, 'bar-seller')}
            <text x={x0 + barW + 2} y={base + 16} text-anchor="middle" class="chart-label">
              {b.label}
            </text>
          </g>
        );
      })}
      <g>
        <rect x={AXIS} y={2} width={10} height={10} class="bar-buyer" />
        <text x={AXIS + 14} y={11} class="chart-legend">
          {props.legend.buyer}
        </text>
        <rect x={AXIS + 190} y={2} width={10} height={10} class="bar-seller" />
        <text x={AXIS + 204} y={11} class="chart-legend">
          {props.legend.seller}
        </text>
        <rect x={AXIS + 380} y={2} width={10} height={10} class="bar-booked" />
        <text x={AXIS + 394} y={11} class="chart-legend">
          {props.legend.booked}
        </text>
      </g>
    </Chart>
  );
}
