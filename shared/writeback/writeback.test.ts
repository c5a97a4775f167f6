import { account, contact, dataset, deal, event, task } from '../testing/zoho-builders';
import { CONFIG, insightOf } from '../testing/engine-harness';
import {
  diffFields,
  planUpdateHistory,
  planWriteBack,
  PLAN_UPDATES_KEPT,
  sameValue,
  type PlanUpdateRow,
} from './plan';
import { insightTimestampField, projectAccount, projectDeal } from './project';

const IN = '2026-11-20T10:00:00+09:00';
const insight = insightOf(
  dataset({
    Accounts: [account({ csat: 4 })],
    Contacts: [contact({ id: 'c1', dept: '情報システム部' }), contact({ id: 'c2', dept: '経営企画部' })],
    Deals: [deal({ id: 'd', stage: 'Needs Analysis', created: '2026-11-01T00:00:00+09:00' })],
    Tasks: [task({ id: 't1', deal: 'd', subject: '見積提出', who: 'c1', closed: IN })],
    Events: [
      event({ id: 'e', subject: '勉強会', participants: ['c2'], start: IN }),
      event({ id: 'e2', subject: 'セミナー', participants: ['c2'], start: IN }),
    ],
  }),
);

describe('projecting an insight onto the Accounts fields', () => {
  it('writes the stage label, progress, gaps, KPIs (ratios as percent) and KGIs', () => {
    const { fields, stageChange } = projectAccount(insight, CONFIG, {});
    expect(fields).toMatchObject({
      Relationship_Stage: '接点構築',
      Relationship_Stage_Since: '2026-11-26',
      Stage_Progress: 33, // one of three criteria of 課題共有 met (a study session)
      KPI_Contacts_Reached: 2,
      KPI_Departments_Reached: 2,
      KPI_Relationship_Activity_Share: 66.7,
      Unclassified_Activity_Share: 0, // every activity classified
      KPI_Csat: 4,
      KPI_Deals_Created: 1,
      KGI_Annual_Revenue: 0,
      KGI_Share_Of_Wallet: null,
    });
    expect(fields.Next_Stage_Gaps).toBe(
      [
        '・キーパーソンとの面談 2以上（直近365日）（0 / 2）',
        '・アカウントプラン記入済みセクション（顧客の戦略と課題の仮説） 1以上（0 / 1）',
      ].join('\n'),
    );
    expect(stageChange).toEqual({ from: null, to: '接点構築', changedAt: '2026-11-26T12:00:00+09:00' });
  });

  it('writes the unclassified share beside the mix (percent of the KPI window; empty with no activity)', () => {
    const mixed = insightOf(
      dataset({
        Tasks: [
          task({ id: 't1', subject: '見積提出', closed: IN }),
          task({ id: 't2', subject: '定例打合せ', closed: IN }), // nobody can classify it
          task({ id: 't3', subject: '日程調整', closed: IN }), // admin: classified, on neither side
        ],
      }),
    );
    expect(projectAccount(mixed, CONFIG, {}).fields.Unclassified_Activity_Share).toBe(33.3);
    const none = insightOf(dataset({ Tasks: [], Events: [] }));
    expect(projectAccount(none, CONFIG, {}).fields.Unclassified_Activity_Share).toBeNull();
  });

  it('keeps Relationship_Stage_Since while the stage stays, and records no change', () => {
    const { fields, stageChange } = projectAccount(insight, CONFIG, {
      Relationship_Stage: '接点構築',
      Relationship_Stage_Since: '2026-05-01',
    });
    expect(fields.Relationship_Stage_Since).toBe('2026-05-01');
    expect(stageChange).toBeNull();
  });

  it('restarts Relationship_Stage_Since and records the move when the stage changes', () => {
    const { fields, stageChange } = projectAccount(insight, CONFIG, {
      Relationship_Stage: '課題共有',
      Relationship_Stage_Since: '2026-05-01',
    });
    expect(fields.Relationship_Stage_Since).toBe('2026-11-26');
    expect(stageChange).toMatchObject({ from: '課題共有', to: '接点構築' });
  });

  it('reads the stage written in English or as a key too', () => {
    expect(
      projectAccount(insight, CONFIG, { Relationship_Stage: 'Building contact' }).stageChange,
    ).toBeNull();
    expect(projectAccount(insight, CONFIG, { Relationship_Stage: 'contact' }).stageChange).toBeNull();
  });

  it('writes only the enabled KGIs', () => {
    const { fields } = projectAccount(insight, { ...CONFIG, kgis: ['fy_orders'] }, {});
    expect(Object.keys(fields).filter((f) => f.startsWith('KGI_'))).toEqual(['KGI_FY_Orders']);
  });

  it('stamps Insight_Updated_At in the org offset', () => {
    expect(insightTimestampField(insight, CONFIG)).toEqual({
      Insight_Updated_At: '2026-11-26T12:00:00+09:00',
    });
  });
});

