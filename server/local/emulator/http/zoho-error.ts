/**
 * Zoho's error envelope `{ code, details, message, status: "error" }` and the HTTP status each code comes
 * with. Handlers throw a `ZohoError`; the app's error middleware writes it (DESIGN §7: errors always in
 * Zoho's envelope). Messages follow the samples in Zoho's OpenAPI specs (zoho/crm-oas).
 */
import type { Response } from 'express';

export type ZohoDetails = Record<string, unknown>;

export interface ZohoErrorBody {
  code: string;
  details: ZohoDetails;
  message: string;
  status: 'error';
}

export class ZohoError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly details: ZohoDetails = {},
    /** Zoho wraps some errors of record APIs in `{ data: [ … ] }`. */
    readonly wrapInData = false,
  ) {
    super(message);
  }

  body(): ZohoErrorBody {
    return { code: this.code, details: this.details, message: this.message, status: 'error' };
  }

  send(res: Response): void {
    const body = this.body();
    res.status(this.httpStatus).json(this.wrapInData ? { data: [body] } : body);
  }
}

export const errors = {
  invalidUrl: () =>
    new ZohoError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one'),
  invalidMethod: () =>
    new ZohoError(400, 'INVALID_REQUEST_METHOD', 'The http request method type is not a valid one'),
  invalidModule: (details: ZohoDetails = { resource_path_index: 0 }) =>
    new ZohoError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', details),
  requiredParam: (param: string) =>
    new ZohoError(400, 'REQUIRED_PARAM_MISSING', 'required param is missing', { param_name: param }),
  invalidParam: (param: string, extra: ZohoDetails = {}) =>
    new ZohoError(400, 'INVALID_DATA', 'invalid data', { param_name: param, ...extra }),
  limitExceeded: (details: ZohoDetails, message = 'limit exceeded') =>
    new ZohoError(400, 'LIMIT_EXCEEDED', message, details),
  /** A body that is not JSON, or not a JSON object (guess: Zoho answers `message: "body"`). */
  badBody: () => new ZohoError(400, 'INVALID_DATA', 'body', { expected_data_type: 'jsonobject' }),
  mandatory: (apiName: string, jsonPath: string) =>
    new ZohoError(400, 'MANDATORY_NOT_FOUND', 'required field not found', {
      api_name: apiName,
      json_path: jsonPath,
    }),
  authFailure: () => new ZohoError(401, 'AUTHENTICATION_FAILURE', 'Authentication failed'),
  invalidToken: () => new ZohoError(401, 'INVALID_TOKEN', 'invalid oauth token'),
  tooManyRequests: (message: string, details: ZohoDetails = {}) =>
    new ZohoError(429, 'TOO_MANY_REQUESTS', message, details),
  internal: () => new ZohoError(500, 'INTERNAL_ERROR', 'Internal Server Error'),
  noPermission: () => new ZohoError(403, 'NO_PERMISSION', 'permission denied'),
};
