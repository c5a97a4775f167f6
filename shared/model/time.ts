/**
 * Time without a clock: instants are epoch ms, calendar dates are `YYYY-MM-DD` in the org's UTC
 * offset. Nothing here reads the machine's time zone, so the engine gives the same answer anywhere.
 */
import type { Instant, LocalDate } from './types';

export const DAY_MS = 86_400_000;

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `+09:00` → 540 (minutes east of UTC). */
export function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * An ISO 8601 datetime → instant. A value without an offset is read in `defaultOffset` (Zoho always
 * sends one; hand-written datasets may not). Invalid calendar values → null.
 */
export function parseInstant(value: string, defaultOffset = 0): Instant | null {
  const m = DATETIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, off] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  if (
    !sameCalendar(utc, Number(y), Number(mo), Number(d)) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s ?? 0) > 59
  ) {
    return null;
  }
  const offset = off === undefined ? defaultOffset : off === 'Z' ? 0 : offsetMinutes(off);
  return (utc - offset * 60_000) as Instant;
}

/** `YYYY-MM-DD` that names a real day → itself, branded; anything else → null. */
export function parseLocalDate(value: string): LocalDate | null {
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return sameCalendar(utc, Number(m[1]), Number(m[2]), Number(m[3])) ? (value.trim() as LocalDate) : null;
}

function sameCalendar(utc: number, y: number, mo: number, d: number): boolean {
  const date = new Date(utc);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The calendar day an instant falls on at the given offset. */
export function localDateOf(t: Instant, offset: number): LocalDate {
  return new Date(t + offset * 60_000).toISOString().slice(0, 10) as LocalDate;
}

/** 00:00 of a calendar day at the given offset. */
export function startOfLocalDay(date: LocalDate, offset: number): Instant {
  return (Date.parse(`${date}T00:00:00Z`) - offset * 60_000) as Instant;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10) as LocalDate;
}

/**
 * Whether `t` lies in the last `days` days up to `asOf`: `asOf − days·24h < t ≤ asOf`.
 * The future (after `asOf`) is never in a window.
 */
export function inWindow(t: Instant, asOf: Instant, days: number): boolean {
  return t <= asOf && t > asOf - days * DAY_MS;
}

/** Whether a calendar day is one of the last `days` days, the day of `asOf` included. */
export function dateInWindow(date: LocalDate, asOfDate: LocalDate, days: number): boolean {
  return date <= asOfDate && date > windowStartDate(asOfDate, days);
}

/** The day before a window's first day; memoised (the same few windows are asked thousands of times). */
const windowStarts = new Map<string, LocalDate>();
function windowStartDate(asOfDate: LocalDate, days: number): LocalDate {
  const key = `${asOfDate}|${days}`;
  let start = windowStarts.get(key);
  if (start === undefined) {
    if (windowStarts.size > 1000) windowStarts.clear();
    start = addDays(asOfDate, -days);
    windowStarts.set(key, start);
  }
  return start;
}

/** First day of the fiscal year containing `date` (fiscal years start on day 1 of `startMonth`). */
export function fiscalYearStart(date: LocalDate, startMonth: number): LocalDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return `${startYear}-${String(startMonth).padStart(2, '0')}-01` as LocalDate;
}

/** An instant as Zoho writes datetimes: `2026-11-26T12:00:00+09:00` in the given offset. */
export function formatInstant(t: Instant, offset: number): string {
  const local = new Date(t + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
