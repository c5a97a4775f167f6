/**
 * Scale data generated straight into an emulator's store (`--accounts N`): records are inserted in
 * batches as they are generated, replacing what the store held.
 */
import { Ingester, type IngestStats } from '../../emulator/dataset/ingest';
import type { Org } from '../../emulator/org';
import { generateScaleData, generateUsers, type GenerateOptions } from './generate';

export function generateIntoOrg(org: Org, opts: GenerateOptions): IngestStats {
  org.store.clear();
  const users = generateUsers(opts.seed, opts.vocabulary);
  org.setUsers(users);
  const ingester = new Ingester(org, { bulk: true });
  generateScaleData(opts, users, (module, record) => ingester.add(module, record));
  return ingester.finish();
}
