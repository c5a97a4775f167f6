/**
 * The web tab's one operation: read the portfolio from the CRM and normalise it. Filtering and
 * every roll-up then run in the browser on that data (`computePortfolio`), so changing a filter
 * costs no CRM call.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { Instant } from '../../shared/model/types';
import type { Portfolio } from '../../shared/portfolio/model';
import { normalisePortfolio } from '../../shared/portfolio/normalise';
import { batchedReads, type FallbackMemory } from '../common/reads';
import type { CrmGateway } from '../zoho/types';
import { loadPortfolioDataset } from './data/load-portfolio';

export interface PortfolioData {
  asOf: Instant;
  portfolio: Portfolio;
}

export interface PortfolioSession {
  load(): Promise<PortfolioData>;
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
      const raw = await loadPortfolioDataset(crm, reads.read, config, asOf);
      return { asOf, portfolio: normalisePortfolio(raw, config) };
    },
  };
}
