/**
 * `/__emulator/*`: the test and benchmark controls (DESIGN §7). No OAuth, no credits. Answers are plain
 * JSON (`{ "error": "…" }` on a bad request), not Zoho's envelope: this is not Zoho's API.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { EmulatorContext } from '../context';
import { loadDatasetObject } from '../dataset/load';
import { faultSpecSchema } from '../faults';
import { addSubformByHand } from '../metadata/create';
import { renderRecord } from '../records/render';
import { rowToRecord } from '../store/record-store';

export interface AdminHooks {
  /** Back to a fresh org (records, users, metadata, meters). */
  reset(): void;
}

function body(req: Request): unknown {
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  return raw.trim() === '' ? {} : (JSON.parse(raw) as unknown);
}

function bad(res: Response, message: string): void {
  res.status(400).json({ error: message });
}

export function adminRouter(ctx: EmulatorContext, hooks: AdminHooks): Router {
  const r = express.Router();
  const { org } = ctx;

  r.get('/health', (_req, res) => void res.json({ ok: true }));
  r.get(
    '/summary',
    (_req, res) => void res.json({ records: org.store.countsByModule(), users: org.users.all().length }),
  );

  r.get('/credits', (_req, res) => void res.json(ctx.credits.snapshot()));
  r.post('/credits/reset', (_req, res) => {
    ctx.credits.reset();
    res.json(ctx.credits.snapshot());
  });

  r.post('/faults', (req, res) => {
    const parsed = faultSpecSchema.safeParse(body(req));
    if (!parsed.success)
      return bad(
        res,
        `fault: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      );
    const fault = ctx.faults.add(parsed.data);
    ctx.log.info({ fault }, 'fault registered');
    res.status(201).json(fault);
  });
  r.get('/faults', (_req, res) => void res.json(ctx.faults.list()));
  r.delete('/faults', (_req, res) => {
    ctx.faults.clear();
    res.json(ctx.faults.list());
  });

  // The manual step of `setup:crm`: a person adds a subform and its columns in the layout editor.
  // Body {module, subform: {field_label, api_name?}, columns: [create-field bodies]}.
  r.post('/subforms', (req, res) => {
    const b = body(req) as { module?: unknown; subform?: unknown; columns?: unknown };
    const m = typeof b.module === 'string' ? org.catalog.module(b.module) : undefined;
    if (!m || m.generatedType === 'subform') return bad(res, 'module: a module that exists');
    if (!b.subform || typeof b.subform !== 'object') return bad(res, 'subform: {field_label, api_name?}');
    const results = addSubformByHand(
      org.catalog,
      m,
      b.subform as Record<string, unknown>,
      Array.isArray(b.columns) ? b.columns : [],
      org.now(),
    );
    org.catalog.rebuildRelatedLists();
    org.saveCatalog();
    res.status(results.every((x) => x.ok) ? 201 : 400).json({ fields: results.map((x) => x.body) });
  });

  // Which CRM functions the org has installed (routes/functions.ts); `{ "installed": [] }` removes all.
  r.get('/functions', (_req, res) => void res.json({ installed: [...ctx.functions] }));
  r.put('/functions', (req, res) => {
    const installed = (body(req) as { installed?: unknown }).installed;
    if (!Array.isArray(installed) || !installed.every((n) => typeof n === 'string'))
      return bad(res, 'functions: expected { "installed": [ "<function api name>", … ] }');
    ctx.functions = new Set(installed as string[]);
    res.json({ installed: [...ctx.functions] });
  });

  r.post('/webhooks', (req, res) => {
    const b = body(req) as { url?: unknown; secret?: unknown };
    if (
      typeof b.url !== 'string' ||
      !/^https?:\/\//.test(b.url) ||
      typeof b.secret !== 'string' ||
      b.secret === ''
    ) {
      return bad(res, 'webhook: give { "url": "http(s)://…", "secret": "…" }');
    }
    ctx.webhooks.register({ url: b.url, secret: b.secret });
    res.status(201).json(ctx.webhooks.list());
  });
  r.get('/webhooks', (_req, res) => void res.json(ctx.webhooks.list()));
  r.delete('/webhooks', (_req, res) => {
    ctx.webhooks.clear();
    res.json(ctx.webhooks.list());
  });

  r.post('/load', (req, res) => {
    const stats = loadDatasetObject(org, body(req), { merge: req.query.merge === 'true' });
    res.json(stats);
  });
  r.post('/reset', (_req, res) => {
    hooks.reset();
    res.json({ records: org.store.countsByModule() });
  });
  r.get('/writes', (req, res) => {
    const module = typeof req.query.module === 'string' ? req.query.module : undefined;
    res.json(ctx.writes.snapshot(module));
  });
  r.post('/writes/reset', (_req, res) => {
    ctx.writes.reset();
    res.json(ctx.writes.snapshot());
  });
  r.post('/tokens/expire', (_req, res) => void res.json({ expired: ctx.tokens.expireAll() }));
  // Zoho's minting limit: tokens issued in the window, refusals so far.
  r.get(
    '/tokens',
    (_req, res) =>
      void res.json({ ...ctx.tokens.usage(), issuedTotal: ctx.tokens.issued, refused: ctx.tokens.refused }),
  );

  /**
   * The full stored state of a module, rendered like GET one record: all fields, or those named in
   * `?fields=A,B` (the bench reads a 50,000-account org's tasks: with every field, hundreds of MB of JSON
   * in one answer, which failed after its first full sync).
   */
  r.get('/records/:module', (req, res) => {
    const name = String(req.params.module);
    const module = org.catalog.module(name);
    if (!module || !module.apiSupported) return bad(res, `no module ${name}`);
    const fields = typeof req.query.fields === 'string' ? req.query.fields.split(',').filter(Boolean) : 'all';
    const rows = org.store
      .stmt('SELECT id, module, created_ms, modified_ms, data FROM records WHERE module = ? ORDER BY id')
      .all(module.apiName) as Parameters<typeof rowToRecord>[0][];
    const records = rows.map(rowToRecord);
    const data =
      module.generatedType === 'subform'
        ? records.map((x) => x.data)
        : records.map((x) => renderRecord(org, module, x, fields));
    res.json({ data, count: data.length });
  });

  r.use((_req: Request, res: Response) => void res.status(404).json({ error: 'no such emulator route' }));
  r.use((err: unknown, _req: Request, res: Response, _next: express.NextFunction) =>
    bad(res, (err as Error).message),
  );
  return r;
}
