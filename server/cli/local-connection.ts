/**
 * Without Zoho credentials in env, the CLIs talk to the local CRM (started by `npm start` or
 * `npm run emulator`) with its demo OAuth client — or say clearly that none is running.
 */
import { AppError } from '../errors';
import type { ZohoConnection } from '../zoho/env';

export async function localConnection(url: string): Promise<ZohoConnection> {
  try {
    await fetch(`${url}/__emulator/credits`, { signal: AbortSignal.timeout(2000) });
  } catch {
    throw new AppError(
      'BAD_INPUT',
      `no Zoho credentials in env and no local CRM at ${url}: start it with \`npm start\` or \`npm run emulator\`, or set ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_REFRESH_TOKEN`,
    );
  }
  return {
    apiBase: url,
    tokenUrl: `${url}/oauth/v2/token`,
    clientId: 'demo',
    clientSecret: 'demo',
    refreshToken: 'demo',
  };
}
