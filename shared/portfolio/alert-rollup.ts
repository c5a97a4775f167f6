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
  // a code's place in the config's rules (its first one); codes the config does not know last
  const order = new Map<string, number>();
  config.alerts.rules.forEach((r, i) => {
    if (!order.has(r.code)) order.set(r.code, i);
  });
  const rank = (c: string) => order.get(c) ?? config.alerts.rules.length;
  const byRank = (x: string, y: string) => rank(x) - rank(y);
  // each account's codes once each, as first seen (then sorted in place: the lists are this call's)
  const byAccount = new Map<string, string[]>();
  for (const a of alerts) {
    const codes = byAccount.get(a.accountId);
    if (codes === undefined) byAccount.set(a.accountId, [a.code]);
    else if (!codes.includes(a.code)) codes.push(a.code);
  }
  const accounts: AlertRollup['accounts'] = [];
  for (const a of view.accounts) {
    const codes = byAccount.get(a.id);
    if (codes)
      accounts.push({ accountId: a.id, name: a.name, ownerId: a.ownerId, codes: codes.sort(byRank) });
  }
  const reps = new Map<
    string | null,
    { ownerId: string | null; total: number; byCode: Record<string, number> }
  >();
  const seen = new Set<string>();
  for (const a of accounts) {
    let rep = reps.get(a.ownerId);
    if (rep === undefined) {
      rep = { ownerId: a.ownerId, total: 0, byCode: {} };
      reps.set(a.ownerId, rep);
    }
    for (const c of a.codes) {
      rep.total++;
      rep.byCode[c] = (rep.byCode[c] ?? 0) + 1;
      seen.add(c);
    }
  }
  const perRep = [...reps.values()].sort(
    (x, y) => y.total - x.total || String(x.ownerId).localeCompare(String(y.ownerId)),
  );
  return {
    total: perRep.reduce((t, r) => t + r.total, 0),
    codes: [...seen].sort(byRank),
    perRep,
    accounts,
  };
}
