import { account, contact, dataset, deal, task } from '../testing/zoho-builders';
import { CONFIG, insightOf } from '../testing/engine-harness';
import fc from 'fast-check';
import { formatAmount } from './deals';

/** Buying_Evidence that verifies the deal is at `stage`: every exit criterion of the stages before it. */
function evidenceAt(stage: string): string {
  const i = CONFIG.buyingStages.findIndex((b) => b.key === stage);
  return CONFIG.buyingStages
    .slice(0, i)
    .flatMap((b) => b.exitCriteria.map((c) => c.key))
    .join('\n');
}

const IN = '2026-11-20T10:00:00+09:00';
const dealOf = (parts: Parameters<typeof dataset>[0], id = 'd') =>
  insightOf(dataset(parts)).deals.find((d) => d.id === id);

describe('buying stage from the Zoho stage', () => {
  it.each([
    ['Qualification', 'problem_recognition', 'open', 0.05],
    ['Needs Analysis', 'information_gathering', 'open', 0.1],
    ['Identify Decision Makers', 'comparison', 'open', 0.25],
    ['Proposal/Price Quote', 'internal_approval', 'open', 0.5],
    ['Negotiation/Review', 'negotiation', 'open', 0.85],
    ['Closed Won', 'contract', 'won', 1],
    ['Closed Lost', null, 'lost', 0],
    ['Closed-Lost to Competition', null, 'lost', 0],
  ])('%s → %s', (stage, buyingStage, status, probability) => {
    expect(dealOf({ Deals: [deal({ id: 'd', stage })] })).toMatchObject({
      buyingStage,
      status,
      buyingProbability: probability,
    });
  });

  it('an unmapped stage is a data issue, not a crash', () => {
    const i = insightOf(dataset({ Deals: [deal({ id: 'd', stage: 'Verbal Commit' })] }));
    expect(i.deals[0]).toMatchObject({ buyingStage: null, buyingProbability: null, status: 'open' });
    expect(i.issues).toEqual([expect.objectContaining({ code: 'UNMAPPED_DEAL_STAGE', recordId: 'd' })]);
  });
});

describe('strategic role follows the account stage; priority from role × buying stage × amount', () => {
  it('an account not started: trust building, base priority 2', () => {
    expect(
      dealOf({ Deals: [deal({ id: 'd', amount: 100, created: '2026-11-01T00:00:00+09:00' })] }),
    ).toMatchObject({
      strategicRole: 'trust_building',
      priority: 2,
    });
  });
  it('late in the verified buying process and large: +1 each, capped at 5', () => {
    const late = {
      stage: 'Proposal/Price Quote',
      created: '2026-11-01T00:00:00+09:00',
      Buying_Evidence: evidenceAt('internal_approval'),
    };
    expect(dealOf({ Deals: [deal({ id: 'd', ...late, amount: 10_000_000 })] })?.priority).toBe(4);
    expect(dealOf({ Deals: [deal({ id: 'd', ...late, amount: 9_999_999 })] })?.priority).toBe(3);
  });
  it('a late Zoho stage without buyer evidence does not raise the priority', () => {
    expect(
      dealOf({
        Deals: [
          deal({
            id: 'd',
            stage: 'Proposal/Price Quote',
            amount: 9_999_999,
            created: '2026-11-01T00:00:00+09:00',
          }),
        ],
      })?.priority,
    ).toBe(2);
  });
  it('closed deals have no priority and no flags', () => {
    expect(
      dealOf({ Deals: [deal({ id: 'd', stage: 'Closed Won', amount: 1, closing: '2020-01-01' })] }),
    ).toMatchObject({ priority: null, flags: [] });
  });
  it('an account at 接点構築 with contacts reached: still trust building', () => {
    const d = dealOf({
      Contacts: [contact({ id: 'c1' }), contact({ id: 'c2' })],
      Tasks: [task({ id: 't1', who: 'c1', closed: IN }), task({ id: 't2', who: 'c2', closed: IN })],
      Deals: [deal({ id: 'd' })],
    });
    expect(d?.strategicRole).toBe('trust_building');
  });
});

