/**
 * The write phase: execute a batch's write-back plan in calls of ≤100 records (each with
 * `trigger: []`), check every record's result, remember what was written in the mirror, keep failed
 * accounts for the next run, and record stage changes in Relationship_Stage_History — exactly once,
 * even across a crash (see stage intents).
 */
import type { Logger } from 'pino';
import { toAppError } from '../errors';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { lookupId } from '../../shared/crm-read/records';
import type { RecordUpdate } from '../../shared/writeback/plan';
import type { ZohoGateway } from '../zoho/gateway';
import type { RecordFailure, RecordFailureCode, RecordResult } from '../zoho/map-error';
import type { ZohoRecord } from '../../shared/crm-read/records';
import type { Mirror } from '../state/mirror';
import type { StageIntent, SyncState } from '../state/sync-state';
import { writeAlerts } from './alerts';
import type { BatchPlan, StageChangePlan } from './recompute';

export interface WriteOutcome {
  accountsWritten: number;
  dealsWritten: number;
  historyInserted: number;
  failed: RecordFailure[];
  /** Alert tasks created, and updated (changed, reopened or closed). */
  alertsCreated: number;
  alertsUpdated: number;
  /** Accounts whose stage changed: their group companies must be recomputed. */
  stageChanged: string[];
}

interface Deps {
  gateway: ZohoGateway;
  mirror: Mirror;
  state: SyncState;
  config: SalesProcessConfig;
  log: Logger;
}

export async function writeBatch(deps: Deps, plan: BatchPlan): Promise<WriteOutcome> {
  const out: WriteOutcome = {
    accountsWritten: 0,
    dealsWritten: 0,
    historyInserted: 0,
    alertsCreated: 0,
    alertsUpdated: 0,
    failed: [],
    stageChanged: [],
  };
  const modules = deps.config.fields.modules;
  const failedAccounts = new Set<string>();
  const fail = (
    accountId: string,
    r: { code: RecordFailureCode; message: string; field?: string | undefined },
  ) => {
    failedAccounts.add(accountId);
    const message = r.field ? `${r.message} (${r.field})` : r.message;
    out.failed.push({ accountId, code: r.code, message });
    deps.state.recordFailure(accountId, `${r.code}: ${message}`);
    deps.log.warn({ accountId, code: r.code, field: r.field }, 'record write failed; will retry next run');
  };

  // A recovered change (its account already holds the stage) is not planned again while an earlier
  // intent for the account is open: that one may be in the CRM already (see completeInterruptedHistory).
  const open = new Set(deps.state.intents().map((i) => i.accountId));
  const intents = new Map(
    plan.stageChanges
      .filter((c) => !(c.recovered && open.has(c.accountId)))
      .map((c) => [c.accountId, toIntent(c, deps.config)]),
  );
  // A call's results are kept in one transaction: one commit per 100 records, not one per record.
  const atOnce = (fn: () => void) => deps.mirror.db.transaction(fn)();
  atOnce(() => {
    for (const intent of intents.values()) deps.state.putIntent(intent);
  });

  for (const chunk of chunks(plan.accountUpdates, 100)) {
    const results = await deps.gateway.updateRecords(modules.accounts, chunk);
    atOnce(() =>
      chunk.forEach((u, i) => {
        const r = resultFor(results, i, u);
        if (!r.ok) return fail(u.id, r);
        out.accountsWritten++;
        deps.mirror.applyWritten('accounts', u.id, u.fields);
        const intent = intents.get(u.id);
        if (intent) {
          intent.state = 'account_written';
          deps.state.setIntentState(u.id, 'account_written');
          out.stageChanged.push(u.id);
        }
      }),
    );
  }
  for (const chunk of chunks(plan.dealUpdates, 100)) {
    const results = await deps.gateway.updateRecords(
      modules.deals,
      chunk.map(({ id, fields }) => ({ id, fields })),
    );
    atOnce(() =>
      chunk.forEach((u, i) => {
        const r = resultFor(results, i, u);
        if (!r.ok) return fail(u.accountId, r);
        out.dealsWritten++;
        deps.mirror.applyWritten('deals', u.id, u.fields);
      }),
    );
  }
  const alerts = await writeAlerts(deps, plan.alerts);
  out.alertsCreated = alerts.created;
  out.alertsUpdated = alerts.updated;
  for (const f of alerts.failed) {
    failedAccounts.add(f.accountId);
    out.failed.push(f);
    deps.state.recordFailure(f.accountId, `${f.code}: ${f.message}`);
  }
  out.historyInserted = await insertHistory(
    deps,
    [...intents.values()].filter((i) => i.state === 'account_written'),
  );
  // An intent whose account update failed is dropped: the next run recomputes and plans it afresh.
  for (const i of intents.values()) if (i.state === 'pending') deps.state.deleteIntent(i.accountId);
  deps.state.clearDirty(
    [...plan.accountIds, ...plan.missing, ...plan.notTargets].filter((id) => !failedAccounts.has(id)),
  );
  return out;
}

