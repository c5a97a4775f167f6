/**
 * Records of a dataset (DESIGN §3: exactly as Zoho's GET records API returns them) put into the store
 * as they are: no validation beyond what the store needs — a numeric id, datetimes in the org's offset,
 * system users, the derived values Zoho computes, and ids on subform rows. Batched in transactions.
 */
import type { ModuleDef } from '../metadata/types';
import type { Org } from '../org';
import { fullName, saveSubformRows, storeDisplayName } from '../records/persist';
import type { RecordData } from '../store/record-store';
import { formatDateTime, isCanonicalDateTime, normaliseDateTime, parseDateTime } from '../time';

export interface IngestStats {
  loaded: Record<string, number>;
  /** Records of modules the org does not have (e.g. custom modules of a `--bare` org). */
  skipped: Record<string, number>;
}

const BATCH = 5000;

interface ModuleShape {
  datetimes: string[];
  subforms: string[];
}

export class Ingester {
  readonly stats: IngestStats = { loaded: {}, skipped: {} };
  private pending: { module: ModuleDef; data: RecordData }[] = [];
  private shapes = new Map<string, ModuleShape>();
  private endBulk: (() => void) | null;

  /** `bulk`: drop and rebuild the indexes around the load (for loads that replace everything). */
  constructor(
    private readonly org: Org,
    opts: { bulk?: boolean } = {},
  ) {
    this.endBulk = opts.bulk ? org.store.beginBulk() : null;
  }

  private shape(module: ModuleDef): ModuleShape {
    let s = this.shapes.get(module.apiName);
    if (!s) {
      s = {
        datetimes: module.fields.filter((f) => f.dataType === 'datetime').map((f) => f.apiName),
        subforms: module.fields.filter((f) => f.dataType === 'subform').map((f) => f.apiName),
      };
      this.shapes.set(module.apiName, s);
    }
    return s;
  }

  add(moduleName: string, record: unknown): void {
    const module = this.org.catalog.recordModule(moduleName);
    if (!module || !record || typeof record !== 'object') {
      this.stats.skipped[moduleName] = (this.stats.skipped[moduleName] ?? 0) + 1;
      return;
    }
    this.pending.push({ module, data: record as RecordData });
    if (this.pending.length >= BATCH) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.org.store.transaction(() => {
      for (const { module, data } of batch) this.put(module, data);
    });
  }

  private put(module: ModuleDef, input: RecordData): void {
    const org = this.org;
    const data: RecordData = { ...input };
    const id = typeof data.id === 'string' && /^\d{1,19}$/.test(data.id) ? data.id : org.newRecordId();
    data.id = id;
    const me = org.users.currentRef();
    const shape = this.shape(module);
    for (const name of shape.datetimes) {
      const v = data[name];
      if (typeof v === 'string' && !isCanonicalDateTime(v, org.tz))
        data[name] = normaliseDateTime(v, org.tz) ?? v;
    }
    for (const name of shape.subforms) {
      const v = data[name];
      if (!Array.isArray(v)) continue;
      data[name] = (v as RecordData[]).map((row) => {
        const { Parent_Id: _parent, ...rest } = row;
        return { ...rest, id: typeof row.id === 'string' ? row.id : org.newRecordId() };
      });
    }
    const nowText = formatDateTime(org.now(), org.tz);
    data.Created_Time ??= nowText;
    data.Modified_Time ??= data.Created_Time;
    data.Created_By ??= me;
    data.Modified_By ??= data.Created_By;
    data.Owner ??= me;
    if ((module.apiName === 'Contacts' || module.apiName === 'Leads') && !data.Full_Name)
      data.Full_Name = fullName(data);
    const createdMs = parseDateTime(String(data.Created_Time)) ?? org.now();
    const modifiedMs = parseDateTime(String(data.Modified_Time)) ?? createdMs;
    org.store.put(module.apiName, id, storeDisplayName(module, data), createdMs, modifiedMs, data);
    if (shape.subforms.length > 0) saveSubformRows(org, module, data, undefined, createdMs, modifiedMs);
    this.stats.loaded[module.apiName] = (this.stats.loaded[module.apiName] ?? 0) + 1;
  }

  finish(): IngestStats {
    this.flush();
    this.endBulk?.();
    this.endBulk = null;
    this.org.syncIdFloor();
    return this.stats;
  }
}
