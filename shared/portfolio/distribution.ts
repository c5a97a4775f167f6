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
  // each account's stage at the start once, and the accounts of each rep in one pass
  const starts = new Map(
    view.accounts.map((a) => [a, stageAt(a, view.history.get(a.id) ?? [], periodStart)]),
  );
  const byOwner = new Map<string | null, PortfolioAccount[]>();
  for (const a of view.accounts)
    (byOwner.get(a.ownerId) ?? byOwner.set(a.ownerId, []).get(a.ownerId))?.push(a);
  const count = (accounts: readonly PortfolioAccount[]) => {
    const now = new Map<StageSlot, number>();
    const start = new Map<StageSlot, number>();
    for (const a of accounts) {
      if (a.stage != null) now.set(a.stage, (now.get(a.stage) ?? 0) + 1);
      const before = starts.get(a);
      if (before != null) start.set(before, (start.get(before) ?? 0) + 1);
    }
    return slots.map((slot): SlotCount => {
      const n = now.get(slot) ?? 0;
      const s = start.get(slot) ?? 0;
      return { slot, now: n, atStart: s, change: n - s };
    });
  };
  return {
    slots: count(view.accounts),
    unassessed: view.accounts.filter((a) => a.stage == null).length,
    newSinceStart: view.accounts.filter((a) => a.stage != null && starts.get(a) == null).length,
    perRep: repsInView(view).map((rep) => {
      const mine = byOwner.get(rep.id) ?? [];
      return { ownerId: rep.id, total: mine.length, slots: count(mine) };
    }),
  };
}
