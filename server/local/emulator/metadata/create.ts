/**
 * Creating custom fields (`POST /settings/fields?module=X`) and custom modules (`POST /settings/modules`)
 * as Zoho validates them (zoho/crm-oas createFields/createModules examples): one result per entry, API
 * names derived from labels when not given, DUPLICATE_DATA for a name that exists.
 *
 * Module labels: at most 25 characters, letters, numbers and spaces only (v6 Create Custom Module:
 * "A maximum of 25 characters, including spaces, is allowed … only letters, numbers, and spaces").
 * Multi-line fields: `textarea: { type }` small (≤ 2,000), large (≤ 32,000) or rich_text (≤ 50,000);
 * without it the field is small, so a longer `length` is refused (the SDK's Field has `textarea.type`;
 * the sizes are Zoho's multi-line field sizes).
 * Subforms are not created through the API (no Zoho page documents it, and the create-field data types
 * do not list `subform`): the layout editor makes them, here `addSubformByHand` (`/__emulator/subforms`),
 * at most MAX_SUBFORMS per module (Enterprise: "Two subforms per module", Subforms API).
 */
import type { OrgCatalog } from './catalog';
import { PROFILES } from './field-json';
import { field, option, systemFields, text, type FieldSpec } from './builders';
import type { DataType, ModuleDef } from './types';

export interface EntryResult {
  ok: boolean;
  body: object;
}

const CREATABLE: DataType[] = [
  'text',
  'textarea',
  'email',
  'phone',
  'website',
  'integer',
  'bigint',
  'double',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'picklist',
  'multiselectpicklist',
  'lookup',
  'subform',
];

export const MODULE_LABEL_MAX = 25;
/** Subforms per module in the Enterprise edition (Subforms API v2.1/v8). */
export const MAX_SUBFORMS = 2;
/** Rows per subform per record (Subforms API v2.1/v8). */
export const MAX_SUBFORM_ROWS = 100;
export const TEXTAREA_MAX: Record<string, number> = { small: 2000, large: 32000, rich_text: 50000 };

const fail = (
  code: string,
  apiName: string,
  jsonPath: string,
  message: string,
  extra: object = {},
): EntryResult => ({
  ok: false,
  body: { code, details: { ...extra, api_name: apiName, json_path: jsonPath }, message, status: 'error' },
});
const success = (id: string, message: string): EntryResult => ({
  ok: true,
  body: { code: 'SUCCESS', details: { id }, message, status: 'success' },
});

/** "Renewal Date" → `Renewal_Date` (Zoho's derivation); labels without Latin letters → `Field_<n>`. */
export function apiNameFromLabel(label: string, fallback: string): string {
  const name = label.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(name) ? name : fallback;
}

function taken(catalog: OrgCatalog, name: string): boolean {
  return catalog.module(name) !== undefined;
}

