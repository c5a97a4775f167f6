import { sampleDataset } from '../account/testing/fixtures';
import { fakeCrm } from '../account/testing/fake-crm';
import { widgetError } from './errors';
import { batchedReads, sessionFallbackMemory, type ReadRequest } from './reads';

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

  it('reads directly only what a failed call carried, and keeps the answers of the calls that worked', async () => {
    const crm = fakeCrm(sampleDataset(), { readBatch: true });
    let n = 0;
    const flaky = {
      ...crm,
      executeFunction: async (name: string, args: Record<string, string>) =>
        (n += 1) === 2 ? 'not JSON' : crm.executeFunction(name, args),
    };
    const reads = batchedReads(flaky);
    const pages = await reads.read(Array.from({ length: 12 }, (_, i) => search(i)));
    expect(pages).toHaveLength(12);
    expect(reads.mode()).toBe('direct');
    expect(crm.calls).toEqual(['function esm_read_batch', 'search Events', 'search Events']);
  });

  it('a call that times out fails the read and does not read it all again directly', async () => {
    const crm = fakeCrm(sampleDataset(), { readBatch: true });
    const slow = {
      ...crm,
      executeFunction: async () => {
        throw widgetError('TIMEOUT', 'function esm_read_batch gave no answer in 20000 ms');
      },
    };
    const reads = batchedReads(slow);
    await expect(reads.read([search(1), search(2)])).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(reads.mode()).toBe('function');
    expect(crm.calls).toEqual([]);
  });
});

describe('sessionFallbackMemory', () => {
  it('a page load after a fallback reads directly at once; blocked storage is ignored', async () => {
    const crm = fakeCrm(sampleDataset());
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    } as unknown as Storage;
    const memory = sessionFallbackMemory(storage);
    await batchedReads(crm, memory).read([search(1)]);
    expect(crm.calls).toEqual(['function esm_read_batch', 'search Events']);
    crm.calls.length = 0;
    const next = batchedReads(crm, memory);
    expect(next.mode()).toBe('direct');
    await next.read([search(1)]);
    expect(crm.calls).toEqual(['search Events']);

    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    const reads = batchedReads(fakeCrm(sampleDataset()), sessionFallbackMemory(blocked));
    await expect(reads.read([search(1)])).resolves.toHaveLength(1);
    expect(reads.mode()).toBe('direct');
  });
});
