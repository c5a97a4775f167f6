/**
 * The manager's web tab: loads the portfolio once through the session (one async-state union),
 * recomputes the report in the browser when a filter changes, and shows one panel at a time.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { DEFAULT_FILTERS, type PortfolioFilters } from '../../shared/portfolio/model';
import { computePortfolio, type PortfolioReport } from '../../shared/portfolio/report';
import { LOADING, type AsyncState } from '../common/async-state';
import { toWidgetError } from '../common/errors';
import { useLoad } from '../common/use-load';
import { formatDay } from '../common/format';
import { rememberLang, type Lang } from '../common/lang';
import { Tabs, type TabDef } from '../common/tabs';
import { offsetMinutes } from '../../shared/model/time';
import { AccountsPanel } from './panels/accounts-panel';
import { ActivityPanel } from './panels/activity-panel';
import { ForecastPanel } from './panels/forecast-panel';
import { KpiPanel } from './panels/kpi-panel';
import { MovementPanel } from './panels/movement-panel';
import { OverviewPanel } from './panels/overview-panel';
import { TrendsPanel, type TrendsView } from './panels/trends-panel';
import { WhitespacePanel, type WhitespaceView } from './panels/whitespace-panel';
import { whitespaceMap, type PotentialRow } from '../../shared/portfolio/whitespace';
import { applyFilters } from '../../shared/portfolio/filter';
import { computeTrends, trendMonths, trendWindow, type AccountSnapshot } from '../../shared/portfolio/trends';
import type { WidgetError } from '../common/errors';
import type { PortfolioData, PortfolioSession } from './session';
import { AccountSearch } from './ui/account-search';
import { FiltersBar } from './ui/filters-bar';
import { makePortfolioUi, PortfolioUiProvider } from './ui/ui-context';

export type PortfolioTab =
  'overview' | 'movement' | 'kpi' | 'activity' | 'forecast' | 'accounts' | 'trends' | 'whitespace';

export interface PortfolioAppProps {
  config: SalesProcessConfig;
  /** Null when the page could not connect to a CRM (the state then holds the error). */
  session: PortfolioSession | null;
  initialLang: Lang;
  initialState?: AsyncState<PortfolioData>;
  initialFilters?: PortfolioFilters;
  /** The first panel shows data (the first phase is in). */
  onFirstReady?: () => void;
  /** Every panel has its data (the deals are in too). */
  onComplete?: () => void;
  /** Open a record in the CRM (the gateway's UI.Record.open). */
  openRecord?: (entity: 'Accounts' | 'Deals', id: string) => void;
}

