import { TEAM, acct, change, deal, portfolioOf, user, viewOf } from '../testing/portfolio-builders';
import { applyFilters, teamMembers } from './filter';
import { DEFAULT_FILTERS } from './model';

const ACCOUNTS = [
  acct({ id: 'a3', owner: 'u2', stage: '課題共有', industry: 'Retail' }),
  acct({ id: 'a1', owner: 'u1', stage: '接点構築', industry: 'Manufacturing' }),
  acct({ id: 'a2', owner: 'u1', stage: '信頼定着', industry: 'Retail', Is_Target_Account: false }),
  acct({ id: 'a4', owner: 'x9', stage: null }),
  acct({ id: 'a5', owner: null, stage: '未着手' }),
];

describe('applyFilters', () => {
  it('sorts accounts and deals by id, keeping records with the same id in their order', () => {
    const view = viewOf({
      accounts: [acct({ id: '10' }), acct({ id: '9', name: 'first 9' }), acct({ id: '9', name: 'second 9' })],
      deals: [
        deal({ id: 'd2', account: '9' }),
        deal({ id: 'd10', account: '10', amount: 1 }),
        deal({ id: 'd10', account: '9', amount: 2 }),
        deal({ id: 'd1', account: '10' }),
      ],
    });
    expect(view.accounts.map((a) => [a.id, a.name])).toEqual([
      ['9', 'first 9'],
      ['9', 'second 9'],
      ['10', 'Account 10'],
    ]);
    expect(view.deals.map((d) => [d.id, d.amount])).toEqual([
      ['d1', null],
      ['d2', null],
      ['d10', 1],
      ['d10', 2],
    ]);
  });

  it('keeps a portfolio already in id order as it is', () => {
    const p = portfolioOf({
      accounts: [acct({ id: '8' }), acct({ id: '9' }), acct({ id: '10' })],
      deals: [deal({ id: '1', account: '8' }), deal({ id: '2', account: '10' })],
    });
    const view = applyFilters(p, DEFAULT_FILTERS);
    expect(view.accounts).toEqual(p.accounts);
    expect(view.deals).toEqual(p.deals);
  });

  it.each([
    ['nothing: every account, by id', {}, ['a1', 'a2', 'a3', 'a4', 'a5']],
    ['one owner', { owners: ['u1'] }, ['a1', 'a2']],
    ['two owners', { owners: ['u1', 'u2'] }, ['a1', 'a2', 'a3']],
    ["a manager's team", { team: 'm1' }, ['a1', 'a2', 'a3']],
    ['a rep as team: only their own', { team: 'u2' }, ['a3']],
    ['owner within a team', { team: 'm1', owners: ['u2'] }, ['a3']],
    ['owner outside the team', { team: 'm1', owners: ['x9'] }, []],
    ['a stage', { stages: ['trust'] }, ['a2']],
    ['stages incl. not started', { stages: ['not_started', 'contact'] }, ['a1', 'a5']],
    ['an industry', { industries: ['Retail'] }, ['a2', 'a3']],
    ['industry and stage', { industries: ['Retail'], stages: ['shared_issues'] }, ['a3']],
    ['strategic targets (no field counts as one)', { target: 'yes' as const }, ['a1', 'a3', 'a4', 'a5']],
    ['non-targets only', { target: 'no' as const }, ['a2']],
  ])('%s', (_what, filters, ids) => {
    expect(viewOf({ accounts: ACCOUNTS }, filters).accounts.map((a) => a.id)).toEqual(ids);
  });

  it('keeps the deals and history of the accounts in view only', () => {
    const view = viewOf(
      {
        accounts: ACCOUNTS,
        deals: [
          deal({ id: 'd2', account: 'a3' }),
          deal({ id: 'd1', account: 'a1' }),
          deal({ id: 'd3', account: 'zz' }),
        ],
        history: [
          change({ id: 'h1', account: 'a1', from: null, to: '接点構築', at: '2026-01-31' }),
          change({ id: 'h2', account: 'a3', from: null, to: '課題共有', at: '2026-01-31' }),
        ],
      },
      { owners: ['u1'] },
    );
    expect(view.deals.map((d) => d.id)).toEqual(['d1']);
    expect([...view.history.keys()]).toEqual(['a1']);
  });

  it('orders numeric ids as numbers', () => {
    const p = portfolioOf({ accounts: [acct({ id: '100' }), acct({ id: '99' }), acct({ id: '1000' })] });
    expect(applyFilters(p, DEFAULT_FILTERS).accounts.map((a) => a.id)).toEqual(['99', '100', '1000']);
  });
});

describe('teamMembers', () => {
  it('is the manager and everyone below, at any depth', () => {
    const users = portfolioOf({
      users: [...TEAM, user({ id: 'u4', reportsTo: 'u1' }), user({ id: 'x1', reportsTo: 'other' })],
    }).users;
    expect([...teamMembers('m1', users)].sort()).toEqual(['m1', 'u1', 'u2', 'u3', 'u4']);
    expect([...teamMembers('u1', users)].sort()).toEqual(['u1', 'u4']);
  });

  it('survives a reporting cycle', () => {
    const users = portfolioOf({
      users: [user({ id: 'a', reportsTo: 'b' }), user({ id: 'b', reportsTo: 'a' })],
    }).users;
    expect([...teamMembers('a', users)].sort()).toEqual(['a', 'b']);
  });
});
