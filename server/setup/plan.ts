/**
 * What `npm run setup:crm` has to do: compare the custom fields and modules the product needs
 * (server/crm-schema/product-fields.ts, named by the config) with what the org has, and list the
 * steps. Pure, so the plan can be shown before anything is changed, and re-running finds nothing.
 */
import type { FieldSpec, ModuleSpec } from '../crm-schema/builders';
import type { ProductCustomizations } from '../crm-schema/product-fields';

export interface OrgField {
  api_name: string;
  data_type: string;
  pick_list_values?: { display_value?: string; actual_value?: string }[];
}

export interface OrgSchema {
  modules: Set<string>;
  /** Fields per module, for the modules that exist. */
  fields: Map<string, OrgField[]>;
}

export type SetupStep =
  | { kind: 'create_module'; module: ModuleSpec }
  | { kind: 'create_field'; module: string; field: FieldSpec }
  | { kind: 'type_conflict'; module: string; field: string; expected: string; actual: string }
  | { kind: 'missing_picklist_values'; module: string; field: string; values: string[] };

export function planSetup(desired: ProductCustomizations, org: OrgSchema): SetupStep[] {
  const steps: SetupStep[] = [];
  const custom = (fields: FieldSpec[]) => fields.filter((f) => f.custom);
  const compare = (module: string, wanted: FieldSpec[], exists: boolean) => {
    const have = new Map((org.fields.get(module) ?? []).map((f) => [f.api_name.toLowerCase(), f]));
    for (const f of wanted) {
      const current = exists ? have.get(f.apiName.toLowerCase()) : undefined;
      if (!current) {
        steps.push({ kind: 'create_field', module, field: f });
        continue;
      }
      if (current.data_type !== f.dataType) {
        steps.push({
          kind: 'type_conflict',
          module,
          field: f.apiName,
          expected: f.dataType,
          actual: current.data_type,
        });
        continue;
      }
      if (f.picklist) {
        const values = new Set(
          (current.pick_list_values ?? []).map((p) => p.actual_value ?? p.display_value),
        );
        const missing = f.picklist.map((p) => p.actual).filter((v) => !values.has(v));
        if (missing.length > 0)
          steps.push({ kind: 'missing_picklist_values', module, field: f.apiName, values: missing });
      }
    }
  };
  for (const m of desired.modules.filter((x) => x.generatedType !== 'subform')) {
    const exists = org.modules.has(m.apiName);
    if (!exists) steps.push({ kind: 'create_module', module: m });
    compare(m.apiName, custom(m.fields), exists);
  }
  // Subform columns: the subform module is made by its subform field, then filled.
  for (const m of desired.modules.filter((x) => x.generatedType === 'subform'))
    compare(m.apiName, custom(m.fields), org.modules.has(m.apiName));
  for (const [module, fields] of Object.entries(desired.fields)) compare(module, custom(fields), true);
  return steps;
}

/** Zoho's create-field JSON for a field spec. */
export function fieldJson(f: FieldSpec): Record<string, unknown> {
  return {
    api_name: f.apiName,
    field_label: f.label,
    data_type: f.dataType,
    ...(f.length !== undefined &&
    ['text', 'textarea', 'integer', 'currency', 'percent', 'picklist'].includes(f.dataType)
      ? { length: f.length }
      : {}),
    ...(f.decimalPlace !== undefined ? { decimal_place: f.decimalPlace } : {}),
    ...(f.picklist
      ? { pick_list_values: f.picklist.map((p) => ({ display_value: p.display, actual_value: p.actual })) }
      : {}),
    ...(f.lookup ? { lookup: { module: { api_name: f.lookup } } } : {}),
  };
}

export function describeStep(s: SetupStep): string {
  switch (s.kind) {
    case 'create_module':
      return `create module ${s.module.apiName} ("${s.module.plural}")`;
    case 'create_field':
      return `create field ${s.module}.${s.field.apiName} (${s.field.dataType}${s.field.picklist ? `: ${s.field.picklist.length} values` : ''}${s.field.lookup ? ` → ${s.field.lookup}` : ''})`;
    case 'type_conflict':
      return `CONFLICT ${s.module}.${s.field} is ${s.actual}, the product needs ${s.expected}: rename or remove it, or map another field in the config's fields: section`;
    case 'missing_picklist_values':
      return `ADD BY HAND ${s.module}.${s.field} picklist values: ${s.values.join(', ')} (Setup › Modules and Fields)`;
  }
}
