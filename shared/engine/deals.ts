/**
 * Deals in the context of their account (DOMAIN §1, §4): the customer's buying stage, the deal's
 * strategic role (from the account's relationship stage), its priority, forecast-risk flags and a
 * rationale a rep can paste when asking other departments for help.
 */
import type { Bilingual, DealRoleConfig, PrematureCode, StageConfig } from '../config/schema';
import type { BuyingStageKey } from '../model/keys';
import { addDays, inWindow } from '../model/time';
import type { DataIssue, ZohoId } from '../model/types';
import { ISSUE_TEXT } from '../i18n/issues';
import { FLAG_LABELS, fillTemplate } from '../i18n/labels';
import { normaliseText } from './compiled';
import type { AccountContext, ClassifiedActivity, DealStatus, DealView } from './context';
import { metricValue } from './metrics';
import { stageIndexOf } from './stage';

/**
 * A deal flag's code: the engine's own (FLAG_LABELS) or a config premature-action rule's. Closed, so
 * a typo is a type error.
 */
export type DealFlagCode = keyof typeof FLAG_LABELS | PrematureCode;

export interface DealFlag {
  code: DealFlagCode;
  message: Bilingual;
}

export interface DealInsight {
  id: string;
  name: string;
  zohoStage: string | null;
  status: DealStatus;
  buyingStage: BuyingStageKey | null;
  /** True when the buying stage rests on the buyer-evidence checklist; false = Zoho-stage fallback. */
  buyingStageVerified: boolean;
  /** The exit-criterion keys ticked on the deal (Buying_Evidence). */
  buyingEvidence: string[];
  quoteRequested: boolean;
  /** Forecast weight of the buying stage (customer process); 1 for won, 0 for lost, null if unmapped. */
  buyingProbability: number | null;
  amount: number | null;
  closingDate: string | null;
  strategicRole: string;
  /** The account's relationship stage when the deal was created (fixes its role); null = not started. */
  stageAtCreation: string | null;
  /** 1 (lowest) … 5; null for closed deals. */
  priority: number | null;
  flags: DealFlag[];
  supportRationale: Bilingual;
}

