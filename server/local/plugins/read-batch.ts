/**
 * The product's CRM function `esm_read_batch` (config/deluge/esm_read_batch.deluge) as an emulator
 * plug-in: it does what that Deluge does — check the `requests` argument (shared/crm-read/read-batch.ts)
 * against the config's modules, then make each read as an `invokeurl` to the CRM API, one after the
 * other — and returns `{ results }` as a JSON string.
 */
import {
  READ_BATCH_FUNCTION,
  parseReadBatch,
  type ReadRequest,
  type ReadResult,
} from '../../../shared/crm-read/read-batch';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import { FunctionArgumentError, type CrmFunction, type InvokeUrl } from '../emulator/plugins';

export function readBatchFunction(config: SalesProcessConfig): Record<string, CrmFunction> {
  return {
    [READ_BATCH_FUNCTION]: {
      async run(args, invoke) {
        const parsed = parseReadBatch(args.requests, Object.values(config.fields.modules));
        if (!parsed.ok) throw new FunctionArgumentError(`requests: ${parsed.message}`);
        const results: ReadResult[] = [];
        // Deluge runs statement by statement: one read after the other.
        for (const r of parsed.requests) results.push(await invokeRead(invoke, r));
        return JSON.stringify({ results });
      },
    },
  };
}

async function invokeRead(invoke: InvokeUrl, r: ReadRequest): Promise<ReadResult> {
  const reply =
    'coql' in r
      ? await invoke('POST', '/crm/v6/coql', { select_query: r.coql })
      : await invoke(
          'GET',
          `/crm/v6/${r.module}/search?${new URLSearchParams({
            criteria: r.criteria,
            page: String(r.page),
            per_page: '200',
          }).toString()}`,
        );
  if (reply.status === 204) return { data: [], more: false };
  const body = (reply.json ?? {}) as Record<string, unknown>;
  if (reply.status === 200) {
    const data = Array.isArray(body.data) ? (body.data as Record<string, unknown>[]) : [];
    const info = (body.info ?? {}) as { more_records?: unknown };
    return { data, more: info.more_records === true };
  }
  const err = (Array.isArray(body.data) ? body.data[0] : body) as Record<string, unknown> | undefined;
  return {
    error: {
      code: typeof err?.code === 'string' ? err.code : `HTTP_${reply.status}`,
      message: typeof err?.message === 'string' ? err.message : '',
    },
  };
}
