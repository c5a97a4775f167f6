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
  mirror.upsert('accounts', [rec], 1);
  expect(mirror.get('accounts', 'A1')).toEqual(rec);
  const reversed = Object.fromEntries(Object.entries(rec).reverse()) as ZohoRecord;
  expect(mirror.upsert('accounts', [reversed], 2).size).toBe(0);
});

test('only a change of a field the engine reads makes the account dirty; every change is stored', () => {
  mirror.upsert('accounts', [account('A1')], 1);
  // System time and a field the service writes itself: stored, but nothing to recompute.
  const touched = mirror.upsert(
    'accounts',
    [account('A1', { Modified_Time: '2026-11-02T00:00:00+00:00', Stage_Progress: 50 })],
    2,
  );
  expect([...touched]).toEqual([]);
  expect(mirror.get('accounts', 'A1')).toMatchObject({ Stage_Progress: 50 });
  expect([...mirror.upsert('accounts', [account('A1', { Relationship_Stage: '課題共有' })], 3)]).toEqual([
    'A1',
  ]);
});

test('a record with only ignored fields, or a __proto__ key, round-trips', () => {
  const bare = { id: 'T1', Modified_Time: '2026-11-01T00:00:00+00:00' } as ZohoRecord;
  mirror.upsert('tasks', [bare], 1);
  expect(mirror.get('tasks', 'T1')).toMatchObject(bare);
  const odd = JSON.parse('{"id":"T2","__proto__":{"x":1},"Subject":"s"}') as ZohoRecord;
  mirror.upsert('tasks', [odd], 1);
  const back = mirror.get('tasks', 'T2');
  expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  expect(Object.keys(back ?? {}).sort()).toEqual(['Subject', '__proto__', 'id']);
  // An unchanged record with that key is still recognised as unchanged.
  expect(mirror.upsert('tasks', [JSON.parse(JSON.stringify(odd)) as ZohoRecord], 2).size).toBe(0);
});

test('datasetFor gives each account its group, contacts, deals and activities, in the same order in any batch', () => {
  const lookup = (id: string) => ({ id, name: `n${id}` });
  mirror.upsert(
    'accounts',
    [
      account('P'),
      account('A1', { Parent_Account: lookup('P') }),
      account('A2', { Parent_Account: lookup('P') }),
      account('A3'),
    ],
    1,
  );
  mirror.upsert(
    'contacts',
    ['C1', 'C2', 'C3'].map((id, i) => ({ id, Account_Name: lookup(i === 2 ? 'A3' : 'A1') })),
    1,
  );
  mirror.upsert(
    'deals',
    [
      { id: 'D1', Account_Name: lookup('A1') },
      { id: 'D2', Account_Name: lookup('A3') },
      { id: 'D3', Account_Name: lookup('A1') },
    ],
    1,
  );
  const task = (id: string, what: string, module: string) => ({
    id,
    What_Id: lookup(what),
    $se_module: module,
    Subject: id,
  });
  mirror.upsert(
    'tasks',
    [
      task('T1', 'D3', 'Deals'),
      task('T2', 'A1', 'Accounts'),
      task('T3', 'D1', 'Deals'),
      task('T4', 'A3', 'Accounts'),
      task('T5', 'D2', 'Deals'),
      task('T6', 'A1', 'Accounts'),
    ],
    1,
  );
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
  mirror.upsert(
    'tasks',
    [
      { id: 'T1', Alert_Key: 'stalled:A1', Subject: 'a' },
      { id: 'T2', Alert_Key: null, Subject: 'b' },
      { id: 'T3', Subject: 'c' },
      // the field's name with a quote, inside another value: not the field
      { id: 'T4', Subject: '"Alert_Key":"x"' },
      { id: 'T5', Alert_Key: '', Subject: 'e' },
    ],
    1,
  );
  expect([...mirror.withStringField('tasks', 'Alert_Key')].map((t) => t.id)).toEqual(['T1', 'T5']);
  expect([...mirror.withStringField('deals', 'Alert_Key')]).toEqual([]);
});
