/**
 * GET records read raw spend nothing on the SDK's own field metadata (server/zoho/sdk-raw.ts,
 * `getRecordsRaw`): the SDK fetched a module's fields itself before its first read, only to build
 * record objects a raw read never builds. Writes still let it (it types the values it sends by them).
 * Against the local CRM over HTTP, through the same SDK; its meter counts the metadata calls.
 */
import type { SyncService } from '../../server/sync/sync-service';
import { syncStreams } from '../../server/sync/streams';
import { openService, shippedConfig, startCrmAfterData, type Crm } from '../support/crm-harness';

const config = shippedConfig();
let crm: Crm;
let service: SyncService;

beforeAll(async () => {
  crm = await startCrmAfterData({ accounts: 6, seed: 'sdk-metadata' });
  service = await openService(crm);
});

afterAll(async () => {
  service.close();
  await crm.stop();
});

/** Calls to GET /settings/fields the local CRM has answered so far. */
async function metadataCalls(): Promise<number> {
  const meter = (await crm.admin('GET', '/credits')).body as {
    endpoints: Record<string, { calls: number }>;
  };
  return meter.endpoints['GET /crm/v6/settings/fields']?.calls ?? 0;
}

test('reading every page of Events and Account_Plans costs only our own field reads; a write still gets the SDK its fields', async () => {
  const read = async (key: 'events' | 'accountPlans') => {
    const stream = syncStreams(config).find((s) => s.module === key);
    if (!stream) throw new Error(key);
    const module = config.fields.modules[key];
    await service.gateway.fieldTypes(module); // ours: the module's fields (and its subforms')
    const before = await metadataCalls();
    const page = await service.gateway.listRecords(module, {
      fields: stream.fields,
      perPage: 200,
      page: 1,
      sortBy: 'Modified_Time',
      sortOrder: 'asc',
    });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((r) => typeof r.id === 'string' && typeof r.Modified_Time === 'string')).toBe(
      true,
    );
    return (await metadataCalls()) - before;
  };
  expect(await read('events')).toBe(0);
  expect(await read('accountPlans')).toBe(0);

  // The SDK's own read before its first write of a module (and of the modules its lookups point to).
  const deals = config.fields.modules.deals;
  const [deal] = await crm.records(deals);
  const before = await metadataCalls();
  const [result] = await service.gateway.updateRecords(deals, [
    { id: String(deal?.id), fields: { [config.fields.deal.priority]: 'high' } },
  ]);
  expect(result?.ok).toBe(true);
  expect(await metadataCalls()).toBeGreaterThan(before);
});
