/**
 * State shared while generating scale data: the seeded RNG, the reference date, users, ids and the
 * accounts generated so far (for Parent_Account groups and unique names).
 */
import type { RecordData } from '../../emulator/store/record-store';
import type { UserRef } from '../../emulator/store/users';
import { formatDate, formatDateTime, type OffsetMinutes } from '../../emulator/time';
import { Rng } from './rng';
import type { ScaleVocabulary } from './vocabulary';

export const DAY_MS = 86_400_000;
/** The window of generated activity: the 18 months before `asOf`. */
export const WINDOW_DAYS = 548;
const ID_BASE = 3652397000100000000n;

export type Emit = (module: string, record: RecordData) => void;

export interface GeneratedAccount {
  id: string;
  name: string;
  core: string;
  trade: string;
}

export class GenContext {
  readonly rng: Rng;
  readonly accounts: GeneratedAccount[] = [];
  readonly names = new Set<string>();
  private seq = 0n;

  constructor(
    readonly vocab: ScaleVocabulary,
    seed: string,
    readonly asOfMs: number,
    readonly tz: OffsetMinutes,
    readonly users: UserRef[],
  ) {
    this.rng = new Rng(seed);
  }

  /** A subject for an activity of this kind (one the product's rules classify as that kind). */
  subject(kind: string): string {
    const a = this.vocab.activities;
    return this.rng.pick(a.subjects.get(kind) ?? [a.fallbackSubject]);
  }

  get windowStartMs(): number {
    return this.asOfMs - WINDOW_DAYS * DAY_MS;
  }

  nextId(): string {
    this.seq += 1n;
    return (ID_BASE + this.seq).toString();
  }

  dateTime(ms: number): string {
    return formatDateTime(Math.min(ms, Number.MAX_SAFE_INTEGER), this.tz);
  }

  date(ms: number): string {
    return formatDate(ms, this.tz);
  }

  /** A random instant in [from, to]. */
  between(from: number, to: number): number {
    return from + Math.floor(this.rng.next() * Math.max(0, to - from));
  }

  /** Moves an instant to a working hour (9:00–18:00 org time) on the same org-local day. */
  workingHour(ms: number): number {
    const localDayStart = Math.floor((ms + this.tz * 60_000) / DAY_MS) * DAY_MS - this.tz * 60_000;
    return localDayStart + this.rng.int(9, 17) * 3_600_000 + this.rng.pick([0, 15, 30, 45]) * 60_000;
  }

  user(): UserRef {
    return this.rng.pick(this.users);
  }

  /** System fields of a record created at `createdMs` and last changed at `modifiedMs` (both ≤ asOf). */
  stamps(createdMs: number, modifiedMs: number, owner: UserRef): RecordData {
    const created = Math.min(createdMs, this.asOfMs);
    const modified = Math.min(Math.max(modifiedMs, created), this.asOfMs);
    return {
      Owner: owner,
      Created_By: owner,
      Modified_By: owner,
      Created_Time: this.dateTime(created),
      Modified_Time: this.dateTime(modified),
    };
  }
}
