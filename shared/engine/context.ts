/**
 * Per-account working set for one insight: activities classified once, contacts flagged as key /
 * executive / decision maker, the as-of instant and day. Metrics read from here.
 */
import {
  BUYING_STAGE_KEYS,
  type ActivityKind,
  type ActivityPurpose,
  type BuyingStageKey,
} from '../model/keys';
import { localDateOf } from '../model/time';
import type { AccountBundle, Activity, Contact, Deal, Instant, LocalDate, ZohoId } from '../model/types';
import { classifyActivity } from './classify';
import type { CompiledConfig } from './compiled';

export interface ClassifiedActivity {
  activity: Activity;
  kind: ActivityKind;
  /** null = counts on neither side of the mix. */
  purpose: ActivityPurpose | null;
  /** Where the kind came from: the record's field, a keyword in its subject, or neither. */
  source: 'field' | 'keyword' | 'default';
  /** Happened by `asOf`: a completed task, or an event/call, with its time not after `asOf`. */
  happened: boolean;
}

export type DealStatus = 'open' | 'won' | 'lost';

export interface DealView {
  deal: Deal;
  status: DealStatus;
  /** The buying stage shown and written: the verified one, else the Zoho-stage fallback. */
  buyingStage: BuyingStageKey | null;
  /** From the buyer-evidence checklist; null when nothing known is ticked (then unverified). */
  verifiedStage: BuyingStageKey | null;
}

export interface AccountContext {
  cc: CompiledConfig;
  bundle: AccountBundle;
  asOf: Instant;
  asOfDate: LocalDate;
  activities: ClassifiedActivity[];
  contacts: Map<ZohoId, ContactView>;
  deals: DealView[];
  /** Memo of metric values by their spec key (a criterion and a KPI may ask the same question). */
  memo: Map<string, number | null>;
  /** Memo of the activities that happened, by window length in days. */
  happenedByWindow: Map<number, ClassifiedActivity[]>;
  /** Memo of the activity counts of a window (shared/engine/metrics.ts), by its length in days. */
  summaryByWindow: Map<number, WindowSummary>;
}

/**
 * What the activity metrics count in one trailing window, gathered in one pass over the activities
 * (an account with a million activities is walked once per window, not once per metric).
 */
export interface WindowSummary {
  /** Activities that happened in the window. */
  total: number;
  byKind: Map<ActivityKind, number>;
  deal: number;
  relationship: number;
  /** Kind `other` and no Activity_Purpose: nobody could classify them. */
  unclassified: number;
  contactsReached: Set<ZohoId>;
  /** Kind consultation, or an inbound call. */
  consultations: number;
  /** Events with a key person among the contacts. */
  keyPersonMeetings: number;
  /** Activities with an executive among the contacts. */
  executiveTouchpoints: number;
  /** Proposals with a customer contact (one of the account's contacts). */
  proposalsWithContact: number;
  /** Proposals with a decision maker among the contacts. */
  decisionMakerProposals: number;
}

export interface ContactView {
  contact: Contact;
  key: boolean;
  executive: boolean;
  decisionMaker: boolean;
}

const contexts = new WeakMap<AccountBundle, AccountContext>();

/**
 * The account's context as of `asOf`, built once per bundle: the insight, the manager's signals
 * (shared/portfolio/signals.ts) and the widget's account view read the same classified activities
 * and memoised metrics instead of classifying every activity again each. Keyed weakly by the bundle, so it lives as long as the bundle.
 */
export function accountContext(bundle: AccountBundle, cc: CompiledConfig, asOf: Instant): AccountContext {
  const hit = contexts.get(bundle);
  if (hit !== undefined && hit.cc === cc && hit.asOf === asOf) return hit;
  const ctx = buildContext(bundle, cc, asOf);
  contexts.set(bundle, ctx);
  return ctx;
}

function buildContext(bundle: AccountBundle, cc: CompiledConfig, asOf: Instant): AccountContext {
  const contacts = new Map<ZohoId, ContactView>();
  for (const c of bundle.contacts) {
    contacts.set(c.id, {
      contact: c,
      key:
        (c.buyingRole != null && cc.keyRoles.has(c.buyingRole)) ||
        (c.influence ?? 0) >= cc.config.buyerMap.keyInfluenceMin,
      executive: c.executiveFlag || isExecutiveTitle(c.title, cc),
      decisionMaker: c.buyingRole === 'decision_maker',
    });
  }
  return {
    cc,
    bundle,
    asOf,
    asOfDate: localDateOf(asOf, cc.offset),
    activities: classifyAll(bundle.activities, cc, asOf),
    contacts,
    deals: bundle.deals.map((d) => viewDeal(d, cc)),
    memo: new Map(),
    happenedByWindow: new Map(),
    summaryByWindow: new Map(),
  };
}

/** Each activity classified once; one object each (no intermediate copies: accounts may hold millions). */
function classifyAll(
  activities: readonly Activity[],
  cc: CompiledConfig,
  asOf: Instant,
): ClassifiedActivity[] {
  const out: ClassifiedActivity[] = new Array(activities.length);
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i] as Activity;
    const c = classifyActivity(a, cc);
    out[i] = {
      activity: a,
      kind: c.kind,
      purpose: c.purpose,
      source: c.source,
      happened: a.completed && a.at != null && a.at <= asOf,
    };
  }
  return out;
}

/** A title matching an executive pattern and no exclusion (社長室 is staff, not the president). */
export function isExecutiveTitle(title: string | null, cc: CompiledConfig): boolean {
  if (!title) return false;
  const memo = cc.memo.executiveTitle;
  let executive = memo.get(title);
  if (executive === undefined) {
    executive =
      cc.executiveInclude.some((r) => r.test(title)) && !cc.executiveExclude.some((r) => r.test(title));
    if (memo.size > 50_000) memo.clear();
    memo.set(title, executive);
  }
  return executive;
}

function viewDeal(deal: Deal, cc: CompiledConfig): DealView {
  const stage = deal.zohoStage;
  const status: DealStatus =
    stage && cc.won.has(stage) ? 'won' : stage && cc.lost.has(stage) ? 'lost' : 'open';
  const verifiedStage = verifiedBuyingStage(deal.buyingEvidence, cc);
  const fallback = stage ? (cc.buyingStageOfZoho.get(stage) ?? null) : null;
  const buyingStage = status === 'won' ? fallback : (verifiedStage ?? fallback);
  return { deal, status, buyingStage, verifiedStage };
}

/**
 * The buying stage the buyer's evidence shows: the first stage whose exit criteria are not all
 * ticked (the last stage when every one is). Null when no known criterion is ticked.
 */
export function verifiedBuyingStage(evidence: readonly string[], cc: CompiledConfig): BuyingStageKey | null {
  if (!evidence.some((k) => cc.knownExitKeys.has(k))) return null;
  const ticked = new Set(evidence);
  const last = BUYING_STAGE_KEYS.length - 1;
  let i = 0;
  while (i < last && (cc.exitKeys[i] ?? []).every((k) => ticked.has(k))) i++;
  return BUYING_STAGE_KEYS[i] ?? null;
}
