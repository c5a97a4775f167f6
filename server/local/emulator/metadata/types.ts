/**
 * The org's metadata as the emulator keeps it: modules, their fields and related lists. Rendered to
 * Zoho's JSON by `field-json.ts`; persisted as JSON in the store so fields created through the API
 * survive a restart. The emulator's own model of a Zoho org: nothing here comes from the product.
 */
import type { FieldDef, GeneratedType } from '../../../zoho-model/fields';

/** Zoho's field model (server/zoho-model/fields.ts), shared with the product's schema. */
export * from '../../../zoho-model/fields';

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