export function analyseDeals(
  ctx: AccountContext,
  accountStage: StageConfig | null,
): { deals: DealInsight[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const config = ctx.cc.config;
  const roles: DealRoleConfig[] = [];
  const onDeals = happenedOnDeals(ctx);
  const deals = ctx.deals.map((view, i): DealInsight => {
    const startStage = stageWhenCreated(ctx, view, accountStage);
    const role = roleOf(ctx, view, startStage);
    roles[i] = role;
    const { deal, status, buyingStage } = view;
    if (status === 'open' && !(deal.zohoStage && ctx.cc.buyingStageOfZoho.has(deal.zohoStage))) {
      issues.push(
        deal.zohoStage
          ? {
              code: 'UNMAPPED_DEAL_STAGE',
              message: ISSUE_TEXT.unmappedDealStage(deal.name, deal.zohoStage),
              recordId: deal.id,
            }
          : { code: 'INVALID_VALUE', message: ISSUE_TEXT.dealWithoutStage(deal.name), recordId: deal.id },
      );
    }
    if (status === 'won' && deal.amount == null) {
      issues.push({
        code: 'INVALID_VALUE',
        message: ISSUE_TEXT.wonWithoutAmount(deal.name),
        recordId: deal.id,
      });
    }
    const stageConfig = buyingStage ? config.buyingStages.find((b) => b.key === buyingStage) : undefined;
    return {
      id: deal.id,
      name: deal.name,
      zohoStage: deal.zohoStage,
      status,
      buyingStage,
      buyingStageVerified: view.verifiedStage !== null || status === 'won',
      buyingEvidence: deal.buyingEvidence,
      quoteRequested: deal.quoteRequested,
      buyingProbability: status === 'won' ? 1 : status === 'lost' ? 0 : (stageConfig?.probability ?? null),
      amount: deal.amount,
      closingDate: deal.closingDate,
      strategicRole: role.key,
      stageAtCreation: startStage?.key ?? null,
      priority: null,
      flags: status === 'open' ? flagsOf(ctx, view, onDeals.get(deal.id) ?? []) : [],
      supportRationale: rationaleOf(ctx, view, startStage, role),
    };
  });
  for (const [i, d] of deals.entries()) {
    const view = ctx.deals[i];
    const role = roles[i];
    if (view && role && d.status === 'open') d.priority = priorityOf(ctx, view, role.basePriority, d.flags);
  }
  return { deals, issues };
}

/**
 * The account's relationship stage when the deal was created: the latest history record up to its
 * Created_Time (none before it = not started). Without any history, or without a Created_Time, the
 * account's stage now.
 */
function stageWhenCreated(ctx: AccountContext, view: DealView, now: StageConfig | null): StageConfig | null {
  const history = ctx.bundle.stageHistory;
  const created = view.deal.createdTime;
  if (history.length === 0 || created == null) return now;
  let latest: (typeof history)[number] | undefined;
  let earliest: (typeof history)[number] | undefined;
  for (const h of history) {
    if (h.changedAt == null) continue;
    if (h.changedAt <= created && (!latest || (latest.changedAt ?? 0) <= h.changedAt)) latest = h;
    if (!earliest || h.changedAt < (earliest.changedAt ?? Infinity)) earliest = h;
  }
  if (latest) return ctx.cc.config.stages[stageIndexOf(ctx, latest.to)] ?? null;
  // Created before the first recorded change: the stage that change left, when it names one. A first
  // record without a `from` (the service's first write for an account, made when it first computed the
  // stage) says nothing about earlier days, so the deal is judged like one on an account without
  // history — by the stage now — and a second run gives the same role as the first.
  const before = earliest?.from ? ctx.cc.config.stages[stageIndexOf(ctx, earliest.from)] : undefined;
  return before ?? (earliest?.from ? null : now);
}

/** The stage's default role, or the first of its otherDealRoles whose `when` the deal matches. */
function roleOf(ctx: AccountContext, view: DealView, stage: StageConfig | null): DealRoleConfig {
  const config = ctx.cc.config;
  const byKey = (k: string) => config.dealRoles.find((r) => r.key === k);
  const fallback =
    byKey(stage?.dealRole ?? config.notStarted.dealRole) ?? (config.dealRoles[0] as DealRoleConfig);
  for (const k of stage?.otherDealRoles ?? []) {
    const role = byKey(k);
    if (role?.when && matches(ctx, view, role.when)) return role;
  }
  return fallback;
}

function matches(ctx: AccountContext, view: DealView, when: NonNullable<DealRoleConfig['when']>): boolean {
  if (when.dealTypes && !(view.deal.type != null && when.dealTypes.includes(view.deal.type))) return false;
  if (when.newDepartment !== undefined && isNewDepartment(ctx, view) !== when.newDepartment) return false;
  return true;
}

/** The deal's contact is in a department where no deal was won before this one was created. */
function isNewDepartment(ctx: AccountContext, view: DealView): boolean {
  const dept = (id: string | null) =>
    (id ? ctx.contacts.get(id as ZohoId)?.contact.department : null) ?? null;
  const mine = dept(view.deal.contactId);
  if (mine == null) return false;
  const created = view.deal.createdTime ?? ctx.asOf;
  return !ctx.deals.some(
    (d) =>
      d !== view &&
      d.status === 'won' &&
      (d.deal.createdTime ?? Infinity) < created &&
      dept(d.deal.contactId) === mine,
  );
}

/**
 * basePriority of the role, +1 from `lateStageFrom` on (verified by buyer evidence), +1 at or above
 * `largeAmount`, −1 when stalled; 1..5.
 */
function priorityOf(ctx: AccountContext, view: DealView, base: number, flags: DealFlag[]): number {
  const { lateStageFrom, largeAmount } = ctx.cc.config.dealPriority;
  const idx = view.verifiedStage ? (ctx.cc.buyingIndex.get(view.verifiedStage) ?? -1) : -1;
  const late = idx >= (ctx.cc.buyingIndex.get(lateStageFrom) ?? Infinity) ? 1 : 0;
  const large = (view.deal.amount ?? 0) >= largeAmount ? 1 : 0;
  const stalled = flags.some((f) => f.code === 'STALLED_DEAL') ? 1 : 0;
  return Math.min(5, Math.max(1, base + late + large - stalled));
}

/** `onDeal`: the activities that happened on the deal. */
function flagsOf(ctx: AccountContext, view: DealView, onDeal: readonly ClassifiedActivity[]): DealFlag[] {
  const { deal, buyingStage } = view;
  const config = ctx.cc.config;
  const flags: DealFlag[] = [];
  // Seller actions are judged against the verified buying stage only: no evidence = before every
  // stage, so moving the Zoho stage forward never clears a flag.
  const verified = view.verifiedStage ? (ctx.cc.buyingIndex.get(view.verifiedStage) ?? -1) : -1;
  for (const rule of config.prematureActions) {
    const allowed = ctx.cc.buyingIndex.get(rule.allowedFrom) ?? 0;
    const ahead = onDeal.some(
      (a) => rule.kinds.includes(a.kind) && !(rule.unlessRequested && requested(ctx, view, a, rule.kinds)),
    );
    if (verified < allowed && ahead)
      flags.push({ code: rule.code, message: view.verifiedStage ? rule.message : unverified(rule.message) });
  }
  const idx = buyingStage ? (ctx.cc.buyingIndex.get(buyingStage) ?? null) : null;
  if (idx !== null) {
    const lateFrom = ctx.cc.buyingIndex.get(config.dealPriority.lateStageFrom) ?? Infinity;
    if (idx >= lateFrom && metricValue(ctx, { metric: 'decision_maker_identified', windowDays: 0 }) === 0) {
      flags.push({ code: 'NO_DECISION_MAKER', message: FLAG_LABELS.NO_DECISION_MAKER });
    }
  }
  if (deal.closingDate && deal.closingDate < ctx.asOfDate)
    flags.push({ code: 'OVERDUE_CLOSE', message: FLAG_LABELS.OVERDUE_CLOSE });
  const stale = config.windows.dealStaleDays;
  const oldEnough = deal.createdTime == null || !inWindow(deal.createdTime, ctx.asOf, stale);
  if (oldEnough && !onDeal.some((a) => a.activity.at != null && inWindow(a.activity.at, ctx.asOf, stale))) {
    flags.push({
      code: 'STALLED_DEAL',
      message: {
        ja: `${FLAG_LABELS.STALLED_DEAL.ja}（${stale}日以上、${addDays(ctx.asOfDate, -stale)}以降なし）`,
        en: `${FLAG_LABELS.STALLED_DEAL.en} (none in ${stale} days, since ${addDays(ctx.asOfDate, -stale)})`,
      },
    });
  }
  return flags;
}

/**
 * The activities that happened on each of the account's deals (What_Id = the deal), in the account's
 * order: gathered in one pass, not one pass per deal.
 */
function happenedOnDeals(ctx: AccountContext): Map<string, ClassifiedActivity[]> {
  const dealsModule = ctx.cc.config.fields.modules.deals;
  const byDeal = new Map<string, ClassifiedActivity[]>();
  for (const a of ctx.activities) {
    const what = a.activity.what;
    if (!a.happened || what?.module !== dealsModule) continue;
    const list = byDeal.get(what.id);
    if (list) list.push(a);
    else byDeal.set(what.id, [a]);
  }
  return byDeal;
}

/** The customer asked for it: Quote_Requested on the deal (quotes), or a request keyword in the subject. */
function requested(
  ctx: AccountContext,
  view: DealView,
  a: ClassifiedActivity,
  kinds: readonly string[],
): boolean {
  if (view.deal.quoteRequested && kinds.includes('quote')) return true;
  const subject = normaliseText(a.activity.subject);
  return ctx.cc.requestKeywords.some((k) => k !== '' && subject.includes(k));
}

function unverified(message: Bilingual): Bilingual {
  return {
    ja: `${message.ja}（購買段階は顧客側の証拠で未確認）`,
    en: `${message.en} (the buying stage is not verified by buyer evidence)`,
  };
}

function rationaleOf(
  ctx: AccountContext,
  view: DealView,
  startStage: StageConfig | null,
  role: DealRoleConfig,
): Bilingual {
  const config = ctx.cc.config;
  const stageLabel = startStage?.label ?? config.notStarted.label;
  const account = ctx.bundle.account.name;
  const amount = (lang: 'ja' | 'en') => formatAmount(view.deal.amount, config.currency, lang);
  if (view.status !== 'open') {
    const won = view.status === 'won';
    return {
      ja: `「${view.deal.name}」（${amount('ja')}）は、${account}との関係が「${stageLabel.ja}」段階のときに始まった${role.label.ja}の案件で、${won ? '受注しました' : '失注しました'}。`,
      en: `${view.deal.name} (${amount('en')}) was a ${role.label.en.toLowerCase()} deal, started when our relationship with ${account} was at ${stageLabel.en}; it was ${won ? 'won' : 'lost'}.`,
    };
  }
  const buying = config.buyingStages.find((b) => b.key === view.buyingStage);
  const unverified = view.verifiedStage === null;
  const customer = (lang: 'ja' | 'en'): string => {
    if (!buying) {
      return lang === 'ja'
        ? `顧客の購買段階はまだ確認できていません（Zoho の段階「${view.deal.zohoStage ?? '—'}」は設定で購買段階に対応付けられていません）。`
        : `The customer's buying stage is not known yet (the Zoho stage "${view.deal.zohoStage ?? '—'}" is not mapped to a buying stage).`;
    }
    return lang === 'ja'
      ? `顧客は「${buying.label.ja}」段階${unverified ? '（未確認）' : ''}にあり、${buying.customerNeeds.ja}を求めています。`
      : `The customer is at ${buying.label.en}${unverified ? ' (unverified)' : ''} and needs ${buying.customerNeeds.en}.`;
  };
  const fill = (lang: 'ja' | 'en') =>
    fillTemplate(role.rationale[lang], {
      deal: view.deal.name,
      amount: amount(lang),
      account,
      accountStage: stageLabel[lang],
      buyingStage: buying?.label[lang] ?? (lang === 'ja' ? '不明' : 'unknown'),
      role: role.label[lang],
      judgeOn: role.judgeOn[lang],
      customerNeeds: buying?.customerNeeds[lang] ?? (lang === 'ja' ? '（不明）' : '(unknown)'),
      customer: customer(lang),
    });
  return { ja: fill('ja'), en: fill('en') };
}

/** Building an Intl.NumberFormat costs more than a whole insight: keep one per language and currency. */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatAmount(amount: number | null, currency: string, lang: 'ja' | 'en'): string {
  if (amount == null) return lang === 'ja' ? '金額未定' : 'amount not set';
  const key = `${lang}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    });
    numberFormats.set(key, format);
  }
  return format.format(amount);
}
