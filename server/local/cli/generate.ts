/**
 * `npm run generate -- --accounts N [--seed S] [--as-of ISO] --out FILE [--config FILE]`: scale data as a
 * dataset file (DESIGN §3), written as it is generated. Progress goes to stderr.
 */
import { parseArgs } from 'node:util';
import { loadConfigFile, resolveConfigPath } from '../../config/load-config';
import { DatasetWriter } from '../emulator/dataset/writer';
import { generateScaleData, generateUsers } from '../datasets/scale/generate';
import { scaleVocabulary } from '../plugins/scale-vocabulary';

const USAGE = 'usage: npm run generate -- --accounts N [--seed S] [--as-of ISO] --out FILE [--config FILE]';

function fail(message: string): never {
  process.stderr.write(`generate: ${message}\n`);
  process.exit(1);
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: {
        accounts: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
      },
    }));
  } catch (e) {
    fail(`${(e as Error).message.split('\n')[0]} (${USAGE})`);
  }
  if (!values.accounts || !/^\d+$/.test(values.accounts) || Number(values.accounts) < 1)
    fail(`--accounts takes a whole number ≥ 1 (${USAGE})`);
  if (!values.out) fail(`--out FILE is required (${USAGE})`);
  const asOfMs = values['as-of'] === undefined ? Date.now() : Date.parse(values['as-of']);
  if (Number.isNaN(asOfMs)) fail(`--as-of takes an ISO date like 2025-04-01, got "${values['as-of']}"`);
  const loaded = loadConfigFile(resolveConfigPath(values.config));
  if (!loaded.ok) {
    const p = loaded.problems[0];
    fail(`config ${p?.file}:${p?.line}:${p?.column} ${p?.path}: ${p?.message}`);
  }
  const config = loaded.config;
  const m = config.fields.modules;
  const seed = values.seed ?? 'scale';
  const started = Date.now();
  const writer = new DatasetWriter(values.out, [
    m.accounts,
    m.contacts,
    m.deals,
    m.tasks,
    m.events,
    m.calls,
    m.accountPlans,
    m.stageHistory,
  ]);
  const vocabulary = scaleVocabulary(config);
  const users = generateUsers(seed, vocabulary);
  writer.setUsers(users);
  generateScaleData(
    {
      accounts: Number(values.accounts),
      seed,
      asOfMs,
      vocabulary,
      onProgress: (done, total) =>
        process.stderr.write(
          `generated ${done}/${total} accounts (${((Date.now() - started) / 1000).toFixed(1)}s)\n`,
        ),
    },
    users,
    (module, record) => writer.add(module, record),
  );
  const counts = writer.close();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `wrote ${values.out}: ${total} records (${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
  );
}

main();
