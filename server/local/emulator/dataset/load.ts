/**
 * Loading a dataset file or object into the org (DESIGN §3 format). Files written by
 * `dataset/writer.ts` (one record per line inside the module arrays) are streamed line by line, so a
 * 365k-record file never sits in memory; any other valid JSON file is parsed whole.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Org } from '../org';
import type { RecordData } from '../store/record-store';
import { Ingester, type IngestStats } from './ingest';

export interface LoadOptions {
  /** Keep existing records (same ids are replaced); default: the dataset replaces everything. */
  merge?: boolean;
}

function begin(org: Org, opts: LoadOptions): Ingester {
  if (!opts.merge) org.store.clear();
  return new Ingester(org, { bulk: !opts.merge });
}

function setUsers(org: Org, users: unknown): void {
  if (Array.isArray(users) && users.length > 0) org.setUsers(users as RecordData[]);
}

export function loadDatasetObject(org: Org, dataset: unknown, opts: LoadOptions = {}): IngestStats {
  if (!dataset || typeof dataset !== 'object' || Array.isArray(dataset))
    throw new Error('a dataset is one JSON object: { "Accounts": [ … ], …, "users": [ … ] }');
  const obj = dataset as Record<string, unknown>;
  setUsers(org, obj.users);
  const ingester = begin(org, opts);
  for (const [module, records] of Object.entries(obj)) {
    if (module === 'users') continue;
    if (!Array.isArray(records)) throw new Error(`dataset key "${module}" must hold an array of records`);
    for (const r of records) ingester.add(module, r);
  }
  return ingester.finish();
}

const MODULE_START = /^\s*"([^"]+)"\s*:\s*\[\s*(\]\s*,?)?\s*$/;

class NotLineLayout extends Error {}

async function loadLines(org: Org, file: string, opts: LoadOptions): Promise<IngestStats> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let ingester: Ingester | undefined;
  let module: string | null = null;
  let users: RecordData[] | null = null;
  let seenRecord = false;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo += 1;
    const line = raw.trim();
    if (line === '' || (lineNo === 1 && line === '{') || line === '}') continue;
    const start = MODULE_START.exec(line);
    if (module === null) {
      if (!start) throw new NotLineLayout();
      module = start[2] ? null : (start[1] as string);
      if (module === 'users') users = [];
      continue;
    }
    if (/^\]\s*,?$/.test(line)) {
      if (module === 'users' && users) setUsers(org, users);
      module = null;
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(line.replace(/,$/, ''));
    } catch {
      if (!seenRecord) throw new NotLineLayout();
      throw new Error(`${file}:${lineNo}: not a JSON record`);
    }
    seenRecord = true;
    if (module === 'users') users?.push(record as RecordData);
    else (ingester ??= begin(org, opts)).add(module, record);
  }
  return (ingester ?? begin(org, opts)).finish();
}

export async function loadDatasetFile(org: Org, file: string, opts: LoadOptions = {}): Promise<IngestStats> {
  try {
    return await loadLines(org, file, opts);
  } catch (e) {
    if (!(e instanceof NotLineLayout)) throw e;
  }
  return loadDatasetObject(org, JSON.parse(fs.readFileSync(file, 'utf8')) as unknown, opts);
}
