/**
 * `npm run insight -- --data FILE [--config FILE] [--as-of ISO] [--account ID]` — run the engine
 * over a dataset file (DESIGN §3) and print the insights as a JSON array. No CRM needed.
 */
import { readFileSync } from 'node:fs';
import { formatConfigProblem } from '../../shared/config/load';
import { insightsFromDataset } from '../../shared/engine/pipeline';
import { offsetMinutes } from '../../shared/model/time';
import { loadConfigFile, resolveConfigPath } from '../config/load-config';
import { AppError } from '../errors';
import { parseAsOf } from './as-of';
import { parseCliArgs, runCli } from './run-cli';

const USAGE = `usage: npm run insight -- --data FILE [--config FILE] [--as-of ISO] [--account ID]
  --data FILE     dataset JSON (keys = Zoho module names, values = records as the GET records API returns them)
  --config FILE   sales-process config (default: $SALES_PROCESS_CONFIG or config/sales-process.yaml)
  --as-of ISO     the moment to compute for: 2026-11-26T09:00:00+09:00, or a date (= the end of that day
                  in the config's utcOffset); default: now
  --account ID    only this account
`;

runCli(() => {
  const { values } = parseCliArgs({
    data: { type: 'string' },
    config: { type: 'string' },
    'as-of': { type: 'string' },
    account: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.data) throw new AppError('BAD_INPUT', 'missing --data FILE (see --help)');
  const loaded = loadConfigFile(resolveConfigPath(values.config));
  if (!loaded.ok) throw new AppError('CONFIG_INVALID', loaded.problems.map(formatConfigProblem).join('\n'));
  const config = loaded.config;
  const asOf = parseAsOf(values['as-of'], offsetMinutes(config.utcOffset));
  const raw = readDataset(values.data);
  const result = insightsFromDataset(
    raw,
    config,
    asOf,
    values.account === undefined ? {} : { accountId: values.account },
  );
  if (!result.ok) throw new AppError('DATA_INVALID', `${values.data}: ${result.error}`);
  process.stdout.write(`${JSON.stringify(result.insights, null, 2)}\n`);
  if (result.unassigned.length > 0) {
    process.stderr.write(
      `warning: ${result.unassigned.length} data issue(s) not tied to any account, e.g. ${result.unassigned[0]?.message.en}\n`,
    );
  }
  return 0;
});

function readDataset(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(
      'BAD_INPUT',
      `cannot read --data ${file}: ${code === 'ENOENT' ? 'file not found' : (e as Error).message}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AppError('DATA_INVALID', `${file} is not valid JSON: ${(e as Error).message}`);
  }
}
