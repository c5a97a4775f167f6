/**
 * Zoho's field model, as Zoho's metadata API describes it: data types, a field, a picklist option.
 * Zoho-generic and product-free, so both sides of the fence use the same one: the product's schema
 * (server/crm-schema, what `setup:crm` creates) and the local emulator's model of an org
 * (server/local/emulator/metadata). It imports nothing (ESLint fence, test/lint/fence.test.ts).
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
