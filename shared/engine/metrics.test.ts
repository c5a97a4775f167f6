import { call, contact, dataset, deal, event, plan, task, account } from '../testing/zoho-builders';
import { AS_OF, CONFIG, insightOf } from '../testing/engine-harness';

// asOf = 2026-11-26T12:00+09:00. The 90-day KPI window is (2026-08-28T12:00+09:00, asOf].
const IN = '2026-11-20T10:00:00+09:00';
const kpis = (parts: Parameters<typeof dataset>[0]) => insightOf(dataset(parts)).kpis;
const kgis = (parts: Parameters<typeof dataset>[0]) => insightOf(dataset(parts)).kgis;

describe('contacts_reached: distinct contacts on activities that happened in the window', () => {
  const people = [contact({ id: 'c1' }), contact({ id: 'c2' }), contact({ id: 'c3' })];
  it.each([
    ['a completed task with a contact', [task({ id: 't', who: 'c1', closed: IN })], 1],
    [
      'the same contact twice',
      [task({ id: 't1', who: 'c1', closed: IN }), call({ id: 'k', who: 'c1', start: IN })],
      1,
    ],
    [
      'an event: Who_Id and participants, deduplicated',
      [event({ id: 'e', who: 'c1', participants: ['c1', 'c2', 'c3'], start: IN })],
      3,
    ],
    ['an incomplete task', [task({ id: 't', who: 'c1', closed: IN, status: 'Not Started' })], 0],
    ['a future meeting', [event({ id: 'e', participants: ['c1'], start: '2026-11-26T12:00:01+09:00' })], 0],
    [
      'a meeting exactly at asOf',
      [event({ id: 'e', participants: ['c1'], start: '2026-11-26T03:00:00Z' })],
      1,
    ],
    ['just inside the window start', [call({ id: 'k', who: 'c1', start: '2026-08-28T12:00:01+09:00' })], 1],
    [
      'exactly 90 days before asOf (the open start)',
      [call({ id: 'k', who: 'c1', start: '2026-08-28T03:00:00Z' })],
      0,
    ],
    [
      'the same instant written in another offset',
      [call({ id: 'k', who: 'c1', start: '2026-08-27T22:00:01-05:00' })],
      1,
    ],
    [
      'a task without Closed_Time counts from its Due_Date',
      [task({ id: 't', who: 'c1', due: '2026-11-01' })],
      1,
    ],
    [
      'an activity linked through a deal of the account',
      [task({ id: 't', deal: 'd1', who: 'c2', closed: IN })],
      1,
    ],
    ['an activity of another account', [task({ id: 't', account: 'other', who: 'c1', closed: IN })], 0],
  ])('%s', (_what, activities, expected) => {
    const tasks = activities.filter((a) => 'Subject' in a && 'Status' in a);
    const events = activities.filter((a) => 'Event_Title' in a);
    const calls = activities.filter((a) => 'Call_Type' in a);
    const ds = dataset({
      Accounts: [account(), account({ id: 'other' })],
      Contacts: people,
      Deals: [deal({ id: 'd1' })],
      Tasks: tasks,
      Events: events,
      Calls: calls,
    });
    expect(insightOf(ds).kpis.contacts_reached).toBe(expected);
  });
});

describe('departments_reached: distinct non-empty departments of the contacts reached', () => {
  it('counts each department once and ignores blanks', () => {
    const k = kpis({
      Contacts: [
        contact({ id: 'c1', dept: '情報システム部' }),
        contact({ id: 'c2', dept: '情報システム部' }),
        contact({ id: 'c3', dept: '  ' }),
        contact({ id: 'c4', dept: '経営企画部' }),
        contact({ id: 'c5', dept: '購買部' }),
      ],
      Events: [event({ id: 'e', participants: ['c1', 'c2', 'c3', 'c4'], start: IN })],
    });
    expect(k.departments_reached).toBe(2);
  });
});

