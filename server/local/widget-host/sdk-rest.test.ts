import { restForSdkCall } from './sdk-rest';

describe('restForSdkCall: what the host does for a widget SDK call', () => {
  it.each([
    ['getRecord', { Entity: 'Accounts', RecordID: '1' }, { method: 'GET', path: '/Accounts/1' }],
    [
      'getRecord',
      { Entity: 'Accounts', RecordID: ['1', '2'] },
      { method: 'GET', path: '/Accounts', query: { ids: '1,2' } },
    ],
    [
      'getRelatedRecords',
      { Entity: 'Accounts', RecordID: '1', RelatedList: 'Contacts', page: 2 },
      { method: 'GET', path: '/Accounts/1/Contacts', query: { page: '2' } },
    ],
    [
      'getAllRecords',
      {
        Entity: 'Account_Plans',
        fields: 'Account,Potential_Map',
        sort_by: 'id',
        sort_order: 'asc',
        page_token: 't1',
      },
      {
        method: 'GET',
        path: '/Account_Plans',
        query: { fields: 'Account,Potential_Map', sort_by: 'id', sort_order: 'asc', page_token: 't1' },
      },
    ],
    [
      'searchRecord',
      { Entity: 'Events', Type: 'criteria', Query: '(What_Id:equals:1)', per_page: 200 },
      { method: 'GET', path: '/Events/search', query: { criteria: '(What_Id:equals:1)', per_page: '200' } },
    ],
    [
      'coql',
      { select_query: 'select id from Deals where id is not null' },
      { method: 'POST', path: '/coql', body: { select_query: 'select id from Deals where id is not null' } },
    ],
    [
      'updateRecord',
      { Entity: 'Contacts', APIData: { id: '7', Attitude: 'neutral' }, Trigger: [] },
      { method: 'PUT', path: '/Contacts/7', body: { data: [{ id: '7', Attitude: 'neutral' }], trigger: [] } },
    ],
    [
      'insertRecord',
      { Entity: 'Account_Plans', APIData: { Name: 'x' } },
      { method: 'POST', path: '/Account_Plans', body: { data: [{ Name: 'x' }] } },
    ],
    ['getCurrentUser', {}, { method: 'GET', path: '/users', query: { type: 'CurrentUser' } }],
    [
      'getAllUsers',
      { Type: 'ActiveUsers', page: 2, per_page: 200 },
      { method: 'GET', path: '/users', query: { type: 'ActiveUsers', page: '2', per_page: '200' } },
    ],
    [
      'executeFunction',
      { name: 'esm_read_batch', arguments: '{"requests":"[]"}' },
      {
        method: 'POST',
        path: '/functions/esm_read_batch/actions/execute',
        query: { auth_type: 'oauth' },
        body: { arguments: '{"requests":"[]"}' },
      },
    ],
  ])('%s %j', (op, arg, request) => {
    expect(restForSdkCall(op, arg)).toEqual({ ok: true, request });
  });

  it.each([
    ['getRecord', { Entity: '../settings', RecordID: '1' }],
    ['getRecord', { Entity: 'Accounts', RecordID: '1/../../x' }],
    ['updateRecord', { Entity: 'Contacts', APIData: { Attitude: 'x' } }],
    ['deleteRecord', { Entity: 'Contacts', RecordID: '1' }],
    ['executeFunction', { name: '../coql', arguments: '{}' }],
    ['executeFunction', { name: 'esm_read_batch' }],
  ])('refuses %s %j', (op, arg) => {
    expect(restForSdkCall(op, arg).ok).toBe(false);
  });
});
