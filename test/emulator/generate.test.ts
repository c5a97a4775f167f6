/**
 * Scale data: deterministic for a seed, realistic ratios, subjects the config's keyword rules classify
 * as intended, and a dataset file that is valid JSON and loads back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACTIVITY_KINDS } from '../../shared/model/keys';
import { DatasetWriter } from '../../server/local/emulator/dataset/writer';
import { loadDatasetFile } from '../../server/local/emulator/dataset/load';
import { generateScaleData, generateUsers } from '../../server/local/datasets/scale/generate';
import { Rng } from '../../server/local/datasets/scale/rng';
import { kindByKeywords, scaleVocabulary } from '../../server/local/plugins/scale-vocabulary';
import { DEAL_STAGE_NAMES } from '../../server/local/emulator/metadata/deal-stages';
import { Org } from '../../server/local/emulator/org';
import { openDb } from '../../server/local/emulator/store/db';
import { orgSettings } from '../../server/local/plugins/local-crm';
import { provisionProductSchema } from '../../server/local/plugins/product-schema';
import { defaultConfig } from './harness';

type Rec = Record<string, unknown>;
const AS_OF = Date.parse('2025-06-01T00:00:00+09:00');

function generate(accounts: number, seed: string): Map<string, Rec[]> {
  const out = new Map<string, Rec[]>();
  const vocabulary = scaleVocabulary(defaultConfig());
  generateScaleData(
    { accounts, seed, asOfMs: AS_OF, vocabulary },
    generateUsers(seed, vocabulary),
    (m, r) => {
      const list = out.get(m) ?? [];
      list.push(r);
      out.set(m, list);
    },
  );
  return out;
}

const data = generate(200, 'test');
const all = (m: string) => data.get(m) ?? [];
const activities = [...all('Tasks'), ...all('Events'), ...all('Calls')];

test('the same seed gives the same data; another seed does not', () => {
  expect(JSON.stringify([...generate(15, 'a')])).toBe(JSON.stringify([...generate(15, 'a')]));
  expect(JSON.stringify([...generate(15, 'a')])).not.toBe(JSON.stringify([...generate(15, 'b')]));
});

test('ratios per account: ≈5 contacts, 3 deals, 30 activities, ≈1 plan; some group companies', () => {
  const per = (m: string) => all(m).length / 200;
  expect(per('Accounts')).toBe(1);
  expect(per('Contacts')).toBeGreaterThan(4.2);
  expect(per('Contacts')).toBeLessThan(5.8);
  expect(per('Deals')).toBeGreaterThan(2.4);
  expect(per('Deals')).toBeLessThan(3.6);
  expect(activities.length / 200).toBeGreaterThan(26);
  expect(activities.length / 200).toBeLessThan(34);
  expect(per('Account_Plans')).toBeGreaterThan(0.8);
  const ids = new Set(all('Accounts').map((a) => a.id));
  const children = all('Accounts').filter((a) => a.Parent_Account);
  expect(children.length).toBeGreaterThan(10);
  expect(children.every((a) => ids.has((a.Parent_Account as Rec).id))).toBe(true);
  expect(new Set(all('Accounts').map((a) => a.Account_Name)).size).toBe(200);
});

test('contacts: departments, Japanese titles, reporting lines and buyer-map fields on some', () => {
  const contacts = all('Contacts');
  expect(new Set(contacts.map((c) => c.Department)).size).toBeGreaterThan(8);
  expect(contacts.some((c) => c.Title === '代表取締役社長' || c.Title === '取締役')).toBe(true);
  expect(contacts.filter((c) => c.Reporting_To).length / contacts.length).toBeGreaterThan(0.5);
  const roles = contacts.filter((c) => c.Buying_Role);
  expect(roles.length / contacts.length).toBeGreaterThan(0.4);
  expect(roles.length / contacts.length).toBeLessThan(0.7);
  expect(roles.every((c) => typeof c.Attitude === 'string' && typeof c.Influence_Level === 'number')).toBe(
    true,
  );
});

test('deals span all 10 stages; activities: completed and open tasks, meetings with participants, inbound and outbound calls, future ones', () => {
  expect(new Set(all('Deals').map((d) => d.Stage))).toEqual(new Set(DEAL_STAGE_NAMES));
  expect(all('Tasks').some((t) => t.Status === 'Completed' && t.Closed_Time)).toBe(true);
  expect(all('Tasks').some((t) => t.Status !== 'Completed')).toBe(true);
  expect(
    all('Events').every(
      (e) => Array.isArray(e.Participants) && (e.Participants as Rec[]).every((p) => p.type === 'contact'),
    ),
  ).toBe(true);
  expect(new Set(all('Calls').map((c) => c.Call_Type))).toEqual(new Set(['Inbound', 'Outbound', 'Missed']));
  const start = (r: Rec) =>
    Date.parse(String(r.Start_DateTime ?? r.Call_Start_Time ?? `${String(r.Due_Date)}T12:00:00+09:00`));
  expect(activities.some((a) => start(a) > AS_OF)).toBe(true);
  expect(activities.every((a) => start(a) >= AS_OF - 549 * 86_400_000)).toBe(true);
  expect(
    activities.every(
      (a) => Date.parse(String(a.Modified_Time)) <= AS_OF && Date.parse(String(a.Created_Time)) <= AS_OF,
    ),
  ).toBe(true);
  expect(new Set(activities.map((a) => a.$se_module))).toEqual(new Set(['Accounts', 'Deals']));
  const explicit = activities.filter((a) => a.Activity_Kind);
  expect(explicit.length / activities.length).toBeGreaterThan(0.1);
  expect(explicit.every((a) => (ACTIVITY_KINDS as readonly unknown[]).includes(a.Activity_Kind))).toBe(true);
});

test('subjects carry the config keywords of the kind they were made for', () => {
  const config = defaultConfig();
  const subjects = scaleVocabulary(config).activities.subjects;
  const rng = new Rng('subjects');
  for (const kind of ACTIVITY_KINDS)
    for (let i = 0; i < 20; i += 1)
      expect([kind, kindByKeywords(config, rng.pick(subjects.get(kind) ?? []))]).toEqual([kind, kind]);
  const byKeyword = new Set(
    activities.map((a) => kindByKeywords(config, String(a.Subject ?? a.Event_Title))),
  );
  expect(byKeyword).toEqual(new Set(ACTIVITY_KINDS));
  expect(all('Tasks').some((t) => String(t.Subject).includes('提案書説明'))).toBe(true);
});

test('a dataset file is valid JSON (one record per line) and loads back record for record', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-test-'));
  const file = path.join(dir, 'scale.json');
  const writer = new DatasetWriter(file, [
    'Accounts',
    'Contacts',
    'Deals',
    'Tasks',
    'Events',
    'Calls',
    'Account_Plans',
  ]);
  const vocabulary = scaleVocabulary(defaultConfig());
  const users = generateUsers('file', vocabulary);
  writer.setUsers(users);
  generateScaleData({ accounts: 12, seed: 'file', asOfMs: AS_OF, vocabulary }, users, (m, r) =>
    writer.add(m, r),
  );
  const counts = writer.close();
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Rec[]>;
  expect(
    Object.fromEntries(
      Object.entries(parsed)
        .filter(([k]) => k !== 'users')
        .map(([k, v]) => [k, v.length]),
    ),
  ).toEqual(counts);
  expect(fs.readdirSync(dir)).toEqual(['scale.json']);

  const db = openDb(':memory:');
  const org = new Org(db, () => AS_OF, orgSettings(defaultConfig()));
  provisionProductSchema(org, defaultConfig());
  const stats = await loadDatasetFile(org, file);
  expect(stats.loaded).toEqual(counts);
  expect(org.users.all()).toHaveLength(20);
  const plan = (parsed.Account_Plans as Rec[])[0] as Rec;
  expect(org.store.get(String(plan.id))?.data.Name).toBe(plan.Name);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
