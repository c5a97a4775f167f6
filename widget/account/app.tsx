/**
 * The account-page widget: loads the account once through the session, keeps the result as one
 * async-state union, and shows one panel at a time under keyboard-navigable tabs.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { configChecksum } from '../../shared/config/published';
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { PlanSection } from '../../shared/model/keys';
import type { AsyncState } from '../common/async-state';
import { useLoad } from '../common/use-load';
import { rememberLang, type Lang } from '../common/lang';
import type { AccountView } from './data/account-view';
import type { BuyerEdit, DealEvidenceEdit, PlanChange } from './data/writes';
import { ActivityPanel, type ClassifyActivity } from './panels/activity-panel';
import { BuyerMapPanel } from './panels/buyer-map-panel';
import { DealsPanel } from './panels/deals-panel';
import { KpiPanel } from './panels/kpi-panel';
import { PlanPanel } from './panels/plan-panel';
import { PrintPlan } from './panels/print-plan';
import { PotentialMapPanel } from './panels/potential-map-panel';
import { StagePanel } from './panels/stage-panel';
import type { AccountSession } from './session';
import { CrmSyncStatus, useCrmSync } from './ui/crm-sync-status';
import { Header } from './ui/header';
import { ActionTasksProvider, type ActionTasks } from './ui/action-task';
import { taskForAction } from './data/tasks';
import { RecordOpenerProvider } from './ui/record-link';
import { RiskStrip } from './ui/risk-strip';
import { accountRisks, riskCounts, type RiskTab } from './data/risks';
import { Issues } from './ui/issues';
import { Tabs, type TabDef } from '../common/tabs';
import { makeUi, UiProvider } from './ui/ui-context';

export type TabKey = 'stage' | 'kpi' | 'plan' | 'buyers' | 'potential' | 'deals' | 'activity';

export interface AppProps {
  config: SalesProcessConfig;
  /** Null when the page could not connect to a CRM (the state then holds the error). */
  session: AccountSession | null;
  initialLang: Lang;
  initialState?: AsyncState<AccountView>;
  /** Called once, when the stage panel first shows data (the render budget is measured here). */
  onFirstReady?: () => void;
}

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [tab, setTab] = useState<TabKey>('stage');
  const [focus, setFocus] = useState<PlanSection | null>(null);
  const [printing, setPrinting] = useState(false);
  // The print view: all sections on one page, then the browser's print dialog (paper or PDF).
  useEffect(() => {
    if (!printing) return;
    const id = setTimeout(() => window.print(), 50);
    return () => clearTimeout(id);
  }, [printing]);
  const { session } = props;

  const { state, setState, load } = useLoad(session, props.initialState);
  // The config the service published, once read; the build-time copy until then.
  const config = state.status === 'ready' ? state.data.config : props.config;
  const ui = useMemo(() => makeUi(lang, config), [lang, config]);
  const configSum = useMemo(() => configChecksum(JSON.stringify(config)), [config]);
  const [crmSync, startCrmSync] = useCrmSync(session);

  const ready = state.status === 'ready';
  const { onFirstReady } = props;
  useEffect(() => {
    if (ready) onFirstReady?.();
  }, [ready, onFirstReady]);

  const apply = async (write: (view: AccountView) => Promise<AccountView>) => {
    if (state.status !== 'ready') return;
    const next = await write(state.data);
    setState({ status: 'ready', data: next });
    startCrmSync(next);
  };
  const saveBuyer = (id: string, edit: BuyerEdit) =>
    apply((v) => (session as AccountSession).saveBuyer(v, id, edit));
  const savePlan = (change: PlanChange) => apply((v) => (session as AccountSession).savePlan(v, change));
  const classify: ClassifyActivity = (activity, kind) =>
    apply((v) => (session as AccountSession).classifyActivity(v, activity, kind));
  const saveDeal = (id: string, edit: DealEvidenceEdit) =>
    apply((v) => (session as AccountSession).saveDeal(v, id, edit));
  const openSection = (s: PlanSection) => {
    setTab(s === 'potential_map' ? 'potential' : s === 'buyer_map' ? 'buyers' : 'plan');
    setFocus(s);
  };
  const tasks: ActionTasks | null =
    session && state.status === 'ready'
      ? {
          taskFor: (a) => taskForAction(state.data.raw, state.data.config, state.data.insight.accountId, a),
          create: (a) => apply((v) => session.createTask(v, a, lang)),
        }
      : null;
  const switchLang = (l: Lang) => {
    rememberLang(l);
    setLang(l);
  };

  const counts = state.status === 'ready' ? riskCounts(state.data) : {};
  const badge = (k: RiskTab) => {
    const n = counts[k] ?? 0;
    return n > 0 ? { badge: { count: n, label: ui.t('tabNeedsAttention', { n: String(n) }) } } : {};
  };
  const tabs: TabDef<TabKey>[] = [
    { key: 'stage', label: ui.t('tabStage') },
    { key: 'kpi', label: ui.t('tabKpi') },
    { key: 'plan', label: ui.t('tabPlan'), ...badge('plan') },
    { key: 'buyers', label: ui.t('tabBuyers'), ...badge('buyers') },
    { key: 'potential', label: ui.t('tabPotential') },
    { key: 'deals', label: ui.t('tabDeals'), ...badge('deals') },
    { key: 'activity', label: ui.t('tabActivity') },
  ];
  const common = { state, onRetry: session ? load : undefined };

  return (
    <UiProvider ui={ui}>
      <RecordOpenerProvider open={session ? session.openRecord : null}>
        <ActionTasksProvider tasks={tasks}>
          <div class="app" lang={lang} data-config={configSum}>
            <Header state={state} onLang={switchLang} onReload={load} />
            {state.status === 'ready' && <CrmSyncStatus state={crmSync} offset={state.data.offset} />}
            {state.status === 'ready' && (
              <RiskStrip
                risks={accountRisks(state.data)}
                onOpen={(k) => {
                  setTab(k);
                  setFocus(null);
                }}
              />
            )}
            {state.status === 'ready' && (
              <div class="page-tools">
                <button
                  type="button"
                  class="btn small"
                  data-testid="print-toggle"
                  onClick={() => setPrinting((p) => !p)}
                >
                  {printing ? ui.t('printClose') : ui.t('printPlan')}
                </button>
              </div>
            )}
            {printing && state.status === 'ready' ? (
              <PrintPlan state={state} />
            ) : (
              <>
                <Tabs
                  tabs={tabs}
                  active={tab}
                  label={ui.t('tabsLabel')}
                  onSelect={(k) => {
                    setTab(k);
                    setFocus(null);
                  }}
                />
                <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} class="tabpanel">
                  {tab === 'stage' && <StagePanel {...common} onOpenSection={openSection} />}
                  {tab === 'kpi' && <KpiPanel {...common} />}
                  {tab === 'plan' && (
                    <PlanPanel {...common} onSave={savePlan} onOpenTab={setTab} focus={focus} />
                  )}
                  {tab === 'buyers' && (
                    <BuyerMapPanel
                      {...common}
                      onSave={saveBuyer}
                      onCommittee={
                        session ? (id, ids) => apply((v) => session.saveCommittee(v, id, ids)) : undefined
                      }
                    />
                  )}
                  {tab === 'potential' && <PotentialMapPanel {...common} onSave={savePlan} />}
                  {tab === 'deals' && <DealsPanel {...common} onSave={session ? saveDeal : undefined} />}
                  {tab === 'activity' && (
                    <ActivityPanel {...common} onClassify={session ? classify : undefined} />
                  )}
                </div>
              </>
            )}
            {state.status === 'ready' && <Issues issues={state.data.insight.issues} />}
          </div>
        </ActionTasksProvider>
      </RecordOpenerProvider>
    </UiProvider>
  );
}
