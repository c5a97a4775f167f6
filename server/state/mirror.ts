/**
 * The local mirror of the CRM records the engine reads. A record changes the insight of the
 * accounts it belongs to; the mirror tells which, so a sync recomputes only those (DESIGN §8).
 * Records are kept exactly as Zoho returned them (JSON) plus the columns needed to find an
 * account's records without scanning.
 */
import { activityAccount, isActivityModule, recordLink } from '../../shared/crm-read/links';
import { accountWrittenFields, dealWrittenFields } from '../../shared/crm-read/input-fields';
import { lookupId, type ZohoRecord } from '../../shared/crm-read/records';
import { hash } from 'node:crypto';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { KGI_KEYS } from '../../shared/model/keys';
import { createRecordIndexes, dropRecordIndexes, metaGet, metaSet, type Db } from './db';

export type MirrorModule = keyof SalesProcessConfig['fields']['modules'];

const USERS_KEY = 'crm_users';

/** Accounts whose records `datasetFor` reads with one query per module. */
const DATASET_CHUNK = 200;

/** A stored record's JSON with the column it was found by. */
interface KeyedJson {
  k: string;
  json: string;
}

/** A full read of one module (`Mirror.fullRead`). */
export interface FullRead {
  /** Store one page of records (one transaction). */
  store(records: readonly ZohoRecord[]): void;
  /** After the last page: drop the records not read, and return the accounts they bore on. */
  finish(): Set<string>;
}

