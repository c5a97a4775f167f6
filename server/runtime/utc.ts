/**
 * The process clock zone. The Zoho SDK tells a date from a datetime by local midnight when it
 * serialises a value, so it must run in UTC: a date-only value is then never sent as a datetime (and
 * vice versa) whatever the host's zone is. Each entry point that can initialise the SDK says so once,
 * first thing (`useUtc()`); the SDK initialiser only checks (`assertUtc()`), it sets nothing.
 */
import { AppError } from '../errors';

/** Run this process in UTC (call at the top of an entry point). */
export function useUtc(): void {
  process.env.TZ = 'UTC';
}

/** Throws when the process is not in UTC (an entry point that forgot `useUtc()`). */
export function assertUtc(): void {
  const offsets = [new Date(2020, 0, 1), new Date(2020, 6, 1)].map((d) => d.getTimezoneOffset());
  if (offsets.some((o) => o !== 0))
    throw new AppError(
      'INTERNAL',
      `the Zoho SDK must run in UTC (TZ is ${process.env.TZ ?? 'unset'}): call useUtc() at the entry point`,
    );
}
