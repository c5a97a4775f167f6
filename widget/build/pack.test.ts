import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAppFiles } from './pack';

describe('checkAppFiles: Zoho packer rules for app/', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'es-pack-'));
    mkdirSync(path.join(dir, 'assets'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts html, js and css', () => {
    for (const f of ['account.html', 'assets/account-Ab_1.js', 'assets/account-x.css'])
      writeFileSync(path.join(dir, f), 'x');
    expect(checkAppFiles(dir)).toEqual([]);
  });

  it('refuses source maps, favicons and odd names (zet would silently leave them out)', () => {
    for (const f of ['assets/a.js.map', 'favicon.ico', 'assets/bad name.js'])
      writeFileSync(path.join(dir, f), 'x');
    const problems = checkAppFiles(dir).join('\n');
    expect(problems).toContain('a.js.map: file type not accepted');
    expect(problems).toContain('favicon.ico: file type not accepted');
    expect(problems).toContain('bad name.js: file names may use only');
  });
});
