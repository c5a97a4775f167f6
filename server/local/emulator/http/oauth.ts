/**
 * Zoho Accounts' token endpoint for the refresh-token grant, and the access tokens it issues. Tokens
 * expire after the configured TTL (`--token-ttl`, 3600 s like Zoho); expired or unknown tokens get
 * 401 INVALID_TOKEN on API calls. Errors answer HTTP 200 with `{ "error": … }`, as Zoho Accounts does.
 *
 * Zoho's minting limit: "Using a refresh token, your app can create up to ten access tokens in a span
 * of ten minutes. If the limit is reached, the access token creation will be blocked for the rest of
 * the ten minutes" (zoho.com/accounts/protocol/oauth/web-apps/access-token-expiry.html). Here: ten in
 * any ten minutes (`TokenLimit`), then HTTP 400 `{"error":"Access Denied", "error_description":"You
 * have made too many requests continuously…"}` — the answer a real org gave (test/fixtures/zoho/
 * token-access-denied.json, from another project's recording).
 */
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { parseFormBody } from './form';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export type TokenCheck = 'valid' | 'expired' | 'unknown';

export interface TokenLimit {
  /** Access tokens per refresh token per window; 0 = unlimited. */
  count: number;
  windowMs: number;
}
export const ZOHO_TOKEN_LIMIT: TokenLimit = { count: 10, windowMs: 10 * 60_000 };

export class TokenService {
  private tokens = new Map<string, number>();
  /** Access tokens issued so far (tests check refreshes). */
  issued = 0;
  /** Token requests refused by the minting limit. */
  refused = 0;
  private issuedAt: number[] = [];

  constructor(
    private readonly client: OAuthClient,
    private readonly ttlSeconds: number,
    private readonly now: () => number,
    private readonly limit: TokenLimit = ZOHO_TOKEN_LIMIT,
  ) {}

  /** Tokens minted in the current window, and whether the next request would be refused. */
  usage(): { issued: number; limit: number; windowMs: number; blocked: boolean } {
    const since = this.now() - this.limit.windowMs;
    this.issuedAt = this.issuedAt.filter((t) => t > since);
    return {
      issued: this.issuedAt.length,
      limit: this.limit.count,
      windowMs: this.limit.windowMs,
      blocked: this.limit.count > 0 && this.issuedAt.length >= this.limit.count,
    };
  }

  /** Forget the window (a fresh org). */
  resetLimit(): void {
    this.issuedAt = [];
    this.refused = 0;
  }

  issue(apiDomain: string): object {
    const token = `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
    this.tokens.set(token, this.now() + this.ttlSeconds * 1000);
    this.issued += 1;
    this.issuedAt.push(this.now());
    return {
      access_token: token,
      scope: 'ZohoCRM.modules.ALL ZohoCRM.settings.ALL ZohoCRM.users.READ ZohoCRM.org.READ ZohoCRM.coql.READ',
      api_domain: apiDomain,
      token_type: 'Bearer',
      expires_in: this.ttlSeconds,
    };
  }

  check(token: string): TokenCheck {
    const expiry = this.tokens.get(token);
    if (expiry === undefined) return 'unknown';
    return expiry > this.now() ? 'valid' : 'expired';
  }

  /** `/__emulator/tokens/expire`: every issued access token stops working now. */
  expireAll(): number {
    const n = this.tokens.size;
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
    return n;
  }

  handle(req: Request, res: Response, apiDomain: string): void {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const query = Object.fromEntries(
      Object.entries(req.query).filter(([, v]) => typeof v === 'string'),
    ) as Record<string, string>;
    const p = { ...query, ...parseFormBody(req.headers['content-type'], body) };
    const answer = (o: object) => res.status(200).json(o);
    if (p.grant_type === 'authorization_code') return void answer({ error: 'invalid_code' });
    if (p.grant_type !== 'refresh_token') return void answer({ error: 'unsupported_grant_type' });
    if (p.client_id !== this.client.clientId) return void answer({ error: 'invalid_client' });
    if (p.client_secret !== this.client.clientSecret) return void answer({ error: 'invalid_client_secret' });
    if (p.refresh_token !== this.client.refreshToken) return void answer({ error: 'invalid_code' });
    if (this.usage().blocked) {
      this.refused += 1;
      return void res.status(400).json({
        error_description: 'You have made too many requests continuously. Please try again after some time.',
        error: 'Access Denied',
        status: 'failure',
      });
    }
    answer(this.issue(apiDomain));
  }
}
