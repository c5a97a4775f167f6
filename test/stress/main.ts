/**
 * `npm run test:stress`: the full-size data shapes of ./data-shapes.ts, timed (seconds, this
 * machine). Exits 1 if a shape fails or takes longer than LIMIT_S.
 */
import { loadConfigFile, DEFAULT_CONFIG_PATH } from '../../server/config/load-config';
import { contactChain, hugeText, manyActivities, runShape } from './data-shapes';

const LIMIT_S = 60;
const r = loadConfigFile(DEFAULT_CONFIG_PATH);
if (!r.ok) throw new Error('shipped config invalid');
const config = r.config;

let failed = false;
for (const [name, make] of [
  ['50,000 contacts in one Reporting_To chain', () => contactChain(50_000)],
  ['50,000 contacts in one Reporting_To loop', () => contactChain(50_000, true)],
  ['1,000,000 activities on one account', () => manyActivities(1_000_000)],
  ['10 MB title, description and subject', () => hugeText()],
] as const) {
  const built = Date.now();
  const raw = make();
  const start = Date.now();
  const out = runShape(raw, config);
  const s = (Date.now() - start) / 1000;
  const ok = s <= LIMIT_S;
  failed ||= !ok;
  process.stdout.write(
    `${ok ? 'ok  ' : 'SLOW'} ${name}: ${s.toFixed(1)} s engine (${((start - built) / 1000).toFixed(1)} s to build the records); ` +
      `stage ${out.insight.stage?.key ?? '-'}, ${out.issues.length} issue(s), rss ${Math.round(process.memoryUsage().rss / 1e6)} MB\n`,
  );
}
process.exitCode = failed ? 1 : 0;
