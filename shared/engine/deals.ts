/**
 * Deals in the context of their account (DOMAIN §1, §4): the customer's buying stage, the deal's
 * strategic role (from the account's relationship stage), its priority, forecast-risk flags and a
 * rationale a rep can paste when asking other departments for help.
 */
import type { Bilingual, StageConfig } from '../config/schema';
import type { BuyingStageKey } from '../model/keys';
import { addDays, inWindow } from '../model/time';
import type { DataIssue } from '../model/types';
import { FLAG_LABELS, fillTemplate } from '../i18n/labels';
import { normaliseText } from './compiled';
import type { AccountContext, ClassifiedActivity, DealStatus, DealView } from './context';
import { metricValue } from './metrics';

export interface DealFlag {
  code: string;
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
  const roleKey = accountStage?.dealRole ?? config.notStarted.dealRole;
  const role = config.dealRoles.find((r) => r.key === roleKey) ?? config.dealRoles[0];
  const deals = ctx.deals.map((view): DealInsight => {
    const { deal, status, buyingStage } = view;
    if (status === 'open' && !(deal.zohoStage && ctx.cc.buyingStageOfZoho.has(deal.zohoStage))) {
      issues.push(
        deal.zohoStage
          ? {
              code: 'UNMAPPED_DEAL_STAGE',
              message: `deal "${deal.name}": Zoho stage "${deal.zohoStage}" is not mapped to a buying stage in the config`,
              recordId: deal.id,
            }
          : { code: 'INVALID_VALUE', message: `deal "${deal.name}" has no Stage`, recordId: deal.id },
      );
    }
    if (status === 'won' && deal.amount == null) {
      issues.push({
        code: 'INVALID_VALUE',
        message: `won deal "${deal.name}" has no Amount; counted as 0`,
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
      strategicRole: role?.key ?? roleKey,
      priority: status === 'open' ? priorityOf(ctx, view, role?.basePriority ?? 3) : null,
      flags: status === 'open' ? flagsOf(ctx, view) : [],
      supportRationale: rationaleOf(ctx, view, accountStage, role?.key ?? roleKey),
    };
  });
  return { deals, issues };
}

/** basePriority of the role, +1 from `lateStageFrom` on (verified), +1 at or above `largeAmount`; 1..5. */
function priorityOf(ctx: AccountContext, view: DealView, base: number): number {
  const { lateStageFrom, largeAmount } = ctx.cc.config.dealPriority;
  const idx = view.verifiedStage ? (ctx.cc.buyingIndex.get(view.verifiedStage) ?? -1) : -1;
  const late = idx >= (ctx.cc.buyingIndex.get(lateStageFrom) ?? Infinity) ? 1 : 0;
  const large = (view.deal.amount ?? 0) >= largeAmount ? 1 : 0;
  return Math.min(5, Math.max(1, base + late + large));
}

function flagsOf(ctx: AccountContext, view: DealView): DealFlag[] {
  const { deal, buyingStage } = view;
  const config = ctx.cc.config;
  const flags: DealFlag[] = [];
  const onDeal = ctx.activities.filter(
    (a) =>
      a.happened && a.activity.what?.module === config.fields.modules.deals && a.activity.what.id === deal.id,
  );
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
  accountStage: StageConfig | null,
  roleKey: string,
): Bilingual {
  const config = ctx.cc.config;
  const role = config.dealRoles.find((r) => r.key === roleKey);
  if (!role) return { ja: '', en: '' };
  const stageLabel = accountStage?.label ?? config.notStarted.label;
  const buying = config.buyingStages.find((b) => b.key === view.buyingStage);
  const fill = (lang: 'ja' | 'en') =>
    fillTemplate(role.rationale[lang], {
      deal: view.deal.name,
      amount: formatAmount(view.deal.amount, config.currency, lang),
      account: ctx.bundle.account.name,
      accountStage: stageLabel[lang],
      buyingStage: buying?.label[lang] ?? view.deal.zohoStage ?? '—',
      role: role.label[lang],
      judgeOn: role.judgeOn[lang],
      customerNeeds:
        buying?.customerNeeds[lang] ?? (lang === 'ja' ? '（購買段階が不明）' : '(buying stage unknown)'),
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
