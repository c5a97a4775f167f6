/**
 * Where the service's Zoho org is (DESIGN §6): a data centre (`ZOHO_DC`), or any Zoho-compatible
 * endpoint (`ZOHO_API_BASE` + `ZOHO_ACCOUNTS_URL`, e.g. the local emulator), with the OAuth client
 * and refresh token. No credentials at all means "run on the built-in local CRM".
 */
import { AppError } from '../errors';

export interface ZohoConnection {
  /** e.g. https://www.zohoapis.jp — `/crm/v6/...` is appended. */
  apiBase: string;
  /** The full token URL, e.g. https://accounts.zoho.jp/oauth/v2/token. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

const DATA_CENTRES: Record<string, { api: string; accounts: string }> = {
  us: { api: 'https://www.zohoapis.com', accounts: 'https://accounts.zoho.com' },
  eu: { api: 'https://www.zohoapis.eu', accounts: 'https://accounts.zoho.eu' },
  in: { api: 'https://www.zohoapis.in', accounts: 'https://accounts.zoho.in' },
  au: { api: 'https://www.zohoapis.com.au', accounts: 'https://accounts.zoho.com.au' },
  jp: { api: 'https://www.zohoapis.jp', accounts: 'https://accounts.zoho.jp' },
  ca: { api: 'https://www.zohoapis.ca', accounts: 'https://accounts.zohocloud.ca' },
  cn: { api: 'https://www.zohoapis.com.cn', accounts: 'https://accounts.zoho.com.cn' },
};

/** The connection from env, or null when no Zoho credentials are set (local mode). */
export function zohoConnectionFromEnv(env: NodeJS.ProcessEnv): ZohoConnection | null {
  const {
    ZOHO_CLIENT_ID: clientId,
    ZOHO_CLIENT_SECRET: clientSecret,
    ZOHO_REFRESH_TOKEN: refreshToken,
  } = env;
  const given = [clientId, clientSecret, refreshToken].filter((v) => v != null && v !== '');
  if (given.length === 0) return null;
  if (given.length < 3) {
    const missing = (['ZOHO_CLIENT_ID', 'ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN'] as const).filter(
      (k) => !env[k],
    );
    throw new AppError(
      'CONFIG_INVALID',
      `incomplete Zoho credentials: set ${missing.join(', ')} too (or none of them to use the built-in local CRM)`,
    );
  }
  const { apiBase, accounts } = endpoints(env);
  return {
    apiBase,
    tokenUrl: `${accounts}/oauth/v2/token`,
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    refreshToken: refreshToken as string,
  };
}

function endpoints(env: NodeJS.ProcessEnv): { apiBase: string; accounts: string } {
  if (env.ZOHO_API_BASE || env.ZOHO_ACCOUNTS_URL) {
    if (!env.ZOHO_API_BASE || !env.ZOHO_ACCOUNTS_URL) {
      throw new AppError(
        'CONFIG_INVALID',
        'ZOHO_API_BASE and ZOHO_ACCOUNTS_URL go together (e.g. https://www.zohoapis.jp and https://accounts.zoho.jp)',
      );
    }
    return {
      apiBase: checkedUrl('ZOHO_API_BASE', env.ZOHO_API_BASE),
      accounts: checkedUrl('ZOHO_ACCOUNTS_URL', env.ZOHO_ACCOUNTS_URL).replace(/\/oauth\/v2\/token$/, ''),
    };
  }
  const dc = (env.ZOHO_DC ?? 'us').toLowerCase();
  const found = DATA_CENTRES[dc];
  if (!found)
    throw new AppError(
      'CONFIG_INVALID',
      `ZOHO_DC "${env.ZOHO_DC}" is not one of ${Object.keys(DATA_CENTRES).join(', ')}`,
    );
  return { apiBase: found.api, accounts: found.accounts };
}

function checkedUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('CONFIG_INVALID', `${name} "${value}" is not a URL`);
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
  ) {
    throw new AppError(
      'CONFIG_INVALID',
      `${name} must use https (plain http only for a local emulator on 127.0.0.1)`,
    );
  }
  return value.replace(/\/+$/, '');
}

/** The local CRM (server/local/emulator) at `url`, with its default OAuth client (`demo`/`demo`/`demo`). */
export function emulatorConnection(url: string): ZohoConnection {
  return {
    apiBase: url,
    tokenUrl: `${url}/oauth/v2/token`,
    clientId: 'demo',
    clientSecret: 'demo',
    refreshToken: 'demo',
  };
}
