/**
 * The demo as a script: each account's people, deals, activities and plan, with every date told in
 * days before `asOf` (negative = after it). The builders turn a story into Zoho records; the stage
 * each story is written to reach (with the shipped config) is stated so tests can hold it to that.
 */
import type {
  ActivityKind,
  ActivityPurpose,
  Attitude,
  BuyingRole,
  BuyingStageKey,
} from '../../../../../shared/model/keys';
import type { UserKey } from '../users';

export type StageKey =
  | 'contact'
  | 'shared_issues'
  | 'co_creation'
  | 'executive'
  | 'trust'
  | 'internal_expansion'
  | 'external_expansion';

export interface PersonSpec {
  key: string;
  dept: string;
  title: string;
  boss?: string;
  role?: BuyingRole;
  attitude?: Attitude;
  influence?: number;
  /** Is_Executive as the rep ticked it (titles matching the config's patterns count anyway). */
  exec?: boolean;
  note?: string;
  /** Influences: keys of the people this person sways (influence lines, not reporting lines). */
  influences?: string[];
}

export interface DealSpec {
  key: string;
  name: string;
  /** Zoho Deals.Stage. */
  stage: string;
  amount: number;
  type: 'New Business' | 'Existing Business';
  contact: string;
  created: number;
  /** Closing_Date, days before asOf (negative = in the future). */
  close: number;
  source?: string;
  nextStep?: string;
  /**
   * The buying stage the rep's checklist verifies (Buying_Evidence ticks every exit criterion of the
   * stages before it). Default: the stage the Zoho stage maps to; 'none' = nothing ticked.
   */
  evidence?: BuyingStageKey | 'none';
  /** Quote_Requested: the customer asked for the quote. */
  quoteRequested?: boolean;
  /** Buying_Committee: keys of the people on the deal's buying committee besides `contact`. */
  committee?: string[];
}

export type ActivityModule = 'Tasks' | 'Events' | 'Calls';

export interface ActivitySpec {
  module: ActivityModule;
  day: number;
  subject: string;
  /** Contact keys; the first is Who_Id, all are Event participants. */
  contacts: string[];
  deal?: string;
  kind?: ActivityKind;
  purpose?: ActivityPurpose;
  /** Tasks: default Completed in the past, Not Started in the future. */
  status?: 'Not Started' | 'In Progress' | 'Completed' | 'Waiting for input' | 'Deferred';
  inbound?: boolean;
  callPurpose?: string;
  hour?: number;
  minutes?: number;
  venue?: string;
  /** Another user than the account owner (a senior visit). */
  owner?: UserKey;
  description?: string;
}

export interface PlanSpec {
  created: number;
  overview: string;
  strategy: string;
  issues: string;
  group: string;
  longTerm: string;
  shortTerm: string;
  /** Deployment_Plan (導入・活用計画); absent = empty. */
  deployment?: string;
  /** [Segment, Offering, Potential_Amount, Current_Amount] */
  potential: [string, string, number, number][];
  /** [days ago, Summary] */
  updates: [number, string][];
}

export interface AccountProfile {
  industry: string | null;
  employees: number;
  /** Annual_Revenue in JPY. */
  revenue: number;
  state: string;
  city: string;
  /** E-mail and web domain, under example.co.jp (reserved, never a real company). */
  domain: string;
  type: 'Customer' | 'Prospect';
  ownership: string;
  description: string;
}

export interface AccountStory {
  key: string;
  name: string;
  /** The relationship stage this story is written to reach (shipped config); null = not started. */
  expectedStage: StageKey | null;
  parent?: string;
  owner: UserKey;
  /** Days before asOf the account record was created in the CRM. */
  created: number;
  profile: AccountProfile;
  csat?: number;
  /** Is_Target_Account; default true (a strategically chosen target company). */
  target?: boolean;
  people: PersonSpec[];
  deals: DealSpec[];
  activities: ActivitySpec[];
  plan?: PlanSpec;
  /** Routine follow-ups (calls, e-mails) with non-key contacts: per month, from `from` days ago. */
  routine?: { from: number; perMonth: number };
}

type PersonOpts = Omit<PersonSpec, 'key' | 'dept' | 'title'>;
type ActivityOpts = Omit<ActivitySpec, 'module' | 'day' | 'subject' | 'contacts'>;

export const person = (key: string, dept: string, title: string, o: PersonOpts = {}): PersonSpec => ({
  key,
  dept,
  title,
  ...o,
});

/** A meeting (Events) with the given participants. */
export const meet = (
  day: number,
  subject: string,
  contacts: string[],
  o: ActivityOpts = {},
): ActivitySpec => ({
  module: 'Events',
  day,
  subject,
  contacts,
  ...o,
});

/** A task (Tasks) with one contact (Who_Id) or none. */
export const todo = (
  day: number,
  subject: string,
  who: string | null,
  o: ActivityOpts = {},
): ActivitySpec => ({
  module: 'Tasks',
  day,
  subject,
  contacts: who ? [who] : [],
  ...o,
});

/** A call (Calls); outbound unless `inbound`. */
export const call = (day: number, subject: string, who: string, o: ActivityOpts = {}): ActivitySpec => ({
  module: 'Calls',
  day,
  subject,
  contacts: [who],
  ...o,
});
