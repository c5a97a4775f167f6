/**
 * Make the dataset look as if the service had been running for the past 18 months: replay its
 * monthly full pass at each month end (and once more at `asOf`), each time over the records that
 * existed then, with the real engine — and keep what it would have written: each account's
 * Relationship_Stage, Relationship_Stage_Since, and a Relationship_Stage_History record per change.
 * The result is consistent with the engine by construction, so the first real sync finds every
 * stage unchanged.
 */
import type { ZohoRecord } from '../../../../shared/crm-read/records';
import type { SalesProcessConfig } from '../../../../shared/config/schema';
import { insightsFromDataset } from '../../../../shared/engine/pipeline';
import { parseInstant } from '../../../../shared/model/time';
import type { Instant } from '../../../../shared/model/types';
import { lookup, type BuildContext } from './records/context';
import type { AccountInsight } from '../../../../shared/engine/insight';
import { NOT_STARTED } from '../../../../shared/portfolio/model';
import { snapshotRecord } from '../../../../shared/portfolio/trends';

export type ModuleRecords = Record<string, ZohoRecord[]>;

const HISTORY_MONTHS = 18;
/** Local hour of the monthly full pass. */
const PASS_HOUR = 23;
/** Passes over the same moment until group companies agree (Parent_Account reads their stage). */
const MAX_SETTLE_PASSES = 8;

interface StageState {
  label: string;
  changedAt: Instant;
}

export function replayStageHistory(
  ctx: BuildContext,
  config: SalesProcessConfig,
  modules: ModuleRecords,
  /** Filled with the month anchors the service's daily snapshots would have written (ESM_Snapshots). */
  snapshots?: ZohoRecord[],
): ZohoRecord[] {
  const f = config.fields.account;
  const state = new Map<string, StageState>();
  const history: ZohoRecord[] = [];
  const names = new Map((modules.Accounts ?? []).map((a) => [String(a.id), String(a[f.name])]));
  for (const at of [...ctx.clock.monthEnds(HISTORY_MONTHS, PASS_HOUR), ctx.clock.asOf]) {
    if (at > ctx.clock.asOf) continue;
    const { labels, insights } = settledLabels(config, modules, at, state);
    // The month-end pass runs at 23:00 on the last day: its values are the next month's anchor.
    if (snapshots && at < ctx.clock.asOf) snapshots.push(...monthAnchors(ctx, config, modules, insights, at));
    for (const [id, label] of labels) {
      const before = state.get(id);
      if (before?.label === label) continue;
      history.push(
        historyRecord(ctx, config, { id, name: names.get(id) ?? id }, before?.label ?? null, label, at),
      );
      state.set(id, { label, changedAt: at });
    }
  }
  for (const account of modules.Accounts ?? []) {
    const s = state.get(String(account.id));
    if (!s) continue;
    account[f.relationshipStage] = s.label;
    account[f.stageSince] = ctx.clock.dayOf(s.changedAt);
    if (s.changedAt > (parseInstant(String(account.Modified_Time)) ?? 0)) {
      account.Modified_Time = ctx.clock.iso(s.changedAt);
      account.Modified_By = ctx.users.service();
    }
  }
  return history;
}

/**
 * The stage label of every account that existed at `at`, computed by the engine over the records
 * created by then. Each account's stage can depend on its group companies' Relationship_Stage, so
 * recompute until the labels stop changing, as repeated syncs would.
 */
function settledLabels(
  config: SalesProcessConfig,
  modules: ModuleRecords,
  at: Instant,
  state: Map<string, StageState>,
): { labels: Map<string, string>; insights: AccountInsight[] } {
  let labels = new Map([...state].map(([id, s]) => [id, s.label]));
  for (let pass = 0; pass < MAX_SETTLE_PASSES; pass++) {
    const result = insightsFromDataset(datasetAt(config, modules, at, labels), config, at);
    if (!result.ok) throw new Error(`demo data: the engine rejected the dataset: ${result.error}`);
    const lang = config.writeBackLanguage;
    const next = new Map(
      result.insights.map((i) => [i.accountId, (i.stage?.label ?? config.notStarted.label)[lang]]),
    );
    if (sameLabels(next, labels)) return { labels: next, insights: result.insights };
    labels = new Map([...labels, ...next]);
  }
  throw new Error(`demo data: group-company stages did not settle at ${new Date(at).toISOString()}`);
}

/** Each account's anchor of the month after the pass at `at`: the engine's stage, KPI targets met and KGIs. */
function monthAnchors(
  ctx: BuildContext,
  config: SalesProcessConfig,
  modules: ModuleRecords,
  insights: AccountInsight[],
  at: Instant,
): ZohoRecord[] {
  const owners = new Map(
    (modules.Accounts ?? []).map((a) => [String(a.id), a.Owner as ZohoRecord | undefined]),
  );
  const written = (at + 4 * 3600_000) as Instant;
  const date = ctx.clock.dayOf(written);
  const service = ctx.users.service();
  return insights.map((i) => {
    const targets = Object.values(i.targets);
    const fields = snapshotRecord(config, date, {
      accountId: i.accountId,
      accountName: i.accountName,
      month: date.slice(0, 7),
      values: {
        stage: i.stage?.key ?? NOT_STARTED,
        ownerId: (owners.get(i.accountId)?.id as string | undefined) ?? null,
        health: null,
        kpisMet: targets.filter((t) => t?.met).length,
        kpiTargets: targets.length,
        kgis: i.kgis,
      },
    });
    const when = ctx.clock.iso(written);
    return {
      id: ctx.ids.next('ESM_Snapshots'),
      ...fields,
      [config.fields.snapshot.account]: lookup(i.accountId, i.accountName),
      Owner: owners.get(i.accountId) ?? service,
      Created_By: service,
      Modified_By: service,
      Created_Time: when,
      Modified_Time: when,
    };
  });
}

/** The records as they were at `at`: those created by then, accounts carrying `labels`. */
function datasetAt(
  config: SalesProcessConfig,
  modules: ModuleRecords,
  at: Instant,
  labels: Map<string, string>,
): ModuleRecords {
  const existed = (r: ZohoRecord) => (parseInstant(String(r.Created_Time)) ?? Infinity) <= at;
  const out: ModuleRecords = {};
  for (const [module, records] of Object.entries(modules)) out[module] = records.filter(existed);
  out.Accounts = (out.Accounts ?? []).map((a) => {
    const label = labels.get(String(a.id));
    return { ...a, [config.fields.account.relationshipStage]: label ?? null };
  });
  return out;
}

function sameLabels(next: Map<string, string>, labels: Map<string, string>): boolean {
  for (const [id, label] of next) if (labels.get(id) !== label) return false;
  return true;
}

function historyRecord(
  ctx: BuildContext,
  config: SalesProcessConfig,
  account: { id: string; name: string },
  from: string | null,
  to: string,
  at: Instant,
): ZohoRecord {
  const h = config.fields.stageHistory;
  const service = ctx.users.service();
  const when = ctx.clock.iso(at);
  return {
    id: ctx.ids.next('Relationship_Stage_History'),
    Name: `${account.name}：${from ?? '（初回判定）'} → ${to}`,
    [h.account]: lookup(account.id, account.name),
    [h.from]: from,
    [h.to]: to,
    [h.changedAt]: when,
    Owner: service,
    Created_By: service,
    Modified_By: service,
    Created_Time: when,
    Modified_Time: when,
  };
}
