/**
 * Metadata as Zoho's settings APIs return it (shapes from zoho/crm-oas fields/modules/related_lists
 * examples). The SDK converts records with this metadata, so the keys it reads — data_type, json_type,
 * api_name, system_mandatory, pick_list_values[].display_value, lookup.module.api_name,
 * associated_module.module, custom_field — must be exactly Zoho's.
 */
import { formatDateTime, type OffsetMinutes } from '../time';
import type { DataType, FieldDef, ModuleDef, PicklistOption, RelatedListDef } from './types';

const JSON_TYPE: Record<DataType, string> = {
  text: 'string',
  textarea: 'string',
  email: 'string',
  phone: 'string',
  website: 'string',
  integer: 'integer',
  bigint: 'string',
  double: 'double',
  currency: 'double',
  percent: 'double',
  date: 'string',
  datetime: 'string',
  boolean: 'boolean',
  picklist: 'string',
  multiselectpicklist: 'jsonarray',
  lookup: 'jsonobject',
  ownerlookup: 'jsonobject',
  subform: 'jsonarray',
  participants: 'jsonarray',
};

const UI_TYPE: Record<DataType, number> = {
  text: 1,
  textarea: 3,
  email: 25,
  phone: 33,
  website: 21,
  integer: 32,
  bigint: 32,
  double: 38,
  currency: 36,
  percent: 38,
  date: 24,
  datetime: 333,
  boolean: 301,
  picklist: 2,
  multiselectpicklist: 100,
  lookup: 133,
  ownerlookup: 8,
  subform: 555,
  participants: 700,
};

export const PROFILES = [
  { id: '3652397000000026011', name: 'Administrator' },
  { id: '3652397000000026014', name: 'Standard' },
];

export function jsonType(dataType: DataType): string {
  return JSON_TYPE[dataType];
}

const FORECAST_CATEGORIES = ['Pipeline', 'Committed', 'Best Case', 'Closed', 'Omitted'];

function forecastCategory(name: string): { name: string; id: string } {
  return { name, id: String(3652397000000030001n + BigInt(Math.max(0, FORECAST_CATEGORIES.indexOf(name)))) };
}

function picklistJson(options: PicklistOption[]): object[] {
  return options.map((o, i) => ({
    display_value: o.display,
    sequence_number: i + 1,
    reference_value: o.display,
    colour_code: null,
    actual_value: o.actual,
    id: o.id,
    type: 'used',
    ...(o.probability === undefined
      ? {}
      : {
          probability: o.probability,
          forecast_category: forecastCategory(o.forecastCategory ?? 'Pipeline'),
          forecast_type: o.dealCategory,
          deal_category: o.dealCategory,
        }),
  }));
}

