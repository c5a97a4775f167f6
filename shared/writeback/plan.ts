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
  for (const field of Object.keys(desired)) {
    const value = desired[field] as FieldValues[string];
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
    if (a === b) return true; // most values are unchanged: no need to normalise them
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

/**
 * The plan-update history (issue 12). Zoho allows at most 100 rows in a subform of one record
 * (Subforms API), and a plan save used to re-send every `Plan_Updates` row plus one, so the 101st
 * save failed. Now:
 * - a save on a day that already has a row adds its summary to that row (the plan-update KPI counts
 *   distinct `Updated_On` dates, so one row a day loses nothing it counts);
 * - the subform keeps the newest PLAN_UPDATES_KEPT rows; older ones move to the Archived_Plan_Updates
 *   module (written first, so a failed save duplicates an archived row rather than losing it).
 * The newest 100 update days stay in the subform: KPI windows up to 100 days count exactly.
 * Existing plans migrate on their next save: whatever is over the cap is archived then.
 */
export const PLAN_UPDATES_KEPT = 100;
/** The Summary column's size (a small multi-line field). */
export const PLAN_UPDATE_SUMMARY_MAX = 2000;

export interface PlanUpdateRow {
  /** The subform row id when the row exists in the CRM. */
  id?: string;
  updatedOn: string | null;
  summary: string | null;
}

export interface PlanUpdateHistory {
  /** The rows to send as the subform (existing ones with their ids), oldest first as they were. */
  keep: PlanUpdateRow[];
  /** Rows to write to the archive module (without ids), oldest first. */
  archive: PlanUpdateRow[];
}

export function planUpdateHistory(
  existing: readonly PlanUpdateRow[],
  today: string,
  summary: string,
  limits: { keep?: number; summaryMax?: number } = {},
): PlanUpdateHistory {
  const keepMax = limits.keep ?? PLAN_UPDATES_KEPT;
  const summaryMax = limits.summaryMax ?? PLAN_UPDATE_SUMMARY_MAX;
  if (keepMax < 1) throw new Error('planUpdateHistory: keep at least one row');
  const rows = existing.map((r) => ({ ...r }));
  const archive: PlanUpdateRow[] = [];
  const sameDay = rows.findLastIndex((r) => r.updatedOn === today);
  const todays = rows[sameDay];
  if (todays) {
    const joined = todays.summary ? `${todays.summary}\n${summary}` : summary;
    if ([...joined].length <= summaryMax) todays.summary = joined;
    else {
      // The day's row is full: its text goes to the archive whole, the row starts again.
      archive.push({ updatedOn: todays.updatedOn, summary: todays.summary });
      todays.summary = summary;
    }
  } else rows.push({ updatedOn: today, summary });
  if (rows.length <= keepMax) return { keep: rows, archive };
  // Oldest first by date (no date counts as oldest), then by position.
  const byAge = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.updatedOn ?? '').localeCompare(b.r.updatedOn ?? '') || a.i - b.i);
  const out = new Set(byAge.slice(0, rows.length - keepMax).map((x) => x.i));
  for (const { r, i } of byAge) if (out.has(i)) archive.push({ updatedOn: r.updatedOn, summary: r.summary });
  return { keep: rows.filter((_, i) => !out.has(i)), archive };
}
