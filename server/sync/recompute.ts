/**
 * Recompute a batch of accounts from the mirror with the shared engine, and plan the write-back:
 * only values that differ from what the CRM holds (DESIGN §8). No I/O besides mirror reads.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import { computeAccountInsight, isComputedAccount } from '../../shared/engine/insight';
import { bundlesOf } from '../../shared/engine/pipeline';
import { stageKeyFromCrmValue } from '../../shared/config/picklists';
import {
  formatInstant,
  localDateOf,
  offsetMinutes,
  parseInstant,
  parseLocalDate,
  startOfLocalDay,
} from '../../shared/model/time';
import type { AccountBundle, Instant, LocalDate, ZohoId } from '../../shared/model/types';
import { accountHealth, healthFields } from '../../shared/portfolio/health';
import { accountAlerts } from '../../shared/portfolio/alerts';
import { accountSignals } from '../../shared/portfolio/signals';
import { alertTasksOf, planAlerts, type AlertPlan } from './alerts';
import { planWriteBack, type RecordUpdate } from '../../shared/writeback/plan';
import { insightTimestampField, projectAccount, projectDeal } from '../../shared/writeback/project';
import type { Mirror } from '../state/mirror';
import { lookupId, type ZohoRecord } from '../../shared/crm-read/records';

export interface StageChangePlan {
  accountId: string;
  accountName: string;
  from: string | null;
  to: string;
  changedAt: string;
  /**
   * The CRM already holds this stage but its history does not: the record of an earlier run's change
   * that never got in (a crash, then the state database lost). Nothing to update on the account.
   */
  recovered?: true;
}

export interface BatchPlan {
  /** The accounts computed (their insights are not kept: only the plan is written). */
  accountIds: string[];
  accountUpdates: RecordUpdate[];
  dealUpdates: (RecordUpdate & { accountId: string })[];
  stageChanges: StageChangePlan[];
  /** Alert tasks to create, update, reopen or close (server/sync/alerts.ts). */
  alerts: AlertPlan;
  unchangedAccounts: number;
  /** Dirty ids no longer in the CRM (deleted): nothing to compute. */
  missing: string[];
  /** Accounts not computed because they are not strategic targets (targets.computeNonTargets: false). */
  notTargets: string[];
}

export function recomputeBatch(
  mirror: Mirror,
  config: SalesProcessConfig,
  accountIds: readonly string[],
  asOf: Instant,
): BatchPlan {
  const raw = mirror.datasetFor(accountIds);
  // The records as stored, parsed once: what the CRM holds now, for the write-back diff.
  const m = config.fields.modules;
  const byId = (rows: readonly { id: string }[] | undefined) => new Map((rows ?? []).map((r) => [r.id, r]));
  const storedAccounts = byId(raw[m.accounts]);
  const storedDeals = byId(raw[m.deals]);
  const all = bundlesOf(raw, config);
  if (!all.ok) throw new Error(`mirror data rejected by the normaliser: ${all.error}`);
  const { bundles } = all;
  const plan = emptyPlan();
  const accountRecords = [];
  // The batch's alert tasks by the account they hang off (each account then looks at its own only).
  const alertTasks = new Map<string, ZohoRecord[]>();
  for (const r of raw[config.fields.modules.tasks] ?? []) {
    const what = lookupId(r[config.fields.activity.what]);
    if (typeof r[config.fields.task.alertKey] !== 'string' || !what) continue;
    const list = alertTasks.get(what);
    if (list) list.push(r);
    else alertTasks.set(what, [r]);
  }
  for (const id of accountIds) {
    const bundle = bundles.get(id as ZohoId);
    const current = storedAccounts.get(id) ?? null;
    if (!bundle || !current) {
      plan.missing.push(id);
      continue;
    }
    if (!isComputedAccount(bundle.account, config)) {
      plan.notTargets.push(id);
      continue;
    }
    const insight = computeAccountInsight(bundle, config, asOf);
    plan.accountIds.push(id);
    const projection = projectAccount(insight, config, current);
    const since = projection.fields[config.fields.account.stageSince];
    const signals = accountSignals(
      bundle,
      insight,
      config,
      asOf,
      typeof since === 'string' ? (since as LocalDate) : null,
    );
    if (config.alerts.enabled || alertTasks.size > 0) {
      const a = planAlerts(
        id,
        accountAlerts(signals, config, asOf),
        alertTasksOf(alertTasks.get(id) ?? [], id, config),
        config,
        asOf,
      );
      plan.alerts.inserts.push(...a.inserts);
      plan.alerts.updates.push(...a.updates);
    }
    accountRecords.push({
      id,
      current,
      desired: { ...projection.fields, ...healthFields(accountHealth(signals, config, asOf), config) },
      withChange: insightTimestampField(insight, config),
    });
    const change =
      projection.stageChange ?? missingHistory(bundle, insight.stage?.key ?? null, current, config);
    if (change) plan.stageChanges.push({ accountId: id, accountName: insight.accountName, ...change });
    const deals = planWriteBack(
      insight.deals.map((d) => ({
        id: d.id,
        current: storedDeals.get(d.id) ?? mirror.get('deals', d.id) ?? {},
        desired: projectDeal(d, config),
      })),
    );
    plan.dealUpdates.push(...deals.updates.map((u) => ({ ...u, accountId: id })));
  }
  const accounts = planWriteBack(accountRecords);
  plan.accountUpdates = accounts.updates;
  plan.unchangedAccounts = accounts.unchanged;
  return plan;
}

