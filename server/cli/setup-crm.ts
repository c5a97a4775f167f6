/**
 * `npm run setup:crm [-- --apply]` — show, then create, the custom fields and modules the product
 * needs (DESIGN §2) in the org of ZOHO_* env (or the local CRM). Idempotent: a second run finds
 * nothing to do. Type conflicts and missing picklist values are reported for a person to fix.
 */
import { productCustomizations } from '../crm-schema/product-fields';
import { AppError } from '../errors';
import {
  describeStep,
  fieldJson,
  manualInstructions,
  planSetup,
  type OrgField,
  type SetupStep,
} from '../setup/plan';
import type { ZohoGateway } from '../zoho/gateway';
import { openCliService } from './local-connection';
import { parseCliArgs, runCli } from './run-cli';

/** Zoho counts a custom module's creation as 500 credits. */
const MODULE_CREDITS = 500;

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
    const steps = planSetup(desired, await readOrgSchema(gateway, desired));
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

async function readOrgSchema(gateway: ZohoGateway, desired: ReturnType<typeof productCustomizations>) {
  const modules = (await gateway.settings('modules', 'GET', 'modules', undefined, 1)).json as {
    modules?: { api_name: string }[];
  } | null;
  const names = new Set((modules?.modules ?? []).map((m) => m.api_name));
  const fields = new Map<string, OrgField[]>();
  const wanted = [...Object.keys(desired.fields), ...desired.modules.map((m) => m.apiName)];
  for (const m of wanted) {
    if (!names.has(m)) continue;
    const res = (
      await gateway.settings(`fields ${m}`, 'GET', `fields?module=${encodeURIComponent(m)}`, undefined, 1)
    ).json as { fields?: OrgField[] } | null;
    fields.set(m, res?.fields ?? []);
  }
  // Subform modules are not always listed among modules; their fields answer if they exist.
  for (const m of desired.modules.filter((x) => x.generatedType === 'subform' && !names.has(x.apiName))) {
    try {
      const res = (
        await gateway.settings(
          `fields ${m.apiName}`,
          'GET',
          `fields?module=${encodeURIComponent(m.apiName)}`,
          undefined,
          1,
        )
      ).json as { fields?: OrgField[] } | null;
      if (res?.fields) {
        names.add(m.apiName);
        fields.set(m.apiName, res.fields);
      }
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'ZOHO_REJECTED') throw e;
    }
  }
  return { modules: names, fields };
}

async function applySteps(gateway: ZohoGateway, steps: SetupStep[]): Promise<string[]> {
  const failed: string[] = [];
  const profiles =
    (
      (await gateway.settings('profiles', 'GET', 'profiles', undefined, 1)).json as {
        profiles?: { id: string; name: string }[];
      } | null
    )?.profiles ?? [];
  const admin = profiles.find((p) => /administrator/i.test(p.name)) ?? profiles[0];
  for (const s of steps) {
    if (s.kind === 'create_module') {
      const body = {
        modules: [
          {
            api_name: s.module.apiName,
            singular_label: s.module.singular,
            plural_label: s.module.plural,
            profiles: admin ? [{ id: admin.id }] : [],
          },
        ],
      };
      const res = await gateway.settings(
        `create module ${s.module.apiName}`,
        'POST',
        'modules',
        body,
        MODULE_CREDITS,
      );
      const r = (res.json as { modules?: { status: string; message?: string }[] } | null)?.modules?.[0];
      if (r?.status !== 'success') failed.push(`${describeStep(s)}: ${r?.message ?? `HTTP ${res.status}`}`);
    } else if (s.kind === 'create_field') {
      const res = await gateway.settings(
        `create field ${s.module}.${s.field.apiName}`,
        'POST',
        `fields?module=${encodeURIComponent(s.module)}`,
        { fields: [fieldJson(s.field)] },
        1,
      );
      const r = (res.json as { fields?: { status: string; message?: string }[] } | null)?.fields?.[0];
      if (r?.status !== 'success') failed.push(`${describeStep(s)}: ${r?.message ?? `HTTP ${res.status}`}`);
    }
  }
  return failed;
}
