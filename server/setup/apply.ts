/**
 * Reading an org's metadata and creating what the plan lists, through Zoho's settings API: the code
 * behind `npm run setup:crm --apply`, and what `npm start` runs against the local CRM on every start
 * (so a fresh local org gets the product's fields the way a real one does; a kept one finds nothing
 * to do). Subforms are left to a person (Zoho creates them only in the layout editor):
 * `subformByHand` says what to add.
 */
import { AppError } from '../errors';
import type { ProductCustomizations } from '../crm-schema/product-fields';
import { describeStep, planSetup, setupRequest, type OrgField, type OrgSchema, type SetupStep } from './plan';

/** The settings calls setup makes (ZohoGateway.settings has this shape). */
export interface SettingsApi {
  settings(
    label: string,
    method: 'GET' | 'POST',
    pathAndQuery: string,
    body: unknown,
    credits: number,
  ): Promise<{ status: number; json: unknown }>;
}

/** The modules the org has and the fields of those the product uses. */
export async function readOrgSchema(api: SettingsApi, desired: ProductCustomizations): Promise<OrgSchema> {
  const modules = (await api.settings('modules', 'GET', 'modules', undefined, 1)).json as {
    modules?: { api_name: string }[];
  } | null;
  const names = new Set((modules?.modules ?? []).map((m) => m.api_name));
  const fields = new Map<string, OrgField[]>();
  const wanted = [...Object.keys(desired.fields), ...desired.modules.map((m) => m.apiName)];
  for (const m of wanted) {
    if (!names.has(m)) continue;
    const res = (
      await api.settings(`fields ${m}`, 'GET', `fields?module=${encodeURIComponent(m)}`, undefined, 1)
    ).json as { fields?: OrgField[] } | null;
    fields.set(m, res?.fields ?? []);
  }
  // Subform modules are not always listed among modules; their fields answer if they exist.
  for (const m of desired.modules.filter((x) => x.generatedType === 'subform' && !names.has(x.apiName))) {
    try {
      const res = (
        await api.settings(
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

/** Read the org, then plan: what setup would do now. */
export async function planOrgSetup(api: SettingsApi, desired: ProductCustomizations): Promise<SetupStep[]> {
  return planSetup(desired, await readOrgSchema(api, desired));
}

/** Create the modules and fields the steps list (the rest is for a person); the failures, described. */
export async function applySteps(api: SettingsApi, steps: SetupStep[]): Promise<string[]> {
  const failed: string[] = [];
  if (!steps.some((s) => s.kind === 'create_module' || s.kind === 'create_field')) return failed;
  const profiles =
    (
      (await api.settings('profiles', 'GET', 'profiles', undefined, 1)).json as {
        profiles?: { id: string; name: string }[];
      } | null
    )?.profiles ?? [];
  const admin = profiles.find((p) => /administrator/i.test(p.name)) ?? profiles[0];
  for (const s of steps) {
    const request = setupRequest(s, admin ? [admin.id] : []);
    if (!request) continue;
    const res = await api.settings(request.label, 'POST', request.path, request.body, request.credits);
    const key = s.kind === 'create_module' ? 'modules' : 'fields';
    const r = (res.json as Record<string, { status: string; message?: string }[] | undefined> | null)?.[
      key
    ]?.[0];
    if (r?.status !== 'success') failed.push(`${describeStep(s)}: ${r?.message ?? `HTTP ${res.status}`}`);
  }
  return failed;
}
