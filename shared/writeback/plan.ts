/**
 * The write-back plan: compare what the CRM holds with what the engine wants and keep only the
 * values that differ (writes cost credits; an unchanged value is never written — DESIGN §8).
 */
import { parseInstant } from '../model/time';
import type { FieldValues } from './project';

export interface RecordUpdate {
  id: string;
  fields: FieldValues;
}

export interface WriteBackPlan {
  updates: RecordUpdate[];
  unchanged: number;
}

export interface PlannedRecord {
  id: string;
  current: Record<string, unknown>;
  desired: FieldValues;
  /** Written only together with a change (e.g. Insight_Updated_At). */
  withChange?: FieldValues;
}

/** Per record: the fields whose value differs; records with none are counted as unchanged. */
export function planWriteBack(records: readonly PlannedRecord[]): WriteBackPlan {
  const updates: RecordUpdate[] = [];
  let unchanged = 0;
  for (const r of records) {
    const changed = diffFields(r.current, r.desired);
    if (Object.keys(changed).length === 0) unchanged++;
    else updates.push({ id: r.id, fields: { ...changed, ...r.withChange } });
  }
  return { updates, unchanged };
}

/** The desired fields whose value is not equal to the current one (see `sameValue`). */
export function diffFields(current: Record<string, unknown>, desired: FieldValues): FieldValues {
  const out: FieldValues = {};
  for (const [field, value] of Object.entries(desired)) {
    if (!sameValue(current[field], value)) out[field] = value;
  }
  return out;
}

/**
 * Equality as Zoho stores values: empty, null and missing are the same; numbers compare by value
 * (`"12.50"` = 12.5); text ignores trailing whitespace and CRLF vs LF; datetimes compare as
 * instants, so `09:00+09:00` equals `00:00Z`.
 */
export function sameValue(current: unknown, desired: unknown): boolean {
  const a = empty(current) ? null : current;
  const b = empty(desired) ? null : desired;
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) < 1e-9;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a) === String(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const x = normaliseText(a);
    const y = normaliseText(b);
    if (x === y) return true;
    const ta = x.includes('T') ? parseInstant(x) : null;
    const tb = y.includes('T') ? parseInstant(y) : null;
    return ta !== null && ta === tb;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function empty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function normaliseText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trimEnd();
}
