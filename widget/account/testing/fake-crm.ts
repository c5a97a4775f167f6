/**
 * An in-memory CrmGateway over a dataset, for tests of the load/save orchestration: it answers COQL
 * and search by module (filtering is the emulator's job, tested there) and records every call.
 */
import type { CrmGateway, CrmRecord } from '../../zoho/types';
import type { RawDataset } from '../data/load-dataset';

export interface FakeCrm extends CrmGateway {
  calls: string[];
  writes: { op: 'update' | 'insert'; entity: string; data: CrmRecord }[];
}

export function fakeCrm(data: RawDataset, opts: { fail?: (call: string) => unknown } = {}): FakeCrm {
  const calls: string[] = [];
  const writes: FakeCrm['writes'] = [];
  const note = (call: string) => {
    calls.push(call);
    const err = opts.fail?.(call);
    if (err) throw err;
  };
  let nextId = 900;
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
      const module = /from (\w+)/.exec(query)?.[1] ?? '';
      note(`coql ${module}`);
      return { data: data[module] ?? [], more: false };
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
  };
}
