/**
 * Every field type our product reads or writes survives a round trip through the official SDK: the SDK
 * converts records with the emulator's field metadata, so this proves the metadata has Zoho's shape.
 * Two fields are created first through the settings API (Zoho's defaults have no double or
 * multi-select field on Accounts), the way `npm run setup:crm` would.
 */
import { Choice, Record as ZRecord, Users } from '@zohocrm/typescript-sdk-6.0';
import { call, initSdk } from '../support/zoho-sdk';
import { TestEmulator } from './harness';

let emu: TestEmulator;
const OWNER = '3652397000000186017';

beforeAll(async () => {
  emu = await TestEmulator.start();
  const created = await emu.api('POST', '/settings/fields?module=Accounts', {
    fields: [
      { field_label: 'Score', data_type: 'double', decimal_place: 2 },
      {
        field_label: 'Regions',
        data_type: 'multiselectpicklist',
        pick_list_values: [{ display_value: '関東' }, { display_value: '関西' }, { display_value: '九州' }],
      },
    ],
  });
  expect(created.status).toBe(201);
  await initSdk({ url: emu.url, dir: emu.dir });
});
afterAll(async () => {
  await emu.stop();
});

function record(values: Record<string, unknown>): ZRecord.Record {
  const r = new ZRecord.Record();
  for (const [k, v] of Object.entries(values)) r.addKeyValue(k, v);
  return r;
}

function ref(id: string): ZRecord.Record {
  const r = new ZRecord.Record();
  r.setId(BigInt(id));
  return r;
}

async function create(module: string, values: Record<string, unknown>): Promise<string> {
  const body = new ZRecord.BodyWrapper();
  body.setData([record(values)]);
  body.setTrigger([]);
  const res = await call(() => new ZRecord.RecordOperations(module).createRecords(body));
  expect(res.getStatusCode()).toBe(201);
  const [result] = (res.getObject() as ZRecord.ActionWrapper).getData();
  expect(result).toBeInstanceOf(ZRecord.SuccessResponse);
  return String((result as ZRecord.SuccessResponse).getDetails().get('id'));
}

async function read(module: string, id: string): Promise<ZRecord.Record> {
  const res = await call(() => new ZRecord.RecordOperations(module).getRecord(BigInt(id)));
  expect(res.getStatusCode()).toBe(200);
  return (res.getObject() as ZRecord.ResponseWrapper).getData()[0] as ZRecord.Record;
}

const choice = (v: unknown) => (v as Choice<string>).getValue();

test('text, textarea, integer, double, currency, percent, date, datetime, picklist, multi-select, lookup and owner', async () => {
  const owner = new Users.MinifiedUser();
  owner.setId(BigInt(OWNER));
  const parentId = await create('Accounts', { Account_Name: '北辰ホールディングス株式会社' });
  const id = await create('Accounts', {
    Account_Name: '北辰精機株式会社',
    Description: '一行目\n二行目',
    Employees: 1200,
    Score: 3.75,
    Annual_Revenue: 1_500_000_000,
    Stage_Progress: 42.5,
    Relationship_Stage_Since: new Date('2025-04-01T00:00:00Z'),
    Insight_Updated_At: new Date('2025-05-01T01:02:03Z'),
    Industry: new Choice('Manufacturing'),
    Relationship_Stage: new Choice('接点構築'),
    Regions: [new Choice('関東'), new Choice('九州')],
    Parent_Account: ref(parentId),
    Owner: owner,
  });
  const r = await read('Accounts', id);
  expect(r.getKeyValue('Account_Name')).toBe('北辰精機株式会社');
  expect(r.getKeyValue('Description')).toBe('一行目\n二行目');
  expect(r.getKeyValue('Employees')).toBe(1200);
  expect(r.getKeyValue('Score')).toBe(3.75);
  expect(r.getKeyValue('Annual_Revenue')).toBe(1_500_000_000);
  expect(r.getKeyValue('Stage_Progress')).toBe(42.5);
  expect((r.getKeyValue('Relationship_Stage_Since') as Date).toISOString().slice(0, 10)).toBe('2025-04-01');
  expect((r.getKeyValue('Insight_Updated_At') as Date).toISOString()).toBe('2025-05-01T01:02:03.000Z');
  expect(choice(r.getKeyValue('Industry'))).toBe('Manufacturing');
  expect(choice(r.getKeyValue('Relationship_Stage'))).toBe('接点構築');
  expect((r.getKeyValue('Regions') as Choice<string>[]).map(choice)).toEqual(['関東', '九州']);
  const parent = r.getKeyValue('Parent_Account') as ZRecord.Record;
  expect(parent.getId().toString()).toBe(parentId);
  expect(parent.getKeyValue('name')).toBe('北辰ホールディングス株式会社');
  expect((r.getKeyValue('Owner') as Users.MinifiedUser).getId().toString()).toBe(OWNER);
  expect(r.getModifiedTime()).toBeInstanceOf(Date);
  expect(r.getCreatedBy()?.getId().toString()).toBe(OWNER);

  const stored = (await emu.records<Record<string, unknown>>('Accounts')).find((a) => a.id === id) as Record<
    string,
    unknown
  >;
  expect(stored.Insight_Updated_At).toBe('2025-05-01T10:02:03+09:00');
  expect(stored.Relationship_Stage_Since).toBe('2025-04-01');
});

