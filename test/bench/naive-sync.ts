/**
 * The naive baseline (DESIGN §9): a sync written the way a typical integration is — every run,
 * list the accounts, then per account fetch its related lists (Contacts, Deals, Tasks, Events,
 * Calls, Account_Plans) and per deal its activities (Tasks, Events, Calls: activities on a deal are
 * not in the account's lists), compute with the same engine, and write every account and every deal
 * (100 per call, `trigger: []`) plus a history record on each stage change. No mirror, no cursor, no
 * diff. Same fields as our sync reads (`syncStreams`), so both compute the same insights.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import { computeAccountInsight } from '../../shared/engine/insight';
import type { Instant } from '../../shared/model/types';
import { bundleByAccount } from '../../shared/normalise/bundle';
import { normaliseDataset } from '../../shared/normalise/normalise';
import { insightTimestampField, projectAccount, projectDeal } from '../../shared/writeback/project';
import { syncStreams } from '../../server/sync/streams';
import { chunks, pool, restClient, type Rest } from './rest';

type Row = Record<string, unknown> & { id: string };

export interface NaiveSummary {
  recordsRead: number;
  written: { accounts: number; deals: number; history: number };
}

/** Calls in flight at once. */
const LIMIT = 8;

export async function runNaiveSync(o: {
  url: string;
  config: SalesProcessConfig;
  asOf: Instant;
}): Promise<NaiveSummary> {
  const rest = restClient(o.url);
  const m = o.config.fields.modules;
  const fields = new Map(syncStreams(o.config).map((r) => [m[r.module], r.fields.join(',')]));
  const related = (parent: string, id: string, list: string) =>
    listAll(rest, `/${parent}/${id}/${list}?fields=${fields.get(list) ?? 'id'}`);

  const accounts = await listAll(rest, `/${m.accounts}?fields=${fields.get(m.accounts) ?? 'id'}`);
  const dataset: Record<string, Row[]> = {
    [m.accounts]: accounts,
    [m.contacts]: [],
    [m.deals]: [],
    [m.tasks]: [],
    [m.events]: [],
    [m.calls]: [],
    [m.accountPlans]: [],
  };
  const activityModules = [m.tasks, m.events, m.calls];
  await pool(accounts, LIMIT, async (a) => {
    for (const list of [m.contacts, m.deals, ...activityModules, m.accountPlans])
      dataset[list]?.push(...(await related(m.accounts, a.id, list)));
  });
  await pool(dataset[m.deals] ?? [], LIMIT, async (d) => {
    for (const list of activityModules) dataset[list]?.push(...(await related(m.deals, d.id, list)));
  });

  const normalised = normaliseDataset(dataset, o.config);
  if (!normalised.ok) throw new Error(`naive: dataset rejected: ${normalised.error}`);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const accountWrites: Row[] = [];
  const dealWrites: Row[] = [];
  const history: Record<string, unknown>[] = [];
  const h = o.config.fields.stageHistory;
  for (const bundle of bundleByAccount(normalised.dataset, o.config).bundles.values()) {
    const insight = computeAccountInsight(bundle, o.config, o.asOf);
    const current = byId.get(insight.accountId) ?? {};
    const p = projectAccount(insight, o.config, current);
    accountWrites.push({ id: insight.accountId, ...p.fields, ...insightTimestampField(insight, o.config) });
    for (const d of insight.deals) dealWrites.push({ id: d.id, ...projectDeal(d, o.config) });
    if (p.stageChange)
      history.push({
        Name: `${insight.accountName.slice(0, 40)}: ${p.stageChange.from ?? '—'} → ${p.stageChange.to} #${insight.accountId}`,
        [h.account]: { id: insight.accountId },
        [h.from]: p.stageChange.from,
        [h.to]: p.stageChange.to,
        [h.changedAt]: p.stageChange.changedAt,
      });
  }
  const write = (method: 'PUT' | 'POST', module: string, rows: Record<string, unknown>[]) =>
    pool(chunks(rows, 100), LIMIT, (data) => rest.send(method, `/${module}`, { data, trigger: [] }));
  await write('PUT', m.accounts, accountWrites);
  await write('PUT', m.deals, dealWrites);
  await write('POST', m.stageHistory, history);
  return {
    recordsRead: Object.values(dataset).reduce((s, rows) => s + rows.length, 0),
    written: { accounts: accountWrites.length, deals: dealWrites.length, history: history.length },
  };
}

/** Every page of a list (200 per page; `page_token` once Zoho hands one out). 204 = none. */
async function listAll(rest: Rest, path: string): Promise<Row[]> {
  const rows: Row[] = [];
  const sep = path.includes('?') ? '&' : '?';
  let cursor = `${sep}per_page=200&page=1`;
  for (let page = 1; ; page++) {
    const res = await rest.get(`${path}${cursor}`);
    if (res.status === 204 || !res.body) return rows;
    rows.push(...res.body.data);
    if (!res.body.info?.more_records) return rows;
    const token = res.body.info.next_page_token;
    cursor = token ? `${sep}per_page=200&page_token=${token}` : `${sep}per_page=200&page=${page + 1}`;
  }
}
