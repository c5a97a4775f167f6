/**
 * `POST /hooks/zoho` under attack (DESIGN §7): only a body signed with WEBHOOK_SECRET, with a
 * timestamp at most 300 s off, carrying a delivery id not seen before, in the expected shape and
 * size, gets through. Everything else is refused with a clear status, queues no account, spends no
 * delivery id, and never reaches the sync. The app runs in-process on a real state database.
 */
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStateDb } from '../../server/state/db';
import { SyncState } from '../../server/state/sync-state';
import { createApp } from '../../server/http/app';
import type { ConfigHolder } from '../../server/config/config-holder';
import { createLogger } from '../../server/runtime/logger';
import type { SyncRunner } from '../../server/schedule/runner';
import type { SyncService } from '../../server/sync/sync-service';
import { MAX_WEBHOOK_BYTES, sign } from '../../server/http/webhook';
import { captureLogs, shippedConfig, tempDir } from '../support/crm-harness';

const SECRET = 'whsec-security-3b9f0c2d7e1a';
const NOW_S = 1_795_000_000;
const { stream, capture } = captureLogs();
let dir: string;
let state: SyncState;
let queued: string[];
let server: http.Server;
let base: string;

function appWith(webhookSecret: string | null) {
  return createApp({
    service: { state, onRunFinished: () => () => undefined } as unknown as SyncService,
    runner: { requestSoon: (t: string) => void queued.push(t), running: false } as unknown as SyncRunner,
    config: { current: shippedConfig(), lastError: null } as unknown as ConfigHolder,
    log: createLogger({ level: 'debug', destination: stream, secrets: [SECRET] }),
    apiToken: 'api-token-security-5c4d',
    webhookSecret,
    ready: () => true,
    now: () => NOW_S * 1000,
  });
}

async function listen(app: ReturnType<typeof createApp>): Promise<{ server: http.Server; base: string }> {
  const s = http.createServer(app).listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  return { server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  dir = tempDir('sec-webhook-');
  state = new SyncState(openStateDb(dir));
  queued = [];
  ({ server, base } = await listen(appWith(SECRET)));
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
  state.db.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  state.clearDirty(state.dirtyAccounts());
  queued.length = 0;
});

let n = 0;
const body = (o: Record<string, unknown> = {}) =>
  JSON.stringify({
    deliveryId: `sec-${++n}`,
    module: 'Tasks',
    recordId: '3652397000000100001',
    operation: 'update',
    accountId: '3652397000000100000',
    ...o,
  });
const signed = (b: string | Buffer, ts = NOW_S, key = SECRET) => ({
  'X-Timestamp': String(ts),
  'X-Signature': sign(key, String(ts), b),
});

async function post(
  b: string | Buffer,
  headers: Record<string, string>,
  contentType = 'application/json',
  to = base,
) {
  const res = await fetch(`${to}/hooks/zoho`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...headers },
    body: typeof b === 'string' ? b : new Uint8Array(b),
  });
  const json = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, message: json.error?.message ?? '' };
}

function expectNothingQueued() {
  expect(state.dirtyAccounts()).toEqual([]);
  expect(queued).toEqual([]);
}

it('accepts a genuine delivery and queues its account', async () => {
  const b = body();
  expect((await post(b, signed(b))).status).toBe(202);
  expect(state.dirtyAccounts()).toEqual(['3652397000000100000']);
  expect(queued).toEqual(['webhook Tasks']);
});

it('accepts a record linked to no account: accountId "" (what the Deluge sends), null or absent', async () => {
  for (const o of [{ accountId: '' }, { accountId: null }, { accountId: undefined }]) {
    const b = body(o);
    expect((await post(b, signed(b))).status).toBe(202);
  }
  expect(state.dirtyAccounts()).toEqual([]);
});

it('accepts a timestamp 299 s old, and one 299 s ahead (clock skew)', async () => {
  for (const ts of [NOW_S - 299, NOW_S + 299]) {
    const b = body();
    expect((await post(b, signed(b, ts))).status).toBe(202);
  }
});

