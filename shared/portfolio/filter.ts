/**
 * Filters → the accounts in view, with their deals and stage history. Filters choose accounts by
 * their *current* owner, stage, industry and whether they are strategic targets; every roll-up then describes those accounts.
 */
import { compareIds } from './normalise';
import type {
  Portfolio,
  PortfolioAccount,
  PortfolioDeal,
  PortfolioFilters,
  PortfolioStageChange,
  PortfolioUser,
} from './model';

export interface PortfolioView {
  accounts: PortfolioAccount[];
  /** Deals of the accounts in view. */
  deals: PortfolioDeal[];
  /** Stage history per account in view, oldest first. */
  history: Map<string, PortfolioStageChange[]>;
  users: Map<string, PortfolioUser>;
}

/** A manager and everyone who reports to them, directly or not (Reporting_To; cycles are harmless). */
export function teamMembers(managerId: string, users: readonly PortfolioUser[]): Set<string> {
  const reports = new Map<string, string[]>();
  for (const u of users) {
    if (u.reportsTo == null) continue;
    reports.set(u.reportsTo, [...(reports.get(u.reportsTo) ?? []), u.id]);
  }
  const team = new Set<string>([managerId]);
  const queue = [managerId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const r of reports.get(id) ?? []) {
      if (team.has(r)) continue;
      team.add(r);
      queue.push(r);
    }
  }
  return team;
}

export function applyFilters(p: Portfolio, f: PortfolioFilters): PortfolioView {
  const owners = f.owners.length > 0 ? new Set(f.owners) : null;
  const team = f.team != null ? teamMembers(f.team, p.users) : null;
  const stages = f.stages.length > 0 ? new Set(f.stages) : null;
  const industries = f.industries.length > 0 ? new Set(f.industries) : null;
  const accounts = inIdOrder(
    p.accounts.filter(
      (a) =>
        (!owners || (a.ownerId != null && owners.has(a.ownerId))) &&
        (!team || (a.ownerId != null && team.has(a.ownerId))) &&
        (!stages || (a.stage != null && stages.has(a.stage))) &&
        (!industries || (a.industry != null && industries.has(a.industry))) &&
        (f.target == null || (f.target === 'yes') === (a.isTarget !== false)), // no field = a target
    ),
  );
  const ids = new Set<string>();
  for (const a of accounts) ids.add(a.id);
  const history = new Map<string, PortfolioStageChange[]>();
  for (const c of p.history) {
    if (!ids.has(c.accountId)) continue;
    const list = history.get(c.accountId);
    if (list) list.push(c);
    else history.set(c.accountId, [c]);
  }
  return {
    accounts,
    deals: inIdOrder(p.deals.filter((d) => d.accountId != null && ids.has(d.accountId))),
    history,
    users: new Map(p.users.map((u) => [u.id, u])),
  };
}

/**
 * The list sorted by id (compareIds), in place. Records mostly come in that order already (the
 * service's mirror lists them by id, the web tab reads `order by id`), so one look along the list
 * spares sorting 30,000 deals; a list out of order is sorted (stably: equal ids keep their order,
 * as they would in the sorted list anyway).
 */
function inIdOrder<T extends { id: string }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++)
    if (compareIds((list[i - 1] as T).id, (list[i] as T).id) > 0)
      return list.sort((a, b) => compareIds(a.id, b.id));
  return list;
}
