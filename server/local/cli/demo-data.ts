/**
 * `npm run demo:data -- --out FILE [--as-of ISO] [--seed N] [--config FILE]` — write the demo org
 * (DESIGN §3 dataset: fictional Japanese enterprises, 18 months of activity up to `--as-of`) as
 * pretty JSON, ready for `npm run emulator -- --data FILE` or `npm run insight -- --data FILE`.
 */
import { writeFileSync } from 'node:fs';
import { formatConfigProblem } from '../../../shared/config/load';
import { offsetMinutes } from '../../../shared/model/time';
import { loadConfigFile, resolveConfigPath } from '../../config/load-config';
import { DEFAULT_DEMO_SEED, generateDemoDataset } from '../datasets/demo/generate';
import { AppError } from '../../errors';
import { parseAsOf } from '../../cli/as-of';
import { parseCliArgs, runCli } from '../../cli/run-cli';

const USAGE = `usage: npm run demo:data -- --out FILE [--as-of ISO] [--seed N] [--config FILE]
  --out FILE      where to write the dataset (pretty JSON; an existing file is replaced)
  --as-of ISO     the demo's "now": 2026-11-26T09:00:00+09:00, or a date (= the end of that day in the
                  config's utcOffset); default: now. Every date in the data is relative to it.
  --seed N        random seed (a whole number; default ${DEFAULT_DEMO_SEED}): names and routine activities
  --config FILE   sales-process config the stage history is computed with
                  (default: $SALES_PROCESS_CONFIG or config/sales-process.yaml)
`;

runCli(() => {
  const { values } = parseCliArgs({
    out: { type: 'string' },
    'as-of': { type: 'string' },
    seed: { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.out) throw new AppError('BAD_INPUT', 'missing --out FILE (see --help)');
  const loaded = loadConfigFile(resolveConfigPath(values.config));
  if (!loaded.ok) throw new AppError('CONFIG_INVALID', loaded.problems.map(formatConfigProblem).join('\n'));
  const config = loaded.config;
  const asOf = parseAsOf(values['as-of'], offsetMinutes(config.utcOffset));
  const seed = parseSeed(values.seed);
  const dataset = generateDemoDataset({ asOf, seed, config });
  try {
    writeFileSync(values.out, `${JSON.stringify(dataset, null, 2)}\n`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'its directory does not exist' : (e as Error).message;
    throw new AppError('BAD_INPUT', `cannot write --out ${values.out}: ${reason}`);
  }
  const counts = Object.entries(dataset)
    .map(([module, records]) => `${records.length} ${module}`)
    .join(', ');
  process.stdout.write(`wrote ${values.out} (as of ${new Date(asOf).toISOString()}): ${counts}\n`);
  return 0;
});

function parseSeed(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DEMO_SEED;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff) {
    throw new AppError('BAD_INPUT', `--seed "${value}" is not a whole number between 0 and 4294967295`);
  }
  return Number(value);
}
