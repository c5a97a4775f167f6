/**
 * Insert, update and upsert of a batch as Zoho answers them: at most 100 records per call, one result
 * per record in request order, HTTP 201/200 when all succeed, 207 when mixed, 400 when none does.
 * Records named by an injected record fault fail with that code inside an otherwise good batch.
 */
import { errors, ZohoError } from '../http/zoho-error';
import type { ModuleDef } from '../metadata/types';
import type { Org } from '../org';
import type { RecordData, StoredRecord } from '../store/record-store';
import { applyRecord } from './apply';
import { persistRecord } from './persist';
import { invalid, type RecordError } from './validate';

export type WriteMode = 'insert' | 'update' | 'upsert';

export interface Written {
  module: string;
  operation: 'create' | 'update';
  record: StoredRecord;
}

export interface WriteOutcome {
  status: number;
  results: object[];
  written: Written[];
  /** Zoho runs workflows on API writes unless `trigger` is given without "workflow". */
  fireWorkflows: boolean;
}

export interface RecordFaultSource {
  /** The error code an injected fault gives this record id, else null. */
  failureFor(id: string): string | null;
}

const DEFAULT_DUPLICATE_CHECK: Record<string, string[]> = {
  Accounts: ['Account_Name'],
  Contacts: ['Email'],
  Leads: ['Email'],
  Deals: ['Deal_Name'],
};

const errorResult = (e: RecordError) => ({
  code: e.code,
  details: e.details,
  message: e.message,
  status: 'error',
});

function successResult(r: StoredRecord, message: string): Record<string, unknown> {
  const user = (v: unknown) => {
    const u = v as { name?: unknown; id?: unknown } | undefined;
    return { name: u?.name ?? null, id: u?.id ?? null };
  };
  return {
    code: 'SUCCESS',
    details: {
      Modified_Time: r.data.Modified_Time,
      Modified_By: user(r.data.Modified_By),
      Created_Time: r.data.Created_Time,
      id: r.id,
      Created_By: user(r.data.Created_By),
    },
    message,
    status: 'success',
  };
}

function readBatch(body: RecordData, pathId: string | undefined): RecordData[] {
  const data = body.data;
  if (data === undefined || data === null) throw errors.mandatory('data', '$.data');
  if (!Array.isArray(data))
    throw new ZohoError(400, 'INVALID_DATA', 'invalid data', {
      expected_data_type: 'jsonarray',
      api_name: 'data',
      json_path: '$.data',
    });
  if (data.length === 0) throw errors.mandatory('data', '$.data');
  if (data.length > 100) {
    throw new ZohoError(
      400,
      'LIMIT_EXCEEDED',
      'count of records in your request exceeds the limit',
      { maximum_length: 100, api_name: 'data' },
      true,
    );
  }
  if (pathId !== undefined && data.length > 1) {
    throw new ZohoError(400, 'INVALID_DATA', 'invalid data', {
      maximum_length: 1,
      api_name: 'data',
      json_path: '$.data',
    });
  }
  return data as RecordData[];
}

function fireWorkflows(body: RecordData): boolean {
  const trigger = body.trigger;
  if (trigger === undefined || trigger === null) return true;
  if (!Array.isArray(trigger))
    throw new ZohoError(400, 'INVALID_DATA', 'invalid data', {
      expected_data_type: 'jsonarray',
      api_name: 'trigger',
      json_path: '$.trigger',
    });
  return trigger.includes('workflow');
}

function duplicateCheckFields(org: Org, module: ModuleDef, body: RecordData): string[] {
  const given = body.duplicate_check_fields;
  if (given === undefined)
    return DEFAULT_DUPLICATE_CHECK[module.apiName] ?? (module.generatedType === 'custom' ? ['Name'] : []);
  if (!Array.isArray(given))
    throw new ZohoError(400, 'INVALID_DATA', 'invalid data', {
      expected_data_type: 'jsonarray',
      api_name: 'duplicate_check_fields',
      json_path: '$.duplicate_check_fields',
    });
  given.forEach((name, k) => {
    if (typeof name !== 'string' || !org.catalog.field(module, name)) {
      throw new ZohoError(400, 'INVALID_DATA', 'invalid data', {
        api_name: 'duplicate_check_fields',
        json_path: `$.duplicate_check_fields[${k}]`,
      });
    }
  });
  return given as string[];
}

