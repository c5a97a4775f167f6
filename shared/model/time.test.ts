import fc from 'fast-check';
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
  utcSecondsText,
} from './time';

/** Digit strings for property tests: two digits 00..max, a four-digit year 0000..9999. */
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const year = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));

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

describe("parseInstant's positional reading of Zoho's shape agrees with the pattern", () => {
  // The pattern's reading, kept here as the reference (time.ts reads Zoho's shape by position).
  const reference = (value: string): number | null => {
    const m =
      /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
        value,
      );
    if (!m) return null;
    const [, y, mo, dd, h, mi, s, , off] = m.map((x) => x ?? '');
    const utc = Date.UTC(+y!, +mo! - 1, +dd!, +h!, +mi!, +(s || 0));
    const back = new Date(utc);
    if (back.getUTCFullYear() !== +y! || back.getUTCMonth() !== +mo! - 1 || back.getUTCDate() !== +dd!)
      return null;
    if (+h! > 23 || +mi! > 59 || +(s || 0) > 59) return null;
    const offset =
      !off || off === 'Z' ? 0 : (off[0] === '-' ? -1 : 1) * (+off.slice(1, 3) * 60 + +off.slice(-2));
    return utc - offset * 60_000;
  };
  const zohoShaped = fc
    .tuple(
      year,
      two(13),
      two(32),
      two(25),
      two(60),
      two(60),
      fc.constantFrom('Z', '+09:00', '-05:00', '+05:30', '+14:00', '+9:00', '+09-00', 'z'),
    )
    .map(([y, mo, d, h, mi, s, off]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${off}`);

  it('on every value of that shape, valid or not', () => {
    fc.assert(
      fc.property(zohoShaped, (v) => {
        expect(parseInstant(v)).toBe(reference(v));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    '2026-1x-26T09:00:00+09:00',
    '0050-01-01T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2028-02-29T00:00:00Z',
  ])('%s', (v) => {
    expect(parseInstant(v)).toBe(reference(v));
  });
});

describe('utcSecondsText (toISOString to the second, without a Date)', () => {
  it('equals toISOString().slice(0, 19) for any instant Date takes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (t) => {
        expect(utcSecondsText(t)).toBe(new Date(t).toISOString().slice(0, 19));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    0, -1, 951_782_400_000 /* 2000-02-29 */, 4_107_542_399_999 /* 2100-02-28T23:59:59.999 */,
    -62_167_219_200_000 /* 0000-01-01 */, -62_167_219_200_001,
    253_402_300_799_999 /* 9999-12-31T23:59:59.999 */, 253_402_300_800_000,
  ])('%d', (t) => {
    expect(utcSecondsText(t)).toBe(new Date(t).toISOString().slice(0, 19));
  });
});

describe('calendar days read by position agree with the pattern and Date.parse', () => {
  // The readings before the positional ones, kept here as the reference.
  const referenceDate = (value: string): string | null => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (!m) return null;
    const back = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    return back.getUTCFullYear() === +m[1]! &&
      back.getUTCMonth() === +m[2]! - 1 &&
      back.getUTCDate() === +m[3]!
      ? value.trim()
      : null;
  };
  const dateShaped = fc.tuple(year, two(13), two(32)).map(([y, mo, dd]) => `${y}-${mo}-${dd}`);
  const anyDateText = fc.oneof(
    dateShaped,
    dateShaped.map((s) => ` ${s}`),
    dateShaped.map((s) => s.replace(/\d/, 'x')),
    fc.string({ maxLength: 12 }),
  );

  it('parseLocalDate on every value of that shape, valid or not, and on others', () => {
    fc.assert(
      fc.property(anyDateText, (v) => {
        expect(parseLocalDate(v)).toBe(referenceDate(v));
      }),
      { numRuns: 20_000 },
    );
  });

  it('startOfLocalDay and addDays as Date.parse read the day (invalid days roll over as it does)', () => {
    fc.assert(
      fc.property(anyDateText, fc.integer({ min: -900, max: 900 }), (v, offset) => {
        const midnight = Date.parse(`${v}T00:00:00Z`);
        expect(startOfLocalDay(d(v), offset)).toBe(midnight - offset * 60_000);
        if (Number.isFinite(midnight) && Math.abs(midnight) < 8e15)
          expect(addDays(d(v), 3)).toBe(new Date(midnight + 3 * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    '0050-01-01',
    '0100-02-29',
    '2028-02-29',
    '2026-02-29',
    '2026-00-10',
    ' 2026-01-01',
    '2026-01-01 ',
  ])('%j', (v) => {
    expect(parseLocalDate(v)).toBe(referenceDate(v));
    expect(startOfLocalDay(d(v), 540)).toBe(Date.parse(`${v}T00:00:00Z`) - 540 * 60_000);
  });
});

describe("parseInstant reads toISOString's shape (…SS.sssZ) by position as the pattern did", () => {
  const reference = (value: string): number | null => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/.exec(value);
    if (!m) return null;
    const [y, mo, dd, h, mi, s] = m.slice(1, 7).map(Number) as number[];
    const utc = Date.UTC(y!, mo! - 1, dd!, h!, mi!, s!, Math.round(Number(`0.${m[7]}`) * 1000));
    const back = new Date(utc);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== dd)
      return null;
    return h! > 23 || mi! > 59 || s! > 59 ? null : utc;
  };

  it('equals it for every instant Date writes, and for invalid times of that shape', () => {
    const shaped = fc
      .tuple(
        year,
        two(13),
        two(32),
        two(25),
        two(60),
        two(60),
        fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')),
      )
      .map(([y, mo, dd, h, mi, s, ms]) => `${y}-${mo}-${dd}T${h}:${mi}:${s}.${ms}Z`);
    const written = fc
      .integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 })
      .map((t) => new Date(t).toISOString());
    fc.assert(
      fc.property(fc.oneof(shaped, written), (v) => {
        expect(parseInstant(v)).toBe(reference(v));
      }),
      { numRuns: 20_000 },
    );
  });

  it('every millisecond value', () => {
    for (let ms = 0; ms < 1000; ms++) {
      const v = `2026-11-26T03:00:00.${String(ms).padStart(3, '0')}Z`;
      expect(parseInstant(v)).toBe(reference(v));
    }
  });

  it.each([
    ['2026-11-26T03:00:00.1234', at('2026-11-25T18:00:00.123Z')], // no offset: the default (540)
    ['2026-11-26T03:00:00.12Z', at('2026-11-26T03:00:00.120Z')],
    ['2026-11-26T03:00:00.1x3Z', null],
    ['0050-01-01T00:00:00.000Z', null], // a year Date.UTC reads as 19xx
  ])('%j as before', (v, expected) => {
    expect(parseInstant(v, 540)).toBe(expected);
  });
});
