import { CONFIG, acct, change, deal, portfolioOf, user } from '../testing/portfolio-builders';
import { normalisePortfolio, userKind } from './normalise';

describe('normalisePortfolio: accounts', () => {
  it.each([
    ['a Japanese label', '信頼定着', 'trust'],
    ['an English label', 'Trust established', 'trust'],
    ['a stage key', 'trust', 'trust'],
    ['the not-started label', '未着手', 'not_started'],
    ['not_started', 'not_started', 'not_started'],
    ['a label the config does not know', '旧ステージ', null],
    ['an empty value', null, null],
  ])('Relationship_Stage as %s → %j', (_what, value, slot) => {
    const [a] = portfolioOf({ accounts: [acct({ id: 'a1', stage: value })] }).accounts;
    expect(a?.stage).toBe(slot);
  });

  it('reads the written fields: ratios back to 0..1, gaps one per line, KGIs', () => {
    const [a] = portfolioOf({
      accounts: [
        acct({
          id: 'a1',
          since: '2026-05-01',
          progress: 40,
          gaps: '・キーパーソンとの面談（1 / 2）\n・顧客からの相談（0 / 1）\n',
          kpis: { relationship_activity_share: 62.5, contacts_reached: 7, csat: null },
          KGI_Share_Of_Wallet: 12.5,
          KGI_Annual_Revenue: 30_000_000,
          Industry: ' Manufacturing ',
        }),
      ],
    }).accounts;
    expect(a).toMatchObject({
      since: '2026-05-01',
      progress: 0.4,
      gaps: ['キーパーソンとの面談（1 / 2）', '顧客からの相談（0 / 1）'],
      industry: 'Manufacturing',
      kgis: { share_of_wallet: 0.125, annual_revenue: 30_000_000 },
    });
    expect(a?.kpis.relationship_activity_share).toBeCloseTo(0.625);
    expect(a?.kpis.contacts_reached).toBe(7);
    expect(a?.kpis.csat).toBeNull();
    expect(a?.computedAt).not.toBeNull();
  });

  it.each([
    ['ticked', true, true],
    ['unticked', false, false],
    ['absent (an org that does not mark targets)', undefined, null],
  ])('Is_Target_Account %s → isTarget %j', (_what, value, isTarget) => {
    const extra = value === undefined ? {} : { Is_Target_Account: value };
    const [a] = portfolioOf({ accounts: [acct({ id: 'a1', ...extra })] }).accounts;
    expect(a?.isTarget).toBe(isTarget);
  });

  it('an account the service has not computed has no computedAt and empty KPIs', () => {
    const [a] = portfolioOf({ accounts: [acct({ id: 'a1' })] }).accounts;
    expect(a?.computedAt).toBeNull();
    expect(a?.kpis.executive_touchpoints).toBeNull();
  });

  it('a malformed value is an issue, not a crash', () => {
    const p = portfolioOf({ accounts: [acct({ id: 'a1', Stage_Progress: 'lots' }), 'nonsense'] as never });
    expect(p.accounts).toHaveLength(1);
    expect(p.issues.map((i) => i.code).sort()).toEqual(['INVALID_RECORD', 'INVALID_VALUE']);
  });
});

describe('normalisePortfolio: deals', () => {
  it.each([
    ['an open mapped stage', { stage: 'Proposal/Price Quote' }, 'open', 'internal_approval'],
    ['a won stage', { stage: 'Closed Won' }, 'won', 'contract'],
    ['a lost stage', { stage: 'Closed-Lost to Competition' }, 'lost', null],
    ['an unmapped stage', { stage: 'Verbal Commit' }, 'open', null],
    [
      'an unmapped stage with a Buying_Stage label',
      { stage: 'Verbal Commit', buying: '意思決定' },
      'open',
      'decision',
    ],
  ])('%s', (_what, o, status, buying) => {
    const [d] = portfolioOf({ deals: [deal({ id: 'd1', ...o })] }).deals;
    expect(d).toMatchObject({ status, buyingStage: buying });
  });

  it('reads Probability as 0..1 and Forecast_Risk lines as code + text', () => {
    const [d] = portfolioOf({
      deals: [
        deal({
          id: 'd1',
          probability: 75,
          amount: 1_000,
          closing: '2026-12-20',
          risk: 'PREMATURE_QUOTE: 顧客がまだ比較・検討前なのに見積を提出している\nfree text',
        }),
      ],
    }).deals;
    expect(d).toMatchObject({
      zohoProbability: 0.75,
      amount: 1_000,
      closingDate: '2026-12-20',
      risks: [
        { code: 'PREMATURE_QUOTE', text: '顧客がまだ比較・検討前なのに見積を提出している' },
        { code: 'RISK', text: 'free text' },
      ],
    });
  });

  it('a deal without Stage is left out with an issue', () => {
    const p = portfolioOf({ deals: [deal({ id: 'd1', Stage: null })] });
    expect(p.deals).toEqual([]);
    expect(p.issues[0]?.recordId).toBe('d1');
  });
});

describe('normalisePortfolio: stage history and users', () => {
  it('history: first assessments have from null, unknown labels undefined, sorted by time', () => {
    const p = portfolioOf({
      history: [
        change({ id: 'h2', from: '接点構築', to: '課題共有', at: '2026-06-30' }),
        change({ id: 'h1', from: null, to: '接点構築', at: '2026-01-31' }),
        change({ id: 'h3', from: '課題共有', to: '旧ステージ', at: '2026-07-31' }),
        change({ id: 'h4', from: '旧ステージ', to: '未着手', at: '2026-08-31' }),
      ],
    });
    expect(p.history.map((h) => [h.id, h.from, h.to])).toEqual([
      ['h1', null, 'contact'],
      ['h2', 'contact', 'shared_issues'],
      ['h3', 'shared_issues', undefined],
      ['h4', undefined, 'not_started'],
    ]);
  });

  it('history without an account or a time is left out with an issue', () => {
    const p = portfolioOf({
      history: [
        { id: 'h1', To_Stage: '接点構築', Changed_At: '2026-01-31T23:00:00+09:00' },
        { id: 'h2', Account: { id: 'a1' }, To_Stage: 'x' },
      ],
    });
    expect(p.history).toEqual([]);
    expect(p.issues).toHaveLength(2);
  });

  it.each([
    ['フィールドセールス', 'field'],
    ['Sales Rep', 'field'],
    ['インサイドセールス', 'inside'],
    ['営業本部長', 'manager'],
    ['経理', 'other'],
    [null, 'other'],
  ])('role %j → %s', (role, kind) => {
    expect(userKind(CONFIG, role)).toBe(kind);
  });

  it('users: name, role, kind and Reporting_To', () => {
    const p = portfolioOf({ users: [user({ id: 'u1', name: '佐藤 健一', reportsTo: 'm1' })] });
    expect(p.users).toEqual([
      { id: 'u1', name: '佐藤 健一', role: 'フィールドセールス', kind: 'field', reportsTo: 'm1' },
    ]);
  });

  it('a module that is not a list is an issue; missing modules are empty', () => {
    const p = normalisePortfolio({ Accounts: 'x' }, CONFIG);
    expect(p.accounts).toEqual([]);
    expect(p.deals).toEqual([]);
    expect(p.issues).toHaveLength(1);
  });
});
