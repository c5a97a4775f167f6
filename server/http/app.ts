/**
 * The service's HTTP surface (DESIGN §7). `/api/*` needs the bearer `SERVICE_API_TOKEN`; the webhook
 * carries its own signature. Errors come out as `{ error: { code, message } }` with the status of
 * their code — never a stack trace.
 */
import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { computeAccountInsight } from '../../shared/engine/insight';
import { accountBundleOf } from '../../shared/engine/pipeline';
import type { Instant } from '../../shared/model/types';
import { AppError } from '../errors';
import { errorHandler } from './errors';
import { localOnly } from './local-only';
import type { ConfigHolder } from '../config/config-holder';
import { PortfolioCache, portfolioReport } from './portfolio';
import type { SyncRunner } from '../schedule/runner';
import type { SyncService } from '../sync/sync-service';
import { webhookRouter, type WebhookPayload } from './webhook';

export interface AppDeps {
  service: SyncService;
  runner: SyncRunner;
  config: ConfigHolder;
  log: Logger;
  apiToken: string;
  webhookSecret: string | null;
  /** Extra routers (the widget preview in local mode). */
  extra?: express.Router[];
  /** Whether the first sync has finished (for /readyz). */
  ready: () => boolean;
  /** The clock webhook timestamps are checked against (tests). */
  now?: () => number;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const ready = deps.ready();
    res.status(ready ? 200 : 503).json({
      ready,
      // No detail without a token: the problems (and file names) are in /api/sync/status.
      configError: deps.config.refused
        ? 'the last saved config was refused; the last good config is still in use (details: GET /api/sync/status, npm run config:check)'
        : null,
      syncing: deps.runner.running,
    });
  });
  app.use(
    webhookRouter({
      secret: deps.webhookSecret,
      ...(deps.now ? { now: deps.now } : {}),
      rememberDelivery: (id) => deps.service.state.rememberDelivery(id),
      accept: (p: WebhookPayload) => {
        if (p.accountId) deps.service.state.markDirty([p.accountId], `webhook ${p.module} ${p.operation}`);
        deps.log.info(
          { module: p.module, recordId: p.recordId, accountId: p.accountId, operation: p.operation },
          'webhook accepted',
        );
        deps.runner.requestSoon(`webhook ${p.module}`);
      },
    }),
  );
  app.use('/api', bearer(deps.apiToken), apiRouter(deps));
  // The preview (local mode): this machine only, whatever the router inside does.
  if ((deps.extra ?? []).length > 0) app.use('/preview', localOnly());
  for (const r of deps.extra ?? []) app.use(r);
  app.use((_req, _res, next) => next(new AppError('NOT_FOUND', 'no such route')));
  app.use(errorHandler(deps.log));
  return app;
}

function apiRouter(deps: AppDeps): express.Router {
  const r = express.Router();
  r.use(express.json({ limit: '16kb' }));
  r.get('/sync/status', (_req, res) => {
    const s = deps.service;
    res.json({
      running: deps.runner.running,
      lastRuns: s.state.recentRuns(10),
      cursors: s.state.cursors(),
      pendingAccounts: s.state.dirtyCount(),
      failures: s.state.failures().slice(0, 100),
      credits: {
        last24h: s.state.creditsLast24h(),
        limit: Math.floor(deps.config.current.sync.dailyCredits * deps.config.current.sync.budgetShare),
        zohoRemaining: s.gateway.calls.creditsRemaining,
      },
      configError: deps.config.publicError,
    });
  });
  r.post('/sync/run', (req, res) => {
    const body = (req.body ?? {}) as { full?: unknown };
    if (body.full !== undefined && typeof body.full !== 'boolean')
      throw new AppError('BAD_INPUT', '"full" must be true or false');
    const queued = deps.runner.running;
    deps.runner.request({ full: body.full === true, trigger: 'api' });
    res.status(202).json({ accepted: true, queued, full: body.full === true });
  });
  r.get('/accounts/:id/insight', (req, res) => {
    const id = req.params.id ?? '';
    if (!/^\d{1,30}$/.test(id)) throw new AppError('BAD_INPUT', 'account id must be a Zoho record id');
    const config = deps.config.current;
    const raw = deps.service.mirror.datasetFor([id]);
    const one = accountBundleOf(raw, config, id);
    if (!one.ok && one.reason === 'rejected') throw new AppError('INTERNAL', one.error);
    if (!one.ok) throw new AppError('NOT_FOUND', `account ${id} is not in the synced data (yet)`);
    res.json(computeAccountInsight(one.bundle, config, Date.now() as Instant));
  });
  const portfolios = new PortfolioCache(deps.service);
  deps.service.onRunFinished(() => portfolios.refresh(deps.service.mirror, deps.config.current));
  r.get('/portfolio', (req, res) => {
    const config = deps.config.current;
    const query = req.query as Record<string, unknown>;
    res.json(portfolioReport(deps.service.mirror, config, query, Date.now, portfolios.get));
  });
  return r;
}

function bearer(token: string) {
  // An empty token would match a request without any Authorization header: never serve with one.
  if (token.trim() === '') throw new AppError('BAD_INPUT', 'SERVICE_API_TOKEN is empty');
  const expected = Buffer.from(token);
  return (req: Request, _res: Response, next: NextFunction) => {
    const given = Buffer.from((req.get('authorization') ?? '').replace(/^Bearer\s+/i, ''));
    if (given.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected))
      return next(new AppError('UNAUTHORIZED', 'a valid bearer token (SERVICE_API_TOKEN) is required'));
    next();
  };
}
