/** Numbers, money, shares and dates for display, in the UI language. No KPI math here. */
import type { Lang } from './lang';

const locale = (lang: Lang) => (lang === 'ja' ? 'ja-JP' : 'en-US');

export function formatCount(n: number | null, lang: Lang): string {
  if (n == null) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(n);
}

export function formatMoney(n: number | null, currency: string, lang: Lang): string {
  if (n == null) return '—';
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(n);
}

/** A 0..1 share as a percentage. */
export function formatShare(share: number | null, lang: Lang): string {
  if (share == null) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** An instant (epoch ms) as a date in the org's offset (minutes east of UTC), e.g. 2026/11/20. */
export function formatDay(t: number | null, offsetMinutes: number): string {
  if (t == null) return '—';
  return new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 10).replace(/-/g, '/');
}

/** `YYYY-MM-DD` as shown (the same in both languages, as Zoho does for ja/en orgs). */
export function formatLocalDate(date: string | null): string {
  return date ? date.replace(/-/g, '/') : '—';
}
