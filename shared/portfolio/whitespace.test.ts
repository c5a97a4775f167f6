import { CONFIG, acct, portfolioOf, viewOf } from '../testing/portfolio-builders';
import { cellKey, potentialRows, topParent, whitespaceMap, type PotentialRow } from './whitespace';

// a group: h (holding) ← s1, s2 ← s3 (grandchild); a lone account x
const accounts = [
  acct({ id: 'h', name: '北斗HD' }),
  acct({ id: 's1', parent: 'h' }),
  acct({ id: 's2', parent: 'h', owner: 'u2' }),
  acct({ id: 's3', parent: 's2', owner: 'u2' }),
  acct({ id: 'x' }),
];
const rows: PotentialRow[] = [
  { accountId: 'h', segment: '本社', offering: 'ERP', potential: 100, current: 40 },
  { accountId: 's1', segment: '工場', offering: 'ERP', potential: 50, current: 0 },
  { accountId: 's3', segment: '工場', offering: 'IoT', potential: 80, current: 80 },
  { accountId: 'x', segment: '本社', offering: 'ERP', potential: 30, current: 0 },
  { accountId: 'x', segment: ' 本社 ', offering: 'ERP', potential: 10, current: 20 }, // over-delivered row
  { accountId: 'x', segment: '', offering: 'ERP', potential: 999, current: 0 }, // no segment: left out
];

describe('whitespaceMap', () => {
  const all = portfolioOf({ accounts }).accounts;

  it('sums potential and current per segment × offering over the accounts in view', () => {
    const w = whitespaceMap(viewOf({ accounts }), rows, all);
    const erp = w.cells.get(cellKey('本社', 'ERP'));
    expect(erp).toMatchObject({ potential: 140, current: 60, whitespace: 80 });
    expect(erp?.share).toBeCloseTo(60 / 140);
    // the cell's accounts, the largest whitespace first (x: 30 + max(0, −10) = 30)
    expect(erp?.accounts).toEqual([
      { id: 'h', whitespace: 60 },
      { id: 'x', whitespace: 30 },
    ]);
    expect(w.cells.get(cellKey('工場', 'IoT'))).toMatchObject({ whitespace: 0, share: 1 });
    expect(w.segments).toEqual(['本社', '工場']);
    expect(w.offerings).toEqual(['ERP', 'IoT']);
    expect(w.totals).toEqual({ potential: 270, current: 140, whitespace: 130, accounts: 4 });
  });

  it('a group of companies: every account under the top parent, at any depth', () => {
    const w = whitespaceMap(viewOf({ accounts }), rows, all, 'h');
    expect(w.cells.get(cellKey('本社', 'ERP'))?.accounts.map((a) => a.id)).toEqual(['h']);
    expect(w.totals.accounts).toBe(3);
    expect(whitespaceMap(viewOf({ accounts }), rows, all).groups).toEqual([
      { id: 'h', name: '北斗HD', accounts: 4 },
    ]);
  });

  it('filters apply: only the accounts in view count', () => {
    const w = whitespaceMap(viewOf({ accounts }, { owners: ['u2'] }), rows, all);
    expect([...w.cells.keys()]).toEqual([cellKey('工場', 'IoT')]);
  });

  it('a parent cycle does not hang', () => {
    const loop = portfolioOf({
      accounts: [acct({ id: 'p', parent: 'q' }), acct({ id: 'q', parent: 'p' })],
    }).accounts;
    const byId = new Map(loop.map((a) => [a.id, a]));
    expect(['p', 'q']).toContain(topParent('p', byId));
  });
});

describe('potentialRows', () => {
  const f = CONFIG.fields.plan;
  it('each plan’s subform rows under its account; rows without names or with bad numbers, and plans without an account, are left out', () => {
    const row = (id: string, over: Record<string, unknown> = {}) => ({
      id,
      Segment: '本社',
      Offering: 'ERP',
      Potential_Amount: 10,
      Current_Amount: 0,
      ...over,
    });
    const out = potentialRows(
      [
        {
          id: 'p1',
          Account: { id: 'a1' },
          Potential_Map: [
            row('1', { Current_Amount: null }),
            row('2', { Potential_Amount: 'ten' }),
            row('3', { Segment: null }),
            row('4', { Segment: '工場', Offering: 'IoT', Potential_Amount: 30, Current_Amount: 5 }),
          ],
        },
        { id: 'p2', Account: null, Potential_Map: [row('5')] },
        { id: 'p3', Account: { id: 'a3' } },
        { id: 'p4', Account: { id: 'a4' }, Potential_Map: [row('6', { Potential_Amount: 7 })] },
      ],
      f,
    );
    expect(out).toEqual([
      { accountId: 'a1', segment: '本社', offering: 'ERP', potential: 10, current: 0 },
      { accountId: 'a1', segment: '工場', offering: 'IoT', potential: 30, current: 5 },
      { accountId: 'a4', segment: '本社', offering: 'ERP', potential: 7, current: 0 },
    ]);
  });
});
