/**
 * Guidance for managers from the config's rules (DOMAIN §5: coverage follows depth): each rule
 * that holds over the accounts in view becomes one item (one per rep for activity_imbalance) with
 * its message in both languages and the accounts it is about.
 */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import type { GuidanceKind, GuidanceRule } from '../config/portfolio-schema';
import { fillTemplate } from '../i18n/labels';
import type { ActivityBalance } from './activity';
import { slotLabel } from './labels';
import type { PortfolioView } from './filter';
import type { PortfolioAccount, StageSlot } from './model';
import { repRef, slotIndex } from './reps';
import { slotConfigs, type SlotConfig } from './slot-config';

export type OwnerReason = 'no_owner' | 'owner_unknown' | 'owner_not_field' | 'split_deals';

export interface GuidanceItem {
  code: string;
  kind: GuidanceKind;
  message: Bilingual;
  /** The rep it is about (activity_imbalance), else null. */
  repId: string | null;
  accounts: { id: string; name: string; ownerId: string | null; reason?: OwnerReason }[];
}

type Values = Record<string, string | Bilingual>;
type Ref = GuidanceItem['accounts'][number];
/** What a rule found: the accounts, the message's values, and the rep it is about. */
type Finding = { accounts: Ref[]; values: Values; repId?: string };

interface RuleContext {
  view: PortfolioView;
  config: SalesProcessConfig;
  /** Accounts in view with a known stage, and each one's place in the process. */
  assessed: PortfolioAccount[];
  at: (a: PortfolioAccount) => number;
  /** What the config sets for a slot (slotConfigs: found once per slot, not per account). */
  slot: (slot: StageSlot) => SlotConfig;
  balance: { perRep: (ActivityBalance & { ownerId: string | null })[] };
}

type RuleOf<K extends GuidanceKind> = Extract<GuidanceRule, { kind: K }>;
const FIND: { [K in GuidanceKind]: (rule: RuleOf<K>, c: RuleContext) => Finding[] } = {
  /** At least minAccounts and minShare of the assessed accounts at the stage now. */
  stage_concentration(rule, c) {
    const here = c.assessed.filter((a) => a.stage === rule.stage);
    const share = c.assessed.length === 0 ? 0 : here.length / c.assessed.length;
    if (here.length < rule.minAccounts || share < rule.minShare - 1e-9) return [];
    return [
      { accounts: here.map(ref), values: { stage: slotLabel(rule.stage, c.config), share: percent(share) } },
    ];
  },
  /** Computed accounts at fromStage or beyond whose KPI executive_touchpoints is 0 (or empty). */
  no_executive_touch(rule, c) {
    const from = slotIndex(c.config, rule.fromStage);
    const quiet = c.assessed.filter(
      (a) => c.at(a) >= from && a.computedAt != null && (a.kpis.executive_touchpoints ?? 0) === 0,
    );
    return found(quiet.map(ref), { stage: slotLabel(rule.fromStage, c.config) });
  },
  /** Accounts up to upToStage whose owner is a field rep. */
  early_stage_field_owned(rule, c) {
    const upTo = slotIndex(c.config, rule.upToStage);
    const early = c.assessed.filter((a) => c.at(a) <= upTo && repRef(c.view, a.ownerId).kind === 'field');
    return found(early.map(ref), { stage: slotLabel(rule.upToStage, c.config) });
  },
  /** Accounts at fromStage or beyond with an owner problem (see ownerProblem). */
  deep_without_dedicated_owner(rule, c) {
    const from = slotIndex(c.config, rule.fromStage);
    const deep = c.assessed.filter((a) => c.at(a) >= from);
    const dealOwners = openDealOwners(c.view, deep);
    const problems = deep.flatMap((a) => {
      const reason = ownerProblem(c.view, a, dealOwners);
      return reason ? [{ ...ref(a), reason }] : [];
    });
    return found(problems, { stage: slotLabel(rule.fromStage, c.config) });
  },
  /** One finding per rep leaning to deal work, with their accounts below the recommended share. */
  activity_imbalance(_rule, c) {
    const tol = c.config.guidance.activityTolerance;
    return c.balance.perRep.flatMap((rep) => {
      if (rep.verdict !== 'deal_heavy' || rep.ownerId == null) return [];
      const low = c.assessed.filter(
        (a) =>
          a.ownerId === rep.ownerId &&
          a.computedAt != null &&
          a.kpis.relationship_activity_share != null &&
          a.kpis.relationship_activity_share < c.slot(a.stage as StageSlot).recommendedShare - tol,
      );
      return [
        {
          accounts: low.map(ref),
          repId: rep.ownerId,
          values: {
            rep: repRef(c.view, rep.ownerId).name,
            actual: percent(rep.relationshipShare ?? 0),
            recommended: percent(rep.recommendedShare ?? 0),
          },
        },
      ];
    });
  },
};

