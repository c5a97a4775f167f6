/**
 * Stage movement (DOMAIN §2) from Relationship_Stage_History: advances and regressions in the
 * period, how long accounts stay at each stage, and accounts stalled longer than their stage's
 * `stallDays`, each with what it still misses (Next_Stage_Gaps).
 */
import type { SalesProcessConfig } from '../config/schema';
import { DAY_MS, localDateOf, offsetMinutes } from '../model/time';
import type { Instant, LocalDate } from '../model/types';
import type { PortfolioView } from './filter';
import { NOT_STARTED, type PortfolioAccount, type StageSlot } from './model';
import { compareIds } from './normalise';
import { daysTo } from './period';
import { repsInView, stageSlots } from './reps';
import { slotConfigs } from './slot-config';

export type MoveDirection = 'advance' | 'regression';

export interface StageMove {
  accountId: string;
  accountName: string;
  ownerId: string | null;
  from: StageSlot;
  to: StageSlot;
  /** ISO 8601 (UTC). */
  at: string;
  direction: MoveDirection;
}

export interface StageDwell {
  slot: StageSlot;
  /** Stays at the slot that ended with a change (the whole history of the accounts in view). */
  completedStays: number;
  medianDays: number | null;
  /** Accounts at the slot now, and the median of their days there so far (Relationship_Stage_Since). */
  current: number;
  currentMedianDays: number | null;
}

export interface StalledAccount {
  accountId: string;
  accountName: string;
  ownerId: string | null;
  stage: StageSlot;
  since: LocalDate;
  days: number;
  stallDays: number;
  /** Stage_Progress towards the next stage, 0..1. */
  progress: number | null;
  /** Next_Stage_Gaps: the next stage's unmet criteria. */
  missing: string[];
}

export interface StageMovement {
  advances: number;
  regressions: number;
  /** Accounts assessed for the first time in the period (From_Stage empty): not a move. */
  firstAssessments: number;
  /** Newest first. */
  moves: StageMove[];
  byStage: {
    slot: StageSlot;
    advancedInto: number;
    regressedInto: number;
    advancedFrom: number;
    regressedFrom: number;
  }[];
  perRep: { ownerId: string | null; advances: number; regressions: number }[];
  dwell: StageDwell[];
  /** Most overdue first. */
  stalled: StalledAccount[];
}

/**
 * A change is an advance when it moves to a later step (未着手 counts as the step before the first
 * stage), a regression when to an earlier one; changes from or to a label the config does not know
 * are left out. Changes in (periodStart, asOf] count.
 */
export function stageMovement(
  view: PortfolioView,
  config: SalesProcessConfig,
  periodStart: Instant,
  asOf: Instant,
): StageMovement {
  const slotConfig = slotConfigs(config);
  const moves: StageMove[] = [];
  let firstAssessments = 0;
  for (const a of view.accounts) {
    const changes = view.history.get(a.id);
    if (changes === undefined) continue;
    for (const c of changes) {
      if (c.at <= periodStart || c.at > asOf) continue;
      if (c.from === null) {
        firstAssessments++;
        continue;
      }
      if (c.from === undefined || c.to === undefined) continue;
      const delta = slotConfig(c.to).index - slotConfig(c.from).index;
      if (delta === 0) continue;
      moves.push({
        accountId: a.id,
        accountName: a.name,
        ownerId: a.ownerId,
        from: c.from,
        to: c.to,
        at: new Date(c.at).toISOString(),
        direction: delta > 0 ? 'advance' : 'regression',
      });
    }
  }
  moves.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : compareIds(x.accountId, y.accountId)));
  const into = countMoves(moves, (m) => m.to);
  const from = countMoves(moves, (m) => m.from);
  const byOwner = countMoves(moves, (m) => m.ownerId);
  const n = (counts: MoveCounts, key: string | null, direction: MoveDirection) =>
    counts.get(key)?.[direction] ?? 0;
  return {
    advances: moves.filter((m) => m.direction === 'advance').length,
    regressions: moves.filter((m) => m.direction === 'regression').length,
    firstAssessments,
    moves,
    byStage: stageSlots(config).map((slot) => ({
      slot,
      advancedInto: n(into, slot, 'advance'),
      regressedInto: n(into, slot, 'regression'),
      advancedFrom: n(from, slot, 'advance'),
      regressedFrom: n(from, slot, 'regression'),
    })),
    perRep: repsInView(view).map((rep) => ({
      ownerId: rep.id,
      advances: n(byOwner, rep.id, 'advance'),
      regressions: n(byOwner, rep.id, 'regression'),
    })),
    dwell: stageDwell(view, config, asOf),
    stalled: stalledAccounts(view, config, asOf),
  };
}

