/**
 * Stages as slots in process order, and the reps (account owners) in view in one stable order, so
 * every per-stage and per-rep table lists rows the same way in the web tab and the API.
 */
import type { SalesProcessConfig } from '../config/schema';
import type { PortfolioView } from './filter';
import { NOT_STARTED, type StageSlot, type UserKind } from './model';

/** `not_started`, then the config's stages in order. */
export function stageSlots(config: SalesProcessConfig): StageSlot[] {
  return [NOT_STARTED, ...config.stages.map((s) => s.key)];
}

/** Position in the process: not_started = 0, the first stage = 1, …; unknown = -1. */
export function slotIndex(config: SalesProcessConfig, slot: StageSlot): number {
  if (slot === NOT_STARTED) return 0;
  const i = config.stages.findIndex((s) => s.key === slot);
  return i < 0 ? -1 : i + 1;
}

export interface RepRef {
  /** The owner's user id; null for accounts without an owner. */
  id: string | null;
  name: string;
  kind: UserKind;
  /** Whether the owner is among the org's active users (a deactivated owner is not). */
  known: boolean;
}

/** Owners of the accounts in view, by name (then id); accounts without an owner last. */
export function repsInView(view: PortfolioView): RepRef[] {
  const ids = new Set(view.accounts.map((a) => a.ownerId));
  const reps = [...ids].map((id) => repRef(view, id));
  return reps.sort(
    (a, b) =>
      Number(a.id === null) - Number(b.id === null) ||
      compareText(a.name, b.name) ||
      compareText(a.id ?? '', b.id ?? ''),
  );
}

export function repRef(view: PortfolioView, id: string | null): RepRef {
  if (id === null) return { id, name: '—', kind: 'other', known: false };
  const u = view.users.get(id);
  return u ? { id, name: u.name, kind: u.kind, known: true } : { id, name: id, kind: 'other', known: false };
}

/** Code-point order: the same in every JavaScript engine and locale (no ICU collation). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
