/**
 * The open alerts of the accounts in view, per rep (the account's owner, whom the task is for) and
 * per account, with the rule codes in the config's order.
 */
import type { SalesProcessConfig } from '../config/schema';
import type { PortfolioView } from './filter';
import type { PortfolioAlert } from './model';

export interface AlertRollup {
  total: number;
  /** The config's rule codes that have at least one open alert in view, in config order. */
  codes: string[];
  perRep: { ownerId: string | null; total: number; byCode: Record<string, number> }[];
  accounts: { accountId: string; name: string; ownerId: string | null; codes: string[] }[];
}

export function alertRollup(
  view: PortfolioView,
  alerts: readonly PortfolioAlert[],
  config: SalesProcessConfig,
): AlertRollup {
  const order = config.alerts.rules.map((r) => r.code);
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  const byAccount = new Map<string, Set<string>>();
  for (const a of alerts) byAccount.set(a.accountId, (byAccount.get(a.accountId) ?? new Set()).add(a.code));
  const accounts = view.accounts.flatMap((a) => {
    const codes = byAccount.get(a.id);
    return codes
      ? [
          {
            accountId: a.id,
            name: a.name,
            ownerId: a.ownerId,
            codes: [...codes].sort((x, y) => rank(x) - rank(y)),
          },
        ]
      : [];
  });
  const reps = new Map<
    string | null,
    { ownerId: string | null; total: number; byCode: Record<string, number> }
  >();
  const seen = new Set<string>();
  for (const a of accounts) {
    const rep = reps.get(a.ownerId) ?? { ownerId: a.ownerId, total: 0, byCode: {} };
    for (const c of a.codes) {
      rep.total++;
      rep.byCode[c] = (rep.byCode[c] ?? 0) + 1;
      seen.add(c);
    }
    reps.set(a.ownerId, rep);
  }
  const perRep = [...reps.values()].sort(
    (x, y) => y.total - x.total || String(x.ownerId).localeCompare(String(y.ownerId)),
  );
  return {
    total: perRep.reduce((t, r) => t + r.total, 0),
    codes: [...seen].sort((x, y) => rank(x) - rank(y)),
    perRep,
    accounts,
  };
}
