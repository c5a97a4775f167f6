/**
 * The preview host's line to the CRM: Zoho REST v6 with an OAuth access token from the refresh-token
 * grant, refreshed when it expires or the CRM says INVALID_TOKEN — by the service's own TokenManager
 * (single flight, Zoho's error codes), with the token kept in memory. This plays the part of Zoho's own
 * widget host; the product's service talks to Zoho through `server/zoho/`.
 */
import { MemoryTokenStore, TokenManager } from '../../zoho/token-manager';
import type { RestRequest } from './sdk-rest';

export interface HostCrmOptions {
  /** The API domain, e.g. http://127.0.0.1:4010; `/crm/v6` is appended. */
  crmBaseUrl: string;
  /** Zoho Accounts, e.g. http://127.0.0.1:4010; `/oauth/v2/token` is appended. */
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface RestResponse {
  status: number;
  /** Parsed JSON, or null for an empty body (204). */
  body: unknown;
}

export interface HostCrm {
  request(req: RestRequest): Promise<RestResponse>;
}

export function createHostCrm(opts: HostCrmOptions): HostCrm {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const conn = {
    tokenUrl: `${trimSlash(opts.accountsUrl)}/oauth/v2/token`,
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    refreshToken: opts.refreshToken,
  };
  const tokens = new TokenManager(new MemoryTokenStore(), conn, { timeoutMs, fetch: doFetch });

  const send = async (req: RestRequest, value: string): Promise<RestResponse> => {
    const url = new URL(`${trimSlash(opts.crmBaseUrl)}/crm/v6${req.path}`);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    const res = await doFetch(url, {
      method: req.method,
      headers: {
        Authorization: `Zoho-oauthtoken ${value}`,
        ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, body: text.trim() === '' ? null : (JSON.parse(text) as unknown) };
  };

  return {
    async request(req) {
      const value = await tokens.accessToken();
      const first = await send(req, value);
      if (first.status !== 401 || (first.body as { code?: string } | null)?.code !== 'INVALID_TOKEN')
        return first;
      tokens.invalidate(value);
      return send(req, await tokens.accessToken());
    },
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
