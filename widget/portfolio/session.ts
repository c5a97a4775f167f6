/**
 * The web tab's one operation: read the portfolio from the CRM and normalise it. Filtering and
 * every roll-up then run in the browser on that data (`computePortfolio`), so changing a filter
 * costs no CRM call. The read comes in two phases: the first screen's data (accounts, stage
 * history, users) resolves `load()`; the deals and the open alerts follow in `rest`, and the page
 * redraws with them.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { Instant } from '../../shared/model/types';
import type { Portfolio } from '../../shared/portfolio/model';
import { normalisePortfolio } from '../../shared/portfolio/normalise';
import { batchedReads, type FallbackMemory } from '../common/reads';
import type { CrmGateway } from '../zoho/types';
import {
  loadDealsDataset,
  loadFirstDataset,
  loadPotentialRows,
  loadSnapshotDataset,
} from './data/load-portfolio';
import { healthPartsQuery } from './data/queries';
import type { PotentialRow } from '../../shared/portfolio/whitespace';
import type { AccountSnapshot } from '../../shared/portfolio/trends';

export interface PortfolioData {
  asOf: Instant;
  portfolio: Portfolio;
  /** The deals and alerts still being read: resolves with the whole portfolio. Null once they are in. */
  rest: Promise<PortfolioData> | null;
}

export interface PortfolioSession {
  load(): Promise<PortfolioData>;
  /** The snapshot anchors of these months (`YYYY-MM`), for the trends; read when the trends are opened. */
  loadSnapshots?(months: string[]): Promise<AccountSnapshot[]>;
  /** The plans' potential-map rows (the whitespace heat map, GET records); read when the heat map is opened. */
  loadPotential?(): Promise<PotentialRow[]>;
  /** One account's Account_Health_Parts (not in the page load's columns); read when its parts are opened. */
  loadHealthParts?(accountId: string): Promise<string | null>;
}

export function createPortfolioSession(
  crm: CrmGateway,
  config: SalesProcessConfig,
  now: () => number = () => Date.now(),
  memory?: FallbackMemory,
): PortfolioSession {
  const reads = batchedReads(crm, memory);
  return {
    async load() {
      const asOf = now() as Instant;
      const raw = await loadFirstDataset(crm, reads.read, config, asOf);
      mark('es:portfolio-first-read');
      const first = normalisePortfolio(raw, config);
      mark('es:portfolio-first-normalised');
      const rest = loadDealsDataset(reads.read, config, asOf).then((raw) => {
        const { deals, alerts, issues } = normalisePortfolio(raw, config);
        const portfolio = { ...first, deals, alerts, issues: [...first.issues, ...issues] };
        return { asOf, portfolio, rest: null };
      });
      // a failure is the page's to show (it awaits `rest`); never an unhandled rejection meanwhile
      rest.catch(() => undefined);
      return { asOf, portfolio: first, rest };
    },
    loadPotential: () => loadPotentialRows(crm, config),
    async loadHealthParts(accountId) {
      const [page] = await reads.read([{ coql: healthPartsQuery(config, accountId) }]);
      const value = page?.data[0]?.[config.fields.account.healthParts];
      return typeof value === 'string' && value !== '' ? value : null;
    },
    async loadSnapshots(months) {
      if (months.length === 0) return [];
      const raw = await loadSnapshotDataset(reads.read, config, months);
      return normalisePortfolio(raw, config).snapshots ?? [];
    },
  };
}

/** A performance mark where the page has them (what `npm run portfolio:budget` breaks the first panel down by). */
function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

/** The whole portfolio: both phases (tests and callers that need every deal). */
export async function loadAll(session: PortfolioSession): Promise<PortfolioData> {
  const data = await session.load();
  return data.rest ? data.rest : data;
}