const WRITE_ROW = `INSERT INTO records (module, id, account_id, parent_id, what_module, what_id, input_hash, json)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
const UPDATE_ROW = `ON CONFLICT (module, id) DO UPDATE SET account_id = excluded.account_id, parent_id = excluded.parent_id,
  what_module = excluded.what_module, what_id = excluded.what_id, input_hash = excluded.input_hash, json = excluded.json`;
type RowValues = [string, string, string | null, string | null, string | null, string | null, string, string];

interface Row {
  module: string;
  id: string;
  account_id: string | null;
  parent_id: string | null;
  what_module: string | null;
  what_id: string | null;
  input_hash: string;
  json: string;
}

export class Mirror {
  private readonly ignored: Map<string, Set<string>>;
  /** Accounts' and deals' ids with their module, as `moduleOfId` found them. */
  private readonly parentModules = new Map<string, string>();
  private readonly stmt;

  constructor(
    readonly db: Db,
    readonly config: SalesProcessConfig,
  ) {
    this.ignored = ignoredFields(config);
    this.stmt = {
      get: db.prepare<[string, string], Row>('SELECT * FROM records WHERE module = ? AND id = ?'),
      // What upsert compares and what the accounts a record bore on need: never the JSON.
      head: db.prepare<[string, string], Omit<Row, 'json'>>(
        'SELECT module, id, account_id, parent_id, what_module, what_id, input_hash FROM records WHERE module = ? AND id = ?',
      ),
      exists: db.prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM records WHERE module = ? AND id = ?',
      ),
      accountOf: db.prepare<[string, string], { account_id: string | null }>(
        'SELECT account_id FROM records WHERE module = ? AND id = ?',
      ),
      childIds: db.prepare<[string, string], { id: string }>(
        'SELECT id FROM records INDEXED BY records_parent WHERE module = ? AND parent_id = ?',
      ),
      write: db.prepare<RowValues>(`${WRITE_ROW} ${UPDATE_ROW}`),
      // A full read's write: the stored row is left alone when the record is as stored (nothing read first).
      writeChanged: db.prepare<RowValues>(
        `${WRITE_ROW} ${UPDATE_ROW} WHERE records.json IS NOT excluded.json OR records.account_id IS NOT excluded.account_id
           OR records.parent_id IS NOT excluded.parent_id OR records.what_module IS NOT excluded.what_module
           OR records.what_id IS NOT excluded.what_id`,
      ),
      // INDEXED BY: without ANALYZE statistics SQLite prefers scanning the module's whole primary-key
      // range (it covers every column) to these indexes: O(records) per lookup, O(n²) per full pass.
      byParent: db.prepare<[string, string], { json: string }>(
        'SELECT json FROM records INDEXED BY records_parent WHERE module = ? AND parent_id = ?',
      ),
      // datasetFor's batched reads (INDEXED BY as above): `?` after the module is a JSON array of ids.
      idsIn: db.prepare<[string, string], KeyedJson>(
        'SELECT id AS k, json FROM records WHERE module = ? AND id IN (SELECT value FROM json_each(?))',
      ),
      byAccountIn: db.prepare<[string, string], KeyedJson>(
        `SELECT account_id AS k, json FROM records INDEXED BY records_account
         WHERE module = ? AND account_id IN (SELECT value FROM json_each(?))`,
      ),
      byParentIn: db.prepare<[string, string], KeyedJson>(
        `SELECT parent_id AS k, json FROM records INDEXED BY records_parent
         WHERE module = ? AND parent_id IN (SELECT value FROM json_each(?))`,
      ),
      byWhatIn: db.prepare<[string, string, string], KeyedJson>(
        `SELECT what_id AS k, json FROM records INDEXED BY records_what
         WHERE module = ? AND what_module = ? AND what_id IN (SELECT value FROM json_each(?))`,
      ),
      ids: db.prepare<[string], { id: string }>('SELECT id FROM records WHERE module = ?'),
      any: db.prepare<[], { one: number }>('SELECT 1 AS one FROM records LIMIT 1'),
      pendingWhat: db.prepare<[string, string, string, string], Row>(
        `SELECT * FROM records INDEXED BY records_what
         WHERE module IN (?, ?, ?) AND what_module IS NULL AND what_id = ?`,
      ),
      delete: db.prepare('DELETE FROM records WHERE module = ? AND id = ?'),
      count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM records WHERE module = ?'),
    };
  }

  moduleName(m: MirrorModule): string {
    return this.config.fields.modules[m];
  }

  /**
   * Store records read from the CRM. Returns the accounts whose insight may change: those the
   * record belongs (or belonged) to, when a field the engine reads changed.
   */
  upsert(module: MirrorModule, records: readonly ZohoRecord[]): Set<string> {
    const touched = new Set<string>();
    const tx = this.db.transaction(() => {
      for (const rec of records) {
        const row = this.toRow(module, rec);
        const before = this.stmt.head.get(row.module, row.id);
        this.write(row);
        if (before && before.input_hash === row.input_hash) continue;
        for (const a of this.accountsOf(module, row)) touched.add(a);
        if (before) for (const a of this.accountsOf(module, before)) touched.add(a);
        else if (module === 'accounts' || module === 'deals') this.resolvePending(module, rec.id, touched);
      }
    });
    tx();
    return touched;
  }

  /** One row written (positional parameters: no per-record parameter object). */
  private write(row: Row, stmt = this.stmt.write): void {
    stmt.run(
      row.module,
      row.id,
      row.account_id,
      row.parent_id,
      row.what_module,
      row.what_id,
      row.input_hash,
      row.json,
    );
  }

  /**
   * A full pass's read of one module: every record the CRM has, page by page (`store`), then
   * `finish` drops the records it no longer has and returns their accounts. The run recomputes every
   * account after a full pass, so a page does not work out which accounts its records bear on — the
   * stored row is never read first (that read and the accounts' lookups were half of `upsert`'s
   * cost, issue 14): a record is written only when it differs from the stored row, in the write
   * statement itself, as Zoho's JSON without a hash (`toRow`), and the ids read are kept for `finish`
   * (unless the module was empty).
   *
   * Into an empty mirror (the first sync) the records go in without the secondary indexes, which are
   * built once at the end (`withoutIndexes`).
   */
  fullRead(module: MirrorModule): FullRead {
    const seen = new Set<string>();
    const name = this.moduleName(module);
    // Into a module the mirror held nothing of, every row there at the end was read: none is gone,
    // and no id is kept (at 50,000 accounts, ≈ 600,000 tasks' ids).
    const wasEmpty = this.count(module) === 0;
    const store = this.db.transaction((records: readonly ZohoRecord[]) => {
      for (const rec of records) {
        const row = this.toRow(module, rec, false);
        if (!wasEmpty) seen.add(row.id);
        this.write(row, this.stmt.writeChanged);
      }
    });
    return {
      store: (records) => store(records),
      finish: () => {
        const touched = new Set<string>();
        if (wasEmpty) return touched;
        // The ids alone come from the primary key's index, without touching a row: reading every
        // row's link columns to find the few gone cost ≈ 3 µs a record at 10,000 accounts (issue 14).
        const gone: string[] = [];
        for (const { id } of this.stmt.ids.iterate(name)) if (!seen.has(id)) gone.push(id);
        const tx = this.db.transaction(() => {
          for (const id of gone) {
            const row = this.stmt.head.get(name, id);
            if (row) for (const a of this.accountsOf(module, row)) touched.add(a);
            this.stmt.delete.run(name, id);
          }
        });
        tx();
        return touched;
      },
    };
  }

  /** Whether the mirror holds no record at all (before the first sync). */
  isEmpty(): boolean {
    return this.stmt.any.get() === undefined;
  }

  /**
   * Run `fill` with the records table's secondary indexes dropped, then build them: loading an empty
   * mirror in bulk costs about a third less than updating four B-trees per record. Only `fullRead`
   * may run meanwhile (the lookups by account, parent or parent record need the indexes); a crash
   * leaves them missing, and the next open of the state database builds them (db.ts).
   */
  async withoutIndexes<T>(fill: () => Promise<T>): Promise<T> {
    dropRecordIndexes(this.db);
    try {
      return await fill();
    } finally {
      createRecordIndexes(this.db);
    }
  }

  /** Apply values we wrote, so the next read of our own write is not mistaken for a change. */
  applyWritten(module: MirrorModule, id: string, fields: Record<string, unknown>): void {
    const name = this.moduleName(module);
    const before = this.stmt.get.get(name, id);
    if (!before) return;
    const rec = { ...(JSON.parse(before.json) as ZohoRecord), ...fields };
    this.write(this.toRow(module, rec));
  }

  /** Keep a record we inserted (a stage-history row), so readers see it before the next run reads it back. */
  addInserted(module: MirrorModule, rec: ZohoRecord): void {
    this.write(this.toRow(module, rec));
  }

  get(module: MirrorModule, id: string): ZohoRecord | null {
    const row = this.stmt.get.get(this.moduleName(module), id);
    return row ? (JSON.parse(row.json) as ZohoRecord) : null;
  }

  /** Every stored record of a module, streamed (for roll-ups over the whole portfolio). */
  *all(module: MirrorModule): Generator<ZohoRecord> {
    const stmt = this.db.prepare<[string], { json: string }>('SELECT json FROM records WHERE module = ?');
    for (const row of stmt.iterate(this.moduleName(module))) yield JSON.parse(row.json) as ZohoRecord;
  }

  /**
   * The stored records of a module that have `field` set to a string, streamed: SQLite picks the
   * rows whose JSON holds `"field":"` (how JSON.stringify writes it), so the others are never parsed —
   * the service's alert tasks among all tasks, for the manager's view.
   */
  *withStringField(module: MirrorModule, field: string): Generator<ZohoRecord> {
    const stmt = this.db.prepare<[string, string], { json: string }>(
      'SELECT json FROM records WHERE module = ? AND instr(json, ?) > 0',
    );
    for (const row of stmt.iterate(this.moduleName(module), `${JSON.stringify(field)}:"`)) {
      const rec = JSON.parse(row.json) as ZohoRecord;
      if (typeof rec[field] === 'string') yield rec;
    }
  }

  /** The org's users as last read (GET /users), with when; null before the first read. */
  users(): { readAt: number; users: ZohoRecord[] } | null {
    const raw = metaGet(this.db, USERS_KEY);
    return raw ? (JSON.parse(raw) as { readAt: number; users: ZohoRecord[] }) : null;
  }

  setUsers(users: readonly ZohoRecord[], readAt: number): void {
    metaSet(this.db, USERS_KEY, JSON.stringify({ readAt, users }));
  }

  accountIds(): string[] {
    return this.stmt.ids.all(this.moduleName('accounts')).map((r) => r.id);
  }

  count(module: MirrorModule): number {
    return this.stmt.count.get(this.moduleName(module))?.n ?? 0;
  }

  /** The parent and children of an account (its group companies). */
  groupOf(account: ZohoRecord): ZohoRecord[] {
    const m = this.moduleName('accounts');
    const parentId = lookupId(account[this.config.fields.account.parent]);
    const parent = parentId ? this.get('accounts', parentId) : null;
    const children = this.stmt.byParent.all(m, account.id).map((r) => JSON.parse(r.json) as ZohoRecord);
    return [...(parent ? [parent] : []), ...children];
  }

  /**
   * Every record that bears on one account's insight, as a DESIGN §3 dataset fragment: the account
   * and its group, contacts, deals, activities on the account or its deals, plans, and its
   * Relationship_Stage_History (the stage reached is kept, issue 11; deal roles date from it).
   */
  datasetFor(accountIds: readonly string[]): Record<string, ZohoRecord[]> {
    const m = this.config.fields.modules;
    const out: Record<string, ZohoRecord[]> = {
      [m.accounts]: [],
      [m.contacts]: [],
      [m.deals]: [],
      [m.tasks]: [],
      [m.events]: [],
      [m.calls]: [],
      [m.accountPlans]: [],
      [m.stageHistory]: [],
    };
    for (let i = 0; i < accountIds.length; i += DATASET_CHUNK)
      this.addDataset(accountIds.slice(i, i + DATASET_CHUNK), out);
    return out;
  }

  /**
   * `datasetFor` for up to DATASET_CHUNK accounts: one query per module for all of them
   * (`IN (json_each(?))`), then the records in the order one query per account gives — account by
   * account, each key's records in the order the index holds them — so the result does not depend
   * on how the accounts were batched.
   */
  private addDataset(accountIds: readonly string[], out: Record<string, ZohoRecord[]>): void {
    const m = this.config.fields.modules;
    const ids = JSON.stringify(accountIds);
    const grouped = (rows: readonly KeyedJson[]) => {
      const by = new Map<string, ZohoRecord[]>();
      for (const r of rows) {
        const rec = JSON.parse(r.json) as ZohoRecord;
        const list = by.get(r.k);
        if (list) list.push(rec);
        else by.set(r.k, [rec]);
      }
      return by;
    };
    const accounts = new Map<string, ZohoRecord>();
    for (const r of this.stmt.idsIn.all(m.accounts, ids)) accounts.set(r.k, JSON.parse(r.json) as ZohoRecord);
    const children = grouped(this.stmt.byParentIn.all(m.accounts, ids));
    const parentIds = new Set<string>();
    for (const a of accounts.values()) {
      const p = lookupId(a[this.config.fields.account.parent]);
      if (p && !accounts.has(p)) parentIds.add(p);
    }
    const parents = new Map<string, ZohoRecord>();
    if (parentIds.size > 0)
      for (const r of this.stmt.idsIn.all(m.accounts, JSON.stringify([...parentIds])))
        parents.set(r.k, JSON.parse(r.json) as ZohoRecord);
    const byAccount = (module: string) => grouped(this.stmt.byAccountIn.all(module, ids));
    const contacts = byAccount(m.contacts);
    const deals = byAccount(m.deals);
    const plans = byAccount(m.accountPlans);
    const history = byAccount(m.stageHistory);
    const dealIds = JSON.stringify([...deals.values()].flatMap((ds) => ds.map((d) => d.id)));
    const activities = [m.tasks, m.events, m.calls].map((mod) => ({
      mod,
      onAccount: grouped(this.stmt.byWhatIn.all(mod, m.accounts, ids)),
      onDeal: grouped(this.stmt.byWhatIn.all(mod, m.deals, dealIds)),
    }));

    const seenAccounts = new Set<string>((out[m.accounts] ?? []).map((a) => a.id));
    const push = (module: string, recs: readonly ZohoRecord[] | undefined) => {
      const list = out[module];
      if (list && recs) for (const r of recs) list.push(r);
    };
    for (const id of accountIds) {
      const account = accounts.get(id);
      if (!account) continue;
      const parentId = lookupId(account[this.config.fields.account.parent]);
      const parent = parentId ? (accounts.get(parentId) ?? parents.get(parentId)) : undefined;
      for (const a of [account, ...(parent ? [parent] : []), ...(children.get(id) ?? [])]) {
        if (!seenAccounts.has(a.id)) out[m.accounts]?.push(a);
        seenAccounts.add(a.id);
      }
      push(m.contacts, contacts.get(id));
      const accountDeals = deals.get(id) ?? [];
      push(m.deals, accountDeals);
      for (const { mod, onAccount, onDeal } of activities) {
        push(mod, onAccount.get(id));
        for (const d of accountDeals) push(mod, onDeal.get(d.id));
      }
      push(m.accountPlans, plans.get(id));
      push(m.stageHistory, history.get(id));
    }
  }

  /**
   * The module (accounts or deals) that holds `id`, else null. What is found is kept: an id's module
   * never changes (Zoho ids are unique across modules), and a full read asks once per activity — about
   * thirty times per account or deal.
   */
  private moduleOfId(id: string | null): string | null {
    if (!id) return null;
    const known = this.parentModules.get(id);
    if (known) return known;
    for (const m of ['accounts', 'deals'] as const)
      if (this.stmt.exists.get(this.moduleName(m), id)) {
        this.parentModules.set(id, this.moduleName(m));
        return this.moduleName(m);
      }
    return null;
  }

  /** Activities read before the account or deal they link to: link them now, and say whose they are. */
  private resolvePending(module: MirrorModule, id: string, touched: Set<string>): void {
    const name = this.moduleName(module);
    const m = this.config.fields.modules;
    const pending = this.stmt.pendingWhat.all(m.tasks, m.events, m.calls, id);
    for (const row of pending) {
      const mod = (['tasks', 'events', 'calls'] as const).find((m) => this.moduleName(m) === row.module);
      if (!mod) continue;
      const rec = { ...(JSON.parse(row.json) as ZohoRecord), $se_module: name };
      this.write(this.toRow(mod, rec));
      for (const a of this.accountsOf(mod, { ...row, what_module: name })) touched.add(a);
    }
  }

  /**
   * A record as a row. `hashed`: the stored JSON and the hash of the engine's fields (`encode`);
   * without, Zoho's JSON as read and no hash (`UNHASHED`) — a full pass recomputes every account
   * anyway, so it spends nothing on telling which changed.
   */
  private toRow(module: MirrorModule, rec: ZohoRecord, hashed = true): Row {
    // COQL may not return $se_module; Zoho ids are unique across modules, so the mirror can tell.
    // Set on the record itself: what the mirror is given is its to keep (a page read, a record built
    // for it), and a page's 2,000 copies were garbage at once.
    const link = recordLink(module, rec, this.config.fields, (id) => this.moduleOfId(id));
    if (link.what?.module && rec.$se_module !== link.what.module) rec.$se_module = link.what.module;
    return {
      module: this.moduleName(module),
      id: rec.id,
      account_id: link.accountId,
      parent_id: link.parentId,
      what_module: link.what?.module ?? null,
      what_id: link.what?.id ?? null,
      ...(hashed ? this.encode(module, rec) : { input_hash: UNHASHED, json: JSON.stringify(rec) }),
    };
  }

  /** The accounts a stored row bears on (an activity on a deal → that deal's account; an account → itself and its group). */
  private accountsOf(
    module: MirrorModule,
    row: Pick<Row, 'account_id' | 'parent_id' | 'what_module' | 'what_id' | 'id'>,
  ): string[] {
    const m = this.config.fields.modules;
    // the engine reads it (kept stage, deal roles): a history record read re-queues its account
    if (module === 'stageHistory') return row.account_id ? [row.account_id] : [];
    if (module === 'accounts') {
      const children = this.stmt.childIds.all(m.accounts, row.id).map((r) => r.id);
      return [row.id, ...(row.parent_id ? [row.parent_id] : []), ...children];
    }
    if (isActivityModule(module)) {
      // The deal's account_id column is its account lookup (toRow): no need to parse the deal.
      const accountId = activityAccount(
        { module: row.what_module, id: row.what_id },
        m,
        (deal) => this.stmt.accountOf.get(m.deals, deal)?.account_id ?? null,
      );
      return accountId ? [accountId] : [];
    }
    return row.account_id ? [row.account_id] : [];
  }

  /**
   * The stored JSON and a hash of the fields the engine reads (system timestamps and
   * service-written fields are left out), from one serialisation: the engine's fields, keys sorted
   * (so key order never matters), then the rest. One digest per record.
   */
  private encode(module: MirrorModule, rec: ZohoRecord): { input_hash: string; json: string } {
    const skip = this.ignored.get(module) ?? NOTHING;
    const input: Record<string, unknown> = {};
    let rest: Record<string, unknown> | null = null;
    for (const k of Object.keys(rec).sort()) {
      // A key named __proto__ would set the object's prototype instead of a field.
      if (k === '__proto__') return this.encodeSafely(module, rec);
      if (skip.has(k)) (rest ??= {})[k] = rec[k];
      else input[k] = rec[k];
    }
    const inputJson = JSON.stringify(input);
    const input_hash = hash('sha1', inputJson, 'base64');
    const restJson = rest === null ? '{}' : JSON.stringify(rest);
    if (restJson === '{}') return { input_hash, json: inputJson };
    if (inputJson === '{}') return { input_hash, json: restJson };
    return { input_hash, json: `${inputJson.slice(0, -1)},${restJson.slice(1)}` };
  }

  /** `encode` for a record with a `__proto__` key (never one Zoho sends): the same hash input as pairs. */
  private encodeSafely(module: MirrorModule, rec: ZohoRecord): { input_hash: string; json: string } {
    const skip = this.ignored.get(module) ?? NOTHING;
    const kept: unknown[] = [];
    for (const k of Object.keys(rec).sort()) if (!skip.has(k)) kept.push(k, rec[k]);
    return { input_hash: hash('sha1', JSON.stringify(kept), 'base64'), json: JSON.stringify(rec) };
  }
}

