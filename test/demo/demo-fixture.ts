/**
 * Shared by the demo-data tests: the shipped config, a fixed `asOf`, the generated dataset and the
 * engine's insights over it, keyed by the story's account key.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { AccountInsight } from '../../shared/engine/insight';
import { insightsFromDataset } from '../../shared/engine/pipeline';
import type { Instant } from '../../shared/model/types';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../../server/config/load-config';
import { generateDemoDataset, type DemoDataset } from '../../server/local/datasets/demo/generate';
import { DEMO_STORIES } from '../../server/local/datasets/demo/story';

export const AS_OF = Date.parse('2026-05-20T10:00:00+09:00') as Instant;

export function shippedConfig(): SalesProcessConfig {
  const loaded = loadConfigFile(DEFAULT_CONFIG_PATH);
  if (!loaded.ok) throw new Error('the shipped config does not load');
  return loaded.config;
}

export interface DemoRun {
  dataset: DemoDataset;
  insights: AccountInsight[];
  /** Story key → the account's insight. */
  byKey: Map<string, AccountInsight>;
  unassigned: unknown[];
}

export function runDemo(config: SalesProcessConfig, asOf: Instant = AS_OF, seed?: number): DemoRun {
  const dataset = generateDemoDataset({ asOf, config, ...(seed === undefined ? {} : { seed }) });
  const result = insightsFromDataset(dataset, config, asOf);
  if (!result.ok) throw new Error(result.error);
  const byName = new Map(result.insights.map((i) => [i.accountName, i]));
  const byKey = new Map(
    DEMO_STORIES.map((s) => {
      const insight = byName.get(s.name);
      if (!insight) throw new Error(`no insight for ${s.name}`);
      return [s.key, insight] as const;
    }),
  );
  return { dataset, insights: result.insights, byKey, unassigned: result.unassigned };
}

export function storyName(key: string): string {
  const s = DEMO_STORIES.find((x) => x.key === key);
  if (!s) throw new Error(`no demo story ${key}`);
  return s.name;
}

/** The record with this id in the dataset's module, or a test failure. */
export function recordById(list: Record<string, unknown>[], id: unknown): Record<string, unknown> {
  const r = list.find((x) => x.id === id);
  if (!r) throw new Error(`no record ${String(id)}`);
  return r;
}
