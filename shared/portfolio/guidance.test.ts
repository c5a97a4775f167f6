import type { SalesProcessConfig } from '../config/schema';
import { CONFIG, acct, deal, user, TEAM, viewOf } from '../testing/portfolio-builders';
import { activityBalance } from './activity';
import { portfolioGuidance } from './guidance';

type Input = Parameters<typeof viewOf>[0];

function guidance(input: Input, config: SalesProcessConfig = CONFIG) {
  const view = viewOf(input, {}, config);
  return portfolioGuidance(view, config, activityBalance(view, config));
}
const codes = (input: Input) => guidance(input).map((g) => g.code);

describe('stage_concentration (CS_FOCUS: ≥ 2 accounts and ≥ 10 % at 信頼定着)', () => {
  const many = (n: number, others: number) => [
    ...Array.from({ length: n }, (_, i) => acct({ id: `t${i}`, stage: '信頼定着', owner: 'u2' })),
    ...Array.from({ length: others }, (_, i) => acct({ id: `o${i}`, stage: '課題共有', owner: 'u2' })),
  ];
  it.each([
    [2, 18, true],
    [2, 19, false], // 9.5 %
    [1, 0, false], // one account is not many
    [3, 0, true],
  ])('%i of %i others', (n, others, fires) => {
    expect(codes({ accounts: many(n, others) }).includes('CS_FOCUS')).toBe(fires);
  });

  it('says how many and what share, in both languages, and lists the accounts', () => {
    const [g] = guidance({ accounts: many(2, 2) });
    expect(g?.message.ja).toBe(
      '「信頼定着」の取引先が2社（50%）あります。新規案件の活動よりも、カスタマーサクセス（満足度の向上・改善提案）を優先しましょう。',
    );
    expect(g?.message.en).toMatch(
      /^Many accounts are at Trust established \(2, 50%\): prioritise customer-success/,
    );
    expect(g?.accounts.map((a) => a.id)).toEqual(['t0', 't1']);
  });
});

describe('no_executive_touch (SENIOR_VISIT: 経営巻き込み and beyond)', () => {
  it.each([
    ['executive with none', '経営巻き込み', 0, true],
    ['external expansion with none', '社外展開', null, true],
    ['executive with one', '経営巻き込み', 1, false],
    ['co-creation with none: not deep enough', '共創提案', 0, false],
  ])('%s', (_what, stage, touches, fires) => {
    expect(
      codes({
        accounts: [acct({ id: 'a1', stage, owner: 'u2', kpis: { executive_touchpoints: touches } })],
      }).includes('SENIOR_VISIT'),
    ).toBe(fires);
  });

  it('an account not computed yet is not judged', () => {
    expect(codes({ accounts: [acct({ id: 'a1', stage: '経営巻き込み', owner: 'u2' })] })).not.toContain(
      'SENIOR_VISIT',
    );
  });

  it('names the KPI window in days', () => {
    const g = guidance({
      accounts: [acct({ id: 'a1', stage: '社内展開', owner: 'u2', kpis: { executive_touchpoints: 0 } })],
    });
    expect(g.find((x) => x.code === 'SENIOR_VISIT')?.message.ja).toContain('直近90日');
  });
});

describe('early_stage_field_owned (INSIDE_SALES_COVERAGE: up to 接点構築)', () => {
  it.each([
    ['未着手 with a field rep', '未着手', 'u1', true],
    ['接点構築 with a field rep', '接点構築', 'u1', true],
    ['課題共有 with a field rep', '課題共有', 'u1', false],
    ['接点構築 with inside sales', '接点構築', 'u3', false],
    ['接点構築 with the manager', '接点構築', 'm1', false],
  ])('%s', (_what, stage, owner, fires) => {
    expect(codes({ accounts: [acct({ id: 'a1', stage, owner })] }).includes('INSIDE_SALES_COVERAGE')).toBe(
      fires,
    );
  });
});

describe('deep_without_dedicated_owner (DEDICATED_OWNER: 信頼定着 and beyond)', () => {
  it.each([
    ['a field rep who holds the deals too', 'u1', [deal({ id: 'd1', owner: 'u1' })], null],
    ['the manager', 'm1', [], 'owner_not_field'],
    ['inside sales', 'u3', [], 'owner_not_field'],
    ['an owner who is not an active user', 'gone', [], 'owner_unknown'],
    ['no owner', null, [], 'no_owner'],
    ['open deals held by another rep', 'u1', [deal({ id: 'd1', owner: 'u2' })], 'split_deals'],
    [
      'a closed deal of another rep does not split',
      'u1',
      [deal({ id: 'd1', owner: 'u2', stage: 'Closed Won' })],
      null,
    ],
  ])('%s', (_what, owner, deals, reason) => {
    const g = guidance({ accounts: [acct({ id: 'a1', stage: '信頼定着', owner })], deals }).find(
      (x) => x.code === 'DEDICATED_OWNER',
    );
    expect(g?.accounts[0]?.reason ?? null).toBe(reason);
  });
});

describe('activity_imbalance (ACTIVITY_MIX)', () => {
  it('one item per rep who leans to deal work, naming the rep and the shares', () => {
    const g = guidance({
      accounts: [
        acct({ id: 'a1', owner: 'u1', stage: '接点構築', kpis: { relationship_activity_share: 40 } }),
        acct({ id: 'a2', owner: 'u1', stage: '接点構築', kpis: { relationship_activity_share: 80 } }),
        acct({ id: 'a3', owner: 'u2', stage: '接点構築', kpis: { relationship_activity_share: 80 } }),
      ],
      users: [...TEAM, user({ id: 'u9' })],
    }).filter((x) => x.code === 'ACTIVITY_MIX');
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ repId: 'u1', accounts: [{ id: 'a1' }] });
    expect(g[0]?.message.ja).toBe(
      '佐藤さんの活動は案件推進に偏っています（顧客深耕 60%／推奨 80%）。担当取引先のステージに合わせて関係構築の活動を増やしましょう。',
    );
  });
});

it('no rules, no guidance; rules follow the config order', () => {
  const input: Input = {
    accounts: [
      acct({ id: 'a1', stage: '信頼定着', owner: 'm1', kpis: { executive_touchpoints: 0 } }),
      acct({ id: 'a2', stage: '信頼定着', owner: 'm1', kpis: { executive_touchpoints: 0 } }),
    ],
  };
  expect(codes(input)).toEqual(['CS_FOCUS', 'SENIOR_VISIT', 'DEDICATED_OWNER']);
  expect(guidance(input, { ...CONFIG, guidance: { ...CONFIG.guidance, rules: [] } })).toEqual([]);
});
