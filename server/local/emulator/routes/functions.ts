/**
 * `POST /crm/v6/functions/{name}/actions/execute` — CRM functions enabled as REST API functions. The
 * functions themselves come from plug-ins (`EmulatorPlugin.functions`; ours: the product's
 * `esm_read_batch`, server/local/plugins/read-batch.ts). A function's reads are `invokeurl` calls to
 * the CRM API — here loopback HTTP calls to this emulator with the caller's authorisation, so every
 * read passes the same gates, faults and credit meter as a direct one. The answer is Zoho's function
 * envelope `{ code: "success", details: { output, output_type, id }, message }`.
 *
 * The execution itself is charged 1 credit (an assumption: Zoho meters REST API function calls as API
 * calls); the reads inside are charged as themselves. Functions can be uninstalled through
 * `/__emulator/functions` to test a client in an org without them.
 */
import type { Request, Router } from 'express';
import type { EmulatorContext } from '../context';
import { charge, jsonBody, queryString, route } from '../http/api';
import { parseFormBody } from '../http/form';
import { ZohoError, errors } from '../http/zoho-error';
import { FunctionArgumentError, type InvokeUrl } from '../plugins';

export function mountFunctions(router: Router, ctx: EmulatorContext): void {
  router
    .route('/crm/v6/functions/:name/actions/execute')
    .post(
      route('POST /crm/v6/functions/{name}/actions/execute', 'read', async (req, res) => {
        const name = String(req.params.name);
        const fn = ctx.functionImpls.get(name);
        if (!ctx.functions.has(name) || !fn)
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
        const started = performance.now();
        let output: string;
        try {
          output = await fn.run(args, invokeUrl(ctx, req));
        } catch (e) {
          if (e instanceof FunctionArgumentError)
            throw errors.invalidParam('arguments', { reason: e.message });
          throw e;
        }
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

/** `invokeurl` to this org's API with the caller's authorisation, over HTTP. */
function invokeUrl(ctx: EmulatorContext, req: Request): InvokeUrl {
  const auth = req.get('authorization') ?? '';
  return async (method, pathAndQuery, body) => {
    const reply = await fetch(`${ctx.apiDomain()}${pathAndQuery}`, {
      method,
      headers: {
        authorization: auth,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await reply.text();
    let parsed: { json: unknown } | null = null;
    return {
      status: reply.status,
      text,
      get json(): unknown {
        if (!parsed) {
          try {
            parsed = { json: text === '' ? null : (JSON.parse(text) as unknown) };
          } catch {
            parsed = { json: null };
          }
        }
        return parsed.json;
      },
    };
  };
}
