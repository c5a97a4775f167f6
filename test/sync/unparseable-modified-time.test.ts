/**
 * A record whose system `Modified_Time` cannot be parsed (issue 13; only a hand-loaded CRM holds one —
 * real Zoho always sends valid system times) becomes a data issue of its account, not a failed sync:
 * it used to fail every run at the first read with "SDK_ERROR: Invalid time value".
 */
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import type { SyncService } from '../../server/sync/sync-service';
import type { ZohoId } from '../../shared/model/types';
import { bundleByAccount } from '../../shared/normalise/bundle';
import { normaliseDataset } from '../../shared/normalise/normalise';
import { AS_OF, openService, shippedConfig, startCrm, type Crm } from '../support/crm-harness';

let crm: Crm;
let svc: SyncService;
let badIds: string[];

beforeAll(async () => {
  const ds = generateDemoDataset({ asOf: AS_OF }) as { Accounts: Record<string, unknown>[] };
  (ds.Accounts[0] as Record<string, unknown>).Modified_Time = 'yesterday';
  (ds.Accounts[1] as Record<string, unknown>).Modified_Time = '2026-13-45T99:00:00+09:00';
  badIds = ds.Accounts.slice(0, 2).map((a) => String(a.id));
  crm = await startCrm({ dataset: ds });
  svc = await openService(crm);
}, 60_000);

afterAll(async () => {
  svc?.close();
  await crm?.stop();
});

it('the sync carries on: status ok, and the next incremental run too', async () => {
  const full = await svc.sync({ full: true, trigger: 'test' });
  expect([full.status, full.error]).toEqual(['ok', undefined]);
  expect(full.recomputed).toBeGreaterThan(2);
  const next = await svc.sync({ trigger: 'test' });
  expect(next.status).toBe('ok');
});

it('each such account carries a data issue naming the field', () => {
  const config = shippedConfig();
  const n = normaliseDataset(svc.mirror.datasetFor(badIds), config);
  if (!n.ok) throw new Error(n.error);
  const bundles = bundleByAccount(n.dataset, config).bundles;
  for (const id of badIds)
    expect(bundles.get(id as ZohoId)?.issues).toContainEqual(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        message: { ja: expect.stringMatching(/Modified_Time/), en: expect.stringMatching(/Modified_Time/) },
      }),
    );
}, 60_000);
