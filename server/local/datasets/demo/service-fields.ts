/**
 * The fields only the service writes (DESIGN §2), empty as the first sync finds them: it fills the
 * KPIs, KGIs, progress and gaps of every account and the buying stage, role, priority and risk of
 * every deal. Relationship_Stage and its history are set by stage-history.ts, as if the service had
 * been running.
 */
import type { SalesProcessConfig } from '../../../../shared/config/schema';
import { KPI_KEYS, kpiFieldName } from '../../../../shared/model/keys';

export function emptyAccountServiceFields(config: SalesProcessConfig): Record<string, null> {
  const a = config.fields.account;
  const names = [
    a.stageProgress,
    a.nextStageGaps,
    ...KPI_KEYS.map((k) => kpiFieldName(k, a.kpiPrefix)),
    a.kgiAnnualRevenue,
    a.kgiShareOfWallet,
    a.kgiFyOrders,
    a.kgiExpansionRevenue,
    a.insightUpdatedAt,
  ];
  return Object.fromEntries(names.map((n) => [n, null]));
}

export function emptyDealServiceFields(config: SalesProcessConfig): Record<string, null> {
  const d = config.fields.deal;
  return Object.fromEntries(
    [d.buyingStage, d.strategicRole, d.priority, d.forecastRisk].map((n) => [n, null]),
  );
}
