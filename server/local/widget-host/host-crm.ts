/**
 * The preview host's line to the CRM: Zoho REST v6 with an OAuth access token from the refresh-token
 * grant, refreshed once (single flight) when it expires or the CRM says INVALID_TOKEN. This plays the
 * part of Zoho's own widget host; the product's service talks to Zoho through `server/zoho/`.
 */
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
  let token: { value: string; expiresAt: number } | null = null;
  let refreshing: Promise<string> | null = null;

  const refresh = (): Promise<string> => {
    refreshing ??= (async () => {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        refresh_token: opts.refreshToken,
      });
      const res = await doFetch(`${trimSlash(opts.accountsUrl)}/oauth/v2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const json = (await res.json()) as { access_token?: string; expires_in?: number; error?: string };
      if (!json.access_token) throw new Error(`token refresh failed: ${json.error ?? res.status}`);
      token = { value: json.access_token, expiresAt: Date.now() + ((json.expires_in ?? 3600) - 60) * 1000 };
      return json.access_token;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };
  const accessToken = async () => (token && token.expiresAt > Date.now() ? token.value : refresh());

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
      const first = await send(req, await accessToken());
      if (first.status !== 401 || (first.body as { code?: string } | null)?.code !== 'INVALID_TOKEN')
        return first;
      token = null;
      return send(req, await refresh());
    },
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
