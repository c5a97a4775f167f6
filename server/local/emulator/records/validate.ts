/**
 * One field value of a write, checked and normalised the way Zoho stores it: numbers as numbers,
 * datetimes in the org's offset, picklists against their values, lookups against existing records
 * (stored as `{ name, id }`). A bad value yields Zoho's per-record INVALID_DATA with `api_name`,
 * `json_path` and, for type errors, `expected_data_type`.
 */
import type { FieldDef } from '../metadata/types';
import type { Org } from '../org';
import { isValidDate, normaliseDateTime } from '../time';

export interface RecordError {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export type Checked = { ok: true; value: unknown } | { ok: false; error: RecordError };

const EXPECTED: Record<string, string> = {
  text: 'text',
  textarea: 'textarea',
  email: 'email',
  phone: 'phone',
  website: 'website',
  integer: 'integer',
  bigint: 'bigint',
  double: 'double',
  currency: 'currency',
  percent: 'percent',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  picklist: 'text',
  multiselectpicklist: 'jsonarray',
  lookup: 'jsonobject',
  ownerlookup: 'jsonobject',
  subform: 'jsonarray',
  participants: 'jsonarray',
};

export function invalid(
  field: string,
  jsonPath: string,
  extra: Record<string, unknown> = {},
  message = 'invalid data',
): RecordError {
  return { code: 'INVALID_DATA', message, details: { ...extra, api_name: field, json_path: jsonPath } };
}

const typeError = (f: FieldDef, path: string): Checked => ({
  ok: false,
  error: invalid(f.apiName, path, { expected_data_type: EXPECTED[f.dataType] }),
});
const ok = (value: unknown): Checked => ({ ok: true, value });

/** The id a lookup value names: `"id"`, a number, or `{ id }` (Zoho takes all three on writes). */
function lookupId(v: unknown): string | null {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return String(v);
  if (v != null && typeof v === 'object' && !Array.isArray(v) && 'id' in v) {
    const id = (v as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

function checkText(f: FieldDef, raw: unknown, path: string): Checked {
  if (typeof raw !== 'string') return typeError(f, path);
  if (f.length !== undefined && [...raw].length > f.length) {
    return { ok: false, error: invalid(f.apiName, path, { maximum_length: f.length }) };
  }
  if (f.dataType === 'email' && raw !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) {
    return { ok: false, error: invalid(f.apiName, path, { expected_data_type: 'email' }) };
  }
  return ok(raw);
}

function checkPicklist(f: FieldDef, raw: unknown, path: string): Checked {
  if (typeof raw !== 'string') return typeError(f, path);
  const match = f.picklist?.find((o) => o.actual === raw || o.display === raw);
  return match ? ok(match.display) : { ok: false, error: invalid(f.apiName, path) };
}

/** Lookups: the id must name a record of the target module (What_Id: of `$se_module`). */
function checkLookup(
  org: Org,
  f: FieldDef,
  raw: unknown,
  path: string,
  seModule: string | undefined,
): Checked {
  const id = lookupId(raw);
  if (id === null) return typeError(f, path);
  const target = f.lookup === 'se_module' ? seModule : f.lookup;
  if (!target) return { ok: false, error: invalid('$se_module', path.replace(/[^.[\]]+$/, '$se_module')) };
  const found = org.store.nameOf(id);
  if (!found || found.module !== org.catalog.module(target)?.apiName) {
    return { ok: false, error: invalid(f.apiName, path, { id }, 'the related id given seems to be invalid') };
  }
  return ok({ name: found.name, id });
}

/** Name and email of a participant: a contact or lead record, a user, or a bare email address. */
function participantIdentity(
  org: Org,
  type: string,
  id: string,
): { name: string | null; email: string | null } | null {
  if (type === 'email') return { name: null, email: id };
  if (type === 'user') {
    const u = org.users.ref(id);
    return u ? { name: u.name, email: u.email } : null;
  }
  const found = org.store.get(id);
  if (!found || found.module !== (type === 'contact' ? 'Contacts' : 'Leads')) return null;
  return {
    name: (found.data.Full_Name as string | undefined) ?? null,
    email: (found.data.Email as string | undefined) ?? null,
  };
}

function checkParticipants(org: Org, f: FieldDef, raw: unknown, path: string): Checked {
  if (!Array.isArray(raw)) return typeError(f, path);
  const rows: object[] = [];
  for (const [i, p] of raw.entries()) {
    const at = `${path}[${i}]`;
    if (!p || typeof p !== 'object')
      return { ok: false, error: invalid(f.apiName, at, { expected_data_type: 'jsonobject' }) };
    const { type, participant } = p as { type?: unknown; participant?: unknown };
    if (type !== 'contact' && type !== 'lead' && type !== 'user' && type !== 'email') {
      return {
        ok: false,
        error: invalid('type', `${at}.type`, { supported_values: ['contact', 'lead', 'user', 'email'] }),
      };
    }
    if (typeof participant !== 'string' && typeof participant !== 'number')
      return { ok: false, error: invalid('participant', `${at}.participant`) };
    const pid = String(participant);
    const who = participantIdentity(org, type, pid);
    if (!who) return { ok: false, error: invalid('participant', `${at}.participant`) };
    const { name, email } = who;
    const prev = p as { id?: unknown; invited?: unknown; status?: unknown };
    rows.push({
      name,
      Email: email,
      invited: prev.invited === true,
      type,
      participant: pid,
      status: typeof prev.status === 'string' ? prev.status : 'not_known',
      id: typeof prev.id === 'string' ? prev.id : org.newRecordId(),
    });
  }
  return ok(rows);
}

/** `raw` is not null/undefined here; clearing a field is handled by the caller. */
export function checkValue(org: Org, f: FieldDef, raw: unknown, path: string, seModule?: string): Checked {
  switch (f.dataType) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'phone':
    case 'website':
      return checkText(f, raw, path);
    case 'integer':
      return typeof raw === 'number' && Number.isInteger(raw) && Math.abs(raw) <= 2147483647
        ? ok(raw)
        : typeError(f, path);
    case 'bigint':
      return (typeof raw === 'number' && Number.isSafeInteger(raw)) ||
        (typeof raw === 'string' && /^-?\d{1,18}$/.test(raw))
        ? ok(typeof raw === 'string' ? raw : String(raw))
        : typeError(f, path);
    case 'double':
    case 'currency':
    case 'percent':
      return typeof raw === 'number' && Number.isFinite(raw) ? ok(raw) : typeError(f, path);
    case 'boolean':
      return typeof raw === 'boolean' ? ok(raw) : typeError(f, path);
    case 'date':
      return typeof raw === 'string' && isValidDate(raw) ? ok(raw) : typeError(f, path);
    case 'datetime': {
      const v = typeof raw === 'string' ? normaliseDateTime(raw, org.tz) : null;
      return v === null ? typeError(f, path) : ok(v);
    }
    case 'picklist':
      return checkPicklist(f, raw, path);
    case 'multiselectpicklist': {
      if (!Array.isArray(raw)) return typeError(f, path);
      const out: string[] = [];
      for (const [i, v] of raw.entries()) {
        const c = checkPicklist(f, v, `${path}[${i}]`);
        if (!c.ok) return c;
        out.push(c.value as string);
      }
      return ok(out);
    }
    case 'lookup':
      return checkLookup(org, f, raw, path, seModule);
    case 'ownerlookup': {
      const id = lookupId(raw);
      if (id === null) return typeError(f, path);
      const ref = org.users.ref(id);
      return ref
        ? ok(ref)
        : { ok: false, error: invalid(f.apiName, path, { id }, 'the related id given seems to be invalid') };
    }
    case 'participants':
      return checkParticipants(org, f, raw, path);
    case 'subform':
      return Array.isArray(raw) ? ok(raw) : typeError(f, path);
  }
}
