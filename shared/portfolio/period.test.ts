import fc from 'fast-check';
import type { SalesProcessConfig } from '../config/schema';
import type { Instant, LocalDate } from '../model/types';
import { CONFIG } from '../testing/portfolio-builders';
import { daysBetween, daysTo, fiscalQuarterOf, fiscalQuarters, periodRange } from './period';

const at = (iso: string) => Date.parse(iso) as Instant;
const withFy = (month: number): SalesProcessConfig => ({ ...CONFIG, fiscalYearStartMonth: month });

describe('fiscalQuarterOf', () => {
  it.each([
    ['2026-04-01', 4, 'FY2026-Q1', '2026-04-01', '2026-07-01'],
    ['2026-06-30', 4, 'FY2026-Q1', '2026-04-01', '2026-07-01'],
    ['2026-11-26', 4, 'FY2026-Q3', '2026-10-01', '2027-01-01'],
    ['2027-03-31', 4, 'FY2026-Q4', '2027-01-01', '2027-04-01'],
    ['2026-01-15', 1, 'FY2026-Q1', '2026-01-01', '2026-04-01'],
    ['2026-12-31', 1, 'FY2026-Q4', '2026-10-01', '2027-01-01'],
    ['2026-09-30', 10, 'FY2025-Q4', '2026-07-01', '2026-10-01'],
  ])('%s with the year starting in month %i → %s [%s, %s)', (date, month, key, start, end) => {
    expect(fiscalQuarterOf(date as LocalDate, month)).toMatchObject({ key, start, end });
  });

  it('labels in both languages', () => {
    expect(fiscalQuarterOf('2026-11-26' as LocalDate, 4).label).toEqual({
      ja: '2026年度 第3四半期',
      en: 'FY2026 Q3',
    });
  });

  it('fiscalQuarters runs on across years', () => {
    expect(fiscalQuarters('2026-11-26' as LocalDate, 4, 4).map((q) => q.key)).toEqual([
      'FY2026-Q3',
      'FY2026-Q4',
      'FY2027-Q1',
      'FY2027-Q2',
    ]);
  });
});

describe('periodRange (the org is at +09:00)', () => {
  it.each([
    ['quarter', '2026-11-26T12:00:00+09:00', 4, '2026-10-01T00:00:00+09:00', '2026-10-01'],
    ['quarter', '2026-10-01T00:30:00+09:00', 4, '2026-10-01T00:00:00+09:00', '2026-10-01'],
    // 23:30 UTC on 30 September is already 1 October in Tokyo
    ['quarter', '2026-09-30T23:30:00Z', 4, '2026-10-01T00:00:00+09:00', '2026-10-01'],
    ['fiscal_year', '2026-11-26T12:00:00+09:00', 4, '2026-04-01T00:00:00+09:00', '2026-04-01'],
    ['fiscal_year', '2027-02-01T12:00:00+09:00', 4, '2026-04-01T00:00:00+09:00', '2026-04-01'],
    ['fiscal_year', '2026-11-26T12:00:00+09:00', 1, '2026-01-01T00:00:00+09:00', '2026-01-01'],
    ['trailing_90d', '2026-11-26T12:00:00+09:00', 4, '2026-08-28T12:00:00+09:00', '2026-08-28'],
  ] as const)('%s at %s (FY from month %i) starts %s', (key, asOf, month, start, startDate) => {
    const r = periodRange(key, at(asOf), withFy(month));
    expect(r.start).toBe(at(start));
    expect(r.startDate).toBe(startDate);
    expect(r.end).toBe(at(asOf));
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 0],
    ['2026-01-31', '2026-03-01', 29],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-03-01', '2026-01-31', -29],
  ])('%s → %s = %i', (a, b, n) => {
    expect(daysBetween(a as LocalDate, b as LocalDate)).toBe(n);
  });
});

describe('daysTo', () => {
  const DAY = 86_400_000;
  // calendar days 1999-01-01 … 2101-12-31: leap years (2000, 2024, 2028), a century that is not one
  // (2100), month and year ends
  const day = fc
    .integer({ min: Date.UTC(1999, 0, 1) / DAY, max: Date.UTC(2101, 11, 31) / DAY })
    .map((n) => new Date(n * DAY).toISOString().slice(0, 10) as LocalDate);

  it('gives daysBetween(date, to) for every date, asked once or again', () => {
    fc.assert(
      fc.property(day, fc.array(day, { maxLength: 40 }), (to, dates) => {
        const days = daysTo(to);
        for (const date of [...dates, ...dates.slice().reverse()])
          expect(days(date)).toBe(daysBetween(date, to));
      }),
    );
  });

  it.each([
    ['2024-02-28', '2024-03-01', 2],
    ['2100-02-28', '2100-03-01', 1],
    ['2026-12-31', '2027-01-01', 1],
    ['2027-01-01', '2026-12-31', -1],
  ])('%s → %s: %i days', (from, to, n) => {
    expect(daysTo(to as LocalDate)(from as LocalDate)).toBe(n);
  });

  it('an unreadable date stays unreadable (NaN), as daysBetween reads it', () => {
    const days = daysTo('2026-11-26' as LocalDate);
    expect(days('2026-13-01' as LocalDate)).toBeNaN();
    expect(days('2026-13-01' as LocalDate)).toBeNaN();
  });
});
