/**
 * One record of a write applied onto its current state (or `{}` for an insert): every known field
 * checked and normalised, read-only and unknown fields ignored (as Zoho ignores them), subform rows
 * replaced by the rows given, and the mandatory fields checked on insert. Pure apart from id
 * allocation and the store look-ups of lookups.
 */
import type { FieldDef, ModuleDef } from '../metadata/types';
import type { Org } from '../org';
import type { RecordData } from '../store/record-store';
import { MAX_SUBFORM_ROWS } from '../metadata/create';
import { checkValue, invalid, type RecordError } from './validate';

export type Applied = { ok: true; data: RecordData } | { ok: false; error: RecordError };

const mandatory = (apiName: string, jsonPath: string): RecordError => ({
  code: 'MANDATORY_NOT_FOUND',
  message: 'required field not found',
  details: { api_name: apiName, json_path: jsonPath },
});

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

function applySubform(
  org: Org,
  f: FieldDef,
  rows: unknown[],
  current: unknown,
  path: string,
): { ok: true; rows: RecordData[] } | { ok: false; error: RecordError } {
  const sub = f.subform ? org.catalog.module(f.subform) : undefined;
  if (!sub) return { ok: true, rows: [] };
  const existing = new Map(
    ((Array.isArray(current) ? current : []) as RecordData[]).map((r) => [String(r.id), r]),
  );
  const out: RecordData[] = [];
  for (const [j, row] of rows.entries()) {
    const at = `${path}[${j}]`;
    if (!row || typeof row !== 'object' || Array.isArray(row))
      return { ok: false, error: invalid(f.apiName, at, { expected_data_type: 'jsonobject' }) };
    const input = row as RecordData;
    if ('_delete' in input) continue;
    let base: RecordData = {};
    if (input.id !== undefined) {
      const prev = existing.get(String(input.id));
      if (!prev)
        return { ok: false, error: invalid('id', `${at}.id`, {}, 'the id given seems to be invalid') };
      base = { ...prev };
    }
    const next: RecordData = { ...base, id: base.id ?? org.newRecordId() };
    for (const [key, raw] of Object.entries(input)) {
      const col = sub.fields.find((c) => c.apiName === key);
      if (!col || col.readOnly) continue;
      if (isEmpty(raw)) {
        delete next[key];
        continue;
      }
      const c = checkValue(org, col, raw, `${at}.${key}`);
      if (!c.ok) return c;
      next[key] = c.value;
    }
    out.push(next);
  }
  // "Each record's subform can have a maximum of 100 subform records" (Subforms API v2.1/v8); a write
  // replaces the rows, so the rows sent (less those marked _delete) are the rows the record keeps.
  if (out.length > MAX_SUBFORM_ROWS)
    return {
      ok: false,
      error: {
        code: 'LIMIT_EXCEEDED',
        message: `a subform can have at most ${MAX_SUBFORM_ROWS} rows a record`,
        details: { api_name: f.apiName, json_path: path, limit: MAX_SUBFORM_ROWS },
      },
    };
  return { ok: true, rows: out };
}

/**
 * @param input  the record as sent; `index` is its position in `data` (for json_path)
 * @param current the stored record (update) or `undefined` (insert)
 */
export function applyRecord(
  org: Org,
  module: ModuleDef,
  input: RecordData,
  index: number,
  current: RecordData | undefined,
): Applied {
  const path = `$.data[${index}]`;
  const data: RecordData = current ? { ...current } : {};
  const seModuleRaw = input.$se_module;
  if (seModuleRaw !== undefined) {
    const target = typeof seModuleRaw === 'string' ? org.catalog.recordModule(seModuleRaw) : undefined;
    if (!target || !org.catalog.whatIdModules().includes(target.apiName))
      return { ok: false, error: invalid('$se_module', `${path}.$se_module`) };
    data.$se_module = target.apiName;
  }
  for (const [key, raw] of Object.entries(input)) {
    if (key === 'id' || key.startsWith('$')) continue;
    const f = org.catalog.field(module, key);
    if (!f || f.readOnly) continue;
    const at = `${path}.${key}`;
    if (isEmpty(raw)) {
      if (f.mandatory && current) return { ok: false, error: mandatory(key, at) };
      delete data[key];
      if (f.lookup === 'se_module') delete data.$se_module;
      continue;
    }
    if (f.dataType === 'subform') {
      if (!Array.isArray(raw))
        return { ok: false, error: invalid(key, at, { expected_data_type: 'jsonarray' }) };
      const s = applySubform(org, f, raw, data[key], at);
      if (!s.ok) return s;
      data[key] = s.rows;
      continue;
    }
    const seModule = typeof data.$se_module === 'string' ? data.$se_module : undefined;
    if (f.lookup === 'se_module' && !seModule)
      return { ok: false, error: mandatory('$se_module', `${path}.$se_module`) };
    const c = checkValue(org, f, raw, at, seModule);
    if (!c.ok) return c;
    data[key] = c.value;
  }
  if (!current) {
    const missing = module.fields.find(
      (f) => f.mandatory && !f.readOnly && isEmpty(data[f.apiName]) && requiredOnInsert(org, module, f, data),
    );
    if (missing) return { ok: false, error: mandatory(missing.apiName, `${path}.${missing.apiName}`) };
  }
  return { ok: true, data };
}

/** Zoho asks for Call_Duration only for completed calls (start in the past, not missed). */
function requiredOnInsert(org: Org, module: ModuleDef, f: FieldDef, data: RecordData): boolean {
  if (module.apiName !== 'Calls' || f.apiName !== 'Call_Duration') return true;
  const start = typeof data.Call_Start_Time === 'string' ? Date.parse(data.Call_Start_Time) : NaN;
  return data.Call_Type !== 'Missed' && !Number.isNaN(start) && start <= org.now();
}
