/**
 * The widget host's line to the local CRM uses the service's one OAuth refresh (TokenManager): one
 * token for many calls at once, and a new one once when the CRM says INVALID_TOKEN.
 */
import { createHostCrm } from '../../server/local/widget-host/host-crm';
import { startCrm, type Crm } from '../support/crm-harness';

let crm: Crm;
beforeAll(async () => {
  crm = await startCrm({ accounts: 3 });
});
afterAll(() => crm.stop());

const issued = async () => ((await crm.admin('GET', '/tokens')).body as { issued: number }).issued;
const host = () =>
  createHostCrm({
    crmBaseUrl: crm.url,
    accountsUrl: crm.url,
    clientId: 'demo',
    clientSecret: 'demo',
    refreshToken: 'demo',
  });

it('five calls at once mint one access token', async () => {
  await crm.admin('POST', '/reset');
  const h = host();
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => h.request({ method: 'GET', path: '/settings/modules' })),
  );
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
  expect(await issued()).toBe(1);
});

it('INVALID_TOKEN from the CRM: one new token, the call retried once and answered', async () => {
  await crm.admin('POST', '/reset');
  const h = host();
  await h.request({ method: 'GET', path: '/settings/modules' });
  await crm.admin('POST', '/faults', { kind: 'invalid_token', count: 1 });
  const answer = await h.request({ method: 'GET', path: '/settings/modules' });
  expect(answer.status).toBe(200);
  expect(await issued()).toBe(2);
});

it('a refused refresh is a clear error naming the rule, not a bare failure', async () => {
  await crm.admin('POST', '/reset');
  const h = createHostCrm({
    crmBaseUrl: crm.url,
    accountsUrl: crm.url,
    clientId: 'demo',
    clientSecret: 'demo',
    refreshToken: 'not-the-token',
  });
  await expect(h.request({ method: 'GET', path: '/Accounts' })).rejects.toMatchObject({
    code: 'ZOHO_AUTH',
    message: expect.stringMatching(/token refresh refused by Zoho/),
  });
});

it('requestRaw: the reply as the CRM wrote it (no parse and write again), the same token rules', async () => {
  await crm.admin('POST', '/reset');
  const h = host();
  const parsed = await h.request({ method: 'GET', path: '/settings/modules' });
  await crm.admin('POST', '/faults', { kind: 'invalid_token', count: 1 });
  const raw = await h.requestRaw({ method: 'GET', path: '/settings/modules' });
  expect(raw.status).toBe(200);
  expect(JSON.parse(raw.json)).toEqual(parsed.body);
  expect(await issued()).toBe(2);
  const empty = await h.requestRaw({
    method: 'GET',
    path: '/Accounts/search',
    query: { word: 'no-such-name' },
  });
  expect(empty).toEqual({ status: 204, json: '' });
});
