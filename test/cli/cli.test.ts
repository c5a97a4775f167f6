/**
 * The CLIs as a user runs them: bad input gives one clear line on stderr and exit code 1, never a
 * stack trace; good input gives the JSON on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call, contact, dataset, task } from '../../shared/testing/zoho-builders';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-test-'));

function run(script: string, args: string[]) {
  const r = spawnSync(TSX, [path.join(ROOT, 'server/cli', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const GOOD = file(
  'good.json',
  JSON.stringify(
    dataset({
      Contacts: [contact({ id: 'c1' }), contact({ id: 'c2' })],
      Tasks: [task({ id: 't', who: 'c1', closed: '2026-11-20T10:00:00+09:00' })],
      Calls: [call({ id: 'k', who: 'c2', start: '2026-11-21T10:00:00+09:00', type: 'Inbound' })],
    }),
  ),
);

describe('npm run insight', () => {
  it('prints the insights as a JSON array', () => {
    const r = run('insight.ts', ['--data', GOOD, '--as-of', '2026-11-26']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      accountId: string;
      stage: { key: string };
      kpis: Record<string, number>;
    }[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      accountId: 'a1',
      stage: { key: 'contact' },
      kpis: { contacts_reached: 2, customer_consultations: 1 },
    });
  });

  it('filters by --account and reads a date-only --as-of as the end of that day', () => {
    const r = run('insight.ts', ['--data', GOOD, '--as-of', '2026-11-20', '--account', 'a1']);
    expect(JSON.parse(r.stdout)[0].asOf).toBe('2026-11-20T14:59:59.999Z');
  });

  it.each([
    ['no --data', [], /^error: missing --data FILE/],
    [
      'a missing file',
      ['--data', path.join(dir, 'nope.json')],
      /^error: cannot read --data .*nope\.json: file not found/,
    ],
    [
      'malformed JSON',
      ['--data', file('bad.json', '{"Accounts": [')],
      /^error: .*bad\.json is not valid JSON/,
    ],
    [
      'records of the wrong shape',
      ['--data', file('shape.json', '{"Accounts": {"id": "1"}}')],
      /^error: .*shape\.json: "Accounts" must be an array/,
    ],
    ['an unknown option', ['--data', GOOD, '--acount', 'a1'], /^error: Unknown option '--acount'/],
    [
      'a bad --as-of',
      ['--data', GOOD, '--as-of', 'next tuesday'],
      /^error: --as-of "next tuesday" is not an ISO 8601/,
    ],
    ['an unknown account', ['--data', GOOD, '--account', '999'], /^error: .*no account with id 999/],
  ])('%s → one line on stderr, exit 1', (_what, args, message) => {
    const r = run('insight.ts', args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a bad config: the problems the loader found, exit 1', () => {
    const r = run('insight.ts', ['--data', GOOD, '--config', file('bad.yaml', 'version: 2\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*bad\.yaml:1:1: /);
    expect(r.stderr).toMatch(/bad\.yaml:1:10: version: expected 1; got number 2$/m);
  });

  it('malformed records become issues in the output, not a crash', () => {
    const ds = dataset({
      Tasks: [task({ id: 't', closed: 'yesterday' }), 42 as unknown as Record<string, unknown>],
    });
    const r = run('insight.ts', [
      '--data',
      file('partial.json', JSON.stringify(ds)),
      '--as-of',
      '2026-11-26',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].issues).toEqual([
      expect.objectContaining({ code: 'INVALID_VALUE', recordId: 't' }),
    ]);
    expect(r.stderr).toMatch(
      /warning: 1 data issue\(s\) not tied to any account, e\.g\. Tasks\[1\] is not a record object/,
    );
  });
});

describe('npm run config:check', () => {
  it('accepts the shipped config', () => {
    const r = run('config-check.ts', []);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: 7 relationship stages \(接点構築 → 課題共有/);
  });

  it('lists each problem with file:line:column and exits 1', () => {
    const r = run('config-check.ts', [file('typo.yaml', 'version: 1\nfiscalYearStartMonth: "April"\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/typo\.yaml:2:23: fiscalYearStartMonth: expected a number; got string "April"/);
    expect(r.stderr).toMatch(/problem\(s\); the config was not accepted\.\n$/);
  });

  it('says when the file is not there', () => {
    const r = run('config-check.ts', [path.join(dir, 'missing.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.yaml:0:0: \(root\): cannot read the config: file not found/);
  });
});

describe('npm start with a bad config', () => {
  it('does not start: it prints the loader problems and exits 1', () => {
    const bad = file('start-bad.yaml', 'version: 1\nfiscalYearStartMonth: 13\n');
    const r = spawnSync(TSX, [path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        ...process.env,
        SALES_PROCESS_CONFIG: bad,
        STATE_DIR: path.join(dir, 'state'),
        PORT: '0',
        EMULATOR_PORT: '0',
      },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: the sales-process config is invalid; the service did not start:\n/);
    expect(r.stderr).toMatch(/start-bad\.yaml:2:23: fiscalYearStartMonth: must be at most 12; got number 13/);
    expect(r.stdout).not.toMatch(/is running/);
  });
});
