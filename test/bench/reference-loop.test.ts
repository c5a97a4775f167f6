/**
 * The bench's measure of how fast a CPU is right now (reference-loop.ts): the loop runs and gives a
 * time, on a given CPU where the machine can pin, and a run counts as slowed only past the threshold.
 */
import os from 'node:os';
import {
  SLOWED,
  canPin,
  loopText,
  onQuietestCpu,
  quietestCpu,
  referenceMs,
  slowedRun,
} from './reference-loop';

test('a run counts as slowed only when the loop after it took over SLOWED × the fastest time', () => {
  expect(slowedRun(10, 10)).toBe(false);
  expect(slowedRun(10 * SLOWED, 10)).toBe(false);
  expect(slowedRun(10 * SLOWED + 0.01, 10)).toBe(true);
  expect(slowedRun(21, 11)).toBe(true);
  expect(slowedRun(9, 11)).toBe(false);
});

test('the reference loop gives a CPU time in milliseconds', () => {
  const ms = referenceMs(null);
  expect(ms).toBeGreaterThan(0.5);
  expect(ms).toBeLessThan(2_000);
});

test('on a machine that can pin, the loop runs on each CPU and the quietest is one of them', () => {
  if (!canPin()) {
    // Without taskset or a second CPU the bench runs unpinned and says so (no reference times).
    expect(quietestCpu()).toBeNull();
    return;
  }
  const cpus = os.cpus().length;
  const pin = quietestCpu();
  expect(pin).not.toBeNull();
  expect(pin?.cpu).toBeGreaterThanOrEqual(0);
  expect(pin?.cpu).toBeLessThan(cpus);
  expect(referenceMs(pin?.cpu ?? 0)).toBeGreaterThan(0.5);
  // A CPU that does not exist is refused by taskset: an error, not a time.
  expect(() => referenceMs(cpus + 63)).toThrow(/the reference loop failed/);
});

test('a run on the quietest CPU gets that CPU, and the loop times around it when the machine can pin', async () => {
  const seen: (number | undefined)[] = [];
  const { value, reference } = await onQuietestCpu(async (cpu) => {
    seen.push(cpu);
    return 'done';
  });
  expect(value).toBe('done');
  if (!canPin()) {
    expect(seen).toEqual([undefined]);
    expect(reference).toBeNull();
    return;
  }
  expect(seen[0]).toBeGreaterThanOrEqual(0);
  expect(seen[0]).toBeLessThan(os.cpus().length);
  expect(reference?.beforeMs).toBeGreaterThan(0.5);
  expect(reference?.afterMs).toBeGreaterThan(0.5);
});

test('a loop time prints to a tenth of a millisecond, a missing one as a dash', () => {
  expect(loopText(12.345)).toBe('12.3');
  expect(loopText(null)).toBe('—');
});
