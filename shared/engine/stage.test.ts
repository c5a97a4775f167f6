import { account, call, contact, dataset, deal, event, plan, task } from '../testing/zoho-builders';
import { CONFIG, insightOf } from '../testing/engine-harness';

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
      task({ id: 't1', subject: '提案書説明', who: 'c2', closed: at }),
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

describe('a stage is the depth reached (issue 11)', () => {
  const DAY = 86_400_000;
  const later = (days: number, from = AT) => new Date(Date.parse(from) + days * DAY).toISOString();
  /** A Relationship_Stage_History record, as the service writes it. */
  const history = (id: string, to: string, changedAt: string, from: string | null = null) => ({
    id,
    Account: { id: 'a1', name: 'テスト商事' },
    From_Stage: from,
    To_Stage: to,
    Changed_At: changedAt,
  });
  /** 経営巻き込み reached at AT, recorded in the history; then only a monthly call, champion and user in turn. */
  function executiveThenActive(daysOn: number): Record<string, unknown> {
    const p = evidenceUpTo(3);
    for (let d = 30; d <= daysOn; d += 30)
      p.Calls.push(call({ id: `m${d}`, who: d % 60 === 0 ? 'c2' : 'c1', start: later(d) }));
    return {
      ...dataset(p),
      Relationship_Stage_History: [history('h1', '経営巻き込み', AT)],
    };
  }

  it('an active account 400 days on keeps its stage, at risk, with a next action to refresh the evidence', () => {
    const i = insightOf(executiveThenActive(400), later(400));
    expect(i.stage?.key).toBe('executive');
    expect(i.stageStatus.reachedFrom).toBe('history');
    expect(i.stageStatus.regression).toBeNull();
    const stale = i.stageStatus.atRisk.map((r) => r.stage);
    expect(stale).toEqual(['shared_issues', 'co_creation', 'executive']);
    expect(i.stageStatus.atRisk[0]?.stale.map((c) => c.criterion)).toContain('key_person_meetings≥2/365d');
    const refresh = i.nextActions.find((a) => a.code === 'REFRESH_EVIDENCE');
    expect(refresh?.label.ja).toContain('「課題共有」');
    expect(refresh?.label.en).toContain('Sharing issues');
    // without the stage reached before, the same evidence puts it only at 接点構築
    const fresh = executiveThenActive(400);
    delete fresh.Relationship_Stage_History;
    expect(insightOf(fresh, later(400)).stage?.key).toBe('contact');
  });

  it('at the demo date nothing is stale and no refresh action is proposed', () => {
    const i = insightOf(executiveThenActive(0), later(1));
    expect(i.stage?.key).toBe('executive');
    expect(i.stageStatus.atRisk).toEqual([]);
    expect(i.nextActions.map((a) => a.code)).not.toContain('REFRESH_EVIDENCE');
  });

  it('the stage last written to the account counts when there is no history', () => {
    const p = evidenceUpTo(0);
    p.Accounts = [account({ Relationship_Stage: '共創提案' })];
    const i = insightOf(dataset(p));
    expect(i.stage?.key).toBe('co_creation');
    expect(i.stageStatus.reachedFrom).toBe('crm');
    expect(i.stageStatus.atRisk.map((r) => r.stage)).toEqual(['shared_issues', 'co_creation']);
  });

  it('a history record after the as-of instant is not yet reached; the latest one before it is', () => {
    const data = {
      ...dataset(evidenceUpTo(0)),
      Relationship_Stage_History: [
        history('h1', '課題共有', '2026-03-01T00:00:00+09:00'),
        history('h2', '経営巻き込み', '2026-12-01T00:00:00+09:00', '課題共有'),
      ],
    };
    expect(insightOf(data).stage?.key).toBe('shared_issues');
    expect(insightOf(data, '2026-12-02T00:00:00+09:00').stage?.key).toBe('executive');
  });

  it("promotion from the reached stage needs only the next stage's own criteria", () => {
    // reached 課題共有 earlier; now a proposal, a PoC and the potential map, but the 課題共有 meetings aged out
    const p = evidenceUpTo(0);
    p.Account_Plans = [plan({ potential: [[1000, 100]], updates: ['2026-09-01'] })];
    p.Tasks.push(
      task({ id: 't1', subject: '提案書説明', who: 'c2', closed: AT }),
      task({ id: 't2', subject: 'PoC 実施', closed: AT }),
    );
    const data = {
      ...dataset(p),
      Relationship_Stage_History: [history('h1', '課題共有', '2025-06-01T00:00:00+09:00')],
    };
    const i = insightOf(data);
    expect(i.stage?.key).toBe('co_creation');
    expect(i.stageStatus.atRisk.map((r) => r.stage)).toEqual(['shared_issues']);
  });

  it('demotion only by the configured rule: no activity at all for noActivityDays', () => {
    const data = executiveThenActive(0);
    const i = insightOf(data, later(366));
    expect(i.stageStatus.regression).toMatchObject({ code: 'NO_ACTIVITY', fromStage: 'executive' });
    expect(i.stageStatus.regression?.message.ja).toContain('365日間まったく活動がない');
    expect(i.stageStatus.regression?.message.en).toContain('No activity at all for 365 days');
    expect(i.stage).toBeNull();
    // switched off, the stage is kept however long the silence
    const off = { ...CONFIG, stageRegression: { noActivityDays: null, lostKeyPerson: false } };
    expect(insightOf(data, later(800), off).stage?.key).toBe('executive');
  });

  it('lostKeyPerson: true drops the stage when the buyer map has no key person left', () => {
    const data = executiveThenActive(60);
    (data.Contacts as Record<string, unknown>[]).forEach((c) => {
      c.Buying_Role = 'user';
      c.Influence_Level = 1;
    });
    expect(insightOf(data, later(61)).stage?.key).toBe('executive');
    const strict = { ...CONFIG, stageRegression: { noActivityDays: 365, lostKeyPerson: true } };
    const i = insightOf(data, later(61), strict);
    expect(i.stageStatus.regression?.code).toBe('LOST_KEY_PERSON');
    expect(i.stage?.index ?? -1).toBeLessThan(3);
  });
});

describe('a quote is not co-creation evidence (issue 11)', () => {
  it('共創提案 needs a proposal made with the customer; a quote, or a proposal nobody from the customer saw, does not count', () => {
    const withQuote = evidenceUpTo(2);
    withQuote.Tasks = withQuote.Tasks.map((t) =>
      t.id === 't1' ? task({ id: 't1', subject: '見積提出', who: 'c2', closed: AT }) : t,
    );
    const i = insightOf(dataset(withQuote));
    expect(i.stage?.key).toBe('shared_issues');
    expect(i.nextStage?.missing.map((m) => m.criterion)).toEqual(['proposals≥1/365d']);
    expect(i.kpis.quotes).toBe(1);
    const internal = evidenceUpTo(2);
    internal.Tasks = internal.Tasks.map((t) =>
      t.id === 't1' ? task({ id: 't1', subject: '提案書作成', closed: AT }) : t,
    );
    expect(insightOf(dataset(internal)).stage?.key).toBe('shared_issues');
  });
});
