/**
 * The official Zoho TypeScript SDK pointed at a running emulator, for tests only (the service has its
 * own gateway in server/zoho/). A custom Environment names the emulator as both API and accounts
 * host; tokens live in memory; field metadata goes to a temp resource dir. The SDK keeps process-global
 * state, so one emulator per test file.
 *
 * Zoho quirk the helper covers: the SDK refreshes its access token only by its stored expiry, never on
 * a 401 INVALID_TOKEN. `call()` does what a client must: on INVALID_TOKEN, mark the token expired and
 * retry once (the SDK then refreshes through the token endpoint).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type APIResponse,
  Environment,
  InitializeBuilder,
  Initializer,
  Levels,
  LogBuilder,
  OAuthBuilder,
  OAuthToken,
  SDKConfigBuilder,
  type Token as TokenNs,
  type TokenStore,
} from '@zohocrm/typescript-sdk-6.0';

export interface SdkOptions {
  url: string;
  dir: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  timeoutMs?: number;
}

type Token = TokenNs.Token;

/** A one-token store in memory (the SDK's FileStore would write secrets to disk). */
class MemoryTokenStore implements TokenStore.TokenStore {
  private saved: Token | null = null;

  async findToken(): Promise<Token | null> {
    return this.saved;
  }
  async findTokenById(): Promise<Token | null> {
    return this.saved;
  }
  async saveToken(token: Token): Promise<void> {
    if (token instanceof OAuthToken && token.getId() == null) token.setId('emulator');
    this.saved = token;
  }
  async deleteToken(): Promise<void> {
    this.saved = null;
  }
  async getTokens(): Promise<Token[]> {
    return this.saved ? [this.saved] : [];
  }
  async deleteTokens(): Promise<void> {
    this.saved = null;
  }
}

export async function initSdk(opts: SdkOptions): Promise<void> {
  const resources = path.join(opts.dir, 'sdk');
  fs.mkdirSync(resources, { recursive: true });
  const token = new OAuthBuilder()
    .clientId(opts.clientId ?? 'demo')
    .clientSecret(opts.clientSecret ?? 'demo')
    .refreshToken(opts.refreshToken ?? 'demo')
    .findUser(false)
    .build();
  await new InitializeBuilder()
    .environment(new Environment(opts.url, `${opts.url}/oauth/v2/token`, opts.url))
    .token(token)
    .store(new MemoryTokenStore())
    .SDKConfig(
      new SDKConfigBuilder()
        .autoRefreshFields(false)
        .pickListValidation(false)
        .timeout(opts.timeoutMs ?? 15_000)
        .build(),
    )
    // The SDK joins this path with "resources/" by plain concatenation: it must end with a separator.
    .resourcePath(`${resources}${path.sep}`)
    .logger(new LogBuilder().level(Levels.OFF).filePath(path.join(opts.dir, 'sdk.log')).build())
    .initialize();
}

/** Make the SDK refresh its access token before the next call. */
export async function forceTokenRefresh(): Promise<void> {
  const token = (await Initializer.getInitializer()).getToken();
  if (token instanceof OAuthToken) token.setExpiresIn('1');
}

function isInvalidToken(response: APIResponse<unknown>): boolean {
  if (response.getStatusCode() !== 401) return false;
  const code = (response.getObject() as { getCode?: () => { getValue(): unknown } } | null)
    ?.getCode?.()
    .getValue();
  return code === 'INVALID_TOKEN';
}

/** One SDK call, retried once after a token refresh when Zoho answers INVALID_TOKEN. */
export async function call<T>(fn: () => Promise<APIResponse<T>>): Promise<APIResponse<T>> {
  const first = await fn();
  if (!isInvalidToken(first as APIResponse<unknown>)) return first;
  await forceTokenRefresh();
  return fn();
}
