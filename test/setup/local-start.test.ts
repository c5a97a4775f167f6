/**
 * `npm start` without Zoho credentials sets the local org up the way a customer's admin does: a bare
 * org gets the product's fields and modules through the API by setup:crm's code, the subforms by the
 * layout-editor step setup prints, then the demo companies; a second start finds everything present
 * and creates nothing. The org it makes is the one the tests' in-process set-up makes, and it syncs.
 */
import pino from 'pino';
import { productCustomizations } from '../../server/crm-schema/product-fields';
import { prepareLocalOrg } from '../../server/local/prepare-org';
import { orgSchemaOf } from '../../server/local/plugins/product-schema';
import { planSetup } from '../../server/setup/plan';
import type { SyncService } from '../../server/sync/sync-service';
import { AS_OF, openService, shippedConfig, startCrm, type Crm } from '../support/crm-harness';

let crm: Crm;
let svc: SyncService;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  crm = await startCrm({ bare: true });
  svc = await openService(crm);
}, 30_000);
afterAll(async () => {
  svc.close();
  await crm.stop();
});

const settingsWrites = (endpoints: Record<string, { calls: number }>) =>
  Object.entries(endpoints)
    .filter(([k]) => k.startsWith('POST /crm/v6/settings/'))
    .map(([k, v]) => `${k} ${v.calls}`)
    .sort();

it('a bare org: fields and modules through the API, subforms by hand, the demo; the second start creates nothing', async () => {
  const config = shippedConfig();
  expect(crm.emu.org.catalog.module('Account_Plans')).toBeUndefined();
  await crm.admin('POST', '/credits/reset');

  const first = await prepareLocalOrg({
    emulator: crm.emu,
    api: svc.gateway,
    config,
    log,
    asOf: new Date(AS_OF),
  });
  const planned = planSetup(productCustomizations(config), {
    modules: new Set(['Accounts', 'Contacts', 'Deals', 'Tasks', 'Events', 'Calls']),
    fields: new Map(),
  });
  expect(first).toEqual({
    created: planned.filter((s) => s.kind === 'create_module' || s.kind === 'create_field').length,
    subforms: 2,
    toFixByHand: [],
    demoLoaded: true,
  });
  // Through the settings API, metered as Zoho meters it (a custom module: 500 credits).
  const modules = planned.filter((s) => s.kind === 'create_module').length;
  expect(settingsWrites((await crm.credits()).endpoints)).toEqual([
    `POST /crm/v6/settings/fields ${first.created - modules}`,
    `POST /crm/v6/settings/modules ${modules}`,
  ]);
  // The org the API made is the one the in-process set-up makes: setup has nothing left to do.
  expect(planSetup(productCustomizations(config), orgSchemaOf(crm.emu.org))).toEqual([]);
  expect(crm.emu.org.catalog.module('Potential_Map')?.parentModule).toBe('Account_Plans');
  expect(crm.emu.summary()[config.fields.modules.accounts]).toBeGreaterThan(10);
  expect(crm.emu.summary()[config.fields.modules.accountPlans]).toBeGreaterThan(0);

  await crm.admin('POST', '/credits/reset');
  const second = await prepareLocalOrg({ emulator: crm.emu, api: svc.gateway, config, log });
  expect(second).toEqual({ created: 0, subforms: 0, toFixByHand: [], demoLoaded: false });
  expect(settingsWrites((await crm.credits()).endpoints)).toEqual([]);

  expect(await svc.sync({ trigger: 'test' })).toMatchObject({ status: 'ok' });
}, 120_000);