describe('premature-action flags: seller actions ahead of the buyer', () => {
  const VERIFIED: Record<string, string> = {
    Qualification: 'problem_recognition',
    'Needs Analysis': 'information_gathering',
    'Value Proposition': 'comparison',
    'Proposal/Price Quote': 'internal_approval',
    'Negotiation/Review': 'negotiation',
  };
  /** A deal whose checklist verifies the buying stage the Zoho stage names. */
  const onDeal = (subject: string, stage: string, closed = IN) => ({
    Contacts: [contact({ id: 'dm', role: 'decision_maker' })],
    Deals: [
      deal({
        id: 'd',
        stage,
        created: '2026-11-01T00:00:00+09:00',
        Buying_Evidence: evidenceAt(VERIFIED[stage] ?? 'problem_recognition') || 'unknown_key',
      }),
    ],
    Tasks: [task({ id: 't', deal: 'd', subject, closed })],
  });
  const codes = (parts: Parameters<typeof dataset>[0]) => dealOf(parts)?.flags.map((f) => f.code) ?? [];
  it.each([
    ['a quote at information gathering', '見積提出', 'Needs Analysis', ['PREMATURE_QUOTE']],
    ['a quote at problem recognition', 'Quotation', 'Qualification', ['PREMATURE_QUOTE']],
    ['a quote at comparison is in time', '見積提出', 'Value Proposition', []],
    [
      'a contract draft at internal approval',
      '契約書ドラフト送付',
      'Proposal/Price Quote',
      ['PREMATURE_CONTRACT'],
    ],
    ['a contract draft at negotiation is in time', '契約書ドラフト送付', 'Negotiation/Review', []],
    ['price negotiation during comparison', '価格交渉', 'Value Proposition', ['PREMATURE_NEGOTIATION']],
  ])('%s', (_what, subject, stage, expected) => {
    expect(codes(onDeal(subject, stage))).toEqual(expected);
  });
  it('a quote planned but not yet done does not flag', () => {
    const parts = onDeal('見積提出', 'Needs Analysis');
    parts.Tasks = [
      task({ id: 't', deal: 'd', subject: '見積提出', status: 'Not Started', due: '2026-12-01' }),
    ];
    expect(codes(parts)).toEqual([]);
  });
  it('a quote linked to the account, not the deal, does not flag the deal', () => {
    expect(
      codes({
        Deals: [deal({ id: 'd', stage: 'Needs Analysis', created: '2026-11-01T00:00:00+09:00' })],
        Tasks: [task({ id: 't', subject: '見積提出', closed: IN })],
      }),
    ).toEqual([]);
  });
});

describe('the buying stage rests on buyer evidence (issue 11)', () => {
  const created = '2026-11-01T00:00:00+09:00';
  it('the checklist sets the stage; the Zoho stage is only a fallback, marked unverified', () => {
    const ticked = dealOf({
      Deals: [deal({ id: 'd', stage: 'Qualification', created, Buying_Evidence: evidenceAt('comparison') })],
    });
    expect(ticked).toMatchObject({ buyingStage: 'comparison', buyingStageVerified: true });
    const none = dealOf({ Deals: [deal({ id: 'd', stage: 'Needs Analysis', created })] });
    expect(none).toMatchObject({ buyingStage: 'information_gathering', buyingStageVerified: false });
  });
  it('a stage is passed only when all its exit criteria are ticked', () => {
    const d = dealOf({
      Deals: [deal({ id: 'd', created, Buying_Evidence: 'problem_acknowledged\nrequirements_shared' })],
    });
    expect(d).toMatchObject({ buyingStage: 'problem_recognition', buyingStageVerified: true });
  });
  it('a quote sent at 情報収集 stays flagged after the Zoho stage moves to Proposal/Price Quote', () => {
    const atInfo = evidenceAt('information_gathering');
    const parts = (stage: string) => ({
      Contacts: [contact({ id: 'dm', role: 'decision_maker' })],
      Deals: [deal({ id: 'd', stage, created, amount: 20_000_000, Buying_Evidence: atInfo })],
      Tasks: [task({ id: 't', deal: 'd', subject: '見積提出', closed: IN })],
    });
    const before = dealOf(parts('Needs Analysis'));
    const after = dealOf(parts('Proposal/Price Quote'));
    expect(before?.flags.map((f) => f.code)).toEqual(['PREMATURE_QUOTE']);
    expect(after?.flags.map((f) => f.code)).toEqual(['PREMATURE_QUOTE']);
    expect(after).toMatchObject({ buyingStage: 'information_gathering', buyingStageVerified: true });
    expect(after?.priority).toBe(before?.priority);
  });
  it('with no evidence at all, moving the Zoho stage does not clear the flag either', () => {
    const d = dealOf({
      Deals: [deal({ id: 'd', stage: 'Proposal/Price Quote', created })],
      Tasks: [task({ id: 't', deal: 'd', subject: '見積提出', closed: IN })],
    });
    const flag = d?.flags.find((f) => f.code === 'PREMATURE_QUOTE');
    expect(flag?.message.ja).toContain('未確認');
    expect(flag?.message.en).toContain('not verified');
  });
  it('a quote the customer requested is not premature: Quote_Requested, or a request keyword', () => {
    const parts = (subject: string, extra: Record<string, unknown> = {}) => ({
      Deals: [
        deal({
          id: 'd',
          stage: 'Needs Analysis',
          created,
          Buying_Evidence: evidenceAt('information_gathering'),
          ...extra,
        }),
      ],
      Tasks: [task({ id: 't', deal: 'd', subject, closed: IN })],
    });
    const codes = (p: Parameters<typeof dataset>[0]) => dealOf(p)?.flags.map((f) => f.code) ?? [];
    expect(codes(parts('見積提出'))).toEqual(['PREMATURE_QUOTE']);
    expect(codes(parts('見積提出', { Quote_Requested: true }))).toEqual([]);
    expect(codes(parts('概算依頼を受けて見積提出'))).toEqual([]);
    // the checkbox is about quotes: a contract draft is still ahead of the buyer
    expect(codes(parts('契約書ドラフト送付', { Quote_Requested: true }))).toEqual(['PREMATURE_CONTRACT']);
  });
});