export function fieldJson(
  f: FieldDef,
  module: ModuleDef,
  lookupTargets: (name: string) => ModuleDef | undefined,
  tz: OffsetMinutes,
): object {
  const target = f.lookup && f.lookup !== 'se_module' ? lookupTargets(f.lookup) : undefined;
  const subform = f.subform ? lookupTargets(f.subform) : undefined;
  const readOnly = f.readOnly ?? false;
  return {
    associated_module: subform ? { module: subform.apiName, id: subform.id } : null,
    webhook: true,
    operation_type: {
      web_update: !readOnly,
      api_create: !readOnly,
      web_create: !readOnly,
      api_update: !readOnly,
    },
    colour_code_enabled_by_system: false,
    field_label: f.label,
    tooltip: null,
    type: 'used',
    field_read_only: readOnly,
    customizable_properties: f.custom ? ['mandatory', 'removal'] : [],
    display_label: f.label,
    read_only: readOnly,
    association_details: null,
    businesscard_supported: false,
    multi_module_lookup: {},
    id: f.id,
    created_time: f.custom && f.createdMs !== undefined ? formatDateTime(f.createdMs, tz) : null,
    filterable: f.dataType !== 'textarea' && f.dataType !== 'subform' && f.dataType !== 'participants',
    visible: true,
    profiles: PROFILES.map((p) => ({ permission_type: readOnly ? 'read_only' : 'read_write', ...p })),
    view_type: { view: true, edit: !readOnly, quick_create: f.mandatory ?? false, create: !readOnly },
    separator: false,
    searchable: true,
    external: null,
    api_name: f.apiName,
    unique: {},
    enable_colour_code: false,
    pick_list_values: f.picklist ? picklistJson(f.picklist) : [],
    system_mandatory: f.mandatory ?? false,
    private: null,
    virtual_field: false,
    json_type: JSON_TYPE[f.dataType],
    crypt: null,
    created_source: f.custom ? 'crm' : 'default',
    display_type: -1,
    ui_type: UI_TYPE[f.dataType],
    modified_time: f.custom && f.createdMs !== undefined ? formatDateTime(f.createdMs, tz) : null,
    email_parser: { fields_update_supported: false, record_operations_supported: false },
    currency: f.dataType === 'currency' ? { rounding_option: 'normal', precision: f.decimalPlace ?? 2 } : {},
    custom_field: f.custom,
    lookup:
      f.dataType === 'lookup'
        ? {
            display_label: f.label,
            api_name: f.apiName,
            module: target
              ? { api_name: target.apiName, id: target.id }
              : { api_name: 'se_module', id: null },
            id: f.id,
          }
        : {},
    subform: subform ? { module: subform.apiName, id: subform.id } : null,
    rollup_summary: {},
    length: f.length ?? null,
    display_field: f.apiName === module.displayField,
    pick_list_values_sorted_lexically: false,
    sortable: f.dataType !== 'textarea',
    global_picklist: null,
    history_tracking: null,
    data_type: f.dataType,
    formula: {},
    decimal_place: f.decimalPlace ?? null,
    mass_update: false,
    multiselectlookup: {},
    auto_number: {},
  };
}

export function moduleJson(m: ModuleDef, index: number, tz: OffsetMinutes): object {
  const custom = m.generatedType !== 'default';
  return {
    has_more_profiles: false,
    access_type: 'org_based',
    global_search_supported: m.apiSupported && m.generatedType !== 'subform',
    deletable: custom,
    description: null,
    creatable: m.apiSupported,
    recycle_bin_on_delete: m.apiSupported,
    modified_time: custom && m.modifiedMs !== undefined ? formatDateTime(m.modifiedMs, tz) : null,
    plural_label: m.plural,
    presence_sub_menu: m.apiSupported,
    actual_plural_label: m.plural,
    lookupable: m.apiSupported && m.generatedType !== 'subform',
    id: m.id,
    isBlueprintSupported: m.generatedType !== 'subform',
    visibility: m.generatedType === 'subform' ? 2 : 1,
    convertable: m.apiName === 'Leads',
    sub_menu_available: m.apiSupported,
    editable: m.apiSupported,
    actual_singular_label: m.singular,
    profiles: PROFILES,
    show_as_tab: m.generatedType !== 'subform',
    web_link: null,
    sequence_number: index + 1,
    singular_label: m.singular,
    viewable: true,
    api_supported: m.apiSupported,
    api_name: m.apiName,
    quick_create: m.apiSupported,
    modified_by: null,
    generated_type: m.generatedType,
    feeds_required: false,
    public_fields_configured: false,
    arguments: [],
    module_name: m.apiName,
    profile_count: PROFILES.length,
    business_card_field_limit: 5,
    parent_module: m.parentModule ? { api_name: m.parentModule, id: null } : {},
    status: 'visible',
  };
}

export function relatedListJson(
  parent: ModuleDef,
  r: RelatedListDef,
  index: number,
  target: ModuleDef | undefined,
): object {
  return {
    id: r.id,
    sequence_number: String(index + 1),
    display_label: r.label,
    api_name: r.apiName,
    module: target ? { api_name: target.apiName, id: target.id } : null,
    name: r.label,
    action: null,
    href: `${parent.apiName}/{ENTITYID}/${r.apiName}`,
    type: 'default',
    connectedmodule: null,
    linkingmodule: null,
    customize_sort: true,
    customize_fields: true,
    customize_display_label: true,
    visible: true,
    status: 'visible',
  };
}
