/**
 * What the e2e tests and the widget budget share: the preview server with the demo org, the
 * emulator's data dumped as a DESIGN §3 dataset through its test endpoints, and `npm run insight`
 * over that dump — the reference the widget's numbers must equal.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AccountInsight } from '../../shared/engine/insight';
import { startPreviewServer, type PreviewServer } from '../../server/local/widget-host/dev-server';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const MODULES = [
  'Accounts',
  'Contacts',
  'Deals',
  'Tasks',
  'Events',
  'Calls',
  'Account_Plans',
  'Relationship_Stage_History',
];

export async function startPreview(): Promise<PreviewServer> {
  return startPreviewServer({ port: 0 });
}

/** The emulator's current records, as a dataset file under test-artifacts/. */
export async function dumpDataset(emulatorUrl: string, name = 'e2e-dataset.json'): Promise<string> {
  const dataset: Record<string, unknown[]> = {};
  for (const module of MODULES) {
    const res = await fetch(`${emulatorUrl}/__emulator/records/${module}`);
    if (!res.ok) throw new Error(`dump ${module}: HTTP ${res.status}`);
    dataset[module] = ((await res.json()) as { data: unknown[] }).data;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  writeFileSync(file, JSON.stringify(dataset));
  return file;
}

/** `npm run insight -- --data FILE [--as-of ISO] [--account ID]` (run through tsx directly). */
export function runInsightCli(
  dataFile: string,
  opts: { asOf?: string; accountId?: string } = {},
): AccountInsight[] {
  const args = ['--data', dataFile];
  if (opts.asOf) args.push('--as-of', opts.asOf);
  if (opts.accountId) args.push('--account', opts.accountId);
  const out = execFileSync(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    [path.join(ROOT, 'server', 'cli', 'insight.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out) as AccountInsight[];
}

/** The CLI's insight for one account at the widget's as-of instant. */
export function insightFromCli(dataFile: string, asOf: string, accountId: string): AccountInsight {
  const found = runInsightCli(dataFile, { asOf, accountId })[0];
  if (!found) throw new Error(`insight CLI returned nothing for ${accountId}`);
  return found;
}

export async function emulatorRecord(
  emulatorUrl: string,
  module: string,
  id: string,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulatorUrl}/__emulator/records/${module}`);
  const rec = ((await res.json()) as { data: Record<string, unknown>[] }).data.find(
    (r) => String(r.id) === id,
  );
  if (!rec) throw new Error(`${module} ${id} not in the emulator`);
  return rec;
}