describe('other forecast-risk flags', () => {
  it('late stage without a decision maker', () => {
    const parts = {
      Deals: [deal({ id: 'd', stage: 'Proposal/Price Quote', created: '2026-11-01T00:00:00+09:00' })],
    };
    expect(dealOf(parts)?.flags.map((f) => f.code)).toEqual(['NO_DECISION_MAKER']);
    expect(dealOf({ ...parts, Contacts: [contact({ id: 'dm', role: 'decision_maker' })] })?.flags).toEqual(
      [],
    );
  });
  it('past its closing date', () => {
    const d = dealOf({
      Deals: [deal({ id: 'd', closing: '2026-11-25', created: '2026-11-01T00:00:00+09:00' })],
    });
    expect(d?.flags.map((f) => f.code)).toEqual(['OVERDUE_CLOSE']);
  });
  it('no activity on the deal for 60 days', () => {
    const old = '2026-01-01T00:00:00+09:00';
    expect(dealOf({ Deals: [deal({ id: 'd', created: old })] })?.flags.map((f) => f.code)).toEqual([
      'STALLED_DEAL',
    ]);
    expect(
      dealOf({ Deals: [deal({ id: 'd', created: old })], Tasks: [task({ id: 't', deal: 'd', closed: IN })] })
        ?.flags,
    ).toEqual([]);
  });
});

describe('support rationale', () => {
  it('names the deal, amount, account, stages and what the customer needs, in both languages', () => {
    const d = dealOf({
      Accounts: [account({ name: '東邦精機工業' })],
      Deals: [deal({ id: 'd', stage: 'Needs Analysis', amount: 12_000_000 })],
    });
    expect(d?.supportRationale.ja).toContain('東邦精機工業');
    expect(d?.supportRationale.ja).toContain('￥12,000,000');
    expect(d?.supportRationale.ja).toContain(
      '顧客は「情報収集」段階（未確認）にあり、解決策の選択肢と概算の効果を求めています。',
    );
    expect(d?.supportRationale.en).toMatch(
      /^Deal d \(¥12,000,000\) started when our relationship with 東邦精機工業 was at Not started: it is a trust-building opportunity\. The customer is at Information gathering \(unverified\) and needs/,
    );
    expect(d?.supportRationale.en).not.toMatch(/\{\w+\}/);
  });
  it('formats amounts per language and says when there is none', () => {
    expect(formatAmount(1234567, 'JPY', 'en')).toBe('¥1,234,567');
    expect(formatAmount(null, 'JPY', 'ja')).toBe('金額未定');
  });
});

