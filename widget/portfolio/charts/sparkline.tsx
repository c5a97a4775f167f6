/** A tiny line of a value over the trend samples (gaps where there is no snapshot); the numbers sit beside it. */
export function Sparkline(props: {
  values: (number | null)[];
  label: string;
  width?: number;
  height?: number;
}) {
  const w = props.width ?? 96;
  const h = props.height ?? 22;
  const xs = props.values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v != null);
  if (xs.length === 0) return <span class="muted small">—</span>;
  const lo = Math.min(...xs.map((p) => p.v));
  const hi = Math.max(...xs.map((p) => p.v));
  const n = Math.max(1, props.values.length - 1);
  const x = (i: number) => 2 + (i / n) * (w - 4);
  const y = (v: number) => (hi === lo ? h / 2 : h - 3 - ((v - lo) / (hi - lo)) * (h - 6));
  // one polyline per run of consecutive samples with a value
  const runs: { v: number; i: number }[][] = [];
  for (const p of xs) {
    const run = runs[runs.length - 1];
    if (run && (run[run.length - 1] as { i: number }).i === p.i - 1) run.push(p);
    else runs.push([p]);
  }
  const last = xs[xs.length - 1] as { v: number; i: number };
  return (
    <svg class="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={props.label}>
      {runs.map((run, k) => (
        <polyline
          key={k}
          points={run.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}
          fill="none"
          stroke="#2f78c0"
          stroke-width="1.5"
        />
      ))}
      <circle cx={x(last.i)} cy={y(last.v)} r="2" fill="#2f78c0" />
    </svg>
  );
}
