/**
 * Every environment variable the product reads, in one zod schema, read in one place (DESIGN §6).
 * `readEnv` decodes `process.env` once and reports everything that is wrong in one error, so an
 * operator fixes a deployment in one pass instead of one variable per restart.
 */
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './config/load-config';
import { AppError } from './errors';
import { zohoConnectionFromEnv, type ZohoConnection } from './zoho/env';

/** `<project>/.state` unless `STATE_DIR` says otherwise: the one default for every command. */
export const DEFAULT_STATE_DIR = path.join(PROJECT_ROOT, '.state');
export const DEFAULT_EMULATOR_PORT = 4010;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const unset = (v: unknown) => (v === '' ? undefined : v);
const optionalText = z.preprocess(unset, z.string().optional());
const port = (fallback: number) =>
  z.preprocess(
    unset,
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number (0–65535)')
      .transform(Number)
      .refine((n) => n <= 65535, 'must be a port number (0–65535)')
      .default(fallback),
  );

const schema = z.object({
  STATE_DIR: z.preprocess(unset, z.string().default(DEFAULT_STATE_DIR)).transform((p) => path.resolve(p)),
  PORT: port(3000),
  HOST: z.preprocess(unset, z.string().default('127.0.0.1')),
  EMULATOR_PORT: port(DEFAULT_EMULATOR_PORT),
  EMULATOR_URL: z.preprocess(
    unset,
    z.url({ message: 'must be a URL such as http://127.0.0.1:4010' }).optional(),
  ),
  LOG_LEVEL: z.preprocess(
    unset,
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  ),
  SYNC_CRON: optionalText,
  FULL_SYNC_CRON: optionalText,
  // Set-but-empty secrets are kept as '' so the start refuses them (an empty file, a typo), not "generate one".
  SERVICE_API_TOKEN: z.string().optional(),
  WEBHOOK_SECRET: z.string().optional(),
  SALES_PROCESS_CONFIG: optionalText,
});

export interface ServiceEnv {
  stateDir: string;
  port: number;
  host: string;
  emulatorPort: number;
  /** Where the CLIs find a running local CRM (default on `emulatorPort`). */
  emulatorUrl: string;
  logLevel?: (typeof LOG_LEVELS)[number];
  syncCron?: string;
  fullSyncCron?: string;
  serviceApiToken?: string;
  webhookSecret?: string;
  configFile?: string;
  /** The Zoho org, or null: no credentials, run on the built-in local CRM. */
  zoho: ZohoConnection | null;
}

/** Decode the environment; throws one `CONFIG_INVALID` error naming every variable that is wrong. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): ServiceEnv {
  const problems: string[] = [];
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      problems.push(`${name}="${env[name] ?? ''}": ${issue.message}`);
    }
  }
  let zoho: ZohoConnection | null = null;
  try {
    zoho = zohoConnectionFromEnv(env);
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (!parsed.success || problems.length > 0) {
    throw new AppError(
      'CONFIG_INVALID',
      `the environment has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
  const e = parsed.data;
  return {
    stateDir: e.STATE_DIR,
    port: e.PORT,
    host: e.HOST,
    emulatorPort: e.EMULATOR_PORT,
    emulatorUrl: (e.EMULATOR_URL ?? `http://127.0.0.1:${e.EMULATOR_PORT}`).replace(/\/+$/, ''),
    zoho,
    ...(e.LOG_LEVEL ? { logLevel: e.LOG_LEVEL } : {}),
    ...(e.SYNC_CRON ? { syncCron: e.SYNC_CRON } : {}),
    ...(e.FULL_SYNC_CRON ? { fullSyncCron: e.FULL_SYNC_CRON } : {}),
    ...(e.SERVICE_API_TOKEN !== undefined ? { serviceApiToken: e.SERVICE_API_TOKEN } : {}),
    ...(e.WEBHOOK_SECRET !== undefined ? { webhookSecret: e.WEBHOOK_SECRET } : {}),
    ...(e.SALES_PROCESS_CONFIG ? { configFile: e.SALES_PROCESS_CONFIG } : {}),
  };
}
