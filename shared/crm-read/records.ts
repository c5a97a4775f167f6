/**
 * Small readers of Zoho-shaped records that the widget, the service and the local CRM all need. Pure.
 */

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
