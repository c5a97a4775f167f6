/**
 * `npm run demo:data` as a user runs it: it writes the dataset as pretty JSON (the same as the
 * generator gives for those arguments); bad arguments give one line on stderr and exit code 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import { shippedConfig } from './demo-fixture';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const dir = mkdtempSync(path.join(os.tmpdir(), 'demo-cli-'));

function run(args: string[]) {
  const r = spawnSync(TSX, [path.join(ROOT, 'server/local/cli/demo-data.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('writes the dataset for --as-of and --seed as pretty JSON', () => {
  const out = path.join(dir, 'demo.json');
  const r = run(['--out', out, '--as-of', '2026-05-20T10:00:00+09:00', '--seed', '42']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(
    /^wrote .*demo\.json \(as of 2026-05-20T01:00:00\.000Z\): 18 Accounts, \d+ Contacts/,
  );
  const text = readFileSync(out, 'utf8');
  expect(text.startsWith('{\n  "Accounts": [\n')).toBe(true);
  const expected = generateDemoDataset({
    asOf: Date.parse('2026-05-20T10:00:00+09:00'),
    seed: 42,
    config: shippedConfig(),
  });
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(expected)));
});

it.each([
  ['no --out', ['--as-of', '2026-05-20'], /^error: missing --out FILE/],
  [
    'a bad --as-of',
    ['--out', path.join(dir, 'x.json'), '--as-of', 'next tuesday'],
    /^error: --as-of "next tuesday" is not an ISO 8601/,
  ],
  [
    'a bad --seed',
    ['--out', path.join(dir, 'x.json'), '--seed', '1.5'],
    /^error: --seed "1.5" is not a whole number/,
  ],
  [
    'a negative --seed',
    ['--out', path.join(dir, 'x.json'), '--seed', '-3'],
    /^error: Option '--seed' argument is ambiguous/,
  ],
  [
    'an unknown option',
    ['--out', path.join(dir, 'x.json'), '--as-off', '2026-05-20'],
    /^error: Unknown option '--as-off'/,
  ],
  ['a stray argument', ['demo.json'], /^error: Unexpected argument 'demo\.json'/],
  [
    'an --out directory that does not exist',
    ['--out', path.join(dir, 'nope', 'x.json')],
    /^error: cannot write --out .*x\.json: its directory does not exist/,
  ],
])('%s → one line on stderr, exit 1', (_what, args, message) => {
  const r = run(args);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stdout).toBe('');
});
