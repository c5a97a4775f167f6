/**
 * The widget preview is served by the service in local mode only: it plays Zoho's widget host
 * against the built-in CRM (server/local/widget-host/). The widget must be built (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../../config/load-config';
import type { ServiceHook } from './recompute';
import { createPreviewRouter } from './router';
import { crmPicklists } from '../../../shared/config/picklists';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import type { ZohoConnection } from '../../zoho/env';

export const APP_DIR = path.join(PROJECT_ROOT, 'app');
export const WIDGET_PAGE = path.join(APP_DIR, 'account.html');
const PORTFOLIO_PAGE = path.join(APP_DIR, 'portfolio.html');

/** Build the widget once when it has never been built, so `npm start` shows it on a fresh clone. */
export function ensureWidgetBuilt(log: Logger): boolean {
  // A build from before the manager's web tab existed lacks its page: build again.
  if (existsSync(WIDGET_PAGE) && existsSync(PORTFOLIO_PAGE)) return true;
  log.info('building the widget for the preview (first start only)');
  try {
    execFileSync('npm', ['run', '--silent', 'build'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
  } catch {
    log.warn('the widget build failed; the preview is off (run `npm run build` to see why)');
  }
  return existsSync(WIDGET_PAGE);
}

export function previewRouters(o: {
  connection: ZohoConnection;
  log: Logger;
  config: SalesProcessConfig;
  serviceHook?: ServiceHook;
}): express.Router[] {
  if (!ensureWidgetBuilt(o.log)) return [];
  const c = o.connection;
  const router = express.Router();
  router.use(
    '/preview',
    createPreviewRouter({
      crmBaseUrl: c.apiBase,
      accountsUrl: c.apiBase,
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      refreshToken: c.refreshToken,
      appDir: APP_DIR,
      stageOrder: crmPicklists(o.config).relationshipStage,
      ...(o.serviceHook ? { serviceHook: o.serviceHook } : {}),
    }),
  );
  return [router];
}
