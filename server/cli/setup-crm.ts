/**
 * `npm run setup:crm [-- --apply]` — show, then create, the custom fields and modules the product
 * needs (DESIGN §2) in the org of ZOHO_* env (or the local CRM). Idempotent: a second run finds
 * nothing to do. Type conflicts and missing picklist values are reported for a person to fix.
 */
import { productCustomizations } from '../crm-schema/product-fields';
import { applySteps, planOrgSetup } from '../setup/apply';
import { describeStep, manualInstructions } from '../setup/plan';
import { openCliService } from './local-connection';
import { parseCliArgs, runCli } from './run-cli';

runCli(async () => {
  const { values } = parseCliArgs({
    apply: { type: 'boolean' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(
      'usage: npm run setup:crm [-- --apply] [--config FILE]\n  without --apply: show what would be created; with it: create it\n',
    );
    return 0;
  }
  // budgetShare 1: creating a custom module costs 500 credits; setup is a one-off.
  const { service, connection } = await openCliService(values.config, { budgetShare: 1 });
  const config = service.config;
  try {
    const gateway = service.gateway;
    const desired = productCustomizations(config);
    const steps = await planOrgSetup(gateway, desired);
    if (steps.length === 0) {
      process.stdout.write(
        `nothing to do: every custom field and module the product needs is in the org (${connection.apiBase})\n`,
      );
      return 0;
    }
    process.stdout.write(
      `${values.apply ? 'applying' : 'would do'} (${connection.apiBase}):\n${steps.map((s) => `  - ${describeStep(s)}`).join('\n')}\n`,
    );
    const byHand = steps.flatMap(manualInstructions);
    const handText =
      byHand.length > 0
        ? `then by hand in Zoho (the API cannot create subforms):\n${byHand.map((l) => `  ${l}`).join('\n')}\n`
        : '';
    if (!values.apply) {
      process.stdout.write(`${handText}run with --apply to create them.\n`);
      return 0;
    }
    const failed = await applySteps(gateway, steps);
    const manual = steps.filter(
      (s) =>
        s.kind === 'type_conflict' ||
        s.kind === 'missing_picklist_values' ||
        s.kind === 'add_subform_by_hand',
    ).length;
    process.stdout.write(
      `done: ${steps.length - failed.length - manual} created, ${failed.length} failed, ${manual} to fix by hand\n${handText}`,
    );
    if (byHand.length > 0)
      process.stdout.write(
        'after the steps by hand, run npm run setup:crm again: it should find nothing to do.\n',
      );
    for (const f of failed) process.stderr.write(`failed: ${f}\n`);
    return failed.length > 0 || manual > 0 ? 1 : 0;
  } finally {
    service.close();
  }
});
