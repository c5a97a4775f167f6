/**
 * One error family for the service and the CLIs (STYLE §4): a closed list of codes, each with the
 * HTTP status it maps to. Entry points normalise unknown errors with `toAppError` once.
 */
export const ERROR_CODES = {
  BAD_INPUT: 400,
  CONFIG_INVALID: 400,
  DATA_INVALID: 422,
  UNAUTHORIZED: 401,
  WEBHOOK_REJECTED: 401,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ZOHO_AUTH: 502,
  ZOHO_TEMPORARY: 503,
  ZOHO_BUDGET: 503,
  ZOHO_REJECTED: 502,
  NOT_READY: 503,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code];
  }
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new AppError('INTERNAL', message, { cause: e });
}
