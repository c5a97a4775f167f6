/**
 * The shell of every command-line entry point: parse arguments strictly, run, and turn any failure
 * into one clear line on stderr and a non-zero exit — never a stack trace (set DEBUG=1 for one).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError, toAppError } from '../errors';
import { useUtc } from '../runtime/utc';

export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  options: T,
  args = process.argv.slice(2),
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (e) {
    // node:util's messages can span lines ("…is ambiguous.\nDid you forget…"): keep one line.
    const message = (e as Error).message
      .replace(/\. To specify a positional argument.*$/s, '')
      .replace(/\s*\n\s*/g, ' ');
    throw new AppError('BAD_INPUT', message);
  }
}

export function runCli(main: () => Promise<number | void> | number | void): void {
  // Every command runs in UTC: the Zoho SDK needs it (runtime/utc.ts).
  useUtc();
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code ?? 0;
      },
      (e: unknown) => {
        const err = toAppError(e);
        process.stderr.write(`error: ${err.message}\n`);
        if (process.env.DEBUG) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
        process.exitCode = err.code === 'INTERNAL' ? 2 : 1;
      },
    );
}
