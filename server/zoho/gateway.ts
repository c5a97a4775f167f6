/**
 * The Zoho gateway: the only code that imports the Zoho SDK (STYLE §3). Every call goes through
 * the call path (cap, token, backoff, budget); results come back as Zoho-shaped JSON and our codes.
 */
import * as ZOHOCRMSDK from '@zohocrm/typescript-sdk-6.0';
import type { Logger } from 'pino';
import type { ZohoRecord } from '../../shared/crm-read/records';
import { AppError } from '../errors';
import type { CallPath, Outcome } from './call-path';
import {
  errorBodySchema,
  fieldsAnswerSchema,
  firstIssue,
  recordIdSchema,
  recordPageSchema,
  usersAnswerSchema,
} from './answers';
import { mapRecordResult, mapZohoError, type RecordResult, type ZohoFailure } from './map-error';
import { getRecordsRaw, rawJsonOf, readRaw } from './sdk-raw';
import { normaliseRawRecord, toSdkValue, type FieldTypes } from './sdk-values';

export interface FieldMeta {
  api_name: string;
  data_type: string;
  /** For subform fields: the subform's own module (its rows' fields are described there). */
  subform_module: string | null;
}

export interface ListPage {
  data: ZohoRecord[];
  more: boolean;
  nextPageToken: string | null;
  /** If-Modified-Since answered 304: nothing changed. */
  notModified: boolean;
}

export interface FieldTypeCache {
  get(module: string): FieldTypes | null;
  put(module: string, types: FieldTypes): void;
}

/** COQL cost by LIMIT (Zoho: 1–200 → 1 credit, 201–1000 → 2, 1001–2000 → 3). */
export function coqlCredits(limit: number): number {
  return limit <= 200 ? 1 : limit <= 1000 ? 2 : 3;
}

export class ZohoGateway {
  private readonly typeCache = new Map<string, FieldTypes>();

  constructor(
    readonly calls: CallPath,
    private readonly log: Logger,
    private readonly fieldTypeStore?: FieldTypeCache,
    /** The API domain, for the few calls made without the SDK (see `settings`). */
    private readonly apiBase = '',
  ) {}

  /** One COQL page. `limit` decides the credits (see coqlCredits). Rows as Zoho's JSON (sdk-raw.ts). */
  async coql(module: string, query: string, limit: number): Promise<{ data: ZohoRecord[]; more: boolean }> {
    const types = await this.fieldTypes(module);
    return this.calls.run({ label: `coql ${module}`, kind: 'read', credits: coqlCredits(limit) }, async () =>
      capture(async () => {
        const body = new ZOHOCRMSDK.Coql.BodyWrapper();
        body.setSelectQuery(query);
        const res = await new ZOHOCRMSDK.Coql.CoqlOperations().getRecords(body);
        const page = rawPage(res, `coql ${module}`, types);
        return page.ok ? { ...page, value: { data: page.value.data, more: page.value.more } } : page;
      }),
    );
  }

  /** One page of GET records (1 credit): sorted, optionally only records modified after a time. */
  async listRecords(
    module: string,
    o: {
      fields: string[];
      perPage: number;
      page?: number;
      pageToken?: string | null;
      sortBy?: string;
      sortOrder?: 'asc' | 'desc';
      modifiedSince?: Date | null;
    },
  ): Promise<ListPage> {
    const types = await this.fieldTypes(module);
    return this.calls.run({ label: `list ${module}`, kind: 'read', credits: 1 }, async () =>
      capture<ListPage>(async () => {
        const params = new ZOHOCRMSDK.ParameterMap();
        const P = ZOHOCRMSDK.Record.GetRecordsParam;
        await params.add(P.FIELDS, o.fields.join(','));
        await params.add(P.PER_PAGE, o.perPage);
        if (o.pageToken) await params.add(P.PAGE_TOKEN, o.pageToken);
        else if (o.page) await params.add(P.PAGE, o.page);
        if (o.sortBy) await params.add(P.SORT_BY, o.sortBy);
        if (o.sortOrder) await params.add(P.SORT_ORDER, o.sortOrder);
        const headers = new ZOHOCRMSDK.HeaderMap();
        if (o.modifiedSince)
          await headers.add(ZOHOCRMSDK.Record.GetRecordsHeader.IF_MODIFIED_SINCE, o.modifiedSince);
        const res = await getRecordsRaw(module, params, headers);
        if (res.getStatusCode() === 304)
          return {
            ok: true,
            value: { data: [], more: false, nextPageToken: null, notModified: true },
            creditsRemaining: remaining(res),
          };
        return rawPage(res, `list ${module}`, types);
      }),
    );
  }