/** Upsert: the record's id, else the oldest record matching the first duplicate-check field given. */
function upsertTarget(
  org: Org,
  module: ModuleDef,
  input: RecordData,
  checks: string[],
): { record?: StoredRecord; field: string | null } {
  if (input.id !== undefined)
    return { record: org.store.getIn(module.apiName, String(input.id)), field: null };
  for (const name of checks) {
    const raw = input[name];
    if (raw === undefined || raw === null || raw === '') continue;
    const f = org.catalog.field(module, name);
    const lookup = f?.dataType === 'lookup' || f?.dataType === 'ownerlookup';
    const value = lookup && typeof raw === 'object' ? (raw as { id?: unknown }).id : raw;
    const path = lookup ? `$.${name}.id` : `$.${name}`;
    const [match] = org.store.select(
      `SELECT id, module, created_ms, modified_ms, data FROM records WHERE module = ? AND json_extract(data, ?) = ? ORDER BY created_ms, id LIMIT 1`,
      [module.apiName, path, typeof value === 'boolean' ? Number(value) : (value as string | number)],
    );
    if (match) return { record: match, field: name };
  }
  return { field: null };
}

export function writeRecords(
  org: Org,
  module: ModuleDef,
  mode: WriteMode,
  body: RecordData,
  faults: RecordFaultSource,
  pathId?: string,
): WriteOutcome {
  const batch = readBatch(body, pathId);
  const workflows = fireWorkflows(body);
  const checks = mode === 'upsert' ? duplicateCheckFields(org, module, body) : [];
  const results: object[] = [];
  const written: Written[] = [];

  org.store.transaction(() => {
    batch.forEach((input, i) => {
      if (!input || typeof input !== 'object' || Array.isArray(input)) {
        results.push(errorResult(invalid('data', `$.data[${i}]`, { expected_data_type: 'jsonobject' })));
        return;
      }
      let before: StoredRecord | undefined;
      let duplicateField: string | null = null;
      if (mode === 'update') {
        const id = pathId ?? input.id;
        if (id === undefined || id === null) {
          results.push(
            errorResult({
              code: 'MANDATORY_NOT_FOUND',
              message: 'required field not found',
              details: { api_name: 'id', json_path: `$.data[${i}].id` },
            }),
          );
          return;
        }
        before = org.store.getIn(module.apiName, String(id));
        if (!before) {
          results.push(errorResult(invalid('id', `$.data[${i}].id`, {}, 'the id given seems to be invalid')));
          return;
        }
      } else if (mode === 'upsert') {
        const t = upsertTarget(org, module, input, checks);
        if (input.id !== undefined && !t.record) {
          results.push(errorResult(invalid('id', `$.data[${i}].id`, {}, 'the id given seems to be invalid')));
          return;
        }
        before = t.record;
        duplicateField = t.field;
      }
      const faultCode = before ? faults.failureFor(before.id) : null;
      if (faultCode) {
        results.push(
          errorResult({
            code: faultCode,
            message: 'invalid data',
            details: { api_name: 'id', json_path: `$.data[${i}].id`, id: before?.id },
          }),
        );
        return;
      }
      const applied = applyRecord(org, module, input, i, before?.data);
      if (!applied.ok) {
        results.push(errorResult(applied.error));
        return;
      }
      const saved = persistRecord(org, module, applied.data, before, new Set(Object.keys(input)));
      written.push({ module: module.apiName, operation: before ? 'update' : 'create', record: saved });
      const result = successResult(saved, before ? 'record updated' : 'record added');
      results.push(
        mode === 'upsert'
          ? { ...result, action: before ? 'update' : 'insert', duplicate_field: duplicateField }
          : result,
      );
    });
  });

  const successes = written.length;
  const status = successes === batch.length ? (mode === 'insert' ? 201 : 200) : successes === 0 ? 400 : 207;
  return { status, results, written, fireWorkflows: workflows };
}
