/**
 * Every record looks like what Zoho's GET records API returns (DESIGN §2, §3): numeric string ids,
 * `{ id, name }` lookups that resolve, What_Id with $se_module, datetimes with the +09:00 offset,
 * dates as YYYY-MM-DD, Created_Time/Modified_Time on every record, the fields DESIGN §2 lists for
 * each module, and a real org chart.
 */
import { ACTIVITY_KINDS, ATTITUDES, BUYING_ROLES } from '../../shared/model/keys';
import { generateDemoDataset, type DemoDataset } from '../../server/local/datasets/demo/generate';
import { AS_OF, shippedConfig } from './demo-fixture';

type Rec = Record<string, unknown>;

/** DESIGN §2: the standard fields read, and the product's custom fields, per module. */
const FIELDS: Record<Exclude<keyof DemoDataset, 'users'>, string[]> = {
  Accounts: [
    'Account_Name',
    'Owner',
    'Parent_Account',
    'Industry',
    'Annual_Revenue',
    'Modified_Time',
    'Customer_Satisfaction',
    'Relationship_Stage',
    'Relationship_Stage_Since',
    'Stage_Progress',
    'Next_Stage_Gaps',
    'KPI_Contacts_Reached',
    'KGI_Annual_Revenue',
    'KGI_Share_Of_Wallet',
    'KGI_FY_Orders',
    'KGI_Expansion_Revenue',
    'Insight_Updated_At',
  ],
  Contacts: [
    'Account_Name',
    'Department',
    'Title',
    'Reporting_To',
    'Full_Name',
    'Buying_Role',
    'Attitude',
    'Influence_Level',
    'Is_Executive',
  ],
  Deals: [
    'Deal_Name',
    'Account_Name',
    'Contact_Name',
    'Stage',
    'Amount',
    'Closing_Date',
    'Type',
    'Created_Time',
    'Owner',
    'Buying_Stage',
    'Strategic_Role',
    'Deal_Priority',
    'Forecast_Risk',
  ],
  Tasks: [
    'Subject',
    'Status',
    'Due_Date',
    'Closed_Time',
    'What_Id',
    '$se_module',
    'Who_Id',
    'Activity_Kind',
    'Activity_Purpose',
  ],
  Events: [
    'Event_Title',
    'Start_DateTime',
    'End_DateTime',
    'What_Id',
    '$se_module',
    'Who_Id',
    'Participants',
    'Activity_Kind',
    'Activity_Purpose',
  ],
  Calls: [
    'Subject',
    'Call_Type',
    'Call_Start_Time',
    'Call_Purpose',
    'What_Id',
    '$se_module',
    'Who_Id',
    'Activity_Kind',
    'Activity_Purpose',
  ],
  Account_Plans: [
    'Name',
    'Account',
    'Company_Overview',
    'Strategy_Hypothesis',
    'Issue_Hypothesis',
    'Group_Structure',
    'Long_Term_Actions',
    'Short_Term_Actions',
    'Potential_Map',
    'Plan_Updates',
  ],
  Relationship_Stage_History: ['Name', 'Account', 'From_Stage', 'To_Stage', 'Changed_At'],
  ESM_Snapshots: [
    'Account',
    'Snapshot_Date',
    'Snapshot_Month',
    'Relationship_Stage',
    'KPIs_Met',
    'KPI_Targets',
  ],
};

const ID = /^\d{19}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MODULES = Object.keys(FIELDS) as (keyof typeof FIELDS)[];

let ds: DemoDataset;
const byId = new Map<string, { module: string; record: Rec }>();
beforeAll(() => {
  ds = generateDemoDataset({ asOf: AS_OF, config: shippedConfig() });
  for (const m of MODULES) for (const r of ds[m]) byId.set(String(r.id), { module: m, record: r });
});

/** The lookup resolves to a record of `module` whose display name it carries. */
function expectLookup(value: unknown, module: string, nameField: string): void {
  expect(value).toEqual({ id: expect.stringMatching(ID), name: expect.any(String) });
  const { id, name } = value as { id: string; name: string };
  const target = byId.get(id);
  expect(target?.module).toBe(module);
  expect(target?.record[nameField]).toBe(name);
}

