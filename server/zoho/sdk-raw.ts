/**
 * Read pages as Zoho's JSON, not as SDK objects (issue 14). The SDK turns every answer into its
 * model classes, and for each record — each lookup inside it too — re-reads and re-parses its
 * field-details file from disk (`Initializer.getJSON`): most of a sync's CPU. The gateway wants
 * Zoho's JSON anyway (DESIGN §3), so the SDK's own JSON decoding step (`JSONConverter
 * .getWrappedResponse`) is wrapped once: inside `readRawJson`, it parses the body and hands it back
 * untouched instead of building objects. Everything else — the request, the OAuth token and its
 * refresh, headers, timeouts — stays the SDK's; outside `readRawJson` (writes, users, fields)
 * nothing changes. `test/zoho/sdk-raw.test.ts` pins the SDK version this wraps.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { JSONConverter } from '@zohocrm/typescript-sdk-6.0/dist/utils/util/json_converter';

/** The SDK release whose `getWrappedResponse` (`JSON.parse(response.body)`, then objects) is wrapped. */
export const RAW_READ_SDK_VERSION = '3.0.0';

/** The answers read raw: the SDK names each by its response handler's package. */
export type RawAnswer = 'coql/response_handler' | 'record/response_handler';

interface RawSlot {
  /** Only this answer is taken raw: the SDK makes other calls on the way (its own field metadata). */
  pack: string;
  decoded: boolean;
  json: unknown;
}

const slots = new AsyncLocalStorage<RawSlot>();
let installed = false;

/** Wrap the SDK's JSON decoding once per process (idempotent). */
export function installRawReader(): void {
  if (installed) return;
  const proto = JSONConverter.prototype;
  const decode = proto.getWrappedResponse;
  proto.getWrappedResponse = function (
    this: JSONConverter,
    response: { body?: string | Buffer | null },
    pack: string,
  ): Promise<object | null> {
    const slot = slots.getStore();
    if (!slot || pack !== slot.pack) return decode.call(this, response, pack);
    slot.decoded = true;
    const body = response.body ?? '';
    slot.json = body.length === 0 ? null : (JSON.parse(String(body)) as unknown);
    return Promise.resolve(null);
  };
  installed = true;
}

/**
 * Run one SDK call and take its answer's body (the `answer` response handler's) as parsed JSON
 * (null when empty). `decoded` is false when the SDK never reached its JSON step (a non-JSON
 * answer, e.g. 304 Not Modified).
 */
export async function readRawJson<T>(
  answer: RawAnswer,
  call: () => Promise<T>,
): Promise<{ res: T; decoded: boolean; json: unknown }> {
  installRawReader();
  const slot: RawSlot = { pack: `core/com/zoho/crm/api/${answer}`, decoded: false, json: null };
  const res = await slots.run(slot, call);
  return { res, decoded: slot.decoded, json: slot.json };
}
