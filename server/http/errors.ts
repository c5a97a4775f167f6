/**
 * The last middleware: every error becomes `{ error: { code, message } }` with a 4xx or 5xx status —
 * never a stack trace, a library's message or a file path in the answer. Errors the HTTP stack
 * raises for bad requests (http-errors with a 4xx `status`: a body that is not JSON, a corrupt gzip
 * stream, an aborted upload, a static file that is not there) are the client's fault: they answer
 * 4xx and are logged at warn, once per kind per interval with a count, so anonymous clients cannot
 * fill the log. Only our own failures log at error, with their stack.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, type ErrorCode } from '../errors';

/** One warn line per kind of bad request in this many ms (and a count of the ones not logged). */
export const BAD_REQUEST_LOG_INTERVAL_MS = 10 * 60_000;

/** A bad request as we answer it: our code, a message of our own, and the kind we log it under. */
export function clientError(e: unknown): { error: AppError; kind: string } | null {
  if (e instanceof AppError) return null;
  const x = e as { type?: unknown; status?: unknown; statusCode?: unknown; code?: unknown };
  const status =
    typeof x.status === 'number' ? x.status : typeof x.statusCode === 'number' ? x.statusCode : 0;
  if (status < 400 || status >= 500) return null;
  const type = typeof x.type === 'string' ? x.type : '';
  const kind = type || (typeof x.code === 'string' ? `${status} ${x.code}` : `http ${status}`);
  const as = (code: ErrorCode, message: string) => ({ error: new AppError(code, message), kind });
  if (type === 'entity.too.large' || status === 413) return as('PAYLOAD_TOO_LARGE', 'request body too large');
  if (type === 'entity.parse.failed') return as('BAD_INPUT', 'request body is not valid JSON');
  if (type === 'request.aborted') return as('BAD_INPUT', 'the request was aborted before its body arrived');
  if (type.startsWith('encoding') || type === 'charset.unsupported' || status === 415)
    return as('BAD_INPUT', 'unsupported body encoding or charset');
  // serve-static: 404 for a missing file, 403 for a path it refuses (`..`): neither says which.
  if (status === 404 || status === 403) return as('NOT_FOUND', 'no such file');
  if (status === 401) return as('UNAUTHORIZED', 'not authorised');
  if (status === 408) return as('BAD_INPUT', 'the request took too long');
  if (status === 431) return as('BAD_INPUT', 'request headers too large');
  // Anything else the HTTP stack calls the client's fault (a corrupt compressed body, a bad length…).
  return as('BAD_INPUT', 'malformed request');
}

export function errorHandler(log: Logger, now: () => number = Date.now) {
  const seen = new Map<string, { at: number; suppressed: number }>();
  const warnOnce = (kind: string, req: Request, status: number) => {
    const s = seen.get(kind);
    const t = now();
    if (s && t - s.at < BAD_REQUEST_LOG_INTERVAL_MS) {
      s.suppressed++;
      return;
    }
    if (seen.size > 1000) seen.clear(); // kinds come from a closed set in practice; bound it anyway
    seen.set(kind, { at: t, suppressed: 0 });
    log.warn(
      { kind, status, method: req.method, path: req.path.slice(0, 200), since: s?.suppressed ?? 0 },
      'bad request refused (logged once per kind per 10 min; "since" counts the ones not logged)',
    );
  };
  return (e: unknown, req: Request, res: Response, _next: NextFunction) => {
    const bad = clientError(e);
    const err =
      bad?.error ??
      (e instanceof AppError ? e : new AppError('INTERNAL', 'internal error (see the service log)'));
    if (bad) warnOnce(bad.kind, req, err.httpStatus);
    else if (err.code === 'INTERNAL') log.error({ err: e }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(err.httpStatus).json({ error: { code: err.code, message: err.message } });
  };
}
