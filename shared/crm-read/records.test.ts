import { dedupeById, lookupId, toZohoRecord } from './records';

describe('lookupId', () => {
  it.each([
    [{ id: '12', name: 'A社' }, '12'],
    [{ id: 12 }, '12'],
    ['34', '34'],
    [56, '56'],
    ['', null],
    [null, null],
    [{ name: 'no id' }, null],
    [{ id: { nested: 1 } }, null],
    [[{ id: '1' }], null],
  ])('%j → %j', (v, id) => {
    expect(lookupId(v)).toBe(id);
  });
});

describe('dedupeById', () => {
  it('keeps the first record of each id, in order', () => {
    const rows = [
      { id: '1', v: 'a' },
      { id: '2', v: 'b' },
      { id: '1', v: 'c' },
    ];
    expect(dedupeById(rows)).toEqual([
      { id: '1', v: 'a' },
      { id: '2', v: 'b' },
    ]);
  });
});

describe('toZohoRecord', () => {
  it.each([
    [
      { id: '12', Account_Name: 'A社' },
      { id: '12', Account_Name: 'A社' },
    ],
    [
      { id: 12, Account_Name: 'A社' },
      { id: '12', Account_Name: 'A社' },
    ],
    [{ id: '' }, null],
    [{ Account_Name: 'no id' }, null],
    [{ id: { nested: '1' } }, null],
    [{ id: Number.NaN }, null],
    [[{ id: '1' }], null],
    ['12', null],
    [null, null],
  ])('%j → %j', (v, rec) => {
    expect(toZohoRecord(v)).toEqual(rec);
  });
});
