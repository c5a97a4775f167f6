/**
 * The bench's figures: derived comparisons (naive ÷ ours per run kind and over a day), the target
 * checks of DESIGN §9, and the Markdown tables `npm run bench` prints (the README quotes one run).
 */
import type { EngineBench } from './engine-bench';
import type { NaiveRun, OurRun, RunKind, SizeResult } from './measure';
import { WIDGET_BUDGET, type WidgetBudgetResult } from './widget-budget';

export interface Comparison {
  what: string;
  naive: number;
  ours: number;
  ratio: number;
}

export interface TargetCheck {
  target: string;
  measured: string;
  ok: boolean;
}

const RUNS_PER_DAY = 96;

/** Naive ÷ ours per run kind (ours with the echo its writes cause), and over a day of 1 full + 96 runs. */
export function compare(size: SizeResult): Comparison[] {
  const ours = (k: RunKind) => size.ours.find((r) => r.kind === k)?.credits.total ?? NaN;
  const naive = (k: NaiveRun['kind']) => size.naive.find((r) => r.kind === k)?.credits.total ?? NaN;
  const full = ours('full') + ours('echo');
  const change = ours('activities-1pct') + ours('echo-after-change');
  const rows: [string, number, number][] = [
    ['full sync (ours + its echo)', naive('full'), full],
    ['no change', naive('no-change'), ours('no-change')],
    ['1 % of activities changed (ours + its echo)', naive('activities-1pct'), change],
    [
      `quiet day: 1 full + ${RUNS_PER_DAY} runs with no change`,
      naive('full') + RUNS_PER_DAY * naive('no-change'),
      full + RUNS_PER_DAY * ours('no-change'),
    ],
    [
      `busy day: 1 full + ${RUNS_PER_DAY} runs each after 1 % of activities changed`,
      naive('full') + RUNS_PER_DAY * naive('activities-1pct'),
      full + RUNS_PER_DAY * change,
    ],
  ];
  return rows.map(([what, n, o]) => ({ what, naive: n, ours: o, ratio: Math.round((n / o) * 10) / 10 }));
}

export function checkTargets(
  sizes: SizeResult[],
  engine: EngineBench | null,
  widget: WidgetBudgetResult | null,
  modulesRead: number,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const s of sizes) {
    const worst = s.ours.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    checks.push({
      target: `${s.accounts} accounts: credits ≤ 1.1 × lower bound (every run kind)`,
      measured: `worst ×${worst.ratio} (${worst.kind})`,
      ok: worst.ratio <= 1.1,
    });
    const quiet = s.ours.find((r) => r.kind === 'no-change');
    if (quiet)
      checks.push({
        target: `${s.accounts} accounts: no-change run ≤ 1 credit per module (${modulesRead})`,
        measured: `${quiet.credits.total} credits`,
        ok: quiet.credits.total <= modulesRead,
      });
    if (s.naive.length > 0) {
      const busy = compare(s).at(-1) as Comparison;
      checks.push({
        target: `${s.accounts} accounts: naive ÷ ours ≥ 20 (busy day)`,
        measured: `×${busy.ratio}`,
        ok: busy.ratio >= 20,
      });
    }
    const full = s.ours.find((r) => r.kind === 'full');
    if (full && s.accounts >= 10_000)
      checks.push({
        target: `${s.accounts} accounts: full sync peak RSS < 1 GB`,
        measured: `${full.peakRssMb} MB`,
        ok: full.peakRssMb < 1024,
      });
  }
  if (engine)
    checks.push({
      target: 'engine ≥ 5,000 accounts/s',
      measured: `${engine.accountsPerSecond.toLocaleString('en-US')} accounts/s (${engine.accounts.toLocaleString('en-US')} accounts)`,
      ok: engine.accountsPerSecond >= 5000,
    });
  if (widget) {
    const maxCalls = Math.max(...widget.crmCalls);
    const b = WIDGET_BUDGET;
    checks.push(
      {
        target: `widget JavaScript ≤ ${b.jsGzipBytes / 1024} KB gzip per page`,
        measured: `${(widget.jsGzipBytes / 1024).toFixed(1)} KB`,
        ok: widget.jsGzipBytes <= b.jsGzipBytes,
      },
      {
        target: `widget first render ≤ ${b.firstRenderMs} ms after PageLoad`,
        measured: `${widget.firstRenderMedianMs} ms median`,
        ok: widget.firstRenderMedianMs <= b.firstRenderMs,
      },
      {
        target: `widget ≤ ${b.crmCallsPerLoad} CRM calls per page load`,
        measured: `${maxCalls}`,
        ok: maxCalls <= b.crmCallsPerLoad,
      },
    );
  }
  return checks;
}

