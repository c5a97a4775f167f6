import { testConfig } from '../testing/fixtures';
import { accountsFromGroupRows } from './load-dataset';

describe('accountsFromGroupRows', () => {
  const rows = [
    {
      id: 'a1',
      Account_Name: '子会社',
      Parent_Account: { id: 'p1' },
      'Parent_Account.Account_Name': '親会社HD',
      'Parent_Account.Relationship_Stage': '信頼定着',
    },
    {
      id: 'k1',
      Account_Name: '孫会社',
      Parent_Account: { id: 'a1' },
      'Parent_Account.Account_Name': '子会社',
      'Parent_Account.Relationship_Stage': null,
    },
  ];

  it('turns dot-path columns into the lookup name and a parent record with its stage', () => {
    const out = accountsFromGroupRows(rows, testConfig(), 'a1');
    expect(out).toEqual([
      { id: 'a1', Account_Name: '子会社', Parent_Account: { id: 'p1', name: '親会社HD' } },
      { id: 'k1', Account_Name: '孫会社', Parent_Account: { id: 'a1', name: '子会社' } },
      { id: 'p1', Account_Name: '親会社HD', Relationship_Stage: '信頼定着' },
    ]);
  });

  it('a missing account is NO_RECORD', () => {
    expect(() => accountsFromGroupRows([], testConfig(), 'a1')).toThrow(
      expect.objectContaining({ code: 'NO_RECORD' }),
    );
  });
});
