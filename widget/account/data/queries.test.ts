import { DEFAULT_FIELDS } from '../../../shared/config/fields';
import { accountGroupQuery, activityQuery, coqlId, eventSearchCriteria, planSearchCriteria } from './queries';

const f = DEFAULT_FIELDS;

describe('CRM queries of the account page', () => {
  it('reads the account and its group in one COQL, the parent through dot paths', () => {
    expect(accountGroupQuery(f, '111')).toBe(
      'select id, Account_Name, Owner, Parent_Account, Industry, Customer_Satisfaction, Is_Target_Account, Relationship_Stage, Modified_Time, Website, ' +
        "Parent_Account.Account_Name, Parent_Account.Relationship_Stage from Accounts where (id = '111' or Parent_Account = '111') " +
        'order by id asc limit 200 offset 0',
    );
  });

  it('reads tasks and calls linked to the account or its deals', () => {
    expect(activityQuery(f, 'calls', ['1', '2'], 1000)).toMatch(
      /^select id, What_Id, Who_Id, Activity_Kind, Activity_Purpose, Subject, Call_Type, Call_Start_Time, Call_Purpose from Calls where What_Id in \('1', '2'\) order by id asc limit 1000 offset 1000$/,
    );
  });

  it('splits event searches at 10 criteria (the search API limit)', () => {
    const ids = Array.from({ length: 12 }, (_, i) => String(i + 1));
    const out = eventSearchCriteria(f, ids);
    expect(out).toHaveLength(2);
    expect(out[0]?.match(/equals/g)).toHaveLength(10);
    expect(out[1]).toBe('((What_Id:equals:11)or(What_Id:equals:12))');
    expect(planSearchCriteria(f, '5')).toBe('(Account:equals:5)');
  });

  it('never interpolates something that is not a record id', () => {
    expect(() => coqlId("1' or id is not null or '")).toThrow('not a record id');
  });
});
