import { deriveNaive, type NaiveRun } from './measure';

// The naive baseline at 1,000 accounts (npm run bench, all three runs measured): the derivation used
// above 2,000 accounts must give what was measured there.
const full: NaiveRun = {
  kind: 'full',
  credits: { read: 15065, write: 502, total: 15567 },
  calls: 15116,
  wallMs: 0,
  recordsRead: 39000,
  written: { accounts: 1000, deals: 3020, history: 1000 },
};

it.each([
  ['no-change', 0, { read: 15065, write: 402, total: 15467 }, 15106],
  ['activities-1pct', 6, { read: 15065, write: 403, total: 15468 }, 15107],
] as const)(
  'a derived %s run with %d history inserts matches the measured one',
  (kind, history, credits, calls) => {
    expect(deriveNaive(full, kind, history)).toMatchObject({ kind, derived: true, credits, calls });
  },
);
