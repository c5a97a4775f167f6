/**
 * Data shapes that once froze the engine (issue 13): one account with a 50,000-contact
 * `Reporting_To` chain (the cycle check was cubic: 4,000 took 30 s), 1,000,000 activities on one
 * account, a 10 MB text field (a contact title, an account description). Each shape goes through
 * the whole engine path the service runs per account: normalise → bundle → insight.
 *
 * `npm run test:stress` (main.ts) runs the full sizes and prints the seconds each took; the jest
 * suite beside it (`data-shapes.test.ts`, in `npm test`) runs the chain and the 10 MB field at full
 * size and the activities at 20,000, asserting the answers (never the time).
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import { computeAccountInsight, type AccountInsight } from '../../shared/engine/insight';
import type { Instant, ZohoId } from '../../shared/model/types';
import { bundleByAccount } from '../../shared/normalise/bundle';
import { normaliseDataset } from '../../shared/normalise/normalise';
import { account, contact, dataset, event, task } from '../../shared/testing/zoho-builders';

export const AS_OF = Date.parse('2026-11-26T12:00:00+09:00') as Instant;

export interface ShapeResult {
  insight: AccountInsight;
  issues: { code: string }[];
}

export function runShape(raw: unknown, config: SalesProcessConfig): ShapeResult {
  const n = normaliseDataset(raw, config);
  if (!n.ok) throw new Error(n.error);
  const b = bundleByAccount(n.dataset, config).bundles.get('a1' as ZohoId);
  if (!b) throw new Error('account a1 missing');
  return { insight: computeAccountInsight(b, config, AS_OF), issues: b.issues };
}

/** `n` contacts, each reporting to the one before; `loop` closes the chain back to the first. */
export function contactChain(n: number, loop = false): unknown {
  const contacts = Array.from({ length: n }, (_, i) =>
    contact({ id: `c${i}`, ...(i > 0 ? { boss: `c${i - 1}` } : loop ? { boss: `c${n - 1}` } : {}) }),
  );
  return dataset({ Contacts: contacts });
}

/** `n` activities on the account: tasks and events alternating, spread over the last year. */
export function manyActivities(n: number): unknown {
  const tasks = [];
  const events = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(AS_OF - (i % 360) * 86_400_000).toISOString();
    if (i % 2 === 0) tasks.push(task({ id: `t${i}`, account: 'a1', subject: 'セミナー', closed: day }));
    else events.push(event({ id: `e${i}`, account: 'a1', subject: '打合せ', start: day }));
  }
  return dataset({ Contacts: [contact({ id: 'c0' })], Tasks: tasks, Events: events });
}

/** A 10 MB title, description and subject. */
export function hugeText(bytes = 10_000_000): unknown {
  const big = `代表取締役社長${'x'.repeat(bytes)}`;
  return dataset({
    Accounts: [account({ Description: big })],
    Contacts: [contact({ id: 'c0', title: big })],
    Tasks: [
      task({ id: 't0', account: 'a1', subject: big, closed: new Date(AS_OF - 86_400_000).toISOString() }),
    ],
  });
}
