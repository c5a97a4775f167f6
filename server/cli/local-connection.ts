/**
 * How the CLIs reach a CRM: the org of ZOHO_* env, or without Zoho credentials the local CRM
 * (started by `npm start` or `npm run emulator`) with its demo OAuth client — or say clearly that
 * none is running. `openCliService` opens the sync service over that connection, logging to stderr.
 */
import { resolveConfigPath } from '../config/load-config';
import { AppError } from '../errors';
import { ConfigHolder } from '../config/config-holder';
import { createLogger } from '../runtime/logger';
import { SyncService, type SyncServiceOptions } from '../sync/sync-service';
import { readEnv } from '../env';
import { emulatorConnection, type ZohoConnection } from '../zoho/env';

export async function openCliService(
  configFile: string | undefined,
  options: Partial<Pick<SyncServiceOptions, 'budgetShare' | 'now'>> = {},
  processEnv: NodeJS.ProcessEnv = process.env,
): Promise<{ service: SyncService; connection: ZohoConnection }> {
  const env = readEnv(processEnv);
  const connection = env.zoho ?? (await localConnection(env.emulatorUrl));
  const log = createLogger({
    level: env.logLevel ?? 'warn',
    secrets: [connection.clientSecret, connection.refreshToken],
    destination: { write: (s: string) => process.stderr.write(s) },
  });
  const config = ConfigHolder.load(resolveConfigPath(configFile, processEnv), log).current;
  const service = await SyncService.open({
    stateDir: env.stateDir,
    connection,
    config,
    log,
    dailyCredits: config.sync.dailyCredits,
    budgetShare: options.budgetShare ?? config.sync.budgetShare,
    ...(options.now ? { now: options.now } : {}),
  });
  return { service, connection };
}

async function localConnection(url: string): Promise<ZohoConnection> {
  try {
    await fetch(`${url}/__emulator/credits`, { signal: AbortSignal.timeout(2000) });
  } catch {
    throw new AppError(
      'BAD_INPUT',
      `no Zoho credentials in env and no local CRM at ${url}: start it with \`npm start\` or \`npm run emulator\`, or set ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_REFRESH_TOKEN`,
    );
  }
  return emulatorConnection(url);
}
