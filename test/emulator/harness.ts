/**
 * Test harness: an emulator in-process on 127.0.0.1:0 with a temp state dir and a clock the test moves,
 * plus a small HTTP client that speaks Zoho's auth header.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../../server/config/load-config';
import type { RunningEmulator } from '../../server/local/emulator/emulator';
import { startLocalCrm, type LocalCrmOptions } from '../../server/local/plugins/local-crm';
import type { SalesProcessConfig } from '../../shared/config/schema';

jest.setTimeout(30_000);

export const T0 = Date.parse('2025-06-02T10:00:00+09:00');

let cachedConfig: SalesProcessConfig | undefined;
export function defaultConfig(): SalesProcessConfig {
  if (!cachedConfig) {
    const r = loadConfigFile(DEFAULT_CONFIG_PATH);
    if (!r.ok) throw new Error('default config does not load');
    cachedConfig = r.config;
  }
  return cachedConfig;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

function parseMaybe(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class TestEmulator {
  private token: string | null = null;

  private constructor(
    readonly emu: RunningEmulator,
    readonly dir: string,
    private readonly time: { now: number },
  ) {}

  static async start(opts: Partial<LocalCrmOptions> = {}): Promise<TestEmulator> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-test-'));
    const time = { now: T0 };
    const emu = await startLocalCrm({
      port: 0,
      stateDir: dir,
      config: defaultConfig(),
      now: () => time.now,
      ...opts,
    });
    return new TestEmulator(emu, dir, time);
  }

  /** The emulator's clock (epoch ms). */
  get clock(): number {
    return this.time.now;
  }

  get url(): string {
    return this.emu.url;
  }

  /** Move the emulator's clock forward. */
  advance(ms: number): void {
    this.time.now += ms;
  }

  async stop(): Promise<void> {
    await this.emu.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  async accessToken(): Promise<string> {
    if (!this.token) {
      const res = await fetch(`${this.url}/oauth/v2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=refresh_token&client_id=demo&client_secret=demo&refresh_token=demo',
      });
      this.token = ((await res.json()) as { access_token: string }).access_token;
    }
    return this.token;
  }

  /** A call to the CRM API (`path` under /crm/v6, or absolute from `/`). */
  async api(
    method: string,
    p: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const url = `${this.url}${p.startsWith('/crm') || p.startsWith('/__') ? p : `/crm/v6${p}`}`;
    const res = await fetch(url, {
      method,
      headers: {
        Authorization: `Zoho-oauthtoken ${await this.accessToken()}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: parseMaybe(text), text };
  }

  async admin(method: string, p: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`${this.url}/__emulator${p}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as unknown) : null,
      text,
    };
  }

  async records<T = Record<string, unknown>>(module: string): Promise<T[]> {
    return ((await this.admin('GET', `/records/${module}`)).body as { data: T[] }).data;
  }
}
