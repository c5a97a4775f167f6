import { DEFAULT_FIELDS as f } from '../config/fields';
import { activityAccount, activityParentModule, recordLink, withParentModule } from './links';

const known: Record<string, string> = { a1: 'Accounts', d1: 'Deals' };
const moduleOfId = (id: string) => known[id] ?? null;

describe('activityParentModule: $se_module, else the module holding What_Id', () => {
  it.each([
    [{ What_Id: { id: 'd1' }, $se_module: 'Accounts' }, 'Accounts'], // Zoho's word wins
    [{ What_Id: { id: 'd1' } }, 'Deals'],
    [{ What_Id: 'a1' }, 'Accounts'],
    [{ What_Id: { id: 'x9' } }, null], // nobody knows the id
    [{ What_Id: null }, null],
    [{}, null],
  ])('%j → %j', (rec, module) => {
    expect(activityParentModule(rec, 'What_Id', moduleOfId)).toBe(module);
  });

  it('withParentModule fills it in, and leaves a record it cannot tell (or that has one) as it was', () => {
    const told = { id: 't1', What_Id: { id: 'd1' } };
    expect(withParentModule(told, 'What_Id', moduleOfId)).toEqual({ ...told, $se_module: 'Deals' });
    const unknown = { id: 't2', What_Id: { id: 'x9' } };
    expect(withParentModule(unknown, 'What_Id', moduleOfId)).toBe(unknown);
    const has = { id: 't3', What_Id: { id: 'd1' }, $se_module: 'Leads' };
    expect(withParentModule(has, 'What_Id', moduleOfId)).toBe(has);
  });
});

describe('recordLink: the account a record names', () => {
  it.each([
    [
      'accounts',
      { id: 'a2', Parent_Account: { id: 'a1', name: '親' } },
      { accountId: 'a2', parentId: 'a1', what: null },
    ],
    ['accounts', { id: 'a2', Parent_Account: null }, { accountId: 'a2', parentId: null, what: null }],
    ['contacts', { id: 'c1', Account_Name: { id: 'a1' } }, { accountId: 'a1', parentId: null, what: null }],
    ['deals', { id: 'd1', Account_Name: '' }, { accountId: null, parentId: null, what: null }],
    ['accountPlans', { id: 'p1', Account: { id: 'a1' } }, { accountId: 'a1', parentId: null, what: null }],
    ['stageHistory', { id: 'h1', Account: { id: 'a1' } }, { accountId: 'a1', parentId: null, what: null }],
    [
      'tasks',
      { id: 't1', What_Id: { id: 'a1' }, $se_module: 'Accounts' },
      { accountId: 'a1', parentId: null, what: { module: 'Accounts', id: 'a1' } },
    ],
    [
      'events',
      { id: 'e1', What_Id: { id: 'd1' } },
      { accountId: null, parentId: null, what: { module: 'Deals', id: 'd1' } },
    ],
    [
      'calls',
      { id: 'k1', What_Id: { id: 'l1' }, $se_module: 'Leads' },
      { accountId: null, parentId: null, what: { module: 'Leads', id: 'l1' } },
    ],
    ['calls', { id: 'k2', What_Id: null }, { accountId: null, parentId: null, what: null }],
    ['settings', { id: 's1' }, { accountId: null, parentId: null, what: null }],
  ] as const)('%s %j → %j', (module, rec, link) => {
    expect(recordLink(module, rec, f, moduleOfId)).toEqual(link);
  });
});

describe('activityAccount: an account directly, a deal through its account, anything else none', () => {
  const dealAccount = (id: string) => (id === 'd1' ? 'a1' : null);
  it.each([
    [{ module: 'Accounts', id: 'a2' }, 'a2'],
    [{ module: 'Deals', id: 'd1' }, 'a1'],
    [{ module: 'Deals', id: 'd9' }, null], // a deal we do not have
    [{ module: 'Leads', id: 'l1' }, null],
    [{ module: null, id: 'a2' }, null],
    [{ module: 'Accounts', id: null }, null],
    [null, null],
  ])('%j → %j', (what, account) => {
    expect(activityAccount(what, f.modules, dealAccount)).toBe(account);
  });
});
