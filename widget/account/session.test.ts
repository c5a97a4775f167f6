import { ACCOUNT, task } from '../../shared/testing/zoho-builders';
import { AS_OF, sampleDataset, testConfig } from './testing/fixtures';
import { fakeCrm } from './testing/fake-crm';
import { publishedRecord } from '../../shared/config/published';
import { createSession } from './session';

const now = () => AS_OF;

describe('account session', () => {
  it('loads one account page with 2 CRM calls through the read-batch function', async () => {
    const crm = fakeCrm(sampleDataset(), { readBatch: true });
    const view = await createSession(crm, testConfig(), ACCOUNT, now).load();
    expect(crm.calls).toEqual(['function esm_read_batch', 'function esm_read_batch']);
    expect(view.insight.accountId).toBe(ACCOUNT);
    expect(view.insight.stage?.key).toBe('contact');
  });

  it('reads directly when the function is not installed (the first load also reads the published config); asks once per session', async () => {
    const crm = fakeCrm(sampleDataset());
    const session = createSession(crm, testConfig(), ACCOUNT, now);
    const view = await session.load();
    expect(crm.calls[0]).toBe('function esm_read_batch');
    expect(crm.calls.slice(1).sort()).toEqual(
      [
        'coql Accounts',
        'coql Calls',
        'coql Contacts',
        'coql Deals',
        'coql ESM_Settings',
        'coql Relationship_Stage_History',
        'coql Tasks',
        'search Account_Plans',
        'search Events',
      ].sort(),
    );
    expect(view.insight.stage?.key).toBe('contact');
    crm.calls.length = 0;
    await session.load();
    expect(crm.calls).toHaveLength(8);
    expect(crm.calls).not.toContain('function esm_read_batch');
  });

  it('the batch and the direct reads give the engine the same dataset', async () => {
    const batched = await createSession(
      fakeCrm(sampleDataset(), { readBatch: true }),
      testConfig(),
      ACCOUNT,
      now,
    ).load();
    const direct = await createSession(fakeCrm(sampleDataset()), testConfig(), ACCOUNT, now).load();
    expect(batched.raw).toEqual(direct.raw);
    expect(batched.insight).toEqual(direct.insight);
  });

  it('a read the function ran and the CRM refused fails the load; the session does not fall back', async () => {
    const crm = fakeCrm(sampleDataset(), {
      readBatch: true,
      fail: (c) => (c === 'batched coql Deals' ? 'column given seems to be invalid' : null),
    });
    await expect(createSession(crm, testConfig(), ACCOUNT, now).load()).rejects.toEqual({
      code: 'CRM_ERROR',
      detail: 'esm_read_batch: INVALID_QUERY: column given seems to be invalid',
    });
    expect(crm.calls).toEqual(['function esm_read_batch']);
  });

  it('uses the config the service published (read in the first batch), and ignores a broken one', async () => {
    const config = testConfig();
    const deal = sampleDataset().Deals?.[0] as Record<string, unknown>;
    const changed = {
      ...config,
      buyingStages: config.buyingStages
        .map((b) => (b.key === 'decision' ? { ...b, zohoStages: [...b.zohoStages, String(deal.Stage)] } : b))
        .map((b) =>
          b.key !== 'decision' ? { ...b, zohoStages: b.zohoStages.filter((z) => z !== deal.Stage) } : b,
        ),
    };
    const rec = publishedRecord(changed);
    if (!rec.ok) throw new Error(rec.reason);
    const crm = fakeCrm(sampleDataset({ ESM_Settings: [{ id: 's1', ...rec.fields }] }), { readBatch: true });
    const view = await createSession(crm, config, ACCOUNT, now).load();
    expect(crm.calls).toEqual(['function esm_read_batch', 'function esm_read_batch']);
    expect(view.config).toEqual(changed);
    expect(view.insight.deals[0]?.buyingStage).toBe('decision');

    const broken = { id: 's1', ...rec.fields, Config_Json: String(rec.fields.Config_Json).slice(0, 100) };
    const fallback = await createSession(
      fakeCrm(sampleDataset({ ESM_Settings: [broken] }), { readBatch: true }),
      config,
      ACCOUNT,
      now,
    ).load();
    expect(fallback.config).toBe(config);
  });

  it('gives the engine the same numbers as a direct run over the same records', async () => {
    const { insightsFromDataset } = await import('../../shared/engine/pipeline');
    const raw = sampleDataset();
    const direct = insightsFromDataset(raw, testConfig(), AS_OF, { accountId: ACCOUNT });
    const view = await createSession(fakeCrm(sampleDataset()), testConfig(), ACCOUNT, now).load();
    expect(direct.ok && direct.insights[0]).toEqual(view.insight);
  });

  it('writes a buyer-map edit to the contact and recomputes the stage facts at once', async () => {
    const crm = fakeCrm(sampleDataset());
    const session = createSession(crm, testConfig(), ACCOUNT, now);
    const before = await session.load();
    expect(before.buyerGaps.map((g) => g.code)).toContain('NO_DECISION_MAKER');
    const after = await session.saveBuyer(before, 'c3', {
      buyingRole: 'decision_maker',
      attitude: 'supporter',
      influence: 5,
      isExecutive: true,
      influences: ['c1', 'c2'],
    });
    expect(crm.writes).toEqual([
      {
        op: 'update',
        entity: 'Contacts',
        data: {
          id: 'c3',
          Buying_Role: 'decision_maker',
          Attitude: 'supporter',
          Influence_Level: 5,
          Is_Executive: true,
          Influences: 'c1\nc2',
        },
      },
    ]);
    expect(after.buyerGaps.map((g) => g.code)).not.toContain('NO_DECISION_MAKER');
    expect(after.people.find((p) => p.contact.id === 'c3')?.contact.influences).toEqual(['c1', 'c2']);
  });

  it("writes a deal's buying committee without its own contact, and the map's committee follows", async () => {
    const crm = fakeCrm(sampleDataset());
    const session = createSession(crm, testConfig(), ACCOUNT, now);
    const before = await session.load();
    expect(before.committees).toEqual([
      { dealId: 'd1', name: expect.any(String), contactId: 'c1', contactIds: ['c1'] },
    ]);
    const after = await session.saveCommittee(before, 'd1', ['c1', 'c3', 'c3']);
    expect(crm.writes).toEqual([
      { op: 'update', entity: 'Deals', data: { id: 'd1', Buying_Committee: 'c3' } },
    ]);
    expect(after.committees[0]?.contactIds).toEqual(['c1', 'c3']);
    await session.saveCommittee(after, 'd1', ['c1']);
    expect(crm.writes[1]).toEqual({
      op: 'update',
      entity: 'Deals',
      data: { id: 'd1', Buying_Committee: null },
    });
  });

  it('saves the plan with a new Plan_Updates row, keeps old rows by id, and the stale warning goes', async () => {
    const crm = fakeCrm(sampleDataset());
    const session = createSession(crm, testConfig(), ACCOUNT, now);
    const before = await session.load();
    expect(before.insight.nextActions.map((a) => a.code)).toContain('UPDATE_PLAN');
    const texts = {
      overview: 'A',
      strategy: 'B',
      issues: 'C',
      group: 'D',
      longTermActions: 'E',
      shortTermActions: 'F',
      deploymentPlan: 'G',
    };
    const after = await session.savePlan(before, { texts, summary: '戦略を更新' });
    const write = crm.writes[0];
    expect(write?.op).toBe('update');
    expect(write?.data.Strategy_Hypothesis).toBe('B');
    expect(write?.data.Deployment_Plan).toBe('G');
    expect(write?.data.Plan_Updates).toEqual([
      { id: 'p1-u0', Updated_On: '2026-03-01', Summary: 'update 0' },
      { Updated_On: '2026-11-26', Summary: '戦略を更新' },
    ]);
    expect(after.insight.nextActions.map((a) => a.code)).not.toContain('UPDATE_PLAN');
    expect(after.insight.kpis.plan_updates).toBe(1);
  });

  it('classifies an unclassified activity in one choice: Activity_Kind written, the mix follows', async () => {
    const base = sampleDataset();
    const crm = fakeCrm({
      ...base,
      Tasks: [
        ...(base.Tasks ?? []),
        task({ id: 't9', subject: '定例打合せ', closed: '2026-11-21T10:00:00+09:00', who: 'c2' }),
      ],
    });
    const session = createSession(crm, testConfig(), ACCOUNT, now);
    const before = await session.load();
    expect(before.unclassified.map((a) => a.id)).toEqual(['t9']);
    expect(before.insight.activityMix.unclassified).toBe(1);
    const after = await session.classifyActivity(before, { module: 'Tasks', id: 't9' }, 'info_sharing');
    expect(crm.writes).toEqual([
      { op: 'update', entity: 'Tasks', data: { id: 't9', Activity_Kind: 'info_sharing' } },
    ]);
    expect(after.unclassified).toEqual([]);
    expect(after.insight.activityMix).toMatchObject({
      unclassified: 0,
      relationship: before.insight.activityMix.relationship + 1,
      deal: before.insight.activityMix.deal,
    });
  });

  it('creates the plan when the account has none', async () => {
    const crm = fakeCrm(sampleDataset({ Account_Plans: [] }));
    const session = createSession(crm, testConfig(), ACCOUNT, now);
    const before = await session.load();
    const after = await session.savePlan(before, {
      potential: [{ rowId: null, segment: 'S', offering: 'O', potential: 10, current: 0 }],
      summary: 'x',
    });
    expect(crm.writes[0]?.op).toBe('insert');
    expect(crm.writes[0]?.data.Account).toEqual({ id: ACCOUNT });
    expect(after.plan?.potentialMap).toEqual([{ segment: 'S', offering: 'O', potential: 10, current: 0 }]);
  });

  it('a CRM failure on load rejects with our error', async () => {
    const crm = fakeCrm(sampleDataset(), {
      fail: (c) => (c === 'coql Deals' ? { code: 'CRM_ERROR', detail: 'boom' } : null),
    });
    await expect(createSession(crm, testConfig(), ACCOUNT, now).load()).rejects.toEqual({
      code: 'CRM_ERROR',
      detail: 'boom',
    });
  });
});
