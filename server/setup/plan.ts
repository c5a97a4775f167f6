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
  /** Zoho makes subforms only in the layout editor: a person adds it (or its missing columns). */
  | {
      kind: 'add_subform_by_hand';
      module: ModuleSpec;
      subform: ModuleSpec;
      label: string;
      columns: FieldSpec[];
      exists: boolean;
    }
  | { kind: 'create_field'; module: string; field: FieldSpec }
  | { kind: 'type_conflict'; module: string; field: string; expected: string; actual: string }
  | { kind: 'missing_picklist_values'; module: string; field: string; values: string[] };

export function planSetup(desired: ProductCustomizations, org: OrgSchema): SetupStep[] {
  const steps: SetupStep[] = [];
  const custom = (fields: FieldSpec[]) => fields.filter((f) => f.custom && f.dataType !== 'subform');
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
  // Subforms: made in the layout editor, with their columns; what is missing is a manual step.
  for (const sub of desired.modules.filter((x) => x.generatedType === 'subform')) {
    const parent = desired.modules.find((x) => x.apiName === sub.parentModule);
    const holder = parent?.fields.find((f) => f.subform === sub.apiName);
    if (!parent || !holder) continue;
    const exists = org.modules.has(sub.apiName);
    const before = steps.length;
    compare(sub.apiName, custom(sub.fields), exists);
    const added = steps.splice(before);
    const missing = added.flatMap((s) => (s.kind === 'create_field' ? [s.field] : []));
    if (!exists || missing.length > 0)
      steps.push({
        kind: 'add_subform_by_hand',
        module: parent,
        subform: sub,
        label: holder.label,
        columns: missing,
        exists,
      });
    steps.push(...added.filter((s) => s.kind !== 'create_field'));
  }
  for (const [module, fields] of Object.entries(desired.fields)) compare(module, custom(fields), true);
  return steps;
}

/** Multi-line sizes: small up to 2,000 characters, large (long text) up to 32,000. */
export const TEXTAREA_SMALL_MAX = 2000;

/**
 * Zoho's create-field JSON for a field spec (v6 Create Custom Fields: `field_label` and `data_type`
 * mandatory, `length`, `decimal_place`, `pick_list_values`, `lookup.module`; a multi-line field says
 * its size in `textarea.type`, small or large — without it Zoho makes a small one). `api_name` is
 * sent so a renamed field (config `fields:`) gets its name; Zoho derives the same name from the label
 * for the defaults.
 */
export function fieldJson(f: FieldSpec): Record<string, unknown> {
  if (f.dataType === 'subform') throw new Error(`${f.apiName}: subforms are made in the layout editor`);
  return {
    api_name: f.apiName,
    field_label: f.label,
    data_type: f.dataType,
    ...(f.length !== undefined &&
    ['text', 'textarea', 'integer', 'currency', 'percent', 'picklist'].includes(f.dataType)
      ? { length: f.length }
      : {}),
    ...(f.dataType === 'textarea'
      ? { textarea: { type: (f.length ?? 0) > TEXTAREA_SMALL_MAX ? 'large' : 'small' } }
      : {}),
    ...(f.decimalPlace !== undefined ? { decimal_place: f.decimalPlace } : {}),
    ...(f.picklist
      ? { pick_list_values: f.picklist.map((p) => ({ display_value: p.display, actual_value: p.actual })) }
      : {}),
    ...(f.lookup ? { lookup: { module: { api_name: f.lookup } } } : {}),
  };
}

/** Zoho counts a custom module's creation as 500 credits. */
export const MODULE_CREDITS = 500;

/**
 * The settings call that does a step through the API (v6 Create Custom Module: `singular_label`,
 * `plural_label` and `profiles` mandatory; Create Custom Fields: see fieldJson), or null for a step a
 * person does. `profileIds`: who may see a new module (the administrator's profile).
 */
export function setupRequest(
  s: SetupStep,
  profileIds: string[],
): { label: string; path: string; body: object; credits: number } | null {
  if (s.kind === 'create_module')
    return {
      label: `create module ${s.module.apiName}`,
      path: 'modules',
      body: {
        modules: [
          {
            api_name: s.module.apiName,
            singular_label: s.module.singular,
            plural_label: s.module.plural,
            profiles: profileIds.map((id) => ({ id })),
          },
        ],
      },
      credits: MODULE_CREDITS,
    };
  if (s.kind === 'create_field')
    return {
      label: `create field ${s.module}.${s.field.apiName}`,
      path: `fields?module=${encodeURIComponent(s.module)}`,
      body: { fields: [fieldJson(s.field)] },
      credits: 1,
    };
  return null;
}

/**
 * A subform step as data: the module, the subform field (label, API name) and its missing columns as
 * create-field JSON — what the person adds in the layout editor (the local CRM takes exactly this at
 * `POST /__emulator/subforms`).
 */
export function subformByHand(s: Extract<SetupStep, { kind: 'add_subform_by_hand' }>): {
  module: string;
  subform: { field_label: string; api_name: string };
  columns: Record<string, unknown>[];
} {
  return {
    module: s.module.apiName,
    subform: { field_label: s.label, api_name: s.subform.apiName },
    columns: s.columns.map(fieldJson),
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
    case 'add_subform_by_hand':
      return `ADD BY HAND ${s.exists ? `columns of subform ${s.subform.apiName}` : `subform ${s.module.apiName}.${s.subform.apiName}`} (Zoho creates subforms only in the layout editor; steps below)`;
  }
}

const UI_TYPE: Partial<Record<FieldSpec['dataType'], string>> = {
  text: 'Single Line',
  integer: 'Number',
  currency: 'Currency',
  percent: 'Percent',
  date: 'Date',
  datetime: 'Date/Time',
  boolean: 'Checkbox',
  picklist: 'Pick List',
};

function uiType(f: FieldSpec): string {
  if (f.dataType === 'textarea')
    return (f.length ?? 0) > TEXTAREA_SMALL_MAX ? 'Multi Line (Large)' : 'Multi Line (Small)';
  return UI_TYPE[f.dataType] ?? f.dataType;
}

/** The exact clicks of a manual step (printed by setup:crm after what the API could do). */
export function manualInstructions(s: SetupStep): string[] {
  if (s.kind !== 'add_subform_by_hand') return [];
  const cols = s.columns.map(
    (c) =>
      `     - "${c.label}" (${uiType(c)}${c.length && c.dataType === 'text' ? `, ${c.length} characters` : ''}): API name ${c.apiName}`,
  );
  const where = `Setup › Customization › Modules and Fields › ${s.module.plural} › Standard layout`;
  return s.exists
    ? [`${where}: open subform "${s.label}" and add these columns, then Save:`, ...cols]
    : [
        `${where}:`,
        `  1. drag "Subform" from New Fields into the layout and name it "${s.label}"`,
        `     (its API name must be ${s.subform.apiName}; otherwise set fields.plan in the config to the name Zoho gave it);`,
        `  2. add these columns:`,
        ...cols,
        `  3. Save the layout. Subforms need the Enterprise edition or higher; Enterprise allows two per module.`,
      ];
}