type MoveCounts = Map<string | null, Record<MoveDirection, number>>;

/** Moves counted by direction per key (the stage moved into or from, the owner), in one pass. */
function countMoves(moves: readonly StageMove[], key: (m: StageMove) => string | null): MoveCounts {
  const counts: MoveCounts = new Map();
  for (const m of moves) {
    const k = key(m);
    let c = counts.get(k);
    if (c === undefined) {
      c = { advance: 0, regression: 0 };
      counts.set(k, c);
    }
    c[m.direction]++;
  }
  return counts;
}

/**
 * Days per stay: from the change into a slot to the next change. A stay that starts with the
 * account's first assessment counts only at 未着手: an account first assessed at a later stage may
 * have been there long before, so its stay would read short.
 */
export function stageDwell(view: PortfolioView, config: SalesProcessConfig, asOf: Instant): StageDwell[] {
  const today = localDateOf(asOf, offsetMinutes(config.utcOffset));
  const stays = new Map<StageSlot, number[]>();
  for (const changes of view.history.values()) {
    changes.forEach((c, i) => {
      const next = changes[i + 1];
      if (!next || c.to === undefined || next.at > asOf) return;
      if (c.from === null && c.to !== NOT_STARTED) return;
      const list = stays.get(c.to) ?? [];
      list.push((next.at - c.at) / DAY_MS);
      stays.set(c.to, list);
    });
  }
  // the accounts at each slot now, and the days each has been there (in account order)
  const daysSince = daysTo(today);
  const current = new Map<StageSlot, { accounts: number; days: number[] }>();
  for (const a of view.accounts) {
    if (a.stage == null) continue;
    let here = current.get(a.stage);
    if (here === undefined) {
      here = { accounts: 0, days: [] };
      current.set(a.stage, here);
    }
    here.accounts++;
    if (a.since != null) here.days.push(daysSince(a.since));
  }
  return stageSlots(config).map((slot) => {
    const done = stays.get(slot) ?? [];
    const now = current.get(slot);
    return {
      slot,
      completedStays: done.length,
      medianDays: roundOrNull(median(done)),
      current: now?.accounts ?? 0,
      currentMedianDays: roundOrNull(median(now?.days ?? [])),
    };
  });
}

export interface StageStay {
  /** Days since Relationship_Stage_Since; null when the account has no stage or no date. */
  days: number | null;
  /** The stage's `stallDays` (config); null when it has none. */
  stallDays: number | null;
  stalled: boolean;
}

/** How long an account has been at its stage, and whether that is longer than the stage allows. */
export function stageStay(a: PortfolioAccount, config: SalesProcessConfig, today: LocalDate): StageStay {
  return stageStays(config, today)(a);
}

/** stageStay for the accounts of one report: each stage's stallDays and each date's days found once. */
export function stageStays(config: SalesProcessConfig, today: LocalDate): (a: PortfolioAccount) => StageStay {
  const slotConfig = slotConfigs(config);
  const daysSince = daysTo(today);
  return (a) => {
    const days = a.since != null && a.stage != null ? daysSince(a.since) : null;
    const stallDays = a.stage != null ? slotConfig(a.stage).stallDays : null;
    return { days, stallDays, stalled: days != null && stallDays != null && days > stallDays };
  };
}

/** Accounts at a stage with `stallDays` whose Relationship_Stage_Since is more than that many days ago. */
export function stalledAccounts(
  view: PortfolioView,
  config: SalesProcessConfig,
  asOf: Instant,
): StalledAccount[] {
  const stayOf = stageStays(config, localDateOf(asOf, offsetMinutes(config.utcOffset)));
  const out: StalledAccount[] = [];
  for (const a of view.accounts) {
    const { days, stallDays, stalled } = stayOf(a);
    if (!stalled || days == null || stallDays == null || a.stage == null || a.since == null) continue;
    out.push({
      accountId: a.id,
      accountName: a.name,
      ownerId: a.ownerId,
      stage: a.stage,
      since: a.since,
      days,
      stallDays,
      progress: a.progress,
      missing: a.gaps,
    });
  }
  return out.sort(
    (x, y) => y.days - y.stallDays - (x.days - x.stallDays) || compareIds(x.accountId, y.accountId),
  );
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function roundOrNull(v: number | null): number | null {
  return v == null ? null : Math.round(v);
}