export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const width = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(width.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

const RUN_LABEL: Record<RunKind, string> = {
  full: 'full sync',
  echo: 'echo of the full sync’s writes',
  'no-change': 'no change',
  'activities-1pct': '1 % of activities changed',
  'echo-after-change': 'echo of that run’s writes',
};

export function formatSize(s: SizeResult): string {
  const counts = Object.entries(s.records)
    .map(([m, n]) => `${m} ${n.toLocaleString('en-US')}`)
    .join(', ');
  const runs = table(
    [
      'run',
      'changed (read)',
      'had to write (a+d+h)',
      'credits r+w',
      'lower bound r+w',
      '× bound',
      'calls',
      'wall s',
      'peak RSS',
    ],
    s.ours.map((r: OurRun) => [
      RUN_LABEL[r.kind],
      Object.values(r.changeSet.records)
        .reduce((a, b) => a + b, 0)
        .toLocaleString('en-US'),
      `${r.changeSet.needed.accounts}+${r.changeSet.needed.deals}+${r.changeSet.needed.history}`,
      `${r.credits.read - r.metadataCredits}+${r.credits.write} = ${r.credits.total - r.metadataCredits}${r.metadataCredits ? ` (+${r.metadataCredits} metadata)` : ''}`,
      `${r.bound.read}+${r.bound.write} = ${r.bound.total}`,
      r.ratio,
      r.calls,
      (r.wallMs / 1000).toFixed(1),
      `${r.peakRssMb} MB`,
    ]),
  );
  const parts = [`### ${s.accounts.toLocaleString('en-US')} accounts (${counts})`, '', runs];
  if (s.change)
    parts.push(
      '',
      `1 % change: ${Object.entries(s.change.changed)
        .map(([m, n]) => `${n} ${m}`)
        .join(
          ', ',
        )} of ${s.change.total.toLocaleString('en-US')} activities re-classified (Activity_Kind) via PUT, trigger: [].`,
    );
  if (s.naive.length > 0) {
    parts.push(
      '',
      table(
        ['naive baseline run', 'credits r+w', 'calls', 'wall s'],
        s.naive.map((r) => [
          r.derived ? `${r.kind} (derived from the full run)` : r.kind,
          `${r.credits.read}+${r.credits.write} = ${r.credits.total}`,
          r.calls,
          (r.wallMs / 1000).toFixed(1),
        ]),
      ),
      '',
      table(
        ['credits', 'naive', 'ours', 'naive ÷ ours'],
        compare(s).map((c) => [
          c.what,
          c.naive.toLocaleString('en-US'),
          c.ours.toLocaleString('en-US'),
          `×${c.ratio}`,
        ]),
      ),
    );
  }
  return parts.join('\n');
}

export function formatEngine(e: EngineBench): string {
  return table(
    ['engine (in-process, no I/O)', 'measured'],
    [
      [
        'dataset',
        `${e.accounts.toLocaleString('en-US')} accounts, ${e.records.toLocaleString('en-US')} records`,
      ],
      ['normalise', `${e.normaliseMs} ms`],
      ['bundle by account', `${e.bundleMs} ms`],
      ['computeAccountInsight, all accounts', `${e.computeMs.join(' / ')} ms (3 passes)`],
      ['accounts per second (median pass)', e.accountsPerSecond.toLocaleString('en-US')],
      ['accounts per second incl. normalise + bundle', e.endToEndAccountsPerSecond.toLocaleString('en-US')],
    ],
  );
}

export function formatTargets(checks: TargetCheck[]): string {
  return table(
    ['target (DESIGN §9)', 'measured', ''],
    checks.map((c) => [c.target, c.measured, c.ok ? 'ok' : 'MISSED']),
  );
}
