/**
 * `POST /crm/v6/functions/{name}/actions/execute` — CRM functions enabled as REST API functions, here
 * the one the product installs: `esm_read_batch` (config/deluge/esm_read_batch.deluge). It does what
 * that Deluge does: check the `requests` argument (shared/crm-read/read-batch.ts), then make each read
 * as an `invokeurl` to the CRM API — here a loopback HTTP call to this emulator, so every read passes
 * the same gates, faults and credit meter as a direct one — and return the pages as a JSON string in
 * Zoho's function envelope `{ code: "success", details: { output, output_type, id }, message }`.
 *
 * The execution itself is charged 1 credit (an assumption: Zoho meters REST API function calls as API
 * calls); the reads inside are charged as themselves. Functions can be uninstalled through
 * `/__emulator/functions` to test a widget in an org without them.
 */
import type { Request, Router } from 'express';
import {
  READ_BATCH_FUNCTION,
  parseReadBatch,
  type ReadRequest,
  type ReadResult,
} from '../../../../shared/crm-read/read-batch';
import type { EmulatorContext } from '../context';
import { charge, jsonBody, queryString, route } from '../http/api';
import { parseFormBody } from '../http/form';
import { ZohoError, errors } from '../http/zoho-error';

export const EMULATED_FUNCTIONS = [READ_BATCH_FUNCTION] as const;

export function mountFunctions(router: Router, ctx: EmulatorContext): void {
  router
    .route('/crm/v6/functions/:name/actions/execute')
    .post(
      route('POST /crm/v6/functions/{name}/actions/execute', 'read', async (req, res) => {
        const name = String(req.params.name);
        if (!ctx.functions.has(name))
          throw new ZohoError(
            400,
            'INVALID_DATA',
            'the function does not exist or is not a REST API function',
            {
              api_name: name,
            },
          );
        charge(ctx, res, 1);
        const args = functionArguments(req);
        const parsed = parseReadBatch(args.requests, [
          ...Object.values(ctx.org.config.fields.modules),
          // the potential map's subform module: the manager's whitespace heat map reads its rows
          ctx.org.config.fields.plan.potentialMap,
        ]);
        if (!parsed.ok) throw errors.invalidParam('arguments', { reason: `requests: ${parsed.message}` });
        const results: ReadResult[] = [];
        const started = performance.now();
        // Deluge runs statement by statement: one read after the other.
        for (const r of parsed.requests) results.push(await invokeRead(ctx, req, r));
        const output = JSON.stringify({ results });
        // Zoho's Deluge limits for CRM functions: "Execution Time … 1 minute", "Response Limit … 10 MB".
        // How Zoho answers a function over them is not documented: here 400 with the limit named.
        const { maxBytes, maxMs } = ctx.functionLimits;
        if (Buffer.byteLength(output) > maxBytes)
          throw new ZohoError(400, 'LIMIT_EXCEEDED', 'the function answer is larger than 10 MB', {
            api_name: name,
            limit_bytes: maxBytes,
          });
        if (performance.now() - started > maxMs)
          throw new ZohoError(400, 'LIMIT_EXCEEDED', 'the function ran longer than 1 minute', {
            api_name: name,
            limit_ms: maxMs,
          });
        res.json({
          code: 'success',
          details: {
            output,
            output_type: 'string',
            id: ctx.org.users.current()?.id ?? null,
          },
          message: 'function executed successfully',
        });
      }),
    )
    .all(() => {
      throw errors.invalidMethod();
    });
}

/** `arguments` as a JSON body member, a form field or a query parameter: a JSON object of strings. */
function functionArguments(req: Request): Record<string, unknown> {
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  let value: unknown = queryString(req, 'arguments');
  if (raw.trim() !== '') {
    const type = req.get('content-type');
    value =
      ((type ?? '').toLowerCase().startsWith('application/json')
        ? jsonBody(req).arguments
        : parseFormBody(type, req.body as Buffer).arguments) ?? value;
  }
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw errors.invalidParam('arguments', { expected_data_type: 'jsonobject' });
    }
  }
  if (value == null || typeof value !== 'object' || Array.isArray(value))
    throw errors.invalidParam('arguments', { expected_data_type: 'jsonobject' });
  return value as Record<string, unknown>;
}

/** One read as the Deluge `invokeurl` makes it: over HTTP, with the caller's authorisation. */
async function invokeRead(ctx: EmulatorContext, req: Request, r: ReadRequest): Promise<ReadResult> {
  const base = ctx.apiDomain();
  const auth = req.get('authorization') ?? '';
  const reply =
    'coql' in r
      ? await fetch(`${base}/crm/v6/coql`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({ select_query: r.coql }),
        })
      : await fetch(
          `${base}/crm/v6/${r.module}/search?${new URLSearchParams({
            criteria: r.criteria,
            page: String(r.page),
            per_page: '200',
          }).toString()}`,
          { headers: { authorization: auth } },
        );
  if (reply.status === 204) return { data: [], more: false };
  const body = (await reply.json().catch(() => ({}))) as Record<string, unknown>;
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
