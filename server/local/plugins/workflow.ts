/**
 * The product's workflow rule as an emulator plug-in: what our Deluge workflow function sends when a
 * record is created or updated (the emulator signs and delivers it, server/local/emulator/webhooks.ts).
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
 */
import type { SalesProcessConfig } from '../../../shared/config/schema';
import type { WorkflowRule } from '../emulator/plugins';
import type { RecordData } from '../emulator/store/record-store';
import type { Org } from '../emulator/org';

const idOf = (v: unknown): string | null => {
  const id = (v as { id?: unknown } | null | undefined)?.id;
  return id === undefined || id === null ? null : String(id);
};

export function accountIdOf(
  config: SalesProcessConfig,
  org: Org,
  module: string,
  recordId: string,
  data: RecordData,
): string | null {
  const f = config.fields;
  const m = f.modules;
  if (module === m.accounts) return recordId;
  if (module === m.contacts) return idOf(data[f.contact.account]);
  if (module === m.deals) return idOf(data[f.deal.account]);
  if (module === m.accountPlans) return idOf(data[f.plan.account]);
  const what = idOf(data[f.activity.what]);
  if (!what) return null;
  if (data.$se_module === m.accounts) return what;
  if (data.$se_module === m.deals) return idOf(org.store.get(what)?.data[f.deal.account]);
  return null;
}

export function productWorkflow(config: SalesProcessConfig): WorkflowRule {
  const m = config.fields.modules;
  return {
    modules: () => [m.accounts, m.contacts, m.deals, m.tasks, m.events, m.calls, m.accountPlans],
    payload: (e, org) => ({
      deliveryId: `${e.module}:${e.recordId}:${e.now}:${e.seq}`,
      module: e.module,
      recordId: e.recordId,
      operation: e.operation,
      accountId: accountIdOf(config, org, e.module, e.recordId, e.record) ?? '',
      modifiedTime: String(e.record.Modified_Time),
    }),
  };
}
