/**
 * The forecast two ways, by fiscal quarter of Closing_Date (DOMAIN §1): Σ amount × the buying
 * stage's probability (the customer's process, config `buyingStages[].probability`) next to
 * Σ amount × Zoho's Probability (the seller's process), the gap between them, and the deals that
 * cause it — those the seller's process rates higher, with their Forecast_Risk flags.
 */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import { localDateOf, offsetMinutes } from '../model/time';
import type { BuyingStageKey } from '../model/keys';
import type { Instant, LocalDate } from '../model/types';
import type { PortfolioView } from './filter';
import type { PortfolioDeal } from './model';
import { once } from '../model/once';
import { compareIds } from './normalise';
import { fiscalQuarters, type FiscalQuarter } from './period';
import { repRef } from './reps';

export interface ForecastBucket {
  /** A fiscal quarter (`FY2026-Q3`) or `overdue` (open deals whose closing date has passed). */
  key: string;
  label: Bilingual;
  start: LocalDate | null;
  end: LocalDate | null;
  /** Open deals in the bucket and their amount. */
  deals: number;
  openAmount: number;
  /** Won deals closed in the quarter (counted fully both ways). */
  booked: number;
  buyerWeighted: number;
  sellerWeighted: number;
  /** booked + weighted, each way. */
  buyerTotal: number;
  sellerTotal: number;
  /** sellerTotal − buyerTotal: how much the seller's process runs ahead of the customer's. */
  gap: number;
}

export type GapReason = 'premature' | 'unmapped' | 'stage_ahead';

export interface GapDeal {
  dealId: string;
  name: string;
  accountId: string;
  accountName: string;
  /** The deal's owner, who may hold none of the accounts in view (a deal handed to inside sales). */
  ownerId: string | null;
  ownerName: string;
  bucket: string;
  amount: number;
  zohoStage: string | null;
  buyingStage: BuyingStageKey | null;
  buyerProbability: number | null;
  sellerProbability: number;
  buyerWeighted: number;
  sellerWeighted: number;
  gap: number;
  /** premature: a PREMATURE_* flag; unmapped: the buying stage is unknown; else the Zoho stage runs ahead. */
  reason: GapReason;
  risks: { code: string; text: string }[];
}

export interface Forecast {
  quarters: ForecastBucket[];
  overdue: ForecastBucket;
  /** Every bucket together. */
  total: ForecastBucket;
  /** Largest gap first; at most GAP_DEALS_SHOWN. */
  gapDeals: GapDeal[];
  gapDealsTotal: number;
  /** Open deals in the buckets whose buying stage is unknown (weighted 0 on the customer side). */
  unmapped: number;
  /** Open deals without a closing date, or after the last quarter: not in any bucket. */
  undated: number;
  later: number;
}

const GAP_DEALS_SHOWN = 100;
const OVERDUE: Bilingual = { ja: '完了予定日超過', en: 'Overdue' };
const TOTAL: Bilingual = { ja: '合計', en: 'Total' };

/** The forecast's fiscal quarters, this one first (config `guidance.forecastQuarters` of them). */
export function forecastQuarters(config: SalesProcessConfig, asOf: Instant): FiscalQuarter[] {
  const today = localDateOf(asOf, offsetMinutes(config.utcOffset));
  return fiscalQuarters(today, config.fiscalYearStartMonth, config.guidance.forecastQuarters);
}

export function forecastByQuarter(view: PortfolioView, config: SalesProcessConfig, asOf: Instant): Forecast {
  const quarters = forecastQuarters(config, asOf);
  const first = quarters[0]?.start as LocalDate;
  const horizonEnd = quarters[quarters.length - 1]?.end as LocalDate;
  const buckets = new Map<string, ForecastBucket>(
    quarters.map((q) => [q.key, bucket(q.key, q.label, q.start, q.end)]),
  );
  const overdue = bucket('overdue', OVERDUE, null, first);
  const probability = buyingProbabilities(config);
  // The deals behind the gap, as found; the full rows are made for the GAP_DEALS_SHOWN largest only.
  const gaps: Gap[] = [];
  let unmapped = 0;
  let undated = 0;
  let later = 0;
  // where each closing date falls, worked out once per distinct date (30,000 deals share a few hundred)
  const placeOf = once((date: LocalDate): 'before' | ForecastBucket | null => {
    if (date < first) return 'before';
    if (date >= horizonEnd) return null;
    return buckets.get(quarters.find((q) => date >= q.start && date < q.end)?.key ?? '') ?? null;
  });
  const bucketOf = (d: PortfolioDeal): ForecastBucket | null => {
    const place = placeOf(d.closingDate as LocalDate);
    if (place === 'before') return d.status === 'open' ? overdue : null;
    return place;
  };
  for (const d of view.deals) {
    if (d.status === 'lost') continue;
    if (d.closingDate == null) {
      if (d.status === 'open') undated++;
      continue;
    }
    const b = bucketOf(d);
    if (!b) {
      if (d.status === 'open' && d.closingDate >= horizonEnd) later++;
      continue;
    }
    if (d.status === 'won') {
      b.booked = money(b.booked + (d.amount ?? 0));
      continue;
    }
    const w = weighDeal(d, probability);
    const { amount, buyerP, buyerW, sellerW } = w;
    if (buyerP == null) unmapped++;
    b.deals++;
    b.openAmount = money(b.openAmount + amount);
    b.buyerWeighted = money(b.buyerWeighted + buyerW);
    b.sellerWeighted = money(b.sellerWeighted + sellerW);
    if (sellerW - buyerW > 0.005) gaps.push({ d, bucket: b.key, w, gap: money(sellerW - buyerW) });
  }
  const all = [overdue, ...buckets.values()].map(finish);
  const total = finish(
    all.reduce(
      (t, b) => ({
        ...t,
        deals: t.deals + b.deals,
        openAmount: money(t.openAmount + b.openAmount),
        booked: money(t.booked + b.booked),
        buyerWeighted: money(t.buyerWeighted + b.buyerWeighted),
        sellerWeighted: money(t.sellerWeighted + b.sellerWeighted),
      }),
      bucket('total', TOTAL, null, horizonEnd),
    ),
  );
  const shown = largestGaps(gaps, GAP_DEALS_SHOWN);
  const names = accountNames(view, new Set(shown.map((g) => g.d.accountId as string)));
  const gapDeals = shown.map((g) => gapDeal(g.d, g.bucket, names, repRef(view, g.d.ownerId).name, g.w));
  return {
    quarters: all.slice(1),
    overdue: all[0] as ForecastBucket,
    total,
    gapDeals,
    gapDealsTotal: gaps.length,
    unmapped,
    undated,
    later,
  };
}

