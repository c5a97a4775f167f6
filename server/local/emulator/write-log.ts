/**
 * Which records the API wrote, and how often (`/__emulator/writes`): tests prove that a sync writes
 * each value once — a retry of a failed or unanswered call being the only repeat. A write is
 * "unanswered" when the client had given up on the call (timed out, or its process was killed)
 * before the emulator applied it: the client cannot know it went through.
 */
import type { Written } from './records/write';

export interface WriteSnapshot {
  totals: Record<string, { created: number; updated: number; unanswered: number }>;
  /** Successful creates and updates per record id, by module. */
  records: Record<string, Record<string, number>>;
  /** Ids written by calls whose answer never reached the client, by module. */
  unanswered: Record<string, string[]>;
}

export class WriteLog {
  private counts = new Map<string, Map<string, number>>();
  private totals = new Map<string, { created: number; updated: number; unanswered: number }>();
  private lost = new Map<string, string[]>();

  record(written: readonly Written[], answered: boolean): void {
    for (const w of written) {
      const byId = this.counts.get(w.module) ?? new Map<string, number>();
      byId.set(w.record.id, (byId.get(w.record.id) ?? 0) + 1);
      this.counts.set(w.module, byId);
      const t = this.totals.get(w.module) ?? { created: 0, updated: 0, unanswered: 0 };
      if (w.operation === 'create') t.created += 1;
      else t.updated += 1;
      if (!answered) {
        t.unanswered += 1;
        this.lost.set(w.module, [...(this.lost.get(w.module) ?? []), w.record.id]);
      }
      this.totals.set(w.module, t);
    }
  }

  snapshot(module?: string): WriteSnapshot {
    const pick = <T>(m: Map<string, T>) =>
      [...m.entries()].filter(([name]) => module === undefined || name === module);
    return {
      totals: Object.fromEntries(pick(this.totals).map(([m, t]) => [m, { ...t }])),
      records: Object.fromEntries(pick(this.counts).map(([m, byId]) => [m, Object.fromEntries(byId)])),
      unanswered: Object.fromEntries(pick(this.lost).map(([m, ids]) => [m, [...ids]])),
    };
  }

  reset(): void {
    this.counts.clear();
    this.totals.clear();
    this.lost.clear();
  }
}
