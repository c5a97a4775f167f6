/**
 * The one path every Zoho call takes (DESIGN §8): a concurrency cap, a fresh token, backoff on 429
 * and 5xx and timeouts, one refresh-and-retry on an expired token, a stop when the configured share
 * of the daily credit budget is spent, and a meter of credits and calls.
 */
import type { Logger } from 'pino';
import { AppError } from '../errors';
import type { ZohoFailure } from './map-error';
import type { TokenManager } from './token-manager';

export type Outcome<T> =
  | { ok: true; value: T; creditsRemaining?: number | null }
  | { ok: false; failure: ZohoFailure; creditsRemaining?: number | null };

export interface CallSpec {
  /** For logs and the meter, e.g. `coql Tasks` or `update Accounts`. */
  label: string;
  kind: 'read' | 'write';
  /** Credits the call costs as Zoho counts them. */
  credits: number;
  /**
   * False for a call that must not run twice (an insert): after a timeout or a 5xx Zoho may have
   * done it, so it is not retried blindly — only a 429 (refused before any work) is. The caller
   * checks what happened instead (the stage history looks its records up by name).
   */
  idempotent?: boolean;
}

export interface BudgetGuard {
  /** Credits spent in the last 24 hours (ours, as recorded). */
  spentLast24h(): number;
  record(kind: 'read' | 'write', credits: number): void;
  /** The most the service may spend in 24 hours. */
  limit: number;
}

export interface CallPathOptions {
  concurrency: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface CallMeter {
  calls: number;
  retries: number;
  creditsRead: number;
  creditsWrite: number;
  failures: Record<string, number>;
  tokenRefreshes: number;
}

export class CallPath {
  readonly meter: CallMeter = {
    calls: 0,
    retries: 0,
    creditsRead: 0,
    creditsWrite: 0,
    failures: {},
    tokenRefreshes: 0,
  };
  /** The last X-API-CREDITS-REMAINING Zoho reported (it sends it once half the window is used). */
  creditsRemaining: number | null = null;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly tokens: TokenManager,
    private readonly budget: BudgetGuard,
    private readonly log: Logger,
    private readonly options: CallPathOptions,
  ) {}

  async run<T>(spec: CallSpec, call: (accessToken: string) => Promise<Outcome<T>>): Promise<T> {
    await this.acquire();
    try {
      return await this.attempt(spec, call);
    } finally {
      this.release();
    }
  }

  private async attempt<T>(spec: CallSpec, call: (accessToken: string) => Promise<Outcome<T>>): Promise<T> {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      this.checkBudget(spec);
      const token = await this.tokens.accessToken();
      this.meter.calls++;
      const outcome = await call(token);
      if (outcome.creditsRemaining != null) this.creditsRemaining = outcome.creditsRemaining;
      if (outcome.ok) {
        this.budget.record(spec.kind, spec.credits);
        if (spec.kind === 'read') this.meter.creditsRead += spec.credits;
        else this.meter.creditsWrite += spec.credits;
        return outcome.value;
      }
      const f = outcome.failure;
      this.meter.failures[f.code] = (this.meter.failures[f.code] ?? 0) + 1;
      if (f.kind === 'token_expired' && !refreshed) {
        refreshed = true;
        this.tokens.invalidate(token);
        this.meter.tokenRefreshes++;
        this.log.info({ call: spec.label, code: f.code }, 'access token rejected; refreshing once');
        continue;
      }
      const safeToRepeat = spec.idempotent !== false || f.status === 429;
      if (f.kind === 'temporary' && safeToRepeat && attempt < this.options.maxAttempts) {
        const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
        const jittered = Math.round(delay / 2 + Math.random() * (delay / 2));
        this.meter.retries++;
        this.log.warn(
          { call: spec.label, code: f.code, status: f.status, attempt, retryInMs: jittered },
          'temporary Zoho failure; backing off',
        );
        await (this.options.sleep ?? sleep)(jittered);
        continue;
      }
      throw toAppError(spec, f, attempt);
    }
  }

  private checkBudget(spec: CallSpec): void {
    const spent = this.budget.spentLast24h();
    if (this.creditsRemaining !== null && this.creditsRemaining <= spec.credits) {
      throw new AppError(
        'ZOHO_BUDGET',
        `Zoho reports ${this.creditsRemaining} API credits left for the 24-hour window; stopping before "${spec.label}"`,
      );
    }
    if (spent + spec.credits > this.budget.limit) {
      throw new AppError(
        'ZOHO_BUDGET',
        `the service's share of the daily Zoho credits is spent (${spent} of ${this.budget.limit} in the last 24 h); "${spec.label}" waits for the window`,
      );
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

function toAppError(spec: CallSpec, f: ZohoFailure, attempts: number): AppError {
  const where = `${spec.label}: ${f.code}${f.status ? ` (HTTP ${f.status})` : ''}: ${f.message}`;
  switch (f.kind) {
    case 'auth':
    case 'token_expired':
      return new AppError(
        'ZOHO_AUTH',
        `Zoho refused our credentials — ${where}. Check the OAuth client, refresh token and scopes.`,
      );
    case 'budget':
      return new AppError('ZOHO_BUDGET', `Zoho's daily API credits are spent — ${where}`);
    case 'temporary':
      return new AppError('ZOHO_TEMPORARY', `Zoho kept failing after ${attempts} attempts — ${where}`);
    case 'rejected':
      return new AppError('ZOHO_REJECTED', `Zoho rejected the request — ${where}`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
