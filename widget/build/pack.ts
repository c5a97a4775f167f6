/**
 * `npm run pack`: check `app/` against Zoho's packer rules, run `zet validate` and `zet pack`, and
 * confirm the upload zip in `dist/`. zet only *logs* files of types it will not pack (e.g. `.map`,
 * `.ico`) and leaves them out of the zip; we refuse them instead, so nothing silently goes missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const APP = path.join(ROOT, 'app');
/** zoho-extension-toolkit lib/commands/constants.js (DEFAULT_EXTENSION_OBJ) and FileCheckRule.js. */
const ALLOWED = new Set(
  '.jpg .jpeg .png .gif .svg .css .woff .woff2 .ttf .eot .webm .js .mp3 .mp4 .json .txt .md .xml .html'.split(
    ' ',
  ),
);
const FILE_NAME = /^[A-Za-z0-9_.$-]+$/;
const DIR_NAME = /^[A-Za-z0-9_$-]+$/;
const MAX_FILE_BYTES = 5_000_000;
const MAX_FILES = 250;

export function checkAppFiles(dir: string): string[] {
  const problems: string[] = [];
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const rel = path.relative(ROOT, full);
      if (statSync(full).isDirectory()) {
        if (!DIR_NAME.test(name)) problems.push(`${rel}: folder names may use only A-Z a-z 0-9 _ - $`);
        walk(full);
        continue;
      }
      files.push(rel);
      if (!ALLOWED.has(path.extname(name).toLowerCase()) || name.startsWith('.'))
        problems.push(`${rel}: file type not accepted by Zoho's packer`);
      if (!FILE_NAME.test(name)) problems.push(`${rel}: file names may use only A-Z a-z 0-9 _ . - $`);
      if (statSync(full).size > MAX_FILE_BYTES) problems.push(`${rel}: larger than 5 MB`);
    }
  };
  walk(dir);
  if (files.length > MAX_FILES)
    problems.push(`app/ has ${files.length} files; Zoho accepts at most ${MAX_FILES}`);
  return problems;
}

function zet(command: 'validate' | 'pack'): void {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'zet');
  const run = spawnSync(bin, [command], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    timeout: 120_000,
  });
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  if (run.status !== 0) throw new Error(`zet ${command} failed (exit ${run.status ?? run.signal})`);
}

function main(): number {
  if (!existsSync(APP)) {
    process.stderr.write('app/ is missing: run `npm run build` first\n');
    return 1;
  }
  const problems = checkAppFiles(APP);
  if (problems.length > 0) {
    process.stderr.write(`app/ cannot be uploaded to Zoho:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  zet('validate');
  zet('pack');
  const zip = path.join(ROOT, 'dist', `${path.basename(ROOT)}.zip`);
  if (!existsSync(zip) || statSync(zip).size === 0) {
    process.stderr.write(`zet pack wrote no ${path.relative(ROOT, zip)}\n`);
    return 1;
  }
  process.stdout.write(`upload zip: ${path.relative(ROOT, zip)} (${statSync(zip).size} bytes)\n`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