/**
 * The config's guidance rules over the accounts in view, in the config's order. Messages get
 * {count} (accounts found), {total} (assessed accounts in view), {days} (the KPI window) and the
 * rule's own values ({stage}, {share}, {rep}, {actual}, {recommended}).
 */
export function portfolioGuidance(
  view: PortfolioView,
  config: SalesProcessConfig,
  balance: { perRep: (ActivityBalance & { ownerId: string | null })[] },
): GuidanceItem[] {
  const assessed = view.accounts.filter((a) => a.stage != null);
  const slot = slotConfigs(config);
  const c: RuleContext = {
    view,
    config,
    assessed,
    at: (a) => (a.stage == null ? -1 : slot(a.stage).index),
    slot,
    balance,
  };
  return config.guidance.rules.flatMap((rule) =>
    (FIND[rule.kind] as (r: GuidanceRule, c: RuleContext) => Finding[])(rule, c).map((f) => ({
      code: rule.code,
      kind: rule.kind,
      message: fill(rule.message, {
        count: String(f.accounts.length),
        total: String(assessed.length),
        days: String(config.windows.kpiWindowDays),
        ...f.values,
      }),
      repId: f.repId ?? null,
      accounts: f.accounts,
    })),
  );
}

function ref(a: PortfolioAccount): Ref {
  return { id: a.id, name: a.name, ownerId: a.ownerId };
}

function found(accounts: Ref[], values: Values): Finding[] {
  return accounts.length > 0 ? [{ accounts, values }] : [];
}

/**
 * Owners of the open deals of `accounts` (to tell whether a deep account's deals are split): only
 * those accounts', as the deep ones are few and the deals many.
 */
function openDealOwners(
  view: PortfolioView,
  accounts: readonly PortfolioAccount[],
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (accounts.length === 0) return out;
  for (const a of accounts) out.set(a.id, new Set());
  for (const d of view.deals) {
    if (d.status !== 'open' || d.accountId == null || d.ownerId == null) continue;
    out.get(d.accountId)?.add(d.ownerId);
  }
  return out;
}

/** Why a deep account has no dedicated owner, or null when it has one. */
function ownerProblem(
  view: PortfolioView,
  a: PortfolioAccount,
  dealOwners: Map<string, Set<string>>,
): OwnerReason | null {
  if (a.ownerId == null) return 'no_owner';
  const owner = repRef(view, a.ownerId);
  if (!owner.known) return 'owner_unknown';
  if (owner.kind !== 'field') return 'owner_not_field';
  const others = [...(dealOwners.get(a.id) ?? [])].filter((id) => id !== a.ownerId);
  return others.length > 0 ? 'split_deals' : null;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function fill(message: Bilingual, values: Values): Bilingual {
  const pick = (lang: 'ja' | 'en') =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : v[lang]]));
  return { ja: fillTemplate(message.ja, pick('ja')), en: fillTemplate(message.en, pick('en')) };
}
