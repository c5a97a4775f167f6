import { sampleDataset } from '../account/testing/fixtures';
import { fakeCrm } from '../account/testing/fake-crm';
import { batchedReads, type ReadRequest } from './reads';

const search = (i: number): ReadRequest => ({ module: 'Events', criteria: `(What_Id:equals:${i})`, page: 1 });

describe('batchedReads', () => {
  it('sends at most 10 reads per function call and keeps the answers in request order', async () => {
    const crm = fakeCrm(sampleDataset(), { readBatch: true });
    const requests = [
      ...Array.from({ length: 21 }, (_, i) => search(i)),
      { coql: 'select id from Deals where id is not null' },
    ];
    const pages = await batchedReads(crm).read(requests);
    expect(crm.calls).toEqual(Array(3).fill('function esm_read_batch'));
    expect(pages).toHaveLength(22);
    expect(pages[21]?.data).toEqual(sampleDataset().Deals);
  });

  it('falls back to direct reads when the function answers something else, and stays there', async () => {
    const crm = fakeCrm(sampleDataset(), { readBatch: true });
    const broken = { ...crm, executeFunction: async () => '{"error":{"code":"INVALID_DATA"}}' };
    const reads = batchedReads(broken);
    const pages = await reads.read([search(1), { coql: 'select id from Deals where id is not null' }]);
    expect(reads.mode()).toBe('direct');
    expect(pages[1]?.data).toEqual(sampleDataset().Deals);
    expect(crm.calls).toEqual(['search Events', 'coql Deals']);
  });
});
