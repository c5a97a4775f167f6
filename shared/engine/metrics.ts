/**
 * Every KPI, KGI and fact of DESIGN §4, each over an explicit window. Counts are whole numbers;
 * shares are 0..1 (written to Zoho as percent by the write-back); money is in the deal currency.
 */
import {
  KPI_KEYS,
  PLAN_SECTIONS,
  type ActivityKind,
  type KgiKey,
  type KpiKey,
  type MetricKey,
  type PlanSection,
} from '../model/keys';
import { once } from '../model/once';
import { dateInWindow, fiscalYearStart, inWindow } from '../model/time';
import type { AccountPlan, ZohoId } from '../model/types';
import { stageKeyFromCrmValue } from '../config/picklists';
import type { CompiledConfig } from './compiled';
import type { AccountContext, ClassifiedActivity, DealView, WindowSummary } from './context';

export interface MetricSpec {
  metric: MetricKey;
  /** Trailing window in days (ignored by metrics that are not counted over a window). */
  windowDays: number;
  kinds?: readonly ActivityKind[] | undefined;
  sections?: readonly PlanSection[] | undefined;
}

/**
 * The value of one metric for the account, memoised per spec. `null` = not measurable. `key` is
 * `metricKey(spec)`, passed by callers that asked the same spec before (criteria, the KPIs).
 */
export function metricValue(ctx: AccountContext, spec: MetricSpec, key = metricKey(spec)): number | null {
  const hit = ctx.memo.get(key);
  if (hit !== undefined) return hit;
  const value = compute(ctx, spec);
  ctx.memo.set(key, value);
  return value;
}

/** The memo key of a spec: equal for specs that ask the same question. */
export function metricKey(spec: MetricSpec): string {
  return `${spec.metric}|${spec.windowDays}|${spec.kinds?.join(',') ?? ''}|${spec.sections?.join(',') ?? ''}`;
}

function compute(ctx: AccountContext, spec: MetricSpec): number | null {
  const w = spec.windowDays;
  switch (spec.metric) {
    case 'contacts_reached':
      return windowSummary(ctx, w).contactsReached.size;
    case 'departments_reached':
      return departments(ctx, windowSummary(ctx, w).contactsReached).size;
    case 'customer_consultations':
      return windowSummary(ctx, w).consultations;
    case 'plan_updates':
      return new Set(
        ctx.bundle.plan?.updates.filter((u) => dateInWindow(u.date, ctx.asOfDate, w)).map((u) => u.date),
      ).size;
    case 'key_person_meetings':
      return windowSummary(ctx, w).keyPersonMeetings;
    case 'executive_touchpoints':
      return windowSummary(ctx, w).executiveTouchpoints;
    // Proposals and quotes are separate (issue 11): a proposal counts when made with a customer
    // contact; a quote, requested or not, is never evidence of co-creation.
    case 'proposals':
      return windowSummary(ctx, w).proposalsWithContact;
    case 'quotes':
      return ofKinds(windowSummary(ctx, w), ['quote']);
    case 'decision_maker_proposals':
      return windowSummary(ctx, w).decisionMakerProposals;
    case 'study_sessions':
      return ofKinds(windowSummary(ctx, w), ['study_session']);
    case 'seminars':
      return ofKinds(windowSummary(ctx, w), ['seminar']);
    case 'referrals':
      return ofKinds(windowSummary(ctx, w), ['referral']);
    case 'deals_created':
      return ctx.deals.filter((d) => d.deal.createdTime != null && inWindow(d.deal.createdTime, ctx.asOf, w))
        .length;
    case 'relationship_activity_share': {
      // Of the activities on either side: unclassified, admin and internal ones change neither.
      const s = windowSummary(ctx, w);
      const sided = s.deal + s.relationship;
      return sided === 0 ? null : s.relationship / sided;
    }
    case 'csat':
      return ctx.bundle.account.customerSatisfaction;
    case 'annual_revenue':
    case 'share_of_wallet':
    case 'fy_orders':
    case 'expansion_revenue':
      return kgiValue(ctx, spec.metric);
    case 'decision_maker_identified':
      return [...ctx.contacts.values()].some((c) => c.decisionMaker) ? 1 : 0;
    case 'key_persons':
      return [...ctx.contacts.values()].filter((c) => c.key).length;
    case 'executive_contacts':
      return [...ctx.contacts.values()].filter((c) => c.executive).length;
    case 'buyer_map_roles':
      return ctx.bundle.contacts.filter((c) => c.buyingRole != null).length;
    case 'plan_sections_filled':
      return (spec.sections ?? PLAN_SECTIONS).filter((s) => sectionFilled(ctx, s)).length;
    case 'won_deals':
      return wonIn(ctx, w).length;
    case 'won_deal_departments': {
      const ids = wonIn(ctx, w).flatMap((d) => (d.deal.contactId ? [d.deal.contactId] : []));
      return departments(ctx, new Set(ids)).size;
    }
    case 'related_companies_engaged':
      return ctx.bundle.related.filter(
        (r) => typeof stageKeyFromCrmValue(ctx.cc.config, r.relationshipStage) === 'string',
      ).length;
    case 'activities':
      return spec.kinds ? ofKinds(windowSummary(ctx, w), spec.kinds) : windowSummary(ctx, w).total;
  }
}

