/**
 * `GET /api/portfolio` (DESIGN §7): the manager's view computed from the service's mirror of the
 * CRM — the same records the web tab reads (Accounts with the fields the service writes, Deals,
 * Relationship_Stage_History, users) through the same shared normaliser and roll-ups, so both show
 * the same numbers.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { Instant } from '../../shared/model/types';
import type { Portfolio } from '../../shared/portfolio/model';
import { USERS_KEY, normalisePortfolio } from '../../shared/portfolio/normalise';
import { parsePortfolioQuery } from '../../shared/portfolio/query';
import { computePortfolio, type PortfolioReport } from '../../shared/portfolio/report';
import { AppError } from '../errors';
import type { Mirror } from '../state/mirror';
import type { SyncState } from '../state/sync-state';

/** The mirror's records as a DESIGN §3 dataset fragment → the portfolio model. */
export function portfolioFromMirror(mirror: Mirror, config: SalesProcessConfig): Portfolio {
  const m = config.fields.modules;
  return normalisePortfolio(
    {
      [m.accounts]: [...mirror.all('accounts')],
      [m.deals]: [...mirror.all('deals')],
      [m.stageHistory]: [...mirror.all('stageHistory')],
      // the service's alert tasks (Alert_Key set): the open alerts per rep
      [m.tasks]: [...mirror.withStringField('tasks', config.fields.task.alertKey)],
      [USERS_KEY]: mirror.users()?.users ?? [],
    },
    config,
  );
}

/** Query parameters → report; a bad parameter is a 400 with what was wrong. */
export function portfolioReport(
  mirror: Mirror,
  config: SalesProcessConfig,
  query: Record<string, unknown>,
  now: () => number,
  load: (mirror: Mirror, config: SalesProcessConfig) => Portfolio = portfolioFromMirror,
): PortfolioReport {
  const q = parsePortfolioQuery(query, config);
  if (!q.ok) throw new AppError('BAD_INPUT', q.message);
  if (mirror.count('accounts') === 0 && mirror.users() === null)
    throw new AppError('NOT_READY', 'the first sync has not read the CRM yet; try again when it is done');
  return computePortfolio(load(mirror, config), config, q.filters, q.asOf ?? (now() as Instant));
}

/**
 * The normalised portfolio, kept between requests while the mirror cannot have changed: only a sync
 * run changes it, so the key is the last finished run (and the mirror and config objects, which a
 * config reload replaces). During a run — this process's or `npm run sync`'s — nothing is kept.
 * Reading 10,000 accounts and their deals from the mirror takes about a second; filters then cost
 * only the roll-ups. The service refreshes it when one of its runs finishes (`refresh`).
 */
export class PortfolioCache {
  private kept: { key: string; mirror: Mirror; config: SalesProcessConfig; portfolio: Portfolio } | null =
    null;

  constructor(private readonly source: { state: SyncState; busy: boolean }) {}

  /**
   * After a run: read the portfolio again now, so the first request after it is answered from
   * memory — only once someone has asked for the portfolio since the service started (nobody pays
   * for a view no one opens). Errors are the next request's to report.
   */
  refresh = (mirror: Mirror, config: SalesProcessConfig): void => {
    if (this.kept === null) return;
    try {
      this.get(mirror, config);
    } catch {
      this.kept = null;
    }
  };

  get = (mirror: Mirror, config: SalesProcessConfig): Portfolio => {
    const last = this.source.state.recentRuns(1)[0];
    if (this.source.busy || (last && last.finishedAt === null)) return portfolioFromMirror(mirror, config);
    const key = `${last?.id ?? 0}@${last?.finishedAt ?? ''}`;
    const k = this.kept;
    if (k && k.key === key && k.mirror === mirror && k.config === config) return k.portfolio;
    const portfolio = portfolioFromMirror(mirror, config);
    this.kept = { key, mirror, config, portfolio };
    return portfolio;
  };
}
