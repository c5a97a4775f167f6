/** In a child process: Jest gives each test file its own copy of process.env, so TZ set here would not reach the clock. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const UTC_MODULE = path.join(__dirname, 'utc.ts');

function run(code: string, tz: string) {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `const { assertUtc, useUtc } = require(${JSON.stringify(UTC_MODULE)});\n${code}`,
    ],
    { env: { ...process.env, TZ: tz }, encoding: 'utf8' },
  );
  return { status: r.status, out: r.stdout.trim(), err: r.stderr };
}

it('the SDK initialiser refuses a process outside UTC, with what to do', () => {
  const r = run(
    'try { assertUtc(); console.log("ok"); } catch (e) { console.log(e.code, e.message); }',
    'Asia/Tokyo',
  );
  expect(r.out).toBe(
    'INTERNAL the Zoho SDK must run in UTC (TZ is Asia/Tokyo): call useUtc() at the entry point',
  );
});

it('useUtc puts the process in UTC, whatever zone it started in', () => {
  const r = run('useUtc(); assertUtc(); console.log(new Date(2020, 0, 1).toISOString())', 'America/New_York');
  expect(r).toMatchObject({ status: 0, out: '2020-01-01T00:00:00.000Z' });
});