interface Gap {
  d: PortfolioDeal;
  bucket: string;
  w: DealWeights;
  gap: number;
}

/**
 * The `count` largest gaps, largest first (then by deal id): the head of the list sorted so, without
 * sorting the whole list (some 20,000 deals at 10,000 accounts). Only gaps at least the count-th
 * largest can be in the head; the stable sort of those keeps them in the order a full sort would.
 */
function largestGaps(gaps: readonly Gap[], count: number): Gap[] {
  const byGap = (x: Gap, y: Gap) => y.gap - x.gap || compareIds(x.d.id, y.d.id);
  if (gaps.length <= count) return [...gaps].sort(byGap);
  const values = Float64Array.from(gaps, (g) => g.gap).sort();
  const least = values[values.length - count] as number;
  return gaps
    .filter((g) => g.gap >= least)
    .sort(byGap)
    .slice(0, count);
}

/** The names of the accounts in view with the given ids. */
function accountNames(view: PortfolioView, ids: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of view.accounts) if (ids.has(a.id)) names.set(a.id, a.name);
  return names;
}

/** The buying stages' probabilities (config `buyingStages[].probability`), by key. */
export function buyingProbabilities(config: SalesProcessConfig): ReadonlyMap<string, number> {
  return new Map(config.buyingStages.map((b) => [b.key, b.probability]));
}

export interface DealWeights {
  amount: number;
  /** The buying stage's probability; null when the deal's buying stage is unknown or not in the config. */
  buyerP: number | null;
  sellerP: number;
  /** amount × probability, to the cent; an unknown buying stage weighs 0. */
  buyerW: number;
  sellerW: number;
}

/** One deal weighted the customer's way and Zoho's way: the forecast and the account table both use it. */
export function weighDeal(d: PortfolioDeal, probability: ReadonlyMap<string, number>): DealWeights {
  const amount = d.amount ?? 0;
  const buyerP = d.buyingStage ? (probability.get(d.buyingStage) ?? null) : null;
  const sellerP = d.zohoProbability ?? 0;
  return { amount, buyerP, sellerP, buyerW: money(amount * (buyerP ?? 0)), sellerW: money(amount * sellerP) };
}

function gapDeal(
  d: PortfolioDeal,
  bucket: string,
  names: Map<string, string>,
  ownerName: string,
  w: DealWeights,
): GapDeal {
  return {
    dealId: d.id,
    name: d.name,
    accountId: d.accountId as string,
    accountName: names.get(d.accountId as string) ?? '',
    ownerId: d.ownerId,
    ownerName,
    bucket,
    amount: d.amount ?? 0,
    zohoStage: d.zohoStage,
    buyingStage: d.buyingStage,
    buyerProbability: w.buyerP,
    sellerProbability: w.sellerP,
    buyerWeighted: w.buyerW,
    sellerWeighted: w.sellerW,
    gap: money(w.sellerW - w.buyerW),
    reason: d.risks.some((r) => r.code.startsWith('PREMATURE_'))
      ? 'premature'
      : w.buyerP == null
        ? 'unmapped'
        : 'stage_ahead',
    risks: d.risks,
  };
}

function bucket(
  key: string,
  label: Bilingual,
  start: LocalDate | null,
  end: LocalDate | null,
): ForecastBucket {
  return {
    key,
    label,
    start,
    end,
    deals: 0,
    openAmount: 0,
    booked: 0,
    buyerWeighted: 0,
    sellerWeighted: 0,
    buyerTotal: 0,
    sellerTotal: 0,
    gap: 0,
  };
}

function finish(b: ForecastBucket): ForecastBucket {
  const buyerTotal = money(b.booked + b.buyerWeighted);
  const sellerTotal = money(b.booked + b.sellerWeighted);
  return { ...b, buyerTotal, sellerTotal, gap: money(sellerTotal - buyerTotal) };
}

/** Money to the cent: weighted amounts are products of floats. */
export function money(n: number): number {
  return Math.round(n * 100) / 100;
}
