/**
 * What a sync run had to write, read from the CRM itself (the emulator's test endpoint, no
 * credits): the service-owned fields of every account and deal, the stage-history records, and the
 * alert tasks (alerts ship on: a task per rule and account, DESIGN §0 / issue 16 — its Alert_Key
 * stamp changes whenever anything the service writes into it changes, its Status when it is closed).
 * Diffing the state before and after a run counts the records whose values had to change — the
 * write side of the lower bound — independently of what the sync says it wrote.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import { accountWrittenFields, dealWrittenFields } from '../../shared/crm-read/input-fields';
import { sameValue } from '../../shared/writeback/plan';

export interface ServiceFields {
  accounts: Map<string, Record<string, unknown>>;
  deals: Map<string, Record<string, unknown>>;
  history: number;
  alerts: Map<string, Record<string, unknown>>;
}

export async function readServiceFields(url: string, config: SalesProcessConfig): Promise<ServiceFields> {
  const a = config.fields.account;
  // Insight_Updated_At is written only alongside another change: it never makes a write needed.
  const accountFields = [
    a.relationshipStage,
    ...accountWrittenFields(config.fields, config.kgis).filter((f) => f !== a.insightUpdatedAt),
  ];
  const dealFields = dealWrittenFields(config.fields);
  const m = config.fields.modules;
  const t = config.fields.task;
  const pick = (rows: Record<string, unknown>[], fields: string[]) =>
    new Map(rows.map((r) => [String(r.id), Object.fromEntries(fields.map((f) => [f, r[f] ?? null]))]));
  return {
    accounts: pick(await records(url, m.accounts, accountFields), accountFields),
    deals: pick(await records(url, m.deals, dealFields), dealFields),
    history: (await records(url, m.stageHistory, ['id'])).length,
    alerts: pick(
      (await records(url, m.tasks, [t.alertKey, t.status])).filter((r) => typeof r[t.alertKey] === 'string'),
      [t.alertKey, t.status],
    ),
  };
}

/** Records whose service-owned values differ between two states (alert tasks new or changed), and history records added. */
export function neededWrites(
  before: ServiceFields,
  after: ServiceFields,
): {
  accounts: number;
  deals: number;
  history: number;
  alerts: number;
  total: number;
} {
  const changed = (b: Map<string, Record<string, unknown>>, a: Map<string, Record<string, unknown>>) => {
    let n = 0;
    for (const [id, now] of a) {
      const then = b.get(id) ?? {};
      if (Object.keys(now).some((f) => !sameValue(then[f], now[f]))) n++;
    }
    return n;
  };
  const accounts = changed(before.accounts, after.accounts);
  const deals = changed(before.deals, after.deals);
  const history = Math.max(0, after.history - before.history);
  const alerts = changed(before.alerts, after.alerts);
  return { accounts, deals, history, alerts, total: accounts + deals + history + alerts };
}

/** A module's records with the named fields (and id): only those, so a 50,000-account org's tasks make an answer of tens of MB, not hundreds. */
async function records(url: string, module: string, fields: string[]): Promise<Record<string, unknown>[]> {
  const res = await fetch(
    `${url}/__emulator/records/${module}?fields=${encodeURIComponent(fields.join(','))}`,
  );
  if (!res.ok) throw new Error(`reading ${module} from the CRM: HTTP ${res.status}`);
  return ((await res.json()) as { data: Record<string, unknown>[] }).data;
}
