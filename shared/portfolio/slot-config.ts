/**
 * What the config sets per stage slot: its place in the process, its KPI targets, how long an
 * account may stay there, and the relationship share it calls for. The roll-ups need these per
 * account; `slotConfigs` resolves each slot once per report instead of a `config.stages.find` for
 * every one of 10,000 accounts.
 */
import type { SalesProcessConfig } from '../config/schema';
import { KPI_KEYS, type KpiKey } from '../model/keys';
import { NOT_STARTED, type StageSlot } from './model';
import { once } from '../model/once';
import { slotIndex } from './reps';

/** The KPI targets of a slot: the stage's, or `notStarted`'s. */
export function targetsOf(config: SalesProcessConfig, slot: StageSlot): Partial<Record<KpiKey, number>> {
  if (slot === NOT_STARTED) return config.notStarted.kpiTargets;
  return config.stages.find((s) => s.key === slot)?.kpiTargets ?? {};
}

/** The share of relationship work the slot calls for (0..1); 0 for a slot the config does not know. */
export function recommendedShareOf(config: SalesProcessConfig, slot: StageSlot): number {
  if (slot === NOT_STARTED) return config.notStarted.recommendedRelationshipShare;
  return config.stages.find((s) => s.key === slot)?.recommendedRelationshipShare ?? 0;
}

/** The stage's `stallDays`; null when it has none (未着手 never stalls). */
export function stallDaysOf(config: SalesProcessConfig, slot: StageSlot): number | null {
  return config.stages.find((s) => s.key === slot)?.stallDays ?? null;
}

export interface KpiTarget {
  /** The KPI's position in KPI_KEYS (roll-ups tally per position). */
  index: number;
  kpi: KpiKey;
  target: number;
}

export interface SlotConfig {
  /** slotIndex: not_started = 0, the first stage = 1, …; unknown = -1. */
  index: number;
  /** targetsOf as a list, in KPI_KEYS order. */
  targets: readonly KpiTarget[];
  stallDays: number | null;
  recommendedShare: number;
}

/** The functions above for one slot, together. */
export function slotConfigOf(config: SalesProcessConfig, slot: StageSlot): SlotConfig {
  const targets = targetsOf(config, slot);
  return {
    index: slotIndex(config, slot),
    targets: KPI_KEYS.flatMap((kpi, index) => {
      const target = targets[kpi];
      return target === undefined ? [] : [{ index, kpi, target }];
    }),
    stallDays: stallDaysOf(config, slot),
    recommendedShare: recommendedShareOf(config, slot),
  };
}

/**
 * A lookup for one report: each slot's SlotConfig made on first use and kept. Per call, not
 * global, so a reloaded config is never read through an old lookup.
 */
export function slotConfigs(config: SalesProcessConfig): (slot: StageSlot) => SlotConfig {
  return once((slot: StageSlot) => slotConfigOf(config, slot));
}
