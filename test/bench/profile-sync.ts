/**
 * `npx tsx test/bench/profile-sync.ts [--accounts 1000] [--out DIR] [--settled]`: one fresh full sync (the sync
 * CLI in its own process, as the bench runs it) under `node --cpu-prof`, against a local CRM with
 * generated data; prints the top-10 functions by self time (issue 14's before/after table) and
 * where the profile is (--settled: after a first sync, so the profiled one has nothing to write). Open the .cpuprofile in Chrome DevTools for the rest.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RUN_AS_OF_ISO, startCrmAfterData, tempDir } from '../support/crm-harness';
import { runSyncCli } from '../support/sync-cli';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (ms), from a V8 .cpuprofile, largest first. */
export function selfTimes(p: Profile): { name: string; where: string; ms: number; share: number }[] {
  const byNode = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; where: string; ms: number }>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = byNode.get(id);
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    // Waiting for the CRM is not CPU: left out, so the shares are of the busy time.
    if (!n || n.callFrame.functionName === '(idle)') return;
    total += dt;
    const f = n.callFrame;
    const where = f.url ? `${shorten(f.url)}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName}@${where}`;
    const e = self.get(key) ?? { name: f.functionName || '(anonymous)', where, ms: 0 };
    e.ms += dt;
    self.set(key, e);
  });
  return [...self.values()]
    .sort((a, b) => b.ms - a.ms)
    .map((e) => ({ ...e, ms: Math.round(e.ms), share: Math.round((e.ms / total) * 1000) / 10 }));
}

function shorten(url: string): string {
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) return u.slice(nm + 'node_modules/'.length);
  return path.relative(path.resolve(__dirname, '..', '..'), u);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { accounts: { type: 'string' }, out: { type: 'string' }, settled: { type: 'boolean' } },
    strict: true,
  });
  const accounts = Number(values.accounts ?? 1000);
  const out = path.resolve(values.out ?? tempDir('sync-profile-'));
  mkdirSync(out, { recursive: true });
  const crm = await startCrmAfterData({ accounts, seed: 'bench' });
  const stateDir = tempDir('profile-sync-');
  try {
    // --settled: a first full sync writes every account and deal; the profiled one (a fresh state
    // directory) then finds the CRM up to date, like the bench's 2nd to 5th CPU runs.
    if (values.settled) {
      const warm = tempDir('profile-warm-');
      try {
        const w = await runSyncCli({ stateDir: warm, crmUrl: crm.url, asOf: RUN_AS_OF_ISO, full: true });
        if (w.code !== 0) throw new Error(`first sync exited ${w.code}: ${w.stderr.slice(0, 2000)}`);
      } finally {
        rmSync(warm, { recursive: true, force: true });
      }
    }
    const res = await runSyncCli({
      stateDir,
      crmUrl: crm.url,
      asOf: RUN_AS_OF_ISO,
      full: true,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${out}`],
    });
    if (res.code !== 0 || !res.summary)
      throw new Error(`sync exited ${res.code}: ${res.stderr.slice(0, 2000)}`);
    const records = Object.values(res.summary.recordsRead).reduce((a, b) => a + b, 0);
    const files = readdirSync(out)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(out, f))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    const file = files[0];
    if (!file) throw new Error(`no .cpuprofile in ${out}`);
    const rows = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as Profile).slice(0, 10);
    const cpu = res.summary.process.cpuMs;
    process.stdout.write(
      [
        `${accounts} accounts, ${records} records: run CPU ${cpu} ms = ${Math.round((cpu * 1000) / records)} µs per record; peak RSS ${res.summary.process.peakRssMb} MB; profile ${file}`,
        '',
        '| self ms | % | function | where |',
        '| ---: | ---: | --- | --- |',
        ...rows.map((r) => `| ${r.ms} | ${r.share} | ${r.name} | ${r.where} |`),
        '',
      ].join('\n'),
    );
  } finally {
    await crm.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`profile failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