describe('projecting a deal', () => {
  it('writes buying stage, role, priority and the forecast risk lines', () => {
    const d = insight.deals[0];
    if (!d) throw new Error('no deal');
    expect(projectDeal(d, CONFIG)).toEqual({
      Buying_Stage: '情報収集',
      Strategic_Role: '信頼構築',
      Deal_Priority: 2,
      Forecast_Risk:
        'PREMATURE_QUOTE: 顧客がまだ比較・検討前なのに見積を提出している（購買段階は顧客側の証拠で未確認）',
    });
  });
});

describe('the write-back plan holds only changed values', () => {
  it.each([
    [null, null, true],
    [undefined, null, true],
    ['', null, true],
    ['  ', null, true],
    [0, null, false],
    [12, 12, true],
    ['12.50', 12.5, true],
    [66.7, 66.69999999999, true],
    [66.7, 66.8, false],
    ['接点構築', '接点構築', true],
    ['a\r\nb', 'a\nb', true],
    ['a \nb', 'a\nb', true],
    ['a', 'b', false],
    ['2026-11-26T12:00:00+09:00', '2026-11-26T03:00:00Z', true],
    ['2026-11-26T12:00:00+09:00', '2026-11-26T12:00:00Z', false],
    ['2026-11-26', '2026-11-26', true],
    [true, 'true', true],
    [false, true, false],
  ])('%j vs %j → same: %s', (current, desired, same) => {
    expect(sameValue(current, desired)).toBe(same);
  });

  it('diffs field by field', () => {
    expect(diffFields({ A: 1, B: 'x', C: null }, { A: 1, B: 'y', C: null, D: 5 })).toEqual({ B: 'y', D: 5 });
  });

  it('adds the with-change fields only to records that change', () => {
    const plan = planWriteBack([
      { id: '1', current: { A: 1 }, desired: { A: 1 }, withChange: { T: 'now' } },
      { id: '2', current: { A: 1 }, desired: { A: 2 }, withChange: { T: 'now' } },
    ]);
    expect(plan).toEqual({ updates: [{ id: '2', fields: { A: 2, T: 'now' } }], unchanged: 1 });
  });

  it('a second projection of the same insight onto what was written plans nothing', () => {
    const first = projectAccount(insight, CONFIG, {});
    const written = { ...first.fields };
    const again = projectAccount(insight, CONFIG, written);
    expect(planWriteBack([{ id: 'a1', current: written, desired: again.fields }])).toEqual({
      updates: [],
      unchanged: 1,
    });
  });
});

describe('planUpdateHistory: the plan-update subform never passes Zoho’s 100 rows', () => {
  const row = (day: number, summary = `s${day}`): PlanUpdateRow => ({
    id: `r${day}`,
    updatedOn: `2026-01-${String(day).padStart(2, '0')}`,
    summary,
  });

  it('adds a row for a new day and keeps the others with their ids', () => {
    expect(planUpdateHistory([row(1)], '2026-01-02', 'new')).toEqual({
      keep: [row(1), { updatedOn: '2026-01-02', summary: 'new' }],
      archive: [],
    });
  });

  it('a second save the same day adds to that day’s row (the KPI counts days)', () => {
    expect(planUpdateHistory([row(1), row(2)], '2026-01-02', 'more').keep).toEqual([
      row(1),
      { id: 'r2', updatedOn: '2026-01-02', summary: 's2\nmore' },
    ]);
    expect(planUpdateHistory([{ ...row(2), summary: null }], '2026-01-02', 'x').keep).toEqual([
      { id: 'r2', updatedOn: '2026-01-02', summary: 'x' },
    ]);
  });

  it('a day’s row that would overflow its 2,000 characters is archived whole and starts again', () => {
    const full = row(2, 'あ'.repeat(1999));
    expect(planUpdateHistory([full], '2026-01-02', 'next')).toEqual({
      keep: [{ id: 'r2', updatedOn: '2026-01-02', summary: 'next' }],
      archive: [{ updatedOn: '2026-01-02', summary: 'あ'.repeat(1999) }],
    });
  });

  it('over the cap, the oldest rows (undated first) move to the archive', () => {
    const rows = [row(5), { id: 'x', updatedOn: null, summary: 'old' }, row(3), row(4)];
    expect(planUpdateHistory(rows, '2026-01-06', 'new', { keep: 3 })).toEqual({
      keep: [row(5), row(4), { updatedOn: '2026-01-06', summary: 'new' }],
      archive: [
        { updatedOn: null, summary: 'old' },
        { updatedOn: '2026-01-03', summary: 's3' },
      ],
    });
  });

  it('101 saves on 101 days: the subform holds 100 rows, the first day is archived', () => {
    let rows: PlanUpdateRow[] = [];
    const archived: PlanUpdateRow[] = [];
    for (let d = 0; d < 101; d++) {
      const day = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
      const h = planUpdateHistory(rows, day, `save ${d}`);
      rows = h.keep;
      archived.push(...h.archive);
      expect(rows.length).toBeLessThanOrEqual(PLAN_UPDATES_KEPT);
    }
    expect(rows).toHaveLength(100);
    expect(archived).toEqual([{ updatedOn: '2026-01-01', summary: 'save 0' }]);
  });

  it('refuses to keep no rows', () => {
    expect(() => planUpdateHistory([], '2026-01-01', 'x', { keep: 0 })).toThrow(/at least one/);
  });
});
