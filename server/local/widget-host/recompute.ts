/**
 * What `esm_recompute_now` does in a real org (config/deluge/esm_recompute_now.deluge), played by the
 * preview host: sign `{deliveryId, module: "Accounts", recordId, operation: "recompute", accountId}`
 * with the webhook secret and POST it to the service's `/hooks/zoho`, then answer in Zoho's function
 * envelope. The widget's `CRM.FUNCTIONS.execute("esm_recompute_now", …)` thus reaches the service
 * through the same signed path as in Zoho.
 */
import { sign } from '../../http/webhook';

export const RECOMPUTE_FUNCTION = 'esm_recompute_now';

/** Where the service listens; set once it does (`npm start`, or the e2e server with a service). */
export interface ServiceHook {
  target: { url: string; secret: string } | null;
}

export interface FunctionReply {
  status: number;
  body: unknown;
}

export async function runRecomputeFunction(
  hook: ServiceHook,
  argumentsJson: string,
  now: () => number = Date.now,
): Promise<FunctionReply> {
  const invalid = (message: string): FunctionReply => ({
    status: 400,
    body: { code: 'INVALID_DATA', status: 'error', message, details: { api_name: RECOMPUTE_FUNCTION } },
  });
  if (!hook.target) return invalid('the function does not exist or is not a REST API function');
  let accountId: unknown;
  try {
    accountId = (JSON.parse(argumentsJson) as { accountId?: unknown }).accountId;
  } catch {
    return invalid('arguments is not a JSON object');
  }
  if (typeof accountId !== 'string' || !/^\d{1,30}$/.test(accountId))
    return invalid('accountId must be a record id');
  const millis = String(now());
  const body = JSON.stringify({
    deliveryId: `Accounts:${accountId}:${millis}:widget`,
    module: 'Accounts',
    recordId: accountId,
    operation: 'recompute',
    accountId,
  });
  const timestamp = millis.slice(0, -3);
  const res = await fetch(hook.target.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-timestamp': timestamp,
      'x-signature': sign(hook.target.secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null);
  const output =
    res?.status === 202
      ? '再計算を受け付けました（数秒で反映されます）/ Recompute requested: the account updates in a few seconds.'
      : `再計算を依頼できませんでした / The service did not accept the request: ${res?.status ?? 'no answer'}`;
  return {
    status: 200,
    body: {
      code: 'success',
      details: { output, output_type: 'string', id: null },
      message: 'function executed successfully',
    },
  };
}
