import { account, call, contact, dataset, deal, event, plan, task } from '../testing/zoho-builders';
import { insightOf } from '../testing/engine-harness';

type Parts = Parameters<typeof dataset>[0];
const AT = '2026-10-01T10:00:00+09:00';

/** Records that meet the criteria of stages 0..n of the shipped config (and nothing more). */
function evidenceUpTo(
  n: number,
  at = AT,
): Required<Pick<Parts, 'Accounts' | 'Contacts' | 'Deals' | 'Tasks' | 'Events' | 'Calls' | 'Account_Plans'>> {
  const p: ReturnType<typeof evidenceUpTo> = {
    Accounts: [account({ csat: n >= 4 ? 5 : 2 })],
    Contacts: [
      contact({ id: 'c1', dept: '情報システム部' }),
      contact({ id: 'c2', dept: '情報システム部', role: 'champion' }),
      contact({ id: 'dm', dept: '経営企画部', role: n >= 3 ? 'decision_maker' : 'user', title: '取締役' }),
      contact({ id: 'c4', dept: '製造本部' }),
    ],
    Deals: [],
    Tasks: [],
    Events: [],
    Calls: [],
    Account_Plans: [],
  };
  const strategy = n >= 1 ? { Strategy_Hypothesis: '中期経営計画でDXを推進' } : {};
  const potential: [number, number][] = n >= 2 ? [[1000, 100]] : [];
  p.Account_Plans.push(plan({ ...strategy, potential, updates: ['2026-11-01'] }));
  if (n >= 0)
    p.Calls.push(
      call({ id: 'k0', who: 'c1', start: at }),
      call({ id: 'k1', who: 'c4', start: at, type: 'Outbound' }),
    );
  if (n >= 1) {
    p.Events.push(
      event({ id: 'e1', participants: ['c2'], start: at }),
      event({ id: 'e2', participants: ['c2'], start: at }),
    );
    p.Calls.push(call({ id: 'k2', start: at, type: 'Inbound' }));
  }
  if (n >= 2)
    p.Tasks.push(
      task({ id: 't1', subject: '提案書説明', closed: at }),
      task({ id: 't2', subject: 'PoC 実施', closed: at }),
    );
  if (n >= 3)
    p.Events.push(
      event({ id: 'e3', subject: '提案（役員向け）', participants: ['dm'], start: at }),
      event({ id: 'e4', participants: ['dm'], start: at }),
    );
  if (n >= 4) {
    p.Deals.push(deal({ id: 'w1', stage: 'Closed Won', closing: '2026-06-01', amount: 1000, contact: 'c1' }));
    p.Tasks.push(task({ id: 't3', subject: '満足度レビュー', closed: at }));
  }
  if (n >= 5) {
    p.Deals.push(deal({ id: 'w2', stage: 'Closed Won', closing: '2026-07-01', amount: 500, contact: 'dm' }));
    p.Events.push(event({ id: 'e5', participants: ['dm', 'c4'], start: at }));
  }
  if (n >= 6)
    p.Tasks.push(
      task({ id: 't4', subject: '共同事例の取材', closed: at }),
      task({ id: 't5', subject: '物流部門のご紹介', closed: at }),
    );
  return p;
}

describe('stage gating', () => {
  it.each([0, 1, 2, 3, 4, 5, 6])('evidence up to stage %d puts the account there', (n) => {
    expect(insightOf(dataset(evidenceUpTo(n))).stage?.index).toBe(n);
  });

  it('no evidence at all: not started, heading for 接点構築', () => {
    const i = insightOf(dataset({}));
    expect(i.stage).toBeNull();
    expect(i.nextStage).toMatchObject({ key: 'contact', progress: 0 });
    expect(i.nextStage?.missing.map((m) => m.criterion)).toEqual(['contacts_reached≥2/365d']);
  });

  it('meeting a higher stage does not count while a lower one is missing', () => {
    const p = evidenceUpTo(3);
    p.Account_Plans = [plan({ potential: [[1000, 100]] })]; // drop the strategy hypothesis: stage 1 fails
    const i = insightOf(dataset(p));
    expect(i.stage?.key).toBe('contact');
    expect(i.nextStage?.key).toBe('shared_issues');
    expect(i.nextStage?.missing).toEqual([
      expect.objectContaining({ criterion: 'plan_sections_filled[strategy]≥1', actual: 0, required: 1 }),
    ]);
  });

  it('explains the stage with evidence from every stage up to it', () => {
    const i = insightOf(dataset(evidenceUpTo(2)));
    expect(new Set(i.evidence.map((e) => e.stage))).toEqual(
      new Set(['contact', 'shared_issues', 'co_creation']),
    );
    expect(i.evidence.find((e) => e.criterion === 'proposals≥1/365d')).toMatchObject({
      actual: 1,
      required: 1,
    });
  });

  it('lists what is missing for the next stage, with progress as the mean of capped ratios', () => {
    const p = evidenceUpTo(2);
    p.Contacts = p.Contacts.map((c) => (c.id === 'dm' ? { ...c, Buying_Role: 'decision_maker' } : c));
    p.Events.push(event({ id: 'ex', participants: ['dm'], start: AT }));
    const i = insightOf(dataset(p));
    expect(i.stage?.key).toBe('co_creation');
    expect(i.nextStage?.key).toBe('executive');
    // decision maker identified (1/1), executive touchpoints 1 of 2, decision-maker proposals 0 of 1
    expect(i.nextStage?.missing.map((m) => [m.criterion, m.actual, m.required])).toEqual([
      ['executive_touchpoints≥2/365d', 1, 2],
      ['decision_maker_proposals≥1/365d', 0, 1],
    ]);
    expect(i.nextStage?.progress).toBeCloseTo((1 + 0.5 + 0) / 3, 4);
    expect(i.nextStage?.missing[0]?.label).toEqual({
      ja: '役員との接点 2以上（直近365日）',
      en: 'Executive touchpoints ≥ 2 (last 365 days)',
    });
  });

  it('anyOf is met by either alternative', () => {
    const viaStudy = evidenceUpTo(1);
    viaStudy.Calls = viaStudy.Calls.filter((c) => c.id !== 'k2');
    viaStudy.Events.push(event({ id: 's', subject: '勉強会', start: AT }));
    expect(insightOf(dataset(viaStudy)).stage?.key).toBe('shared_issues');
    const neither = evidenceUpTo(1);
    neither.Calls = neither.Calls.filter((c) => c.id !== 'k2');
    expect(insightOf(dataset(neither)).stage?.key).toBe('contact');
  });

  it('reaches the top through a group company instead of a case study', () => {
    const p = evidenceUpTo(6);
    p.Tasks = p.Tasks.filter((t) => t.id !== 't4');
    expect(insightOf(dataset(p)).stage?.key).toBe('internal_expansion');
    p.Accounts.push(account({ id: 'sub', name: '子会社', parent: 'a1', Relationship_Stage: '接点構築' }));
    const top = insightOf(dataset(p));
    expect(top.stage?.key).toBe('external_expansion');
    expect(top.nextStage).toBeNull();
  });

  it('a group company not started does not count', () => {
    const p = evidenceUpTo(6);
    p.Tasks = p.Tasks.filter((t) => t.id !== 't4');
    p.Accounts.push(account({ id: 'sub', parent: 'a1', Relationship_Stage: '未着手' }));
    expect(insightOf(dataset(p)).stage?.key).toBe('internal_expansion');
  });
});

