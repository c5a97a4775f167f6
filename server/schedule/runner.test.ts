import pino from 'pino';
import type { RunSummary } from '../sync/run';
import { SyncRunner, type RunnerTarget } from './runner';

/** A target that records each run it is asked for and ends it when the test says so. */
function recordingTarget() {
  const runs: { full?: boolean; trigger: string }[] = [];
  const ends: (() => void)[] = [];
  const target: RunnerTarget = {
    sync: (o) =>
      new Promise<RunSummary>((resolve) => {
        runs.push(o);
        ends.push(() => resolve({ trigger: o.trigger, status: 'ok' } as RunSummary));
      }),
  };
  const endAll = () => ends.splice(0).forEach((end) => end());
  return { target, runs, endAll };
}

const log = pino({ level: 'silent' });

test('a burst of webhook changes costs one run, and idle() waits for it to start and end', async () => {
  const t = recordingTarget();
  const runner = new SyncRunner(t.target, log, { debounceMs: 20, maxWaitMs: 1000 });
  runner.requestSoon('webhook Deals');
  runner.requestSoon('webhook Tasks');
  runner.requestSoon('webhook Tasks');
  expect(t.runs).toEqual([]);
  let idleDone = false;
  const idle = runner.idle().then(() => (idleDone = true));
  while (t.runs.length === 0) await new Promise((r) => setTimeout(r, 5));
  expect(idleDone).toBe(false); // the debounced run has started and not ended
  t.endAll();
  await idle;
  expect(t.runs).toEqual([{ trigger: 'webhook Tasks' }]);
  expect(runner.lastSummary?.trigger).toBe('webhook Tasks');
  expect(runner.running).toBe(false);
});

test('requests during a run are served by one follow-up run, full if any asked for it', async () => {
  const t = recordingTarget();
  const runner = new SyncRunner(t.target, log);
  runner.request({ trigger: 'start' });
  runner.request({ trigger: 'api', full: true });
  runner.request({ trigger: 'schedule' });
  expect(t.runs).toHaveLength(1);
  const idle = runner.idle();
  t.endAll();
  while (t.runs.length < 2) await new Promise((r) => setTimeout(r, 5));
  t.endAll();
  await idle;
  expect(t.runs).toEqual([{ trigger: 'start' }, { trigger: 'schedule', full: true }]);
});

test('stop drops a debounced run that has not started; idle() then returns', async () => {
  const t = recordingTarget();
  const runner = new SyncRunner(t.target, log, { debounceMs: 60_000 });
  runner.requestSoon('webhook Deals');
  const idle = runner.idle();
  await runner.stop();
  await idle;
  expect(t.runs).toEqual([]);
});

test('a request for the daily snapshots during a run is kept by the follow-up run', async () => {
  const t = recordingTarget();
  const runner = new SyncRunner(t.target, log);
  runner.request({ trigger: 'webhook' });
  runner.request({ trigger: 'daily full pass', full: true, snapshot: true });
  runner.request({ trigger: 'schedule' });
  const idle = runner.idle();
  t.endAll();
  while (t.runs.length < 2) await new Promise((r) => setTimeout(r, 5));
  t.endAll();
  await idle;
  expect(t.runs).toEqual([{ trigger: 'webhook' }, { trigger: 'schedule', full: true, snapshot: true }]);
});
