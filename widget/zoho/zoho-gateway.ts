/**
 * The only module that touches Zoho's `ZOHO` global (STYLE 3): PageLoad, record / list / related / COQL /
 * search / users reads, update / insert, resize. Every SDK promise gets a timeout, because the SDK's own
 * timeout is disabled and its promises hang forever outside a CRM frame (zoho-platform §1.2).
 * Vendor replies are mapped to our error codes here, once.
 */
import { toZohoRecord, type ZohoFields, type ZohoRecord } from '../../shared/crm-read/records';
import { widgetError, type WidgetError } from '../common/errors';
import type { CrmGateway, PageContext, RecordPage } from './types';

/** The slice of the SDK we use, typed loosely: the vendor is untrusted input. */
interface ZohoSdk {
  embeddedApp: { on(event: string, fn: (data: unknown) => void): void; init(): Promise<unknown> };
  CRM: {
    API: Record<string, ((arg: unknown) => Promise<unknown>) | undefined>;
    FUNCTIONS?: { execute?: (name: string, config: { arguments: string }) => Promise<unknown> };
    UI?: {
      Resize?: (size: { height: number; width?: number }) => Promise<unknown>;
      Record?: { open?: (target: { Entity: string; RecordID: string }) => Promise<unknown> };
    };
  };
}

export interface ConnectOptions {
  /** How long to wait for the CRM host's handshake (and PageLoad when required). */
  connectTimeoutMs?: number;
  /**
   * 'required' (record pages): wait for PageLoad, it names the record. 'optional' (web tabs): Zoho
   * fires PageLoad for entity pages only, so connect on `init()` alone and use a PageLoad that came.
   */
  pageLoad?: 'required' | 'optional';
  /** How long one API call may take. */
  callTimeoutMs?: number;
  /** The SDK object; defaults to the `ZOHO` global of the page. */
  sdk?: unknown;
}

export async function connectZoho(
  options: ConnectOptions = {},
): Promise<{ gateway: CrmGateway; page: PageContext }> {
  const { connectTimeoutMs = 8000, callTimeoutMs = 20000 } = options;
  const sdk = (options.sdk ?? (globalThis as { ZOHO?: unknown }).ZOHO) as ZohoSdk | undefined;
  if (!sdk?.embeddedApp || !sdk.CRM?.API) {
    throw widgetError('NOT_IN_ZOHO', 'the Zoho widget SDK (ZOHO global) is not loaded');
  }
  const required = (options.pageLoad ?? 'required') === 'required';
  let received: unknown;
  const pageLoad = new Promise<unknown>((resolve) =>
    sdk.embeddedApp.on('PageLoad', (d) => {
      received = d;
      resolve(d);
    }),
  );
  const init = sdk.embeddedApp.init();
  const connected = required
    ? Promise.all([init, pageLoad]).then(([, data]) => data)
    : init.then(() => received);
  const data = await withTimeout(
    connected,
    connectTimeoutMs,
    widgetError(
      'NOT_IN_ZOHO',
      required
        ? `no PageLoad from a CRM host within ${connectTimeoutMs} ms`
        : `no answer from a CRM host (init) within ${connectTimeoutMs} ms`,
    ),
  );
  return { gateway: createGateway(sdk, callTimeoutMs), page: readPageLoad(data) };
}

/** PageLoad `{ Entity, EntityId }`: EntityId is a string on record pages, an array for list buttons. */
export function readPageLoad(data: unknown): PageContext {
  const o = (data ?? {}) as Record<string, unknown>;
  const raw = o.EntityId;
  const ids = (Array.isArray(raw) ? raw : [raw])
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .map(String)
    .filter((v) => v !== '');
  return { entity: typeof o.Entity === 'string' ? o.Entity : '', entityIds: ids };
}