export function createField(
  catalog: OrgCatalog,
  module: ModuleDef,
  entry: unknown,
  i: number,
  nowMs: number,
  /** A person in the layout editor (subforms and their columns), not the API. */
  byHand = false,
): EntryResult {
  const at = `$.fields[${i}]`;
  if (!entry || typeof entry !== 'object' || Array.isArray(entry))
    return fail('INVALID_DATA', 'fields', at, 'invalid data', { expected_data_type: 'jsonobject' });
  const e = entry as Record<string, unknown>;
  if (typeof e.field_label !== 'string' || e.field_label.trim() === '')
    return fail('MANDATORY_NOT_FOUND', 'field_label', `${at}.field_label`, 'required field not found');
  if (typeof e.data_type !== 'string')
    return fail('MANDATORY_NOT_FOUND', 'data_type', `${at}.data_type`, 'required field not found');
  const dataType = e.data_type as DataType;
  if (module.generatedType === 'subform' && !byHand)
    return fail(
      'INVALID_DATA',
      'module',
      `${at}`,
      'the columns of a subform are added in the layout editor (Setup › Modules and Fields)',
    );
  if (dataType === 'subform' && !byHand)
    return fail(
      'INVALID_DATA',
      'data_type',
      `${at}.data_type`,
      'subforms are created in the layout editor (Setup › Modules and Fields), not through the API',
    );
  if (
    !CREATABLE.includes(dataType) ||
    (module.generatedType === 'subform' && (dataType === 'subform' || dataType === 'lookup'))
  ) {
    return fail('INVALID_DATA', 'data_type', `${at}.data_type`, 'invalid data');
  }
  if (dataType === 'textarea') {
    const kind = (e.textarea as { type?: unknown } | undefined)?.type ?? 'small';
    const max = typeof kind === 'string' ? TEXTAREA_MAX[kind] : undefined;
    if (max === undefined)
      return fail('INVALID_DATA', 'type', `${at}.textarea.type`, 'invalid data', {
        supported_values: Object.keys(TEXTAREA_MAX),
      });
    if (typeof e.length === 'number' && (e.length < 1 || e.length > max))
      return fail('INVALID_DATA', 'length', `${at}.length`, 'invalid data', { maximum_length: max });
  }
  const label = e.field_label.trim();
  const apiName =
    typeof e.api_name === 'string' && /^[A-Za-z][A-Za-z0-9_]*$/.test(e.api_name)
      ? e.api_name
      : apiNameFromLabel(label, `Field_${module.fields.length + 1}`);
  if (module.fields.some((f) => f.apiName.toLowerCase() === apiName.toLowerCase() || f.label === label)) {
    return fail('DUPLICATE_DATA', 'api_name', `${at}.api_name`, 'duplicate data');
  }
  const opts: Partial<FieldSpec> = { custom: true };
  if (typeof e.length === 'number') opts.length = e.length;
  else if (dataType === 'textarea')
    opts.length = TEXTAREA_MAX[String((e.textarea as { type?: unknown } | undefined)?.type ?? 'small')];
  if (typeof e.decimal_place === 'number') opts.decimalPlace = e.decimal_place;
  if (dataType === 'picklist' || dataType === 'multiselectpicklist') {
    const values = Array.isArray(e.pick_list_values) ? (e.pick_list_values as Record<string, unknown>[]) : [];
    const names = values
      .map((v) => v?.display_value ?? v?.actual_value)
      .filter((v): v is string => typeof v === 'string' && v !== '');
    if (names.length === 0)
      return fail(
        'MANDATORY_NOT_FOUND',
        'pick_list_values',
        `${at}.pick_list_values`,
        'required field not found',
      );
    opts.picklist = names.map(option);
  }
  if (dataType === 'lookup') {
    const target = ((e.lookup as { module?: { api_name?: unknown; id?: unknown } } | undefined)?.module ??
      {}) as { api_name?: unknown; id?: unknown };
    const m =
      typeof target.api_name === 'string'
        ? catalog.recordModule(target.api_name)
        : catalog.modules.find((x) => x.id === String(target.id));
    if (!m || m.generatedType === 'subform' || !m.apiSupported)
      return fail('INVALID_DATA', 'module', `${at}.lookup.module`, 'invalid data');
    opts.lookup = m.apiName;
  }
  if (dataType === 'subform') {
    if (module.fields.filter((f) => f.dataType === 'subform').length >= MAX_SUBFORMS)
      return fail(
        'LIMIT_EXCEEDED',
        'data_type',
        `${at}.data_type`,
        'a module can have at most two subforms',
        {
          limit: MAX_SUBFORMS,
        },
      );
    if (taken(catalog, apiName))
      return fail('DUPLICATE_DATA', 'api_name', `${at}.api_name`, 'duplicate data');
    catalog.addModule(
      {
        apiName,
        singular: label,
        plural: label,
        generatedType: 'subform',
        displayField: '',
        parentModule: module.apiName,
        fields: [],
      },
      nowMs,
    );
    opts.subform = apiName;
  }
  const def = catalog.addField(module.apiName, { ...field(apiName, label, dataType, opts), ...opts }, nowMs);
  return success(def.id, 'field created');
}

