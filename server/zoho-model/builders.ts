/**
 * Small constructors for field definitions so module tables read like Zoho's field list — the product's
 * schema (server/crm-schema) and the emulator's standard modules use the same ones. Ids are assigned by
 * whoever adds the field to an org.
 */
import type { DataType, FieldDef, GeneratedType, PicklistOption } from './fields';

export type FieldSpec = Omit<FieldDef, 'id' | 'custom'> & { custom?: boolean };
/** A module as the org has it: standard, custom, or a subform of a custom module. */
export interface ModuleSpec {
  apiName: string;
  singular: string;
  plural: string;
  generatedType: GeneratedType;
  displayField: string;
  parentModule?: string;
  apiSupported?: boolean;
  fields: FieldSpec[];
}

type Opts = Partial<Omit<FieldSpec, 'apiName' | 'label' | 'dataType'>>;

const DEFAULT_LENGTH: Partial<Record<DataType, number>> = {
  text: 255,
  textarea: 32000,
  email: 100,
  phone: 30,
  website: 255,
  integer: 9,
  bigint: 18,
  double: 16,
  currency: 16,
  percent: 5,
  picklist: 120,
  multiselectpicklist: 2000,
  lookup: 120,
  ownerlookup: 120,
};

export function field(apiName: string, label: string, dataType: DataType, opts: Opts = {}): FieldSpec {
  const length = opts.length ?? DEFAULT_LENGTH[dataType];
  return { apiName, label, dataType, ...(length === undefined ? {} : { length }), ...opts };
}

export const text = (a: string, l: string, o: Opts = {}) => field(a, l, 'text', o);
export const textarea = (a: string, l: string, o: Opts = {}) => field(a, l, 'textarea', o);
export const integer = (a: string, l: string, o: Opts = {}) => field(a, l, 'integer', o);
export const currency = (a: string, l: string, o: Opts = {}) =>
  field(a, l, 'currency', { decimalPlace: 2, ...o });
export const percent = (a: string, l: string, o: Opts = {}) => field(a, l, 'percent', o);
export const date = (a: string, l: string, o: Opts = {}) => field(a, l, 'date', o);
export const datetime = (a: string, l: string, o: Opts = {}) => field(a, l, 'datetime', o);
export const boolean = (a: string, l: string, o: Opts = {}) => field(a, l, 'boolean', o);
export const lookup = (a: string, l: string, target: string, o: Opts = {}) =>
  field(a, l, 'lookup', { lookup: target, ...o });

/** A picklist; `-None-` first as Zoho lists it for optional standard picklists. */
export function picklist(a: string, l: string, values: readonly string[], o: Opts = {}): FieldSpec {
  return field(a, l, 'picklist', { picklist: values.map(option), ...o });
}

export function option(value: string): PicklistOption {
  return { display: value, actual: value, id: '' };
}

/** The system fields every module carries (Zoho returns them; they are never written by the API). */
export function systemFields(): FieldSpec[] {
  return [
    field('Owner', 'Owner', 'ownerlookup'),
    field('Created_By', 'Created By', 'ownerlookup', { readOnly: true }),
    field('Modified_By', 'Modified By', 'ownerlookup', { readOnly: true }),
    datetime('Created_Time', 'Created Time', { readOnly: true }),
    datetime('Modified_Time', 'Modified Time', { readOnly: true }),
  ];
}

export function activityFields(): FieldSpec[] {
  return [
    field('What_Id', 'Related To', 'lookup', { lookup: 'se_module' }),
    lookup('Who_Id', 'Contact Name', 'Contacts'),
    textarea('Description', 'Description'),
  ];
}
