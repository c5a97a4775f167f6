/**
 * `page_token` of the GET records API. Zoho serves the first 2,000 records by `page`; beyond that a
 * client follows `info.next_page_token`, which is bound to the request's parameters
 * (TOKEN_BOUND_DATA_MISMATCH when they change), expires after 24 h and reaches at most 100,000 records.
 * Ours is a keyset cursor (sort value + id of the last record served), opaque to clients.
 */
import { createHash } from 'node:crypto';
import { ZohoError } from '../http/zoho-error';

export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const TOKEN_MAX_RECORDS = 100_000;

export interface PageCursor {
  /** Hash of the parameters the token is bound to. */
  bound: string;
  /** Sort value and id of the last record of the previous page. */
  after: [number | string, string];
  /** Records served before the next page, and that page's number. */
  served: number;
  page: number;
  expiresMs: number;
}

export function bindingHash(params: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 16);
}

export function encodeCursor(c: PageCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const mismatch = () =>
  new ZohoError(
    400,
    'TOKEN_BOUND_DATA_MISMATCH',
    'The page_token given seems to be invalid or input param is added or altered or deleted',
    { param_name: 'page_token' },
  );

export function decodeCursor(token: string, bound: string, nowMs: number): PageCursor {
  let c: PageCursor;
  try {
    c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageCursor;
  } catch {
    throw mismatch();
  }
  if (!c || typeof c !== 'object' || !Array.isArray(c.after) || typeof c.served !== 'number')
    throw mismatch();
  if (c.bound !== bound) throw mismatch();
  if (c.expiresMs <= nowMs) {
    throw new ZohoError(400, 'EXPIRED_VALUE', 'Page token expired', {
      api_name: 'page_token',
      json_path: '$.query.page_token',
    });
  }
  if (c.served >= TOKEN_MAX_RECORDS) {
    throw new ZohoError(
      400,
      'PAGINATION_LIMIT_EXCEEDED',
      `You can only get upto ${TOKEN_MAX_RECORDS} records using page_token param`,
      { param_name: 'page_token' },
    );
  }
  return c;
}
