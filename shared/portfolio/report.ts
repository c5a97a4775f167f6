/**
 * `computePortfolio`: the manager's view of a portfolio (DOMAIN "Managers"), the JSON of
 * `GET /api/portfolio` and what the web tab draws. Pure: the same records, config, filters and
 * as-of instant give the same report in the widget and in the service.
 */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import type { DataIssue, Instant, LocalDate } from '../model/types';
import { accountRows, type AccountRow } from './accounts';
import { alertRollup, type AlertRollup } from './alert-rollup';
import { activityBalance, type ActivityBalance } from './activity';
import { stageDistribution, type StageDistribution } from './distribution';
import { applyFilters } from './filter';
import { forecastByQuarter, type Forecast } from './forecast';
import { portfolioGuidance, type GuidanceItem } from './guidance';
import { kpiRollup, type KpiRollup } from './kpis';
import { PERIOD_LABELS, slotLabel } from './labels';
import { isComputed, type Portfolio, type PortfolioFilters, type PeriodKey, type StageSlot } from './model';
import { stageMovement, type StageMovement } from './movement';
import { periodRange } from './period';
import { compareText, repsInView, stageSlots, type RepRef } from './reps';

export interface PortfolioReport {
  asOf: string;
  period: { key: PeriodKey; label: Bilingual; start: string; startDate: LocalDate; endDate: LocalDate };
  filters: PortfolioFilters;
  /** What the filters can choose from (the whole portfolio, not only what is in view). */
  options: {
    owners: RepRef[];
    teams: { id: string; name: string }[];
    industries: string[];
    stages: { slot: StageSlot; label: Bilingual }[];
  };
  /** Owners of the accounts in view. */
  reps: RepRef[];
  totals: { accounts: number; assessed: number; computed: number; openDeals: number; portfolio: number };
  distribution: StageDistribution;
  movement: StageMovement;
  kpis: KpiRollup;
  activity: { team: ActivityBalance; perRep: (ActivityBalance & { ownerId: string | null })[] };
  forecast: Forecast;
  guidance: GuidanceItem[];
  /** Open alert tasks of the accounts in view, per rep and account. */
  alerts: AlertRollup;
  accounts: AccountRow[];
  /** Data problems found reading the records (at most 50; `issueCount` has them all). */
  issues: DataIssue[];
  issueCount: number;
}

/**
 * `dealsPending`: the web tab's first phase (the deals and alert tasks are still being read; the
 * portfolio has none yet). The guidance and the accounts table, which the page shows as loading
 * until the deals are in, are left empty: the first panel does not wait for 10,000 account rows it
 * does not draw. They are computed with the deals.
 */
export function computePortfolio(
  portfolio: Portfolio,
  config: SalesProcessConfig,
  filters: PortfolioFilters,
  asOf: Instant,
  dealsPending = false,
): PortfolioReport {
  const period = periodRange(filters.period, asOf, config);
  const view = applyFilters(portfolio, filters);
  const activity = activityBalance(view, config);
  const guidance = dealsPending ? [] : portfolioGuidance(view, config, activity);
  return {
    asOf: new Date(asOf).toISOString(),
    period: {
      key: period.key,
      label: PERIOD_LABELS[period.key],
      start: new Date(period.start).toISOString(),
      startDate: period.startDate,
      endDate: period.endDate,
    },
    filters,
    options: {
      owners: repsInView({ ...view, accounts: portfolio.accounts }).filter((r) => r.id !== null),
      teams: portfolio.users
        .filter((u) => portfolio.users.some((r) => r.reportsTo === u.id))
        .map((u) => ({ id: u.id, name: u.name }))
        .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id)),
      industries: [...new Set(portfolio.accounts.map((a) => a.industry).filter((i) => i != null))].sort(),
      stages: stageSlots(config).map((slot) => ({ slot, label: slotLabel(slot, config) })),
    },
    reps: repsInView(view),
    totals: {
      accounts: view.accounts.length,
      assessed: count(view.accounts, (a) => a.stage != null),
      computed: count(view.accounts, isComputed),
      openDeals: count(view.deals, (d) => d.status === 'open'),
      portfolio: portfolio.accounts.length,
    },
    distribution: stageDistribution(view, config, period.start),
    movement: stageMovement(view, config, period.start, asOf),
    kpis: kpiRollup(view, config),
    activity,
    forecast: forecastByQuarter(view, config, asOf),
    guidance,
    alerts: alertRollup(view, portfolio.alerts ?? [], config),
    accounts: dealsPending ? [] : accountRows(view, config, asOf, guidance),
    issues: portfolio.issues.slice(0, 50),
    issueCount: portfolio.issues.length,
  };
}

/** How many items hold `test` (a filter's length, without the list). */
function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n;
}
