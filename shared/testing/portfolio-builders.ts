/**
 * Builders for small hand-made portfolios: Zoho-shaped Accounts carrying the fields the service
 * writes, Deals, Relationship_Stage_History and users, so roll-up tests read as plain data:
 * `acct({ id: 'a1', owner: 'u1', stage: '信頼定着', since: '2026-05-01', kpis: { csat: 4 } })`.
 * Used only by tests.
 */
import type { SalesProcessConfig } from '../config/schema';
import { kpiFieldName, type KpiKey } from '../model/keys';
import type { Instant } from '../model/types';
import { DEFAULT_FILTERS, type Portfolio, type PortfolioFilters } from '../portfolio/model';
import { normalisePortfolio } from '../portfolio/normalise';
import { applyFilters, type PortfolioView } from '../portfolio/filter';
import { CONFIG } from './engine-harness';

type Rec = Record<string, unknown>;

/** 2026-11-26 12:00 in Tokyo: FY2026 Q3 (Oct–Dec) with the shipped April fiscal year. */
export const P_AS_OF = Date.parse('2026-11-26T12:00:00+09:00') as Instant;

export function acct(
  o: {
    id: string;
    name?: string;
    owner?: string | null;
    stage?: string | null;
    since?: string;
    progress?: number;
    gaps?: string;
    industry?: string;
    parent?: string;
    /** KPI values as written to CRM (ratios in percent); setting any marks the account computed. */
    kpis?: Partial<Record<KpiKey, number | null>>;
    computed?: boolean;
  } & Rec,
): Rec {
  const {
    id,
    name,
    owner = 'u1',
    stage = '接点構築',
    since,
    progress,
    gaps,
    industry,
    parent,
    kpis,
    computed,
    ...rest
  } = o;
  const isComputed = computed ?? kpis !== undefined;
  return {
    id,
    Account_Name: name ?? `Account ${id}`,
    ...(owner !== null ? { Owner: { id: owner } } : {}),
    ...(stage !== null ? { Relationship_Stage: stage } : {}),
    ...(since !== undefined ? { Relationship_Stage_Since: since } : {}),
    ...(progress !== undefined ? { Stage_Progress: progress } : {}),
    ...(gaps !== undefined ? { Next_Stage_Gaps: gaps } : {}),
    ...(industry !== undefined ? { Industry: industry } : {}),
    ...(parent !== undefined ? { Parent_Account: { id: parent } } : {}),
    ...Object.fromEntries(Object.entries(kpis ?? {}).map(([k, v]) => [kpiFieldName(k as KpiKey), v])),
    ...(isComputed ? { Insight_Updated_At: '2026-11-26T03:00:00+09:00' } : {}),
    ...rest,
  };
}

export function deal(
  o: {
    id: string;
    account?: string;
    owner?: string;
    stage?: string;
    amount?: number;
    closing?: string;
    probability?: number;
    risk?: string;
    buying?: string;
  } & Rec,
): Rec {
  const {
    id,
    account = 'a1',
    owner = 'u1',
    stage = 'Needs Analysis',
    amount,
    closing,
    probability,
    risk,
    buying,
    ...rest
  } = o;
  return {
    id,
    Deal_Name: `Deal ${id}`,
    Account_Name: { id: account },
    Owner: { id: owner },
    Stage: stage,
    ...(amount !== undefined ? { Amount: amount } : {}),
    ...(closing !== undefined ? { Closing_Date: closing } : {}),
    ...(probability !== undefined ? { Probability: probability } : {}),
    ...(risk !== undefined ? { Forecast_Risk: risk } : {}),
    ...(buying !== undefined ? { Buying_Stage: buying } : {}),
    ...rest,
  };
}

export function change(o: {
  id: string;
  account?: string;
  from: string | null;
  to: string;
  at: string;
}): Rec {
  return {
    id: o.id,
    Account: { id: o.account ?? 'a1' },
    From_Stage: o.from,
    To_Stage: o.to,
    Changed_At: o.at.includes('T') ? o.at : `${o.at}T23:00:00+09:00`,
  };
}

export function user(o: { id: string; name?: string; role?: string; reportsTo?: string }): Rec {
  return {
    id: o.id,
    full_name: o.name ?? `User ${o.id}`,
    role: { name: o.role ?? 'フィールドセールス', id: `r-${o.role ?? 'field'}` },
    status: 'active',
    ...(o.reportsTo ? { Reporting_To: { id: o.reportsTo, name: o.reportsTo } } : {}),
  };
}

/** A manager m1 with field reps u1, u2 and inside-sales rep u3. */
export const TEAM = [
  user({ id: 'm1', name: '部長', role: 'エンタープライズ営業部長' }),
  user({ id: 'u1', name: '佐藤', reportsTo: 'm1' }),
  user({ id: 'u2', name: '鈴木', reportsTo: 'm1' }),
  user({ id: 'u3', name: '伊藤', role: 'インサイドセールス', reportsTo: 'm1' }),
];

export function portfolioOf(
  o: { accounts?: Rec[]; deals?: Rec[]; history?: Rec[]; users?: Rec[]; tasks?: Rec[] },
  config: SalesProcessConfig = CONFIG,
): Portfolio {
  return normalisePortfolio(
    {
      Tasks: o.tasks ?? [],
      Accounts: o.accounts ?? [],
      Deals: o.deals ?? [],
      Relationship_Stage_History: o.history ?? [],
      users: o.users ?? TEAM,
    },
    config,
  );
}

export function viewOf(
  o: Parameters<typeof portfolioOf>[0],
  filters: Partial<PortfolioFilters> = {},
  config: SalesProcessConfig = CONFIG,
): PortfolioView {
  return applyFilters(portfolioOf(o, config), { ...DEFAULT_FILTERS, ...filters });
}

export { CONFIG };
