import { EXPECTED_VALUE, ISSUE_TEXT } from './issues';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('data-issue texts', () => {
  const samples = [
    ISSUE_TEXT.notARecord('Tasks', 3),
    ISSUE_TEXT.noId('Tasks', 3),
    ISSUE_TEXT.notAList('Deals'),
    ISSUE_TEXT.unknownPicklist('Contacts', 'c', 'Buying_Role', 'boss', ['decision_maker', 'user']),
    ...Object.keys(EXPECTED_VALUE).map((k) =>
      ISSUE_TEXT.invalidValue('Deals', 'd', 'Amount', k as keyof typeof EXPECTED_VALUE, '"x"'),
    ),
    ISSUE_TEXT.outOfRange('Accounts', 'a', 'Customer_Satisfaction', -3, 0, 5),
    ISSUE_TEXT.orphan('Deals', 'd', 'account', null),
    ISSUE_TEXT.orphan('Tasks', 't', 'deal', 'gone'),
    ISSUE_TEXT.orphanPlan('Account_Plans', 'p'),
    ISSUE_TEXT.multiplePlans(2, 'p2'),
    ISSUE_TEXT.reportingCycle('a → b → a'),
    ISSUE_TEXT.unmappedDealStage('X', 'Odd'),
    ISSUE_TEXT.dealWithoutStage('X'),
    ISSUE_TEXT.dealWithoutStageLeftOut('d'),
    ISSUE_TEXT.wonWithoutAmount('X'),
    ISSUE_TEXT.historyWithout('h', 'Changed_At'),
  ];

  it.each(samples.map((s, i) => [i, s] as const))(
    '#%i reads as Japanese in ja and English in en',
    (_i, s) => {
      expect(s.ja).toMatch(JAPANESE);
      expect(s.en).not.toMatch(JAPANESE);
      expect(s.en.length).toBeGreaterThan(10);
    },
  );

  it('names the record and field in both languages', () => {
    const s = ISSUE_TEXT.invalidValue('Events', 'e', 'Start_DateTime', 'datetime', '"tomorrow"');
    for (const text of [s.ja, s.en]) expect(text).toMatch(/^Events e: Start_DateTime.*"tomorrow"/);
  });
});
