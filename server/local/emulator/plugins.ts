/**
 * What the generic emulator lets a product add, the way a Zoho org is customised: settings of the
 * org, CRM functions installed as REST API functions, a workflow rule whose action calls a webhook,
 * and an admin's customisation of a fresh org. The emulator itself knows Zoho only; plug-ins are
 * handed in by whoever starts it (`startEmulator({ plugins })`, server/local/plugins/ for ours).
 */
import type { Org } from './org';
import type { RecordData } from './store/record-store';

/** Settings of the emulated org (Zoho: Setup › Company Details and the Tasks module's statuses). */
export interface OrgSettings {
  /** The org's time zone as an offset like `+09:00`: datetimes are stored and answered in it. */
  utcOffset: string;
  /** ISO 4217 code of the org's home currency (`GET /org`). */
  currency: string;
  /** Task statuses that close a task: Zoho stamps Closed_Time when a task gets one. */
  closedTaskStatuses: readonly string[];
}

/** A Japanese org with Zoho's default task statuses. */
export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  utcOffset: '+09:00',
  currency: 'JPY',
  closedTaskStatuses: ['Completed'],
};

/**
 * A call to this org's API as a Deluge `invokeurl` makes it: over HTTP with the caller's
 * authorisation, so it passes the same gates, faults and credit meter as a direct call.
 * `json` is the parsed answer (null when empty or not JSON), parsed when first read; `text` the
 * answer as it came (a plug-in that only passes rows on can splice it instead of parsing it).
 */
export type InvokeUrl = (
  method: 'GET' | 'POST',
  pathAndQuery: string,
  body?: unknown,
) => Promise<{ status: number; readonly json: unknown; text: string }>;

/** A refused `arguments` value: the function answers 400 INVALID_DATA naming `arguments`. */
export class FunctionArgumentError extends Error {}

/** A CRM function installed as a REST API function (`POST /crm/v6/functions/{name}/actions/execute`). */
export interface CrmFunction {
  /** Runs with the call's `arguments` object; resolves to the function's output string. */
  run(args: Record<string, unknown>, invoke: InvokeUrl): Promise<string>;
}

/** A record created or updated through the API, as a workflow rule sees it. */
export interface WorkflowEvent {
  module: string;
  recordId: string;
  operation: 'create' | 'update';
  record: RecordData;
  /** The org's clock (epoch ms) and a per-emulator sequence number, for ids of deliveries. */
  now: number;
  seq: number;
}

/**
 * A workflow rule on record create/edit whose action posts a JSON body to every webhook registered
 * at `/__emulator/webhooks` (signed with the registration's secret, see webhooks.ts).
 */
export interface WorkflowRule {
  /** The modules whose REST writes fire it. */
  modules(org: Org): readonly string[];
  /** The body the rule's action sends. A string `deliveryId` member names the delivery in the log. */
  payload(event: WorkflowEvent, org: Org): Record<string, unknown>;
}

export interface EmulatorPlugin {
  name: string;
  /** CRM functions by API name; all are installed at start and after a reset. */
  functions?: Record<string, CrmFunction>;
  workflow?: WorkflowRule;
  /**
   * What an admin does to a fresh org before anyone uses it (custom fields, layouts). Runs at every
   * start (so it must find its work done on a kept store) and after `/__emulator/reset`.
   */
  prepare?(org: Org): void;
}
