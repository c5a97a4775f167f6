/**
 * The org's metadata as the emulator keeps it: modules, their fields and related lists. Rendered to
 * Zoho's JSON by `field-json.ts`; persisted as JSON in the store so fields created through the API
 * survive a restart. The emulator's own model of a Zoho org: nothing here comes from the product.
 */

/** Zoho `data_type` values the emulator knows (zoho-platform.md §4). */
export type DataType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'website'
  | 'integer'
  | 'bigint'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'picklist'
  | 'multiselectpicklist'
  | 'lookup'
  | 'ownerlookup'
  | 'subform'
  /** Events.Participants. Zoho's exact `data_type` for it is a guess; the SDK keys on the API name. */
  | 'participants';

export interface PicklistOption {
  display: string;
  actual: string;
  id: string;
  /** Deals.Stage only. */
  probability?: number;
  forecastCategory?: string;
  dealCategory?: 'Open' | 'Closed Won' | 'Closed Lost';
}

export interface FieldDef {
  id: string;
  apiName: string;
  label: string;
  dataType: DataType;
  length?: number;
  decimalPlace?: number;
  custom: boolean;
  /** Written by Zoho only (system fields, formula-like fields); ignored on API writes. */
  readOnly?: boolean;
  mandatory?: boolean;
  picklist?: PicklistOption[];
  /** Lookup target module API name; `se_module` for What_Id (the record's `$se_module` names it). */
  lookup?: string;
  /** Subform module API name. */
  subform?: string;
  /** Multi-line fields cannot be used in COQL criteria. */
  createdMs?: number;
}

export type GeneratedType = 'default' | 'custom' | 'subform';

export interface RelatedListDef {
  id: string;
  apiName: string;
  label: string;
  /** The module whose records the list shows. */
  module: string;
  /** The lookup field on `module` that points at the parent record. */
  field: string;
}

export interface ModuleDef {
  id: string;
  apiName: string;
  singular: string;
  plural: string;
  generatedType: GeneratedType;
  /** Subform modules: the module that holds the subform. */
  parentModule?: string;
  apiSupported: boolean;
  /** The field whose value names a record in lookups (`{ id, name }`). */
  displayField: string;
  fields: FieldDef[];
  relatedLists: RelatedListDef[];
  modifiedMs?: number;
}

export interface Catalog {
  modules: ModuleDef[];
  nextMetaId: number;
}
