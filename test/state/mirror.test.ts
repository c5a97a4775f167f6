/**
 * The mirror's record store (issue 14): one serialisation per record for the stored JSON and the
 * hash of what the engine reads, and `datasetFor` reading many accounts with one query per module —
 * in the same order whatever the batch.
 */
import { rmSync } from 'node:fs';
import { openStateDb, type Db } from '../../server/state/db';
import type { ZohoRecord } from '../../shared/crm-read/records';
import { Mirror } from '../../server/state/mirror';
import { shippedConfig, tempDir } from '../support/crm-harness';

const config = shippedConfig();
let dir: string;
let db: Db;
let mirror: Mirror;

beforeEach(() => {
  dir = tempDir('mirror-');
  db = openStateDb(dir);
  mirror = new Mirror(db, config);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const account = (id: string, more: Record<string, unknown> = {}): ZohoRecord => ({
  id,
  Account_Name: `Account ${id}`,
  Parent_Account: null,
  Relationship_Stage: '接点構築',
  Modified_Time: '2026-11-01T00:00:00+00:00',
  ...more,
});

test('a record reads back as stored, whatever the key order it came in', () => {
  const rec = account('A1', { Stage_Progress: 40, Owner: { id: 'U1', name: '佐藤' } });
  mirror.upsert('accounts', [rec]);
  expect(mirror.get('accounts', 'A1')).toEqual(rec);
  const reversed = Object.fromEntries(Object.entries(rec).reverse()) as ZohoRecord;
  expect(mirror.upsert('accounts', [reversed]).size).toBe(0);
});

test('only a change of a field the engine reads makes the account dirty; every change is stored', () => {
  mirror.upsert('accounts', [account('A1')]);
  // System time and a field the service writes itself: stored, but nothing to recompute.
  const touched = mirror.upsert('accounts', [
    account('A1', { Modified_Time: '2026-11-02T00:00:00+00:00', Stage_Progress: 50 }),
  ]);
  expect([...touched]).toEqual([]);
  expect(mirror.get('accounts', 'A1')).toMatchObject({ Stage_Progress: 50 });
  expect([...mirror.upsert('accounts', [account('A1', { Relationship_Stage: '課題共有' })])]).toEqual(['A1']);
});

test('a record with only ignored fields, or a __proto__ key, round-trips', () => {
  const bare = { id: 'T1', Modified_Time: '2026-11-01T00:00:00+00:00' } as ZohoRecord;
  mirror.upsert('tasks', [bare]);
  expect(mirror.get('tasks', 'T1')).toMatchObject(bare);
  const odd = JSON.parse('{"id":"T2","__proto__":{"x":1},"Subject":"s"}') as ZohoRecord;
  mirror.upsert('tasks', [odd]);
  const back = mirror.get('tasks', 'T2');
  expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  expect(Object.keys(back ?? {}).sort()).toEqual(['Subject', '__proto__', 'id']);
  // An unchanged record with that key is still recognised as unchanged.
  expect(mirror.upsert('tasks', [JSON.parse(JSON.stringify(odd)) as ZohoRecord]).size).toBe(0);
});

test('datasetFor gives each account its group, contacts, deals and activities, in the same order in any batch', () => {
  const lookup = (id: string) => ({ id, name: `n${id}` });
  mirror.upsert('accounts', [
    account('P'),
    account('A1', { Parent_Account: lookup('P') }),
    account('A2', { Parent_Account: lookup('P') }),
    account('A3'),
  ]);
  mirror.upsert(
    'contacts',
    ['C1', 'C2', 'C3'].map((id, i) => ({ id, Account_Name: lookup(i === 2 ? 'A3' : 'A1') })),
  );
  mirror.upsert('deals', [
    { id: 'D1', Account_Name: lookup('A1') },
    { id: 'D2', Account_Name: lookup('A3') },
    { id: 'D3', Account_Name: lookup('A1') },
  ]);
  const task = (id: string, what: string, module: string) => ({
    id,
    What_Id: lookup(what),
    $se_module: module,
    Subject: id,
  });
  mirror.upsert('tasks', [
    task('T1', 'D3', 'Deals'),
    task('T2', 'A1', 'Accounts'),
    task('T3', 'D1', 'Deals'),
    task('T4', 'A3', 'Accounts'),
    task('T5', 'D2', 'Deals'),
    task('T6', 'A1', 'Accounts'),
  ]);
  const ids = (recs: ZohoRecord[] | undefined) => (recs ?? []).map((r) => r.id);

  const one = mirror.datasetFor(['A1']);
  expect(ids(one.Accounts)).toEqual(['A1', 'P']);
  expect(ids(one.Contacts)).toEqual(['C1', 'C2']);
  expect(ids(one.Deals)).toEqual(['D1', 'D3']);
  // On the account first, then deal by deal; each in the order stored.
  expect(ids(one.Tasks)).toEqual(['T2', 'T6', 'T3', 'T1']);

  const all = mirror.datasetFor(['A3', 'P', 'A1', 'missing']);
  expect(ids(all.Accounts)).toEqual(['A3', 'P', 'A1', 'A2']);
  expect(ids(all.Deals)).toEqual(['D2', 'D1', 'D3']);
  expect(ids(all.Tasks)).toEqual(['T4', 'T5', 'T2', 'T6', 'T3', 'T1']);
  // Account by account, the batch gives what one call per account would, accounts once.
  const perAccount = ['A3', 'P', 'A1'].map((id) => mirror.datasetFor([id]));
  for (const m of ['Contacts', 'Deals', 'Tasks'])
    expect(ids(all[m])).toEqual(perAccount.flatMap((d) => ids(d[m])));
});

test('withStringField streams only the records whose field holds a string', () => {
  mirror.upsert('tasks', [
    { id: 'T1', Alert_Key: 'stalled:A1', Subject: 'a' },
    { id: 'T2', Alert_Key: null, Subject: 'b' },
    { id: 'T3', Subject: 'c' },
    // the field's name with a quote, inside another value: not the field
    { id: 'T4', Subject: '"Alert_Key":"x"' },
    { id: 'T5', Alert_Key: '', Subject: 'e' },
  ]);
  expect([...mirror.withStringField('tasks', 'Alert_Key')].map((t) => t.id)).toEqual(['T1', 'T5']);
  expect([...mirror.withStringField('deals', 'Alert_Key')]).toEqual([]);
});

describe('a full read (fullRead)', () => {
  const lookup = (id: string) => ({ id, name: `n${id}` });
  const rows = () =>
    (
      db.prepare('SELECT id, json FROM records WHERE module = ? ORDER BY id').all('Contacts') as {
        id: string;
        json: string;
      }[]
    ).map((r) => r.id);

  test('stores every page, drops what it did not read and returns the accounts those bore on', () => {
    mirror.upsert('accounts', [account('A1'), account('A2')]);
    mirror.upsert('contacts', [
      { id: 'C1', Account_Name: lookup('A1') },
      { id: 'C2', Account_Name: lookup('A2') },
      { id: 'C3', Account_Name: lookup('A2') },
    ]);
    const pass = mirror.fullRead('contacts');
    pass.store([{ id: 'C1', Account_Name: lookup('A1'), Email: 'new@example.jp' }]);
    pass.store([{ id: 'C4', Account_Name: lookup('A1') }]);
    expect([...pass.finish()]).toEqual(['A2']);
    expect(rows()).toEqual(['C1', 'C4']);
    expect(mirror.get('contacts', 'C1')).toMatchObject({ Email: 'new@example.jp' });
  });

  test('into a module it held nothing of, a full read keeps every record and finds none gone', () => {
    mirror.upsert('accounts', [account('A1')]);
    const pass = mirror.fullRead('contacts');
    pass.store([{ id: 'C1', Account_Name: lookup('A1') }]);
    pass.store([{ id: 'C2', Account_Name: lookup('A1') }]);
    expect(pass.finish().size).toBe(0);
    expect(rows()).toEqual(['C1', 'C2']);
    // the next full pass, over a module that now has records, drops the one it did not read
    const next = mirror.fullRead('contacts');
    next.store([{ id: 'C2', Account_Name: lookup('A1') }]);
    expect([...next.finish()]).toEqual(['A1']);
    expect(rows()).toEqual(['C2']);
  });

  test('a record read as stored is not written again; a changed one is, links and hash with it', () => {
    mirror.upsert('accounts', [account('A1'), account('A2')]);
    mirror.upsert('contacts', [{ id: 'C1', Account_Name: lookup('A1') }]);
    const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    // the first full pass stores Zoho's JSON as read (the row from the incremental read is rewritten)
    const first = mirror.fullRead('contacts');
    first.store([{ id: 'C1', Account_Name: lookup('A1') }]);
    first.finish();
    const pass = mirror.fullRead('contacts');
    const before = changes();
    pass.store([{ id: 'C1', Account_Name: lookup('A1') }]);
    expect(changes()).toBe(before);
    pass.store([{ id: 'C1', Account_Name: lookup('A2') }]);
    expect(changes()).toBe(before + 1);
    expect(pass.finish().size).toBe(0);
    // the moved contact is now found under its new account; a full pass keeps no hash, so the next
    // incremental read of the record counts it as changed once, then no more
    expect(mirror.datasetFor(['A2']).Contacts?.map((c) => c.id)).toEqual(['C1']);
    expect([...mirror.upsert('contacts', [{ id: 'C1', Account_Name: lookup('A2') }])]).toEqual(['A2']);
    expect(mirror.upsert('contacts', [{ id: 'C1', Account_Name: lookup('A2') }]).size).toBe(0);
  });

  test('an empty mirror filled without its indexes gets them back, also when the fill fails', async () => {
    const indexes = () =>
      (
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'records_%' ORDER BY name",
          )
          .all() as { name: string }[]
      ).map((r) => r.name);
    const all = ['records_account', 'records_parent', 'records_what'];
    expect(mirror.isEmpty()).toBe(true);
    const during = await mirror.withoutIndexes(async () => {
      const pass = mirror.fullRead('accounts');
      pass.store([account('P'), account('A1', { Parent_Account: lookup('P') })]);
      pass.finish();
      return indexes();
    });
    expect(during).toEqual([]);
    expect(indexes()).toEqual(all);
    expect(mirror.isEmpty()).toBe(false);
    expect(mirror.groupOf(account('P')).map((a) => a.id)).toEqual(['A1']);
    await expect(mirror.withoutIndexes(() => Promise.reject(new Error('CRM went away')))).rejects.toThrow(
      'CRM went away',
    );
    expect(indexes()).toEqual(all);
  });
});
