/**
 * Zoho failures → what the service does about them (STYLE §5), in one pure function tested with
 * recorded payloads. HTTP 2xx can still hold per-record errors; those are mapped per record.
 */
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

/** One element of a write's `data[]`: success, or an error for that record only. */
export interface RecordResult {
  id: string | null;
  ok: boolean;
  code: string;
  message: string;
  field?: string | undefined;
}

export function mapRecordResult(item: unknown, fallbackId: string | null): RecordResult {
  if (item == null || typeof item !== 'object')
    return {
      id: fallbackId,
      ok: false,
      code: 'MALFORMED_RESPONSE',
      message: 'Zoho returned no result for this record',
    };
  const o = item as {
    code?: unknown;
    status?: unknown;
    message?: unknown;
    details?: Record<string, unknown>;
  };
  const details = o.details ?? {};
  const id = typeof details.id === 'string' ? details.id : fallbackId;
  const code = typeof o.code === 'string' ? o.code : 'UNKNOWN';
  const ok = o.status === 'success' || code === 'SUCCESS';
  return {
    id,
    ok,
    code,
    message: typeof o.message === 'string' ? o.message : code,
    ...(typeof details.api_name === 'string' ? { field: details.api_name } : {}),
  };
}
