/**
 * Our OAuth token store for the Zoho SDK (its FileStore writes the client secret and refresh token
 * as plaintext CSV next to node_modules). Tokens live in the state database (file mode 0600); the
 * SDK reads the access token from here on every call, and `TokenManager` refreshes it.
 */
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-6.0';
import type { TokenStore } from '@zohocrm/typescript-sdk-6.0/dist/models/authenticator/store/token_store';
import type { Token } from '@zohocrm/typescript-sdk-6.0/dist/models/authenticator/token';
import type { Db } from '../state/db';

export const TOKEN_ID = 'service';

export interface StoredToken {
  accessToken: string | null;
  /** Epoch ms when the access token expires (0 = must refresh). */
  expiresAt: number;
  apiDomain: string | null;
}

export class DbTokenStore {
  // Prepared once: the SDK reads the token before every call, and our TokenManager before that
  // (compiling the statement each time was ≈ 0.1 ms of a call's CPU, issue 14).
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly conn: { clientId: string; clientSecret: string; refreshToken: string },
  ) {
    this.stmt = {
      read: db.prepare<[string], { json: string }>('SELECT json FROM tokens WHERE id = ?'),
      write: db.prepare<[string, string]>(
        'INSERT INTO tokens (id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json',
      ),
    };
  }

  read(): StoredToken | null {
    const row = this.stmt.read.get(TOKEN_ID);
    return row ? (JSON.parse(row.json) as StoredToken) : null;
  }

  write(t: StoredToken): void {
    this.stmt.write.run(TOKEN_ID, JSON.stringify(t));
  }

  /** An SDK OAuthToken carrying our stored access token (the SDK calls this before each request). */
  private toSdk(): ZOHOCRMSDK.OAuthToken | null {
    const t = this.read();
    if (!t?.accessToken) return null;
    const token = new ZOHOCRMSDK.OAuthToken(
      this.conn.clientId,
      this.conn.clientSecret,
      null,
      this.conn.refreshToken,
      null,
      TOKEN_ID,
      t.accessToken,
      null,
      false,
    );
    token.setExpiresIn(String(t.expiresAt));
    if (t.apiDomain) token.setAPIDomain(t.apiDomain);
    return token;
  }

  /** The SDK's TokenStore interface. */
  asSdkStore(): TokenStore {
    const findToken = async (): Promise<Token | null> => this.toSdk();
    const saveToken = async (token: Token): Promise<void> => {
      // The SDK only saves when it refreshed by itself (our TokenManager normally has already).
      const t = token as ZOHOCRMSDK.OAuthToken;
      const expires = Number(t.getExpiresIn());
      this.write({
        accessToken: t.getAccessToken(),
        expiresAt: Number.isFinite(expires) ? expires : 0,
        apiDomain: t.getAPIDomain() ?? null,
      });
    };
    const store: TokenStore = {
      findToken,
      findTokenById: findToken,
      saveToken,
      deleteToken: async () => {
        this.db.prepare('DELETE FROM tokens WHERE id = ?').run(TOKEN_ID);
      },
      getTokens: async () => {
        const t = this.toSdk();
        return t ? [t] : [];
      },
      deleteTokens: async () => {
        this.db.prepare('DELETE FROM tokens').run();
      },
    };
    return store;
  }
}