/** Insert the history records of stage changes whose account update is in; returns how many. */
export async function insertHistory(deps: Deps, intents: StageIntent[]): Promise<number> {
  let inserted = 0;
  for (const chunk of chunks(intents, 100)) {
    const results = await insertOrDefer(deps, chunk);
    const keep = deps.mirror.db.transaction(() =>
      chunk.forEach((i, n) => {
        const r = results?.[n];
        if (r?.ok) {
          deps.state.deleteIntent(i.accountId);
          inserted++;
          if (r.id) deps.mirror.addInserted('stageHistory', historyRecord(deps.config, i, r.id));
        } else if (results)
          deps.log.warn(
            { accountId: i.accountId, code: r?.code },
            'stage history insert failed; will retry next run',
          );
      }),
    );
    keep();
  }
  return inserted;
}

/**
 * Insert a chunk of history records. When Zoho's answer is lost (a timeout or a 5xx after the
 * retries the call path allows for inserts) the records may be in or not: null, and the intents
 * stay `account_written` for the next run, which looks each up by name before inserting.
 */
async function insertOrDefer(deps: Deps, chunk: StageIntent[]): Promise<RecordResult[] | null> {
  try {
    return await deps.gateway.insertRecords(
      deps.config.fields.modules.stageHistory,
      chunk.map((i) => ({ fields: historyFields(deps.config, i) })),
    );
  } catch (e) {
    const err = toAppError(e);
    if (err.code !== 'ZOHO_TEMPORARY') throw e;
    deps.log.warn(
      { records: chunk.length, code: err.code },
      'stage history insert outcome unknown; the next run checks before inserting',
    );
    return null;
  }
}

/** COQL `in` takes at most 50 values (v6, zoho-platform §3.5); a lookup page of 200 rows costs 1 credit. */
const NAMES_PER_LOOKUP = 50;

/**
 * After a crash or a lost answer: history records whose account update went through but whose
 * insert may or may not have. Look them up by their unique Names (50 a call) before inserting, so
 * none is written twice.
 */
export async function completeInterruptedHistory(deps: Deps): Promise<number> {
  const pending = deps.state.intents('account_written');
  const module = deps.config.fields.modules.stageHistory;
  const account = deps.config.fields.stageHistory.account;
  const missing: StageIntent[] = [];
  for (const batch of chunks(pending, NAMES_PER_LOOKUP)) {
    const names = batch.map((i) => `'${i.name.replace(/'/g, '')}'`).join(', ');
    const found = await deps.gateway.coql(
      module,
      `select id, ${account} from ${module} where Name in (${names}) limit 200`,
      200,
    );
    // One intent per account: a record with one of these Names for the account is that intent's.
    const there = new Set(found.data.map((r) => lookupId(r[account])));
    for (const i of batch) {
      if (there.has(i.accountId)) deps.state.deleteIntent(i.accountId);
      else missing.push(i);
    }
  }
  for (const i of deps.state.intents('pending')) deps.state.deleteIntent(i.accountId);
  return insertHistory(deps, missing);
}

/** A Relationship_Stage_History record's fields, as inserted. */
function historyFields(config: SalesProcessConfig, i: StageIntent): Record<string, unknown> {
  const h = config.fields.stageHistory;
  return {
    Name: i.name,
    [h.account]: { id: i.accountId },
    [h.from]: i.fromStage,
    [h.to]: i.toStage,
    [h.changedAt]: i.changedAt,
  };
}

/** The history record as the manager's view reads it (GET /api/portfolio), until a run reads it back. */
function historyRecord(config: SalesProcessConfig, i: StageIntent, id: string): ZohoRecord {
  return { id, ...historyFields(config, i) };
}

function toIntent(c: StageChangePlan, config: SalesProcessConfig): StageIntent {
  const from = c.from ?? config.notStarted.label[config.writeBackLanguage];
  const who = c.accountName.replace(/['"\\]/g, '').slice(0, 40);
  return {
    accountId: c.accountId,
    name: `${who}: ${from} → ${c.to} (${c.changedAt}) #${c.accountId}`,
    fromStage: c.from,
    toStage: c.to,
    changedAt: c.changedAt,
    // a recovered change has no account update to wait for
    state: c.recovered ? 'account_written' : 'pending',
  };
}

function resultFor(results: RecordResult[], i: number, u: RecordUpdate): RecordResult {
  return (
    results[i] ?? { id: u.id, ok: false, code: 'MALFORMED_RESPONSE', message: 'no result for this record' }
  );
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
