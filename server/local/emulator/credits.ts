/**
 * Zoho's API credits (reliability-and-budget.md §3.1): a rolling 24-hour budget per org, 1 credit per
 * GET/related/search/metadata call, COQL 1/2/3 by LIMIT, insert/update/upsert 1 per 10 records, delete
 * 1; the token endpoint is free. Calls over budget get 429 TOO_MANY_REQUESTS; once half the budget is
 * used, answers carry `X-API-CREDITS-REMAINING` as Zoho's do.
 */
import { errors } from './http/zoho-error';

export type CreditKind = 'read' | 'write';

interface Usage {
  calls: number;
  credits: number;
}

export interface CreditSnapshot {
  creditsPerDay: number;
  usedLast24h: number;
  remaining: number;
  totals: { calls: number; credits: number; readCredits: number; writeCredits: number };
  endpoints: Record<string, Usage>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Insert/update/upsert: 1 credit per 10 records, rounded up. */
export function writeCredits(records: number): number {
  return Math.max(1, Math.ceil(records / 10));
}

export class CreditMeter {
  private window: { ms: number; credits: number }[] = [];
  private endpoints = new Map<string, Usage>();
  private totals = { calls: 0, credits: 0, readCredits: 0, writeCredits: 0 };

  constructor(
    readonly creditsPerDay: number,
    private readonly now: () => number,
  ) {}

  usedLast24h(): number {
    const since = this.now() - DAY_MS;
    while (this.window.length > 0 && (this.window[0] as { ms: number }).ms <= since) this.window.shift();
    return this.window.reduce((sum, e) => sum + e.credits, 0);
  }

  remaining(): number {
    return Math.max(0, this.creditsPerDay - this.usedLast24h());
  }

  /** The value of `X-API-CREDITS-REMAINING`, or null while under half the budget is used. */
  remainingHeader(): number | null {
    return this.usedLast24h() * 2 >= this.creditsPerDay ? this.remaining() : null;
  }

  /** Before routing: a call when nothing is left is refused at once. */
  assertNotExhausted(): void {
    if (this.usedLast24h() >= this.creditsPerDay) throw budgetExceeded();
  }

  /** Charge a call; throws 429 (and charges nothing) when it would exceed the budget. */
  charge(template: string, credits: number, kind: CreditKind): void {
    if (this.usedLast24h() + credits > this.creditsPerDay) throw budgetExceeded();
    this.window.push({ ms: this.now(), credits });
    const u = this.endpoints.get(template) ?? { calls: 0, credits: 0 };
    u.calls += 1;
    u.credits += credits;
    this.endpoints.set(template, u);
    this.totals.calls += 1;
    this.totals.credits += credits;
    if (kind === 'read') this.totals.readCredits += credits;
    else this.totals.writeCredits += credits;
  }

  snapshot(): CreditSnapshot {
    const used = this.usedLast24h();
    return {
      creditsPerDay: this.creditsPerDay,
      usedLast24h: used,
      remaining: Math.max(0, this.creditsPerDay - used),
      totals: { ...this.totals },
      endpoints: Object.fromEntries([...this.endpoints.entries()].sort(([a], [b]) => a.localeCompare(b))),
    };
  }

  reset(): void {
    this.window = [];
    this.endpoints.clear();
    this.totals = { calls: 0, credits: 0, readCredits: 0, writeCredits: 0 };
  }
}

function budgetExceeded() {
  return errors.tooManyRequests('Number of API requests for the 24 hour period is exceeded', {
    reason: 'credits',
  });
}

export function concurrencyExceeded(limit: number) {
  return errors.tooManyRequests('The concurrency limit of the user for the app is exceeded', {
    reason: 'concurrency',
    limit,
  });
}
