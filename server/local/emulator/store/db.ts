/**
 * The emulator's file-backed state (better-sqlite3): records of every module as Zoho's JSON plus the
 * columns queries need (id, module, created/modified instants, display name), recycle-bin entries, users
 * and the org metadata. Lookup ids are reached through expression indexes on `json_extract(data,
 * '$.<Field>.id')`, so related lists and COQL criteria on lookups do not scan.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS records (
  id INTEGER PRIMARY KEY,
  module TEXT NOT NULL,
  name TEXT,
  created_ms INTEGER NOT NULL,
  modified_ms INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_module_id ON records(module, id);
CREATE INDEX IF NOT EXISTS records_module_modified ON records(module, modified_ms, id);
CREATE INDEX IF NOT EXISTS records_module_created ON records(module, created_ms, id);
CREATE TABLE IF NOT EXISTS deleted (
  id INTEGER PRIMARY KEY,
  module TEXT NOT NULL,
  deleted_ms INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deleted_module ON deleted(module, deleted_ms, id);
CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export function openDb(file: string | ':memory:'): Db {
  if (file !== ':memory:') {
    // A copy of the CRM: its folder 0700 and the file 0600 (its -wal and -shm take the same mode),
    // tightened again on every open.
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.chmodSync(path.dirname(file), 0o700);
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
    fs.chmodSync(file, 0o600);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  db.exec(SCHEMA);
  return db;
}

/** Remove the database and its WAL files (`--reset`). */
export function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** The SQL that reads a lookup's id; queries must spell it exactly so SQLite uses the index. */
export function linkExpr(alias: string, field: string): string {
  return `json_extract(${alias}.data, '$.${field}.id')`;
}

/** A module name as an SQL literal (names are validated identifiers); partial indexes need literals. */
export function moduleLiteral(module: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(module)) throw new Error(`not a module API name: ${module}`);
  return `'${module}'`;
}

export interface LinkIndex {
  module: string;
  field: string;
}

/**
 * One partial index per module and lookup field, `WHERE module = '<Module>'`: a row maintains only the
 * indexes of its own module (cheap bulk loads), and a query that names the module as a literal uses it.
 */
export function ensureLinkIndexes(db: Db, links: readonly LinkIndex[]): void {
  for (const { module, field } of links) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) continue;
    const name = `records_link_${module}_${field}`;
    db.exec(
      `CREATE INDEX IF NOT EXISTS ${name} ON records(json_extract(data, '$.${field}.id')) WHERE module = ${moduleLiteral(module)}`,
    );
  }
}