describe('customer_consultations: consultation activities or inbound calls, each once', () => {
  it.each([
    ['an inbound call', [call({ id: 'k', start: IN, type: 'Inbound' })], 1],
    ['an outbound call', [call({ id: 'k', start: IN, type: 'Outbound' })], 0],
    [
      'an inbound call about a consultation counts once',
      [call({ id: 'k', start: IN, type: 'Inbound', subject: 'ご相談' })],
      1,
    ],
    ['a consultation task', [task({ id: 't', closed: IN, subject: '新工場のご相談' })], 1],
    [
      'a consultation by explicit kind',
      [task({ id: 't', closed: IN, subject: '打合せ', kind: 'consultation' })],
      1,
    ],
  ])('%s', (_what, acts, expected) => {
    const calls = acts.filter((a) => 'Call_Type' in a);
    const tasks = acts.filter((a) => 'Status' in a);
    expect(kpis({ Calls: calls, Tasks: tasks }).customer_consultations).toBe(expected);
  });
});

describe('plan_updates: distinct Updated_On dates in the window', () => {
  it.each([
    [['2026-11-01', '2026-11-01', '2026-10-01'], 2],
    [['2026-08-29', '2026-08-28'], 1], // the 90th day counts, the 91st not
    [['2026-11-27'], 0], // tomorrow
    [[], 0],
  ])('%j → %d', (updates, expected) => {
    expect(kpis({ Account_Plans: [plan({ updates })] }).plan_updates).toBe(expected);
  });
});

describe('key_person_meetings: events with a key person', () => {
  const people = [
    contact({ id: 'dm', role: 'decision_maker' }),
    contact({ id: 'inf', influence: 4 }),
    contact({ id: 'low', influence: 3, role: 'user' }),
  ];
  it.each([
    ['a decision maker at a meeting', [event({ id: 'e', participants: ['dm'], start: IN })], [], 1],
    ['influence 4 without a role', [event({ id: 'e', participants: ['inf'], start: IN })], [], 1],
    ['a user with influence 3', [event({ id: 'e', participants: ['low'], start: IN })], [], 0],
    ['a task with a key person is not a meeting', [], [task({ id: 't', who: 'dm', closed: IN })], 0],
  ])('%s', (_what, events, tasks, expected) => {
    expect(kpis({ Contacts: people, Events: events, Tasks: tasks }).key_person_meetings).toBe(expected);
  });
});

describe('executive_touchpoints: activities with an executive', () => {
  it.each([
    ['the Is_Executive flag', contact({ id: 'x', exec: true, title: '担当' }), 1],
    ['a Japanese title', contact({ id: 'x', title: '常務取締役' }), 1],
    ['an English title', contact({ id: 'x', title: 'Chief Information Officer' }), 1],
    ['CIO as a word', contact({ id: 'x', title: 'CIO' }), 1],
    ["the president's office staff", contact({ id: 'x', title: '社長室 室員' }), 0],
    ['a section manager', contact({ id: 'x', title: '課長' }), 0],
  ])('%s', (_what, person, expected) => {
    expect(
      kpis({ Contacts: [person], Tasks: [task({ id: 't', who: 'x', closed: IN })] }).executive_touchpoints,
    ).toBe(expected);
  });
});

describe('proposals and decision_maker_proposals', () => {
  it('counts proposals made with the customer and quotes apart, and proposals with a decision maker', () => {
    const k = kpis({
      Contacts: [contact({ id: 'dm', role: 'decision_maker' }), contact({ id: 'u' })],
      Tasks: [
        task({ id: 't1', subject: '提案書説明', who: 'dm', closed: IN }),
        task({ id: 't2', subject: 'Quotation sent', who: 'u', closed: IN }),
        task({ id: 't3', subject: '定例', who: 'dm', closed: IN }),
        task({ id: 't4', subject: '提案書作成（社内）', closed: IN }),
        task({ id: 't5', subject: '見積提出', who: 'dm', closed: IN }),
      ],
      Events: [event({ id: 'e', subject: 'Proposal review', participants: ['u', 'dm'], start: IN })],
    });
    expect([k.proposals, k.quotes, k.decision_maker_proposals]).toEqual([2, 2, 2]);
  });
});

