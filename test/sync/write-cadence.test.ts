/**
 * The recompute's batch size is a memory setting, not a billing one: a full sync that computes 50
 * accounts at a time spends the same write calls and credits as one that computes 200 (where the
 * planned updates are written is decided every WRITE_CHECK_ACCOUNTS accounts, server/sync/run.ts).
 * Against the local Zoho CRM over HTTP, through the real SDK; the CRM is put back to its generated
 * records between the two runs.
 */
import { generateIntoOrg } from '../../server/local/datasets/scale/into-org';
import { scaleVocabulary } from '../../server/local/plugins/scale-vocabulary';
import type { SyncService } from '../../server/sync/sync-service';
import { AS_OF, openService, shippedConfig, startCrmAfterData, type Crm } from '../support/crm-harness';

let crm: Crm;
let svc: SyncService;
const ORG = { accounts: 600, seed: 'bench' };

beforeAll(async () => {
  crm = await startCrmAfterData(ORG);
  svc = await openService(crm);
}, 60_000);

afterAll(async () => {
  svc.close();
  await crm.stop();
});

/** What a full sync wrote and what the CRM charged for it, per write endpoint (calls, credits). */
async function fullSyncWrites(batchSize: number) {
  await crm.admin('POST', '/credits/reset');
  const summary = await svc.sync({ trigger: 'test', full: true, batchSize });
  expect(summary.status).toBe('ok');
  const { totals, endpoints } = await crm.credits();
  return {
    accounts: summary.written,
    deals: summary.dealsWritten,
    stageChanges: summary.stageChanges,
    writeCredits: totals.writeCredits,
    writes: Object.fromEntries(
      Object.entries(endpoints).filter(([k]) => /^(PUT|POST) /.test(k) && !/coql|oauth/i.test(k)),
    ),
  };
}

test('a full sync computing 50 accounts at a time writes in the same calls as one computing 200', async () => {
  const by200 = await fullSyncWrites(200);
  expect(by200.accounts).toBeGreaterThan(500); // the generated org differs from what the engine computes
  expect(Object.keys(by200.writes).length).toBeGreaterThan(0);
  // The CRM as it was generated: emptied, then the same records generated into it again.
  await crm.admin('POST', '/reset');
  generateIntoOrg(crm.emu.org, { ...ORG, asOfMs: AS_OF, vocabulary: scaleVocabulary(shippedConfig()) });
  const by50 = await fullSyncWrites(50);
  expect(by50).toEqual(by200);
}, 120_000);
