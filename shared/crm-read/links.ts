/**
 * Which account a CRM record belongs to, and an activity's parent module: one rule for the sync's
 * mirror (which accounts a changed record re-queues), the bundle (which account an activity counts
 * for) and the widget's page load (COQL rows without `$se_module`). Pure.
 *
 * Contacts, deals, plans and stage history name their account in a lookup; an account is its own.
 * A task, event or call hangs off `What_Id` + `$se_module`: an account directly, a deal through that
 * deal's account, anything else (a lead, a campaign) belongs to no account.
 */
import type { FieldNames } from '../config/fields';
import { lookupId, type ZohoFields } from './records';

export type LinkedModule = keyof FieldNames['modules'];

/** An activity's parent: `$se_module` (null when unknown) and `What_Id`. */
export interface ActivityParent {
  module: string | null;
  id: string;
}

export interface RecordLink {
  /** The account the record itself names (an account: its own id; an activity: What_Id on an account). */
  accountId: string | null;
  /** An account's parent company (Parent_Account). */
  parentId: string | null;
  /** A task's, event's or call's parent, with its module resolved when the record lacked it. */
  what: ActivityParent | null;
}

const ACTIVITIES: ReadonlySet<LinkedModule> = new Set(['tasks', 'events', 'calls']);

export function isActivityModule(module: LinkedModule): boolean {
  return ACTIVITIES.has(module);
}

/**
 * An activity's parent module: its `$se_module` when Zoho sent one; else the module that holds the
 * What_Id (COQL may leave `$se_module` out; Zoho ids are unique across modules, so whoever knows the
 * ids can tell). `moduleOfId` answers for an id, or null when it does not know.
 */
export function activityParentModule(
  rec: ZohoFields,
  whatField: string,
  moduleOfId: (id: string) => string | null,
): string | null {
  if (typeof rec.$se_module === 'string') return rec.$se_module;
  const what = lookupId(rec[whatField]);
  return what ? moduleOfId(what) : null;
}

/** The activity with `$se_module` filled in when it was missing and can be told (else as it was). */
export function withParentModule<T extends ZohoFields>(
  rec: T,
  whatField: string,
  moduleOfId: (id: string) => string | null,
): T {
  if (typeof rec.$se_module === 'string') return rec;
  const module = activityParentModule(rec, whatField, moduleOfId);
  return module ? { ...rec, $se_module: module } : rec;
}

/** What a record of `module` links to (see RecordLink). */
export function recordLink(
  module: LinkedModule,
  rec: ZohoFields & { id: string },
  f: FieldNames,
  moduleOfId: (id: string) => string | null,
): RecordLink {
  switch (module) {
    case 'accounts':
      return { accountId: rec.id, parentId: lookupId(rec[f.account.parent]), what: null };
    case 'contacts':
      return { accountId: lookupId(rec[f.contact.account]), parentId: null, what: null };
    case 'deals':
      return { accountId: lookupId(rec[f.deal.account]), parentId: null, what: null };
    case 'accountPlans':
      return { accountId: lookupId(rec[f.plan.account]), parentId: null, what: null };
    case 'stageHistory':
      return { accountId: lookupId(rec[f.stageHistory.account]), parentId: null, what: null };
    case 'tasks':
    case 'events':
    case 'calls': {
      const id = lookupId(rec[f.activity.what]);
      if (!id) return { accountId: null, parentId: null, what: null };
      const what = { module: activityParentModule(rec, f.activity.what, moduleOfId), id };
      return { accountId: what.module === f.modules.accounts ? id : null, parentId: null, what };
    }
    default:
      return { accountId: null, parentId: null, what: null };
  }
}

/**
 * The account an activity counts for: What_Id itself when it is an account, the deal's account when
 * it is a deal (`dealAccount` knows it, or null), none otherwise.
 */
export function activityAccount(
  what: { module: string | null; id: string | null } | null,
  modules: Pick<FieldNames['modules'], 'accounts' | 'deals'>,
  dealAccount: (dealId: string) => string | null,
): string | null {
  if (!what?.id) return null;
  if (what.module === modules.accounts) return what.id;
  if (what.module === modules.deals) return dealAccount(what.id);
  return null;
}
