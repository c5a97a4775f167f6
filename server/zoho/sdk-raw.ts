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
import { statSync } from 'node:fs';
import { Initializer } from '@zohocrm/typescript-sdk-6.0/dist/routes/initializer';
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
/** Field-details files read during one gateway call, by path, size and modification time. */
const fieldDetails = new AsyncLocalStorage<Map<string, unknown>>();
let installed = false;

/**
 * Install both wraps once per process (idempotent; `initZohoSdk` does): the raw JSON step below, and
 * a field-details reader that parses the SDK's file once per gateway call instead of once per record
 * and lookup it converts (`withFieldDetailsCache`; outside one, the SDK's own reader). Kept per call,
 * not per process: the SDK mutates what it reads in places, and rewrites the file — a changed file
 * (size or modification time) is read again.
 */
export function installRawReader(): void {
  if (installed) return;
  const readJson = Initializer.getJSON.bind(Initializer);
  Initializer.getJSON = (filePath: string): unknown => {
    const memo = fieldDetails.getStore();
    if (!memo) return readJson(filePath);
    const st = statSync(filePath, { throwIfNoEntry: false });
    if (!st) return readJson(filePath);
    const key = `${st.size}:${st.mtimeMs}:${filePath}`;
    if (!memo.has(key)) memo.set(key, readJson(filePath));
    return memo.get(key);
  };
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
  const res = await slots.run(slot, () => withFieldDetailsCache(call));
  return { res, decoded: slot.decoded, json: slot.json };
}

/** Run one SDK call (e.g. a write of 100 records) with its field-details file parsed once. */
export function withFieldDetailsCache<T>(call: () => Promise<T>): Promise<T> {
  installRawReader();
  return fieldDetails.run(new Map(), call);
}
