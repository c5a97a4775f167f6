/**
 * An SDK model object (Record, User, …) back as Zoho's JSON: the oracle the raw reads are compared
 * with (test/zoho/sdk-raw.test.ts) — what the gateway returned when it read through the SDK's objects.
 * Each value is turned back using the field's Zoho data type (a date and a datetime are both `Date`).
 */
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-6.0';
import type { FieldTypes } from '../../server/zoho/sdk-values';

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

/** What the SDK's unparseable date-time became (the normaliser reports it as a data issue). */
const UNPARSEABLE_DATE = 'unparseable date';

function formatDate(d: Date, type: string | undefined): string {
  // The SDK turns a value it cannot parse into an Invalid Date; one such record must not fail the
  // whole read (toISOString would throw for the page).
  if (Number.isNaN(d.getTime())) return UNPARSEABLE_DATE;
  return type === 'date' ? d.toISOString().slice(0, 10) : `${d.toISOString().slice(0, 19)}+00:00`;
}
