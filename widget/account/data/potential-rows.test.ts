import { MAX_AMOUNT, checkPotentialRows, parseAmount, type PotentialInput } from './potential-rows';

const row = (o: Partial<PotentialInput>): PotentialInput => ({
  rowId: null,
  segment: '本社',
  offering: 'クラウド',
  potential: '1000',
  current: '0',
  ...o,
});

describe('parseAmount', () => {
  it.each([
    ['', 0],
    [' 300 ', 300],
    ['1,200,000', 1_200_000],
    ['１２００', 1200],
    ['-5', -5],
    ['1.5', 1.5],
    ['abc', null],
    ['1e9', null],
    ['12万', null],
  ])('%j → %j', (text, want) => expect(parseAmount(text)).toBe(want));
});

describe('checkPotentialRows', () => {
  it('keeps complete rows, trimmed, and drops rows with nothing in them', () => {
    const r = checkPotentialRows([
      row({ rowId: 'a', segment: ' 本社 ', potential: '90,000,000', current: '5000000' }),
      row({ segment: '', offering: '', potential: '', current: '' }),
    ]);
    expect(r).toEqual({
      ok: true,
      rows: [
        { rowId: 'a', segment: '本社', offering: 'クラウド', potential: 90_000_000, current: 5_000_000 },
      ],
    });
  });

  it.each<[Partial<PotentialInput>, string]>([
    [{ segment: '' }, 'rowIncomplete'],
    [{ offering: ' ' }, 'rowIncomplete'],
    [{ segment: '', offering: '', potential: '300' }, 'rowIncomplete'],
    [{ potential: 'abc' }, 'rowNotNumber'],
    [{ potential: '-100' }, 'rowNegative'],
    [{ current: '-1' }, 'rowNegative'],
    [{ potential: String(MAX_AMOUNT + 1) }, 'rowTooLarge'],
    [{ potential: '13000000', current: '999999999999' }, 'rowCurrentOverPotential'],
  ])('refuses %j with %s', (patch, code) => {
    const r = checkPotentialRows([row({ rowId: 'ok' }), row(patch)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.index, i.code])).toContainEqual([1, code]);
  });

  it('refuses a second row with the same segment and offering', () => {
    const r = checkPotentialRows([row({}), row({ potential: '5' })]);
    expect(r).toEqual({ ok: false, issues: [{ index: 1, code: 'rowDuplicate' }] });
  });
});
