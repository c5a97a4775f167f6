/**
 * One config: the service publishes the config it runs on as the settings record the widget reads,
 * through the real SDK against the local CRM; an unchanged config writes nothing, a changed one
 * updates the same record, and the widget-side reader gets the config back.
 */
import { readPublishedConfig } from '../../shared/config/published';
import { publishConfig } from '../../server/config/publish-config';
import { createLogger } from '../../server/runtime/logger';
import type { SyncService } from '../../server/sync/sync-service';
import { openService, shippedConfig, startCrm, type Crm } from '../support/crm-harness';

let crm: Crm;
let service: SyncService;
const log = createLogger({ level: 'silent' });

beforeAll(async () => {
  crm = await startCrm();
  service = await openService(crm);
});
afterAll(async () => {
  service?.close();
  await crm?.stop();
});

test('when the config is published, changed and published again, then one record holds the latest', async () => {
  // as JSON carries it (keys with undefined values are left out, as in the build-time copy)
  const config = JSON.parse(JSON.stringify(shippedConfig())) as ReturnType<typeof shippedConfig>;
  expect(await publishConfig(service.gateway, config, log)).toBe('published');
  expect(await publishConfig(service.gateway, config, log)).toBe('unchanged');
  let rows = await crm.records('ESM_Settings');
  expect(rows).toHaveLength(1);
  expect(readPublishedConfig(rows[0])).toMatchObject({ ok: true, config });

  const changed = {
    ...config,
    buyingStages: config.buyingStages.map((b) =>
      b.key === 'decision' ? { ...b, zohoStages: ['Verbal Commit'] } : b,
    ),
  };
  expect(await publishConfig(service.gateway, changed, log)).toBe('published');
  rows = await crm.records('ESM_Settings');
  expect(rows).toHaveLength(1);
  expect(readPublishedConfig(rows[0])).toMatchObject({ ok: true, config: changed });
});
