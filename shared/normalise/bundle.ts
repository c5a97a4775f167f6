/**
 * Group a normalised dataset by account: each account with its contacts, deals, the activities
 * linked to it directly or through one of its deals (DESIGN §4), its plan and its group companies.
 */
import type { SalesProcessConfig } from '../config/schema';
import { activityAccount } from '../crm-read/links';
import type { Account, AccountBundle, AccountPlan, DataIssue, Dataset, ZohoId } from '../model/types';

export interface Bundles {
  bundles: Map<ZohoId, AccountBundle>;
  /** Problems that belong to no known account (e.g. an activity linked to a deleted deal). */
  unassigned: DataIssue[];
}

export function bundleByAccount(ds: Dataset, config: SalesProcessConfig): Bundles {
  const m = config.fields.modules;
  const unassigned: DataIssue[] = [];
  const bundles = new Map<ZohoId, AccountBundle>();
  for (const account of ds.accounts) {
    bundles.set(account.id, {
      account,
      contacts: [],
      deals: [],
      activities: [],
      plan: null,
      related: [],
      stageHistory: [],
      issues: [],
    });
  }
  const ownerOf = new Map<string, ZohoId>(); // record id → account id, to route issues
  const orphan = (module: string, id: string, why: string) =>
    unassigned.push({ code: 'ORPHAN_RECORD', message: `${module} ${id}: ${why}; not counted`, recordId: id });

  for (const c of ds.contacts) {
    const b = c.accountId ? bundles.get(c.accountId) : undefined;
    if (b) {
      b.contacts.push(c);
      ownerOf.set(c.id, b.account.id);
    }
  }
  const dealAccount = new Map<ZohoId, ZohoId>();
  for (const d of ds.deals) {
    const b = d.accountId ? bundles.get(d.accountId) : undefined;
    if (!b) {
      orphan(
        m.deals,
        d.id,
        d.accountId ? `its account ${d.accountId} is not in the data` : 'it has no account',
      );
      continue;
    }
    b.deals.push(d);
    dealAccount.set(d.id, b.account.id);
    ownerOf.set(d.id, b.account.id);
  }
  for (const a of ds.activities) {
    const accountId = activityAccount(
      a.what,
      m,
      (deal) => dealAccount.get(deal as ZohoId) ?? null,
    ) as ZohoId | null;
    const b = accountId ? bundles.get(accountId) : undefined;
    if (b) {
      b.activities.push(a);
      ownerOf.set(a.id, b.account.id);
    } else if (a.what && (a.what.module === m.accounts || a.what.module === m.deals)) {
      orphan(
        a.module,
        a.id,
        `its ${a.what.module === m.deals ? 'deal' : 'account'} ${a.what.id} is not in the data`,
      );
    }
  }
  for (const p of latestPlans(ds.plans, bundles, unassigned, config)) {
    const b = bundles.get(p.accountId as ZohoId);
    if (b) {
      b.plan = p;
      ownerOf.set(p.id, b.account.id);
    }
  }
  for (const h of ds.stageHistory) {
    const b = h.accountId ? bundles.get(h.accountId) : undefined;
    if (b) b.stageHistory.push(h);
  }
  for (const b of bundles.values())
    if (b.stageHistory.length > 1)
      b.stageHistory.sort((x, y) => (x.changedAt ?? 0) - (y.changedAt ?? 0) || x.id.localeCompare(y.id));
  for (const issue of ds.issues) {
    const accountId = issue.recordId
      ? bundles.has(issue.recordId as ZohoId)
        ? issue.recordId
        : ownerOf.get(issue.recordId)
      : undefined;
    const b = accountId ? bundles.get(accountId as ZohoId) : undefined;
    if (b) b.issues.push(issue);
    else unassigned.push(issue);
  }
  attachGroups(ds.accounts, bundles);
  for (const b of bundles.values()) b.issues.push(...reportingCycles(b));
  return { bundles, unassigned };
}

/** One plan per account: the most recently modified; extra plans are reported. */
function latestPlans(
  plans: AccountPlan[],
  bundles: Map<ZohoId, AccountBundle>,
  unassigned: DataIssue[],
  config: SalesProcessConfig,
): AccountPlan[] {
  const byAccount = new Map<ZohoId, AccountPlan[]>();
  for (const p of plans) {
    if (!p.accountId || !bundles.has(p.accountId)) {
      unassigned.push({
        code: 'ORPHAN_RECORD',
        message: `${config.fields.modules.accountPlans} ${p.id}: no known account; not used`,
        recordId: p.id,
      });
      continue;
    }
    pushTo(byAccount, p.accountId, p);
  }
  return [...byAccount.entries()].map(([accountId, list]) => {
    const sorted = [...list].sort(
      (a, b) => (b.modifiedTime ?? 0) - (a.modifiedTime ?? 0) || b.id.localeCompare(a.id),
    );
    const chosen = sorted[0] as AccountPlan;
    if (sorted.length > 1) {
      bundles.get(accountId)?.issues.push({
        code: 'MULTIPLE_PLANS',
        message: `account has ${sorted.length} account plans; using ${chosen.id}, the most recently modified`,
        recordId: chosen.id,
      });
    }
    return chosen;
  });
}

/**
 * Group companies through Parent_Account: the parent and the children. (Siblings are reached through
 * the parent's own insight.) The widget reads exactly these with one query, so both sides agree.
 */
function attachGroups(accounts: Account[], bundles: Map<ZohoId, AccountBundle>): void {
  const children = new Map<ZohoId, Account[]>();
  for (const a of accounts) if (a.parentId && a.parentId !== a.id) pushTo(children, a.parentId, a);
  for (const b of bundles.values()) {
    const { id, parentId } = b.account;
    const parent = parentId && parentId !== id ? bundles.get(parentId)?.account : undefined;
    b.related = [
      ...(parent
        ? [
            {
              id: parent.id,
              name: parent.name,
              relation: 'parent' as const,
              relationshipStage: parent.relationshipStage,
            },
          ]
        : []),
      ...(children.get(id) ?? []).map((c) => ({
        id: c.id,
        name: c.name,
        relation: 'child' as const,
        relationshipStage: c.relationshipStage,
      })),
    ];
  }
}

/**
 * Reporting lines that loop (A reports to B reports to A) break the org chart: report each loop once.
 * Linear in the contacts: each one is walked past once (a chain of 50,000 is one walk, not 50,000).
 */
function reportingCycles(b: AccountBundle): DataIssue[] {
  const boss = new Map(b.contacts.map((c) => [c.id, c.reportingToId]));
  const done = new Set<ZohoId>();
  const issues: DataIssue[] = [];
  for (const c of b.contacts) {
    const path: ZohoId[] = [];
    const onPath = new Map<ZohoId, number>();
    let cur: ZohoId | null | undefined = c.id;
    while (cur && !done.has(cur) && !onPath.has(cur)) {
      onPath.set(cur, path.length);
      path.push(cur);
      cur = boss.get(cur);
    }
    if (cur && onPath.has(cur)) {
      const loop = path.slice(onPath.get(cur));
      issues.push({
        code: 'REPORTING_CYCLE',
        message: `Reporting_To forms a loop: ${loop.join(' → ')} → ${cur}`,
        recordId: cur,
      });
    }
    for (const id of path) done.add(id);
  }
  return issues;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
