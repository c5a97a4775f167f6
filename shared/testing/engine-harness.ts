/**
 * Test harness: the shipped config, and `insightOf(dataset, asOf)` running the whole pure pipeline
 * (normalise → bundle → compute) for the test account. Used only by tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSalesProcessConfig } from '../config/load';
import type { SalesProcessConfig } from '../config/schema';
import type { AccountInsight } from '../engine/insight';
import { insightsFromDataset } from '../engine/pipeline';
import type { Instant } from '../model/types';
import { ACCOUNT } from './zoho-builders';

export function loadTestConfig(): SalesProcessConfig {
  const r = parseSalesProcessConfig(
    readFileSync(path.join(__dirname, '../../config/sales-process.yaml'), 'utf8'),
    'sales-process.yaml',
  );
  if (!r.ok) throw new Error('the shipped config is invalid');
  return r.config;
}

export const CONFIG = loadTestConfig();

/** 2026-11-26 12:00 in Tokyo. */
export const AS_OF = '2026-11-26T12:00:00+09:00';

export function insightOf(
  dataset: unknown,
  asOf = AS_OF,
  config = CONFIG,
  accountId = ACCOUNT,
): AccountInsight {
  const r = insightsFromDataset(dataset, config, Date.parse(asOf) as Instant, { accountId });
  if (!r.ok) throw new Error(r.error);
  const insight = r.insights[0];
  if (!insight) throw new Error('no insight');
  return insight;
}
