import { boundRatio, lowerBound } from './lower-bound';

describe('lowerBound', () => {
  it.each([
    [
      'nothing changed in 8 modules: 1 credit each',
      { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0 },
      0,
      8,
      0,
    ],
    ['one COQL page per 2,000 changed rows, 3 credits each', { a: 2000, b: 2001, c: 1 }, 0, 3 + 6 + 3, 0],
    ['a full pass of 10,000 accounts', { Accounts: 10_000 }, 10_000, 15, 1000],
    ['writes round up per 10 records', { a: 0 }, 11, 1, 2],
  ])('%s', (_what, records, neededWrites, read, write) => {
    expect(lowerBound({ records, neededWrites })).toEqual({ read, write, total: read + write });
  });
});

describe('boundRatio', () => {
  it.each([
    [110, 100, 1.1],
    [634, 575, 1.103],
    [8, 8, 1],
    [0, 0, 1],
    [1, 0, Infinity],
  ])('%d spent over a bound of %d is %d', (spent, bound, ratio) => {
    expect(boundRatio(spent, bound)).toBe(ratio);
  });
});