  /**
   * One page (≤200) of the org's users of a type, as GET /users returns them: `id`, `full_name`,
   * `role { name, id }`, `Reporting_To { name, id }`, `status`, … (1 credit). The manager's view
   * tells field reps, inside sales and managers apart by role.
   */
  async listUsers(
    type: 'ActiveUsers' | 'AllUsers',
    page: number,
  ): Promise<{ data: ZohoRecord[]; more: boolean }> {
    return this.calls.run({ label: 'users', kind: 'read', credits: 1 }, async () =>
      capture(async () => {
        const params = readRaw(new ZOHOCRMSDK.ParameterMap());
        const P = ZOHOCRMSDK.Users.GetUsersParam;
        await params.add(P.TYPE, new ZOHOCRMSDK.Choice(type));
        await params.add(P.PAGE, page);
        await params.add(P.PER_PAGE, 200);
        const res = await new ZOHOCRMSDK.Users.UsersOperations().getUsers(params);
        return rawAnswer(res, 'users', { data: [], more: false }, (json) => {
          const answer = usersAnswerSchema.safeParse(json);
          if (!answer.success)
            return malformed(`the answer is not a list of users (${firstIssue(answer.error)})`);
          return {
            data: answer.data.users as ZohoRecord[],
            more: answer.data.info?.more_records === true,
          };
        });
      }),
    );
  }

  /** Update ≤100 records with `trigger: []` (our write-back must never fire workflows). */
  updateRecords(
    module: string,
    records: { id: string; fields: Record<string, unknown> }[],
  ): Promise<RecordResult[]> {
    return this.write('update', module, records);
  }

  insertRecords(module: string, records: { fields: Record<string, unknown> }[]): Promise<RecordResult[]> {
    return this.write(
      'insert',
      module,
      records.map((r) => ({ id: null, fields: r.fields })),
    );
  }

  private async write(
    op: 'update' | 'insert',
    module: string,
    records: { id: string | null; fields: Record<string, unknown> }[],
  ): Promise<RecordResult[]> {
    if (records.length === 0) return [];
    if (records.length > 100)
      throw new AppError(
        'INTERNAL',
        `${op} ${module}: ${records.length} records in one call; Zoho takes at most 100`,
      );
    const types = await this.fieldTypes(module);
    return this.calls.run(
      {
        label: `${op} ${module}`,
        kind: 'write',
        credits: Math.ceil(records.length / 10),
        idempotent: op === 'update',
      },
      async () =>
        capture(async () => {
          const body = new ZOHOCRMSDK.Record.BodyWrapper();
          body.setData(
            records.map((r) => {
              const rec = new ZOHOCRMSDK.Record.Record();
              if (r.id) rec.setId(BigInt(r.id));
              for (const [k, v] of Object.entries(r.fields)) rec.addKeyValue(k, toSdkValue(v, types.get(k)));
              return rec;
            }),
          );
          body.setTrigger([]);
          const ops = new ZOHOCRMSDK.Record.RecordOperations(module);
          // No header is sent: the map only marks the call's answer to be read as Zoho's JSON.
          const headers = readRaw(new ZOHOCRMSDK.HeaderMap());
          const res =
            op === 'update' ? await ops.updateRecords(body, headers) : await ops.createRecords(body, headers);
          return writeResults(res, `${op} ${module}`, records);
        }),
    );
  }

