/**
 * An in-memory CrmGateway over a dataset, for tests of the load/save orchestration: it answers COQL
 * and search by module (filtering is the emulator's job, tested there) and records every call.
 */
import type { ZohoFields } from '../../../shared/crm-read/records';
import { READ_BATCH_FUNCTION, parseReadBatch, type ReadResult } from '../../../shared/crm-read/read-batch';
import type { CrmGateway, RecordPage } from '../../zoho/types';
import type { RawDataset } from '../data/load-dataset';

export interface FakeCrm extends CrmGateway {
  calls: string[];
  writes: { op: 'update' | 'insert'; entity: string; data: ZohoFields }[];
}

export interface FakeCrmOptions {
  /** A thrown value for a call (`coql Deals`, `search Events`, `function esm_read_batch`, …). */
  fail?: (call: string) => unknown;
  /** Answer the read-batch function (as an org that installed it does). Default: not installed. */
  readBatch?: boolean;
}

export function fakeCrm(data: RawDataset, opts: FakeCrmOptions = {}): FakeCrm {
  const calls: string[] = [];
  const writes: FakeCrm['writes'] = [];
  const note = (call: string) => {
    calls.push(call);
    const err = opts.fail?.(call);
    if (err) throw err;
  };
  let nextId = 900;
  const moduleOf = (query: string) => /from (\w+)/.exec(query)?.[1] ?? '';
  const coqlPage = (query: string): RecordPage => ({ data: data[moduleOf(query)] ?? [], more: false });
  return {
    calls,
    writes,
    async getRecord(entity, id) {
      note(`getRecord ${entity}`);
      return (data[entity] ?? []).find((r) => String(r.id) === id) ?? null;
    },
    async getRelatedRecords(entity, _id, list) {
      note(`getRelatedRecords ${entity}/${list}`);
      return { data: data[list] ?? [], more: false };
    },
    async coql(query) {
      note(`coql ${moduleOf(query)}`);
      return coqlPage(query);
    },
    async executeFunction(name, args) {
      note(`function ${name}`);
      if (!opts.readBatch || name !== READ_BATCH_FUNCTION)
        throw { code: 'CRM_ERROR', detail: `function ${name}: not installed` };
      // An org set up by setup:crm has the settings module (where the service publishes the config)
      // and the stage-history module.
      const parsed = parseReadBatch(args.requests, [
        ...Object.keys(data),
        'ESM_Settings',
        'Relationship_Stage_History',
      ]);
      if (!parsed.ok) throw { code: 'CRM_ERROR', detail: parsed.message };
      const results: ReadResult[] = parsed.requests.map((r) => {
        const call = 'coql' in r ? `coql ${moduleOf(r.coql)}` : `search ${r.module}`;
        const err = opts.fail?.(`batched ${call}`);
        if (err) return { error: { code: 'INVALID_QUERY', message: String(err) } };
        return 'coql' in r ? coqlPage(r.coql) : { data: data[r.module] ?? [], more: false };
      });
      return JSON.stringify({ results });
    },
    async listRecords(entity) {
      note(`list ${entity}`);
      return { data: data[entity] ?? [], more: false, nextPageToken: null };
    },
    async searchRecords(entity) {
      note(`search ${entity}`);
      return { data: data[entity] ?? [], more: false };
    },
    async getUsers(type) {
      note(`users ${type}`);
      return { data: data.users ?? [], more: false };
    },
    async updateRecord(entity, record) {
      note(`update ${entity}`);
      writes.push({ op: 'update', entity, data: record });
      const list = data[entity] ?? [];
      data[entity] = list.map((r) => (String(r.id) === String(record.id) ? { ...r, ...record } : r));
      return String(record.id);
    },
    async insertRecord(entity, record) {
      note(`insert ${entity}`);
      writes.push({ op: 'insert', entity, data: record });
      const id = String((nextId += 1));
      data[entity] = [...(data[entity] ?? []), { ...record, id }];
      return id;
    },
    resize() {},
    openRecord(entity, id) {
      calls.push(`open ${entity} ${id}`);
    },
  };
}
