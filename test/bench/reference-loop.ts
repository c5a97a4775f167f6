/**
 * How fast the bench machine's CPUs are right now, measured (issue 14). On the shared VM the bench runs
 * on, process CPU time counts the time the host takes a virtual CPU away (no steal accounting): the same
 * fixed loop takes ≈ 11 ms of CPU on a quiet CPU and ≈ 21 ms on one the host is contending for, for
 * tens of seconds at a time, and one of the two CPUs can be slow while the other is not (README,
 * Performance). So the bench runs each CPU-measured sync pinned to the quieter CPU (`taskset`), and
 * times this loop on that CPU before and after the run: a run after which the loop was slower than
 * `SLOWED` × the fastest time seen is measured again.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';

/**
 * A fixed pure-JS workload in its own Node process: prints the median CPU ms of 5 repetitions
 * (≈ 10 ms each on a quiet CPU of the bench machine), after one unmeasured repetition.
 */
const LOOP = `
const rep = () => {
  const a = new Float64Array(4096);
  let s = 0;
  for (let k = 0; k < 2500; k++) for (let i = 0; i < 4096; i++) { a[i] = a[i] * 0.5 + i * k; s += a[i]; }
  return s;
};
rep();
const ms = [];
for (let r = 0; r < 5; r++) { const c = process.cpuUsage(); rep(); const d = process.cpuUsage(c); ms.push((d.user + d.system) / 1000); }
ms.sort((x, y) => x - y);
process.stdout.write(String(ms[2]));
`;

/** A run is measured again when the loop after it took more than this × the fastest time seen. */
export const SLOWED = 1.15;

let pinnable: boolean | null = null;

/** Whether the bench can pin processes to one CPU: `taskset` (util-linux) and at least two CPUs. */
export function canPin(): boolean {
  pinnable ??= os.cpus().length >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return pinnable;
}

/** CPU ms of the reference loop (median of 5), on `cpu` when given. */
export function referenceMs(cpu: number | null): number {
  const [command, args] =
    cpu === null
      ? [process.execPath, ['-e', LOOP]]
      : ['taskset', ['-c', String(cpu), process.execPath, '-e', LOOP]];
  const res = spawnSync(command, args, { encoding: 'utf8' });
  const ms = Number(res.stdout);
  if (res.status !== 0 || !Number.isFinite(ms) || ms <= 0)
    throw new Error(`the reference loop failed (exit ${res.status}): ${String(res.stderr).slice(0, 500)}`);
  return ms;
}

/** The CPU the reference loop ran fastest on, and its time (null when the bench cannot pin). */
export function quietestCpu(): { cpu: number; ms: number } | null {
  if (!canPin()) return null;
  let best: { cpu: number; ms: number } | null = null;
  for (let cpu = 0; cpu < os.cpus().length; cpu++) {
    const ms = referenceMs(cpu);
    if (!best || ms < best.ms) best = { cpu, ms };
  }
  return best;
}

/** Whether a run was measured while its CPU was slowed: the loop after it over `SLOWED` × the fastest seen. */
export function slowedRun(afterMs: number, fastestMs: number): boolean {
  return afterMs > SLOWED * fastestMs;
}

/**
 * `run` on the quietest CPU (its argument; undefined when the bench cannot pin), with the loop's time on
 * that CPU just before and right after it (null when not pinned).
 */
export async function onQuietestCpu<T>(
  run: (cpu: number | undefined) => Promise<T>,
): Promise<{ value: T; reference: { beforeMs: number; afterMs: number } | null }> {
  const pin = quietestCpu();
  const value = await run(pin?.cpu);
  return { value, reference: pin ? { beforeMs: pin.ms, afterMs: referenceMs(pin.cpu) } : null };
}

/** A loop time as the bench prints it (— when not measured). */
export function loopText(ms: number | null): string {
  return ms === null ? '—' : ms.toFixed(1);
}
