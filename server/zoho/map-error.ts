/**
 * Zoho failures → what the service does about them (STYLE §5), in one pure function tested with
 * recorded payloads. HTTP 2xx can still hold per-record errors; those are mapped per record.
 */
import { recordResultSchema } from './answers';
export type ZohoFailureKind =
  /** The access token is no longer valid: refresh once and retry. */
  | 'token_expired'
  /** Credentials or scopes are wrong: stop, a person must fix the connection. */
  | 'auth'
  /** 429, 5xx, timeouts, network errors: back off and retry. */
  | 'temporary'
  /** The org's daily credits are spent: stop the run, resume when the window allows. */
  | 'budget'
  /** Zoho refused this request or record (bad data, permissions, limits): report, do not retry now. */
  | 'rejected';

export interface ZohoFailure {
  kind: ZohoFailureKind;
  code: string;
  message: string;
  status: number | null;
}

export interface ZohoErrorInput {
  /** HTTP status, or null when no response came (timeout, connection refused). */
  status: number | null;
  /** Zoho's `code` (e.g. INVALID_TOKEN) or a transport code (ETIMEDOUT). */
  code?: string | null;
  message?: string | null;
  /** The `X-API-CREDITS-REMAINING` header, when Zoho sent it. */
  creditsRemaining?: number | null;
}

const TOKEN_CODES = new Set(['INVALID_TOKEN', 'INVALID_OAUTHTOKEN']);
const AUTH_CODES = new Set([
  'AUTHENTICATION_FAILURE',
  'OAUTH_SCOPE_MISMATCH',
  'NO_PERMISSION',
  'invalid_client',
  'invalid_code',
  'invalid_client_secret',
  'FEATURE_NOT_SUPPORTED',
]);
const TRANSPORT = new Set([
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ESOCKETTIMEDOUT',
  'TIMEOUT',
  'ERR_GOT_REQUEST_ERROR',
  'INTERNAL_ERROR',
]);

export function mapZohoError(e: ZohoErrorInput): ZohoFailure {
  const code = e.code ?? (e.status === null ? 'NETWORK_ERROR' : `HTTP_${e.status}`);
  const message = e.message ?? code;
  const at = (kind: ZohoFailureKind): ZohoFailure => ({ kind, code, message, status: e.status });
  if (TOKEN_CODES.has(code)) return at('token_expired');
  if (AUTH_CODES.has(code) || e.status === 403) return at('auth');
  if (e.status === 401) return at(code === 'AUTHENTICATION_FAILURE' ? 'auth' : 'token_expired');
  if (e.status === 429 || code === 'TOO_MANY_REQUESTS')
    return at(e.creditsRemaining != null && e.creditsRemaining <= 0 ? 'budget' : 'temporary');
  // Zoho's token endpoint says "too many requests continuously" as HTTP 400 "Access Denied".
  if (/access denied|too many requests/i.test(message)) return at('temporary');
  if (e.status === null || (e.status >= 500 && e.status <= 599) || e.status === 408 || TRANSPORT.has(code))
    return at('temporary');
  return at('rejected');
}

/**
 * The per-record codes a write can answer with: those Zoho's v6 insert/update documentation lists
 * for a record inside a 2xx, and ours (MALFORMED_RESPONSE: no element for the record; UNKNOWN: a
 * code not in this list, kept in the message). Closed, so a typo is a type error.
 */
export const RECORD_FAILURE_CODES = [
  'INVALID_DATA',
  'INVALID_VALUE',
  'MANDATORY_NOT_FOUND',
  'DUPLICATE_DATA',
  'LIMIT_EXCEEDED',
  'EXPIRED_VALUE',
  'RECORD_LOCKED',
  'RECORD_IN_BLUEPRINT',
  'NOT_APPROVED',
  'NO_PERMISSION',
  'CANNOT_PERFORM_ACTION',
  'DEPENDENT_FIELD_MISSING',
  'AMBIGUITY_DURING_PROCESSING',
  'MULTIPLE_OR_MULTI_ERRORS',
  'ID_ALREADY_CONVERTED',
  'INVALID_MODULE',
  'MALFORMED_RESPONSE',
  'UNKNOWN',
] as const;
export type RecordFailureCode = (typeof RECORD_FAILURE_CODES)[number];

/** A record the sync could not write, reported in the run summary and retried next run. */
export interface RecordFailure {
  accountId: string;
  code: RecordFailureCode;
  message: string;
}

const FAILURE_CODES: ReadonlySet<string> = new Set(RECORD_FAILURE_CODES);

/** One element of a write's `data[]`: success, or an error for that record only. */
export type RecordResult = {
  id: string | null;
  message: string;
  field?: string | undefined;
} & ({ ok: true; code: 'SUCCESS' } | { ok: false; code: RecordFailureCode });

export function mapRecordResult(item: unknown, fallbackId: string | null): RecordResult {
  if (item == null || typeof item !== 'object')
    return {
      id: fallbackId,
      ok: false,
      code: 'MALFORMED_RESPONSE',
      message: 'Zoho returned no result for this record',
    };
  const o = recordResultSchema.parse(item);
  const details = o.details ?? {};
  const id = typeof details.id === 'string' ? details.id : fallbackId;
  const zohoCode = o.code ?? null;
  const message = o.message ?? zohoCode ?? 'UNKNOWN';
  const field = typeof details.api_name === 'string' ? { field: details.api_name } : {};
  if (o.status === 'success' || zohoCode === 'SUCCESS')
    return { id, ok: true, code: 'SUCCESS', message, ...field };
  if (zohoCode && FAILURE_CODES.has(zohoCode))
    return { id, ok: false, code: zohoCode as RecordFailureCode, message, ...field };
  return {
    id,
    ok: false,
    code: 'UNKNOWN',
    message: zohoCode ? `${zohoCode}: ${message}` : message,
    ...field,
  };
}
