/**
 * A bad config never stops the service (issue 13): an alias bomb ("billion laughs") or a huge file
 * saved while the service runs is refused by the file watcher — no exception escapes it — and the
 * last good config keeps working; `config:check` and `npm start` report the same file with
 * file:line:column and exit 1.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigHolder, fileChanged } from '../../server/config/config-holder';
import { DEFAULT_CONFIG_PATH } from '../../server/config/load-config';
import { createLogger } from '../../server/runtime/logger';
import { captureLogs, tempDir } from '../support/crm-harness';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const dir = tempDir('cfg-hostile-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHIPPED = readFileSync(DEFAULT_CONFIG_PATH, 'utf8');
function bomb(levels = 8): string {
  let out = 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i <= levels; i++)
    out += `l${i}: &l${i} [${Array(9)
      .fill(`*l${i - 1}`)
      .join(',')}]\n`;
  return `${SHIPPED}\n${out}`;
}
const BOMB_LINE = SHIPPED.split('\n').length + 2; // the first alias

it('a save within the same modification time still counts as a change (its size or inode differs)', () => {
  const before = { mtimeMs: 1_000, size: 8_000, ino: 7 };
  expect(fileChanged({ ...before }, before)).toBe(false);
  expect(fileChanged({ ...before, size: 2_000_000 }, before)).toBe(true);
  expect(fileChanged({ ...before, ino: 8 }, before)).toBe(true);
  expect(fileChanged({ ...before, mtimeMs: 1_004 }, before)).toBe(true);
});

it('a save made right after the watcher starts counts: its first look is taken when watch() returns', async () => {
  const file = path.join(dir, 'early.yaml');
  copyFileSync(DEFAULT_CONFIG_PATH, file);
  const { stream, capture } = captureLogs();
  const holder = ConfigHolder.load(file, createLogger({ destination: stream }));
  holder.watch(20);
  try {
    // In the same tick as watch(): fs.watchFile took its first look later, with this save in it.
    writeFileSync(file, bomb());
    for (let i = 0; i < 500 && !holder.refused; i++) await new Promise((r) => setTimeout(r, 20));
    expect(holder.lastError).toMatch(/aliases expand too much/);
    expect(capture.text()).toContain('config change refused');
  } finally {
    holder.unwatch();
  }
});

it('the file watcher refuses an alias bomb and a 2 MB file; the last good config stays', async () => {
  const file = path.join(dir, 'live.yaml');
  copyFileSync(DEFAULT_CONFIG_PATH, file);
  const { stream, capture } = captureLogs();
  const holder = ConfigHolder.load(file, createLogger({ destination: stream }));
  const good = holder.current;
  holder.watch(20);
  try {
    for (const [text, problem] of [
      [bomb(), /aliases expand too much/],
      [`${SHIPPED}\n#${'x'.repeat(2_000_000)}\n`, /at most 1000000 bytes/],
    ] as const) {
      const before = capture.text().length;
      writeFileSync(file, text);
      // Up to 10 s: the 2 MB write and the watcher's poll are slow when the whole suite shares two cores.
      for (let i = 0; i < 500 && !capture.text().slice(before).includes('config change refused'); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(holder.current).toBe(good);
      expect(holder.refused).toBe(true);
      expect(holder.lastError).toMatch(problem);
    }
    copyFileSync(DEFAULT_CONFIG_PATH, file);
    expect(holder.reload()).toBe(true);
    expect([holder.refused, holder.publicError]).toEqual([false, null]);
  } finally {
    holder.unwatch();
  }
});

describe('the same file on the command line', () => {
  const bad = path.join(dir, 'bomb.yaml');
  beforeAll(() => writeFileSync(bad, bomb()));

  it('config:check names file:line:column and exits 1 (not a bare exception, exit 2)', () => {
    const r = spawnSync(TSX, [path.join(ROOT, 'server/cli/config-check.ts'), bad], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DEBUG: '' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`bomb\\.yaml:${BOMB_LINE}:\\d+: \\(root\\): YAML aliases expand too much`),
    );
  });

  it('npm start does not start on it: the loader problems and exit 1', () => {
    const r = spawnSync(TSX, [path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        DEBUG: '',
        SALES_PROCESS_CONFIG: bad,
        STATE_DIR: path.join(dir, 'state'),
        PORT: '0',
        EMULATOR_PORT: '0',
      },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the sales-process config is invalid; the service did not start/);
    expect(r.stderr).toMatch(new RegExp(`bomb\\.yaml:${BOMB_LINE}:\\d+: `));
  });
});
