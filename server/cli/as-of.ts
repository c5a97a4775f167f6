/**
 * `--as-of` as the CLIs read it: an ISO 8601 datetime, or a date meaning the end of that day in the
 * config's UTC offset; absent = now.
 */
import { DAY_MS, parseInstant, parseLocalDate, startOfLocalDay } from '../../shared/model/time';
import type { Instant } from '../../shared/model/types';
import { AppError } from '../errors';

export function parseAsOf(value: string | undefined, offset: number, now: () => number = Date.now): Instant {
  if (value === undefined) return now() as Instant;
  const day = parseLocalDate(value);
  if (day) return (startOfLocalDay(day, offset) + DAY_MS - 1) as Instant;
  const t = parseInstant(value, offset);
  if (t === null)
    throw new AppError(
      'BAD_INPUT',
      `--as-of "${value}" is not an ISO 8601 date or datetime (e.g. 2026-11-26 or 2026-11-26T09:00:00+09:00)`,
    );
  return t;
}