describe.each(MODULES)('%s', (module) => {
  it('has the fields DESIGN §2 lists, a numeric string id and Zoho timestamps', () => {
    expect(ds[module].length).toBeGreaterThan(0);
    for (const r of ds[module]) {
      expect(r.id).toMatch(ID);
      for (const f of FIELDS[module]) expect(r).toHaveProperty([f]);
      expect(r.Created_Time).toMatch(DATETIME);
      expect(r.Modified_Time).toMatch(DATETIME);
      expect(Date.parse(String(r.Created_Time))).toBeLessThanOrEqual(Date.parse(String(r.Modified_Time)));
      expect(Date.parse(String(r.Modified_Time))).toBeLessThanOrEqual(AS_OF);
      for (const u of ['Owner', 'Created_By', 'Modified_By']) {
        expect(r[u]).toEqual({
          id: expect.stringMatching(ID),
          name: expect.any(String),
          email: expect.any(String),
        });
      }
    }
  });
});

it('has unique ids across all modules', () => {
  const ids = MODULES.flatMap((m) => ds[m].map((r) => r.id));
  expect(new Set(ids).size).toBe(ids.length);
});

it('accounts: group companies through Parent_Account, service stage fields filled, KPIs left empty', () => {
  for (const a of ds.Accounts) {
    if (a.Parent_Account !== null) expectLookup(a.Parent_Account, 'Accounts', 'Account_Name');
    expect(typeof a.Relationship_Stage).toBe('string');
    expect(a.Relationship_Stage_Since).toMatch(DATE);
    expect(a.KPI_Contacts_Reached).toBeNull();
    expect(a.KGI_Annual_Revenue).toBeNull();
  }
  expect(ds.Accounts.filter((a) => a.Parent_Account !== null).length).toBeGreaterThanOrEqual(4);
  expect(ds.Accounts.filter((a) => a.Customer_Satisfaction !== null).length).toBeGreaterThanOrEqual(3);
});

it('contacts: Japanese names and titles, buyer-map values from the picklists, a reporting tree per account', () => {
  for (const c of ds.Contacts) {
    expectLookup(c.Account_Name, 'Accounts', 'Account_Name');
    expect(c.Full_Name).toBe(`${String(c.Last_Name)} ${String(c.First_Name)}`);
    expect(c.Full_Name).toMatch(/^\p{Script=Han}+ [\p{Script=Han}\p{Script=Hiragana}]+$/u);
    if (c.Buying_Role !== null) expect(BUYING_ROLES).toContain(c.Buying_Role);
    if (c.Attitude !== null) expect(ATTITUDES).toContain(c.Attitude);
    if (c.Influence_Level !== null) expect([1, 2, 3, 4, 5]).toContain(c.Influence_Level);
    expect(typeof c.Is_Executive).toBe('boolean');
    if (c.Reporting_To !== null) {
      expectLookup(c.Reporting_To, 'Contacts', 'Full_Name');
      const boss = ds.Contacts.find((x) => x.id === (c.Reporting_To as { id: string }).id);
      expect(boss?.Account_Name).toEqual(c.Account_Name);
    }
  }
  const boss = new Map(ds.Contacts.map((c) => [c.id, (c.Reporting_To as { id: string } | null)?.id]));
  for (const c of ds.Contacts) {
    const seen = new Set<unknown>();
    for (let cur: string | undefined = c.id; cur !== undefined; cur = boss.get(cur)) {
      expect(seen.has(cur)).toBe(false);
      seen.add(cur);
    }
  }
  const titles = ds.Contacts.map((c) => String(c.Title));
  for (const t of [
    '代表取締役社長',
    '取締役 CIO',
    '執行役員',
    '本部長',
    '部長',
    '課長',
    '主任',
    '社長室 室員',
  ]) {
    expect(titles.some((x) => x.includes(t))).toBe(true);
  }
  expect(ds.Contacts.filter((c) => c.Buying_Role !== null).length / ds.Contacts.length).toBeGreaterThan(0.6);
});