describe('study_sessions, seminars, referrals', () => {
  it('count activities of their kind', () => {
    const k = kpis({
      Events: [
        event({ id: 'e1', subject: 'AI勉強会', start: IN }),
        event({ id: 'e2', subject: 'DXセミナー', start: IN }),
        event({ id: 'e3', subject: 'Webinar', start: IN }),
      ],
      Tasks: [task({ id: 't', subject: '物流部門のご紹介', closed: IN })],
    });
    expect([k.study_sessions, k.seminars, k.referrals]).toEqual([1, 2, 1]);
  });
});

describe('deals_created: deals whose Created_Time is in the window', () => {
  it.each([
    ['2026-11-01T00:00:00+09:00', 1],
    ['2026-08-28T12:00:00+09:00', 0],
    ['2026-08-28T03:00:01Z', 1],
    ['2026-11-27T00:00:00+09:00', 0],
  ])('%s → %d', (created, expected) => {
    expect(kpis({ Deals: [deal({ id: 'd', created })] }).deals_created).toBe(expected);
  });
});

describe('relationship_activity_share', () => {
  it('is null without activities', () => {
    expect(kpis({}).relationship_activity_share).toBeNull();
  });
  const sided = [
    task({ id: 't1', subject: '見積提出', closed: IN }),
    task({ id: 't2', subject: '業界動向の情報提供', closed: IN }),
    task({ id: 't3', subject: '勉強会', closed: IN }),
  ];
  it('is relationship activities over the activities on either side', () => {
    // quote → deal; info_sharing, study_session → relationship
    expect(kpis({ Tasks: sided }).relationship_activity_share).toBeCloseTo(2 / 3);
  });
  it.each([
    ['an unclassifiable activity', task({ id: 'x', subject: '雑談', closed: IN })],
    ['a thank-you mail (admin)', task({ id: 'x', subject: 'お礼メール送付', closed: IN })],
    ['a scheduling call (admin)', call({ id: 'x', who: 'c1', subject: '訪問日程の再調整', start: IN })],
    ['an internal memo (internal)', task({ id: 'x', subject: '社内共有メモ作成', closed: IN })],
    ['an English thank-you (admin)', task({ id: 'x', subject: 'Thank-you e-mail', closed: IN })],
  ])('%s changes neither side of the mix', (_what, extra) => {
    const before = insightOf(dataset({ Tasks: sided }));
    const isCall = (extra as { Call_Start_Time?: string }).Call_Start_Time !== undefined;
    const after = insightOf(
      dataset({ Tasks: isCall ? sided : [...sided, extra], ...(isCall ? { Calls: [extra] } : {}) }),
    );
    expect(after.kpis.relationship_activity_share).toBe(before.kpis.relationship_activity_share);
    expect([after.activityMix.deal, after.activityMix.relationship]).toEqual([
      before.activityMix.deal,
      before.activityMix.relationship,
    ]);
    expect(after.activityMix.neither).toBe(before.activityMix.neither + 1);
  });
  it('shows the unclassified share with the mix: unclassified ÷ all activities', () => {
    const mix = insightOf(
      dataset({
        Tasks: [
          ...sided,
          task({ id: 'x1', subject: '雑談', closed: IN }), // unclassified
          task({ id: 'x2', subject: '日程調整', closed: IN }), // admin: classified, on neither side
          task({ id: 'x3', subject: '雑談', closed: IN, purpose: 'relationship' }), // the rep said
        ],
      }),
    ).activityMix;
    expect(mix).toMatchObject({ deal: 1, relationship: 3, neither: 2, unclassified: 1 });
    expect(mix.unclassifiedShare).toBeCloseTo(1 / 6, 4);
  });
  it('is null when every activity is on neither side', () => {
    const i = insightOf(dataset({ Tasks: [task({ id: 'x', subject: '雑談', closed: IN })] }));
    expect(i.kpis.relationship_activity_share).toBeNull();
    expect(i.activityMix.unclassifiedShare).toBe(1);
  });
});

