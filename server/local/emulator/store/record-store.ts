/**
 * Records as stored rows: Zoho's record JSON (`data`) plus the columns the emulator queries by. Every
 * method is synchronous (better-sqlite3); callers group writes with `transaction`.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

export type RecordData = Record<string, unknown>;

export interface StoredRecord {
  id: string;
  module: string;
  createdMs: number;
  modifiedMs: number;
  data: RecordData;
}

export interface DeletedEntry {
  id: string;
  module: string;
  deletedMs: number;
  data: RecordData;
}

interface Row {
  id: number | bigint;
  module: string;
  created_ms: number;
  modified_ms: number;
  data: string;
}

/** Ids above 2^53 lose precision as JS numbers, so the id is read from the JSON, never the column. */
export function rowToRecord(row: Row): StoredRecord {
  const data = JSON.parse(row.data) as RecordData;
  return {
    id: String(data.id),
    module: row.module,
    createdMs: row.created_ms,
    modifiedMs: row.modified_ms,
    data,
  };
}

export class RecordStore {
  private statements = new Map<string, Statement>();

  constructor(readonly db: Db) {}

  /** Prepared once per SQL text. */
  stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  put(
    module: string,
    id: string,
    name: string | null,
    createdMs: number,
    modifiedMs: number,
    data: RecordData,
  ): void {
    this.stmt(
      'INSERT OR REPLACE INTO records (id, module, name, created_ms, modified_ms, data) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(BigInt(id), module, name, createdMs, modifiedMs, JSON.stringify(data));
  }

  get(id: string): StoredRecord | undefined {
    if (!/^\d{1,19}$/.test(id)) return undefined;
    const row = this.stmt('SELECT id, module, created_ms, modified_ms, data FROM records WHERE id = ?').get(
      BigInt(id),
    ) as Row | undefined;
    return row ? rowToRecord(row) : undefined;
  }

  getIn(module: string, id: string): StoredRecord | undefined {
    const r = this.get(id);
    return r && r.module === module ? r : undefined;
  }

  nameOf(id: string): { module: string; name: string | null } | undefined {
    if (!/^\d{1,19}$/.test(id)) return undefined;
    return this.stmt('SELECT module, name FROM records WHERE id = ?').get(BigInt(id)) as
      { module: string; name: string | null } | undefined;
  }

  remove(id: string): void {
    this.stmt('DELETE FROM records WHERE id = ?').run(BigInt(id));
  }

  /** Rows of a compiled query (see query/sql.ts); `data` parsed. */
  select(sql: string, params: unknown[]): StoredRecord[] {
    return (this.stmt(sql).all(...params) as Row[]).map(rowToRecord);
  }

  scalar<T>(sql: string, params: unknown[] = []): T | undefined {
    return this.stmt(sql)
      .pluck()
      .get(...params) as T | undefined;
  }

  countsByModule(): Record<string, number> {
    const rows = this.stmt(
      'SELECT module, count(*) AS n FROM records GROUP BY module ORDER BY module',
    ).all() as {
      module: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.module, r.n]));
  }

  maxId(): bigint {
    const a = this.db.prepare('SELECT max(id) FROM records').pluck().safeIntegers(true).get() as
      bigint | null;
    const b = this.db.prepare('SELECT max(id) FROM deleted').pluck().safeIntegers(true).get() as
      bigint | null;
    return [a ?? 0n, b ?? 0n].reduce((x, y) => (x > y ? x : y));
  }

  /**
   * Bulk loads drop the indexes over every row (module with id / times) and rebuild them once at the
   * end, with fsync off meanwhile; the per-module link indexes stay (each row touches only its own
   * module's, so keeping them beats rescanning the table per index — measured). Returns the restore.
   */
  beginBulk(): () => void {
    const indexes = this.db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records' AND sql IS NOT NULL AND name NOT LIKE 'records_link_%'",
      )
      .all() as { name: string; sql: string }[];
    this.statements.clear();
    for (const i of indexes) this.db.exec(`DROP INDEX IF EXISTS ${i.name}`);
    this.db.pragma('synchronous = OFF');
    return () => {
      for (const i of indexes) this.db.exec(i.sql);
      this.db.pragma('synchronous = NORMAL');
      this.statements.clear();
    };
  }

  clear(): void {
    this.db.exec('DELETE FROM records; DELETE FROM deleted;');
  }

  addDeleted(entry: DeletedEntry): void {
    this.stmt('INSERT OR REPLACE INTO deleted (id, module, deleted_ms, data) VALUES (?, ?, ?, ?)').run(
      BigInt(entry.id),
      entry.module,
      entry.deletedMs,
      JSON.stringify(entry.data),
    );
  }

  deletedSince(module: string, sinceMs: number, offset: number, limit: number): DeletedEntry[] {
    const rows = this.stmt(
      'SELECT id, module, deleted_ms, data FROM deleted WHERE module = ? AND deleted_ms > ? ORDER BY deleted_ms DESC, id DESC LIMIT ? OFFSET ?',
    ).all(module, sinceMs, limit, offset) as {
      id: number | bigint;
      module: string;
      deleted_ms: number;
      data: string;
    }[];
    return rows.map((r) => {
      const data = JSON.parse(r.data) as RecordData;
      return { id: String(data.id), module: r.module, deletedMs: r.deleted_ms, data };
    });
  }

  getMeta(key: string): string | undefined {
    return this.stmt('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  users(): RecordData[] {
    return (this.stmt('SELECT data FROM users ORDER BY seq').pluck().all() as string[]).map(
      (d) => JSON.parse(d) as RecordData,
    );
  }

  setUsers(users: RecordData[]): void {
    this.transaction(() => {
      this.db.exec('DELETE FROM users');
      users.forEach((u, i) =>
        this.stmt('INSERT INTO users (id, seq, data) VALUES (?, ?, ?)').run(
          String(u.id),
          i,
          JSON.stringify(u),
        ),
      );
    });
  }
}
