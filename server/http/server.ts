/**
 * The service's HTTP server with explicit limits: a client that sends its headers or body slowly
 * (one byte every few seconds, "slowloris") is cut off after `headersTimeout` / `requestTimeout`
 * instead of Node's 300 s default, idle keep-alive connections close after `keepAliveTimeout`, and
 * the number of open connections is capped.
 */
import http from 'node:http';
import type express from 'express';

export interface HttpLimits {
  /** Whole request (headers and body), ms. */
  requestTimeoutMs: number;
  /** Headers only, ms (≤ requestTimeoutMs). */
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  /** How often Node checks the two timeouts above, ms. */
  checkIntervalMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
  checkIntervalMs: 1_000,
};

export function createHttpServer(app: express.Express, limits: Partial<HttpLimits> = {}): http.Server {
  const l = { ...DEFAULT_HTTP_LIMITS, ...limits };
  const server = http.createServer(
    {
      requestTimeout: l.requestTimeoutMs,
      headersTimeout: Math.min(l.headersTimeoutMs, l.requestTimeoutMs),
      keepAliveTimeout: l.keepAliveTimeoutMs,
      connectionsCheckingInterval: l.checkIntervalMs,
    },
    app,
  );
  server.maxConnections = l.maxConnections;
  return server;
}
