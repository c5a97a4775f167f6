/**
 * Zoho's default Deals.Stage values (Zoho help "Creating Deals"; zoho-platform.md §4). Probabilities
 * follow the common defaults; "Perception Analysis" (older orgs) sits between Identify Decision Makers and
 * Proposal. Forecast categories and the deal category per stage are our reading of Zoho's defaults.
 */
import type { PicklistOption } from './types';

type Stage = [name: string, probability: number, forecast: string, category: PicklistOption['dealCategory']];

const STAGES: Stage[] = [
  ['Qualification', 10, 'Pipeline', 'Open'],
  ['Needs Analysis', 20, 'Pipeline', 'Open'],
  ['Value Proposition', 40, 'Pipeline', 'Open'],
  ['Identify Decision Makers', 60, 'Pipeline', 'Open'],
  ['Perception Analysis', 70, 'Pipeline', 'Open'],
  ['Proposal/Price Quote', 75, 'Pipeline', 'Open'],
  ['Negotiation/Review', 90, 'Committed', 'Open'],
  ['Closed Won', 100, 'Closed', 'Closed Won'],
  ['Closed Lost', 0, 'Omitted', 'Closed Lost'],
  ['Closed-Lost to Competition', 0, 'Omitted', 'Closed Lost'],
];

export const DEAL_STAGE_NAMES: readonly string[] = STAGES.map((s) => s[0]);

export function dealStageOptions(): PicklistOption[] {
  return STAGES.map(([name, probability, forecastCategory, dealCategory]) => ({
    display: name,
    actual: name,
    id: '',
    probability,
    forecastCategory,
    dealCategory,
  }));
}
