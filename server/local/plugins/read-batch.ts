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
        // Deluge runs statement by statement: one read after the other. Each result is its JSON
        // text: a page of rows is passed on as the CRM wrote it (the same output as
        // `JSON.stringify({ results })`, without parsing and writing 2,000 rows again).
        const results: string[] = [];
        for (const r of parsed.requests) results.push(await invokeRead(invoke, r));
        return `{"results":[${results.join(',')}]}`;
      },
    },
  };
}

/**
 * A 200 answer's `data` and `more_records` as JSON text, when the answer is the CRM's own
 * `{"data":[…],"info":{…}}` (its `info` last): the rows are sliced out, only `info` is parsed.
 * Null for anything else (the caller parses the answer).
 */
function pageText(text: string): string | null {
  if (!text.startsWith('{"data":[') || !text.endsWith('}}')) return null;
  const at = text.lastIndexOf(',"info":{');
  if (at < 0) return null;
  let info: unknown;
  try {
    info = JSON.parse(text.slice(at + ',"info":'.length, -1));
  } catch {
    return null;
  }
  const keys = info !== null && typeof info === 'object' ? Object.keys(info) : [];
  if (!keys.every((k) => k === 'count' || k === 'more_records')) return null;
  const more = (info as { more_records?: unknown }).more_records === true;
  return `{"data":${text.slice('{"data":'.length, at)},"more":${String(more)}}`;
}

async function invokeRead(invoke: InvokeUrl, r: ReadRequest): Promise<string> {
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
  if (reply.status === 200 && 'coql' in r) {
    const page = pageText(reply.text);
    if (page !== null) return page;
  }
  return JSON.stringify(readResult(reply));
}

function readResult(reply: { status: number; json: unknown }): ReadResult {
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
