import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mapRecordResult, mapZohoError } from './map-error';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, '../../test/fixtures/zoho', name), 'utf8'));

describe('Zoho failures map to what the service does', () => {
  it.each([
    [
      'an expired access token (401 INVALID_TOKEN)',
      { status: 401, ...fixture('invalid-token.json') },
      'token_expired',
    ],
    [
      'a missing scope (401 OAUTH_SCOPE_MISMATCH)',
      { status: 401, ...fixture('scope-mismatch.json') },
      'auth',
    ],
    ['no permission (403)', { status: 403, code: 'NO_PERMISSION', message: 'permission denied' }, 'auth'],
    [
      '429 while credits remain: concurrency',
      { status: 429, ...fixture('too-many-requests.json'), creditsRemaining: 1200 },
      'temporary',
    ],
    ['429 without the header', { status: 429, ...fixture('too-many-requests.json') }, 'temporary'],
    [
      '429 with no credits left: the daily budget',
      { status: 429, ...fixture('too-many-requests.json'), creditsRemaining: 0 },
      'budget',
    ],
    // tap-zoho-crm saw throttling as HTTP 400 "Access Denied" on the token endpoint
    [
      'the token endpoint throttling with HTTP 400',
      {
        status: 400,
        code: fixture('token-access-denied.json').error,
        message: fixture('token-access-denied.json').error_description,
      },
      'temporary',
    ],
    [
      '500 INTERNAL_ERROR',
      { status: 500, code: 'INTERNAL_ERROR', message: 'Internal Server Error' },
      'temporary',
    ],
    ['a timeout (no response)', { status: null, code: 'ETIMEDOUT' }, 'temporary'],
    ['connection refused', { status: null, code: 'ECONNREFUSED' }, 'temporary'],
    ['bad request data', { status: 400, code: 'INVALID_DATA', message: 'invalid data' }, 'rejected'],
    ['a COQL syntax error', { status: 400, code: 'SYNTAX_ERROR', message: 'error in query' }, 'rejected'],
  ])('%s → %s', (_what, input, kind) => {
    expect(mapZohoError(input).kind).toBe(kind);
  });
});

describe('per-record results inside a 2xx', () => {
  it('reads success and error elements of a 207', () => {
    const [ok, bad] = (fixture('update-207-mixed.json').data as unknown[]).map((item, i) =>
      mapRecordResult(item, `fallback-${i}`),
    );
    expect(ok).toEqual({ id: '4876876000000412001', ok: true, code: 'SUCCESS', message: 'record updated' });
    expect(bad).toEqual({
      id: 'fallback-1',
      ok: false,
      code: 'INVALID_DATA',
      message: 'invalid data',
      field: 'KPI_Contacts_Reached',
    });
  });
  it.each([
    [{ status: 'error', code: 'RECORD_LOCKED', message: 'locked' }, 'RECORD_LOCKED', 'locked'],
    [{ status: 'error', code: 'SOMETHING_NEW', message: 'new to us' }, 'UNKNOWN', 'SOMETHING_NEW: new to us'],
    [{ status: 'error' }, 'UNKNOWN', 'UNKNOWN'],
  ])('a per-record failure %j has a closed code: %s (%s)', (item, code, message) => {
    expect(mapRecordResult(item, '7')).toEqual({ id: '7', ok: false, code, message });
  });
  it('a missing element is a failure of that record, not a crash', () => {
    expect(mapRecordResult(undefined, '9')).toMatchObject({ id: '9', ok: false, code: 'MALFORMED_RESPONSE' });
  });
});

describe('a per-record result with mistyped keys', () => {
  it('is read by what it holds (zod), never a crash', () => {
    expect(mapRecordResult({ status: 'error', code: 42, message: ['x'], details: 'no' }, '5')).toEqual({
      id: '5',
      ok: false,
      code: 'UNKNOWN',
      message: 'UNKNOWN',
    });
  });
});
