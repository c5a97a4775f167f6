/**
 * The mirror's records table is a rowid table (issue 14: WITHOUT ROWID with rows of 1–2 KB of JSON
 * cost about three times the CPU per insert). A state database from before keeps its records.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { openStateDb } from '../../server/state/db';
import { tempDir } from '../support/crm-harness';

const tableSql = (db: Database.Database) =>
  db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'records'").get()?.sql ?? '';

const indexSql = (db: Database.Database) =>
  db
    .prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records' AND sql IS NOT NULL ORDER BY name",
    )
    .all()
    .map((r) => r.sql);

test('a new state database has 16 KB pages and a rowid records table with its indexes', () => {
  const dir = tempDir('records-table-');
  try {
    const db = openStateDb(dir);
    expect(db.pragma('page_size', { simple: true })).toBe(16_384);
    expect(tableSql(db)).not.toMatch(/WITHOUT ROWID/i);
    const indexes = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records'",
      )
      .all()
      .map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['records_account', 'records_parent', 'records_what']));
    expect(indexSql(db)).toEqual([
      expect.stringMatching(/WHERE account_id IS NOT NULL$/),
      expect.stringMatching(/WHERE parent_id IS NOT NULL$/),
      expect.stringMatching(/WHERE what_id IS NOT NULL$/),
    ]);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the state database has 8 MB of page cache and its first 256 MB memory-mapped', () => {
  const dir = tempDir('records-table-');
  try {
    const db = openStateDb(dir);
    expect(db.pragma('cache_size', { simple: true })).toBe(-8_192);
    expect(db.pragma('mmap_size', { simple: true })).toBe(268_435_456);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a WITHOUT ROWID records table from before is moved to a rowid table, rows and indexes kept', () => {
  const dir = tempDir('records-table-');
  try {
    const old = new Database(path.join(dir, 'service.sqlite'));
    old.exec(`CREATE TABLE records (module TEXT NOT NULL, id TEXT NOT NULL, account_id TEXT, parent_id TEXT,
      what_module TEXT, what_id TEXT, input_hash TEXT NOT NULL, json TEXT NOT NULL, seen_run INTEGER,
      PRIMARY KEY (module, id)) WITHOUT ROWID;
      CREATE INDEX records_account ON records (module, account_id);
      CREATE INDEX records_parent ON records (module, parent_id);
      CREATE INDEX records_what ON records (what_module, what_id);`);
    old
      .prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run('Tasks', '2', 'A1', null, 'Accounts', 'A1', 'h', '{"id":"2"}', 7);
    old.close();

    const db = openStateDb(dir);
    // its pages stay as they were (SQLite changes a WAL database's page size only by rebuilding it)
    expect(db.pragma('page_size', { simple: true })).toBe(4_096);
    expect(tableSql(db)).not.toMatch(/WITHOUT ROWID/i);
    expect(db.prepare('SELECT * FROM records').all()).toEqual([
      {
        module: 'Tasks',
        id: '2',
        account_id: 'A1',
        parent_id: null,
        what_module: 'Accounts',
        what_id: 'A1',
        input_hash: 'h',
        json: '{"id":"2"}',
        seen_run: 7,
      },
    ]);
    expect(
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT json FROM records WHERE module = 'Tasks' AND what_module = 'Accounts' AND what_id = 'A1'",
        )
        .all(),
    ).toEqual([expect.objectContaining({ detail: expect.stringContaining('records_what') })]);
    expect(indexSql(db).every((sql) => / WHERE \w+ IS NOT NULL$/.test(sql))).toBe(true);
    db.close();
    // Opening again changes nothing.
    const again = openStateDb(dir);
    expect(again.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 1 });
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('full indexes on a rowid records table from before become partial ones, rows kept', () => {
  const dir = tempDir('records-table-');
  try {
    const old = new Database(path.join(dir, 'service.sqlite'));
    old.exec(`CREATE TABLE records (module TEXT NOT NULL, id TEXT NOT NULL, account_id TEXT, parent_id TEXT,
      what_module TEXT, what_id TEXT, input_hash TEXT NOT NULL, json TEXT NOT NULL, seen_run INTEGER,
      PRIMARY KEY (module, id));
      CREATE INDEX records_account ON records (module, account_id);
      CREATE INDEX records_parent ON records (module, parent_id);
      CREATE INDEX records_what ON records (what_module, what_id);`);
    old
      .prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run('Accounts', 'A2', 'A2', 'A1', null, null, 'h', '{"id":"A2"}', 7);
    old.close();

    const db = openStateDb(dir);
    expect(indexSql(db)).toHaveLength(3);
    expect(indexSql(db).every((sql) => / WHERE \w+ IS NOT NULL$/.test(sql))).toBe(true);
    expect(
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT id FROM records INDEXED BY records_parent WHERE module = 'Accounts' AND parent_id = 'A1'",
        )
        .all(),
    ).toEqual([expect.objectContaining({ detail: expect.stringContaining('records_parent') })]);
    expect(db.prepare('SELECT id FROM records').all()).toEqual([{ id: 'A2' }]);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an activity index from before that did not lead with the module is built again as declared, rows kept', () => {
  const dir = tempDir('records-table-');
  try {
    const first = openStateDb(dir);
    first.exec(`DROP INDEX records_what;
      CREATE INDEX records_what ON records (what_module, what_id) WHERE what_id IS NOT NULL;`);
    first
      .prepare(
        'INSERT INTO records (module, id, what_module, what_id, input_hash, json) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run('Tasks', 'T1', 'Accounts', 'A1', 'h', '{"id":"T1"}');
    first.close();

    const db = openStateDb(dir);
    expect(indexSql(db)).toContain(
      'CREATE INDEX records_what ON records (module, what_module, what_id) WHERE what_id IS NOT NULL',
    );
    expect(
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT json FROM records WHERE module = 'Tasks' AND what_module = 'Accounts' AND what_id = 'A1'",
        )
        .all(),
    ).toEqual([
      expect.objectContaining({
        detail: expect.stringMatching(/records_what \(module=\? AND what_module=\? AND what_id=\?\)/),
      }),
    ]);
    expect(db.prepare('SELECT id FROM records').all()).toEqual([{ id: 'T1' }]);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