const forgeries: [string, number, RegExp, () => Promise<{ status: number; message: string }>][] = [
  ['signed with another secret', 401, /bad signature/, () => post(body(), signed(body(), NOW_S, 'guessed'))],
  ['no signature', 401, /X-Signature/, () => post(body(), { 'X-Timestamp': String(NOW_S) })],
  [
    'a signature that is not hex',
    401,
    /X-Signature/,
    () => post(body(), { 'X-Timestamp': String(NOW_S), 'X-Signature': 'z'.repeat(64) }),
  ],
  [
    'a truncated signature',
    401,
    /X-Signature/,
    () => {
      const b = body();
      return post(b, { ...signed(b), 'X-Signature': signed(b)['X-Signature'].slice(0, 63) });
    },
  ],
  [
    'the signature of the body without the timestamp',
    401,
    /bad signature/,
    () => {
      const b = body();
      return post(b, {
        'X-Timestamp': String(NOW_S),
        'X-Signature': createHmac('sha256', SECRET).update(b).digest('hex'),
      });
    },
  ],
  [
    'a body changed after signing',
    401,
    /bad signature/,
    () => {
      const b = body();
      return post(b.replace('"update"', '"delete"'), signed(b));
    },
  ],
  [
    'a timestamp changed after signing',
    401,
    /bad signature/,
    () => {
      const b = body();
      return post(b, { ...signed(b), 'X-Timestamp': String(NOW_S - 1) });
    },
  ],
  ['no timestamp', 401, /X-Timestamp/, () => post(body(), { 'X-Signature': 'a'.repeat(64) })],
  [
    'a timestamp in milliseconds',
    401,
    /X-Timestamp/,
    () => {
      const b = body();
      return post(b, signed(b, NOW_S * 1000));
    },
  ],
  [
    'a stale timestamp (301 s old), correctly signed',
    401,
    /stale timestamp/,
    () => {
      const b = body();
      return post(b, signed(b, NOW_S - 301));
    },
  ],
  [
    'a timestamp 10 minutes ahead, correctly signed',
    401,
    /stale timestamp/,
    () => {
      const b = body();
      return post(b, signed(b, NOW_S + 600));
    },
  ],
];

it.each(forgeries)('refuses %s with HTTP %d and queues nothing', async (_what, status, message, call) => {
  const res = await call();
  expect(res).toMatchObject({ status });
  expect(res.message).toMatch(message);
  expectNothingQueued();
});

const malformed: [string, number, RegExp, () => string | Buffer][] = [
  ['an oversized body', 413, /too large/, () => body({ modifiedTime: 'x'.repeat(MAX_WEBHOOK_BYTES) })],
  ['a 2 MB body', 413, /too large/, () => Buffer.alloc(2 * 1024 * 1024, 0x61)],
  ['malformed JSON', 400, /not JSON/, () => '{"deliveryId": '],
  ['an empty body', 400, /not JSON/, () => ''],
  ['a JSON array', 400, /webhook body/, () => '[]'],
  ['a JSON string', 400, /webhook body/, () => '"Tasks"'],
  ['an unknown module', 400, /module/, () => body({ module: 'Users' })],
  ['a record id that is not a Zoho id', 400, /recordId/, () => body({ recordId: '1 OR 1=1; --' })],
  ['an account id with a path in it', 400, /accountId/, () => body({ accountId: '../../etc/passwd' })],
  ['an unknown field', 400, /evil|Unrecognized/i, () => body({ evil: true })],
  [
    'a __proto__ key',
    400,
    /__proto__|Unrecognized/i,
    () => body().replace('{', '{"__proto__":{"admin":true},'),
  ],
  ['a delivery id of 10,000 characters', 400, /deliveryId/, () => body({ deliveryId: 'd'.repeat(10_000) })],
  ['bytes that are not UTF-8', 400, /not JSON|webhook body/, () => Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
];

it.each(malformed)(
  'refuses %s, correctly signed, with HTTP %d and queues nothing',
  async (_what, status, message, make) => {
    const b = make();
    const res = await post(b, signed(b));
    expect(res).toMatchObject({ status });
    expect(res.message).toMatch(message);
    expectNothingQueued();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  },
);

it('reads the body whatever its Content-Type claims: the signature covers the raw bytes', async () => {
  const b = body();
  expect((await post(b, signed(b), 'text/plain')).status).toBe(202);
  expect((await post(b, signed(b), 'application/x-www-form-urlencoded')).status).toBe(409); // the same delivery again
});

describe('replays', () => {
  it('refuses a delivery it has seen, even re-signed with a fresh timestamp', async () => {
    const b = body({ deliveryId: 'replayed' });
    expect((await post(b, signed(b))).status).toBe(202);
    state.clearDirty(state.dirtyAccounts());
    queued.length = 0;
    expect(await post(b, signed(b))).toMatchObject({ status: 409, message: expect.stringMatching(/replay/) });
    expect(await post(b, signed(b, NOW_S + 5))).toMatchObject({ status: 409 });
    expectNothingQueued();
  });

  it('a forged call does not spend the delivery id of the genuine one', async () => {
    const genuine = body({ deliveryId: 'not-burnt' });
    const forged = genuine.replace('"update"', '"delete"');
    expect((await post(forged, signed(genuine))).status).toBe(401);
    expect((await post(genuine, signed(genuine))).status).toBe(202);
  });
});

it('without a configured secret, answers 503 and verifies nothing', async () => {
  const unset = await listen(appWith(null));
  const b = body();
  expect((await post(b, signed(b), 'application/json', unset.base)).status).toBe(503);
  expectNothingQueued();
  unset.server.close();
});

it('logs no secret and no signature', () => {
  const text = capture.text();
  expect(text).not.toContain(SECRET);
  expect(text).not.toMatch(/[0-9a-f]{64}/); // no X-Signature value
});