  /**
   * A settings call the SDK v6 does not cover (it cannot create custom modules), through the same
   * call path: `npm run setup:crm` reads and creates metadata with it. Returns Zoho's JSON.
   */
  async settings(
    label: string,
    method: 'GET' | 'POST',
    pathAndQuery: string,
    body: unknown,
    credits: number,
  ): Promise<{ status: number; json: unknown }> {
    return this.calls.run({ label, kind: method === 'GET' ? 'read' : 'write', credits }, async (token) => {
      try {
        const res = await fetch(`${this.apiBase}/crm/v6/settings/${pathAndQuery}`, {
          method,
          headers: {
            Authorization: `Zoho-oauthtoken ${token}`,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        const creditsRemaining = Number(res.headers.get('x-api-credits-remaining') ?? NaN);
        const remaining = Number.isFinite(creditsRemaining) ? creditsRemaining : null;
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          // A proxy's HTML error page, a cut-off body: a clear failure of this call, by its status.
          const failure = mapZohoError({
            status: res.status,
            code: res.ok ? 'MALFORMED_RESPONSE' : null,
            message: `${label}: the answer (HTTP ${res.status}) is not JSON`,
            creditsRemaining: remaining,
          });
          return { ok: false, failure, creditsRemaining: remaining };
        }
        // 2xx, and per-entry results inside a 400 for creations, are the caller's to read.
        if (
          res.ok ||
          (method === 'POST' &&
            res.status === 400 &&
            json &&
            typeof json === 'object' &&
            ('fields' in json || 'modules' in json))
        ) {
          return { ok: true, value: { status: res.status, json }, creditsRemaining: remaining };
        }
        const e = errorBodySchema.parse(json);
        return {
          ok: false,
          failure: mapZohoError({
            status: res.status,
            code: e.code ?? null,
            message: e.message ?? null,
            creditsRemaining: remaining,
          }),
          creditsRemaining: remaining,
        };
      } catch (e) {
        return { ok: false, failure: transportFailure(e) };
      }
    });
  }

  /** Field metadata of a module (1 credit). */
  async getFields(module: string): Promise<FieldMeta[]> {
    return this.calls.run({ label: `fields ${module}`, kind: 'read', credits: 1 }, async () =>
      capture(async () => {
        const params = readRaw(new ZOHOCRMSDK.ParameterMap());
        await params.add(ZOHOCRMSDK.Fields.GetFieldsParam.MODULE, module);
        const res = await new ZOHOCRMSDK.Fields.FieldsOperations().getFields(params);
        return rawAnswer(res, `fields ${module}`, [], (json) => {
          const answer = fieldsAnswerSchema.safeParse(json);
          if (!answer.success)
            return malformed(`the answer is not a list of fields (${firstIssue(answer.error)})`);
          return answer.data.fields.map((f) => ({
            api_name: f.api_name,
            data_type: f.data_type,
            subform_module: f.associated_module?.module ?? null,
          }));
        });
      }),
    );
  }

  /** Zoho data types of a module's fields, from memory, the state cache, or the Fields API. */
  async fieldTypes(module: string): Promise<FieldTypes> {
    const cached = this.typeCache.get(module) ?? this.fieldTypeStore?.get(module);
    if (cached) {
      this.typeCache.set(module, cached);
      return cached;
    }
    const fields = await this.getFields(module);
    const types: FieldTypes = new Map(fields.map((f) => [f.api_name, f.data_type]));
    // Subform rows carry their own fields (e.g. Plan_Updates.Updated_On, a date): describe those too.
    for (const f of fields) {
      if (f.data_type !== 'subform') continue;
      for (const sub of await this.getFields(f.subform_module ?? f.api_name))
        if (!types.has(sub.api_name)) types.set(sub.api_name, sub.data_type);
    }
    this.typeCache.set(module, types);
    this.fieldTypeStore?.put(module, types);
    this.log.debug({ module, fields: types.size }, 'field types loaded');
    return types;
  }
}

/** Run an SDK call; transport failures (SDKException, got errors) become a temporary failure. */
async function capture<T>(fn: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await fn();
  } catch (e) {
    return { ok: false, failure: transportFailure(e) };
  }
}

function transportFailure(e: unknown): ZohoFailure {
  const err = e as {
    code?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown; name?: unknown };
  };
  const code =
    [err.cause?.code, err.code].find(
      (c): c is string => typeof c === 'string' && /^E[A-Z]+|TIMEOUT|ERR_/.test(c),
    ) ?? (err.cause?.name === 'TimeoutError' ? 'ETIMEDOUT' : undefined);
  const message =
    typeof err.cause?.message === 'string'
      ? err.cause.message
      : typeof err.message === 'string'
        ? err.message
        : String(e);
  if (code) return mapZohoError({ status: null, code, message });
  return { kind: 'rejected', code: 'SDK_ERROR', message, status: null };
}

/** Why an answer read raw is not what the call expects (`rawAnswer`). */
class Malformed {
  constructor(readonly why: string) {}
}

function malformed(why: string): Malformed {
  return new Malformed(why);
}