test('boolean and a lookup on Contacts; subform rows on Account_Plans', async () => {
  const accountId = await create('Accounts', { Account_Name: '瑞穂化学工業株式会社' });
  const contactId = await create('Contacts', {
    Last_Name: '高橋',
    First_Name: '誠',
    Is_Executive: true,
    Account_Name: ref(accountId),
    Influence_Level: 4,
  });
  const contact = await read('Contacts', contactId);
  expect(contact.getKeyValue('Is_Executive')).toBe(true);
  expect(contact.getKeyValue('Full_Name')).toBe('高橋 誠');
  expect((contact.getKeyValue('Account_Name') as ZRecord.Record).getKeyValue('name')).toBe(
    '瑞穂化学工業株式会社',
  );

  const row = (segment: string, potential: number) =>
    record({ Segment: segment, Offering: 'データ分析基盤', Potential_Amount: potential, Current_Amount: 0 });
  const planId = await create('Account_Plans', {
    Name: '瑞穂化学 プラン',
    Account: ref(accountId),
    Potential_Map: [row('製造部', 30_000_000), row('情報システム部', 12_000_000)],
  });
  const plan = await read('Account_Plans', planId);
  const rows = plan.getKeyValue('Potential_Map') as ZRecord.Record[];
  expect(rows.map((x) => [x.getKeyValue('Segment'), x.getKeyValue('Potential_Amount')])).toEqual([
    ['製造部', 30_000_000],
    ['情報システム部', 12_000_000],
  ]);
  expect(rows.every((x) => typeof x.getId() === 'bigint')).toBe(true);
});

test('Event Participants and What_Id with $se_module (Accounts and Deals)', async () => {
  const accountId = await create('Accounts', { Account_Name: '常盤商事株式会社' });
  const contactId = await create('Contacts', {
    Last_Name: '田中',
    First_Name: '愛',
    Account_Name: ref(accountId),
  });
  const dealId = await create('Deals', {
    Deal_Name: 'DX推進 導入',
    Stage: new Choice('Qualification'),
    Closing_Date: new Date('2025-09-30T00:00:00Z'),
    Account_Name: ref(accountId),
  });

  const participant = new ZRecord.Participants();
  participant.setType('contact');
  participant.setParticipant(contactId);
  const eventId = await create('Events', {
    Event_Title: '役員面談',
    Start_DateTime: new Date('2025-06-10T01:00:00Z'),
    End_DateTime: new Date('2025-06-10T02:00:00Z'),
    Participants: [participant],
    What_Id: ref(accountId),
    $se_module: 'Accounts',
    Activity_Kind: new Choice('exec_meeting'),
  });
  const event = await read('Events', eventId);
  const [p] = event.getKeyValue('Participants') as ZRecord.Participants[];
  expect(p?.getParticipant()).toBe(contactId);
  expect(p?.getType()).toBe('contact');
  expect(p?.getName()).toBe('田中 愛');
  expect((event.getKeyValue('What_Id') as ZRecord.Record).getId().toString()).toBe(accountId);
  expect(event.getKeyValue('$se_module')).toBe('Accounts');
  expect(choice(event.getKeyValue('Activity_Kind'))).toBe('exec_meeting');

  const taskId = await create('Tasks', {
    Subject: '見積提出',
    What_Id: ref(dealId),
    $se_module: 'Deals',
    Status: new Choice('Completed'),
    Due_Date: new Date('2025-06-01T00:00:00Z'),
  });
  const task = await read('Tasks', taskId);
  expect((task.getKeyValue('What_Id') as ZRecord.Record).getKeyValue('name')).toBe('DX推進 導入');
  expect(task.getKeyValue('$se_module')).toBe('Deals');
  expect(task.getKeyValue('Closed_Time')).toBeInstanceOf(Date);

  const deal = await read('Deals', dealId);
  expect(deal.getKeyValue('Probability')).toBe(10);
});
