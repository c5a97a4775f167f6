/**
 * The org's users for the manager's view (roles tell field reps, inside sales and managers apart;
 * Reporting_To makes teams). Read with GET /users?type=ActiveUsers — one call per 200 users — on a
 * full pass, the first time, or when the copy is a day old; an incremental run otherwise spends
 * nothing on them. Only the fields the view reads are kept.
 */
import type { Logger } from 'pino';
import type { ZohoRecord } from '../../shared/crm-read/records';
import type { Mirror } from '../state/mirror';
import type { ZohoGateway } from '../zoho/gateway';

export const USERS_MAX_AGE_MS = 24 * 3600_000;
const MAX_PAGES = 50;
/** What the mirror keeps of each user: what the manager's view reads. */
export const USER_FIELDS = [
  'id',
  'full_name',
  'first_name',
  'last_name',
  'email',
  'role',
  'profile',
  'status',
  'Reporting_To',
];

/** Whether this run should read the users. */
export function usersDue(mirror: Mirror, o: { full: boolean; now: number }): boolean {
  const stored = mirror.users();
  return o.full || stored === null || o.now - stored.readAt >= USERS_MAX_AGE_MS;
}

/** Read every active user into the mirror; returns how many. */
export async function readUsers(
  deps: { gateway: ZohoGateway; mirror: Mirror; log: Logger },
  now: number,
): Promise<number> {
  const users: ZohoRecord[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await deps.gateway.listUsers('ActiveUsers', page);
    users.push(...res.data.map(pick));
    if (!res.more || res.data.length === 0) break;
  }
  deps.mirror.setUsers(users, now);
  deps.log.debug({ users: users.length }, 'users read');
  return users.length;
}

function pick(u: ZohoRecord): ZohoRecord {
  const out: ZohoRecord = { id: u.id };
  for (const k of USER_FIELDS) if (u[k] !== undefined) out[k] = u[k];
  return out;
}
