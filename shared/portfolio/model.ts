/**
 * The portfolio model: what the manager's view reads from the CRM, after normalisation
 * (`normalisePortfolio`). Only CRM records: Accounts with the fields the service writes, Deals,
 * Relationship_Stage_History and the org's users — so the web tab (reading the CRM) and
 * `GET /api/portfolio` (reading the service's mirror of it) roll up the same inputs.
 */
import type { BuyingStageKey, KgiKey, KpiKey } from '../model/keys';
import type { DataIssue, Instant, LocalDate } from '../model/types';
import type { AccountSnapshot } from './trends';

/** A place in the relationship process: `not_started` (未着手) or a config stage key. */
export type StageSlot = string;
export const NOT_STARTED: StageSlot = 'not_started';

/** How the config's team roles classify a user. */
export type UserKind = 'field' | 'inside' | 'manager' | 'other';
export const USER_KINDS: readonly UserKind[] = ['field', 'inside', 'manager', 'other'];

export interface PortfolioUser {
  id: string;
  name: string;
  role: string | null;
  kind: UserKind;
  /** Reporting_To: the user's manager, if the CRM knows it. */
  reportsTo: string | null;
}

export interface PortfolioAccount {
  id: string;
  name: string;
  /** The name's reading (furigana), when the CRM has one. */
  reading: string | null;
  ownerId: string | null;
  parentId: string | null;
  industry: string | null;
  /** Is_Target_Account: a strategically chosen target company; null when the field is not in the record. */
  isTarget: boolean | null;
  /** From Relationship_Stage; null when empty or not a stage of the config (not assessed). */
  stage: StageSlot | null;
  /** Relationship_Stage_Since. */
  since: LocalDate | null;
  /** Stage_Progress as 0..1. */
  progress: number | null;
  /** Next_Stage_Gaps, one criterion per line (in the config's writeBackLanguage). */
  gaps: string[];
  /** KPI_* as the engine means them: counts, ratios as 0..1. */
  kpis: Partial<Record<KpiKey, number | null>>;
  kgis: Partial<Record<KgiKey, number | null>>;
  /** Account_Health 0–100 (null until the service has scored the account) and its parts, as written. */
  health: number | null;
  healthParts: string | null;
  /** Insight_Updated_At: null = the service has not computed this account yet. */
  computedAt: Instant | null;
}

export type DealStatus = 'open' | 'won' | 'lost';

export interface PortfolioDeal {
  id: string;
  name: string;
  accountId: string | null;
  ownerId: string | null;
  zohoStage: string | null;
  status: DealStatus;
  /** The customer's buying stage: the config's mapping of Stage, else the Buying_Stage field. */
  buyingStage: BuyingStageKey | null;
  amount: number | null;
  closingDate: LocalDate | null;
  /** Zoho's Probability as 0..1 (the seller's process). */
  zohoProbability: number | null;
  /** Forecast_Risk lines `CODE: message`. */
  risks: { code: string; text: string }[];
}

export interface PortfolioStageChange {
  id: string;
  accountId: string;
  /** null = the account's first assessment; undefined = a label the config does not know. */
  from: StageSlot | null | undefined;
  to: StageSlot | undefined;
  at: Instant;
}

/** An open alert task the service keeps for a rule and an account (Tasks with Alert_Key). */
export interface PortfolioAlert {
  id: string;
  /** The rule's code (the part of Alert_Key before the account id). */
  code: string;
  accountId: string;
}

export interface Portfolio {
  accounts: PortfolioAccount[];
  /** Account snapshots (ESM_Snapshots) read so far: the month anchors the trends sample; absent when not read. */
  snapshots?: AccountSnapshot[];
  /** Open alert tasks (absent when the reader did not read Tasks). */
  alerts?: PortfolioAlert[];
  deals: PortfolioDeal[];
  /** Sorted by time (then id). */
  history: PortfolioStageChange[];
  users: PortfolioUser[];
  issues: DataIssue[];
}

export type PeriodKey = 'quarter' | 'fiscal_year' | 'trailing_90d';
export const PERIOD_KEYS: readonly PeriodKey[] = ['quarter', 'fiscal_year', 'trailing_90d'];

export interface PortfolioFilters {
  /** Account owners (user ids); empty = everyone. */
  owners: string[];
  /** A manager's user id: the accounts of everyone reporting to them (and their own). */
  team: string | null;
  /** Current stages; empty = all. */
  stages: StageSlot[];
  /** Industry values; empty = all. */
  industries: string[];
  /** Strategic targets only (`yes`), non-targets only (`no`), or all (null). Accounts.Is_Target_Account. */
  target: 'yes' | 'no' | null;
  period: PeriodKey;
}

export const DEFAULT_FILTERS: PortfolioFilters = {
  owners: [],
  team: null,
  stages: [],
  industries: [],
  target: null,
  period: 'quarter',
};

/** The service has computed the account: it has a stage and an Insight_Updated_At (its KPIs are there). */
export function isComputed(a: PortfolioAccount): boolean {
  return a.stage != null && a.computedAt != null;
}
