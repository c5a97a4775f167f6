/**
 * Initialise the Zoho SDK (process-global in the SDK itself) for one org: our token store,
 * `findUser(false)` (no extra user lookup), field auto-refresh off (it re-reads every module's fields
 * hourly, spending credits), an explicit request timeout (the SDK's default is none), its resource
 * folder and its own log file under STATE_DIR at WARN (it logs URLs and parameters at INFO).
 */
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-6.0';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import type { ZohoConnection } from './env';
import { assertUtc } from '../runtime/utc';
import { installRawReader } from './sdk-raw';
import type { DbTokenStore } from './token-store';
import { TOKEN_ID } from './token-store';

export interface SdkOptions {
  stateDir: string;
  timeoutMs: number;
}

export async function initZohoSdk(
  conn: ZohoConnection,
  store: DbTokenStore,
  options: SdkOptions,
): Promise<void> {
  // The SDK tells a date from a datetime by local midnight: the entry point runs the process in UTC.
  assertUtc();
  // Reads as Zoho's JSON and a field-details reader that parses its file once per call (sdk-raw.ts).
  installRawReader();
  const resourceDir = path.join(options.stateDir, 'zoho-sdk');
  mkdirSync(resourceDir, { recursive: true, mode: 0o700 });
  const environment = new ZOHOCRMSDK.Environment(conn.apiBase, conn.tokenUrl, conn.apiBase);
  const token = new ZOHOCRMSDK.OAuthBuilder()
    .id(TOKEN_ID)
    .clientId(conn.clientId)
    .clientSecret(conn.clientSecret)
    .refreshToken(conn.refreshToken)
    .findUser(false)
    .build();
  // The SDK's logger appends to this file: create it 0600 first (it would be world-readable).
  const logFile = path.join(resourceDir, 'sdk.log');
  closeSync(openSync(logFile, 'a', 0o600));
  chmodSync(logFile, 0o600);
  const logger = new ZOHOCRMSDK.LogBuilder().level(ZOHOCRMSDK.Levels.WARN).filePath(logFile).build();
  const sdkConfig = new ZOHOCRMSDK.SDKConfigBuilder()
    .autoRefreshFields(false)
    .pickListValidation(false)
    .timeout(options.timeoutMs)
    .build();
  await new ZOHOCRMSDK.InitializeBuilder()
    .environment(environment)
    .token(token)
    .store(store.asSdkStore())
    .SDKConfig(sdkConfig)
    // The SDK joins this path and "resources/" by plain concatenation: it must end with a separator.
    .resourcePath(`${resourceDir}${path.sep}`)
    .logger(logger)
    .initialize();
}
