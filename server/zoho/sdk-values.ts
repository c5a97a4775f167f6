/**
 * Between the SDK's objects and Zoho's JSON. The engine and the mirror keep records exactly as the
 * REST API returns them (DESIGN §3): reads come back as Zoho's JSON (sdk-raw.ts) with datetimes made
 * UTC here; writes turn each JSON value into the SDK's object for the field's Zoho data type.
 */
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-6.0';
import { parseInstant, utcSecondsText } from '../../shared/model/time';

/** Zoho `data_type` per field API name, for one module. */
export type FieldTypes = Map<string, string>;

/**
 * A record as Zoho's JSON (read raw, sdk-raw.ts) in the form the SDK's objects gave (test/support/sdk-objects.ts): datetimes in UTC
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
