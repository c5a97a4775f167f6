/**
 * The service refreshes the kept portfolio when one of its runs finishes (issue 14): the first
 * GET /api/portfolio after a run then only computes the report. A listener's error is not the run's.
 */
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import { PortfolioCache } from '../../server/http/portfolio';
import type { SyncService } from '../../server/sync/sync-service';
import { AS_OF, openService, shippedConfig, startCrm, type Crm } from '../support/crm-harness';

const config = shippedConfig();
let crm: Crm;
let svc: SyncService;

beforeAll(async () => {
  crm = await startCrm({ dataset: generateDemoDataset({ asOf: AS_OF }) });
  svc = await openService(crm);
}, 60_000);

afterAll(async () => {
  svc?.close();
  await crm?.stop();
});

test('after a run, the portfolio is read again before anyone asks, once the view has been opened', async () => {
  const cache = new PortfolioCache(svc);
  let refreshed = () => {};
  const unsubscribe = svc.onRunFinished(() => {
    cache.refresh(svc.mirror, config);
    refreshed();
  });
  const reads = jest.spyOn(svc.mirror, 'all');
  const afterRun = () => new Promise<void>((resolve) => (refreshed = resolve));
  try {
    let done = afterRun();
    await svc.sync({ full: true, trigger: 'test' });
    await done;
    // Nobody has opened the view yet: nothing was read for it.
    expect(reads).not.toHaveBeenCalled();
    const first = cache.get(svc.mirror, config);
    expect(first.accounts.length).toBeGreaterThan(0);
    const readsForOne = reads.mock.calls.length;
    expect(readsForOne).toBeGreaterThan(0);

    done = afterRun();
    await svc.sync({ full: false, trigger: 'test' });
    await done;
    expect(reads.mock.calls.length).toBe(2 * readsForOne);
    // The request after the run: answered from what the refresh read.
    const next = cache.get(svc.mirror, config);
    expect(next).not.toBe(first);
    expect(next.accounts.length).toBe(first.accounts.length);
    expect(reads.mock.calls.length).toBe(2 * readsForOne);
  } finally {
    unsubscribe();
    reads.mockRestore();
  }
});

test('a listener that throws fails neither the run nor the process', async () => {
  let called = 0;
  const unsubscribe = svc.onRunFinished(() => {
    called++;
    throw new Error('listener broke');
  });
  try {
    const run = await svc.sync({ full: false, trigger: 'test' });
    expect(run.status).toBe('ok');
    await new Promise((resolve) => setImmediate(resolve));
    expect(called).toBe(1);
    // The next run still calls it.
    await svc.sync({ full: false, trigger: 'test' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(called).toBe(2);
  } finally {
    unsubscribe();
  }
});
