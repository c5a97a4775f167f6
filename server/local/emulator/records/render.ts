/**
 * Records as Zoho's GET APIs return them: the requested fields (all fields for a single record) plus
 * `id`, lookups as `{ name, id }` with the current name of the target, users as `{ name, id, email }`,
 * `$se_module` beside What_Id, subform rows with their `id` and `Parent_Id`.
 */
import type { FieldDef, ModuleDef } from '../metadata/types';
import type { Org } from '../org';
import type { RecordData, StoredRecord } from '../store/record-store';

function renderLookup(org: Org, value: unknown): unknown {
  const id = (value as { id?: unknown } | null)?.id;
  if (id === undefined || id === null) return null;
  const found = org.store.nameOf(String(id));
  return { name: found ? found.name : ((value as { name?: unknown }).name ?? null), id: String(id) };
}

function renderUser(org: Org, value: unknown): unknown {
  const id = (value as { id?: unknown } | null)?.id;
  if (id === undefined || id === null) return null;
  return org.users.ref(String(id)) ?? value;
}

function renderValue(org: Org, f: FieldDef, value: unknown, parent: RecordData): unknown {
  if (value === undefined || value === null) return null;
  switch (f.dataType) {
    case 'lookup':
      return renderLookup(org, value);
    case 'ownerlookup':
      return renderUser(org, value);
    case 'subform': {
      const sub = f.subform ? org.catalog.module(f.subform) : undefined;
      const parentRef = { name: typeof parent.Name === 'string' ? parent.Name : null, id: String(parent.id) };
      return (value as RecordData[]).map((row) => {
        const out: RecordData = {};
        for (const col of sub?.fields ?? []) out[col.apiName] = renderValue(org, col, row[col.apiName], row);
        return { ...out, Parent_Id: parentRef, id: String(row.id) };
      });
    }
    default:
      return value;
  }
}

/** `fields === 'all'`: every field of the module (GET one record without `fields`). */
export function renderRecord(
  org: Org,
  module: ModuleDef,
  record: StoredRecord,
  fields: readonly string[] | 'all',
): RecordData {
  const out: RecordData = {};
  const wanted =
    fields === 'all'
      ? module.fields
      : fields.map((n) => org.catalog.field(module, n)).filter((f): f is FieldDef => f !== undefined);
  for (const f of wanted) {
    out[f.apiName] = renderValue(org, f, record.data[f.apiName], record.data);
    if (f.lookup === 'se_module') out.$se_module = record.data.$se_module ?? null;
  }
  out.id = record.id;
  return out;
}