describe('csat', () => {
  it.each([
    [undefined, null],
    [4, 4],
  ])('%s → %s', (csat, expected) => {
    expect(insightOf(dataset({ Accounts: [account(csat === undefined ? {} : { csat })] })).kpis.csat).toBe(
      expected,
    );
  });
});

describe('KGIs', () => {
  const won = (id: string, closing: string, amount: number, type?: string) =>
    deal({ id, stage: 'Closed Won', closing, amount, ...(type ? { type } : {}) });
  it('annual_revenue: Closed Won deals with Closing_Date in the current fiscal year (April–March)', () => {
    const g = kgis({
      Deals: [
        won('w1', '2026-11-26', 100), // today
        won('w2', '2026-04-01', 10), // the fiscal year's first day
        won('w3', '2026-03-31', 1000), // last fiscal year
        won('w4', '2027-03-31', 5000), // later this fiscal year: won, so it counts
        won('w5', '2027-04-01', 50000), // next fiscal year
        deal({ id: 'l', stage: 'Closed Lost', closing: '2026-10-01', amount: 7 }),
        deal({ id: 'o', stage: 'Negotiation/Review', closing: '2026-10-01', amount: 9 }),
      ],
    });
    expect(g.annual_revenue).toBe(5110);
  });
  it('annual_revenue follows fiscalYearStartMonth', () => {
    const g = insightOf(dataset({ Deals: [won('a', '2026-01-05', 1), won('b', '2025-12-31', 10)] }), AS_OF, {
      ...CONFIG,
      fiscalYearStartMonth: 1,
    }).kgis;
    expect(g.annual_revenue).toBe(1);
  });
  it('share_of_wallet: Σ current ÷ Σ potential of the potential map, the numbers the map shows', () => {
    const withMap = (potential: [number, number][]) =>
      kgis({ Deals: [won('w', '2026-10-01', 100)], Account_Plans: [plan({ potential })] }).share_of_wallet;
    expect(kgis({ Deals: [won('w', '2026-10-01', 100)] }).share_of_wallet).toBeNull(); // no map: not measurable
    expect(withMap([[0, 0]])).toBeNull();
    expect(
      withMap([
        [300, 50],
        [100, 80],
      ]),
    ).toBe(0.325); // (50 + 80) / (300 + 100), whatever the won deals add up to
  });
  it('KGI targets from the config: actual vs target', () => {
    const i = insightOf(
      dataset({
        Account_Plans: [
          plan({
            potential: [
              [100, 40],
              [100, 0],
            ],
          }),
        ],
      }),
      AS_OF,
      { ...CONFIG, kgiTargets: { share_of_wallet: 0.3, annual_revenue: 10 } },
    );
    expect(i.kgiTargets).toEqual({
      share_of_wallet: { target: 0.3, actual: 0.2, met: false },
      annual_revenue: { target: 10, actual: 0, met: false },
    });
  });
  it('fy_orders: won deals since the fiscal year began (April)', () => {
    const g = kgis({
      Deals: [
        won('a', '2026-03-31', 1),
        won('b', '2026-04-01', 10),
        won('c', '2026-11-26', 100),
        won('d', '2026-11-27', 1000),
      ],
    });
    expect(g.fy_orders).toBe(110);
  });
  it('expansion_revenue: the part of FY orders from existing business', () => {
    const g = kgis({
      Deals: [
        won('a', '2026-05-01', 10, 'Existing Business'),
        won('b', '2026-05-01', 100, 'New Business'),
        won('c', '2025-05-01', 1000, 'Existing Business'),
      ],
    });
    expect([g.fy_orders, g.expansion_revenue]).toEqual([110, 10]);
  });
});
