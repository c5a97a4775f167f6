import { account, contact, dataset, deal, event, plan, task } from '../testing/zoho-builders';
import { CONFIG, insightOf } from '../testing/engine-harness';
import { insightsFromDataset } from '../engine/pipeline';
import type { Instant } from '../model/types';
import { normaliseDataset } from './normalise';

const ASOF = Date.parse('2026-11-26T12:00:00+09:00') as Instant;

describe('a dataset of the wrong overall shape is an error', () => {
  it.each([
    [null, /must be a JSON object/],
    [[{ id: '1' }], /must be a JSON object/],
    [{ Contacts: [] }, /no "Accounts" array; found keys: Contacts/],
    [{ Accounts: {} }, /"Accounts" must be an array/],
    [{ Accounts: [], Tasks: 'x' }, /"Tasks" must be an array of Tasks records/],
  ])('%j', (raw, message) => {
    const r = normaliseDataset(raw, CONFIG);
    expect(r.ok ? 'accepted' : r.error).toMatch(message);
  });
});

describe('malformed records become issues, never crashes', () => {
  it('skips records that are not objects or have no id', () => {
    const r = normaliseDataset({ Accounts: [account(), 7, null, { Account_Name: 'no id' }] }, CONFIG);
    if (!r.ok) throw new Error(r.error);
    expect(r.dataset.accounts).toHaveLength(1);
    expect(r.dataset.issues.map((i) => i.message.en)).toEqual([
      'Accounts[1] is not a record object; skipped',
      'Accounts[2] is not a record object; skipped',
      'Accounts[3] has no id; skipped',
    ]);
  });

  it('reads a wrongly typed value as empty and reports it on the account', () => {
    const i = insightOf(
      dataset({
        Accounts: [account({ Customer_Satisfaction: 'great' })],
        Contacts: [contact({ id: 'c', role: 'boss', influence: 'high' as unknown as number })],
        Deals: [deal({ id: 'd', amount: 'lots' as unknown as number, closing: '2026/11/01' })],
        Events: [event({ id: 'e', start: 'tomorrow', participants: ['c'] })],
        Tasks: [task({ id: 't', closed: IN(), kind: 'meeting' })],
      }),
    );
    expect(i.kpis.csat).toBeNull();
    expect(i.issues.map((x) => `${x.code} ${x.recordId}`).sort()).toEqual(
      [
        'INVALID_VALUE a1', // Customer_Satisfaction
        'UNKNOWN_PICKLIST_VALUE c', // Buying_Role
        'INVALID_VALUE c', // Influence_Level
        'INVALID_VALUE d', // Amount
        'INVALID_VALUE d', // Closing_Date
        'INVALID_VALUE e', // Start_DateTime
        'UNKNOWN_PICKLIST_VALUE t', // Activity_Kind
      ].sort(),
    );
    expect(i.issues.find((x) => x.recordId === 'e')?.message.en).toBe(
      'Events e: Start_DateTime should be an ISO 8601 datetime, got "tomorrow"; ignored',
    );
  });

  it.each([-3, 0, 6, 4.5, 1e9])(
    'a Customer_Satisfaction of %p is a data issue, not a rating (issue 13)',
    (csat) => {
      const i = insightOf(dataset({ Accounts: [account({ Customer_Satisfaction: csat })] }));
      expect(i.kpis.csat).toBeNull();
      expect(i.issues).toEqual([
        expect.objectContaining({
          code: 'INVALID_VALUE',
          recordId: 'a1',
          message: {
            ja: expect.stringContaining('Customer_Satisfaction'),
            en: `Accounts a1: Customer_Satisfaction ${csat} is not a whole number from 1 to 5; ignored`,
          },
        }),
      ]);
    },
  );

  it.each([1, 5, '3'])('a Customer_Satisfaction of %p is read as a rating', (csat) => {
    const i = insightOf(dataset({ Accounts: [account({ Customer_Satisfaction: csat })] }));
    expect(i.kpis.csat).toBe(Number(csat));
    expect(i.issues).toEqual([]);
  });

  it('reports records that point at nothing', () => {
    const r = insightsFromDataset(
      dataset({
        Deals: [deal({ id: 'd', account: 'gone' })],
        Tasks: [task({ id: 't', deal: 'nodeal', closed: IN() })],
      }),
      CONFIG,
      ASOF,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.unassigned.map((x) => x.message.en)).toEqual([
      'Deals d: its account gone is not in the data; not counted',
      'Tasks t: its deal nodeal is not in the data; not counted',
    ]);
  });

  it('uses the most recently modified of several plans and says so', () => {
    const i = insightOf(
      dataset({
        Account_Plans: [
          plan({ id: 'old', modified: '2026-01-01T00:00:00+09:00', updates: ['2026-11-01'] }),
          plan({ id: 'new', modified: '2026-06-01T00:00:00+09:00', updates: ['2026-11-01', '2026-11-02'] }),
        ],
      }),
    );
    expect(i.kpis.plan_updates).toBe(2);
    expect(i.issues).toEqual([expect.objectContaining({ code: 'MULTIPLE_PLANS', recordId: 'new' })]);
  });

  it('reports a reporting line that loops', () => {
    const i = insightOf(
      dataset({
        Contacts: [
          contact({ id: 'x', boss: 'y' }),
          contact({ id: 'y', boss: 'z' }),
          contact({ id: 'z', boss: 'x' }),
          contact({ id: 'w', boss: 'x' }),
        ],
      }),
    );
    expect(i.issues.filter((x) => x.code === 'REPORTING_CYCLE')).toHaveLength(1);
  });

  it('accepts a bare id where Zoho would send a lookup object', () => {
    const i = insightOf(
      dataset({
        Contacts: [{ ...contact({ id: 'c' }), Account_Name: 'a1' }],
        Tasks: [task({ id: 't', who: 'c', closed: IN() })],
      }),
    );
    expect(i.kpis.contacts_reached).toBe(1);
    expect(i.issues).toEqual([]);
  });
});

function IN(): string {
  return '2026-11-20T10:00:00+09:00';
}

describe('influence lines and buying committees', () => {
  it('reads Influences and Buying_Committee as id lists (lines, commas, blanks and repeats tolerated)', () => {
    const r = normaliseDataset(
      dataset({
        Contacts: [contact({ id: 'c1', Influences: '2001\n2002, 2001\n\n' }), contact({ id: 'c2' })],
        Deals: [deal({ id: 'd1', Buying_Committee: '2001;2003' }), deal({ id: 'd2' })],
      }),
      CONFIG,
    );
    if (!r.ok) throw new Error(r.error);
    const ds = r.dataset;
    expect(ds.contacts.map((c) => c.influences)).toEqual([['2001', '2002'], []]);
    expect(ds.deals.map((d) => d.committee)).toEqual([['2001', '2003'], []]);
  });
});