/**
 * The CRM itself says whether a stage change's history record is missing: the account holds the
 * stage (the same one the engine computes now), but its latest Relationship_Stage_History record
 * ends elsewhere, or there is none (the service's first write records one, from nothing). Then the
 * record is rebuilt from the account: from the latest record's stage, to the stage now, at
 * Insight_Updated_At when that is the day of Relationship_Stage_Since (the run that changed the
 * stage stamped both), else at the start of that day. The write phase inserts it only when no
 * earlier intent for the account is still open (server/sync/write.ts).
 */
export function missingHistory(
  bundle: AccountBundle,
  stageKey: string | null,
  current: Record<string, unknown>,
  config: SalesProcessConfig,
): (Omit<StageChangePlan, 'accountId' | 'accountName'> & { recovered: true }) | null {
  const a = config.fields.account;
  const label = current[a.relationshipStage];
  if (typeof label !== 'string' || stageKeyFromCrmValue(config, label) !== stageKey) return null;
  const latest = bundle.stageHistory.at(-1);
  if (latest && stageKeyFromCrmValue(config, latest.to) === stageKey) return null;
  const offset = offsetMinutes(config.utcOffset);
  const sinceValue = current[a.stageSince];
  const stampValue = current[a.insightUpdatedAt];
  const since = typeof sinceValue === 'string' ? parseLocalDate(sinceValue) : null;
  const stamped = typeof stampValue === 'string' ? parseInstant(stampValue, offset) : null;
  const at =
    stamped != null && (since == null || localDateOf(stamped, offset) === since)
      ? stamped
      : since != null
        ? startOfLocalDay(since, offset)
        : null;
  if (at == null) return null; // nothing says when: leave it rather than invent a date
  return { from: latest?.to ?? null, to: label, changedAt: formatInstant(at, offset), recovered: true };
}

export function emptyPlan(): BatchPlan {
  return {
    accountIds: [],
    accountUpdates: [],
    dealUpdates: [],
    stageChanges: [],
    alerts: { inserts: [], updates: [] },
    unchangedAccounts: 0,
    missing: [],
    notTargets: [],
  };
}

/** Two plans as one write (disjoint accounts). */
export function mergePlans(a: BatchPlan, b: BatchPlan): BatchPlan {
  return {
    accountIds: [...a.accountIds, ...b.accountIds],
    accountUpdates: [...a.accountUpdates, ...b.accountUpdates],
    dealUpdates: [...a.dealUpdates, ...b.dealUpdates],
    stageChanges: [...a.stageChanges, ...b.stageChanges],
    alerts: {
      inserts: [...a.alerts.inserts, ...b.alerts.inserts],
      updates: [...a.alerts.updates, ...b.alerts.updates],
    },
    unchangedAccounts: a.unchangedAccounts + b.unchangedAccounts,
    missing: [...a.missing, ...b.missing],
    notTargets: [...a.notTargets, ...b.notTargets],
  };
}