describe('formatAmount writes amounts as Intl.NumberFormat does', () => {
  const intl = (amount: number, currency: string, lang: 'ja' | 'en') =>
    new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(amount);
  const currencies = ['JPY', 'USD', 'EUR', 'GBP', 'INR', 'CHF', 'KRW', 'BHD'];

  it('on any amount, currency and language', () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000_000 }),
      fc.maxSafeInteger(),
      fc.double({ noNaN: true }),
      fc.constantFrom(-0, 0, 0.5, 999.5, 1e21, -1234, Number.MAX_SAFE_INTEGER + 2),
    );
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom(...currencies),
        fc.constantFrom('ja' as const, 'en' as const),
        (n, c, l) => {
          expect(formatAmount(n, c, l)).toBe(intl(n, c, l));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('deal roles keep their history (issue 11)', () => {
  const history = (id: string, to: string, changedAt: string) => ({
    id,
    Account: { id: 'a1', name: 'テスト商事' },
    From_Stage: null,
    To_Stage: to,
    Changed_At: changedAt,
  });
  const base = (deals: Record<string, unknown>[], stages: [string, string][]) => ({
    ...dataset({
      Accounts: [account({ Relationship_Stage: stages.at(-1)?.[0] })],
      Contacts: [contact({ id: 'p1', dept: '第一工場' }), contact({ id: 'p2', dept: '第二工場' })],
      Deals: deals,
    }),
    Relationship_Stage_History: stages.map(([to, at], i) => history(`h${i}`, to, at)),
  });
  it('a deal started at 接点構築 stays a trust-building deal after the account reached 信頼定着', () => {
    const data = base(
      [
        deal({
          id: 'first',
          stage: 'Closed Won',
          created: '2025-03-01T10:00:00+09:00',
          closing: '2025-09-01',
          contact: 'p1',
          amount: 1_000_000,
        }),
      ],
      [
        ['接点構築', '2025-01-31T23:00:00+09:00'],
        ['信頼定着', '2026-06-30T23:00:00+09:00'],
      ],
    );
    const d = insightOf(data).deals[0];
    expect(d).toMatchObject({ strategicRole: 'trust_building', stageAtCreation: 'contact', priority: null });
    expect(d?.supportRationale.ja).toBe(
      '「Deal first」（￥1,000,000）は、テスト商事との関係が「接点構築」段階のときに始まった信頼構築の案件で、受注しました。',
    );
    expect(d?.supportRationale.en).toBe(
      'Deal first (¥1,000,000) was a trust building deal, started when our relationship with テスト商事 was at Building contact; it was won.',
    );
  });
  it('at 信頼定着 a deal into a plant we have not won yet is an expansion base, not value reconfirmation', () => {
    const stages: [string, string][] = [['信頼定着', '2026-01-31T23:00:00+09:00']];
    const won = deal({
      id: 'w',
      stage: 'Closed Won',
      created: '2026-02-01T10:00:00+09:00',
      closing: '2026-05-01',
      contact: 'p1',
    });
    const later = '2026-09-01T10:00:00+09:00';
    const data = base(
      [
        won,
        deal({ id: 'same', created: later, contact: 'p1', Type: 'Existing Business' }),
        deal({ id: 'second_plant', created: later, contact: 'p2', Type: 'Existing Business' }),
      ],
      stages,
    );
    const roles = Object.fromEntries(insightOf(data).deals.map((d) => [d.id, d.strategicRole]));
    expect(roles).toMatchObject({ same: 'value_reconfirmation', second_plant: 'expansion_base' });
  });
  it('lost and unmapped deals get sentences that read correctly in both languages', () => {
    const data = base(
      [
        deal({ id: 'lost', stage: 'Closed Lost', created: '2026-02-01T10:00:00+09:00' }),
        deal({ id: 'odd', stage: 'Verbal Commit', created: '2026-02-01T10:00:00+09:00' }),
      ],
      [['課題共有', '2026-01-31T23:00:00+09:00']],
    );
    const [lost, odd] = insightOf(data).deals;
    expect(lost?.supportRationale.ja).toContain('始まった信頼構築の案件で、失注しました。');
    expect(lost?.supportRationale.en).toContain('; it was lost.');
    expect(odd?.supportRationale.ja).toContain(
      '顧客の購買段階はまだ確認できていません（Zoho の段階「Verbal Commit」',
    );
    expect(odd?.supportRationale.en).toContain("The customer's buying stage is not known yet");
    for (const d of [lost, odd]) {
      expect(d?.supportRationale.ja).not.toMatch(/Closed|（購買段階が不明）|\{\w+\}/);
      expect(d?.supportRationale.en).not.toMatch(/\{\w+\}/);
    }
  });
});
