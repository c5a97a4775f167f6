/**
 * Workflow webhooks: a workflow rule on record create/edit (a plug-in's `WorkflowRule`, e.g. the
 * product's Deluge workflow function) posts a JSON body to every registered URL after the write is
 * answered. Fired for REST writes of the rule's modules unless the body's `trigger` array lacks
 * "workflow" (omitting `trigger` fires it, as Zoho's REST API runs workflows by default). Without a
 * rule (a bare org) nothing is sent.
 *
 * Delivery: POST <url>, Content-Type: application/json, X-Timestamp: <unix seconds>, X-Signature:
 * lowercase hex HMAC-SHA256 with the registration's secret over "<X-Timestamp>.<raw body>".
 */
import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { Org } from './org';
import type { WorkflowRule } from './plugins';
import type { Written } from './records/write';

export interface WebhookRegistration {
  url: string;
  secret: string;
}

export interface Delivery {
  deliveryId: string;
  url: string;
  module: string;
  recordId: string;
  operation: 'create' | 'update';
  status: number | null;
  error?: string;
  at: string;
}

const MAX_DELIVERIES = 500;

export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

export class WebhookService {
  private registrations: WebhookRegistration[] = [];
  private deliveries: Delivery[] = [];
  private pending = new Set<Promise<void>>();
  private seq = 0;

  constructor(
    private readonly org: Org,
    private readonly log: Logger,
    private readonly rules: readonly WorkflowRule[] = [],
  ) {}

  register(r: WebhookRegistration): void {
    this.registrations = [...this.registrations.filter((x) => x.url !== r.url), r];
  }

  list(): object {
    return { registrations: this.registrations.map((r) => ({ url: r.url })), deliveries: this.deliveries };
  }

  clear(): void {
    this.registrations = [];
    this.deliveries = [];
  }

  /** Settles when every delivery started so far has been answered (tests await it). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Queue deliveries for the records a write created or updated. */
  dispatch(written: readonly Written[], answered: Promise<void> = Promise.resolve()): void {
    if (this.registrations.length === 0) return;
    for (const rule of this.rules) {
      const modules = new Set(rule.modules(this.org));
      for (const w of written) {
        if (!modules.has(w.module)) continue;
        for (const reg of this.registrations) {
          const p = answered.then(() => this.deliver(reg, rule, w)).finally(() => this.pending.delete(p));
          this.pending.add(p);
        }
      }
    }
  }

  private async deliver(reg: WebhookRegistration, rule: WorkflowRule, w: Written): Promise<void> {
    const now = this.org.now();
    this.seq += 1;
    const payload = rule.payload(
      {
        module: w.module,
        recordId: w.record.id,
        operation: w.operation,
        record: w.record.data,
        now,
        seq: this.seq,
      },
      this.org,
    );
    const deliveryId =
      typeof payload.deliveryId === 'string'
        ? payload.deliveryId
        : `${w.module}:${w.record.id}:${now}:${this.seq}`;
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(now / 1000));
    const entry: Delivery = {
      deliveryId,
      url: reg.url,
      module: w.module,
      recordId: w.record.id,
      operation: w.operation,
      status: null,
      at: new Date(now).toISOString(),
    };
    this.deliveries.push(entry);
    if (this.deliveries.length > MAX_DELIVERIES) this.deliveries.shift();
    try {
      const res = await fetch(reg.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Timestamp': timestamp,
          'X-Signature': signWebhook(reg.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      entry.status = res.status;
      await res.arrayBuffer();
    } catch (e) {
      entry.error = (e as Error).message;
      this.log.warn({ url: reg.url, deliveryId, err: e }, 'webhook delivery failed');
    }
  }
}
