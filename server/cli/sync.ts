/**
 * `npm run sync -- --once [--full] [--json]` — one sync run against the org in ZOHO_* env, or the
 * local CRM (`npm start` / `npm run emulator`) when none is set. Progress on stderr; the summary on
 * stdout (JSON with --json). Exit 1 when the run failed (auth, budget, Zoho down).
 */
import { AppError } from '../errors';
import type { RunSummary } from '../sync/run';
import { openCliService } from './local-connection';
import { parseInstant } from '../../shared/model/time';
import { parseCliArgs, runCli } from './run-cli';

const USAGE = `usage: npm run sync -- --once [--full] [--snapshot] [--json] [--config FILE] [--as-of ISO]
  --once    run one sync now and exit (the service runs them on a schedule)
  --full    read every record and recompute every account (default: only what changed)
  --snapshot  then write today's account snapshots (ESM_Snapshots) unless done today
  --json    print the run summary as JSON
  --as-of   compute as of this moment instead of now (reproducible runs)
Connects to the org in ZOHO_CLIENT_ID/ZOHO_CLIENT_SECRET/ZOHO_REFRESH_TOKEN (+ ZOHO_DC or ZOHO_API_BASE and
ZOHO_ACCOUNTS_URL); without them, to the local CRM at $EMULATOR_URL (default http://127.0.0.1:4010).
`;

runCli(async () => {
  const { values } = parseCliArgs({
    once: { type: 'boolean' },
    full: { type: 'boolean' },
    snapshot: { type: 'boolean' },
    json: { type: 'boolean' },
    config: { type: 'string' },
    'as-of': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.once)
    throw new AppError(
      'BAD_INPUT',
      'say --once (one run now); the service (npm start) runs syncs on its schedule',
    );
  const asOf = values['as-of'] === undefined ? null : parseInstant(values['as-of']);
  if (values['as-of'] !== undefined && asOf === null)
    throw new AppError('BAD_INPUT', `--as-of "${values['as-of']}" is not an ISO 8601 datetime with offset`);
  const { service } = await openCliService(values.config, asOf !== null ? { now: () => asOf } : {});
  try {
    const tty = process.stderr.isTTY;
    const cpu0 = process.cpuUsage();
    const summary = await service.sync({
      trigger: 'cli',
      ...(values.full ? { full: true } : {}),
      ...(values.snapshot ? { snapshot: true } : {}),
      progress: (m) => tty && process.stderr.write(`\r\x1b[K${m}`),
    });
    if (tty) process.stderr.write('\r\x1b[K');
    // The run's CPU time (user + system, this process) and the process's peak resident memory: what
    // `npm run bench` reports per record read and per size (CPU, not wall: the bench machine is shared).
    const cpu = process.cpuUsage(cpu0);
    const json = {
      ...summary,
      process: {
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      },
    };
    process.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : describe(summary));
    return summary.status === 'failed' ? 1 : 0;
  } finally {
    service.close();
  }
});

function describe(s: RunSummary): string {
  const lines = [
    `${s.kind} sync ${s.status} in ${(s.durationMs / 1000).toFixed(1)} s (run ${s.runId}, as of ${s.asOf})`,
    `  accounts read ${s.accountsRead}, records read ${Object.values(s.recordsRead).reduce((a, b) => a + b, 0)}`,
    `  recomputed ${s.recomputed}, written ${s.written} accounts + ${s.dealsWritten} deals, unchanged ${s.unchanged}, failed ${s.failed}, stage changes ${s.stageChanges}`,
    `  credits: read ${s.credits.read}, write ${s.credits.write} (${s.calls} calls, ${s.retries} retries)`,
    ...s.failures.slice(0, 10).map((f) => `  failed: account ${f.accountId}: ${f.code} ${f.message}`),
    ...(s.error ? [`  stopped: ${s.error.code}: ${s.error.message}`] : []),
    ...(s.snapshots
      ? [
          s.snapshots.skipped
            ? `  snapshots: none (${s.snapshots.skipped === 'done_today' ? `done for ${s.snapshots.date} already` : 'off in the config'})`
            : `  snapshots for ${s.snapshots.date}: ${s.snapshots.written} written (${s.snapshots.anchors} month anchors), ${s.snapshots.failed.length} failed, ${s.snapshots.credits} credits`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}
