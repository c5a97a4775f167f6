/**
 * Whitespace across the portfolio (issue 16): the account plans' potential maps (rows of segment,
 * offering, potential, current) of the accounts in view, as one segment × offering heat map — where
 * the potential is and how little of it is ours yet — for all accounts in view or one group of
 * companies (the accounts under one top parent, via Parent_Account). Each cell knows its accounts, so
 * a click lists them. Pure.
 */
import type { PortfolioView } from './filter';
import type { PortfolioAccount } from './model';

/** One potential-map row of an account's plan. */
export interface PotentialRow {
  accountId: string;
  segment: string;
  offering: string;
  potential: number;
  current: number;
}

export interface WhitespaceCell {
  segment: string;
  offering: string;
  potential: number;
  current: number;
  /** potential − current, never below 0: what is left to win. */
  whitespace: number;
  /** current / potential; null without potential. */
  share: number | null;
  /** The accounts with a row in this cell, the largest whitespace first. */
  accounts: { id: string; whitespace: number }[];
}

export interface Whitespace {
  /** Rows and columns, the largest whitespace first. */
  segments: string[];
  offerings: string[];
  /** `segment\u0000offering` → cell. */
  cells: Map<string, WhitespaceCell>;
  totals: { potential: number; current: number; whitespace: number; accounts: number };
  /** Groups of companies in view: top parent → its name and how many accounts in view it has (≥ 2). */
  groups: { id: string; name: string; accounts: number }[];
}

export const cellKey = (segment: string, offering: string) => `${segment}\u0000${offering}`;

/** The account at the top of an account's Parent_Account chain (itself when it has no parent); cycles stop. */
export function topParent(id: string, byId: ReadonlyMap<string, PortfolioAccount>): string {
  let at = id;
  const seen = new Set<string>([at]);
  for (;;) {
    const parent = byId.get(at)?.parentId;
    if (!parent || seen.has(parent) || !byId.has(parent)) return at;
    seen.add(parent);
    at = parent;
  }
}

/**
 * The heat map of the accounts in view (`group`: only the accounts whose top parent is that account).
 * Segment and offering names are trimmed; a row without either, or with a negative amount, is left out.
 */
export function whitespaceMap(
  view: PortfolioView,
  rows: readonly PotentialRow[],
  allAccounts: readonly PortfolioAccount[],
  group: string | null = null,
): Whitespace {
  const byId = new Map(allAccounts.map((a) => [a.id, a]));
  const groupSizes = new Map<string, number>();
  for (const a of view.accounts) {
    const top = topParent(a.id, byId);
    groupSizes.set(top, (groupSizes.get(top) ?? 0) + 1);
  }
  const inView = new Set(
    view.accounts.filter((a) => group === null || topParent(a.id, byId) === group).map((a) => a.id),
  );
  const cells = new Map<string, WhitespaceCell>();
  const perAccount = new Map<string, Map<string, number>>();
  const accountsWithRows = new Set<string>();
  for (const r of rows) {
    if (!inView.has(r.accountId)) continue;
    const segment = r.segment.trim();
    const offering = r.offering.trim();
    if (!segment || !offering || !(r.potential >= 0) || !(r.current >= 0)) continue;
    const key = cellKey(segment, offering);
    const c = cells.get(key) ?? {
      segment,
      offering,
      potential: 0,
      current: 0,
      whitespace: 0,
      share: null,
      accounts: [],
    };
    c.potential += r.potential;
    c.current += r.current;
    cells.set(key, c);
    const acc = perAccount.get(key) ?? new Map<string, number>();
    acc.set(r.accountId, (acc.get(r.accountId) ?? 0) + Math.max(0, r.potential - r.current));
    perAccount.set(key, acc);
    accountsWithRows.add(r.accountId);
  }
  const segTotals = new Map<string, number>();
  const offTotals = new Map<string, number>();
  let potential = 0;
  let current = 0;
  for (const [key, c] of cells) {
    c.whitespace = Math.max(0, c.potential - c.current);
    c.share = c.potential > 0 ? Math.min(1, c.current / c.potential) : null;
    c.accounts = [...(perAccount.get(key) ?? new Map<string, number>())]
      .map(([id, whitespace]) => ({ id, whitespace }))
      .sort((a, b) => b.whitespace - a.whitespace || a.id.localeCompare(b.id));
    segTotals.set(c.segment, (segTotals.get(c.segment) ?? 0) + c.whitespace);
    offTotals.set(c.offering, (offTotals.get(c.offering) ?? 0) + c.whitespace);
    potential += c.potential;
    current += c.current;
  }
  const order = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  return {
    segments: order(segTotals),
    offerings: order(offTotals),
    cells,
    totals: {
      potential,
      current,
      whitespace: Math.max(0, potential - current),
      accounts: accountsWithRows.size,
    },
    groups: [...groupSizes]
      .filter(([, n]) => n >= 2)
      .map(([id, n]) => ({ id, name: byId.get(id)?.name ?? id, accounts: n }))
      .sort((a, b) => b.accounts - a.accounts || a.name.localeCompare(b.name)),
  };
}

/**
 * Potential-map rows as the CRM gives them: the plans as GET records returns them, each with its
 * account (`Account`) and its `Potential_Map` subform rows nested in it (COQL cannot be relied on
 * for subform rows: zoho-platform §3.5). Rows without a segment and offering, or with amounts that
 * are not numbers, are left out; so are plans without an account.
 */
export function potentialRows(
  plans: readonly Record<string, unknown>[],
  fields: {
    account: string;
    potentialMap: string;
    segment: string;
    offering: string;
    potentialAmount: string;
    currentAmount: string;
  },
): PotentialRow[] {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : v == null ? 0 : Number.NaN);
  const out: PotentialRow[] = [];
  for (const p of plans) {
    const account = p[fields.account];
    const accountId =
      account != null && typeof account === 'object' && 'id' in account
        ? String((account as { id: unknown }).id)
        : null;
    const rows = p[fields.potentialMap];
    if (!accountId || !Array.isArray(rows)) continue;
    for (const r of rows as Record<string, unknown>[]) {
      const segment = r?.[fields.segment];
      const offering = r?.[fields.offering];
      if (typeof segment !== 'string' || typeof offering !== 'string') continue;
      const potential = num(r[fields.potentialAmount]);
      const current = num(r[fields.currentAmount]);
      if (Number.isNaN(potential) || Number.isNaN(current)) continue;
      out.push({ accountId, segment, offering, potential, current });
    }
  }
  return out;
}
