/**
 * What every API call passes before its route, in Zoho's order as far as a client can tell: the
 * concurrency cap (429), injected faults, the OAuth token (401), the daily credit budget (429). The
 * error handler writes Zoho's envelope and charges one credit for a refused call of a known endpoint.
 */
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { EmulatorContext } from '../context';
import { concurrencyExceeded } from '../credits';
import { callInfo, setRemainingHeader } from './api';
import { errors, ZohoError } from './zoho-error';

export function concurrencyGate(ctx: EmulatorContext): RequestHandler {
  let inFlight = 0;
  return (_req: Request, res: Response, next: NextFunction) => {
    if (inFlight >= ctx.concurrency) throw concurrencyExceeded(ctx.concurrency);
    inFlight += 1;
    let done = false;
    res.on('close', () => {
      if (!done) inFlight -= 1;
      done = true;
    });
    next();
  };
}

export function faultGate(ctx: EmulatorContext, isToken: boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const path = req.baseUrl + req.path;
    const fault = ctx.faults.take(req.method, path, isToken);
    if (!fault) return next();
    ctx.log.info({ kind: fault.kind, method: req.method, path, faultId: fault.id }, 'fault injected');
    switch (fault.kind) {
      case '429':
        throw errors.tooManyRequests(
          'Number of API requests for the 24 hour period is exceeded or the concurrency limit of the user for the app is exceeded',
        );
      case '500':
        throw errors.internal();
      case 'invalid_token':
        throw errors.invalidToken();
      case 'timeout': {
        if (fault.delayMs !== undefined) {
          const timer = setTimeout(() => {
            ctx.held.delete(release);
            next();
          }, fault.delayMs);
          const release = () => clearTimeout(timer);
          ctx.held.add(release);
          return;
        }
        const release = () => req.socket.destroy();
        ctx.held.add(release);
        res.on('close', () => ctx.held.delete(release));
        return;
      }
    }
  };
}

const TOKEN_HEADER = /^Zoho-oauthtoken\s+(\S+)$/i;

export function authGate(ctx: EmulatorContext): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const token = header ? TOKEN_HEADER.exec(header)?.[1] : undefined;
    if (!header) throw errors.authFailure();
    if (!token || ctx.tokens.check(token) !== 'valid') throw errors.invalidToken();
    next();
  };
}

export function budgetGate(ctx: EmulatorContext): RequestHandler {
  return (_req: Request, _res: Response, next: NextFunction) => {
    ctx.credits.assertNotExhausted();
    next();
  };
}

export function errorHandler(ctx: EmulatorContext): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    let e: ZohoError;
    if (err instanceof ZohoError) e = err;
    else if ((err as { type?: string }).type === 'entity.too.large')
      e = new ZohoError(413, 'REQUEST_ENTITY_TOO_LARGE', 'request entity too large');
    else {
      ctx.log.error({ err, method: req.method, path: req.path }, 'emulator error');
      e = errors.internal();
    }
    const call = callInfo(res);
    if (call && !call.charged && e.httpStatus !== 429 && e.httpStatus !== 401) {
      try {
        ctx.credits.charge(call.template, 1, call.kind);
        call.charged = true;
      } catch {
        // over budget: the error answer stands
      }
    }
    setRemainingHeader(ctx, res);
    e.send(res);
  };
}
