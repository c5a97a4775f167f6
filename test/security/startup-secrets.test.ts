/**
 * No door left open (issue 13): an empty secret file — what a full disk leaves on the first start —
 * is regenerated instead of becoming an empty token that matches a request without one; a weak
 * secret from the environment or a hand-written file stops the service at start; secret files are
 * written atomically; STATE_DIR is 0700 even when it already existed with looser permissions, and
 * so are the local CRM's folder and database file.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startLocalCrm } from '../../server/local/plugins/local-crm';
import { openStateDb } from '../../server/state/db';
import { privateDir, writePrivateFileAtomic } from '../../server/runtime/files';
import {
  estimateSecretBits,
  persistentSecret,
  requireStrongSecret,
  secretWeakness,
} from '../../server/runtime/secrets';
import { createApp } from '../../server/http/app';
import { createLogger } from '../../server/runtime/logger';
import type { AppDeps } from '../../server/http/app';
import { shippedConfig, tempDir } from '../support/crm-harness';

const mode = (f: string) => (statSync(f).mode & 0o777).toString(8);
const dirs: string[] = [];
const fresh = (p: string) => {
  const d = tempDir(p);
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('persistentSecret', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t\n'],
  ])('an %s secret file is regenerated, never returned as the token', (_kind, content) => {
    const dir = fresh('sec-empty-');
    writeFileSync(path.join(dir, 'service-api-token'), content, { mode: 0o600 });
    const token = persistentSecret(dir, 'service-api-token');
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(readFileSync(path.join(dir, 'service-api-token'), 'utf8')).toBe(`${token}\n`);
    expect(mode(path.join(dir, 'service-api-token'))).toBe('600');
  });

  it('a weak secret written by hand stops the start with a clear message', () => {
    const dir = fresh('sec-weak-');
    writeFileSync(path.join(dir, 'webhook-secret'), 'a'.repeat(48), { mode: 0o600 });
    expect(() => persistentSecret(dir, 'webhook-secret')).toThrow(
      /STATE_DIR\/webhook-secret is too weak: .*predictable.*Delete the file/,
    );
  });

  it('a strong secret written by hand is kept', () => {
    const dir = fresh('sec-kept-');
    const mine = randomBytes(32).toString('base64url');
    writeFileSync(path.join(dir, 'service-api-token'), `${mine}\n`, { mode: 0o644 });
    expect(persistentSecret(dir, 'service-api-token')).toBe(mine);
    expect(mode(path.join(dir, 'service-api-token'))).toBe('600');
  });

  it('is written atomically: no temporary file is left, and an existing file is replaced whole', () => {
    const dir = fresh('sec-atomic-');
    const file = path.join(dir, 'x');
    writeFileSync(file, 'old', { mode: 0o644 });
    writePrivateFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(mode(file)).toBe('600');
    expect(readdirSync(dir)).toEqual(['x']);
  });

  it('a failed write leaves neither a partial target nor a temporary file', () => {
    const dir = fresh('sec-atomic-fail-');
    const target = path.join(dir, 'is-a-dir');
    mkdirSync(path.join(target, 'child'), { recursive: true }); // rename over a non-empty dir fails
    expect(() => writePrivateFileAtomic(target, 'secret\n')).toThrow();
    expect(readdirSync(dir)).toEqual(['is-a-dir']);
  });
});

describe('secret strength', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['1', /1 characters; at least 32/],
    ['a', /at least 32/],
    ['short-but-random-9f8e', /at least 32/],
    ['a'.repeat(64), /predictable \(about 0 bits/],
    ['ab'.repeat(32), /predictable/],
    ['0123'.repeat(10), /predictable/],
    ['f3a9c1e0'.repeat(6), /predictable/],
  ])('%j is refused', (s, why) => {
    expect(secretWeakness(s)).toMatch(why);
    expect(() => requireStrongSecret('SERVICE_API_TOKEN', s)).toThrow(/SERVICE_API_TOKEN is too weak/);
  });

  it('random secrets of the usual shapes pass', () => {
    for (let i = 0; i < 50; i++) {
      for (const s of [
        randomBytes(16).toString('hex'), // 32 hex digits
        randomBytes(24).toString('hex'),
        randomBytes(24).toString('base64'),
        randomBytes(32).toString('base64url'),
      ])
        expect({ s, why: secretWeakness(s) }).toEqual({ s, why: null });
    }
    expect(estimateSecretBits(randomBytes(24).toString('hex'))).toBeGreaterThan(150);
  });
});

describe('permissions', () => {
  it.each([0o755, 0o777, 0o1777])(
    'a STATE_DIR that already existed with mode %s (decimal) is made 0700',
    (m) => {
      const dir = path.join(fresh('sec-dir-'), 'state');
      mkdirSync(dir);
      chmodSync(dir, m);
      persistentSecret(dir, 'service-api-token');
      expect(mode(dir)).toBe('700');
      chmodSync(dir, m);
      openStateDb(dir).close();
      expect(mode(dir)).toBe('700');
      chmodSync(dir, m);
      privateDir(dir);
      expect(mode(dir)).toBe('700');
    },
  );

  it('the local CRM’s folder is 0700 and its database file 0600, tightened again on the next start', async () => {
    const dir = fresh('sec-crm-');
    const start = () => startLocalCrm({ port: 0, stateDir: dir, config: shippedConfig(), bare: true });
    await (await start()).close();
    const db = path.join(dir, 'emulator', 'crm.sqlite');
    expect([mode(path.dirname(db)), mode(db)]).toEqual(['700', '600']);
    chmodSync(db, 0o644);
    chmodSync(path.dirname(db), 0o755);
    await (await start()).close();
    expect([mode(path.dirname(db)), mode(db)]).toEqual(['700', '600']);
  });
});

describe('the API with an empty token', () => {
  const deps = (apiToken: string) =>
    ({
      apiToken,
      webhookSecret: null,
      log: createLogger({ level: 'silent' }),
      ready: () => true,
      config: { current: shippedConfig(), lastError: null },
      runner: { running: false },
      service: { state: {}, mirror: {}, onRunFinished: () => () => undefined },
    }) as unknown as AppDeps;

  it('is refused when the app is built', () => {
    expect(() => createApp(deps(''))).toThrow(/SERVICE_API_TOKEN is empty/);
    expect(() => createApp(deps('  '))).toThrow(/SERVICE_API_TOKEN is empty/);
  });

  it('a request without a token never passes, whatever the token', async () => {
    const server = http.createServer(createApp(deps('t'.repeat(40)))).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const headers of [{}, { Authorization: '' }, { Authorization: 'Bearer ' }] as Record<
        string,
        string
      >[])
        expect((await fetch(`${base}/api/sync/status`, { headers })).status).toBe(401);
    } finally {
      server.close();
    }
  });
});