export function createModule(catalog: OrgCatalog, entry: unknown, i: number, nowMs: number): EntryResult {
  const at = `$.modules[${i}]`;
  if (!entry || typeof entry !== 'object' || Array.isArray(entry))
    return fail('INVALID_DATA', 'modules', at, 'invalid data', { expected_data_type: 'jsonobject' });
  const e = entry as Record<string, unknown>;
  for (const key of ['singular_label', 'plural_label'] as const) {
    if (typeof e[key] !== 'string' || (e[key] as string).trim() === '')
      return fail(
        'MANDATORY_NOT_FOUND',
        key,
        `${at}.${key}`,
        `The required field '${key}' is missing from the request.`,
      );
  }
  if (!Array.isArray(e.profiles) || e.profiles.length === 0)
    return fail(
      'MANDATORY_NOT_FOUND',
      'profiles',
      `${at}.profiles`,
      "The required field 'profiles' is missing from the request.",
    );
  for (const [k, p] of (e.profiles as { id?: unknown }[]).entries()) {
    if (!PROFILES.some((x) => x.id === String(p?.id)))
      return fail(
        'INVALID_DATA',
        'id',
        `${at}.profiles[${k}].id`,
        'The provided profile ID is invalid or does not exist.',
      );
  }
  const plural = (e.plural_label as string).trim();
  const singular = (e.singular_label as string).trim();
  for (const [key, label] of [
    ['singular_label', singular],
    ['plural_label', plural],
  ] as const) {
    if (label.length > MODULE_LABEL_MAX || !/^[\p{L}\p{N} ]+$/u.test(label))
      return fail(
        'INVALID_DATA',
        key,
        `${at}.${key}`,
        `${key} allows at most ${MODULE_LABEL_MAX} characters: letters, numbers and spaces`,
        { maximum_length: MODULE_LABEL_MAX },
      );
  }
  const apiName =
    typeof e.api_name === 'string' && e.api_name !== ''
      ? e.api_name
      : apiNameFromLabel(
          plural,
          `CustomModule${catalog.modules.filter((m) => m.generatedType === 'custom').length + 1}`,
        );
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(apiName))
    return fail(
      'INVALID_DATA',
      'api_name',
      `${at}.api_name`,
      'The api_name format is invalid. It must follow CRM naming conventions.',
    );
  if (catalog.module(apiName))
    return fail(
      'DUPLICATE_DATA',
      'api_name',
      `${at}.api_name`,
      'A module with the provided api_name already exists. Please use a unique api_name.',
    );
  const display = (e.display_field ?? {}) as { field_label?: unknown };
  const nameLabel = typeof display.field_label === 'string' ? display.field_label : `${singular} Name`;
  const m = catalog.addModule(
    {
      apiName,
      singular,
      plural,
      generatedType: 'custom',
      displayField: 'Name',
      fields: [
        ...systemFields(),
        text('Name', nameLabel, { length: 120, mandatory: true }),
        field('Email', 'Email', 'email'),
      ],
    },
    nowMs,
  );
  return success(m.id, 'module created');
}

/**
 * What an admin does in the layout editor: add a subform field to a module and its columns, or add
 * columns to a subform the module has (the manual step `setup:crm` prints). Same checks as the API,
 * plus the subforms-per-module cap.
 */
export function addSubformByHand(
  catalog: OrgCatalog,
  module: ModuleDef,
  subform: Record<string, unknown>,
  columns: unknown[],
  nowMs: number,
): EntryResult[] {
  const existing = module.fields.find(
    (f) => f.dataType === 'subform' && typeof subform.api_name === 'string' && f.apiName === subform.api_name,
  );
  const existingModule = existing?.subform ? catalog.module(existing.subform) : undefined;
  if (existingModule) return columns.map((c, i) => createField(catalog, existingModule, c, i, nowMs, true));
  const made = createField(catalog, module, { ...subform, data_type: 'subform' }, 0, nowMs, true);
  if (!made.ok) return [made];
  const id = (made.body as { details: { id: string } }).details.id;
  const field = catalog.module(module.apiName)?.fields.find((f) => f.id === id);
  const sub = catalog.module(field?.subform ?? '') as ModuleDef;
  return [made, ...columns.map((c, i) => createField(catalog, sub, c, i, nowMs, true))];
}
