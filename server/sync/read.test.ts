import { firstPageLimit, modifiedSince, readByList } from './read';

describe('firstPageLimit', () => {
  it.each([
    [0, 200], // nothing of ours to read back: 1 credit
    [150, 200],
    [151, 1000], // our writes come back: 2 credits for up to 1,000 rows beat 1 + 3
    [800, 1000],
    [801, 2000],
    [30_000, 2000],
  ])('after writing %d records, the first page asks for %d rows', (n, limit) => {
    expect(firstPageLimit(n)).toBe(limit);
  });
});

describe('readByList', () => {
  // A module of 2,600 records, 10 per second of Modified_Time, behind Zoho's paging rules: `page`
  // within the first 2,000 records, then page tokens, each chain reaching at most `reach` records.
  const records = Array.from({ length: 2600 }, (_, i) => ({
    id: String(1000 + i),
    Modified_Time: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 10))).toISOString(),
  }));
  function fakeZoho(reach: number) {
    const calls: string[] = [];
    return {
      calls,
      async listRecords(
        _module: string,
        o: { page?: number; pageToken?: string | null; modifiedSince?: Date | null },
      ) {
        const since = o.modifiedSince ? o.modifiedSince.getTime() : -Infinity;
        const all = records.filter((r) => Date.parse(r.Modified_Time) > since);
        const offset = o.pageToken ? Number(o.pageToken) : ((o.page ?? 1) - 1) * 200;
        if (offset >= reach) throw new Error('PAGINATION_LIMIT_EXCEEDED');
        if (!o.pageToken && offset >= 2000) throw new Error('DISCRETE_PAGINATION_LIMIT_EXCEEDED');
        calls.push(o.pageToken ? `token ${offset}` : `page ${o.page}`);
        const data = all.slice(offset, offset + 200);
        const more = offset + 200 < all.length;
        const nextPageToken = more && offset + 200 >= 2000 ? String(offset + 200) : null;
        return { data, more, nextPageToken, notModified: false };
      },
    };
  }

  it('reads past a page-token chain’s reach by starting a new chain at the last record’s second', async () => {
    const zoho = fakeZoho(2400);
    const seen = new Set<string>();
    await readByList(zoho, 'Events', ['id'], null, (rows) => rows.forEach((r) => seen.add(r.id)), 2400);
    expect(seen.size).toBe(2600);
    expect(zoho.calls).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `page ${i + 1}`),
      'token 2000',
      'token 2200',
      'page 1', // the new chain: If-Modified-Since one second before the last record read
      'page 2',
    ]);
  });
});

describe('modifiedSince', () => {
  const at = (iso: string) =>
    modifiedSince({ time: '2026-11-26T03:00:00+00:00', id: null, readAt: iso })?.toISOString();

  it('looks back a second while the cursor’s second may still get records', () => {
    expect(at('2026-11-26T03:00:30.000Z')).toBe('2026-11-26T02:59:59.000Z');
    expect(modifiedSince({ time: '2026-11-26T03:00:00+00:00', id: null })?.toISOString()).toBe(
      '2026-11-26T02:59:59.000Z',
    );
  });

  it('not once that second was over (by more than any clock skew) when the cursor was read', () => {
    // else every record of a mass update in that second would be read again by every run
    expect(at('2026-11-26T03:05:01.000Z')).toBe('2026-11-26T03:00:00.000Z');
  });

  it('reads everything without a cursor', () => {
    expect(modifiedSince(null)).toBeNull();
  });
});
