/**
 * Everything a route of the emulator needs, built once per running emulator.
 */
import type { Logger } from 'pino';
import type { CreditMeter } from './credits';
import type { FaultRegistry } from './faults';
import type { TokenService } from './http/oauth';
import type { Org } from './org';
import type { CrmFunction } from './plugins';
import type { WebhookService } from './webhooks';
import type { WriteLog } from './write-log';

export interface EmulatorContext {
  org: Org;
  credits: CreditMeter;
  faults: FaultRegistry;
  webhooks: WebhookService;
  /** Records written through the API, per id (tests: no value written twice). */
  writes: WriteLog;
  tokens: TokenService;
  log: Logger;
  concurrency: number;
  /** `http://127.0.0.1:<port>` once listening; the token endpoint returns it as `api_domain`. */
  apiDomain(): string;
  /** API names of the CRM functions installed as REST API functions (routes/functions.ts). */
  functions: Set<string>;
  /** What each function the plug-ins brought does; only installed ones answer. */
  functionImpls: ReadonlyMap<string, CrmFunction>;
  /** Zoho's limits for a CRM function: answer ≤ 10 MB, run ≤ 1 minute (Deluge limits page). */
  functionLimits: { maxBytes: number; maxMs: number };
  /** Timers and held requests of timeout faults, released on close. */
  held: Set<() => void>;
}
