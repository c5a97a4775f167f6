/**
 * The account table of the manager's view: one row per account in view with its stage, how long it
 * has been there, what it misses, KPI targets met, activity mix and pipeline — the rows the web tab
 * sorts and exports as CSV.
 */
import type { SalesProcessConfig } from '../config/schema';
import { localDateOf, offsetMinutes } from '../model/time';
import type { Instant, LocalDate } from '../model/types';
import type { PortfolioView } from './filter';
import { buyingProbabilities, money, weighDeal } from './forecast';
import type { GuidanceItem } from './guidance';
import { healthBand, type HealthBand } from './health';
import { targetsMet } from './kpis';
import { isComputed, type StageSlot } from './model';
import { stageStays } from './movement';
import { repRef } from './reps';
import { slotConfigs, type SlotConfig } from './slot-config';

export interface AccountRow {
  id: string;
  name: string;
  ownerId: string | null;
  ownerName: string;
  industry: string | null;
  stage: StageSlot | null;
  since: LocalDate | null;
  daysInStage: number | null;
  stallDays: number | null;
  stalled: boolean;
  progress: number | null;
  missing: string[];
  /** KPI targets of the stage met, of how many (null when the service has not computed the account). */
  kpisMet: number | null;
  kpiTargets: number | null;
  relationshipShare: number | null;
  recommendedShare: number | null;
  openDeals: number;
  openAmount: number;
  /** Σ amount × probability of the open deals, the customer's way and Zoho's way. */
  buyerWeighted: number;
  sellerWeighted: number;
  annualRevenue: number | null;
  fyOrders: number | null;
  /** Account_Health 0–100 and its band (null until the service has scored the account). */
  health: number | null;
  healthBand: HealthBand | null;
  healthParts: string | null;
  /** Codes of the guidance items that name the account. */
  guidance: string[];
}

export function accountRows(
  view: PortfolioView,
  config: SalesProcessConfig,
  asOf: Instant,
  guidance: readonly GuidanceItem[],
): AccountRow[] {
  const today = localDateOf(asOf, offsetMinutes(config.utcOffset));
  const slotConfig = slotConfigs(config);
  const stayOf = stageStays(config, today);
  const pipeline = openPipelines(view, config);
  const codes = guidanceCodes(guidance);
  return view.accounts.map((a) => {
    const slot = a.stage != null ? slotConfig(a.stage) : null;
    const computed = isComputed(a);
    const stay = stayOf(a);
    const p = pipeline.get(a.id);
    return {
      id: a.id,
      name: a.name,
      ownerId: a.ownerId,
      ownerName: repRef(view, a.ownerId).name,
      industry: a.industry,
      stage: a.stage,
      since: a.since,
      daysInStage: stay.days,
      stallDays: stay.stallDays,
      stalled: stay.stalled,
      progress: a.progress,
      missing: a.gaps,
      // a computed account has a stage (isComputed)
      kpisMet: computed ? targetsMet(a, (slot as SlotConfig).targets) : null,
      kpiTargets: computed ? (slot as SlotConfig).targets.length : null,
      relationshipShare: a.kpis.relationship_activity_share ?? null,
      recommendedShare: slot ? slot.recommendedShare : null,
      openDeals: p?.n ?? 0,
      openAmount: p?.amount ?? 0,
      buyerWeighted: p?.buyer ?? 0,
      sellerWeighted: p?.seller ?? 0,
      annualRevenue: a.kgis.annual_revenue ?? null,
      fyOrders: a.kgis.fy_orders ?? null,
      health: a.health,
      healthBand: a.health == null ? null : healthBand(a.health, config),
      healthParts: a.healthParts,
      guidance: codes.get(a.id) ?? [],
    };
  });
}

interface Pipeline {
  n: number;
  amount: number;
  buyer: number;
  seller: number;
}

/** Each account's open deals: how many, their amount and weighted amounts (to the cent, in deal order). */
function openPipelines(view: PortfolioView, config: SalesProcessConfig): Map<string, Pipeline> {
  const probability = buyingProbabilities(config);
  const pipeline = new Map<string, Pipeline>();
  for (const d of view.deals) {
    if (d.status !== 'open' || d.accountId == null) continue;
    let p = pipeline.get(d.accountId);
    if (p === undefined) {
      p = { n: 0, amount: 0, buyer: 0, seller: 0 };
      pipeline.set(d.accountId, p);
    }
    const w = weighDeal(d, probability);
    p.n++;
    p.amount = money(p.amount + w.amount);
    p.buyer = money(p.buyer + w.buyerW);
    p.seller = money(p.seller + w.sellerW);
  }
  return pipeline;
}

/** The codes of the guidance items naming each account, once each, in guidance order. */
function guidanceCodes(guidance: readonly GuidanceItem[]): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const g of guidance)
    for (const a of g.accounts) {
      const mine = codes.get(a.id);
      if (mine === undefined) codes.set(a.id, [g.code]);
      else if (!mine.includes(g.code)) mine.push(g.code);
    }
  return codes;
}