export function PortfolioApp(props: PortfolioAppProps) {
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [filters, setFilters] = useState<PortfolioFilters>(props.initialFilters ?? DEFAULT_FILTERS);
  const [tab, setTab] = useState<PortfolioTab>('overview');
  const { openRecord } = props;
  const loadHealthParts = props.session?.loadHealthParts;
  const ui = useMemo(
    () =>
      makePortfolioUi(lang, props.config, {
        open: openRecord,
        focusRep: (ownerId) => setFilters((f) => ({ ...f, owners: [ownerId], team: null })),
        healthParts: loadHealthParts,
      }),
    [lang, props.config, openRecord, loadHealthParts],
  );
  const { session, config } = props;

  const { state, setState, load } = useLoad(session, props.initialState);
  // Phase two: the deals arrive after the first screen; the page redraws with them (a reload meanwhile wins).
  const rest = state.status === 'ready' ? state.data.rest : null;
  useEffect(() => {
    if (!rest) return;
    let current = true;
    rest.then(
      (data) => current && setState({ status: 'ready', data }),
      (e: unknown) => current && setState({ status: 'error', error: toWidgetError(e) }),
    );
    return () => {
      current = false;
    };
  }, [rest, setState]);
  const dealsPending = rest !== null;

  const report: AsyncState<PortfolioReport> = useMemo(() => {
    if (state.status !== 'ready') return state;
    try {
      // the first phase: only what the first panels draw (the deal sections wait for the deals)
      const data = computePortfolio(
        state.data.portfolio,
        config,
        filters,
        state.data.asOf,
        state.data.rest !== null,
      );
      globalThis.performance?.mark?.('es:portfolio-computed');
      return { status: 'ready', data };
    } catch (e) {
      return { status: 'error', error: toWidgetError(e) };
    }
  }, [state, config, filters]);

  // Trends: the snapshot anchors of the months the period needs, read when the Trends or the Accounts
  // tab (its KGI sparklines) is first shown — one read per page load serves both.
  const [snapshots, setSnapshots] = useState<{
    months: Set<string>;
    rows: AccountSnapshot[];
    state: 'idle' | 'loading' | 'ready' | WidgetError;
  }>({ months: new Set(), rows: [], state: 'idle' });
  const portfolioData = state.status === 'ready' ? state.data : null;
  const loadedAt = portfolioData?.asOf ?? null;
  useEffect(() => {
    // a reload starts the trends afresh
    setSnapshots({ months: new Set(), rows: [], state: 'idle' });
  }, [loadedAt]);
  const trendWin = useMemo(
    () => (portfolioData ? trendWindow(filters.period, portfolioData.asOf, config) : null),
    [portfolioData, filters.period, config],
  );
  const missingMonths = trendWin ? trendMonths(trendWin).filter((m) => !snapshots.months.has(m)) : [];
  const wantTrends =
    (tab === 'trends' || tab === 'accounts') &&
    portfolioData !== null &&
    session?.loadSnapshots !== undefined;
  const loadTrends = () => {
    if (!session?.loadSnapshots || missingMonths.length === 0) return;
    const months = missingMonths;
    setSnapshots((s) => ({ ...s, state: 'loading' }));
    session.loadSnapshots(months).then(
      (rows) =>
        setSnapshots((s) => ({
          months: new Set([...s.months, ...months]),
          rows: [...s.rows, ...rows],
          state: 'ready',
        })),
      (e: unknown) => setSnapshots((s) => ({ ...s, state: toWidgetError(e) })),
    );
  };
  useEffect(() => {
    if (
      wantTrends &&
      missingMonths.length > 0 &&
      snapshots.state !== 'loading' &&
      typeof snapshots.state === 'string'
    )
      loadTrends();
  });
  const trends: AsyncState<TrendsView> = useMemo(() => {
    if (report.status !== 'ready' || !portfolioData || !trendWin)
      return report.status === 'error' ? report : LOADING;
    if (typeof snapshots.state === 'object') return { status: 'error', error: snapshots.state };
    if (session?.loadSnapshots && missingMonths.length > 0) return LOADING;
    try {
      const view = applyFilters(portfolioData.portfolio, filters);
      return {
        status: 'ready',
        data: {
          trends: computeTrends(view, snapshots.rows, config, trendWin),
          accountNames: new Map(view.accounts.map((a) => [a.id, a.name])),
          repNames: new Map(report.data.reps.map((r) => [r.id, r.name])),
        },
      };
    } catch (e) {
      return { status: 'error', error: toWidgetError(e) };
    }
    // missingMonths follows snapshots and the window
  }, [report, portfolioData, trendWin, snapshots, filters, config, session]);

  // Whitespace: the plans' potential-map rows, read when the tab is first opened.
  const [potential, setPotential] = useState<AsyncState<PotentialRow[]> | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const loadPotential = () => {
    if (!session?.loadPotential) return;
    setPotential(LOADING);
    session.loadPotential().then(
      (data) => setPotential({ status: 'ready', data }),
      (e: unknown) => setPotential({ status: 'error', error: toWidgetError(e) }),
    );
  };
  useEffect(() => {
    if (tab === 'whitespace' && portfolioData && potential === null) loadPotential();
  });
  useEffect(() => setPotential(null), [loadedAt]);
  const whitespace: AsyncState<WhitespaceView> = useMemo(() => {
    if (report.status !== 'ready' || !portfolioData) return report.status === 'error' ? report : LOADING;
    const rows: AsyncState<PotentialRow[]> = session?.loadPotential
      ? (potential ?? LOADING)
      : { status: 'ready', data: [] };
    if (rows.status !== 'ready') return rows;
    try {
      const view = applyFilters(portfolioData.portfolio, filters);
      return {
        status: 'ready',
        data: {
          map: whitespaceMap(view, rows.data, portfolioData.portfolio.accounts, group),
          group,
          accountNames: new Map(portfolioData.portfolio.accounts.map((a) => [a.id, a.name])),
        },
      };
    } catch (e) {
      return { status: 'error', error: toWidgetError(e) };
    }
  }, [report, portfolioData, potential, filters, group, session]);

  const ready = report.status === 'ready';
  const { onFirstReady } = props;
  useEffect(() => {
    if (ready) onFirstReady?.();
  }, [ready, onFirstReady]);
  const complete = ready && !dealsPending;
  const { onComplete } = props;
  useEffect(() => {
    if (complete) onComplete?.();
  }, [complete, onComplete]);

  const tabs: TabDef<PortfolioTab>[] = [
    { key: 'overview', label: ui.t('tabOverview') },
    { key: 'movement', label: ui.t('tabMovement') },
    { key: 'kpi', label: ui.t('tabKpi') },
    { key: 'activity', label: ui.t('tabActivity') },
    { key: 'forecast', label: ui.t('tabForecast') },
    { key: 'accounts', label: ui.t('tabAccounts') },
    { key: 'trends', label: ui.t('tabTrends') },
    { key: 'whitespace', label: ui.t('tabWhitespace') },
  ];
  const common = { state: report, onRetry: session ? load : undefined };
  // Panels that need the deals show "loading" until they are in.
  const withDeals = { ...common, state: dealsPending ? LOADING : report };
  const switchLang = (l: Lang) => {
    rememberLang(l);
    setLang(l);
  };

  return (
    <PortfolioUiProvider ui={ui}>
      <div class="app portfolio" lang={lang} data-complete={complete ? '' : undefined}>
        <header class="header">
          <div class="header-main">
            <h1 class="account-name">{ui.t('appTitle')}</h1>
          </div>
          <div class="header-tools">
            {state.status === 'ready' && (
              <span
                class="muted small"
                data-testid="as-of"
                data-as-of={new Date(state.data.asOf).toISOString()}
              >
                {ui.t('asOf')} {formatDay(state.data.asOf, offsetMinutes(config.utcOffset))}
              </span>
            )}
            <button
              type="button"
              class="btn small"
              onClick={load}
              disabled={state.status === 'loading' || !session}
            >
              {ui.t('reload')}
            </button>
            <button
              type="button"
              class="btn small"
              lang={lang === 'ja' ? 'en' : 'ja'}
              aria-label={ui.t('switchLangLabel')}
              onClick={() => switchLang(lang === 'ja' ? 'en' : 'ja')}
            >
              {ui.t('switchLang')}
            </button>
          </div>
        </header>
        <FiltersBar
          report={report.status === 'ready' ? report.data : null}
          filters={filters}
          onChange={setFilters}
        />
        {state.status === 'ready' && (
          <AccountSearch
            accounts={state.data.portfolio.accounts}
            ownerNames={new Map(state.data.portfolio.users.map((u) => [u.id, u.name]))}
          />
        )}
        <Tabs tabs={tabs} active={tab} label={ui.t('tabsLabel')} onSelect={setTab} />
        <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} class="tabpanel">
          {tab === 'overview' && <OverviewPanel {...common} dealsPending={dealsPending} />}
          {tab === 'movement' && <MovementPanel {...common} />}
          {tab === 'kpi' && <KpiPanel {...common} />}
          {tab === 'activity' && <ActivityPanel {...common} />}
          {tab === 'forecast' && <ForecastPanel {...withDeals} />}
          {tab === 'accounts' && <AccountsPanel {...withDeals} trends={trends} />}
          {tab === 'whitespace' && (
            <WhitespacePanel state={whitespace} onRetry={loadPotential} onGroup={setGroup} />
          )}
          {tab === 'trends' && (
            <TrendsPanel
              state={trends}
              onRetry={() => {
                setSnapshots((s) => ({ ...s, state: 'idle' }));
              }}
            />
          )}
        </div>
        {report.status === 'ready' && report.data.issueCount > 0 && (
          <details class="issues">
            <summary>{ui.t('dataIssues', { n: report.data.issueCount })}</summary>
            <ul class="plain small">
              {report.data.issues.map((i, n) => (
                <li key={n}>
                  <code>{i.code}</code> {i.message[lang]}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </PortfolioUiProvider>
  );
}
