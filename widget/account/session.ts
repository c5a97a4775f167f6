/**
 * The account page's operations over the CRM gateway: load, save a buyer-map edit, save the plan.
 * Each returns the view recomputed by the engine, so KPIs and next actions follow an edit at once.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import { localDateOf, offsetMinutes } from '../../shared/model/time';
import type { Instant } from '../../shared/model/types';
import type { CrmGateway } from '../zoho/types';
import { buildAccountView, type AccountView } from './data/account-view';
import { loadAccountDataset } from './data/load-dataset';
import { batchedReads, type FallbackMemory } from '../common/reads';
import {
  savePlan,
  saveBuyerEdit,
  saveDealEvidence,
  type BuyerEdit,
  type DealEvidenceEdit,
  type PlanChange,
} from './data/writes';

export interface AccountSession {
  load(): Promise<AccountView>;
  saveBuyer(view: AccountView, contactId: string, edit: BuyerEdit): Promise<AccountView>;
  savePlan(view: AccountView, change: PlanChange): Promise<AccountView>;
  saveDeal(view: AccountView, dealId: string, edit: DealEvidenceEdit): Promise<AccountView>;
}

export function createSession(
  crm: CrmGateway,
  config: SalesProcessConfig,
  accountId: string,
  now: () => number = () => Date.now(),
  memory?: FallbackMemory,
): AccountSession {
  const reads = batchedReads(crm, memory);
  const view = (raw: AccountView['raw']) => buildAccountView(raw, config, accountId, now() as Instant);
  return {
    async load() {
      return view(await loadAccountDataset(reads.read, config, accountId));
    },
    async saveBuyer(current, contactId, edit) {
      return view(await saveBuyerEdit(crm, config, current.raw, contactId, edit));
    },
    async saveDeal(current, dealId, edit) {
      return view(await saveDealEvidence(crm, config, current.raw, dealId, edit));
    },
    async savePlan(current, change) {
      const today = localDateOf(now() as Instant, offsetMinutes(config.utcOffset));
      const raw = await savePlan(
        crm,
        config,
        current.raw,
        { accountId, accountName: current.insight.accountName, plan: current.planRecord, today },
        change,
      );
      return view(raw);
    },
  };
}
