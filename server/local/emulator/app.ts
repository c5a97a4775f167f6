/**
 * The emulator's HTTP surface: Zoho's token endpoint, the CRM API under `/crm/v6` behind its gates, and
 * the `/__emulator` controls. Unknown URLs answer 404 INVALID_URL_PATTERN, wrong methods 400
 * INVALID_REQUEST_METHOD, both in Zoho's envelope.
 */
import express, { type Express } from 'express';
import type { EmulatorContext } from './context';
import { authGate, budgetGate, concurrencyGate, errorHandler, faultGate } from './http/gates';
import { errors } from './http/zoho-error';
import { adminRouter, type AdminHooks } from './routes/admin';
import { mountCoql } from './routes/coql';
import { mountFunctions } from './routes/functions';
import { mountRecordRoutes } from './routes/records';
import { mountRelatedAndSearch } from './routes/related-search';
import { mountSettings } from './routes/settings';
import { mountUsers } from './routes/users';

export function createApp(ctx: EmulatorContext, hooks: AdminHooks): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(express.raw({ type: () => true, limit: '64mb' }));

  app.use('/__emulator', adminRouter(ctx, hooks));

  app.post('/oauth/v2/token', faultGate(ctx, true), (req, res) =>
    ctx.tokens.handle(req, res, ctx.apiDomain()),
  );

  app.use('/crm', concurrencyGate(ctx), faultGate(ctx, false), authGate(ctx), budgetGate(ctx));
  const api = express.Router();
  mountCoql(api, ctx);
  mountFunctions(api, ctx);
  mountUsers(api, ctx);
  mountSettings(api, ctx);
  mountRelatedAndSearch(api, ctx);
  mountRecordRoutes(api, ctx);
  app.use(api);

  app.use(() => {
    throw errors.invalidUrl();
  });
  app.use(errorHandler(ctx));
  return app;
}