/**
 * One definition per KGI (S:173, S:192):
 * - annual_revenue (年間取引額): Σ Amount of Closed Won deals whose Closing_Date is in the current
 *   fiscal year (fiscalYearStartMonth), the whole year, so a won deal dated later this year counts.
 * - share_of_wallet (企業内シェア): Σ Current_Amount ÷ Σ Potential_Amount of the plan's potential map,
 *   the same numbers the map shows; null (not measurable) when there is no map with potential.
 * - fy_orders (今期受注額): won deals closed from the fiscal year's start up to today.
 * - expansion_revenue: the part of fy_orders from existing business (values.existingBusinessTypes).
 */
function kgiValue(ctx: AccountContext, key: KgiKey): number | null {
  switch (key) {
    case 'annual_revenue':
      return sum(wonInFiscalYear(ctx));
    case 'share_of_wallet': {
      const map = ctx.bundle.plan?.potentialMap ?? [];
      const potential = map.reduce((s, r) => s + r.potential, 0);
      return potential > 0 ? map.reduce((s, r) => s + r.current, 0) / potential : null;
    }
    case 'fy_orders':
      return sum(wonThisFiscalYear(ctx));
    case 'expansion_revenue': {
      const existing = new Set(ctx.cc.config.values.existingBusinessTypes);
      return sum(wonThisFiscalYear(ctx).filter((d) => d.deal.type != null && existing.has(d.deal.type)));
    }
  }
}

/** Activities that happened in the last `days` days (memoised per window: most metrics share one). */
export function happenedIn(ctx: AccountContext, days: number): ClassifiedActivity[] {
  let list = ctx.happenedByWindow.get(days);
  if (!list) {
    list = ctx.activities.filter(
      (a) => a.happened && a.activity.at != null && inWindow(a.activity.at, ctx.asOf, days),
    );
    ctx.happenedByWindow.set(days, list);
  }
  return list;
}

/**
 * The counts of one window, in one pass over the account's activities (memoised per window): every
 * activity metric reads from here, so a metric costs nothing per activity.
 */
export function windowSummary(ctx: AccountContext, days: number): WindowSummary {
  const hit = ctx.summaryByWindow.get(days);
  if (hit) return hit;
  const s: WindowSummary = {
    total: 0,
    byKind: new Map(),
    deal: 0,
    relationship: 0,
    unclassified: 0,
    contactsReached: new Set(),
    consultations: 0,
    keyPersonMeetings: 0,
    executiveTouchpoints: 0,
    proposalsWithContact: 0,
    decisionMakerProposals: 0,
  };
  const { asOf, contacts } = ctx;
  for (const a of ctx.activities) {
    const at = a.activity.at;
    if (!a.happened || at == null || !inWindow(at, asOf, days)) continue;
    s.total++;
    s.byKind.set(a.kind, (s.byKind.get(a.kind) ?? 0) + 1);
    if (a.purpose === 'deal') s.deal++;
    else if (a.purpose === 'relationship') s.relationship++;
    else if (a.kind === 'other') s.unclassified++;
    if (a.kind === 'consultation' || (a.activity.module === 'Calls' && a.activity.inbound)) s.consultations++;
    let known = false;
    let key = false;
    let executive = false;
    let decisionMaker = false;
    for (const id of a.activity.contactIds) {
      s.contactsReached.add(id);
      const c = contacts.get(id);
      if (!c) continue;
      known = true;
      key ||= c.key;
      executive ||= c.executive;
      decisionMaker ||= c.decisionMaker;
    }
    if (key && a.activity.module === 'Events') s.keyPersonMeetings++;
    if (executive) s.executiveTouchpoints++;
    if (a.kind === 'proposal') {
      if (known) s.proposalsWithContact++;
      if (decisionMaker) s.decisionMakerProposals++;
    }
  }
  ctx.summaryByWindow.set(days, s);
  return s;
}

function ofKinds(s: WindowSummary, kinds: readonly ActivityKind[]): number {
  let n = 0;
  for (const k of new Set(kinds)) n += s.byKind.get(k) ?? 0;
  return n;
}

function departments(ctx: AccountContext, contactIds: Set<ZohoId>): Set<string> {
  const out = new Set<string>();
  for (const id of contactIds) {
    const dept = ctx.contacts.get(id)?.contact.department;
    if (dept) out.add(dept);
  }
  return out;
}

