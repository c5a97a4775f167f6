/** A deal's buying committee on the buyer map (issue 15). Pure; apart from the layout so the page's first chunk stays small. */
import type { Contact, Deal } from '../model/types';

/** The contacts on a deal's buying committee: its Contact_Name and its Buying_Committee field. */
export function buyingCommittee(deal: Deal, contacts: Contact[]): Set<string> {
  const ids = new Set(contacts.map((c) => c.id as string));
  const all: (string | null)[] = [deal.contactId, ...deal.committee];
  return new Set(all.filter((id): id is string => id != null && ids.has(id)));
}
