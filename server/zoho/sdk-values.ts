/**
 * Between the SDK's objects and Zoho's JSON. The engine and the mirror keep records exactly as the
 * REST API returns them (DESIGN §3); the SDK hands back Record/Choice/bigint/Date objects, so each
 * value is turned back using the field's Zoho data type (a date and a datetime are both `Date`).
 */
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-6.0';
import { parseInstant, utcSecondsText } from '../../shared/model/time';

/** Zoho `data_type` per field API name, for one module. */
export type FieldTypes = Map<string, string>;

export function toPlainRecord(record: unknown, types: FieldTypes): Record<string, unknown> & { id: string } {
  const out = toPlain(record, types, undefined) as Record<string, unknown>;
  return { ...out, id: String(out.id ?? '') };
}

function toPlain(value: unknown, types: FieldTypes, field: string | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return formatDate(value, field ? types.get(field) : undefined);
  if (value instanceof ZOHOCRMSDK.Choice) return toPlain(value.getValue(), types, field);
  if (Array.isArray(value)) return value.map((v) => toPlain(v, types, field));
  if (value instanceof Map) return mapToPlain(value, types);
  if (typeof value === 'object') {
    const o = value as { getKeyValues?: () => Map<string, unknown> };
    if (typeof o.getKeyValues === 'function') return mapToPlain(o.getKeyValues(), types);
    return gettersToPlain(value as Record<string, unknown>);
  }
  return value;
}

/**
 * A record as Zoho's JSON (read raw, sdk-raw.ts) in the form `toPlainRecord` gives: datetimes in UTC
 * (`…+00:00`; Zoho answers in the org's zone), in subform rows too. In place: the row is ours.
 */
export function normaliseRawRecord(row: Record<string, unknown>, types: FieldTypes): void {
  for (const k in row) {
    const v = row[k];
    if (typeof v === 'string') {
      if (types.get(k) === 'datetime') row[k] = utcDateTime(v);
    } else if (Array.isArray(v) && types.get(k) === 'subform') {
      for (const sub of v)
        if (sub && typeof sub === 'object') normaliseRawRecord(sub as Record<string, unknown>, types);
    }
  }
}

function utcDateTime(v: string): string {
  if (v.endsWith('+00:00')) return v;
  // Zoho's shape (`2026-11-26T18:00:00+09:00`) read by position; Date.parse for anything else.
  const zoho = v.length === 25 && (v[19] === '+' || v[19] === '-');
  const ms = (zoho ? parseInstant(v) : null) ?? Date.parse(v);
  return Number.isNaN(ms) ? v : `${utcSecondsText(ms)}+00:00`;
}

function mapToPlain(map: Map<string, unknown>, types: FieldTypes): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of map) out[k] = toPlain(v, types, k);
  return out;
}

/** SDK models without a key-value map (MinifiedUser …) keep plain own properties. */
function gettersToPlain(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'keyModified') continue;
    out[k] =
      typeof v === 'bigint'
        ? v.toString()
        : v instanceof Date
          ? Number.isNaN(v.getTime())
            ? UNPARSEABLE_DATE
            : v.toISOString()
          : v;
  }
  return out;
}

/** What an unparseable date-time from the CRM becomes: the normaliser reports it as a data issue. */
export const UNPARSEABLE_DATE = 'unparseable date';

function formatDate(d: Date, type: string | undefined): string {
  // The SDK turns a value it cannot parse into an Invalid Date; one such record must not fail the
  // whole read (toISOString would throw for the page).
  if (Number.isNaN(d.getTime())) return UNPARSEABLE_DATE;
  return type === 'date' ? d.toISOString().slice(0, 10) : `${d.toISOString().slice(0, 19)}+00:00`;
}

/** A JSON value as the SDK wants it for a field of the given Zoho data type. */
export function toSdkValue(value: unknown, type: string | undefined): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'picklist':
      return new ZOHOCRMSDK.Choice(String(value));
    case 'multiselectpicklist':
      return (Array.isArray(value) ? value : [value]).map((v) => new ZOHOCRMSDK.Choice(String(v)));
    case 'date':
      return new Date(`${String(value)}T00:00:00Z`);
    case 'datetime':
      return new Date(String(value));
    case 'integer':
    case 'bigint':
      return Math.round(Number(value));
    case 'double':
    case 'currency':
    case 'percent':
    case 'decimal':
      return Number(value);
    case 'ownerlookup': {
      // Owner is a user: the SDK accepts only its MinifiedUser here (a Record is refused).
      const user = new ZOHOCRMSDK.Users.MinifiedUser();
      const id =
        typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : value;
      user.setId(BigInt(String(id)));
      return user;
    }
    case 'lookup': {
      const rec = new ZOHOCRMSDK.Record.Record();
      const id =
        typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : value;
      rec.setId(BigInt(String(id)));
      return rec;
    }
    default:
      return value;
  }
}
