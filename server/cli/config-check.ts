/**
 * `npm run config:check [FILE]` — validate a sales-process config before it goes live.
 * Prints every problem as `file:line:column path: message` and exits 1, or a summary and 0.
 */
import { formatConfigProblem } from '../../shared/config/load';
import { loadConfigFile, resolveConfigPath } from '../config/load-config';
import { parseCliArgs, runCli } from './run-cli';

runCli(() => {
  const { positionals, values } = parseCliArgs(
    { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    undefined,
    true,
  );
  if (values.help) {
    process.stdout.write(
      'usage: npm run config:check [-- FILE]   (default: $SALES_PROCESS_CONFIG or config/sales-process.yaml)\n',
    );
    return 0;
  }
  if (positionals.length > 1) throw new Error('give at most one config file');
  const file = resolveConfigPath(positionals[0] ?? values.config);
  const result = loadConfigFile(file);
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(`${formatConfigProblem(p)}\n`);
    process.stderr.write(`${result.problems.length} problem(s); the config was not accepted.\n`);
    return 1;
  }
  const c = result.config;
  process.stdout.write(
    `ok: ${c.stages.length} relationship stages (${c.stages.map((s) => s.label.ja).join(' → ')}), ` +
      `${c.buyingStages.length} buying stages mapping ${c.buyingStages.reduce((n, b) => n + b.zohoStages.length, 0) + c.dealOutcomes.lost.length} Zoho deal stages, ` +
      `${c.activityKinds.length} activity kinds\n`,
  );
  return 0;
});
