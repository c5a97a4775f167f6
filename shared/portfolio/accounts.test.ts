import { CONFIG, P_AS_OF, acct, deal, viewOf } from '../testing/portfolio-builders';
import { accountRows } from './accounts';
import { accountsCsv, accountsTsv, csvCell, tsvCell } from './csv';
import { guidanceLabel } from './labels';
import type { GuidanceItem } from './guidance';

const view = viewOf({
  accounts: [
    acct({
      id: 'a1',
      name: '=HYPERLINK("x")',
      owner: 'u1',
      stage: '接点構築',
      since: '2026-05-01',
      progress: 50,
      gaps: '・接触した人数（1 / 2）\n・勉強会, "セミナー"（0 / 1）',
      industry: 'Manufacturing',
      kpis: {
        contacts_reached: 6,
        departments_reached: 1,
        seminars: 1,
        study_sessions: 0,
        plan_updates: 1,
        relationship_activity_share: 75,
      },
      KGI_Annual_Revenue: 12_000_000,
      Account_Health: 72,
      Account_Health_Parts: 'ステージの進捗: 21 (×0.25) 7段階中 1 段階に到達',
    }),
    acct({ id: 'a2', owner: 'gone', stage: null }),
  ],
  deals: [
    deal({ id: 'd1', account: 'a1', stage: 'Proposal/Price Quote', amount: 1_000_000, probability: 75 }),
    deal({ id: 'd2', account: 'a1', stage: 'Closed Won', amount: 5_000_000, probability: 100 }),
  ],
});
const guidance: GuidanceItem[] = [
  {
    code: 'X',
    kind: 'stage_concentration',
    message: { ja: '', en: '' },
    repId: null,
    accounts: [{ id: 'a1', name: '', ownerId: 'u1' }],
  },
];
const rows = accountRows(view, CONFIG, P_AS_OF, guidance);

describe('accountRows', () => {
  it('one row per account with stage, stall, KPIs, mix and pipeline', () => {
    expect(rows[0]).toEqual({
      id: 'a1',
      name: '=HYPERLINK("x")',
      ownerId: 'u1',
      ownerName: '佐藤',
      industry: 'Manufacturing',
      stage: 'contact',
      since: '2026-05-01',
      daysInStage: 209,
      stallDays: 180,
      stalled: true,
      progress: 0.5,
      missing: ['接触した人数（1 / 2）', '勉強会, "セミナー"（0 / 1）'],
      kpisMet: 3,
      kpiTargets: 6,
      relationshipShare: 0.75,
      recommendedShare: 0.8,
      openDeals: 1,
      openAmount: 1_000_000,
      buyerWeighted: 500_000,
      sellerWeighted: 750_000,
      annualRevenue: 12_000_000,
      fyOrders: null,
      health: 72,
      healthBand: 'good',
      healthParts: 'ステージの進捗: 21 (×0.25) 7段階中 1 段階に到達',
      guidance: ['X'],
    });
  });

  it('an unassessed account with an unknown owner', () => {
    expect(rows[1]).toMatchObject({
      stage: null,
      ownerName: 'gone',
      kpisMet: null,
      daysInStage: null,
      stalled: false,
    });
  });
});

describe('accountsCsv', () => {
  it.each(['ja', 'en'] as const)('%s: a header in the language, one line per row, CRLF', (lang) => {
    const csv = accountsCsv(rows, CONFIG, lang);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4); // header, 2 rows, final empty
    expect(lines[0]?.startsWith(lang === 'ja' ? 'ID,取引先名,担当者' : 'ID,Account,Owner')).toBe(true);
    expect(lines[1]).toContain(lang === 'ja' ? '接点構築' : 'Building contact');
    expect(lines[2]).toContain(lang === 'ja' ? '未判定' : 'Not assessed');
  });

  it('quotes commas and quotes, and defuses formulas', () => {
    const csv = accountsCsv(rows, CONFIG, 'ja');
    expect(csv).toContain(`a1,"'=HYPERLINK(""x"")",佐藤,Manufacturing,接点構築,2026-05-01,209,はい,72,50,`);
    expect(csv).toContain('"接触した人数（1 / 2） / 勉強会, ""セミナー""（0 / 1）"');
  });

  it('names guidance by its label, never by its code', () => {
    const code = CONFIG.guidance.rules[0]?.code ?? '';
    const rows2 = accountRows(view, CONFIG, P_AS_OF, [{ ...guidance[0]!, code }]);
    for (const lang of ['ja', 'en'] as const) {
      const csv = accountsCsv(rows2, CONFIG, lang);
      expect(csv).not.toContain(code);
      expect(csv).toContain(guidanceLabel(code, CONFIG)[lang]);
    }
    expect(guidanceLabel('NOT_A_RULE', CONFIG)).toEqual({ ja: 'NOT_A_RULE', en: 'NOT_A_RULE' });
  });

  it('TSV for the clipboard: tab-separated columns, one line per row, no quoting', () => {
    const tsv = accountsTsv(rows, CONFIG, 'en');
    const lines = tsv.split('\r\n');
    expect(lines).toHaveLength(4);
    const header = lines[0]?.split('\t') ?? [];
    const first = lines[1]?.split('\t') ?? [];
    expect(header.slice(0, 3)).toEqual(['ID', 'Account', 'Owner']);
    expect(first).toHaveLength(header.length);
    expect(first[1]).toBe(`'=HYPERLINK("x")`);
    expect(tsvCell('a\tb\nc')).toBe('a b c');
    expect(tsvCell(null)).toBe('');
    expect(tsvCell(-3)).toBe('-3');
  });

  it.each([
    [null, ''],
    [12.5, '12.5'],
    [-3, '-3'],
    ['+81 3', "'+81 3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['a\nb', '"a\nb"'],
    ['plain', 'plain'],
  ])('cell %j → %j', (v, out) => {
    expect(csvCell(v)).toBe(out);
  });
});
