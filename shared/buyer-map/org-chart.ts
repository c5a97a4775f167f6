/**
 * The buyer map's org chart: contacts under their `Reporting_To`, depth-first, bosses before their
 * reports, names in order. A boss outside the account and a reporting cycle (the engine reports it as
 * a data issue) both make a contact a root, so every contact is shown exactly once.
 */
import type { Contact } from '../model/types';

export interface OrgChartRow {
  contact: Contact;
  depth: number;
}

export function buildOrgChart(contacts: Contact[]): OrgChartRow[] {
  const byId = new Map(contacts.map((c) => [c.id as string, c]));
  const reports = new Map<string, Contact[]>();
  const roots: Contact[] = [];
  for (const c of contacts) {
    const boss = c.reportingToId && c.reportingToId !== c.id ? byId.get(c.reportingToId) : undefined;
    if (boss && !inCycle(c, byId)) {
      const list = reports.get(boss.id) ?? [];
      list.push(c);
      reports.set(boss.id, list);
    } else roots.push(c);
  }
  const rows: OrgChartRow[] = [];
  const seen = new Set<string>();
  const visit = (c: Contact, depth: number) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    rows.push({ contact: c, depth });
    for (const r of byName(reports.get(c.id) ?? [])) visit(r, depth + 1);
  };
  for (const r of byName(roots)) visit(r, 0);
  for (const c of contacts) visit(c, 0); // anything a cycle left out
  return rows;
}

/** Whether following `Reporting_To` up from `start` comes back to it. */
export function inCycle(start: Contact, byId: Map<string, Contact>): boolean {
  const seen = new Set<string>([start.id]);
  let cur = start.reportingToId ? byId.get(start.reportingToId) : undefined;
  while (cur) {
    if (seen.has(cur.id)) return cur.id === start.id;
    seen.add(cur.id);
    cur = cur.reportingToId ? byId.get(cur.reportingToId) : undefined;
  }
  return false;
}

/** Contacts in name order (Japanese collation). */
export function byName(list: Contact[]): Contact[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}
