/**
 * The service's embedded database (better-sqlite3, under STATE_DIR): the mirror of the CRM records
 * the engine reads, sync cursors, accounts waiting for a recompute, pending stage-history writes,
 * run history, credit use, webhook replay ids and the OAuth token. One file, mode 0600 (it holds
 * the token).
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { privateDir } from '../runtime/files';

export type Db = Database.Database;

const SCHEMA_VERSION = 1;
const PAGE_SIZE = 16_384;

/**
 * Partial indexes (issue 14): a row is in an index only when it has the column the index finds it
 * by — only accounts have a parent, only activities a What_Id — so most inserts update two B-trees
 * fewer. A lookup by `column = ?` implies the column is not null, so SQLite uses them.
 */
const RECORD_INDEX_LIST = [
  'CREATE INDEX records_account ON records (module, account_id) WHERE account_id IS NOT NULL',
  'CREATE INDEX records_parent ON records (module, parent_id) WHERE parent_id IS NOT NULL',
  // The module first: a recompute reads one activity module's rows on its accounts and deals, and
  // without it every task, event and call on them was fetched to find that module's (issue 14).
  'CREATE INDEX records_what ON records (module, what_module, what_id) WHERE what_id IS NOT NULL',
];
/** The indexes' names, from their declarations (`CREATE INDEX <name> ON …`). */
const RECORD_INDEX_NAMES = RECORD_INDEX_LIST.map((sql) => sql.split(' ')[2] as string);
const DROP_RECORD_INDEXES = RECORD_INDEX_NAMES.map((name) => `DROP INDEX IF EXISTS ${name};`).join(' ');
const RECORD_INDEXES = RECORD_INDEX_LIST.map(
  (sql) => `${sql.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS')};`,
).join('\n');

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
  module TEXT NOT NULL,
  id TEXT NOT NULL,
  account_id TEXT,
  parent_id TEXT,
  what_module TEXT,
  what_id TEXT,
  input_hash TEXT NOT NULL,
  json TEXT NOT NULL,
  -- no longer written (a full read keeps the ids it read in memory, issue 14); kept so that state
  -- databases from before open unchanged
  seen_run INTEGER,
  PRIMARY KEY (module, id)
);
${RECORD_INDEXES}
CREATE TABLE IF NOT EXISTS cursors (module TEXT PRIMARY KEY, modified_time TEXT NOT NULL, last_id TEXT, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dirty (account_id TEXT PRIMARY KEY, reason TEXT NOT NULL, since INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT);
CREATE TABLE IF NOT EXISTS stage_intents (
  account_id TEXT PRIMARY KEY, name TEXT NOT NULL, from_stage TEXT, to_stage TEXT NOT NULL,
  changed_at TEXT NOT NULL, state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
  status TEXT NOT NULL, summary TEXT
);
CREATE TABLE IF NOT EXISTS credits (at INTEGER NOT NULL, kind TEXT NOT NULL, credits INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS credits_at ON credits (at);
CREATE TABLE IF NOT EXISTS webhook_deliveries (delivery_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS locks (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS snapshot_last (account_id TEXT PRIMARY KEY, anchor_month TEXT, date TEXT NOT NULL, json TEXT NOT NULL);
`;

/** SQLite's page cache, KB (openStateDb). */
const CACHE_KB = 8192;

/** How much of the state database SQLite memory-maps (openStateDb). */
const MMAP_BYTES = 256 * 1024 * 1024;

/** Open (creating if needed) the state database in `stateDir`. */
export function openStateDb(stateDir: string, file = 'service.sqlite'): Db {
  privateDir(stateDir);
  const full = path.join(stateDir, file);
  // Created 0600 before SQLite opens it (its -wal and -shm files take the same mode), and tightened
  // again on every open in case someone loosened it.
  if (!existsSync(full)) closeSync(openSync(full, 'a', 0o600));
  chmodSync(full, 0o600);
  const db = new Database(full);
  try {
    // 16 KB pages in a new database (an existing one keeps its size): a sync's commits write a
    // third of the pages 4 KB ones took, for rows of 300–1,500 bytes of JSON (issue 14: a first
    // sync's inserts and commits at 10,000 accounts 3.7 → 2.7 s of CPU). Only before the first table.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // 8 MB of page cache: enough for the dirty pages of one page of records (2,000 account plans ≈ 4 MB of
    // JSON) before its commit. Reads go through the memory map below. A larger cache only held copies
    // of pages the map already gives, and each new 4 KB of them was a page fault for the process —
    // ≈ 10 µs each on the bench machine (issue 14: 64 MB → 8 MB, 1,000 accounts 41,000 → 35,000 faults
    // a first sync; peak RSS 20–40 MB lower at 1,000 accounts, 731–763 → 641–670 MB at 10,000; CPU no
    // higher at either).
    db.pragma(`cache_size = -${CACHE_KB}`);
    // The first 256 MB of the file read in place (memory-mapped) rather than copied page by page into
    // the cache: a recompute reads each account's records by index from all over the file, and a page
    // not in the cache is a system call and a 16 KB copy (issue 14: a settled full sync at
    // 10,000 accounts 13 → 9 s of recompute CPU, 66 → 55 µs per record read). The mapped pages count
    // in the process's resident memory (+ ≈ 240 MB at 10,000 accounts): the price, capped here.
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    db.exec(SCHEMA);
    moveRecordsToRowidTable(db);
    recordIndexesAsDeclared(db);
  } catch (e) {
    db.close();
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new AppError(
        'BAD_INPUT',
        `the state database ${full} is damaged (${(e as Error).message}). Move it (and its -wal, -shm files) ` +
          'aside to start over: the next sync is a full one (a stage-history record that was in flight is not rebuilt)',
        { cause: e },
      );
    throw e;
  }
  const version = db
    .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'")
    .get();
  if (!version)
    db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
  return db;
}

/**
 * The records table was WITHOUT ROWID: with rows of 1–2 KB of JSON in its primary-key B-tree, each
 * insert split pages and cost about three times the CPU of a rowid table (issue 14). An older state
 * database gets the rowid table, its rows copied, in one transaction.
 */
function moveRecordsToRowidTable(db: Db): void {
  const table = db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'records'")
    .get();
  if (!table || !/WITHOUT\s+ROWID/i.test(table.sql)) return;
  db.transaction(() => {
    db.exec(`ALTER TABLE records RENAME TO records_without_rowid;
      ${DROP_RECORD_INDEXES}`);
    db.exec(SCHEMA);
    db.exec('INSERT INTO records SELECT * FROM records_without_rowid; DROP TABLE records_without_rowid;');
  })();
}

/**
 * An older state database's indexes on records that differ from the declared ones (full indexes
 * before they were partial; records_what before it led with the module) are built again as declared,
 * in one transaction.
 */
function recordIndexesAsDeclared(db: Db): void {
  const declared = new Map(RECORD_INDEX_LIST.map((sql, i) => [RECORD_INDEX_NAMES[i] as string, sql]));
  const stale = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records' AND sql IS NOT NULL",
    )
    .all()
    .filter((i) => declared.has(i.name) && i.sql.replace(/\s+/g, ' ') !== declared.get(i.name));
  if (stale.length === 0) return;
  db.transaction(() => {
    for (const { name } of stale) db.exec(`DROP INDEX ${name}`);
    db.exec(RECORD_INDEXES);
  })();
}

/** The records table's secondary indexes dropped, for a bulk load into an empty mirror (Mirror.withoutIndexes). */
export function dropRecordIndexes(db: Db): void {
  db.exec(DROP_RECORD_INDEXES);
}

/** The records table's secondary indexes, built where missing (after a bulk load, or on open after a crash in one). */
export function createRecordIndexes(db: Db): void {
  db.exec(RECORD_INDEXES);
}

export function metaGet(db: Db, key: string): string | null {
  return (
    db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value ?? null
  );
}

export function metaSet(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