/**
 * An answer read as Zoho's JSON (sdk-raw.ts), as an outcome: a non-2xx status is a failure with
 * Zoho's code and message; 204 (or no body) is `empty`; anything else is what `decode` makes of the
 * body, checked as untrusted input — a `Malformed` answer fails the call with the reason.
 */
function rawAnswer<T>(
  res: { getStatusCode(): number; getHeaders(): Map<string, string>; getObject(): unknown },
  label: string,
  empty: T,
  decode: (json: unknown) => T | Malformed,
): Outcome<T> {
  const status = res.getStatusCode();
  const creditsRemaining = remaining(res);
  const { json } = rawJsonOf(res);
  if (status < 200 || status >= 300) {
    const e = errorBodySchema.parse(json);
    return {
      ok: false,
      failure: mapZohoError({ status, code: e.code ?? null, message: e.message ?? null, creditsRemaining }),
      creditsRemaining,
    };
  }
  if (status === 204 || json == null) return { ok: true, value: empty, creditsRemaining };
  const value = decode(json);
  if (value instanceof Malformed)
    return {
      ok: false,
      failure: { kind: 'rejected', code: 'SDK_ERROR', message: `${label}: ${value.why}`, status },
      creditsRemaining,
    };
  return { ok: true, value, creditsRemaining };
}

/**
 * A page of records from Zoho's own JSON (`{ data: [...], info: { more_records, next_page_token } }`),
 * checked as untrusted input: each row an object with an id (kept as a string), datetimes in UTC as
 * the SDK's objects gave them (normaliseRawRecord). 204 is an empty page.
 */
function rawPage(
  res: { getStatusCode(): number; getHeaders(): Map<string, string>; getObject(): unknown },
  label: string,
  types: FieldTypes,
): Outcome<ListPage> {
  const empty: ListPage = { data: [], more: false, nextPageToken: null, notModified: false };
  return rawAnswer(res, label, empty, (json) => {
    const page = recordPageSchema.safeParse(json);
    if (!page.success) return malformed(`the answer has no data array (${firstIssue(page.error)})`);
    const data: ZohoRecord[] = [];
    const rows = page.data.data;
    for (let i = 0; i < rows.length; i++) {
      const row: unknown = rows[i];
      if (row == null || typeof row !== 'object' || Array.isArray(row))
        return malformed(`row ${i} is not a record`);
      const rec = row as ZohoRecord;
      // Zoho's ids are strings: the schema (a number made a string, or the error) only for the others.
      const raw: unknown = rec.id;
      if (typeof raw !== 'string' || raw.length === 0) {
        const id = recordIdSchema.safeParse(raw);
        if (!id.success) return malformed(`row ${i} has no id`);
        rec.id = id.data;
      }
      normaliseRawRecord(rec, types);
      data.push(rec);
    }
    const info = page.data.info;
    return {
      data,
      more: info?.more_records === true,
      nextPageToken: info?.next_page_token ?? null,
      notModified: false,
    };
  });
}

function remaining(res: { getHeaders(): Map<string, string> | Record<string, unknown> }): number | null {
  const h = res.getHeaders() as unknown;
  const v =
    h instanceof Map
      ? h.get('x-api-credits-remaining')
      : (h as Record<string, unknown> | undefined)?.['x-api-credits-remaining'];
  const n = Number(Array.isArray(v) ? v[0] : v);
  return v != null && Number.isFinite(n) ? n : null;
}

/**
 * A record write's answer, read as Zoho's JSON (sdk-raw.ts): `{ data: [...] }` holds one result per
 * record, in the order sent, whatever the HTTP status (200/201/202, 207 when some failed; an error
 * status that still carries them is read the same way). Without it the answer is the whole call's: Zoho's error (its code and message), empty (204),
 * or a clear failure naming the call.
 */
function writeResults(
  res: { getStatusCode(): number; getHeaders(): Map<string, string>; getObject(): unknown },
  label: string,
  records: readonly { id: string | null }[],
): Outcome<RecordResult[]> {
  const { json } = rawJsonOf(res);
  const data = typeof json === 'object' && json !== null ? (json as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) return rawAnswer(res, label, [], () => malformed('the answer has no data array'));
  return {
    ok: true,
    value: records.map((r, i) => mapRecordResult(data[i], r.id)),
    creditsRemaining: remaining(res),
  };
}
