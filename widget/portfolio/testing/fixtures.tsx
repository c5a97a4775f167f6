/**
 * Test helpers for the manager's web tab: a small hand-made portfolio (the shared builders), its
 * report, and rendering a panel in jsdom inside the UI context. Used only by tests.
 */
import type { ComponentChildren } from 'preact';
import { DEFAULT_FILTERS, type PortfolioFilters } from '../../../shared/portfolio/model';
import { computePortfolio, type PortfolioReport } from '../../../shared/portfolio/report';
import {
  CONFIG,
  P_AS_OF,
  TEAM,
  acct,
  change,
  deal,
  portfolioOf,
} from '../../../shared/testing/portfolio-builders';
import type { AsyncState } from '../../common/async-state';
import { widgetError } from '../../common/errors';
import type { Lang } from '../../common/lang';
import { mountInto } from '../../common/testing/dom';
import type { PortfolioData } from '../session';
import { makePortfolioUi, PortfolioUiProvider } from '../ui/ui-context';

export { CONFIG, P_AS_OF };
export { click, flush, LANGS, text } from '../../common/testing/dom';

/** Four accounts over three reps: a move this quarter, a stalled account, KPIs, a premature quote. */
export function sampleData(): PortfolioData {
  const portfolio = portfolioOf({
    accounts: [
      acct({
        id: 'a1',
        name: '北斗商事',
        owner: 'u1',
        stage: '信頼定着',
        since: '2025-12-01',
        industry: 'Retail',
        gaps: '・他部門への紹介（0 / 1）',
        kpis: {
          csat: 5,
          referrals: 0,
          customer_consultations: 3,
          executive_touchpoints: 0,
          relationship_activity_share: 40,
        },
      }),
      acct({
        id: 'a2',
        name: '東邦精機',
        owner: 'u1',
        stage: '信頼定着',
        since: '2026-06-30',
        industry: 'Manufacturing',
        kpis: {
          csat: 4,
          referrals: 1,
          customer_consultations: 1,
          executive_touchpoints: 2,
          relationship_activity_share: 50,
        },
      }),
      acct({
        id: 'a3',
        name: '<b>白鷺</b>重工',
        owner: 'u2',
        stage: '課題共有',
        since: '2026-10-31',
        industry: 'Manufacturing',
        kpis: {
          contacts_reached: 9,
          key_person_meetings: 3,
          customer_consultations: 2,
          plan_updates: 1,
          relationship_activity_share: 70,
        },
      }),
      acct({
        id: 'a4',
        name: '朝霧フーズ',
        owner: 'u3',
        stage: '接点構築',
        since: '2026-09-30',
        industry: 'Food',
        kpis: { contacts_reached: 2, relationship_activity_share: 80 },
      }),
    ],
    deals: [
      deal({
        id: 'd1',
        account: 'a1',
        owner: 'u1',
        stage: 'Needs Analysis',
        amount: 4_000_000,
        closing: '2026-12-10',
        probability: 60,
        risk: 'PREMATURE_QUOTE: 顧客がまだ比較・検討前なのに見積を提出している',
      }),
      deal({
        id: 'd2',
        account: 'a3',
        owner: 'u2',
        stage: 'Proposal/Price Quote',
        amount: 10_000_000,
        closing: '2027-02-10',
        probability: 75,
      }),
      deal({
        id: 'd3',
        account: 'a2',
        owner: 'u1',
        stage: 'Closed Won',
        amount: 3_000_000,
        closing: '2026-10-20',
        probability: 100,
      }),
    ],
    history: [
      change({ id: 'h1', account: 'a3', from: '接点構築', to: '課題共有', at: '2026-10-31' }),
      change({ id: 'h2', account: 'a4', from: '課題共有', to: '接点構築', at: '2026-09-30' }),
    ],
    users: TEAM,
    tasks: [
      { id: 't1', Alert_Key: 'STALE_PLAN:a3#0000abcd', Status: 'Not Started', What_Id: { id: 'a3' } },
      { id: 't2', Alert_Key: 'ACCOUNT_STALLED:a3#0000abcd', Status: 'Not Started', What_Id: { id: 'a3' } },
      { id: 't3', Alert_Key: 'STALE_PLAN:a1#0000abcd', Status: 'Completed', What_Id: { id: 'a1' } },
    ],
  });
  return { asOf: P_AS_OF, portfolio, rest: null };
}

export function sampleReport(filters: Partial<PortfolioFilters> = {}): PortfolioReport {
  const d = sampleData();
  return computePortfolio(d.portfolio, CONFIG, { ...DEFAULT_FILTERS, ...filters }, d.asOf);
}

export const READY = (report: PortfolioReport = sampleReport()): AsyncState<PortfolioReport> => ({
  status: 'ready',
  data: report,
});
export const LOADING_STATE: AsyncState<PortfolioReport> = { status: 'loading' };
export const ERROR_STATE: AsyncState<PortfolioReport> = {
  status: 'error',
  error: widgetError('CRM_ERROR', 'coql: LIMIT_EXCEEDED: boom'),
};

export function mount(
  node: ComponentChildren,
  lang: Lang = 'ja',
  actions: Parameters<typeof makePortfolioUi>[2] = {},
): HTMLElement {
  return mountInto(
    <PortfolioUiProvider ui={makePortfolioUi(lang, CONFIG, actions)}>{node}</PortfolioUiProvider>,
  );
}
