import { ACCOUNT } from '../../../shared/testing/zoho-builders';
import { projectAccount } from '../../../shared/writeback/project';
import { fakeCrm } from '../testing/fake-crm';
import { sampleView, testConfig } from '../testing/fixtures';
import { RECOMPUTE_FUNCTION, recomputeAccount, staleFields } from './recompute';

const config = testConfig();
const noWait = { sleep: () => Promise.resolve(), now: () => 42 };

/** A CRM whose recompute function, once called, has the service write the account after `lag` reads. */
function crmWithService(lag: number) {
  const view = sampleView();
  const data = structuredClone(view.raw);
  const crm = fakeCrm(data);
  const account = () => (data.Accounts ?? []).find((r) => String(r.id) === ACCOUNT) ?? {};
  let asked = 0;
  let reads = 0;
  crm.executeFunction = async (name, args) => {
    crm.calls.push(`function ${name}`);
    if (name !== RECOMPUTE_FUNCTION || args.accountId !== ACCOUNT) throw { code: 'CRM_ERROR', detail: name };
    asked += 1;
    return 'accepted';
  };
  const getRecord = crm.getRecord.bind(crm);
  crm.getRecord = async (entity, id) => {
    reads += 1;
    if (asked > 0 && reads > lag)
      Object.assign(account(), projectAccount(view.insight, config, account()).fields);
    return getRecord(entity, id);
  };
  return { crm, view };
}

describe('recomputeAccount', () => {
  it('asks the function, then reads the account until its fields hold the recomputed values', async () => {
    const { crm, view } = crmWithService(2);
    expect(staleFields(view.insight, config, view.raw.Accounts?.[0] ?? {})).not.toEqual([]);
    const outcome = await recomputeAccount(crm, config, view.insight, noWait);
    expect(outcome).toEqual({ status: 'done', at: 42 });
    expect(crm.calls).toEqual([
      `function ${RECOMPUTE_FUNCTION}`,
      'getRecord Accounts',
      'getRecord Accounts',
      'getRecord Accounts',
    ]);
  });

  it('gives up after the polls and names the fields still waiting', async () => {
    const { crm, view } = crmWithService(99);
    const outcome = await recomputeAccount(crm, config, view.insight, { ...noWait, polls: 2 });
    expect(outcome.status).toBe('pending');
    if (outcome.status === 'pending')
      expect(outcome.fields).toContain(config.fields.account.relationshipStage);
    expect(crm.calls.filter((c) => c === 'getRecord Accounts')).toHaveLength(2);
  });

  it('an org without the function: unavailable, no reads', async () => {
    const view = sampleView();
    const crm = fakeCrm(structuredClone(view.raw));
    const outcome = await recomputeAccount(crm, config, view.insight, noWait);
    expect(outcome).toEqual({
      status: 'unavailable',
      detail: `function ${RECOMPUTE_FUNCTION}: not installed`,
    });
    expect(crm.calls).toEqual([`function ${RECOMPUTE_FUNCTION}`]);
  });
});