describe('a quiet month does not demote an established account', () => {
  it.each([0, 30, 60, 120])('no activity for the last %d days keeps 経営巻き込み', (quietDays) => {
    const at = new Date(Date.parse('2026-11-26T12:00:00+09:00') - (quietDays + 1) * 86_400_000).toISOString();
    expect(insightOf(dataset(evidenceUpTo(3, at))).stage?.key).toBe('executive');
  });
  it('a year without activity does', () => {
    expect(insightOf(dataset(evidenceUpTo(3, '2025-11-20T10:00:00+09:00'))).stage?.index ?? -1).toBeLessThan(
      3,
    );
  });
});

describe('adding evidence never lowers the stage', () => {
  /** A small seeded PRNG so the property test is repeatable. */
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const subjects = [
    '提案書説明',
    '見積提出',
    'PoC',
    '役員面談',
    '勉強会',
    'セミナー',
    'ご相談',
    '満足度レビュー',
    'ご紹介',
    '共同事例',
    '打合せ',
  ];
  const stages = ['Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Closed Won', 'Closed Lost'];
  const roles = ['decision_maker', 'champion', 'influencer', 'user', undefined];

  function randomRecord(r: () => number, n: number, parts: ReturnType<typeof evidenceUpTo>): void {
    const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
    const day = `2026-${String(1 + Math.floor(r() * 11)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const who = pick(parts.Contacts.map((c) => c.id as string));
    switch (Math.floor(r() * 5)) {
      case 0:
        parts.Contacts.push(
          contact({
            id: `rc${n}`,
            dept: pick(['情報システム部', '購買部', '人事部']),
            role: pick(roles),
            title: pick(['部長', '取締役', '主任']),
          }),
        );
        break;
      case 1:
        parts.Deals.push(
          deal({ id: `rd${n}`, stage: pick(stages), closing: day, amount: 100, contact: who }),
        );
        break;
      case 2:
        parts.Events.push(
          event({
            id: `re${n}`,
            subject: pick(subjects),
            participants: [who],
            start: `${day}T10:00:00+09:00`,
          }),
        );
        break;
      case 3:
        parts.Tasks.push(
          task({ id: `rt${n}`, subject: pick(subjects), who, closed: `${day}T10:00:00+09:00` }),
        );
        break;
      default:
        parts.Calls.push(
          call({
            id: `rk${n}`,
            subject: pick(subjects),
            who,
            start: `${day}T10:00:00+09:00`,
            type: pick(['Inbound', 'Outbound']),
          }),
        );
    }
  }

  const rises: number[] = [];
  afterAll(() => {
    // the property is only worth something if the random evidence actually moves accounts up
    expect(rises.filter((r) => r > 0).length).toBeGreaterThanOrEqual(4);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'random history (seed %d): the stage index never falls as records are added',
    (seed) => {
      const r = rng(seed);
      const parts = evidenceUpTo(Math.floor(r() * 3));
      // a filled plan and a good CSAT, so that random activities and deals can move the account up
      parts.Account_Plans = [plan({ Strategy_Hypothesis: '仮説', potential: [[1000, 0]] })];
      parts.Accounts = [account({ csat: 5 })];
      const start = insightOf(dataset(parts)).stage?.index ?? -1;
      let previous = start;
      for (let n = 0; n < 60; n++) {
        randomRecord(r, n, parts);
        const now = insightOf(dataset(parts)).stage?.index ?? -1;
        expect(now).toBeGreaterThanOrEqual(previous);
        previous = now;
      }
      rises.push(previous - start);
    },
  );
});
