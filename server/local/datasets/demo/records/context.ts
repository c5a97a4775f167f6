/**
 * What every record builder needs: the clock, the users, the id allocator and the helpers that
 * write values the way Zoho's GET records API returns them.
 */
import type { ZohoFields } from '../../../../../shared/crm-read/records';
import type { Instant } from '../../../../../shared/model/types';
import type { DemoClock } from '../clock';
import type { IdAllocator } from '../ids';
import type { DemoUsers, UserRef } from '../users';

export interface BuildContext {
  clock: DemoClock;
  users: DemoUsers;
  ids: IdAllocator;
}

/** A lookup as Zoho returns it. */
export function lookup(id: string, name: string): { id: string; name: string } {
  return { id, name };
}

/** Owner, Created_By, Modified_By, Created_Time, Modified_Time. */
export function systemFields(
  ctx: BuildContext,
  o: { owner: UserRef; created: Instant; modified: Instant; modifiedBy?: UserRef },
): ZohoFields {
  return {
    Owner: o.owner,
    Created_By: o.owner,
    Modified_By: o.modifiedBy ?? o.owner,
    Created_Time: ctx.clock.iso(o.created),
    Modified_Time: ctx.clock.iso(Math.max(o.created, o.modified) as Instant),
  };
}
