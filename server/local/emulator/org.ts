/**
 * One emulated Zoho org: its metadata, records, users, clock and time zone, shared by every route.
 */
import { OrgCatalog } from './metadata/catalog';
import type { Catalog } from './metadata/types';
import { DEFAULT_ORG_SETTINGS, type OrgSettings } from './plugins';
import { ensureLinkIndexes, type Db } from './store/db';
import { RecordStore } from './store/record-store';
import { UserDirectory } from './store/users';
import { parseOffset, type OffsetMinutes } from './time';

const RECORD_ID_FLOOR = 3652397000001000000n;
const CATALOG_KEY = 'catalog';

export class Org {
  readonly store: RecordStore;
  catalog: OrgCatalog;
  users: UserDirectory;
  readonly tz: OffsetMinutes;
  readonly settings: OrgSettings;
  private nextId: bigint;

  /** A store without a saved catalog becomes a fresh org: Zoho's standard modules and fields only. */
  constructor(
    db: Db,
    readonly now: () => number,
    settings: Partial<OrgSettings> = {},
  ) {
    this.store = new RecordStore(db);
    this.settings = { ...DEFAULT_ORG_SETTINGS, ...settings };
    this.tz = parseOffset(this.settings.utcOffset);
    const saved = this.store.getMeta(CATALOG_KEY);
    this.catalog = saved ? new OrgCatalog(JSON.parse(saved) as Catalog) : OrgCatalog.create(now());
    if (!saved) this.saveCatalog();
    this.users = new UserDirectory(this.store.users());
    this.nextId = RECORD_ID_FLOOR;
    this.syncIdFloor();
    ensureLinkIndexes(db, this.catalog.lookupFields());
  }

  /** A new record id: numeric, 19 digits, above every id in the store. */
  newRecordId(): string {
    const id = this.nextId;
    this.nextId += 1n;
    return id.toString();
  }

  /** After loading records with their own ids. */
  syncIdFloor(): void {
    const max = this.store.maxId();
    if (max >= this.nextId) this.nextId = max + 1n;
  }

  saveCatalog(): void {
    this.store.setMeta(CATALOG_KEY, JSON.stringify(this.catalog.toJSON()));
    ensureLinkIndexes(this.store.db, this.catalog.lookupFields());
  }

  setUsers(users: Record<string, unknown>[]): void {
    this.store.setUsers(users);
    this.users = new UserDirectory(this.store.users());
  }
}
