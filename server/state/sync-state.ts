/**
 * The sync's durable bookkeeping: which accounts wait for a recompute (and why), cursors per
 * module, stage-history writes in flight, runs, credits spent, webhook deliveries seen. Everything
 * a crash must not lose lives here, so a restarted service finishes what a killed one started.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { metaGet, metaSet, type Db } from './db';

export interface RunRecord {
  id: number;
  kind: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  summary: unknown;
}

/** The last record a read saw, in (Modified_Time, id) order. */
export interface Cursor {
  time: string;
  id: string | null;
  /** When the read that saw it started (our clock): tells whether `time`'s second was over by then. */
  readAt?: string;
}

export interface StageIntent {
  accountId: string;
  name: string;
  fromStage: string | null;
  toStage: string;
  changedAt: string;
  /** `pending` until the account update succeeded, then `account_written` until the history record is in. */
  state: 'pending' | 'account_written';
}

export class SyncState {
  /** Prepared once: the credit meter is asked and told on every Zoho call. */
  private readonly creditSql;

  constructor(readonly db: Db) {
    this.creditSql = {
      add: db.prepare<[number, string, number]>('INSERT INTO credits (at, kind, credits) VALUES (?, ?, ?)'),
      prune: db.prepare<[number]>('DELETE FROM credits WHERE at < ?'),
      since: db.prepare<[number], { n: number | null }>('SELECT sum(credits) AS n FROM credits WHERE at > ?'),
    };
  }

  markDirty(accountIds: Iterable<string>, reason: string, now = Date.now()): number {
    const stmt = this.db.prepare(
      'INSERT INTO dirty (account_id, reason, since) VALUES (?, ?, ?) ON CONFLICT (account_id) DO NOTHING',
    );
    let n = 0;
    const tx = this.db.transaction(() => {
      for (const id of accountIds) n += stmt.run(id, reason, now).changes;
    });
    tx();
    return n;
  }

  dirtyAccounts(limit = Number.MAX_SAFE_INTEGER): string[] {
    return this.db
      .prepare<[number], { account_id: string }>(
        'SELECT account_id FROM dirty ORDER BY since, account_id LIMIT ?',
      )
      .all(limit)
      .map((r) => r.account_id);
  }

  dirtyCount(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM dirty').get()?.n ?? 0;
  }

  clearDirty(accountIds: Iterable<string>): void {
    const stmt = this.db.prepare('DELETE FROM dirty WHERE account_id = ?');
    const tx = this.db.transaction(() => {
      for (const id of accountIds) stmt.run(id);
    });
    tx();
  }

  /** A failed write keeps the account dirty for the next run, with the reason. */
  recordFailure(accountId: string, error: string): void {
    this.db
      .prepare(
        `INSERT INTO dirty (account_id, reason, since, attempts, last_error) VALUES (?, 'retry', ?, 1, ?)
         ON CONFLICT (account_id) DO UPDATE SET attempts = attempts + 1, last_error = excluded.last_error`,
      )
      .run(accountId, Date.now(), error);
  }

  failures(): { accountId: string; attempts: number; lastError: string }[] {
    return this.db
      .prepare<[], { account_id: string; attempts: number; last_error: string }>(
        'SELECT account_id, attempts, last_error FROM dirty WHERE last_error IS NOT NULL ORDER BY account_id',
      )
      .all()
      .map((r) => ({ accountId: r.account_id, attempts: r.attempts, lastError: r.last_error }));
  }

  /** Where the next read of a module starts: after this (Modified_Time, id). */
  cursor(module: string): Cursor | null {
    const row = this.db
      .prepare<[string], { modified_time: string; last_id: string | null; updated_at: string }>(
        'SELECT modified_time, last_id, updated_at FROM cursors WHERE module = ?',
      )
      .get(module);
    return row ? { time: row.modified_time, id: row.last_id, readAt: row.updated_at } : null;
  }

  cursors(): Record<string, Cursor> {
    const rows = this.db
      .prepare<[], { module: string; modified_time: string; last_id: string | null }>(
        'SELECT module, modified_time, last_id FROM cursors',
      )
      .all();
    return Object.fromEntries(rows.map((r) => [r.module, { time: r.modified_time, id: r.last_id }]));
  }

  /** Save where the next reads start; `readAt`: when the reads that saw them started (our clock). */
  saveCursors(cursors: Record<string, Cursor>, readAt = Date.now()): void {
    const stmt = this.db.prepare(
      'INSERT INTO cursors (module, modified_time, last_id, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (module) DO UPDATE SET modified_time = excluded.modified_time, last_id = excluded.last_id, updated_at = excluded.updated_at',
    );
    const now = new Date(readAt).toISOString();
    const tx = this.db.transaction(() => {
      for (const [module, c] of Object.entries(cursors)) stmt.run(module, c.time, c.id, now);
    });
    tx();
  }

  /**
   * Records the last run wrote, per module. Zoho bumps their Modified_Time, so the next run reads
   * them back; knowing how many, it asks for a page that fits them (see `readChanges`).
   */
  expectedEcho(): Record<string, number> {
    const value = metaGet(this.db, 'expected_echo');
    return value ? (JSON.parse(value) as Record<string, number>) : {};
  }

