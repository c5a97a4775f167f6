/**
 * What the gateway hands the rest of the widget: plain Zoho-shaped JSON (shared/crm-read/records.ts),
 * no SDK types.
 */
import type { ZohoFields, ZohoRecord } from '../../shared/crm-read/records';

/** The page the widget sits on (PageLoad): the module and the record id(s). */
export interface PageContext {
  entity: string;
  entityIds: string[];
}

export interface RecordPage {
  data: ZohoRecord[];
  more: boolean;
}

/** A page of GET records: `page` reaches the first 2,000 records; `nextPageToken` goes on from there. */
export interface ListPage extends RecordPage {
  nextPageToken: string | null;
}

export interface ListOptions {
  /** ≤ 50 field API names (Zoho requires them when listing). */
  fields: string[];
  /** By id, ascending or descending. */
  order: 'asc' | 'desc';
  /** 1-based; only within the first 2,000 records. Ignored when `pageToken` is given. */
  page?: number;
  pageToken?: string | null;
  /** ≤ 200 (the default). */
  perPage?: number;
}

export interface CrmGateway {
  getRecord(entity: string, id: string): Promise<ZohoRecord | null>;
  getRelatedRecords(entity: string, id: string, relatedList: string, page?: number): Promise<RecordPage>;
  coql(selectQuery: string): Promise<RecordPage>;
  /**
   * One page of a module's records (GET records, 1 credit): what COQL cannot return, e.g. a
   * record's subform rows (zoho-platform §3.5).
   */
  listRecords(entity: string, o: ListOptions): Promise<ListPage>;
  searchRecords(entity: string, criteria: string, page?: number): Promise<RecordPage>;
  /** One page (≤200) of the org's users of a type (GET /users): `{ id, full_name, role, Reporting_To, … }`. */
  getUsers(type: 'ActiveUsers' | 'AllUsers', page?: number): Promise<RecordPage>;
  /** Update one record (`data.id` names it); workflows are not triggered. Resolves with the id. */
  updateRecord(entity: string, data: ZohoFields & { id: string }): Promise<string>;
  /** Insert one record; resolves with the new id. */
  insertRecord(entity: string, data: ZohoFields): Promise<string>;
  /**
   * Run a CRM function (REST API function, OAuth) with string arguments; resolves with its output
   * (`details.output`, a function returning a string gives that string).
   */
  executeFunction(name: string, args: Record<string, string>): Promise<unknown>;
  /** Ask the host to size the widget's frame (best effort). */
  resize(height: number): void;
  /** Open a record in the CRM (a new tab, as Zoho's UI.Record.open does); best effort. */
  openRecord(entity: string, id: string): void;
}
