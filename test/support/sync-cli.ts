/**
 * `npm run sync -- --once --json` as its own process against a local CRM (the bench measures its
 * peak RSS; the fault suite kills it mid-write). Run through tsx directly, in its own process group:
 * tsx runs the script in a child process, and a kill must reach both.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import type { RunSummary } from '../../server/sync/run';

const ROOT = path.resolve(__dirname, '..', '..');

export interface SyncCliOptions {
  stateDir: string;
  crmUrl: string;
  /** `--as-of` (ISO); default: the CLI's now. */
  asOf?: string;
  full?: boolean;
  logLevel?: string;
  /** More environment (e.g. ZOHO_* to reach the CRM as a real org). */
  env?: Record<string, string>;
  /** Node options (e.g. `--cpu-prof`): then node runs the CLI itself, with tsx as its loader. */
  nodeArgs?: string[];
  /** Run on this CPU only (`taskset -c`): the bench pins the runs whose CPU time it measures. */
  cpu?: number;
}

export type CliSummary = RunSummary & { process: { peakRssMb: number; cpuMs: number } };

export interface SyncCliResult {
  code: number | null;
  summary: CliSummary | null;
  stderr: string;
  wallMs: number;
}

/**
 * The Node flags `npm run sync` and `npm start` run with (package.json): young objects get 32 MB
 * semi-spaces, so a sync's 2,000-record pages die young instead of being promoted and collected
 * later (≈10 % less CPU per record read, issue 14); and V8 weighs a function 8× longer (8 × its
 * default interrupt budget of 67,584 bytes of bytecode run) before it compiles it optimised — a sync
 * runs much code only warm (once per account or record), which V8 otherwise optimises early, on
 * thin type feedback, and throws away and compiles again: 10–20 % less CPU per record read at 1,000
 * to 10,000 accounts, the same wall time (README, Performance).
 */
export const SYNC_NODE_FLAGS = ['--max-semi-space-size=32', '--interrupt-budget=540672'];

export function startSyncCli(o: SyncCliOptions): ChildProcessWithoutNullStreams {
  const args = [...SYNC_NODE_FLAGS, path.join(ROOT, 'server/cli/sync.ts'), '--once', '--json'];
  if (o.asOf) args.push('--as-of', o.asOf);
  if (o.full) args.push('--full');
  const [node, nodeArgv] = o.nodeArgs
    ? [process.execPath, [...o.nodeArgs, '--import', 'tsx', ...args]] // args start with the flags
    : [path.join(ROOT, 'node_modules/.bin/tsx'), args];
  const [command, argv] =
    o.cpu === undefined ? [node, nodeArgv] : ['taskset', ['-c', String(o.cpu), node, ...nodeArgv]];
  return spawn(command, argv, {
    cwd: ROOT,
    env: {
      ...process.env,
      STATE_DIR: o.stateDir,
      EMULATOR_URL: o.crmUrl,
      ZOHO_CLIENT_ID: '',
      ZOHO_CLIENT_SECRET: '',
      ZOHO_REFRESH_TOKEN: '',
      LOG_LEVEL: o.logLevel ?? 'error',
      ...o.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
}

/** The process's exit, with its JSON summary (null when it printed none) and stderr. */
export function awaitSyncCli(
  child: ChildProcessWithoutNullStreams,
  started = Date.now(),
): Promise<SyncCliResult> {
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += String(d)));
  child.stderr.on('data', (d: Buffer) => (err += String(d)));
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve({ code, summary: parseSummary(out), stderr: err, wallMs: Date.now() - started });
    });
  });
}

export function runSyncCli(o: SyncCliOptions): Promise<SyncCliResult> {
  const started = Date.now();
  return awaitSyncCli(startSyncCli(o), started);
}

/** SIGKILL the CLI and its tsx child (the whole process group); resolves once it is gone. */
export async function killSyncCli(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-(child.pid as number), 'SIGKILL');
  await exited;
}

function parseSummary(out: string): CliSummary | null {
  try {
    return out.trim() ? (JSON.parse(out) as CliSummary) : null;
  } catch {
    return null;
  }
}
