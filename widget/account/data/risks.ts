/**
 * The flags that need action, for the strip under the header and the counts on the tabs: seller
 * actions ahead of the buyer (premature quote / contract …), stalled or overdue deals, no decision
 * maker, a decision maker nobody has met, a stale or missing plan. Read from the engine's insight
 * and the buyer-map view; no new rules here.
 */
import type { AccountView } from './account-view';

export type RiskKey =
  'premature' | 'stalled' | 'overdue' | 'noDecisionMaker' | 'dmUncontacted' | 'stalePlan' | 'noPlan';

export type RiskTab = 'deals' | 'buyers' | 'plan';

export interface Risk {
  key: RiskKey;
  /** How many deals / people it concerns (1 for the plan). */
  count: number;
  tab: RiskTab;
}

export function accountRisks(view: AccountView): Risk[] {
  const premature = new Set(view.config.prematureActions.map((p) => p.code as string));
  const open = view.insight.deals.filter((d) => d.status === 'open');
  const dealsWith = (test: (code: string) => boolean) =>
    open.filter((d) => d.flags.some((f) => test(f.code))).length;
  const codes = new Set(view.insight.nextActions.map((a) => a.code as string));
  const decisionMakers = view.people.filter((p) => p.contact.buyingRole === 'decision_maker');
  const risks: Risk[] = [
    { key: 'premature', count: dealsWith((c) => premature.has(c)), tab: 'deals' },
    { key: 'stalled', count: dealsWith((c) => c === 'STALLED_DEAL'), tab: 'deals' },
    { key: 'overdue', count: dealsWith((c) => c === 'OVERDUE_CLOSE'), tab: 'deals' },
    {
      key: 'noDecisionMaker',
      count: view.buyerGaps.some((g) => g.code === 'NO_DECISION_MAKER') ? 1 : 0,
      tab: 'buyers',
    },
    { key: 'dmUncontacted', count: decisionMakers.filter((p) => p.lastTouch == null).length, tab: 'buyers' },
    { key: 'stalePlan', count: codes.has('UPDATE_PLAN') ? 1 : 0, tab: 'plan' },
    { key: 'noPlan', count: codes.has('CREATE_PLAN') ? 1 : 0, tab: 'plan' },
  ];
  return risks.filter((r) => r.count > 0);
}

/** Per tab, how many things there need action (a deal with two flags counts once). */
export function riskCounts(view: AccountView): Partial<Record<RiskTab, number>> {
  const premature = new Set(view.config.prematureActions.map((p) => p.code as string));
  const flagged = view.insight.deals.filter(
    (d) =>
      d.status === 'open' &&
      d.flags.some((f) => premature.has(f.code) || f.code === 'STALLED_DEAL' || f.code === 'OVERDUE_CLOSE'),
  ).length;
  const out: Partial<Record<RiskTab, number>> = {};
  for (const r of accountRisks(view)) {
    if (r.tab === 'deals') continue;
    out[r.tab] = (out[r.tab] ?? 0) + r.count;
  }
  if (flagged > 0) out.deals = flagged;
  return out;
}
