/**
 * The whitespace heat map's read against the local CRM over HTTP, through the widget's gateway and
 * the preview host's SDK → REST mapping: the plans by GET records with their Potential_Map rows
 * (COQL over the subform module is refused, as Zoho's documented limits say), from both ends by
 * `page` and then page token, every plan's rows once, one credit a call.
 */
import { potentialRows } from '../../shared/portfolio/whitespace';
import { loadPotentialRows } from '../../widget/portfolio/data/load-portfolio';
import { shippedConfig, startCrm, type Crm } from '../support/crm-harness';
import { widgetGateway } from './crm-sdk';

const config = shippedConfig();
let crm: Crm;

beforeAll(async () => {
  crm = await startCrm({ accounts: 120, seed: 'whitespace-read' });
}, 60_000);

afterAll(async () => {
  await crm?.stop();
});

const key = (r: {
  accountId: string;
  segment: string;
  offering: string;
  potential: number;
  current: number;
}) => `${r.accountId}|${r.segment}|${r.offering}|${r.potential}|${r.current}`;

it.each([200, 7])(
  'per page %i: every plan’s potential-map rows once, in ⌈plans / per page⌉ + 2 calls or fewer, 1 credit each',
  async (perPage) => {
    const plans = await crm.records(config.fields.modules.accountPlans);
    const expected = potentialRows(plans, config.fields.plan).map(key).sort();
    expect(expected.length).toBeGreaterThan(plans.length); // 2–5 rows a plan in the scale data
    const { gateway, calls } = await widgetGateway(crm.url);
    const before = (await crm.credits()).totals;
    const rows = await loadPotentialRows(gateway, config, { perPage });
    const after = (await crm.credits()).totals;
    expect(rows.map(key).sort()).toEqual(expected);
    expect(new Set(calls)).toEqual(new Set(['getAllRecords']));
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(plans.length / perPage) + 2);
    expect(after.calls - before.calls).toBe(calls.length);
    expect(after.credits - before.credits).toBe(calls.length);
  },
);

it('COQL over the Potential_Map subform module is refused (the product does not depend on it)', async () => {
  const { gateway } = await widgetGateway(crm.url);
  await expect(
    gateway.coql('select Segment, Parent_Id from Potential_Map where id is not null limit 200'),
  ).rejects.toMatchObject({ code: 'CRM_ERROR', detail: expect.stringMatching(/INVALID_QUERY/) });
});
