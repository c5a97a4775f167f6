/**
 * The closed vocabularies of the domain (DESIGN §2, §4). Keys are contracts: they name CRM picklist
 * values, config entries and the JSON of `npm run insight`, so they never change spelling.
 */
import type { FieldNames } from '../config/fields';

/** KPI keys; each is written to the Accounts field `KPI_` + the key in Title_Case (DESIGN §4). */
export const KPI_KEYS = [
  'contacts_reached',
  'departments_reached',
  'customer_consultations',
  'plan_updates',
  'key_person_meetings',
  'executive_touchpoints',
  'proposals',
  'quotes',
  'decision_maker_proposals',
  'study_sessions',
  'seminars',
  'referrals',
  'deals_created',
  'relationship_activity_share',
  'csat',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** KPIs that are ratios (0..1 in the engine, Zoho percent 0..100 when written back). */
export const RATIO_KPIS: ReadonlySet<KpiKey> = new Set(['relationship_activity_share']);

export const KGI_KEYS = ['annual_revenue', 'share_of_wallet', 'fy_orders', 'expansion_revenue'] as const;
export type KgiKey = (typeof KGI_KEYS)[number];

/**
 * Facts about an account that are neither KPIs nor KGIs but gate stages: the buyer map, the plan,
 * won business, the group. Counts unless noted.
 */
export const FACT_KEYS = [
  'decision_maker_identified', // 1 when a contact has Buying_Role decision_maker, else 0
  'key_persons', // contacts with a key buying role or Influence_Level ≥ the config's threshold
  'executive_contacts', // contacts that are executives (flag or title pattern)
  'buyer_map_roles', // contacts with any Buying_Role set
  'plan_sections_filled', // filled account-plan sections (optionally only the listed `sections`)
  'won_deals', // won deals closed in the window
  'won_deal_departments', // distinct departments of the contacts on deals won in the window
  'related_companies_engaged', // parent and child companies (Parent_Account) whose CRM Relationship_Stage is a stage
  'activities', // activities that happened in the window (optionally only the listed `kinds`)
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export type MetricKey = KpiKey | KgiKey | FactKey;
export const METRIC_KEYS: readonly MetricKey[] = [...KPI_KEYS, ...KGI_KEYS, ...FACT_KEYS];

/** Metrics that count evidence over a trailing window (a criterion may set its own `windowDays`). */
export const WINDOWED_METRICS: ReadonlySet<MetricKey> = new Set<MetricKey>([
  ...KPI_KEYS.filter((k) => k !== 'csat'),
  'won_deals',
  'won_deal_departments',
  'activities',
]);

/**
 * Metrics that never fall when evidence (an activity, contact, deal, plan row) is added. Only these
 * may gate a stage, so that recording more work can never demote an account.
 * `csat` is a rating, not evidence, and is allowed; ratios are not.
 */
export const STAGE_GATE_METRICS: ReadonlySet<MetricKey> = new Set<MetricKey>(
  METRIC_KEYS.filter((k) => k !== 'relationship_activity_share' && k !== 'share_of_wallet'),
);

/** The customer's buying process (DOMAIN §1), in order. */
export const BUYING_STAGE_KEYS = [
  'problem_recognition',
  'information_gathering',
  'comparison',
  'internal_approval',
  'decision',
  'negotiation',
  'contract',
] as const;
export type BuyingStageKey = (typeof BUYING_STAGE_KEYS)[number];

/** `Activity_Kind` picklist values (DESIGN §2). */
export const ACTIVITY_KINDS = [
  'proposal',
  'quote',
  'poc',
  'demo',
  'negotiation',
  'contract_draft',
  // 要件ヒアリング: a deal's requirements (the lesson's seller process: ヒアリング → 提案 → 見積).
  'requirements',
  'info_sharing',
  'exec_meeting',
  'study_session',
  'seminar',
  'consultation',
  'satisfaction_review',
  'referral',
  'case_study',
  'social',
  // 課題ヒアリング: the customer's issues, heard and put into words together (the 課題共有 stage).
  'issue_hearing',
  // ご挨拶・初回訪問: a first contact with a person or department (the 接点構築 stage).
  'greeting',
  // Counted on neither side of the mix: administrative (thank-you mails, scheduling) and internal work.
  'admin',
  'internal',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_PURPOSES = ['deal', 'relationship'] as const;
export type ActivityPurpose = (typeof ACTIVITY_PURPOSES)[number];

export const BUYING_ROLES = [
  'decision_maker',
  'influencer',
  'champion',
  'evaluator',
  'user',
  'gatekeeper',
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

export const ATTITUDES = ['advocate', 'supporter', 'neutral', 'skeptic', 'opponent'] as const;
export type Attitude = (typeof ATTITUDES)[number];

/** The six sections of an account plan (DOMAIN §3). */
export const PLAN_SECTIONS = [
  'overview',
  'strategy',
  'group',
  'potential_map',
  'buyer_map',
  'action_plan',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/** Zoho field name for a KPI: `KPI_` + Title_Case words (`contacts_reached` → `KPI_Contacts_Reached`). */
export function kpiFieldName(key: KpiKey, prefix = 'KPI_'): string {
  return prefix + key.split('_').map(capitalise).join('_');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The Accounts field a KGI is written to (DESIGN §2). */
export function kgiFieldName(key: KgiKey, account: FieldNames['account']): string {
  switch (key) {
    case 'annual_revenue':
      return account.kgiAnnualRevenue;
    case 'share_of_wallet':
      return account.kgiShareOfWallet;
    case 'fy_orders':
      return account.kgiFyOrders;
    case 'expansion_revenue':
      return account.kgiExpansionRevenue;
  }
}

/** The parts of an account's health score (config `health.weights`, shared/portfolio/health.ts). */
export const HEALTH_PARTS = ['stage', 'evidence', 'plan', 'keyPeople', 'dealRisk'] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];
