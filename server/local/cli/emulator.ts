/**
 * `npm run emulator -- …`: the local Zoho CRM alone (DESIGN §6). Prints its URL and what it holds;
 * Ctrl-C stops it. Bad arguments: one line on stderr, exit 1.
 */
import fs from 'node:fs';
import pino from 'pino';
import { parseEmulatorArgs, USAGE, UsageError } from './emulator-args';
import { DEFAULT_CREDITS_PER_DAY } from '../emulator/emulator';
import { startLocalCrm } from '../plugins/local-crm';
import { readEnv } from '../../env';

async function main(): Promise<void> {
  const opts = parseEmulatorArgs(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (opts.dataFile !== undefined && !fs.existsSync(opts.dataFile))
    throw new UsageError(`--data: no such file ${opts.dataFile}`);
  const env = readEnv();
  const started = Date.now();
  const emulator = await startLocalCrm({
    ...opts,
    port: opts.port ?? env.emulatorPort,
    stateDir: opts.stateDir ?? env.stateDir,
    logger: pino({ level: env.logLevel ?? 'info' }, pino.destination(2)),
    onProgress: (m) => process.stderr.write(`${m}\n`),
  });
  const counts = Object.entries(emulator.summary())
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Zoho CRM emulator on ${emulator.url} (state ${emulator.dbFile}, ready in ${seconds}s)\n`,
  );
  process.stdout.write(`records: ${counts || 'none'}\n`);
  process.stdout.write(
    `OAuth: client_id=${opts.clientId ?? 'demo'} client_secret=*** refresh_token=*** at ${emulator.url}/oauth/v2/token; ` +
      `credits/day ${opts.creditsPerDay ?? DEFAULT_CREDITS_PER_DAY}, concurrency ${opts.concurrency ?? 10}\n`,
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  const message = e instanceof UsageError || e instanceof Error ? e.message : String(e);
  const code = (e as NodeJS.ErrnoException).code;
  process.stderr.write(
    `emulator: ${code === 'EADDRINUSE' ? 'the port is already in use (try --port N)' : message.split('\n')[0]}\n`,
  );
  process.exit(1);
});
