/**
 * The Zoho SDK's per-record and per-call costs the sync does not need (issue 14); the wraps are
 * installed once by `initZohoSdk`:
 *
 * - **Read pages as Zoho's JSON.** The SDK turns every answer into its model classes, and for each
 *   record — each lookup inside it too — re-reads and re-parses its field-details file: most of a
 *   sync's CPU. The gateway wants Zoho's JSON anyway (DESIGN §3), so for the two answers the sync
 *   reads (COQL and GET records) the SDK's JSON step (`JSONConverter.getWrappedResponse`) hands back
 *   the parsed body as a `RawJson` instead of building objects. The request, the OAuth token and its
 *   refresh, headers and timeouts stay the SDK's. Our own reads of field metadata and users are read
 *   raw too (`readRaw` marks their parameters): the SDK builds an object, and requires a module, for
 *   every field, picklist value and user in them — a tenth of a small sync's CPU. So are the answers
 *   to our record writes (`readRaw` marks their headers): the SDK matched each result against its
 *   answer classes by key similarity and built an object per result and per detail. The SDK's own
 *   metadata reads (before a write) are decoded by the SDK as before, and so is every write's
 *   request: the SDK types the values it sends.
 * - **Parse the field-details file once**, not once per record and lookup the SDK converts (writes):
 *   `Initializer.getJSON` answers from memory while the file's size and modification time are
 *   unchanged; the SDK rewrites the file when it learns a module's fields, and then it is read again.
 * - **Find a value's class description once per class** when writing: the SDK's
 *   `keyINJSONDetails(className)` walks every class it describes (splitting and lower-casing each
 *   name) for every picklist, lookup and owner value of every record it writes — a quarter of a first
 *   sync's CPU at 10,000 accounts. Its answer depends on the class name and the SDK's class table
 *   only, so it is kept per name while that table is the same object.
 * - **GET records without the SDK's field metadata.** Before each GET records call the SDK's
 *   `RecordOperations.getRecords` makes sure it holds the module's field details (`Utility.getFields`):
 *   on a module's first read in a resource folder it fetches them — 1 credit per module, and the
 *   SDK builds an object, and requires a module, per field. It needs them only to build record
 *   objects, which a raw read never does: `getRecordsRaw` makes the same request without that step.
 *   Writes still go through `RecordOperations` (the SDK types the values it sends by those details).
 *
 * - **Resolve the SDK's model classes once.** For every object it converts — each record it writes,
 *   each record in a write's answer, each lookup and picklist value in them — the SDK requires the
 *   class by path (`require("../../" + pack)`, json_converter.js and converter.js). Node keeps a
 *   require's resolution (per requiring directory and request) only when that require loaded the
 *   module, and another SDK file loaded these first: each resolves the path again, package.json
 *   lookups and tsx's resolver on top — ≈ 8 % of a first sync's CPU at 1,000 accounts
 *   (`cacheRequires`).
 *
 * No AsyncLocalStorage: it would put a hook on every promise the SDK makes. `test/zoho/sdk-raw.test.ts`
 * pins the SDK release and the code these wrap.
 */
import { statSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import type * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-6.0';
import { Initializer } from '@zohocrm/typescript-sdk-6.0/dist/routes/initializer';
import { CommonAPIHandler } from '@zohocrm/typescript-sdk-6.0/dist/routes/middlewares/common_api_handler';
import { Constants } from '@zohocrm/typescript-sdk-6.0/dist/utils/util/constants';
import { JSONConverter } from '@zohocrm/typescript-sdk-6.0/dist/utils/util/json_converter';

/** The SDK release whose code these wraps and `getRecordsRaw` were written against. */
export const RAW_READ_SDK_VERSION = '3.0.0';

/** The answers read raw, by the package the SDK names their response handler with. */
const RAW_ANSWERS = new Set([
  'core/com/zoho/crm/api/coql/response_handler',
  'core/com/zoho/crm/api/record/response_handler',
]);

/** An answer's body, parsed (null when empty), in place of the SDK's objects. */
export class RawJson {
  constructor(readonly json: unknown) {}
}

/** Requests whose answers are read raw whatever their kind, by the ParameterMap or HeaderMap they were given. */
const rawRequests = new WeakSet<object>();

/**
 * Mark a request's parameters (or, for a call that takes none, such as a record write, its headers)
 * so its answer is read raw (`rawJsonOf`) — for our own calls only: the SDK makes the same kinds of
 * calls itself (field metadata before a write) and needs its objects.
 */
export function readRaw<T extends object>(params: T): T {
  rawRequests.add(params);
  return params;
}

/** Whether the request a converter decodes the answer of (the SDK's CommonAPIHandler) was marked `readRaw`. */
function markedRaw(converter: unknown): boolean {
  const request = (converter as { commonAPIHandler?: { param?: unknown; headers?: unknown } })
    .commonAPIHandler;
  return [request?.param, request?.headers].some(
    (m) => typeof m === 'object' && m !== null && rawRequests.has(m),
  );
}

let installed = false;
/** > 0 while `withSdkObjects` runs: raw answers are decoded by the SDK (tests compare the two). */
let sdkObjects = 0;

export function installRawReader(): void {
  if (installed) return;
  const proto = JSONConverter.prototype;
  const decode = proto.getWrappedResponse;
  proto.getWrappedResponse = function (
    this: JSONConverter,
    response: { body?: string | Buffer | null },
    pack: string,
  ): Promise<object | null> {
    if (sdkObjects > 0) return decode.call(this, response, pack);
    if (!RAW_ANSWERS.has(pack) && !markedRaw(this)) return decode.call(this, response, pack);
    const body = response.body ?? '';
    return Promise.resolve(new RawJson(body.length === 0 ? null : (JSON.parse(String(body)) as unknown)));
  };
  const readJson = Initializer.getJSON.bind(Initializer);
  const kept = new Map<string, { version: string; json: unknown }>();
  Initializer.getJSON = (filePath: string): unknown => {
    const st = statSync(filePath, { throwIfNoEntry: false });
    if (!st) return readJson(filePath);
    const version = `${st.size}:${st.mtimeMs}`;
    const hit = kept.get(filePath);
    if (hit?.version === version) return hit.json;
    const json = readJson(filePath) as unknown;
    kept.set(filePath, { version, json });
    return json;
  };
  const findClass = (proto as unknown as ClassFinder).keyINJSONDetails;
  const classes = new Map<string, string | null>();
  let table: unknown = null;
  (proto as unknown as ClassFinder).keyINJSONDetails = async function (
    this: JSONConverter,
    className: string,
  ) {
    if (Initializer.jsonDetails !== table) {
      classes.clear();
      table = Initializer.jsonDetails;
    }
    const hit = classes.get(className);
    if (hit !== undefined) return hit;
    const key = await findClass.call(this, className);
    classes.set(className, key);
    return key;
  };
  cacheRequires(path.dirname(require.resolve('@zohocrm/typescript-sdk-6.0/package.json')));
  installed = true;
}

/** Node's module loader as `cacheRequires` uses it (node:module's documented `_cache` aside, internal). */
interface Loader {
  _resolveFilename(request: string, parent: Module): string;
  _cache: Record<string, Module | undefined>;
}

/**
 * Relative requires made by the files under `root`, resolved once per requiring directory and
 * request: later ones answer the loaded module's exports from Node's module cache, as Node's own
 * per-file shortcut does — a module still loading (a require cycle) or dropped from the cache goes
 * through Node's require again. Returns the function that takes the wrap off (tests).
 */
export function cacheRequires(root: string): () => void {
  const loader = Module as unknown as Loader;
  const proto = Module.prototype as Module & { require(id: string): unknown };
  const load = proto.require;
  const inside = root.endsWith(path.sep) ? root : root + path.sep;
  const resolved = new Map<string, string>();
  proto.require = function (this: Module, id: string): unknown {
    if (!id.startsWith('.') || !this.filename?.startsWith(inside)) return load.call(this, id);
    const key = `${this.path}\0${id}`;
    const file = resolved.get(key);
    const kept = file === undefined ? undefined : loader._cache[file];
    if (kept?.loaded) return kept.exports;
    const exports = load.call(this, id);
    if (file === undefined) resolved.set(key, loader._resolveFilename(id, this));
    return exports;
  };
  return () => {
    proto.require = load;
  };
}

/** The SDK's private class-table lookup (json_converter.js), which `installRawReader` keeps answers of. */
interface ClassFinder {
  keyINJSONDetails(this: JSONConverter, className: string): Promise<string | null>;
}

/**
 * An SDK answer's body as parsed JSON (null when empty). `decoded` is false when the answer was not
 * JSON (e.g. 304 Not Modified).
 */
export function rawJsonOf(res: { getObject(): unknown }): { decoded: boolean; json: unknown } {
  const obj = res.getObject();
  return obj instanceof RawJson ? { decoded: true, json: obj.json } : { decoded: false, json: null };
}

/** Run an SDK call with its answers decoded into the SDK's objects (for comparing the two). */
export async function withSdkObjects<T>(call: () => Promise<T>): Promise<T> {
  sdkObjects++;
  try {
    return await call();
  } finally {
    sdkObjects--;
  }
}

/** The SDK's answer class for GET records (its path names the answer's package, see `RAW_ANSWERS`). */
const RECORD_ANSWER =
  require.resolve('@zohocrm/typescript-sdk-6.0/dist/core/com/zoho/crm/api/record/response_handler');

/**
 * GET /crm/v6/{module}: the request `RecordOperations.getRecords` makes — path, method, parameters,
 * headers, the SDK's OAuth and HTTP — without its field-metadata step (see the top of this file).
 * The answer is read raw (`rawJsonOf`).
 */
export function getRecordsRaw(
  module: string,
  params: ZOHOCRMSDK.ParameterMap,
  headers: ZOHOCRMSDK.HeaderMap,
): Promise<ZOHOCRMSDK.APIResponse<unknown>> {
  const handler = new CommonAPIHandler();
  handler.setAPIPath(`/crm/v6/${module}`);
  handler.setHttpMethod(Constants.REQUEST_METHOD_GET);
  handler.setCategoryMethod(Constants.REQUEST_CATEGORY_READ);
  handler.setParam(params);
  handler.setHeader(headers);
  handler.setModuleAPIName(module);
  return handler.apiCall(RECORD_ANSWER, 'application/json');
}
