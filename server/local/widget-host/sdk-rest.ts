/**
 * What Zoho's widget host does with a widget SDK call: the REST request it makes on the user's
 * behalf (zoho-platform §1.2, §1.4 → §3). Pure: SDK call in, REST request out, or a reason to refuse.
 */
export interface RestRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** Under `/crm/v6`, e.g. `/Accounts/123`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

export type SdkMapping = { ok: true; request: RestRequest } | { ok: false; message: string };

/** The SDK calls the preview host answers, and whether each one is a CRM API call. */
export const SDK_OPS = [
  'getRecord',
  'getAllRecords',
  'getRelatedRecords',
  'searchRecord',
  'getAllUsers',
  'coql',
  'updateRecord',
  'insertRecord',
  'getCurrentUser',
  'executeFunction',
] as const;
export type SdkOp = (typeof SDK_OPS)[number];

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;
const ID = /^[A-Za-z0-9_-]{1,40}$/;

export function restForSdkCall(op: string, arg: unknown): SdkMapping {
  const a = (arg ?? {}) as Record<string, unknown>;
  const refuse = (message: string): SdkMapping => ({ ok: false, message });
  const ok = (request: RestRequest): SdkMapping => ({ ok: true, request });
  const entity = typeof a.Entity === 'string' && NAME.test(a.Entity) ? a.Entity : null;
  const paging = pick(a, ['page', 'per_page']);
  switch (op) {
    case 'getRecord': {
      if (!entity) return refuse('getRecord needs Entity');
      const ids = (Array.isArray(a.RecordID) ? a.RecordID : [a.RecordID]).map(String);
      if (ids.length === 0 || !ids.every((id) => ID.test(id))) return refuse('getRecord needs RecordID');
      return ids.length === 1
        ? ok({ method: 'GET', path: `/${entity}/${ids[0]}` })
        : ok({ method: 'GET', path: `/${entity}`, query: { ids: ids.join(',') } });
    }
    case 'getAllRecords':
      if (!entity) return refuse('getAllRecords needs Entity');
      return ok({
        method: 'GET',
        path: `/${entity}`,
        // the SDK hands its argument to the host as is, page_token included (zoho-platform §1.4)
        query: pick(a, ['page', 'page_token', 'per_page', 'sort_by', 'sort_order', 'cvid', 'fields']),
      });
    case 'getRelatedRecords': {
      const list = typeof a.RelatedList === 'string' && NAME.test(a.RelatedList) ? a.RelatedList : null;
      if (!entity || !list || !ID.test(String(a.RecordID)))
        return refuse('getRelatedRecords needs Entity, RecordID, RelatedList');
      return ok({ method: 'GET', path: `/${entity}/${String(a.RecordID)}/${list}`, query: paging });
    }
    case 'searchRecord': {
      if (!entity || typeof a.Query !== 'string') return refuse('searchRecord needs Entity and Query');
      const type = a.Type === 'email' || a.Type === 'phone' || a.Type === 'word' ? a.Type : 'criteria';
      return ok({ method: 'GET', path: `/${entity}/search`, query: { [type]: a.Query, ...paging } });
    }
    case 'coql':
      if (typeof a.select_query !== 'string') return refuse('coql needs select_query');
      return ok({ method: 'POST', path: '/coql', body: { select_query: a.select_query } });
    case 'updateRecord':
    case 'insertRecord': {
      const data = a.APIData;
      if (!entity || data == null || typeof data !== 'object' || Array.isArray(data))
        return refuse(`${op} needs Entity and APIData`);
      const trigger = Array.isArray(a.Trigger) ? a.Trigger : undefined;
      const body = { data: [data], ...(trigger ? { trigger } : {}) };
      if (op === 'insertRecord') return ok({ method: 'POST', path: `/${entity}`, body });
      const id = String((data as { id?: unknown }).id ?? '');
      if (!ID.test(id)) return refuse('updateRecord needs APIData.id');
      return ok({ method: 'PUT', path: `/${entity}/${id}`, body });
    }
    case 'getAllUsers': {
      const type = typeof a.Type === 'string' && NAME.test(a.Type) ? a.Type : 'AllUsers';
      return ok({ method: 'GET', path: '/users', query: { type, ...paging } });
    }
    case 'getCurrentUser':
      return ok({ method: 'GET', path: '/users', query: { type: 'CurrentUser' } });
    case 'executeFunction': {
      // CRM.FUNCTIONS.execute(name, { arguments }) → the function's REST API, as the signed-in user.
      const name = typeof a.name === 'string' && NAME.test(a.name) ? a.name : null;
      if (!name || typeof a.arguments !== 'string') return refuse('executeFunction needs name and arguments');
      return ok({
        method: 'POST',
        path: `/functions/${name}/actions/execute`,
        query: { auth_type: 'oauth' },
        body: { arguments: a.arguments },
      });
    }
    default:
      return refuse(`the preview host does not emulate CRM.API.${op}`);
  }
}

function pick(a: Record<string, unknown>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = a[k];
    if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  }
  return out;
}
