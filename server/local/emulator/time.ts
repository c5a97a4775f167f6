/**
 * Zoho's date and time formats. The org has one time zone (the config's `utcOffset`, +09:00 by default);
 * every datetime the emulator returns is ISO 8601 in that offset with second precision, e.g.
 * `2024-05-01T19:00:00+09:00`, as Zoho does. Dates are `yyyy-MM-dd`.
 */

export type OffsetMinutes = number;

/** `+09:00` → 540; `Z` → 0. Throws on anything else (a config error, caught at start). */
export function parseOffset(text: string): OffsetMinutes {
  if (text === 'Z') return 0;
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a UTC offset: ${text}`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatOffset(offset: OffsetMinutes): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const dayCache = new Map<number, string>();

/** `yyyy-MM-dd` of a UTC day number (days since the epoch), cached: bulk generation formats millions. */
function dayText(day: number): string {
  let text = dayCache.get(day);
  if (text === undefined) {
    const d = new Date(day * 86_400_000);
    text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(day, text);
  }
  return text;
}

/** Epoch milliseconds → `2024-05-01T19:00:00+09:00` (seconds precision, like Zoho). */
export function formatDateTime(ms: number, offset: OffsetMinutes): string {
  const local = Math.floor(ms / 1000) + offset * 60;
  const day = Math.floor(local / 86_400);
  const sec = local - day * 86_400;
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  return `${dayText(day)}T${pad(h)}:${pad(m)}:${pad(sec % 60)}${formatOffset(offset)}`;
}

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 datetime with an explicit offset (`Z` or `±hh:mm`) → epoch ms; `null` when the text is
 * not one. Zoho rejects datetimes without an offset, and so do we.
 */
export function parseDateTime(text: string): number | null {
  const fast = parseCanonical(text);
  if (fast !== null) return fast;
  const m = DATETIME_RE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, off] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59) return null;
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s ?? 0));
  const check = new Date(utc);
  if (check.getUTCDate() !== day) return null;
  return utc - parseOffset(off ?? 'Z') * 60_000;
}

const DIGITS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** The canonical `yyyy-MM-ddTHH:mm:ss±hh:mm` without the general regex (the hot path of bulk loads). */
function parseCanonical(text: string): number | null {
  if (text.length !== 25 || !DIGITS.test(text)) return null;
  const n = (from: number, len: number) => Number(text.slice(from, from + len));
  const [y, mo, d, h, mi, s] = [n(0, 4), n(5, 2), n(8, 2), n(11, 2), n(14, 2), n(17, 2)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(utc).getUTCDate() !== d) return null;
  const offset = (n(20, 2) * 60 + n(23, 2)) * (text.charAt(19) === '-' ? -1 : 1);
  return utc - offset * 60_000;
}

/** Whether `text` already is the org's canonical spelling of a datetime. */
export function isCanonicalDateTime(text: string, offset: OffsetMinutes): boolean {
  return text.length === 25 && text.endsWith(formatOffset(offset)) && parseCanonical(text) !== null;
}

/** Any datetime Zoho would accept → the org's canonical spelling; `null` when invalid. */
export function normaliseDateTime(text: string, offset: OffsetMinutes): string | null {
  const ms = parseDateTime(text);
  return ms === null ? null : formatDateTime(ms, offset);
}

export function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** The org-local calendar date of an instant, `yyyy-MM-dd`. */
export function formatDate(ms: number, offset: OffsetMinutes): string {
  return formatDateTime(ms, offset).slice(0, 10);
}

/** `If-Modified-Since` as Zoho takes it: ISO 8601 (with offset) or an HTTP date. */
export function parseHttpOrIsoDate(text: string): number | null {
  const iso = parseDateTime(text.trim());
  if (iso !== null) return iso;
  const http = Date.parse(text);
  return Number.isNaN(http) ? null : http;
}
