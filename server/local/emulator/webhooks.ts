/**
 * Workflow webhooks: what our Deluge workflow function sends when a record is created or updated.
 *
 * CONTRACT (binding; the service's `POST /hooks/zoho` and the Deluge function implement the same):
 *   POST <url>
 *   Content-Type: application/json
 *   X-Timestamp: <unix seconds>
 *   X-Signature: <lowercase hex HMAC-SHA256 with the secret over "<X-Timestamp>.<raw body>">
 *   body: { "deliveryId": "<Module>:<recordId>:<epoch ms>:<n>", "module": "Tasks", "recordId": "<id>",
 *           "operation": "create" | "update", "accountId": "<id>" | "",
 *           "modifiedTime": "<record Modified_Time, ISO 8601 with offset>" }
 *   accountId: Accounts → its own id; Contacts, Deals → Account_Name.id; Tasks/Events/Calls → What_Id.id
 *   when $se_module is Accounts, the linked Deal's Account_Name.id when Deals, else "" (the Deluge
 *   puts ifnull(accountId, "") — a null map value may not survive toString(); the service also takes null);
 *   Account_Plans → Account.id.
 *
 * Fired for REST writes of those modules unless the body's `trigger` array lacks "workflow" (omitting
 * `trigger` fires it, as Zoho's REST API runs workflows by default). Sent after the write is answered.
 */
import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { Org } from './org';
import type { RecordData } from './store/record-store';
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

const idOf = (v: unknown): string | null => {
  const id = (v as { id?: unknown } | null | undefined)?.id;
  return id === undefined || id === null ? null : String(id);
};

export class WebhookService {
  private registrations: WebhookRegistration[] = [];
  private deliveries: Delivery[] = [];
  private pending = new Set<Promise<void>>();
  private seq = 0;

  constructor(
    private readonly org: Org,
    private readonly log: Logger,
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

  private modules(): Set<string> {
    const m = this.org.config.fields.modules;
    return new Set([m.accounts, m.contacts, m.deals, m.tasks, m.events, m.calls, m.accountPlans]);
  }

  accountIdOf(module: string, data: RecordData): string | null {
    const f = this.org.config.fields;
    const m = f.modules;
    if (module === m.accounts) return String(data.id);
    if (module === m.contacts) return idOf(data[f.contact.account]);
    if (module === m.deals) return idOf(data[f.deal.account]);
    if (module === m.accountPlans) return idOf(data[f.plan.account]);
    const what = idOf(data[f.activity.what]);
    if (!what) return null;
    if (data.$se_module === m.accounts) return what;
    if (data.$se_module === m.deals) return idOf(this.org.store.get(what)?.data[f.deal.account]);
    return null;
  }

  /** Queue deliveries for the records a write created or updated. */
  dispatch(written: readonly Written[], answered: Promise<void> = Promise.resolve()): void {
    if (this.registrations.length === 0) return;
    const modules = this.modules();
    for (const w of written) {
      if (!modules.has(w.module)) continue;
      for (const reg of this.registrations) {
        const p = answered.then(() => this.deliver(reg, w)).finally(() => this.pending.delete(p));
        this.pending.add(p);
      }
    }
  }

  private async deliver(reg: WebhookRegistration, w: Written): Promise<void> {
    const now = this.org.now();
    this.seq += 1;
    const payload = {
      deliveryId: `${w.module}:${w.record.id}:${now}:${this.seq}`,
      module: w.module,
      recordId: w.record.id,
      operation: w.operation,
      accountId: this.accountIdOf(w.module, w.record.data) ?? '',
      modifiedTime: String(w.record.data.Modified_Time),
    };
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(now / 1000));
    const entry: Delivery = {
      deliveryId: payload.deliveryId,
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
      this.log.warn({ url: reg.url, deliveryId: payload.deliveryId, err: e }, 'webhook delivery failed');
    }
  }
}
