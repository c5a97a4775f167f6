/**
 * Access tokens, refreshed ahead of expiry and one refresh at a time (single flight): Zoho allows
 * only 10 new access tokens per refresh token per 10 minutes, and the SDK's own refresh has no lock.
 * The SDK then always finds a valid token in our store and never refreshes by itself. The product's
 * one OAuth refresh: the service keeps its token in the state database (DbTokenStore), the local
 * widget host in memory (MemoryTokenStore).
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import { tokenAnswerSchema } from './answers';
import type { ZohoConnection } from './env';
import { mapZohoError } from './map-error';
import type { StoredToken } from './token-store';

/** Where the access token is kept between calls (and, for the service, between restarts). */
export interface TokenKeeper {
  read(): StoredToken | null;
  write(t: StoredToken): void;
}

/** A token kept in memory only (a process that may mint a new one each start). */
export class MemoryTokenStore implements TokenKeeper {
  private token: StoredToken | null = null;
  read(): StoredToken | null {
    return this.token;
  }
  write(t: StoredToken): void {
    this.token = t;
  }
}

export interface TokenManagerOptions {
  timeoutMs: number;
  /** Refresh when the token has less than this left. */
  marginMs?: number;
  now?: () => number;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

export class TokenManager {
  private inflight: Promise<string> | null = null;
  /** How many refreshes went to Zoho (tests and the run summary read it). */
  refreshes = 0;

  constructor(
    private readonly store: TokenKeeper,
    private readonly conn: Pick<ZohoConnection, 'tokenUrl' | 'clientId' | 'clientSecret' | 'refreshToken'>,
    private readonly options: TokenManagerOptions,
  ) {}

  /** A token valid for at least the margin, refreshing (once, shared) if needed. */
  async accessToken(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    const t = this.store.read();
    if (t?.accessToken && t.expiresAt - now > (this.options.marginMs ?? 60_000)) return t.accessToken;
    return this.refresh();
  }

  /** Zoho said the token is invalid (expired early, revoked): forget it so the next call refreshes. */
  invalidate(accessToken: string | null): void {
    const t = this.store.read();
    if (t && (accessToken === null || t.accessToken === accessToken))
      this.store.write({ ...t, expiresAt: 0 });
  }

  refresh(): Promise<string> {
    this.inflight ??= this.requestToken().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async requestToken(): Promise<string> {
    this.refreshes++;
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: this.conn.clientId,
      client_secret: this.conn.clientSecret,
      refresh_token: this.conn.refreshToken,
    });
    let status: number;
    let json: z.infer<typeof tokenAnswerSchema>;
    try {
      const res = await (this.options.fetch ?? fetch)(this.conn.tokenUrl, {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = res.status;
      json = tokenAnswerSchema.parse(await res.json().catch(() => ({})));
    } catch (e) {
      const code =
        (e as { name?: string; cause?: { code?: string } }).name === 'TimeoutError'
          ? 'ETIMEDOUT'
          : ((e as { cause?: { code?: string } }).cause?.code ?? 'NETWORK_ERROR');
      throw new AppError('ZOHO_TEMPORARY', `token refresh failed: ${code}`, { cause: e });
    }
    const accessToken = json.access_token;
    if (typeof accessToken !== 'string' || accessToken === '') {
      const failure = mapZohoError({
        status,
        code: json.error ?? null,
        message: json.error_description ?? json.error ?? null,
      });
      const why = `${failure.code}${status ? `, HTTP ${status}` : ''}`;
      // Zoho mints at most 10 access tokens per refresh token per 10 minutes ("Access Denied").
      if (failure.kind === 'temporary')
        throw new AppError(
          'ZOHO_TEMPORARY',
          `token refresh refused by Zoho for now (${why}): at most 10 access tokens per 10 minutes; retry later`,
        );
      throw new AppError(
        'ZOHO_AUTH',
        `token refresh refused by Zoho (${why}): check ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_REFRESH_TOKEN`,
      );
    }
    // Zoho sends expires_in in seconds (some endpoints add expires_in_sec and then expires_in is ms).
    const seconds = json.expires_in_sec ?? json.expires_in ?? 3600;
    const now = (this.options.now ?? Date.now)();
    this.store.write({ accessToken, expiresAt: now + seconds * 1000, apiDomain: json.api_domain ?? null });
    return accessToken;
  }
}
