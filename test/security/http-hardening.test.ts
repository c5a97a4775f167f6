/**
 * The HTTP surface under malformed traffic (issue 13): corrupt or unknown body encodings, aborted
 * uploads and static-file misses answer 4xx — not 500 — with a message of our own (no library text,
 * no install path) and one warn line per kind, never an error line with a stack per request; slow
 * bodies are cut off; the widget preview answers only requests addressed to this machine from
 * pages of this machine (DNS rebinding, cross-site pages).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { createApp } from '../../server/http/app';
import { clientError } from '../../server/http/errors';
import { isLoopbackHost } from '../../server/http/local-only';
import { createHttpServer } from '../../server/http/server';
import type { ConfigHolder } from '../../server/config/config-holder';
import { createLogger } from '../../server/runtime/logger';
import type { SyncRunner } from '../../server/schedule/runner';
import type { SyncService } from '../../server/sync/sync-service';
import { captureLogs, shippedConfig, tempDir } from '../support/crm-harness';

const TOKEN = 'api-token-http-hardening-7d1e9c3a5b2f4e6d8a0c';
const { stream, capture } = captureLogs();
const dir = tempDir('http-hard-');
const assets = path.join(dir, 'assets');
type Line = { level: number; kind?: string; [k: string]: unknown };
const logged = (): Line[] =>
  capture.lines.flatMap((c) => c.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as Line);
let server: http.Server;
let port: number;
const proxied: string[] = [];

function preview(): express.Router {
  const r = express.Router();
  const inner = express.Router();
  inner.post('/api/sdk', express.json(), (req, res) => {
    proxied.push(String((req.body as { op?: unknown }).op));
    res.json({ ok: true });
  });
  inner.use('/widget/assets', express.static(assets, { fallthrough: false }));
  r.use('/preview', inner);
  return r;
}

beforeAll(async () => {
  mkdirSync(assets, { recursive: true });
  writeFileSync(path.join(assets, 'app.js'), 'ok();');
  const app = createApp({
    service: {
      state: { rememberDelivery: () => true, markDirty: () => undefined },
      onRunFinished: () => () => undefined,
    } as unknown as SyncService,
    runner: {
      requestSoon: () => undefined,
      request: () => undefined,
      running: false,
    } as unknown as SyncRunner,
    config: { current: shippedConfig(), refused: false, publicError: null } as unknown as ConfigHolder,
    log: createLogger({ level: 'debug', destination: stream }),
    apiToken: TOKEN,
    webhookSecret: 'whsec-http-hardening-2c4e6a8b0d1f3e5a7c9b',
    extra: [preview()],
    ready: () => true,
  });
  server = createHttpServer(app, { requestTimeoutMs: 600, headersTimeoutMs: 400, checkIntervalMs: 100 });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  text: string;
}
function send(
  method: string,
  p: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const garbage = Buffer.from('this is not a compressed stream at all, just text');
const corrupt: [string, Buffer][] = [
  ['gzip', garbage],
  ['deflate', garbage],
  ['br', garbage],
  ['gzip', zlib.gzipSync('{"a":1}').subarray(0, 12)], // truncated: "unexpected end of file"
];

describe('malformed bodies answer 4xx with our own message', () => {
  it.each(corrupt)('a corrupt %s body on the webhook → 400', async (encoding, body) => {
    const r = await send('POST', '/hooks/zoho', { 'Content-Encoding': encoding }, body);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toEqual({ error: { code: 'BAD_INPUT', message: 'malformed request' } });
  });

  it('a corrupt gzip body on the API → 400', async () => {
    const r = await send(
      'POST',
      '/api/sync/run',
      { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      garbage,
    );
    expect(r.status).toBe(400);
  });

  it('an unknown encoding or charset → 400, not 415 or 500', async () => {
    for (const headers of [
      { 'Content-Encoding': 'x-rot13' },
      { 'Content-Type': 'application/json; charset=koi8-x', Authorization: `Bearer ${TOKEN}` },
    ] as Record<string, string>[]) {
      const p = headers.Authorization ? '/api/sync/run' : '/hooks/zoho';
      const r = await send('POST', p, headers, Buffer.from('{}'));
      expect({
        p,
        status: r.status,
        code: (JSON.parse(r.text) as { error: { code: string } }).error.code,
      }).toEqual({
        p,
        status: 400,
        code: 'BAD_INPUT',
      });
    }
  });

  it('http-errors from anywhere keep their 4xx status; only ours and 5xx are errors', () => {
    const e = Object.assign(new Error('incorrect header check'), {
      status: 400,
      expose: true,
      code: 'Z_DATA_ERROR',
    });
    expect(clientError(e)).toMatchObject({ error: { code: 'BAD_INPUT' }, kind: '400 Z_DATA_ERROR' });
    expect(clientError(Object.assign(new Error('boom'), { status: 500 }))).toBeNull();
    expect(clientError(new Error('plain'))).toBeNull();
  });
});

describe('static files under the preview', () => {
  it('are served when present', async () => {
    expect(await send('GET', '/preview/widget/assets/app.js')).toMatchObject({ status: 200, text: 'ok();' });
  });

  it.each([
    '/preview/widget/assets/missing.js',
    '/preview/widget/assets/%252e%252e/%252e%252e/etc/passwd',
    '/preview/widget/assets/..%2f..%2fpackage.json',
    '/preview/widget/assets/%2e%2e/%2e%2e/x',
  ])('%s → 404 without a path or a library message', async (p) => {
    const r = await send('GET', p);
    expect(r.status).toBe(404);
    expect(r.text).not.toContain(dir);
    expect(r.text).not.toMatch(/ENOENT|stat|Forbidden|\//);
  });
});

it('a NUL byte in a static path → 400, again without a path', async () => {
  const r = await send('GET', '/preview/widget/assets/a%00b');
  expect(r.status).toBe(400);
  expect(r.text).not.toContain(dir);
});

describe('the log', () => {
  it('holds one warn line per kind of bad request, no error line and no stack', async () => {
    const before = logged().length;
    for (let i = 0; i < 25; i++) {
      await send('POST', '/hooks/zoho', { 'Content-Encoding': 'gzip' }, garbage);
      await send('GET', `/preview/widget/assets/missing-${i}.js`);
    }
    const lines = logged().slice(before);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(JSON.stringify(lines)).not.toMatch(/"stack"|at [A-Za-z.]+ \(/);
    // This suite's earlier requests already logged both kinds within the interval.
    expect(lines.filter((l) => l.level === 40)).toEqual([]);
  });

  it('the first bad request of a kind logs one warn line with its kind', async () => {
    const before = logged().length;
    for (let i = 0; i < 5; i++)
      expect((await send('POST', '/hooks/zoho', {}, Buffer.alloc(20_000, 'x'))).status).toBe(413);
    const warns = logged()
      .slice(before)
      .filter((l) => l.level === 40);
    expect(warns).toEqual([expect.objectContaining({ kind: 'entity.too.large', status: 413, since: 0 })]);
  });

  it('an aborted upload is a warn line, not an error with a stack', async () => {
    const before = logged().length;
    for (let i = 0; i < 3; i++) {
      const socket = net.connect(port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      socket.write(
        'POST /hooks/zoho HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":',
      );
      await new Promise((r) => setTimeout(r, 50));
      socket.destroy();
    }
    for (
      let i = 0;
      i < 100 &&
      !logged()
        .slice(before)
        .some((l) => l.kind === 'request.aborted');
      i++
    )
      await new Promise((r) => setTimeout(r, 20));
    const lines = logged().slice(before);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.filter((l) => l.kind === 'request.aborted')).toHaveLength(1);
  });
});

describe('slow requests', () => {
  it.each([
    ['a body that trickles in', 'Content-Length: 100\r\n\r\n{'],
    ['headers that never end', 'X-Slow: 1\r\n'],
  ])('%s: the server ends the connection (requestTimeout / headersTimeout)', async (_what, tail) => {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.write(`POST /hooks/zoho HTTP/1.1\r\nHost: 127.0.0.1\r\n${tail}`);
    const trickle = setInterval(() => socket.write(tail.endsWith('{') ? ' ' : 'X-More: 1\r\n'), 50);
    await new Promise((r) => socket.once('close', r));
    clearInterval(trickle);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('the preview answers this machine only', () => {
  const sdk = (headers: Record<string, string>) =>
    send(
      'POST',
      '/preview/api/sdk',
      { 'Content-Type': 'application/json', ...headers },
      Buffer.from('{"op":"updateRecord"}'),
    );

  it.each([
    { Host: '127.0.0.1:3000' },
    { Host: 'localhost' },
    { Host: '[::1]:8080' },
    { Host: 'localhost:3000', Origin: 'http://localhost:3000' },
    { Host: '127.0.0.1', Origin: 'http://127.0.0.1:5173', 'Sec-Fetch-Site': 'same-site' },
  ] as Record<string, string>[])('%j → served', async (headers) => {
    const before = proxied.length;
    expect((await sdk(headers)).status).toBe(200);
    expect(proxied.length).toBe(before + 1);
  });

  it.each([
    { Host: 'evil.example' }, // DNS rebinding: the attacker's name resolved to 127.0.0.1
    { Host: 'evil.example:3000' },
    { Host: '127.0.0.1.evil.example' },
    { Host: 'localhost', Origin: 'http://evil.example' },
    { Host: 'localhost', Origin: 'null' },
    { Host: 'localhost', Origin: 'http://localhost.evil.example' },
    { Host: 'localhost', 'Sec-Fetch-Site': 'cross-site' },
  ] as Record<string, string>[])('%j → 404, nothing proxied', async (headers) => {
    const before = proxied.length;
    expect((await sdk(headers)).status).toBe(404);
    expect(proxied.length).toBe(before);
  });

  it('isLoopbackHost: only loopback addresses and localhost', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]'].map(isLoopbackHost)).toEqual(
      Array(6).fill(true),
    );
    expect(
      ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', 'example.com', '', '127.0.0.1.nip.io'].map(isLoopbackHost),
    ).toEqual(Array(7).fill(false));
  });
});
