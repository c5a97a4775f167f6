import type { Instant, LocalDate } from './types';
import {
  addDays,
  dateInWindow,
  fiscalYearStart,
  inWindow,
  localDateOf,
  offsetMinutes,
  parseInstant,
  parseLocalDate,
  startOfLocalDay,
} from './time';

const at = (iso: string) => Date.parse(iso) as Instant;
const d = (s: string) => s as LocalDate;

describe('parseInstant compares datetimes as instants, offsets included', () => {
  it.each([
    ['2026-11-26T09:00:00+09:00', '2026-11-26T00:00:00Z'],
    ['2026-11-26T00:00:00Z', '2026-11-26T00:00:00Z'],
    ['2026-11-25T19:00:00-05:00', '2026-11-26T00:00:00Z'],
    ['2026-11-26T05:30:00+0530', '2026-11-26T00:00:00Z'],
    ['2026-11-26T09:00+09:00', '2026-11-26T00:00:00Z'],
    ['2026-11-26T09:00:00.250+09:00', '2026-11-26T00:00:00.250Z'],
  ])('%s is %s', (input, utc) => {
    expect(parseInstant(input)).toBe(at(utc));
  });

  it('reads a value without offset in the default offset', () => {
    expect(parseInstant('2026-11-26T09:00:00', 540)).toBe(at('2026-11-26T00:00:00Z'));
  });

  it.each([
    '',
    'yesterday',
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-11-26T24:00:00Z',
    '2026-11-26',
  ])('rejects %j', (input) => {
    expect(parseInstant(input)).toBeNull();
  });
});

describe('calendar days in the org offset', () => {
  it('parses only real days', () => {
    expect(parseLocalDate('2028-02-29')).toBe('2028-02-29');
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2026/02/01')).toBeNull();
  });

  it.each([
    ['2026-11-25T15:00:00Z', 540, '2026-11-26'],
    ['2026-11-25T14:59:59Z', 540, '2026-11-25'],
    ['2026-11-26T03:00:00Z', -300, '2026-11-25'],
  ])('%s at %d min is %s', (iso, offset, day) => {
    expect(localDateOf(at(iso), offset)).toBe(day);
  });

  it('starts a day at local midnight', () => {
    expect(startOfLocalDay(d('2026-11-26'), offsetMinutes('+09:00'))).toBe(at('2026-11-25T15:00:00Z'));
  });

  it('adds days across months and years', () => {
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(d('2026-03-01'), -1)).toBe('2026-02-28');
  });
});

describe('windows are the last N days up to asOf', () => {
  const asOf = at('2026-11-26T00:00:00Z');
  it.each([
    ['2026-08-28T00:00:01Z', true],
    ['2026-08-28T00:00:00Z', false], // exactly 90 days before: the window's open start
    ['2026-11-26T00:00:00Z', true], // asOf itself
    ['2026-11-26T00:00:01Z', false], // the future
  ])('%s in a 90-day window: %s', (iso, inside) => {
    expect(inWindow(at(iso), asOf, 90)).toBe(inside);
  });

  it.each([
    ['2026-08-29', true], // the 90th day, counting 2026-11-26 as the first
    ['2026-08-28', false],
    ['2026-11-26', true],
    ['2026-11-27', false],
  ])('day %s in a 90-day window ending 2026-11-26: %s', (day, inside) => {
    expect(dateInWindow(d(day), d('2026-11-26'), 90)).toBe(inside);
  });
});

describe('fiscal year', () => {
  it.each([
    ['2026-11-26', 4, '2026-04-01'],
    ['2026-03-31', 4, '2025-04-01'],
    ['2026-04-01', 4, '2026-04-01'],
    ['2026-11-26', 1, '2026-01-01'],
    ['2026-09-30', 10, '2025-10-01'],
  ])('%s with start month %d begins %s', (day, month, start) => {
    expect(fiscalYearStart(d(day), month)).toBe(start);
  });
});