const NOTHING: ReadonlySet<string> = new Set();

/**
 * The hash of a row stored by a full pass: no hash, so the next incremental read of the record counts
 * it as changed (one recompute of its account). The rows the service writes back are hashed then
 * (`applyWritten`), so the echo of its own writes is still recognised.
 */
const UNHASHED = '';

function ignoredFields(config: SalesProcessConfig): Map<string, Set<string>> {
  const system = [
    'Modified_Time',
    'Modified_By',
    'Created_By',
    'Last_Activity_Time',
    '$editable',
    '$approved',
    '$state',
    '$process_flow',
    '$locked_for_me',
    '$review',
    '$review_process',
    '$approval',
    '$currency_symbol',
    '$field_states',
    '$orchestration',
    '$in_merge',
  ];
  // What the service writes is not an input: every KGI field, configured or not, is left out.
  const accountOwned = accountWrittenFields(config.fields, KGI_KEYS);
  const dealOwned = dealWrittenFields(config.fields);
  const map = new Map<string, Set<string>>();
  for (const m of ['contacts', 'tasks', 'events', 'calls', 'accountPlans', 'stageHistory'])
    map.set(m, new Set(system));
  map.set('accounts', new Set([...system, ...accountOwned]));
  map.set('deals', new Set([...system, ...dealOwned]));
  return map;
}