function wonIn(ctx: AccountContext, days: number): DealView[] {
  return ctx.deals.filter(
    (d) =>
      d.status === 'won' &&
      d.deal.closingDate != null &&
      dateInWindow(d.deal.closingDate, ctx.asOfDate, days),
  );
}

/** Won deals with Closing_Date anywhere in the current fiscal year (start ≤ date < next start). */
function wonInFiscalYear(ctx: AccountContext): DealView[] {
  const start = fiscalYearStart(ctx.asOfDate, ctx.cc.config.fiscalYearStartMonth);
  const next = `${Number(start.slice(0, 4)) + 1}${start.slice(4)}`;
  return ctx.deals.filter(
    (d) =>
      d.status === 'won' &&
      d.deal.closingDate != null &&
      d.deal.closingDate >= start &&
      d.deal.closingDate < next,
  );
}

function wonThisFiscalYear(ctx: AccountContext): DealView[] {
  const start = fiscalYearStart(ctx.asOfDate, ctx.cc.config.fiscalYearStartMonth);
  return ctx.deals.filter(
    (d) =>
      d.status === 'won' &&
      d.deal.closingDate != null &&
      d.deal.closingDate >= start &&
      d.deal.closingDate <= ctx.asOfDate,
  );
}

function sum(deals: DealView[]): number {
  return deals.reduce((s, d) => s + (d.deal.amount ?? 0), 0);
}

/** A plan section counts as filled when it holds something a colleague could act on. */
export function sectionFilled(ctx: AccountContext, section: PlanSection): boolean {
  if (section === 'buyer_map') return ctx.bundle.contacts.some((c) => c.buyingRole != null);
  const plan: AccountPlan | null = ctx.bundle.plan;
  if (!plan) return false;
  switch (section) {
    case 'overview':
      return plan.overview !== '';
    case 'strategy':
      return plan.strategy !== '' || plan.issues !== '';
    case 'group':
      return plan.group !== '';
    case 'potential_map':
      return plan.potentialMap.some((r) => r.potential > 0);
    case 'action_plan':
      return plan.longTermActions !== '' || plan.shortTermActions !== '';
  }
}

/** All KPIs over the config's KPI window. */
export function computeKpis(ctx: AccountContext): Record<KpiKey, number | null> {
  const specs = kpiSpecsOf(ctx.cc);
  const v = (metric: KpiKey) => metricValue(ctx, specs[metric].spec, specs[metric].key);
  return {
    contacts_reached: v('contacts_reached'),
    departments_reached: v('departments_reached'),
    customer_consultations: v('customer_consultations'),
    plan_updates: v('plan_updates'),
    key_person_meetings: v('key_person_meetings'),
    executive_touchpoints: v('executive_touchpoints'),
    proposals: v('proposals'),
    quotes: v('quotes'),
    decision_maker_proposals: v('decision_maker_proposals'),
    study_sessions: v('study_sessions'),
    seminars: v('seminars'),
    referrals: v('referrals'),
    deals_created: v('deals_created'),
    relationship_activity_share: v('relationship_activity_share'),
    csat: v('csat'),
  };
}

type KpiSpecs = Record<KpiKey, { spec: MetricSpec; key: string }>;

/** Each KPI's spec over the config's KPI window, with its memo key: once per config, not per account. */
const kpiSpecsOf = once((cc: CompiledConfig): KpiSpecs => {
  const windowDays = cc.config.windows.kpiWindowDays;
  return Object.fromEntries(
    KPI_KEYS.map((metric) => {
      const spec: MetricSpec = { metric, windowDays };
      return [metric, { spec, key: metricKey(spec) }];
    }),
  ) as KpiSpecs;
}, new WeakMap());

/** The KGIs the config enables (a team may switch off what it cannot measure yet). */
export function computeKgis(ctx: AccountContext): Partial<Record<KgiKey, number | null>> {
  return Object.fromEntries(ctx.cc.config.kgis.map((k) => [k, kgiValue(ctx, k)]));
}

export interface KgiTarget {
  target: number;
  actual: number | null;
  met: boolean;
}

/** The config's `kgiTargets` against the KGIs computed (only KGIs the config keeps). */
export function kgiTargetsOf(
  kgis: Partial<Record<KgiKey, number | null>>,
  targets: Partial<Record<KgiKey, number>>,
): Partial<Record<KgiKey, KgiTarget>> {
  const out: Partial<Record<KgiKey, KgiTarget>> = {};
  for (const [key, target] of Object.entries(targets) as [KgiKey, number][]) {
    if (!(key in kgis)) continue;
    const actual = kgis[key] ?? null;
    out[key] = { target, actual, met: actual != null && actual >= target };
  }
  return out;
}
