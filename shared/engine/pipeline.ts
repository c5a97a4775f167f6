/**
 * A whole dataset (DESIGN §3) → insights: normalise, bundle by account, compute. What
 * `npm run insight` prints and what the service computes from its mirror of the CRM.
 */
import type { SalesProcessConfig } from '../config/schema';
import { bundleByAccount } from '../normalise/bundle';
import { normaliseDataset } from '../normalise/normalise';
import type { AccountBundle, DataIssue, Instant, ZohoId } from '../model/types';
import { computeAccountInsight, type AccountInsight } from './insight';

export type DatasetInsights =
  { ok: true; insights: AccountInsight[]; unassigned: DataIssue[] } | { ok: false; error: string };

export type DatasetBundles =
  { ok: true; bundles: Map<ZohoId, AccountBundle>; unassigned: DataIssue[] } | { ok: false; error: string };

export type DatasetBundle =
  | { ok: true; bundle: AccountBundle; unassigned: DataIssue[] }
  | { ok: false; reason: 'rejected' | 'no-account'; error: string };

/**
 * The one normalise-then-bundle step: a raw dataset (a file, the service's mirror, the widget's
 * reads) → one bundle per account. Everything that computes insights starts here.
 */
export function bundlesOf(raw: unknown, config: SalesProcessConfig): DatasetBundles {
  const normalised = normaliseDataset(raw, config);
  if (!normalised.ok) return normalised;
  return { ok: true, ...bundleByAccount(normalised.dataset, config) };
}

/** One account's bundle from a dataset: what the engine computes its insight from (and the widget draws). */
export function accountBundleOf(raw: unknown, config: SalesProcessConfig, accountId: string): DatasetBundle {
  const all = bundlesOf(raw, config);
  if (!all.ok) return { ok: false, reason: 'rejected', error: all.error };
  const bundle = all.bundles.get(accountId as ZohoId);
  if (!bundle)
    return { ok: false, reason: 'no-account', error: `no account with id ${accountId} in the dataset` };
  return { ok: true, bundle, unassigned: all.unassigned };
}

export function insightsFromDataset(
  raw: unknown,
  config: SalesProcessConfig,
  asOf: Instant,
  options: { accountId?: string } = {},
): DatasetInsights {
  if (options.accountId !== undefined) {
    const one = accountBundleOf(raw, config, options.accountId);
    if (!one.ok) return { ok: false, error: one.error };
    return {
      ok: true,
      insights: [computeAccountInsight(one.bundle, config, asOf)],
      unassigned: one.unassigned,
    };
  }
  const all = bundlesOf(raw, config);
  if (!all.ok) return all;
  const insights = [...all.bundles.values()].map((b) => computeAccountInsight(b, config, asOf));
  return { ok: true, insights, unassigned: all.unassigned };
}