it('deals: lookups resolve, dates are dates, probabilities follow the stage', () => {
  for (const d of ds.Deals) {
    expectLookup(d.Account_Name, 'Accounts', 'Account_Name');
    expectLookup(d.Contact_Name, 'Contacts', 'Full_Name');
    expect(d.Closing_Date).toMatch(DATE);
    expect(d.Created_Time).toMatch(DATETIME);
    if (d.Stage === 'Closed Won') expect(d.Probability).toBe(100);
  }
});

it('activities: What_Id with $se_module, Who_Id and participants resolve, kinds are picklist values', () => {
  for (const m of ['Tasks', 'Events', 'Calls'] as const) {
    for (const r of ds[m]) {
      expect(['Accounts', 'Deals']).toContain(r.$se_module);
      expectLookup(
        r.What_Id,
        String(r.$se_module),
        r.$se_module === 'Accounts' ? 'Account_Name' : 'Deal_Name',
      );
      if (r.Who_Id !== null) expectLookup(r.Who_Id, 'Contacts', 'Full_Name');
      if (r.Activity_Kind !== null) expect(ACTIVITY_KINDS).toContain(r.Activity_Kind);
    }
  }
  for (const t of ds.Tasks) {
    expect(t.Due_Date).toMatch(DATE);
    expect(t.Closed_Time === null ? t.Status !== 'Completed' : t.Status === 'Completed').toBe(true);
  }
  for (const e of ds.Events) {
    expect(e.Start_DateTime).toMatch(DATETIME);
    expect(Date.parse(String(e.End_DateTime))).toBeGreaterThan(Date.parse(String(e.Start_DateTime)));
    const participants = e.Participants as Rec[];
    expect(participants.length).toBeGreaterThan(0);
    for (const p of participants) {
      expect(p).toEqual({
        type: 'contact',
        participant: expect.stringMatching(ID),
        name: expect.any(String),
        Email: expect.stringContaining('@'),
        invited: true,
        status: expect.any(String),
      });
      expectLookup({ id: p.participant, name: p.name }, 'Contacts', 'Full_Name');
    }
  }
  for (const c of ds.Calls) {
    expect(c.Call_Start_Time).toMatch(DATETIME);
    expect(['Inbound', 'Outbound']).toContain(c.Call_Type);
  }
});

it('account plans: Japanese prose, subform rows with ids, dated updates', () => {
  for (const p of ds.Account_Plans) {
    expectLookup(p.Account, 'Accounts', 'Account_Name');
    expect(String(p.Company_Overview)).toMatch(/\p{Script=Han}/u);
    for (const row of p.Potential_Map as Rec[]) {
      expect(row).toMatchObject({
        id: expect.stringMatching(ID),
        Segment: expect.any(String),
        Offering: expect.any(String),
        Potential_Amount: expect.any(Number),
        Current_Amount: expect.any(Number),
      });
    }
    const updates = p.Plan_Updates as Rec[];
    expect(updates.length).toBeGreaterThan(0);
    for (const row of updates)
      expect(row).toMatchObject({
        id: expect.stringMatching(ID),
        Updated_On: expect.stringMatching(DATE),
        Summary: expect.any(String),
      });
  }
});

it('stage history: lookups resolve, times carry the offset', () => {
  for (const h of ds.Relationship_Stage_History) {
    expectLookup(h.Account, 'Accounts', 'Account_Name');
    expect(h.Changed_At).toMatch(DATETIME);
    expect(typeof h.To_Stage).toBe('string');
  }
});

it('users: reps and managers with a role and a profile, one of them inside sales; every owner is a user', () => {
  const roles = ds.users.map((u) => (u.role as { name: string }).name);
  expect(roles.filter((r) => r === 'インサイドセールス')).toHaveLength(1);
  expect(roles.filter((r) => r === 'フィールドセールス').length).toBeGreaterThanOrEqual(2);
  for (const u of ds.users) {
    expect(u).toMatchObject({
      id: expect.stringMatching(ID),
      full_name: expect.any(String),
      email: expect.any(String),
      status: 'active',
    });
    expect(u.profile).toEqual({ id: expect.any(String), name: expect.any(String) });
  }
  const userIds = new Set(ds.users.map((u) => u.id));
  for (const m of MODULES) for (const r of ds[m]) expect(userIds).toContain((r.Owner as { id: string }).id);
});
