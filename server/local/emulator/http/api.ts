/**
 * Helpers shared by the API routes: the credit charge of a call (and Zoho's
 * `X-API-CREDITS-REMAINING`), JSON bodies parsed into Zoho's error envelope, query parameters, modules
 * from the URL, and Zoho's empty answers (204 without a body, 304).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { EmulatorContext } from '../context';
import type { CreditKind } from '../credits';
import type { ModuleDef } from '../metadata/types';
import type { RecordData } from '../store/record-store';
import { errors, type ZohoError } from './zoho-error';

export interface CallInfo {
  template: string;
  kind: CreditKind;
  charged: boolean;
}

export function callInfo(res: Response): CallInfo | undefined {
  return res.locals.call as CallInfo | undefined;
}

/** A route: names its credit template (e.g. `GET /crm/v6/{module}`) for the meter. */
export function route(
  template: string,
  kind: CreditKind,
  handler: (req: Request, res: Response) => void | Promise<void>,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    res.locals.call = { template, kind, charged: false } satisfies CallInfo;
    try {
      await handler(req, res);
    } catch (e) {
      next(e);
    }
  };
}

export function setRemainingHeader(ctx: EmulatorContext, res: Response): void {
  const remaining = ctx.credits.remainingHeader();
  if (remaining !== null && !res.headersSent) res.setHeader('X-API-CREDITS-REMAINING', String(remaining));
}

/** Charge the call before doing its work (throws 429 when over budget). */
export function charge(ctx: EmulatorContext, res: Response, credits: number): void {
  const call = callInfo(res);
  if (!call || call.charged) return;
  ctx.credits.charge(call.template, credits, call.kind);
  call.charged = true;
  setRemainingHeader(ctx, res);
}

export function jsonBody(req: Request): RecordData {
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw errors.badBody();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw errors.badBody();
  return parsed as RecordData;
}

export function queryString(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}

export function intParam(req: Request, name: string, dflt: number, min: number, max: number): number {
  const raw = queryString(req, name);
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw)) throw errors.invalidParam(name);
  const n = Number(raw);
  if (n < min || n > max)
    throw errors.invalidParam(name, n > max ? { maximum_value: max } : { minimum_value: min });
  return n;
}

/** `fields=` as Zoho takes it: comma-separated API names, at most 50. */
export function fieldsParam(req: Request, required: boolean): string[] | undefined {
  const raw = queryString(req, 'fields');
  if (raw === undefined || raw.trim() === '') {
    if (required) throw errors.requiredParam('fields');
    return undefined;
  }
  const fields = [
    ...new Set(
      raw
        .split(',')
        .map((f) => f.trim())
        .filter((f) => f !== ''),
    ),
  ];
  if (fields.length > 50) throw errors.limitExceeded({ limit: 50, param_name: 'fields' });
  return fields;
}

export function recordModule(ctx: EmulatorContext, name: string | undefined, index = 0): ModuleDef {
  const m = name ? ctx.org.catalog.recordModule(name) : undefined;
  if (!m) throw errors.invalidModule({ resource_path_index: index });
  return m;
}

export function noContent(res: Response): void {
  res.status(204).end();
}

export function notModified(res: Response): void {
  res.status(304).end();
}

export function pathParam(req: Request, name: string): string {
  const v = req.params[name];
  if (typeof v !== 'string') throw errors.invalidUrl();
  return v;
}

export function sendError(res: Response, e: ZohoError): void {
  e.send(res);
}
