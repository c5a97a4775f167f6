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

/** A reply as the CRM sent it: its JSON text unparsed ('' for an empty body). */
export interface RawRestResponse {
  status: number;
  json: string;
}

export interface HostCrm {
  request(req: RestRequest): Promise<RestResponse>;
  /**
   * The same call, the reply's JSON text passed on as it came (the host only relays it to the
   * widget): a 2,000-row page is not parsed and written again. A reply that is not JSON fails as
   * `request` fails on it.
   */
  requestRaw(req: RestRequest): Promise<RawRestResponse>;
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

  const sendRaw = async (req: RestRequest, value: string): Promise<RawRestResponse & { type: string }> => {
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
    return { status: res.status, json: await res.text(), type: res.headers.get('content-type') ?? '' };
  };
  const parse = (json: string): unknown => (json.trim() === '' ? null : (JSON.parse(json) as unknown));
  /** The reply, with one new token and one retry when the CRM says INVALID_TOKEN. */
  const call = async (req: RestRequest): Promise<RawRestResponse & { type: string }> => {
    const value = await tokens.accessToken();
    const first = await sendRaw(req, value);
    if (first.status !== 401 || (parse(first.json) as { code?: string } | null)?.code !== 'INVALID_TOKEN')
      return first;
    tokens.invalidate(value);
    return sendRaw(req, await tokens.accessToken());
  };

  return {
    async request(req) {
      const { status, json } = await call(req);
      return { status, body: parse(json) };
    },
    async requestRaw(req) {
      const { status, json, type } = await call(req);
      // what is not declared JSON is checked (and fails) as `request` would
      if (json.trim() !== '' && !/^application\/json\b/i.test(type)) parse(json);
      return { status, json: json.trim() === '' ? '' : json };
    },
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
