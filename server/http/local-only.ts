/**
 * The widget preview is a local developer tool: it proxies the CRM with the service's own
 * credentials and needs no token, so it must only ever answer this machine. It is mounted only when
 * the service listens on a loopback address (main.ts says so at start otherwise), and each request
 * must name a loopback host (a DNS-rebinding page reaches 127.0.0.1 under its own name, which shows
 * in `Host`) and, when the browser says where it comes from, a loopback origin.
 */
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';

/** Whether `host` (an address or name to listen on or a Host header's hostname) is this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The hostname of a Host header (`name:port`, `[v6]:port`), or null when it is malformed. */
function hostnameOf(hostHeader: string): string | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(hostHeader.trim());
  return m ? (m[1] ?? null) : null;
}

function loopbackOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

export function localOnly() {
  return (req: Request, _res: Response, next: NextFunction) => {
    const host = hostnameOf(req.get('host') ?? '');
    const origin = req.get('origin');
    const site = req.get('sec-fetch-site');
    if (!host || !isLoopbackHost(host))
      return next(new AppError('NOT_FOUND', 'the preview answers only on 127.0.0.1 or localhost'));
    if ((origin !== undefined && !loopbackOrigin(origin)) || site === 'cross-site')
      return next(new AppError('NOT_FOUND', 'the preview answers only pages from 127.0.0.1 or localhost'));
    next();
  };
}
