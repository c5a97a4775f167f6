import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `cacheRequires` wraps Node's own module loader, which Jest replaces with its own registry: the
 * requires are made in a Node process of their own (through tsx, as the service runs), and it
 * reports what Node's resolver was asked.
 */
function run(dir: string, script: string): Record<string, unknown> {
  const file = path.join(dir, 'probe.ts');
  writeFileSync(
    file,
    `import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { cacheRequires } from ${JSON.stringify(path.join(__dirname, 'sdk-raw'))};
const dir = ${JSON.stringify(dir)};
const loader = Module as unknown as { _resolveFilename(...a: unknown[]): string; _cache: Record<string, unknown> };
const resolve = loader._resolveFilename;
const asked: string[] = [];
loader._resolveFilename = function (this: unknown, ...a: unknown[]) { asked.push(a[0] as string); return resolve.apply(this, a); };
const times = (request: string) => asked.filter((r) => r === request).length;
const out: Record<string, unknown> = {};
${script}
process.stdout.write(JSON.stringify(out));
`,
  );
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', file], {
    cwd: path.join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('cacheRequires (the SDK requiring its model classes by path, per object it converts)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'requires-'));
    for (const d of ['sdk/util', 'sdk/model', 'app/sub']) mkdirSync(path.join(dir, d), { recursive: true });
    writeFileSync(path.join(dir, 'sdk', 'model', 'record.js'), 'exports.MasterModel = class Record {};\n');
    mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'pkg', 'index.js'), 'exports.n = 1;\n');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves a relative require made under the root once; later ones answer the same exports', () => {
    const out = run(
      dir,
      // The module is loaded first by another file, as the SDK's classes are (Node then resolves every
      // later require of it from json_converter.js).
      `createRequire(path.join(dir, 'sdk/index.js'))('./model/record');
const req = createRequire(path.join(dir, 'sdk/util/json_converter.js'));
const before = [1, 2, 3].map(() => req('../model/record'));
out.unwrapped = times('../model/record');
const restore = cacheRequires(path.join(dir, 'sdk'));
const first = req('../model/record');
const again = [1, 2, 3, 4, 5].map(() => req('../model/record'));
out.wrapped = times('../model/record') - (out.unwrapped as number);
out.same = before.concat(again).every((e) => e === first);
restore();
for (let i = 0; i < 3; i++) req('../model/record');
out.restored = times('../model/record') - (out.unwrapped as number) - (out.wrapped as number);`,
    );
    // Node resolves the path on every require; with the wrap, twice for the first (Node's load, and
    // the wrap remembering the file), then never.
    expect(out).toEqual({ unwrapped: 3, wrapped: 2, same: true, restored: 3 });
  });

  it('leaves requires from outside the root, and by package name, to Node', () => {
    const out = run(
      dir,
      `cacheRequires(path.join(dir, 'sdk'));
const first = createRequire(path.join(dir, 'app/first.js'));
first('../sdk/model/record');
first('pkg');
const app = createRequire(path.join(dir, 'app/sub/main.js'));
for (let i = 0; i < 3; i++) app('../../sdk/model/record');
const sdk = createRequire(path.join(dir, 'sdk/util/x.js'));
for (let i = 0; i < 3; i++) sdk('pkg');
out.app = times('../../sdk/model/record');
out.byName = times('pkg') - 1;`,
    );
    expect(out).toEqual({ app: 3, byName: 3 });
  });

  it('loads a module again once it is dropped from the module cache', () => {
    const out = run(
      dir,
      `cacheRequires(path.join(dir, 'sdk'));
const req = createRequire(path.join(dir, 'sdk/util/converter.js'));
const first = req('../model/record');
req('../model/record');
delete loader._cache[path.join(dir, 'sdk/model/record.js')];
const fresh = req('../model/record');
out.fresh = fresh !== first && typeof fresh.MasterModel === 'function';`,
    );
    expect(out).toEqual({ fresh: true });
  });
});
