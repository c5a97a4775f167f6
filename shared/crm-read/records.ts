/**
 * The product's one name for a Zoho record, and small readers of records that the widget, the
 * service and the local toolkit all need. Pure. (The emulator keeps its own record type: it imitates
 * Zoho and imports nothing of ours.)
 */

/**
 * One Zoho record as the REST API (and the widget SDK) answers it: field API name → JSON value, the
 * `id` a string. What the gateway reads, the mirror keeps, the widget loads and the demo builds.
 */
export type ZohoRecord = Record<string, unknown> & { id: string };

/** Field values without an id: a record to insert, an update's fields, a record being built. */
export type ZohoFields = Record<string, unknown>;

/** Records by module API name (the DESIGN §3 dataset). */
export type ZohoDataset = Record<string, ZohoRecord[]>;

/** An untrusted row as a record: an object whose id is a string or a number (kept as a string); else null. */
export function toZohoRecord(v: unknown): ZohoRecord | null {
  if (v == null || typeof v !== 'object' || Array.isArray(v)) return null;
  const id = (v as { id?: unknown }).id;
  if (typeof id === 'string' && id !== '') return v as ZohoRecord;
  if (typeof id === 'number' && Number.isFinite(id)) return { ...(v as ZohoFields), id: String(id) };
  return null;
}

/** A lookup's id: `{ id, name }`, a bare id string or number; anything else (or '') is none. */
export function lookupId(v: unknown): string | null {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return String(v);
  if (v != null && typeof v === 'object' && !Array.isArray(v) && 'id' in v) {
    const id = (v as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

/** Records in first-seen order, one per id (reads that overlap, e.g. events linked to two ids). */
export function dedupeById<T extends { id?: unknown }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const id = String(r.id);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
