/**
 * Periods and fiscal quarters, in the org's calendar (config `utcOffset`, `fiscalYearStartMonth`).
 * A fiscal year is named by the calendar year it starts in (April 2026 – March 2027 = FY2026,
 * 2026年度), as Japanese companies name theirs.
 */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import { DAY_MS, fiscalYearStart, localDateOf, offsetMinutes, startOfLocalDay } from '../model/time';
import type { Instant, LocalDate } from '../model/types';
import type { PeriodKey } from './model';
import { once } from '../model/once';

export interface PeriodRange {
  key: PeriodKey;
  /** The first instant of the period; changes after it and up to `end` are "in the period". */
  start: Instant;
  end: Instant;
  startDate: LocalDate;
  endDate: LocalDate;
}

export interface FiscalQuarter {
  /** e.g. `FY2026-Q3`. */
  key: string;
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  start: LocalDate;
  /** The first day after the quarter. */
  end: LocalDate;
  label: Bilingual;
}

export const TRAILING_DAYS = 90;

/**
 * The period up to `asOf`: this fiscal quarter or fiscal year from its first day (00:00 in the org's
 * offset), or the trailing 90 × 24 h.
 */
export function periodRange(key: PeriodKey, asOf: Instant, config: SalesProcessConfig): PeriodRange {
  const offset = offsetMinutes(config.utcOffset);
  const today = localDateOf(asOf, offset);
  const start =
    key === 'trailing_90d'
      ? ((asOf - TRAILING_DAYS * DAY_MS) as Instant)
      : startOfLocalDay(
          key === 'quarter'
            ? fiscalQuarterOf(today, config.fiscalYearStartMonth).start
            : fiscalYearStart(today, config.fiscalYearStartMonth),
          offset,
        );
  return { key, start, end: asOf, startDate: localDateOf(start, offset), endDate: today };
}

/** The fiscal quarter a calendar day falls in. */
export function fiscalQuarterOf(date: LocalDate, startMonth: number): FiscalQuarter {
  const fyStart = fiscalYearStart(date, startMonth);
  const fiscalYear = Number(fyStart.slice(0, 4));
  const monthsIn = monthIndex(date) - monthIndex(fyStart);
  const quarter = (Math.floor(monthsIn / 3) + 1) as FiscalQuarter['quarter'];
  return quarterOf(fiscalYear, quarter, startMonth);
}

/** `count` consecutive fiscal quarters from the one containing `date`. */
export function fiscalQuarters(date: LocalDate, startMonth: number, count: number): FiscalQuarter[] {
  const out: FiscalQuarter[] = [];
  let q = fiscalQuarterOf(date, startMonth);
  for (let i = 0; i < count; i++) {
    out.push(q);
    q = fiscalQuarterOf(q.end, startMonth);
  }
  return out;
}

function quarterOf(fiscalYear: number, quarter: FiscalQuarter['quarter'], startMonth: number): FiscalQuarter {
  const start = monthStart(fiscalYear * 12 + (startMonth - 1) + (quarter - 1) * 3);
  return {
    key: `FY${fiscalYear}-Q${quarter}`,
    fiscalYear,
    quarter,
    start,
    end: monthStart(monthIndex(start) + 3),
    label: { ja: `${fiscalYear}年度 第${quarter}四半期`, en: `FY${fiscalYear} Q${quarter}` },
  };
}

/** Whole days from `a` to `b` (calendar days; negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/**
 * daysBetween(date, to) for many dates: each distinct date worked out once and kept for this one
 * use (10,000 accounts share a few hundred Relationship_Stage_Since dates).
 */
export function daysTo(to: LocalDate): (date: LocalDate) => number {
  return once((date: LocalDate) => daysBetween(date, to));
}

function monthIndex(date: LocalDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthStart(index: number): LocalDate {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01` as LocalDate;
}
