/**
 * `npm start` (DESIGN §6). Without Zoho credentials: the built-in local CRM (emulator + demo data),
 * the service against it, the webhook registered, the widget preview when built; with credentials:
 * the service against the real org. Prints every URL; stops cleanly on Ctrl-C.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { resolveConfigPath } from './config/load-config';
import { runCli } from './cli/run-cli';
import { AppError } from './errors';
import { createApp } from './http/app';
import { isLoopbackHost } from './http/local-only';
import { createHttpServer } from './http/server';
import { ConfigHolder } from './config/config-holder';
import { publishConfig } from './config/publish-config';
import type { LocalToolkit } from './local/start';
import { readEnv } from './env';
import { createLogger } from './runtime/logger';
import { privateDir } from './runtime/files';
import { persistentSecret, requireStrongSecret } from './runtime/secrets';
import { SyncRunner } from './schedule/runner';
import { SyncService } from './sync/sync-service';

runCli(async () => {
  const env = readEnv();
  const { stateDir, port, host, zoho } = env;
  // STATE_DIR is 0700 before anything (the local CRM included) writes into it.
  privateDir(stateDir);
  // A set-but-empty variable is a mistake, not "generate one": only an unset variable means that.
  const apiToken =
    env.serviceApiToken !== undefined
      ? requireStrongSecret('SERVICE_API_TOKEN', env.serviceApiToken)
      : persistentSecret(stateDir, 'service-api-token');
  const webhookSecret =
    env.webhookSecret !== undefined
      ? requireStrongSecret('WEBHOOK_SECRET', env.webhookSecret)
      : zoho
        ? null
        : persistentSecret(stateDir, 'webhook-secret');
  const secrets = [apiToken, webhookSecret, zoho?.clientSecret, zoho?.refreshToken].filter((s): s is string =>
    Boolean(s),
  );
  const log = createLogger({ secrets, ...(env.logLevel ? { level: env.logLevel } : {}) });
  const config = ConfigHolder.load(resolveConfigPath(env.configFile), log);

  // Everything opened from here on is closed again if the start fails, so the process exits (with
  // the error) instead of living on with a half-started service nobody can see or restart.
  const opened: (() => unknown)[] = [];
  const started = await (async () => {
    try {
      return await start();
    } catch (e) {
      for (const close of opened.reverse())
        await Promise.resolve()
          .then(close)
          .catch(() => undefined);
      // A handle we did not know about must not keep a failed start alive either.
      setTimeout(() => process.exit(process.exitCode || 1), 2000).unref();
      throw e;
    }
  })();
  const { local, service, runner, server, preview } = started;
  const readiness = started.readiness;

  async function start() {
    let local: LocalToolkit | null = null;
    if (!zoho) {
      // The local Zoho toolkit is loaded only here, and only without credentials.
      const { startLocalToolkit } = await import('./local/start');
      local = await startLocalToolkit({
        stateDir,
        port: env.emulatorPort,
        config: config.current,
        log,
      });
      const toolkit = local;
      opened.push(() => toolkit.close());
      log.info(
        { crm: local.url },
        'no Zoho credentials set: running on the built-in local CRM (emulator with demo data)',
      );
    } else if (!webhookSecret) {
      log.warn('WEBHOOK_SECRET is not set: POST /hooks/zoho answers 503 until it is');
    }
    const connection = zoho ?? (local as LocalToolkit).connection;
    const service = await SyncService.open({
      stateDir,
      connection,
      config: config.current,
      log,
      dailyCredits: config.current.sync.dailyCredits,
      budgetShare: config.current.sync.budgetShare,
    });
    opened.push(() => service.close());
    // The local org gets the product's fields through the API, by setup:crm's code, on every start.
    if (local) await local.prepare(service.gateway);
    config.onChange((c) => service.setConfig(c));
    config.onChange((c) => void publishConfig(service.gateway, c, log));

    const runner = new SyncRunner(service, log, {
      ...(env.syncCron ? { cron: env.syncCron } : {}),
      ...(env.fullSyncCron ? { fullCron: env.fullSyncCron } : {}),
    });
    const readiness = { firstSyncDone: false };
    // The preview proxies the CRM without a token: served on a loopback address only.
    const previewAllowed = isLoopbackHost(host);
    if (local && local.routers.length > 0 && !previewAllowed)
      log.warn(
        { host },
        'the widget preview is local-only and is not served: HOST is not a loopback address (use 127.0.0.1 to get it)',
      );
    const preview = previewAllowed ? (local?.routers ?? []) : [];
    const app = createApp({
      service,
      runner,
      config,
      log,
      apiToken,
      webhookSecret,
      extra: preview,
      ready: () => readiness.firstSyncDone,
    });
    const server = createHttpServer(app);
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        reject(
          e.code === 'EADDRINUSE'
            ? new AppError('BAD_INPUT', `port ${port} is in use: stop the other process or set PORT`)
            : e,
        ),
      );
      server.listen(port, host, resolve);
    });
    opened.push(() => new Promise((r) => server.close(r)));
    // Watched only once the service is up: a watcher keeps the process alive.
    config.watch();
    opened.push(() => config.unwatch());
    process.on('SIGHUP', () => config.reload());
    return { local, service, runner, server, preview, readiness };
  }

  const base = `http://${host}:${(server.address() as AddressInfo).port}`;
  if (local && webhookSecret) local.registerWebhook(`${base}/hooks/zoho`, webhookSecret);

  runner.schedule();
  // the first run also writes today's account snapshots if the daily pass has not yet (trends)
  runner.request({ trigger: 'start', snapshot: true });
  void runner.idle().then(() => {
    readiness.firstSyncDone = true;
    void publishConfig(service.gateway, config.current, log);
    const s = runner.lastSummary;
    if (s)
      log.info(
        { status: s.status, recomputed: s.recomputed, written: s.written, credits: s.credits },
        'first sync done',
      );
  });

  const lines = [
    '',
    `  Enterprise sales for Zoho CRM is running${local ? ' on the built-in local CRM' : ''}`,
    `  service         ${base}   (GET /healthz, /readyz)`,
    `  sync status     ${base}/api/sync/status   (Authorization: Bearer <SERVICE_API_TOKEN${env.serviceApiToken ? '' : `, in ${path.join(stateDir, 'service-api-token')}`}>)`,
    `  webhook         ${base}/hooks/zoho`,
    ...(local
      ? [`  local Zoho CRM  ${local.url}/crm/v6   (OAuth client demo/demo, refresh token demo)`]
      : []),
    ...(preview.length > 0
      ? [
          `  account widget  ${base}/preview/   (a Zoho-like account page; ?account=ID)`,
          `  manager's view  ${base}/preview/portfolio   (the web tab; same numbers as GET /api/portfolio)`,
        ]
      : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  log.info('stopping: waiting for the current sync to finish');
  config.unwatch();
  await runner.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await local?.close();
  service.close();
  return 0;
});
