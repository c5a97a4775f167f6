/**
 * The account page's operations over the CRM gateway: load, save a buyer-map edit, save the plan.
 * Each returns the view recomputed by the engine, so KPIs and next actions follow an edit at once.
 */
import { readPublishedConfig } from '../../shared/config/published';
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { NextAction } from '../../shared/engine/actions';
import { localDateOf, offsetMinutes } from '../../shared/model/time';
import type { Instant } from '../../shared/model/types';
import { isWidgetError } from '../common/errors';
import type { CrmGateway } from '../zoho/types';
import { buildAccountView, type AccountView } from './data/account-view';
import { loadAccountDataset } from './data/load-dataset';
import { batchedReads, type FallbackMemory } from '../common/reads';
import type { ActivityKind } from '../../shared/model/keys';
import type { ActivityModule } from '../../shared/model/types';
import { recomputeAccount, type RecomputeOptions, type RecomputeOutcome } from './data/recompute';
import { createActionTask } from './data/tasks';
import {
  saveActivityKind,
  savePlan,
  saveBuyerEdit,
  saveDealCommittee,
  saveDealEvidence,
  type BuyerEdit,
  type DealEvidenceEdit,
  type PlanChange,
} from './data/writes';

export interface AccountSession {
  load(): Promise<AccountView>;
  saveBuyer(view: AccountView, contactId: string, edit: BuyerEdit): Promise<AccountView>;
  savePlan(view: AccountView, change: PlanChange): Promise<AccountView>;
  /** After a save: have the service recompute the account and wait for the CRM's fields. */
  recompute(view: AccountView): Promise<RecomputeOutcome>;
  classifyActivity(
    view: AccountView,
    activity: { module: ActivityModule; id: string },
    kind: ActivityKind,
  ): Promise<AccountView>;
  /** Create the Zoho task for a next action (linked to the account, due in a week). */
  createTask(view: AccountView, action: NextAction, lang: 'ja' | 'en'): Promise<AccountView>;
  /** Open a record of the CRM (a deal, a contact). */
  openRecord(entity: string, id: string): void;
  saveDeal(view: AccountView, dealId: string, edit: DealEvidenceEdit): Promise<AccountView>;
  /** Who is on a deal's buying committee (the buyer map). */
  saveCommittee(view: AccountView, dealId: string, contactIds: string[]): Promise<AccountView>;
}

export function createSession(
  crm: CrmGateway,
  config: SalesProcessConfig,
  accountId: string,
  now: () => number = () => Date.now(),
  memory?: FallbackMemory,
  recomputeOptions?: RecomputeOptions,
): AccountSession {
  const reads = batchedReads(crm, memory);
  /** The config in use: the build-time copy until the service's published one is read. */
  let active = config;
  let published = readsPublished();
  const view = (raw: AccountView['raw']) => buildAccountView(raw, active, accountId, now() as Instant);
  const loadRaw = async () => {
    // Read directly (no esm_read_batch), the published config would cost a call of its own: not read.
    if (!published || reads.mode() === 'direct') return loadAccountDataset(reads.read, config, accountId);
    try {
      const raw = await loadAccountDataset(reads.read, config, accountId, { published: true });
      const found = readPublishedConfig(raw[config.fields.modules.settings]?.[0]);
      active = found.ok ? found.config : config;
      return raw;
    } catch (e) {
      // An org without the settings module (or an older esm_read_batch that does not allow it).
      if (!isWidgetError(e) || !e.detail.includes(config.fields.modules.settings)) throw e;
      published = false;
      rememberNoPublished();
      return loadAccountDataset(reads.read, config, accountId);
    }
  };
  return {
    async load() {
      return view(await loadRaw());
    },
    async saveBuyer(current, contactId, edit) {
      return view(await saveBuyerEdit(crm, active, current.raw, contactId, edit));
    },
    async classifyActivity(current, activity, kind) {
      return view(await saveActivityKind(crm, config, current.raw, activity, kind));
    },
    async saveCommittee(current, dealId, contactIds) {
      return view(await saveDealCommittee(crm, active, current.raw, dealId, contactIds));
    },
    async saveDeal(current, dealId, edit) {
      return view(await saveDealEvidence(crm, config, current.raw, dealId, edit));
    },
    async savePlan(current, change) {
      const today = localDateOf(now() as Instant, offsetMinutes(active.utcOffset));
      const raw = await savePlan(
        crm,
        active,
        current.raw,
        { accountId, accountName: current.insight.accountName, plan: current.planRecord, today },
        change,
      );
      return view(raw);
    },
    recompute(current) {
      return recomputeAccount(crm, active, current.insight, recomputeOptions);
    },
    async createTask(current, action, lang) {
      const today = localDateOf(now() as Instant, offsetMinutes(active.utcOffset));
      return view(await createActionTask(crm, active, current.raw, { accountId, action, lang, today }));
    },
    openRecord: (entity, id) => crm.openRecord(entity, id),
  };
}

const NO_PUBLISHED_KEY = 'esm:published-config:none';

/** Whether to read the published config (not when this tab learned the org has no settings module). */
function readsPublished(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(NO_PUBLISHED_KEY) !== '1';
  } catch {
    return true;
  }
}

function rememberNoPublished(): void {
  try {
    globalThis.sessionStorage?.setItem(NO_PUBLISHED_KEY, '1');
  } catch {
    // blocked storage: ask again next time
  }
}
