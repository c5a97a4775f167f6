/**
 * The org's metadata at run time: modules, fields and related lists, with Zoho's lookups (module names
 * are case-insensitive in URLs) and the changes the settings API may make (new fields, new modules).
 * Plain data (`Catalog`) so the store can persist it as JSON.
 */
import { lookup, type FieldSpec } from './builders';
import { NON_API_MODULES, STANDARD_MODULES, type ModuleSpec } from './standard-modules';
import type { Catalog, FieldDef, ModuleDef, RelatedListDef } from './types';

const META_ID_BASE = 3652397000000000000n;
/** Modules a task, meeting or call may be related to through What_Id. */
const WHAT_ID_MODULES = ['Accounts', 'Deals'];
const ACTIVITY_MODULES = ['Tasks', 'Events', 'Calls'];

export class OrgCatalog {
  private byName = new Map<string, ModuleDef>();

  constructor(private readonly data: Catalog) {
    this.reindex();
  }

  /**
   * A fresh org: Zoho's standard modules and fields only. Custom fields and modules are added as in
   * Zoho, through the settings API (or, for subforms, the layout editor: `/__emulator/subforms`).
   */
  static create(nowMs: number): OrgCatalog {
    const catalog = new OrgCatalog({ modules: [], nextMetaId: 2000 });
    for (const spec of [...NON_API_MODULES, ...STANDARD_MODULES]) catalog.addModule(spec, nowMs);
    catalog.rebuildRelatedLists();
    return catalog;
  }

  toJSON(): Catalog {
    return this.data;
  }

  get modules(): readonly ModuleDef[] {
    return this.data.modules;
  }

  module(name: string): ModuleDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** A module the records API serves (not Home/Feeds, not a subform). */
  recordModule(name: string): ModuleDef | undefined {
    const m = this.module(name);
    return m && m.apiSupported && m.generatedType !== 'subform' ? m : undefined;
  }

  field(module: ModuleDef, apiName: string): FieldDef | undefined {
    return module.fields.find((f) => f.apiName === apiName);
  }

  isActivityModule(module: ModuleDef): boolean {
    return ACTIVITY_MODULES.includes(module.apiName);
  }

  whatIdModules(): string[] {
    return [
      ...WHAT_ID_MODULES,
      ...this.data.modules.filter((m) => m.generatedType === 'custom').map((m) => m.apiName),
    ];
  }

  newId(): string {
    const id = (META_ID_BASE + BigInt(this.data.nextMetaId)).toString();
    this.data.nextMetaId += 1;
    return id;
  }

  addModule(spec: ModuleSpec, nowMs: number): ModuleDef {
    const module: ModuleDef = {
      id: this.newId(),
      apiName: spec.apiName,
      singular: spec.singular,
      plural: spec.plural,
      generatedType: spec.generatedType,
      ...(spec.parentModule ? { parentModule: spec.parentModule } : {}),
      apiSupported: spec.apiSupported ?? true,
      displayField: spec.displayField,
      fields: [],
      relatedLists: [],
      modifiedMs: nowMs,
    };
    this.data.modules.push(module);
    this.reindex();
    // Subform rows point at their record through Parent_Id (COQL on the subform module reads it).
    if (spec.generatedType === 'subform' && spec.parentModule) {
      this.addField(
        module.apiName,
        lookup('Parent_Id', 'Parent Id', spec.parentModule, { readOnly: true }),
        nowMs,
      );
    }
    for (const f of spec.fields) this.addField(module.apiName, f, nowMs);
    return module;
  }

  addField(moduleName: string, spec: FieldSpec, nowMs: number): FieldDef {
    const module = this.module(moduleName);
    if (!module) throw new Error(`no module ${moduleName}`);
    const def: FieldDef = {
      ...spec,
      id: this.newId(),
      custom: spec.custom ?? false,
      createdMs: nowMs,
      ...(spec.picklist ? { picklist: spec.picklist.map((o) => ({ ...o, id: this.newId() })) } : {}),
    };
    module.fields.push(def);
    module.modifiedMs = nowMs;
    return def;
  }

  /**
   * Related lists follow from lookups: a lookup on X to Y gives Y a list of X; activities appear on the
   * modules What_Id may point at and on Contacts through Who_Id.
   */
  rebuildRelatedLists(): void {
    const lists = new Map<string, RelatedListDef[]>();
    const add = (parent: string, list: Omit<RelatedListDef, 'id'>) => {
      const existing = lists.get(parent) ?? [];
      const old = this.module(parent)?.relatedLists.find((r) => r.apiName === list.apiName);
      if (!existing.some((r) => r.apiName === list.apiName))
        existing.push({ id: old?.id ?? this.newId(), ...list });
      lists.set(parent, existing);
    };
    for (const m of this.data.modules) {
      if (m.generatedType === 'subform' || !m.apiSupported) continue;
      for (const f of m.fields) {
        if (f.dataType !== 'lookup' || !f.lookup) continue;
        if (f.lookup === 'se_module') {
          for (const target of WHAT_ID_MODULES)
            add(target, { apiName: m.apiName, label: m.plural, module: m.apiName, field: f.apiName });
          continue;
        }
        const taken = (lists.get(f.lookup) ?? []).some((r) => r.apiName === m.apiName);
        const apiName = taken || f.lookup === m.apiName ? `${m.apiName}_${f.apiName}` : m.apiName;
        add(f.lookup, { apiName, label: m.plural, module: m.apiName, field: f.apiName });
      }
    }
    for (const m of this.data.modules) m.relatedLists = lists.get(m.apiName) ?? [];
  }

  /**
   * The (module, lookup field) pairs the store indexes: lookups to Accounts, What_Id and subform
   * Parent_Id — what related lists of accounts and deals and joins on them read. Other lookups
   * (Who_Id, Reporting_To, Contact_Name) are scanned when queried: each index costs every bulk load.
   */
  lookupFields(): { module: string; field: string }[] {
    const indexed = (f: FieldDef) =>
      f.dataType === 'lookup' &&
      (f.lookup === 'Accounts' || f.lookup === 'se_module' || f.apiName === 'Parent_Id');
    return this.data.modules.flatMap((m) =>
      m.apiSupported ? m.fields.filter(indexed).map((f) => ({ module: m.apiName, field: f.apiName })) : [],
    );
  }

  private reindex(): void {
    this.byName = new Map(this.data.modules.map((m) => [m.apiName.toLowerCase(), m]));
  }
}
