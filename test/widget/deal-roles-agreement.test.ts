/**
 * A deal's strategic role is fixed by the account's stage when the deal was created, read from
 * Relationship_Stage_History (issue 11 item 4). The widget reads those records for its account with
 * the same fields as the service's sync (shared/crm-read/input-fields.ts) and runs the same engine,
 * so for every demo account each deal has the same role and creation stage on the account page
 * (the widget's CRM reads through the widget gateway to the local CRM) as in the service (its mirror).
 */
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import type { SyncService } from '../../server/sync/sync-service';
import { insightsFromDataset } from '../../shared/engine/pipeline';
import type { AccountInsight } from '../../shared/engine/insight';
import type { Instant } from '../../shared/model/types';
import { createSession } from '../../widget/account/session';
import { widgetGateway } from '../portfolio/crm-sdk';
import { AS_OF, openService, shippedConfig, startCrm, type Crm } from '../support/crm-harness';

const config = shippedConfig();
let crm: Crm;
let svc: SyncService;

beforeAll(async () => {
  crm = await startCrm({ dataset: generateDemoDataset({ asOf: AS_OF }) });
  svc = await openService(crm);
  expect((await svc.sync({ full: true, trigger: 'test' })).status).toBe('ok');
}, 120_000);

afterAll(async () => {
  svc?.close();
  await crm?.stop();
});

const roles = (i: AccountInsight) =>
  i.deals.map((d) => ({ deal: d.name, role: d.strategicRole, stageAtCreation: d.stageAtCreation }));

it('every deal has the same role and creation stage in the widget as in the service', async () => {
  const { gateway } = await widgetGateway(crm.url);
  const accounts = await crm.records(config.fields.modules.accounts);
  let fixedByHistory = 0;
  for (const a of accounts) {
    const id = String(a.id);
    const service = insightsFromDataset(svc.mirror.datasetFor([id]), config, AS_OF as Instant, {
      accountId: id,
    });
    if (!service.ok) throw new Error(service.error);
    const fromService = service.insights[0] as AccountInsight;
    const widget = await createSession(gateway, config, id, () => AS_OF as Instant).load();
    expect({ account: fromService.accountName, deals: roles(widget.insight) }).toEqual({
      account: fromService.accountName,
      deals: roles(fromService),
    });
    fixedByHistory += fromService.deals.filter(
      (d) => d.stageAtCreation !== (fromService.stage?.key ?? null),
    ).length;
  }
  // The demo has deals created at an earlier stage than the account's stage now: without the
  // history the widget would judge those by the stage now and disagree.
  expect(fixedByHistory).toBeGreaterThan(0);
}, 120_000);
