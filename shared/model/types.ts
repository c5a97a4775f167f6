/**
 * The domain model the engine computes over: Zoho records after normalisation (shared/normalise).
 * Instants are epoch milliseconds (offsets already applied); date-only values stay `YYYY-MM-DD`
 * strings, read in the org's UTC offset by the engine.
 */
import type { Bilingual } from '../config/schema';
import type { ActivityKind, ActivityPurpose, Attitude, BuyingRole } from './keys';

/** A Zoho record id (numeric string). */
export type ZohoId = string & { readonly __brand: 'ZohoId' };
/** Epoch milliseconds. */
export type Instant = number & { readonly __brand: 'Instant' };
/** A calendar date `YYYY-MM-DD` in the org's offset. */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

export interface Account {
  id: ZohoId;
  name: string;
  ownerId: ZohoId | null;
  ownerName: string | null;
  parentId: ZohoId | null;
  industry: string | null;
  customerSatisfaction: number | null;
  /**
   * Is_Target_Account: the account is one of the strategically chosen target companies (S:50).
   * null = the field is not in the record (an org that does not mark targets): treated as a target.
   */
  isTargetAccount: boolean | null;
  /** The Relationship_Stage value in the CRM (written by the service); read for group companies. */
  relationshipStage: string | null;
  modifiedTime: Instant | null;
}

export interface Contact {
  id: ZohoId;
  accountId: ZohoId | null;
  name: string;
  department: string | null;
  title: string | null;
  reportingToId: ZohoId | null;
  buyingRole: BuyingRole | null;
  attitude: Attitude | null;
  influence: number | null;
  /** The Is_Executive flag as stored; title patterns are applied by the engine. */
  executiveFlag: boolean;
  /** Influences: the contacts this person sways (influence lines of the buyer map, not reporting lines). */
  influences: ZohoId[];
}

export interface Deal {
  id: ZohoId;
  name: string;
  accountId: ZohoId | null;
  contactId: ZohoId | null;
  zohoStage: string | null;
  amount: number | null;
  closingDate: LocalDate | null;
  type: string | null;
  probability: number | null;
  createdTime: Instant | null;
  ownerId: ZohoId | null;
  ownerName: string | null;
  /** Buying_Evidence: the exit-criterion keys the rep ticked (buyer evidence), one per line in CRM. */
  buyingEvidence: string[];
  /** Quote_Requested: the customer asked for a quote (e.g. a rough estimate for budgeting). */
  quoteRequested: boolean;
  /** Buying_Committee: the contacts on the deal's buying committee besides Contact_Name. */
  committee: ZohoId[];
}

export type ActivityModule = 'Tasks' | 'Events' | 'Calls';

export interface Activity {
  id: ZohoId;
  module: ActivityModule;
  /** Task Subject, Event Event_Title, Call Subject (+ Call_Purpose): the text keyword rules read. */
  subject: string;
  kindField: ActivityKind | null;
  purposeField: ActivityPurpose | null;
  /** When it happened or will happen: Task Closed_Time (else Due_Date), Event start, Call start. */
  at: Instant | null;
  /** Tasks: Status is a completed value. Events and calls: true (they happen at `at`). */
  completed: boolean;
  /** Calls: Call_Type is inbound. */
  inbound: boolean;
  what: { module: string; id: ZohoId } | null;
  contactIds: ZohoId[];
}

export interface PotentialRow {
  segment: string;
  offering: string;
  potential: number;
  current: number;
}

export interface PlanUpdate {
  date: LocalDate;
  summary: string;
}

export interface AccountPlan {
  id: ZohoId;
  accountId: ZohoId | null;
  overview: string;
  strategy: string;
  issues: string;
  group: string;
  longTermActions: string;
  shortTermActions: string;
  /** Deployment_Plan (導入・活用計画): how the customer rolls out and uses what it bought (S:56). */
  deploymentPlan: string;
  potentialMap: PotentialRow[];
  updates: PlanUpdate[];
  modifiedTime: Instant | null;
}

export interface StageChange {
  id: ZohoId;
  accountId: ZohoId | null;
  from: string | null;
  to: string | null;
  changedAt: Instant | null;
}

export interface DataIssue {
  /** Stable: what API clients match on. */
  code: DataIssueCode;
  /** For people, in both languages (shared/i18n/issues.ts); names the record and field. */
  message: Bilingual;
  recordId?: string;
}

export const DATA_ISSUE_CODES = [
  'INVALID_RECORD',
  'INVALID_VALUE',
  'UNKNOWN_PICKLIST_VALUE',
  'UNMAPPED_DEAL_STAGE',
  'ORPHAN_RECORD',
  'MULTIPLE_PLANS',
  'REPORTING_CYCLE',
] as const;
export type DataIssueCode = (typeof DATA_ISSUE_CODES)[number];

/** Everything normalised from one dataset, with the problems found on the way. */
export interface Dataset {
  accounts: Account[];
  contacts: Contact[];
  deals: Deal[];
  activities: Activity[];
  plans: AccountPlan[];
  stageHistory: StageChange[];
  /** Problems tied to a record id, or dataset-wide when no record could be named. */
  issues: DataIssue[];
}

/** One account with every record that bears on its insight (shared/normalise/bundle.ts). */
export interface AccountBundle {
  account: Account;
  contacts: Contact[];
  deals: Deal[];
  /** Activities linked to the account or to one of its deals. */
  activities: Activity[];
  plan: AccountPlan | null;
  /** Group companies via Parent_Account: the parent and the children. */
  related: RelatedAccount[];
  /** Its Relationship_Stage_History records, oldest first (the stage reached, and when). */
  stageHistory: StageChange[];
  issues: DataIssue[];
}

export interface RelatedAccount {
  id: ZohoId;
  name: string;
  relation: 'parent' | 'child';
  /** Its Relationship_Stage in the CRM: a stage label (or key), the not-started label, or null. */
  relationshipStage: string | null;
}
