/**
 * Arguments of `npm run emulator`: parsed strictly, with one readable line for anything wrong.
 */
import { parseArgs } from 'node:util';
import type { LocalCrmOptions } from '../plugins/local-crm';

export class UsageError extends Error {}

const USAGE =
  'usage: npm run emulator -- [--data FILE | --accounts N [--seed S] [--as-of ISO]] [--port N] [--reset] [--bare] ' +
  '[--client-id X --client-secret Y --refresh-token Z] [--credits-per-day N] [--concurrency N] [--token-ttl SECONDS] ' +
  '[--state-dir DIR] [--config FILE]';

function positiveInt(name: string, raw: string | undefined, min = 1): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min)
    throw new UsageError(`--${name} takes a whole number ≥ ${min}, got "${raw}"`);
  return Number(raw);
}

/** The emulator's options as given on the command line; `stateDir` falls back to the env's. */
export type EmulatorArgs = Omit<LocalCrmOptions, 'stateDir'> & { stateDir?: string; help?: boolean };

export function parseEmulatorArgs(argv: string[]): EmulatorArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        reset: { type: 'boolean' },
        bare: { type: 'boolean' },
        accounts: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'refresh-token': { type: 'string' },
        'credits-per-day': { type: 'string' },
        concurrency: { type: 'string' },
        'token-ttl': { type: 'string' },
        'state-dir': { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\n${USAGE}`);
  }
  if (values.help) return { help: true };
  if (values.data !== undefined && values.accounts !== undefined)
    throw new UsageError('give either --data FILE or --accounts N, not both');
  const asOf = values['as-of'];
  const asOfMs = asOf === undefined ? undefined : Date.parse(asOf);
  if (asOfMs !== undefined && Number.isNaN(asOfMs))
    throw new UsageError(`--as-of takes an ISO date like 2025-04-01, got "${asOf}"`);
  const port = positiveInt('port', values.port, 0);
  if (port !== undefined && port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const opts: EmulatorArgs = {
    ...(port === undefined ? {} : { port }),
    ...(values.data === undefined ? {} : { dataFile: values.data }),
    ...(values.reset ? { reset: true } : {}),
    ...(values.bare ? { bare: true } : {}),
    ...(values.accounts === undefined
      ? {}
      : { accounts: positiveInt('accounts', values.accounts) as number }),
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    ...(asOfMs === undefined ? {} : { asOfMs }),
    ...(values['client-id'] === undefined ? {} : { clientId: values['client-id'] }),
    ...(values['client-secret'] === undefined ? {} : { clientSecret: values['client-secret'] }),
    ...(values['refresh-token'] === undefined ? {} : { refreshToken: values['refresh-token'] }),
    ...(values['credits-per-day'] === undefined
      ? {}
      : { creditsPerDay: positiveInt('credits-per-day', values['credits-per-day']) as number }),
    ...(values.concurrency === undefined
      ? {}
      : { concurrency: positiveInt('concurrency', values.concurrency) as number }),
    ...(values['token-ttl'] === undefined
      ? {}
      : { tokenTtlSeconds: positiveInt('token-ttl', values['token-ttl']) as number }),
    ...(values['state-dir'] === undefined ? {} : { stateDir: values['state-dir'] }),
    ...(values.config === undefined ? {} : { configPath: values.config }),
  };
  return opts;
}

export { USAGE };
