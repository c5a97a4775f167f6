/**
 * Edits count at once: the widget writes with `trigger: []` (no workflow fires), so after a save it
 * asks the service to recompute the account through the `esm_recompute_now` CRM function (a signed
 * call to the service's webhook, config/deluge/esm_recompute_now.deluge), then reads the account
 * back until the CRM's service-owned fields (stage, progress, KPIs, KGIs) hold what this page's
 * engine computed — the values the manager's view and native reports read.
 */
import type { ZohoFields } from '../../../shared/crm-read/records';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import type { AccountInsight } from '../../../shared/engine/insight';
import { diffFields } from '../../../shared/writeback/plan';
import { projectAccount } from '../../../shared/writeback/project';
import type { CrmGateway } from '../../zoho/types';

export const RECOMPUTE_FUNCTION = 'esm_recompute_now';

export type RecomputeOutcome =
  /** The CRM fields hold the recomputed values (`at`: when this page saw them). */
  | { status: 'done'; at: number }
  /** Asked, but the fields did not change within the wait: the next scheduled sync brings them. */
  | { status: 'pending'; fields: string[] }
  /** The org has no such function, or the call failed: the next scheduled sync brings them. */
  | { status: 'unavailable'; detail: string };

export interface RecomputeOptions {
  /** Reads of the account after the request; default 12. */
  polls?: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The service-owned account fields that still differ from what `insight` makes of them. */
export function staleFields(
  insight: AccountInsight,
  config: SalesProcessConfig,
  account: ZohoFields,
): string[] {
  const desired = { ...projectAccount(insight, config, account).fields };
  delete desired[config.fields.account.stageSince];
  return Object.keys(diffFields(account, desired));
}

export async function recomputeAccount(
  crm: CrmGateway,
  config: SalesProcessConfig,
  insight: AccountInsight,
  o: RecomputeOptions = {},
): Promise<RecomputeOutcome> {
  const { polls = 12, intervalMs = 1500, now = Date.now } = o;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const module = config.fields.modules.accounts;
  try {
    await crm.executeFunction(RECOMPUTE_FUNCTION, { accountId: insight.accountId });
  } catch (e) {
    const detail = (e as { detail?: unknown }).detail;
    return { status: 'unavailable', detail: typeof detail === 'string' ? detail : String(e) };
  }
  let stale: string[] = [];
  for (let i = 0; i < polls; i += 1) {
    await sleep(intervalMs);
    const account = await crm.getRecord(module, insight.accountId).catch(() => null);
    if (!account) continue;
    stale = staleFields(insight, config, account);
    if (stale.length === 0) return { status: 'done', at: now() };
  }
  return { status: 'pending', fields: stale };
}
