/**
 * Fuzzing the four ways in (issue 13), with fast-check: seeded (FUZZ_SEED, default below) and
 * bounded (RUNS per property), so a failure replays exactly. The property everywhere: a clear error
 * or a correct answer — never an exception, a hang (the test timeout) or a 5xx.
 *
 * - configs: the shipped YAML with random edits (a line's value replaced by random YAML, random lines
 *   inserted, the file cut short) and random text → `ok`, or problems that each name a line of the
 *   file and say something;
 * - dataset records: random Zoho-shaped records (known field names, hostile values) → the normaliser
 *   answers ok or a one-line error; every account's insight computes, with counts that are finite
 *   and never negative;
 * - webhook bodies: random bytes, JSON and near-valid payloads, signed or not, some compressed →
 *   202, 400, 401, 409 or 413, each with `{ error: { code, message } }` when refused;
 * - /api/portfolio queries: random keys, values, repeats and percent-encodings → 200 with a report,
 *   or 400/431 with our error shape.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { parseSalesProcessConfig } from '../../shared/config/load';
import { computeAccountInsight } from '../../shared/engine/insight';
import type { Instant } from '../../shared/model/types';
import { bundleByAccount } from '../../shared/normalise/bundle';
import { normaliseDataset } from '../../shared/normalise/normalise';
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import { ConfigHolder } from '../../server/config/config-holder';
import { DEFAULT_CONFIG_PATH } from '../../server/config/load-config';
import { createApp } from '../../server/http/app';
import { createHttpServer } from '../../server/http/server';
import { createLogger } from '../../server/runtime/logger';
import { SyncRunner } from '../../server/schedule/runner';
import type { SyncService } from '../../server/sync/sync-service';
import { AS_OF, captureLogs, openService, shippedConfig, startCrm, type Crm } from '../support/crm-harness';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const RUNS = { config: 100, dataset: 200, webhook: 400, portfolio: 300 };
const params = (numRuns: number) => ({ seed: FUZZ_SEED, numRuns, endOnFailure: true });

const config = shippedConfig();
const SHIPPED = readFileSync(DEFAULT_CONFIG_PATH, 'utf8');

/** Text fast-check builds from: ASCII, Japanese, YAML punctuation, control characters, surrogates. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '\uD800',
    '社長',
    '～',
    '&a',
    '*a',
    '!!js/function',
    '<<',
    '{',
    '[',
    ':',
    '- ',
    '|',
    '>',
    '#',
    '%YAML 1.1',
    '---',
    '...',
    '1e400',
    '.nan',
    '-.inf',
    '0x1F',
    '2026-13-45',
    'null',
    '~',
    'true',
    '0o777',
  ),
);

describe('configs', () => {
  const lines = SHIPPED.split('\n');
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('value' as const), line: fc.nat(lines.length - 1), text: nasty }),
    fc.record({ kind: fc.constant('insert' as const), line: fc.nat(lines.length - 1), text: nasty }),
    fc.record({ kind: fc.constant('cut' as const), line: fc.nat(lines.length - 1), text: fc.constant('') }),
  );

  it(`the shipped config with random edits, and random text: ok, or problems on real lines (${RUNS.config} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 5, arbitrary: fc.array(edit, { minLength: 1, maxLength: 4 }) },
          { weight: 1, arbitrary: nasty },
        ),
        (e) => {
          let text: string;
          if (typeof e === 'string') text = e;
          else {
            const out = [...lines];
            for (const x of e) {
              if (x.kind === 'value') out[x.line] = (out[x.line] ?? '').replace(/:.*$/, `: ${x.text}`);
              else if (x.kind === 'insert') out.splice(x.line, 0, x.text);
              else out.length = Math.max(1, x.line);
            }
            text = out.join('\n');
          }
          const r = parseSalesProcessConfig(text, 'fuzz.yaml');
          if (r.ok) return;
          expect(r.problems.length).toBeGreaterThan(0);
          const lineCount = text.split(/\r\n|\r|\n/).length;
          for (const p of r.problems) {
            expect(p.file).toBe('fuzz.yaml');
            expect(p.line).toBeGreaterThanOrEqual(0);
            expect(p.line).toBeLessThanOrEqual(lineCount + 1);
            expect(p.message.trim().length).toBeGreaterThan(0);
          }
        },
      ),
      params(RUNS.config),
    );
  }, 120_000);
});

describe('dataset records', () => {
  const id = fc.oneof(
    fc.constantFrom('a1', 'a2', 'c1', 'c2', 'd1', '__proto__', 'constructor', ''),
    fc.stringMatching(/^\d{1,20}$/),
  );
  const value = fc.oneof(
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      '2026-11-20T10:00:00+09:00',
      '2026-11-20',
      'yesterday',
      '0000-00-00',
      '2026-02-30T25:61:00Z',
    ),
    fc.record({ id, name: nasty }),
    fc.array(fc.record({ id }), { maxLength: 3 }),
  );
  const FIELDS = [
    'id',
    'Account_Name',
    'Owner',
    'Parent_Account',
    'Modified_Time',
    'Created_Time',
    'Full_Name',
    'Title',
    'Department',
    'Reporting_To',
    'Is_Executive',
    'Influence_Level',
    'Buying_Role',
    'Deal_Name',
    'Stage',
    'Amount',
    'Closing_Date',
    'Subject',
    'Status',
    'Closed_Time',
    'Due_Date',
    'Start_DateTime',
    'Call_Start_Time',
    'Call_Type',
    'What_Id',
    'Who_Id',
    '$se_module',
    'Participants',
    'Annual_Revenue',
    'Industry',
    'Relationship_Stage',
    'Customer_Satisfaction',
  ];
  const record = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 12 })
        .map((r) => ({ id: 'a1', ...r })),
    },
    { weight: 1, arbitrary: value },
  );
  const MODULES = ['Accounts', 'Contacts', 'Deals', 'Tasks', 'Events', 'Calls', 'Account_Plans'];
  const ds = fc.oneof(
    { weight: 8, arbitrary: fc.dictionary(fc.constantFrom(...MODULES), fc.array(record, { maxLength: 8 })) },
    { weight: 1, arbitrary: value },
  );

  it(`random records: ok or a one-line error; every insight computes with sane counts (${RUNS.dataset} runs)`, () => {
    fc.assert(
      fc.property(ds, (raw) => {
        const n = normaliseDataset(raw, config);
        if (!n.ok) {
          expect(n.error).toMatch(/^[^\n]+$/);
          return;
        }
        for (const b of bundleByAccount(n.dataset, config).bundles.values()) {
          const insight = computeAccountInsight(b, config, AS_OF as Instant);
          // Counts are whole and never negative; the share is a fraction; csat is the CRM's own number.
          for (const [k, v] of Object.entries(insight.kpis)) {
            const ok =
              v === null ||
              (k === 'csat'
                ? Number.isFinite(v)
                : k === 'relationship_activity_share'
                  ? v >= 0 && v <= 1
                  : Number.isInteger(v) && v >= 0);
            expect({ k, v, ok }).toEqual({ k, v, ok: true });
          }
        }
      }),
      params(RUNS.dataset),
    );
  }, 120_000);
});

describe('over HTTP', () => {
  const TOKEN = 'fuzz-api-token-4c7e9a1b3d5f2e8a0c6b';
  const SECRET = 'fuzz-webhook-secret-8e2a4c6b0d1f3a5c7e9b';
  let crm: Crm;
  let svc: SyncService;
  let server: http.Server;
  let port: number;
  let runner: SyncRunner;
  const { stream, capture } = captureLogs();

  beforeAll(async () => {
    crm = await startCrm({ dataset: generateDemoDataset({ asOf: AS_OF }) });
    svc = await openService(crm);
    expect((await svc.sync({ full: true, trigger: 'test' })).status).toBe('ok');
    const log = createLogger({ level: 'warn', destination: stream });
    runner = new SyncRunner(svc, log, { debounceMs: 60_000, maxWaitMs: 60_000 });
    server = createHttpServer(
      createApp({
        service: svc,
        runner,
        config: ConfigHolder.load(DEFAULT_CONFIG_PATH, log),
        log,
        apiToken: TOKEN,
        webhookSecret: SECRET,
        ready: () => true,
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  }, 120_000);

  afterAll(async () => {
    await runner?.stop(); // its webhook-queued run must not fire after the database is closed
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    svc?.close();
    await crm?.stop();
  });

  function send(method: string, path: string, headers: Record<string, string>, body?: Buffer) {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
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

  const refusedShape = (text: string) => {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe('string');
    expect(typeof body.error?.message).toBe('string');
  };

  it(`webhook bodies: 202 or a clear 4xx, never a 5xx (${RUNS.webhook} runs)`, async () => {
    const payload = fc.record(
      {
        deliveryId: fc.oneof(fc.uuid(), nasty),
        module: fc.oneof(fc.constantFrom('Accounts', 'Contacts', 'Deals', 'Tasks'), nasty),
        recordId: fc.oneof(fc.stringMatching(/^\d{1,30}$/), nasty),
        operation: fc.oneof(fc.constantFrom('create', 'update', 'delete'), nasty),
        accountId: fc.oneof(fc.constant(null), fc.stringMatching(/^\d{1,19}$/), nasty),
        modifiedTime: nasty,
        extra: fc.anything(),
      },
      { requiredKeys: ['deliveryId', 'module', 'recordId', 'operation', 'accountId'] },
    );
    const valid = fc.record({
      deliveryId: fc.uuid(),
      module: fc.constantFrom('Accounts', 'Contacts', 'Deals', 'Tasks', 'Events', 'Calls'),
      recordId: fc.stringMatching(/^\d{1,19}$/),
      operation: fc.constantFrom('create', 'update', 'delete'),
      accountId: fc.oneof(fc.constant(null), fc.constantFrom('4876876000000100001', '4876876000000100002')),
    });
    const body = fc.oneof(
      { weight: 3, arbitrary: valid.map((p) => Buffer.from(JSON.stringify(p))) },
      payload.map((p) => Buffer.from(JSON.stringify(p))),
      fc.json().map((j) => Buffer.from(j)),
      fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
      fc.nat(40_000).map((n) => Buffer.alloc(n, '[')),
    );
    const seenStatuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('good', 'good', 'good', 'bad', 'none', 'stale'),
        fc.constantFrom('identity', 'identity', 'identity', 'gzip', 'deflate', 'br', 'x-unknown'),
        async (raw, signing, encoding) => {
          const now = Math.floor(Date.now() / 1000);
          const ts = String(signing === 'stale' ? now - 1000 : now);
          const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Timestamp': ts };
          let sent = raw;
          if (encoding === 'gzip') sent = zlib.gzipSync(raw);
          else if (encoding === 'deflate')
            sent = raw.length % 2 === 0 ? zlib.deflateSync(raw) : raw; // half corrupt
          else if (encoding === 'br') sent = raw; // not really compressed: a corrupt stream
          if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
          if (signing !== 'none')
            headers['X-Signature'] =
              signing === 'bad'
                ? 'ab'.repeat(32)
                : createHmac('sha256', SECRET).update(`${ts}.`).update(raw).digest('hex');
          const r = await send('POST', '/hooks/zoho', headers, sent);
          seenStatuses.set(r.status, (seenStatuses.get(r.status) ?? 0) + 1);
          expect([202, 400, 401, 409, 413]).toContain(r.status);
          if (r.status !== 202) refusedShape(r.text);
        },
      ),
      params(RUNS.webhook),
    );
    expect(seenStatuses.get(202) ?? 0).toBeGreaterThan(0); // the generators reach the happy path too
    expect(capture.text()).not.toMatch(/"level":50/);
  }, 180_000);

  it(`/api/portfolio queries: a report or a clear 4xx, never a 5xx (${RUNS.portfolio} runs)`, async () => {
    const key = fc.oneof(
      fc.constantFrom(
        'owner',
        'team',
        'stage',
        'industry',
        'period',
        'asOf',
        'owner[]',
        'owner[a]',
        '__proto__',
        'constructor',
      ),
      nasty,
    );
    const val = fc.oneof(
      nasty,
      fc.constantFrom(
        '4876876000000090003',
        'this_quarter',
        'last_quarter',
        'fy',
        '2026-11-26',
        '2026-11-26T12:00:00+09:00',
        '2026-11-26T00:00:00+99:99',
        '275760-01-01',
        '0000',
        'all',
        'manufacturing',
        '製造',
      ),
    );
    const encode = (s: string) => {
      try {
        return encodeURIComponent(s);
      } catch {
        return '%zz'; // a lone surrogate: send a malformed escape instead
      }
    };
    const query = fc
      .array(fc.tuple(key, val, fc.boolean()), { maxLength: 8 })
      .map((pairs) =>
        pairs.map(([k, v, raw]) => `${encode(k)}=${raw ? v.replace(/[#&\s]/g, '') : encode(v)}`).join('&'),
      );
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const r = await send(
          'GET',
          `/api/portfolio?${q}`.replace(/[^\x21-\x7e]/g, (c) => encode(c)),
          {
            Authorization: `Bearer ${TOKEN}`,
          },
        );
        seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
        expect([200, 400, 431]).toContain(r.status);
        if (r.status === 200) {
          const report = JSON.parse(r.text) as Record<string, unknown>;
          expect(typeof report).toBe('object');
          expect(Object.keys(report).length).toBeGreaterThan(0);
        } else refusedShape(r.text);
      }),
      params(RUNS.portfolio),
    );
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
    expect(seen.get(400) ?? 0).toBeGreaterThan(0);
  }, 180_000);
});
