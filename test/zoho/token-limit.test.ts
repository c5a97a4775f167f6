/**
 * Zoho's token rule (issue 12): a refresh token mints at most ten access tokens in ten minutes; the
 * local CRM enforces it. The service keeps its access token in the state database and reuses it
 * until it expires, so twelve restarts in ten minutes (a crash loop, a deploy) mint one token, not
 * twelve; without the stored token the eleventh start would be refused. (A start here is what
 * SyncService.open does with the token in-process; one whole SyncService.open shows the SDK's own
 * initialisation mints nothing when the kept token is valid — the SDK is process-global, so a test
 * process initialises it once. The same with twelve real processes of `server/main.ts`:
 * test/faults/restarts.test.ts.)
 */
import { openStateDb } from '../../server/state/db';
import { emulatorConnection } from '../../server/zoho/env';
import { TokenManager } from '../../server/zoho/token-manager';
import { DbTokenStore } from '../../server/zoho/token-store';
import { openService, startCrm, tempDir, type Crm } from '../support/crm-harness';

let crm: Crm;
beforeAll(async () => {
  crm = await startCrm();
});
afterAll(() => crm.stop());
beforeEach(async () => {
  await crm.admin('POST', '/reset');
});

interface TokenUsage {
  issued: number;
  limit: number;
  windowMs: number;
  blocked: boolean;
  refused: number;
}
const usage = async () => (await crm.admin('GET', '/tokens')).body as TokenUsage;

/** What a start of the service does first (SyncService.open): the state database, the token manager. */
async function startToken(stateDir: string): Promise<string> {
  const db = openStateDb(stateDir);
  try {
    const conn = emulatorConnection(crm.url);
    return await new TokenManager(new DbTokenStore(db, conn), conn, { timeoutMs: 5000 }).accessToken();
  } finally {
    db.close();
  }
}

it('the local CRM mints ten access tokens per refresh token in ten minutes, then says Access Denied', async () => {
  const mint = () =>
    fetch(`${crm.url}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'demo',
        client_secret: 'demo',
        refresh_token: 'demo',
      }),
    });
  for (let i = 0; i < 10; i++)
    expect(((await (await mint()).json()) as { access_token?: string }).access_token).toBeTruthy();
  const refused = await mint();
  expect(refused.status).toBe(400);
  expect(await refused.json()).toEqual({
    error: 'Access Denied',
    error_description: 'You have made too many requests continuously. Please try again after some time.',
    status: 'failure',
  });
  expect(await usage()).toMatchObject({
    issued: 10,
    limit: 10,
    windowMs: 600_000,
    blocked: true,
    refused: 1,
  });
});

it('twelve restarts of the service in ten minutes mint one access token (it is kept until it expires)', async () => {
  const stateDir = tempDir('restarts-');
  const first = await startToken(stateDir);
  // A whole start (the SDK initialised once in this process, as in production) finds the kept token
  // valid: the SDK does not mint one of its own, and the API answers with it.
  const svc = await openService(crm, { stateDir });
  try {
    await svc.gateway.settings('modules', 'GET', 'modules', undefined, 1);
  } finally {
    svc.close();
  }
  for (let i = 0; i < 10; i++) expect(await startToken(stateDir)).toBe(first);
  expect(await usage()).toMatchObject({ issued: 1, refused: 0 });
});

it('without the kept token, the eleventh start in ten minutes is refused (what the rule guards against)', async () => {
  // Each start with an empty state directory (nothing kept).
  const start = () => startToken(tempDir('fresh-'));
  for (let i = 0; i < 10; i++) expect(await start()).toMatch(/^1000\./);
  await expect(start()).rejects.toMatchObject({
    code: 'ZOHO_TEMPORARY',
    message: expect.stringMatching(/Access Denied/),
  });
  expect(await usage()).toMatchObject({ issued: 10, blocked: true, refused: 1 });
});
