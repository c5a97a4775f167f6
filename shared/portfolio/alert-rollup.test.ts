import { CONFIG, acct, viewOf, portfolioOf } from '../testing/portfolio-builders';
import { alertRollup } from './alert-rollup';

const task = (id: string, stamp: string, status = 'Not Started') => ({
  id,
  Alert_Key: stamp,
  Status: status,
});
const data = {
  accounts: [
    acct({ id: 'a1', owner: 'u1' }),
    acct({ id: 'a2', owner: 'u1' }),
    acct({ id: 'a3', owner: 'u2' }),
  ],
  tasks: [
    task('t1', 'STALE_PLAN:a1#aaaa'),
    task('t2', 'ACCOUNT_STALLED:a1#bbbb'),
    task('t3', 'STALE_PLAN:a3#cccc'),
    task('t4', 'STALE_PLAN:a2#dddd', 'Completed'), // closed: not open
    { id: 't5', Subject: 'a visit', Status: 'Not Started' }, // not an alert
    task('t6', 'broken', 'Not Started'), // no account in the key
  ],
};

describe('alertRollup', () => {
  it('reads open alert tasks only', () => {
    expect(portfolioOf(data).alerts?.map((a) => [a.code, a.accountId])).toEqual([
      ['STALE_PLAN', 'a1'],
      ['ACCOUNT_STALLED', 'a1'],
      ['STALE_PLAN', 'a3'],
    ]);
  });

  it('per rep and per account, codes in the config order', () => {
    const p = portfolioOf(data);
    const r = alertRollup(viewOf(data), p.alerts ?? [], CONFIG);
    expect(r.total).toBe(3);
    expect(r.codes).toEqual(['STALE_PLAN', 'ACCOUNT_STALLED']);
    expect(r.perRep).toEqual([
      { ownerId: 'u1', total: 2, byCode: { STALE_PLAN: 1, ACCOUNT_STALLED: 1 } },
      { ownerId: 'u2', total: 1, byCode: { STALE_PLAN: 1 } },
    ]);
    expect(r.accounts.map((a) => [a.accountId, a.codes])).toEqual([
      ['a1', ['STALE_PLAN', 'ACCOUNT_STALLED']],
      ['a3', ['STALE_PLAN']],
    ]);
  });

  it('only the accounts in view count', () => {
    const p = portfolioOf(data);
    const r = alertRollup(viewOf(data, { owners: ['u2'] }), p.alerts ?? [], CONFIG);
    expect(r.total).toBe(1);
    expect(r.perRep.map((x) => x.ownerId)).toEqual(['u2']);
  });
});
