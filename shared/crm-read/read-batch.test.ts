import { parseReadBatchOutput, chunkReads, READ_BATCH_MAX_ROWS, readRows } from './read-batch';

describe('chunkReads: ≤ 10 reads and ≤ READ_BATCH_MAX_ROWS rows a function call (Zoho: 10 MB, 1 minute)', () => {
  const q = (limit?: number) => ({
    coql: `select id from Accounts where id is not null${limit === undefined ? '' : ` limit ${limit}`}`,
  });
  it('counts COQL LIMITs (default 200) and search pages (200)', () => {
    expect(readRows(q(2000))).toBe(2000);
    expect(readRows(q())).toBe(200);
    expect(readRows({ module: 'Tasks', criteria: '(Subject:equals:x)', page: 1 })).toBe(200);
  });
  it('splits the manager page’s round of four 2,000-row pages into two calls', () => {
    const round = [q(2000), q(2000), q(2000), q(2000)];
    expect(chunkReads(round).map((c) => c.length)).toEqual([2, 2]);
    expect(READ_BATCH_MAX_ROWS).toBe(4000);
  });
  it('keeps ten small reads in one call, an eleventh in the next, and a read over the cap alone', () => {
    expect(chunkReads(Array.from({ length: 11 }, () => q(200))).map((c) => c.length)).toEqual([10, 1]);
    expect(chunkReads([q(200), q(5000), q(200)]).map((c) => c.length)).toEqual([1, 1, 1]);
    expect(chunkReads([])).toEqual([]);
  });
});

describe('parseReadBatchOutput: the function answer, read as untrusted input', () => {
  it('gives each read its page or its error, in order', () => {
    const output = JSON.stringify({
      results: [
        { data: [{ id: '1', Account_Name: 'A社' }, 'junk', { id: 2 }], more: true },
        { error: { code: 'INVALID_QUERY', message: 'bad column' } },
        {},
      ],
    });
    expect(parseReadBatchOutput(output, 3)).toEqual([
      { data: [{ id: '1', Account_Name: 'A社' }, { id: '2' }], more: true },
      { error: { code: 'INVALID_QUERY', message: 'bad column' } },
      { data: [], more: false },
    ]);
  });

  it('a row without an id fails its read with a clear error, the other reads stand', () => {
    const output = { results: [{ data: [{ id: '1' }, { Account_Name: 'no id' }] }, { data: [{ id: '3' }] }] };
    expect(parseReadBatchOutput(output, 2)).toEqual([
      { error: { code: 'INVALID_ROW', message: 'row 1 has no id' } },
      { data: [{ id: '3' }], more: false },
    ]);
  });

  it.each([['not json'], [JSON.stringify({ results: [] })], [JSON.stringify({ nothing: 1 })], [null]])(
    'a broken answer (%j) is null: the function is broken as a whole',
    (output) => {
      expect(parseReadBatchOutput(output, 1)).toBeNull();
    },
  );
});
