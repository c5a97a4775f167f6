/**
 * What a sync run had to write, read from the CRM itself (the emulator's test endpoint, no
 * credits): the service-owned fields of every account and deal, and the stage-history records.
 * Diffing the state before and after a run counts the records whose values had to change — the
 * write side of the lower bound — independently of what the sync says it wrote.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import { KPI_KEYS, kpiFieldName } from '../../shared/model/keys';
import { sameValue } from '../../shared/writeback/plan';
import { kgiFields } from '../../server/sync/streams';

export interface ServiceFields {
  accounts: Map<string, Record<string, unknown>>;
  deals: Map<string, Record<string, unknown>>;
  history: number;
}

export async function readServiceFields(url: string, config: SalesProcessConfig): Promise<ServiceFields> {
  const a = config.fields.account;
  const d = config.fields.deal;
  // Insight_Updated_At is written only alongside another change: it never makes a write needed.
  const accountFields = [
    a.relationshipStage,
    a.stageSince,
    a.stageProgress,
    a.nextStageGaps,
    ...KPI_KEYS.map((k) => kpiFieldName(k, a.kpiPrefix)),
    ...kgiFields(config),
  ];
  const dealFields = [d.buyingStage, d.strategicRole, d.priority, d.forecastRisk];
  const m = config.fields.modules;
  const pick = (rows: Record<string, unknown>[], fields: string[]) =>
    new Map(rows.map((r) => [String(r.id), Object.fromEntries(fields.map((f) => [f, r[f] ?? null]))]));
  return {
    accounts: pick(await records(url, m.accounts), accountFields),
    deals: pick(await records(url, m.deals), dealFields),
    history: (await records(url, m.stageHistory)).length,
  };
}

/** Records whose service-owned values differ between two states, and history records added. */
export function neededWrites(
  before: ServiceFields,
  after: ServiceFields,
): {
  accounts: number;
  deals: number;
  history: number;
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
  return { accounts, deals, history, total: accounts + deals + history };
}

async function records(url: string, module: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${url}/__emulator/records/${module}`);
  if (!res.ok) throw new Error(`reading ${module} from the CRM: HTTP ${res.status}`);
  return ((await res.json()) as { data: Record<string, unknown>[] }).data;
}