  setExpectedEcho(counts: Record<string, number>): void {
    metaSet(this.db, 'expected_echo', JSON.stringify(counts));
  }

  putIntent(i: StageIntent): void {
    this.db
      .prepare(
        `INSERT INTO stage_intents (account_id, name, from_stage, to_stage, changed_at, state) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, from_stage = excluded.from_stage, to_stage = excluded.to_stage,
           changed_at = excluded.changed_at, state = excluded.state`,
      )
      .run(i.accountId, i.name, i.fromStage, i.toStage, i.changedAt, i.state);
  }

  intents(state?: StageIntent['state']): StageIntent[] {
    const rows = this.db
      .prepare<
        [],
        {
          account_id: string;
          name: string;
          from_stage: string | null;
          to_stage: string;
          changed_at: string;
          state: StageIntent['state'];
        }
      >('SELECT * FROM stage_intents ORDER BY account_id')
      .all();
    return rows
      .map((r) => ({
        accountId: r.account_id,
        name: r.name,
        fromStage: r.from_stage,
        toStage: r.to_stage,
        changedAt: r.changed_at,
        state: r.state,
      }))
      .filter((i) => state === undefined || i.state === state);
  }

  setIntentState(accountId: string, state: StageIntent['state']): void {
    this.db.prepare('UPDATE stage_intents SET state = ? WHERE account_id = ?').run(state, accountId);
  }

  deleteIntent(accountId: string): void {
    this.db.prepare('DELETE FROM stage_intents WHERE account_id = ?').run(accountId);
  }

  startRun(kind: string): number {
    return Number(
      this.db
        .prepare("INSERT INTO runs (kind, started_at, status) VALUES (?, ?, 'running')")
        .run(kind, new Date().toISOString()).lastInsertRowid,
    );
  }

  finishRun(id: number, status: string, summary: unknown): void {
    this.db
      .prepare('UPDATE runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?')
      .run(new Date().toISOString(), status, JSON.stringify(summary), id);
  }

  /** Runs a killed process left `running` are closed as interrupted when the next one starts. */
  closeInterruptedRuns(): number {
    return this.db
      .prepare("UPDATE runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'")
      .run(new Date().toISOString()).changes;
  }

  recentRuns(limit = 10): RunRecord[] {
    return this.db
      .prepare<
        [number],
        {
          id: number;
          kind: string;
          started_at: string;
          finished_at: string | null;
          status: string;
          summary: string | null;
        }
      >('SELECT * FROM runs ORDER BY id DESC LIMIT ?')
      .all(limit)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        status: r.status,
        summary: r.summary ? (JSON.parse(r.summary) as unknown) : null,
      }));
  }

  lastSuccessfulFullRun(): string | null {
    return (
      this.db
        .prepare<[], { finished_at: string }>(
          "SELECT finished_at FROM runs WHERE kind = 'full' AND status = 'ok' ORDER BY id DESC LIMIT 1",
        )
        .get()?.finished_at ?? null
    );
  }

  addCredits(kind: 'read' | 'write', credits: number, at = Date.now()): void {
    if (credits > 0) this.creditSql.add.run(at, kind, credits);
  }

  /** Credits spent in the rolling 24 hours before `now` (Zoho's window). */
  creditsLast24h(now = Date.now()): number {
    this.creditSql.prune.run(now - 7 * 86_400_000);
    return this.creditSql.since.get(now - 86_400_000)?.n ?? 0;
  }

  /** Remember a webhook delivery; false when it was seen before (a replay). */
  rememberDelivery(deliveryId: string, now = Date.now()): boolean {
    this.db.prepare('DELETE FROM webhook_deliveries WHERE received_at < ?').run(now - 86_400_000);
    return (
      this.db
        .prepare(
          'INSERT INTO webhook_deliveries (delivery_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
        )
        .run(deliveryId, now).changes === 1
    );
  }

  /**
   * A lease so two processes (the service and `npm run sync -- --once`) never run a sync at once.
   * Owners are `host:pid:…`; a lease held by a process of this host that no longer exists (killed)
   * is taken over at once instead of waiting for it to expire.
   */
  acquireLock(name: string, owner: string, ttlMs: number, now = Date.now()): boolean {
    const tx = this.db.transaction(() => {
      const row = this.db
        .prepare<[string], { owner: string; expires_at: number }>(
          'SELECT owner, expires_at FROM locks WHERE name = ?',
        )
        .get(name);
      if (row && row.owner !== owner && row.expires_at > now && ownerAlive(row.owner)) return false;
      this.db
        .prepare(
          'INSERT INTO locks (name, owner, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at',
        )
        .run(name, owner, now + ttlMs);
      return true;
    });
    return tx();
  }

  releaseLock(name: string, owner: string): void {
    this.db.prepare('DELETE FROM locks WHERE name = ? AND owner = ?').run(name, owner);
  }
}

function ownerAlive(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return true;
  try {
    process.kill(Number(pid), 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process can linger as a zombie until its parent reaps it: that is not alive either.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
  } catch {
    return true;
  }
}
