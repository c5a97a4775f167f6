/**
 * A whole dataset (DESIGN §3) → insights: normalise, bundle by account, compute. What
 * `npm run insight` prints and what the service computes from its mirror of the CRM.
 */
import type { SalesProcessConfig } from '../config/schema';
import { bundleByAccount } from '../normalise/bundle';
import { normaliseDataset } from '../normalise/normalise';
import type { DataIssue, Instant, ZohoId } from '../model/types';
import { computeAccountInsight, type AccountInsight } from './insight';

export type DatasetInsights =
  { ok: true; insights: AccountInsight[]; unassigned: DataIssue[] } | { ok: false; error: string };

export function insightsFromDataset(
  raw: unknown,
  config: SalesProcessConfig,
  asOf: Instant,
  options: { accountId?: string } = {},
): DatasetInsights {
  const normalised = normaliseDataset(raw, config);
  if (!normalised.ok) return normalised;
  const { bundles, unassigned } = bundleByAccount(normalised.dataset, config);
  if (options.accountId !== undefined) {
    const bundle = bundles.get(options.accountId as ZohoId);
    if (!bundle) return { ok: false, error: `no account with id ${options.accountId} in the dataset` };
    return { ok: true, insights: [computeAccountInsight(bundle, config, asOf)], unassigned };
  }
  const insights = [...bundles.values()].map((b) => computeAccountInsight(b, config, asOf));
  return { ok: true, insights, unassigned };
}
