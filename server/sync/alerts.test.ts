import type { Instant } from '../../shared/model/types';
import { accountAlerts, alertStamp } from '../../shared/portfolio/alerts';
import type { AccountSignals } from '../../shared/portfolio/signals';
import { CONFIG } from '../../shared/testing/engine-harness';
import type { ZohoRecord } from '../../shared/crm-read/records';
import { planAlerts } from './alerts';

const AS_OF = Date.parse('2026-11-26T12:00:00+09:00') as Instant;
const s: AccountSignals = {
  accountId: 'a1',
  accountName: 'テスト商事',
  ownerId: 'u1',
  stageIndex: 2,
  stageKey: 'co_creation',
  nextProgress: 0,
  stageSince: null,
  lastEvidenceAt: AS_OF,
  plan: { exists: true, sectionsFilled: 7, sections: 7, updatedAt: AS_OF },
  keyPeople: [],
  decisionMakers: [],
  openDeals: [],
};
const findings = accountAlerts(s, CONFIG, AS_OF);
const f = findings[0]!;
const stamp = alertStamp(f, 'ja');
const task = (o: { id: string } & Record<string, unknown>): ZohoRecord => ({
  What_Id: { id: 'a1' },
  Subject: 'x',
  Status: 'Not Started',
  ...o,
});

describe('planAlerts', () => {
  it('inserts an open task for the owner when there is none', () => {
    const p = planAlerts('a1', findings, [], CONFIG, AS_OF);
    expect(p.updates).toEqual([]);
    expect(p.inserts).toHaveLength(1);
    expect(p.inserts[0]?.fields).toMatchObject({
      Status: 'Not Started',
      Due_Date: '2026-12-03',
      Owner: { id: 'u1' },
      What_Id: { id: 'a1' },
      $se_module: 'Accounts',
      Alert_Key: stamp,
    });
  });

  it('leaves an open task with the same stamp alone, and updates one whose stamp differs', () => {
    expect(planAlerts('a1', findings, [task({ id: 't1', Alert_Key: stamp })], CONFIG, AS_OF)).toEqual({
      inserts: [],
      updates: [],
    });
    const p = planAlerts('a1', findings, [task({ id: 't1', Alert_Key: `${f.key}#00000000` })], CONFIG, AS_OF);
    expect(p.inserts).toEqual([]);
    expect(p.updates).toEqual([
      { accountId: 'a1', id: 't1', fields: expect.objectContaining({ Alert_Key: stamp }) },
    ]);
  });

  it('reopens a closed task rather than creating a second one', () => {
    const p = planAlerts(
      'a1',
      findings,
      [task({ id: 't1', Alert_Key: stamp, Status: 'Completed' })],
      CONFIG,
      AS_OF,
    );
    expect(p.inserts).toEqual([]);
    expect(p.updates[0]?.fields).toMatchObject({ Status: 'Not Started', Due_Date: '2026-12-03' });
  });

  it('closes an open task whose condition cleared, and a duplicate of a key', () => {
    const cleared = planAlerts(
      'a1',
      [],
      [task({ id: 't1', Alert_Key: stamp }), task({ id: 't0', Alert_Key: stamp, Status: 'Completed' })],
      CONFIG,
      AS_OF,
    );
    expect(cleared).toEqual({
      inserts: [],
      updates: [{ accountId: 'a1', id: 't1', fields: { Status: 'Completed' } }],
    });
    const dup = planAlerts(
      'a1',
      findings,
      [task({ id: 't1', Alert_Key: stamp }), task({ id: 't2', Alert_Key: stamp })],
      CONFIG,
      AS_OF,
    );
    expect(dup).toEqual({
      inserts: [],
      updates: [{ accountId: 'a1', id: 't2', fields: { Status: 'Completed' } }],
    });
  });
});
