/**
 * `npx tsx test/demo/method-table.ts [--as-of ISO]` — issue 11's closing table on the demo org: each
 * account's relationship stage at the demo date and 30, 90 and 400 days on with the same records
 * (nothing new happens), and 400 days on for an account that keeps working the same way (every
 * activity of the last year happens again a year later: the early evidence ages out, the account
 * stays active); its unclassified and relationship share of activity (KPI window) and its share of
 * wallet (KGI). Prints a Markdown table. Uses only the dataset generator, the config loader and the
 * pipeline, so the same file runs on an older tree for the "before" columns.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../../server/config/load-config';
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import { insightsFromDataset } from '../../shared/engine/pipeline';
import type { Instant } from '../../shared/model/types';

const { values } = parseArgs({ options: { 'as-of': { type: 'string' } } });
const asOf = Date.parse(values['as-of'] ?? '2026-11-26T09:00:00+09:00') as Instant;
const loaded = loadConfigFile(DEFAULT_CONFIG_PATH);
if (!loaded.ok) throw new Error('the shipped config does not load');
const config = loaded.config;
const dataset = generateDemoDataset({ asOf, config });
const DAY = 86_400_000;

/** The dataset plus every activity of the last 365 days again, 365 days later (new ids). */
function keptUp(): unknown {
  const shift = (v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
      const t = Date.parse(v);
      return Number.isNaN(t) ? v : new Date(t + 365 * DAY).toISOString().replace('.000Z', 'Z');
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(Date.parse(v) + 365 * DAY).toISOString().slice(0, 10);
    return v;
  };
  const when = (r: Record<string, unknown>) =>
    Date.parse(String(r.Closed_Time ?? r.Start_DateTime ?? r.Call_Start_Time ?? r.Due_Date ?? ''));
  const out: Record<string, unknown> = { ...dataset };
  for (const m of ['Tasks', 'Events', 'Calls']) {
    const list = ((dataset as unknown as Record<string, Record<string, unknown>[]>)[m] ?? []) as Record<
      string,
      unknown
    >[];
    const again = list
      .filter((r) => when(r) > asOf - 365 * DAY && when(r) <= asOf)
      .map((r) => ({
        ...Object.fromEntries(
          Object.entries(r).map(([k, v]) => [k, k === 'id' ? `${String(v)}-y2` : shift(v)]),
        ),
      }));
    out[m] = [...list, ...again];
  }
  return out;
}

type Mix = { relationshipShare?: number | null; unclassifiedShare?: number | null };
const at = (days: number, data: unknown = dataset) => {
  const r = insightsFromDataset(data, config, (asOf + days * DAY) as Instant);
  if (!r.ok) throw new Error(r.error);
  return new Map(r.insights.map((i) => [i.accountId, i]));
};
const offsets = [0, 30, 90, 400];
const runs = [...offsets.map((d) => at(d)), at(400, keptUp())];
const pct = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)} %`);
const rows = [
  `| account | ${offsets.map((d) => (d === 0 ? 'stage now' : `+${d} d`)).join(' | ')} | +400 d, kept up | unclassified | relationship share | share of wallet |`,
  `|---|${offsets.map(() => '---').join('|')}|---|---|---|---|`,
];
for (const [id, now] of runs[0] ?? new Map()) {
  const stages = runs.map((m) => m.get(id)?.stage?.label.ja ?? '未着手');
  const mix = now.activityMix as Mix;
  const sow = (now.kgis as Record<string, number | null | undefined>).share_of_wallet;
  rows.push(
    `| ${now.accountName.replace(/[<>|]/g, '')} | ${stages.join(' | ')} | ${mix.unclassifiedShare === undefined ? 'n/a' : pct(mix.unclassifiedShare)} | ${pct(mix.relationshipShare)} | ${pct(sow)} |`,
  );
}
process.stdout.write(`demo as of ${new Date(asOf).toISOString()}\n\n${rows.join('\n')}\n`);
