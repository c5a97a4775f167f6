/**
 * Stage distribution (DOMAIN §2): how many accounts sit at each step (未着手 and the seven stages),
 * overall and per rep, now and at the start of the period, read from Relationship_Stage and
 * Relationship_Stage_History.
 */
import type { SalesProcessConfig } from '../config/schema';
import type { Instant } from '../model/types';
import type { PortfolioView } from './filter';
import type { PortfolioAccount, PortfolioStageChange, StageSlot } from './model';
import { repsInView, stageSlots } from './reps';

export interface SlotCount {
  slot: StageSlot;
  now: number;
  atStart: number;
  /** now − atStart. */
  change: number;
}

export interface StageDistribution {
  slots: SlotCount[];
  /** Accounts whose Relationship_Stage is empty or not a stage of the config (not assessed yet). */
  unassessed: number;
  /** Accounts with a stage now but none at the period start (created or first assessed since). */
  newSinceStart: number;
  perRep: { ownerId: string | null; total: number; slots: SlotCount[] }[];
}

/**
 * The stage an account was at, at instant `t`: the target of its last change at or before `t`;
 * before its first change, where that change came from (none for a first assessment); without any
 * history, its current stage. Null = no known stage at `t`.
 */
export function stageAt(
  account: PortfolioAccount,
  changes: readonly PortfolioStageChange[],
  t: Instant,
): StageSlot | null {
  let last: PortfolioStageChange | undefined;
  for (const c of changes) {
    if (c.at > t) break;
    last = c;
  }
  if (last) return last.to ?? null;
  const first = changes[0];
  if (first) return first.from ?? null;
  return account.stage;
}

/** Counts per slot now and at `periodStart`, overall and per rep (current owner). */
export function stageDistribution(
  view: PortfolioView,
  config: SalesProcessConfig,
  periodStart: Instant,
): StageDistribution {
  const slots = stageSlots(config);
  const position = new Map(slots.map((slot, i) => [slot, i]));
  const at = (slot: StageSlot | null) => (slot == null ? -1 : (position.get(slot) ?? -1));
  // One pass: each account's slot now and at the start counted overall and for its rep.
  const all = new SlotTally(slots.length);
  const byOwner = new Map<string | null, SlotTally>();
  let unassessed = 0;
  let newSinceStart = 0;
  for (const a of view.accounts) {
    const start = stageAt(a, view.history.get(a.id) ?? NO_CHANGES, periodStart);
    if (a.stage == null) unassessed++;
    else if (start == null) newSinceStart++;
    let mine = byOwner.get(a.ownerId);
    if (mine === undefined) {
      mine = new SlotTally(slots.length);
      byOwner.set(a.ownerId, mine);
    }
    const now = at(a.stage);
    const before = at(start);
    all.add(now, before);
    mine.add(now, before);
  }
  const counts = (t: SlotTally) =>
    slots.map((slot): SlotCount => {
      const i = at(slot); // a slot listed twice reads the same count, as it always did
      const n = t.now[i] as number;
      const s = t.atStart[i] as number;
      return { slot, now: n, atStart: s, change: n - s };
    });
  return {
    slots: counts(all),
    unassessed,
    newSinceStart,
    perRep: repsInView(view).map((rep) => {
      const mine = byOwner.get(rep.id) ?? new SlotTally(slots.length);
      return { ownerId: rep.id, total: mine.accounts, slots: counts(mine) };
    }),
  };
}

const NO_CHANGES: readonly PortfolioStageChange[] = [];

/** Accounts, and of them how many are at each slot (by position) now and at the period start. */
class SlotTally {
  accounts = 0;
  readonly now: number[];
  readonly atStart: number[];

  constructor(slots: number) {
    this.now = new Array<number>(slots).fill(0);
    this.atStart = new Array<number>(slots).fill(0);
  }

  /** An account at slot position `now` and `atStart` (-1: no slot). */
  add(now: number, atStart: number): void {
    this.accounts++;
    if (now >= 0) this.now[now] = (this.now[now] as number) + 1;
    if (atStart >= 0) this.atStart[atStart] = (this.atStart[atStart] as number) + 1;
  }
}