function createGateway(sdk: ZohoSdk, timeoutMs: number): CrmGateway {
  /** One SDK call (`sdk` names it): given up after timeoutMs; what it throws becomes a WidgetError for `name`. */
  const invoke = async (
    o: { name: string; sdk: string; writes: boolean },
    run: () => Promise<unknown>,
  ): Promise<unknown> => {
    try {
      return await withTimeout(
        run(),
        timeoutMs,
        widgetError('TIMEOUT', `${o.sdk} gave no answer in ${timeoutMs} ms`),
      );
    } catch (e) {
      throw vendorError(e, o.name, o.writes);
    }
  };
  const call = async (name: string, arg: unknown, writes = false): Promise<unknown> => {
    const fn = sdk.CRM.API[name];
    if (typeof fn !== 'function') throw widgetError('NOT_IN_ZOHO', `this SDK has no CRM.API.${name}`);
    const reply = await invoke({ name, sdk: `CRM.API.${name}`, writes }, () => fn.call(sdk.CRM.API, arg));
    if (isErrorEnvelope(reply)) throw vendorError(reply, name, writes);
    return reply;
  };
  /**
   * A page of records under `key` (users come as `users`); a 204 has none. What is not an object is
   * skipped; an object without an id is a broken answer (CRM_ERROR naming the call and row).
   */
  const page = (reply: unknown, name: string, key = 'data'): RecordPage => {
    const o = (reply ?? {}) as Record<string, unknown> & { info?: { more_records?: unknown } };
    const rows: unknown = o[key];
    const data: ZohoRecord[] = [];
    if (Array.isArray(rows))
      for (const [i, row] of rows.entries()) {
        if (row == null || typeof row !== 'object' || Array.isArray(row)) continue;
        const rec = toZohoRecord(row);
        if (!rec) throw widgetError('CRM_ERROR', `${name}: row ${i} of the answer has no id`);
        data.push(rec);
      }
    return { data, more: o.info?.more_records === true };
  };
  const write = async (name: string, entity: string, data: ZohoFields): Promise<string> => {
    const reply = await call(name, { Entity: entity, APIData: data, Trigger: [] }, true);
    return writtenId(reply, name);
  };
  return {
    async getRecord(entity, id) {
      return page(await call('getRecord', { Entity: entity, RecordID: id }), 'getRecord').data[0] ?? null;
    },
    async getRelatedRecords(entity, id, relatedList, p = 1) {
      return page(
        await call('getRelatedRecords', {
          Entity: entity,
          RecordID: id,
          RelatedList: relatedList,
          page: p,
          per_page: 200,
        }),
        'getRelatedRecords',
      );
    },
    async coql(selectQuery) {
      return page(await call('coql', { select_query: selectQuery }), 'coql');
    },
    async listRecords(entity, o) {
      const reply = await call('getAllRecords', {
        Entity: entity,
        fields: o.fields.join(','),
        sort_by: 'id',
        sort_order: o.order,
        per_page: o.perPage ?? 200,
        ...(o.pageToken ? { page_token: o.pageToken } : { page: o.page ?? 1 }),
      });
      const token = (reply as { info?: { next_page_token?: unknown } } | null)?.info?.next_page_token;
      return { ...page(reply, 'getAllRecords'), nextPageToken: typeof token === 'string' ? token : null };
    },
    async searchRecords(entity, criteria, p = 1) {
      return page(
        await call('searchRecord', {
          Entity: entity,
          Type: 'criteria',
          Query: criteria,
          page: p,
          per_page: 200,
        }),
        'searchRecord',
      );
    },
    async getUsers(type, p = 1) {
      return page(await call('getAllUsers', { Type: type, page: p, per_page: 200 }), 'getAllUsers', 'users');
    },
    async executeFunction(name, args) {
      const execute = sdk.CRM.FUNCTIONS?.execute;
      if (typeof execute !== 'function')
        throw widgetError('NOT_IN_ZOHO', 'this SDK has no CRM.FUNCTIONS.execute');
      const what = `function ${name}`;
      const reply = await invoke({ name: what, sdk: what, writes: false }, () =>
        execute.call(sdk.CRM.FUNCTIONS, name, { arguments: JSON.stringify(args) }),
      );
      // `{ code: "success", details: { output, output_type, id }, message }` (zoho-platform §1.4)
      const o = (reply ?? {}) as { code?: unknown; details?: { output?: unknown } };
      if (o.code !== 'success') throw vendorError(reply, what, false);
      return o.details?.output ?? null;
    },
    updateRecord: (entity, data) => write('updateRecord', entity, data),
    insertRecord: (entity, data) => write('insertRecord', entity, data),
    resize(height) {
      sdk.CRM.UI?.Resize?.({ height: Math.ceil(height) })?.catch(() => undefined);
    },
    openRecord(entity, id) {
      sdk.CRM.UI?.Record?.open?.({ Entity: entity, RecordID: id })?.catch(() => undefined);
    },
  };
}

/** Per-record results: HTTP 2xx can still carry `status: "error"` for the record (STYLE 5). */
function writtenId(reply: unknown, name: string): string {
  const first = ((reply ?? {}) as { data?: unknown[] }).data?.[0] as Record<string, unknown> | undefined;
  if (first?.status === 'success') {
    const id = (first.details as Record<string, unknown> | undefined)?.id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  const field = (first?.details as Record<string, unknown> | undefined)?.api_name;
  const text = [first?.code, first?.message, typeof field === 'string' ? `field ${field}` : null]
    .filter((v) => typeof v === 'string' && v !== '')
    .join(': ');
  throw widgetError('WRITE_REJECTED', `${name}: ${text || 'no per-record result'}`);
}

/** A vendor failure → our error; a write's INVALID_DATA / MANDATORY_NOT_FOUND is a rejected write. */
function vendorError(e: unknown, name: string, writes: boolean): WidgetError {
  if (isOurs(e)) return e;
  const o = (e ?? {}) as Record<string, unknown>;
  const inner = (Array.isArray(o.data) ? o.data[0] : o) as Record<string, unknown> | undefined;
  const code = typeof inner?.code === 'string' ? inner.code : '';
  const message = typeof inner?.message === 'string' ? inner.message : e instanceof Error ? e.message : '';
  const detail = `${name}: ${[code, message].filter(Boolean).join(': ') || 'failed'}`;
  return widgetError(
    writes && (code === 'INVALID_DATA' || code === 'MANDATORY_NOT_FOUND') ? 'WRITE_REJECTED' : 'CRM_ERROR',
    detail,
  );
}

function isOurs(e: unknown): e is WidgetError {
  return e != null && typeof e === 'object' && 'code' in e && 'detail' in e;
}

function isErrorEnvelope(reply: unknown): boolean {
  return reply != null && typeof reply === 'object' && (reply as { status?: unknown }).status === 'error';
}

export function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: WidgetError): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error || isOurs(e) ? e : (e ?? new Error('rejected')));
      },
    );
  });
}
