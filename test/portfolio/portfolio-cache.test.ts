/**
 * GET /api/portfolio keeps the normalised portfolio between requests only while the mirror cannot
 * have changed: until the next sync run finishes, never during one, never across a config reload.
 */
import { PortfolioCache } from '../../server/http/portfolio';
import type { Mirror } from '../../server/state/mirror';
import type { SyncState } from '../../server/state/sync-state';
import { shippedConfig } from '../support/crm-harness';

const config = shippedConfig();

function source(runs: { id: number; finishedAt: string | null }[], busy = false) {
  const state = { recentRuns: () => runs.slice(-1).reverse() } as unknown as SyncState;
  return { state, busy };
}

function mirror(): Mirror {
  const none = () => [][Symbol.iterator]();
  return { all: none, withStringField: none, users: () => null } as unknown as Mirror;
}

describe('PortfolioCache', () => {
  it('answers from the kept copy until another run has finished', () => {
    const runs = [{ id: 1, finishedAt: '2026-11-26T03:00:00Z' }];
    const cache = new PortfolioCache(source(runs));
    const m = mirror();
    const first = cache.get(m, config);
    expect(cache.get(m, config)).toBe(first);
    runs.push({ id: 2, finishedAt: '2026-11-26T03:10:00Z' });
    expect(cache.get(m, config)).not.toBe(first);
  });

  it('keeps nothing while a run is going on, here or in another process', () => {
    const m = mirror();
    const busy = new PortfolioCache(source([{ id: 1, finishedAt: 'x' }], true));
    expect(busy.get(m, config)).not.toBe(busy.get(m, config));
    const elsewhere = new PortfolioCache(source([{ id: 3, finishedAt: null }]));
    expect(elsewhere.get(m, config)).not.toBe(elsewhere.get(m, config));
  });

  it('a new mirror or config (a reload) starts afresh', () => {
    const cache = new PortfolioCache(source([{ id: 1, finishedAt: 'x' }]));
    const m = mirror();
    const first = cache.get(m, config);
    expect(cache.get(mirror(), config)).not.toBe(first);
    expect(cache.get(m, { ...config })).not.toBe(first);
  });

  it('refresh after a run reads the portfolio again, once someone has asked for it', () => {
    const runs = [{ id: 1, finishedAt: '2026-11-26T03:00:00Z' }];
    let reads = 0;
    const m = mirror();
    const counting = {
      ...m,
      all: (module: string) => {
        if (module === 'accounts') reads++;
        return m.all(module as never);
      },
    } as unknown as Mirror;
    const cache = new PortfolioCache(source(runs));
    // Nobody has opened the view: nothing is read.
    cache.refresh(counting, config);
    expect(reads).toBe(0);
    const first = cache.get(counting, config);
    expect(reads).toBe(1);
    runs.push({ id: 2, finishedAt: '2026-11-26T03:10:00Z' });
    cache.refresh(counting, config);
    expect(reads).toBe(2);
    // The request after the run is answered from what the refresh read.
    const next = cache.get(counting, config);
    expect(next).not.toBe(first);
    expect(reads).toBe(2);
  });
});
