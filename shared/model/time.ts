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
  // Zoho's own shape (`2026-11-26T18:00:00+09:00`, or `…Z`) read by position: a full sync parses a
  // few hundred thousand of them (issue 14). Anything else goes through the pattern below.
  const fast = zohoInstant(value);
  if (fast !== undefined) return fast;
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
  // Zoho's shape read by position (a full sync reads tens of thousands); anything else (spaces
  // around it, another shape, a year before 100) goes through the pattern below.
  const fast = utcMidnight(value);
  if (fast !== undefined) return fast === null ? null : (value as LocalDate);
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return sameCalendar(utc, Number(m[1]), Number(m[2]), Number(m[3])) ? (value.trim() as LocalDate) : null;
}

/**
 * `YYYY-MM-DD` → 00:00 UTC of that day, read by position: null when there is no such day,
 * undefined for another shape or a year before 100 (which `Date.UTC` reads as 19xx).
 */
function utcMidnight(v: string): number | null | undefined {
  if (v.length !== 10 || v[4] !== '-' || v[7] !== '-') return undefined;
  const y1 = digits2(v, 0);
  const y2 = digits2(v, 2);
  const mo = digits2(v, 5);
  const d = digits2(v, 8);
  if (y1 < 1 || y2 < 0 || mo < 0 || d < 0) return undefined;
  const y = y1 * 100 + y2;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return Date.UTC(y, mo - 1, d);
}

/**
 * `YYYY-MM-DDTHH:MM:SS±HH:MM`, `…SSZ` or `toISOString`'s `…SS.sssZ` → instant (null when no such
 * time); undefined: another shape.
 */
function zohoInstant(v: string): Instant | null | undefined {
  const n = v.length;
  if (
    (n !== 25 && n !== 20 && n !== 24) ||
    v[4] !== '-' ||
    v[7] !== '-' ||
    v[10] !== 'T' ||
    v[13] !== ':' ||
    v[16] !== ':'
  )
    return undefined;
  const y1 = digits2(v, 0);
  const y2 = digits2(v, 2);
  const mo = digits2(v, 5);
  const d = digits2(v, 8);
  const h = digits2(v, 11);
  const mi = digits2(v, 14);
  const s = digits2(v, 17);
  const y = y1 * 100 + y2;
  let offset = 0;
  let ms = 0;
  if (n === 20) {
    if (v[19] !== 'Z') return undefined;
  } else if (n === 24) {
    // milliseconds: three digits
    const first = digits2(v, 20);
    const last = v.charCodeAt(22) - 48;
    if (v[19] !== '.' || v[23] !== 'Z' || first < 0 || last < 0 || last > 9) return undefined;
    ms = first * 10 + last;
  } else {
    const sign = v[19] === '+' ? 1 : v[19] === '-' ? -1 : 0;
    const oh = digits2(v, 20);
    const om = digits2(v, 23);
    if (sign === 0 || v[22] !== ':' || oh < 0 || om < 0) return undefined;
    offset = sign * (oh * 60 + om);
  }
  // a digit missing, or a year Date.UTC would read as 19xx: the pattern's path decides
  if (y1 < 1 || y2 < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  return (Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000) as Instant;
}

/**
 * An instant as `YYYY-MM-DDTHH:MM:SS` in UTC — `toISOString().slice(0, 19)` without a Date (a full
 * sync writes a few hundred thousand, issue 14): days to a civil date by Hinnant's algorithm. Years
 * 0000–9999; outside them, `toISOString`'s six-digit years.
 */
export function utcSecondsText(t: number): string {
  const days = Math.floor(t / DAY_MS);
  if (days < MIN_DAY || days > MAX_DAY) return new Date(t).toISOString().slice(0, 19);
  let sec = Math.floor((t - days * DAY_MS) / 1000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const h = Math.floor(sec / 3600);
  sec -= h * 3600;
  const mi = Math.floor(sec / 60);
  sec -= mi * 60;
  const p = TWO_DIGITS;
  return `${p[Math.floor(y / 100)]}${p[y % 100]}-${p[mo]}-${p[d]}T${p[h]}:${p[mi]}:${p[sec]}`;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
/** The days (since 1970) of 0000-01-01 and 9999-12-31. */
const MIN_DAY = -719_528;
const MAX_DAY = 2_932_896;

/** Two ASCII digits at `i` as a number, or -1. */
function digits2(v: string, i: number): number {
  const a = v.charCodeAt(i) - 48;
  const b = v.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
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
  return (midnightOf(date) - offset * 60_000) as Instant;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(midnightOf(date) + days * DAY_MS).toISOString().slice(0, 10) as LocalDate;
}

/** `Date.parse(`${date}T00:00:00Z`)`, by position when the date is a real day (most are). */
function midnightOf(date: string): number {
  return utcMidnight(date) ?? Date.parse(`${date}T00:00:00Z`);
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
