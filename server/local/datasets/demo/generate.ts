/**
 * `generateDemoDataset({ asOf, seed })`: the demo org as a DESIGN §3 dataset — fictional Japanese
 * enterprises and their group companies, people and org charts, deals across the buying process,
 * 18 months of meetings, calls and tasks, account plans, and the stage fields and history the
 * service would have written by `asOf`. Deterministic: the same seed and `asOf` give the same JSON;
 * another `asOf` moves every date with it and keeps the story (each account lands at the same stage).
 */
import type { ZohoFields, ZohoRecord } from '../../../../shared/crm-read/records';
import { formatConfigProblem } from '../../../../shared/config/load';
import type { SalesProcessConfig } from '../../../../shared/config/schema';
import type { Instant } from '../../../../shared/model/types';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../../../config/load-config';
import { AppError } from '../../../errors';
import { activityRecord } from './records/activities';
import type { BuildContext } from './records/context';
import { accountRecord, contactRecord, dealRecord, planRecord } from './records/records';
import { resolveCast, type CastAccount } from './records/resolve';
import { DemoClock } from './clock';
import { IdAllocator } from './ids';
import { createRng } from './prng';
import { emptyAccountServiceFields, emptyDealServiceFields } from './service-fields';
import { replayStageHistory, type ModuleRecords } from './stage-history';
import { DEMO_STORIES } from './story';
import type { DealSpec } from './story/types';
import { DemoUsers } from './users';

export const DEFAULT_DEMO_SEED = 20_240_401;

export interface DemoOptions {
  /** The moment the demo is "now": every date is relative to it. */
  asOf: Date | number;
  seed?: number;
  /** The sales-process config the stage history is computed with (default: the shipped file). */
  config?: SalesProcessConfig;
}

export interface DemoDataset {
  Accounts: ZohoRecord[];
  Contacts: ZohoRecord[];
  Deals: ZohoRecord[];
  Tasks: ZohoRecord[];
  Events: ZohoRecord[];
  Calls: ZohoRecord[];
  Account_Plans: ZohoRecord[];
  Relationship_Stage_History: ZohoRecord[];
  /** The month anchors of the daily account snapshots the service would have written (trends). */
  ESM_Snapshots: ZohoRecord[];
  users: ZohoRecord[];
}

export function generateDemoDataset(options: DemoOptions): DemoDataset {
  const asOf = (options.asOf instanceof Date ? options.asOf.getTime() : options.asOf) as Instant;
  if (!Number.isFinite(asOf)) throw new AppError('BAD_INPUT', 'demo data: asOf is not a valid time');
  const config = options.config ?? shippedConfig();
  const clock = new DemoClock(asOf, config.utcOffset);
  const ctx: BuildContext = { clock, users: new DemoUsers(), ids: new IdAllocator() };
  const cast = resolveCast(DEMO_STORIES, createRng(options.seed ?? DEFAULT_DEMO_SEED), ctx.ids);
  const modules = buildModules(ctx, cast, config);
  const emptyAccount = emptyAccountServiceFields(config);
  const emptyDeal = emptyDealServiceFields(config);
  for (const a of modules.Accounts ?? []) Object.assign(a, emptyAccount);
  for (const d of modules.Deals ?? []) Object.assign(d, emptyDeal);
  const snapshots: ZohoRecord[] = [];
  const history = replayStageHistory(ctx, config, modules, snapshots);
  return {
    Accounts: modules.Accounts ?? [],
    Contacts: modules.Contacts ?? [],
    Deals: modules.Deals ?? [],
    Tasks: modules.Tasks ?? [],
    Events: modules.Events ?? [],
    Calls: modules.Calls ?? [],
    Account_Plans: modules.Account_Plans ?? [],
    Relationship_Stage_History: history,
    ESM_Snapshots: snapshots,
    users: ctx.users.records(clock),
  };
}

function buildModules(ctx: BuildContext, cast: CastAccount[], config: SalesProcessConfig): ModuleRecords {
  const byKey = new Map(cast.map((a) => [a.story.key, a]));
  const out: ModuleRecords = {
    Accounts: [],
    Contacts: [],
    Deals: [],
    Tasks: [],
    Events: [],
    Calls: [],
    Account_Plans: [],
  };
  const push = (module: string, r: ZohoRecord) => out[module]?.push(r);
  for (const a of cast) {
    const past = a.activities.map((x) => x.spec.day).filter((d) => d >= 1);
    const parent = a.story.parent ? byKey.get(a.story.parent) : undefined;
    push('Accounts', accountRecord(ctx, a, parent, past.length > 0 ? Math.min(...past) : null));
  }
  for (const a of cast) for (const c of a.contacts.values()) push('Contacts', contactRecord(ctx, a, c));
  for (const a of cast) {
    for (const d of a.deals.values()) {
      const days = a.activities.filter((x) => x.spec.deal === d.spec.key).map((x) => x.spec.day);
      push('Deals', { ...dealRecord(ctx, a, d, days), ...buyerEvidence(config, d.spec) });
    }
  }
  for (const a of cast) for (const act of a.activities) push(act.spec.module, activityRecord(ctx, a, act));
  for (const a of cast) {
    const plan = planRecord(ctx, a);
    if (plan) push('Account_Plans', plan);
  }
  for (const list of Object.values(out)) list.sort((x, y) => String(x.id).localeCompare(String(y.id)));
  return out;
}

/**
 * The deal's buyer-evidence checklist as the rep keeps it: every exit criterion of the stages before
 * the verified one (default: the stage its Zoho stage maps to), and Quote_Requested.
 */
function buyerEvidence(config: SalesProcessConfig, spec: DealSpec): ZohoFields {
  const f = config.fields.deal;
  const mapped = config.buyingStages.find((b) => b.zohoStages.includes(spec.stage))?.key;
  const at = spec.evidence ?? mapped ?? 'none';
  const index = at === 'none' ? 0 : config.buyingStages.findIndex((b) => b.key === at);
  const keys = config.buyingStages.slice(0, index).flatMap((b) => b.exitCriteria.map((c) => c.key));
  return {
    [f.buyingEvidence]: keys.length > 0 ? keys.join('\n') : null,
    [f.quoteRequested]: spec.quoteRequested ?? false,
  };
}

function shippedConfig(): SalesProcessConfig {
  const loaded = loadConfigFile(DEFAULT_CONFIG_PATH);
  if (!loaded.ok) throw new AppError('CONFIG_INVALID', loaded.problems.map(formatConfigProblem).join('\n'));
  return loaded.config;
}
