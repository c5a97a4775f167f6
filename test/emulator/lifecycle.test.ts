/**
 * The emulator's life: state that survives a restart, `reset`, datasets loaded at start and through
 * `/__emulator/load`, generated scale data, and the CLI's one-line answer to bad arguments.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config/load-config';
import { startLocalCrm } from '../../server/local/plugins/local-crm';
import { defaultConfig } from './harness';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-life-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const start = (opts: Partial<Parameters<typeof startLocalCrm>[0]> = {}) =>
  startLocalCrm({ port: 0, stateDir: dir, config: defaultConfig(), ...opts });

async function token(url: string): Promise<string> {
  const res = await fetch(
    `${url}/oauth/v2/token?grant_type=refresh_token&client_id=demo&client_secret=demo&refresh_token=demo`,
    { method: 'POST' },
  );
  return ((await res.json()) as { access_token: string }).access_token;
}

test('records survive a restart; reset starts clean; bare applies to a new store only', async () => {
  const first = await start();
  const res = await fetch(`${first.url}/crm/v6/Accounts`, {
    method: 'POST',
    headers: {
      Authorization: `Zoho-oauthtoken ${await token(first.url)}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ data: [{ Account_Name: '暁システムズ株式会社' }], trigger: [] }),
  });
  expect(res.status).toBe(201);
  await first.close();

  const second = await start({ bare: true });
  expect(second.summary()).toEqual({ Accounts: 1 });
  expect(second.org.catalog.module('Account_Plans')).toBeDefined();
  await second.close();

  const third = await start({ reset: true, bare: true });
  expect(third.summary()).toEqual({});
  expect(third.org.catalog.module('Account_Plans')).toBeUndefined();
  await third.close();
});

test('a dataset at start and through /__emulator/load; generated scale data', async () => {
  const file = path.join(dir, 'data.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        users: [],
        Accounts: [{ id: '3652397000000500001', Account_Name: '蒼天物産株式会社' }],
        Widgets: [{ id: '1' }],
      },
      null,
      2,
    ),
  );
  const emu = await start({ dataFile: file });
  expect(emu.loaded).toEqual({ loaded: { Accounts: 1 }, skipped: { Widgets: 1 } });
  const loaded = await fetch(`${emu.url}/__emulator/load?merge=true`, {
    method: 'POST',
    body: JSON.stringify({
      Contacts: [
        { Last_Name: '青木', Account_Name: { id: '3652397000000500001', name: '蒼天物産株式会社' } },
      ],
    }),
  });
  expect(await loaded.json()).toEqual({ loaded: { Contacts: 1 }, skipped: {} });
  expect(emu.summary()).toEqual({ Accounts: 1, Contacts: 1 });
  const [contact] = (
    (await (await fetch(`${emu.url}/__emulator/records/Contacts`)).json()) as {
      data: Record<string, unknown>[];
    }
  ).data;
  expect(contact).toMatchObject({
    Last_Name: '青木',
    Full_Name: '青木',
    Account_Name: { id: '3652397000000500001', name: '蒼天物産株式会社' },
    Owner: { id: '3652397000000186017' },
  });
  // ?fields= renders those fields only (and the id), like GET records with fields
  const narrow = (
    (await (await fetch(`${emu.url}/__emulator/records/Contacts?fields=Last_Name,Nope`)).json()) as {
      data: Record<string, unknown>[];
    }
  ).data;
  expect(narrow).toEqual([{ Last_Name: '青木', id: contact?.id }]);
  await emu.close();

  const scale = await start({ reset: true, accounts: 5, seed: 'life', asOfMs: Date.parse('2025-06-01') });
  expect(scale.summary().Accounts).toBe(5);
  expect(scale.summary().Contacts).toBeGreaterThan(10);
  expect(scale.org.users.all()).toHaveLength(20);
  await scale.close();
});

test('bad CLI arguments: one line on stderr, exit 1', () => {
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [
        path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'),
        path.join(PROJECT_ROOT, 'server/local/cli/emulator.ts'),
        ...args,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
  for (const args of [['--port', 'abc'], ['--frobnicate'], ['--data', path.join(dir, 'missing.json')]]) {
    const r = run(...args);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^emulator: /);
  }
});
