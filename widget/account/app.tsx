/**
 * The account-page widget: loads the account once through the session, keeps the result as one
 * async-state union, and shows one panel at a time under keyboard-navigable tabs.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { PlanSection } from '../../shared/model/keys';
import type { AsyncState } from '../common/async-state';
import { useLoad } from '../common/use-load';
import { rememberLang, type Lang } from '../common/lang';
import type { AccountView } from './data/account-view';
import type { BuyerEdit, DealEvidenceEdit, PlanChange } from './data/writes';
import { ActivityPanel } from './panels/activity-panel';
import { BuyerMapPanel } from './panels/buyer-map-panel';
import { DealsPanel } from './panels/deals-panel';
import { KpiPanel } from './panels/kpi-panel';
import { PlanPanel } from './panels/plan-panel';
import { PotentialMapPanel } from './panels/potential-map-panel';
import { StagePanel } from './panels/stage-panel';
import type { AccountSession } from './session';
import { Header } from './ui/header';
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
  const ui = useMemo(() => makeUi(lang, props.config), [lang, props.config]);
  const { session } = props;

  const { state, setState, load } = useLoad(session, props.initialState);

  const ready = state.status === 'ready';
  const { onFirstReady } = props;
  useEffect(() => {
    if (ready) onFirstReady?.();
  }, [ready, onFirstReady]);

  const apply = async (write: (view: AccountView) => Promise<AccountView>) => {
    if (state.status !== 'ready') return;
    const next = await write(state.data);
    setState({ status: 'ready', data: next });
  };
  const saveBuyer = (id: string, edit: BuyerEdit) =>
    apply((v) => (session as AccountSession).saveBuyer(v, id, edit));
  const savePlan = (change: PlanChange) => apply((v) => (session as AccountSession).savePlan(v, change));
  const saveDeal = (id: string, edit: DealEvidenceEdit) =>
    apply((v) => (session as AccountSession).saveDeal(v, id, edit));
  const openSection = (s: PlanSection) => {
    setTab(s === 'potential_map' ? 'potential' : s === 'buyer_map' ? 'buyers' : 'plan');
    setFocus(s);
  };
  const switchLang = (l: Lang) => {
    rememberLang(l);
    setLang(l);
  };

  const tabs: TabDef<TabKey>[] = [
    { key: 'stage', label: ui.t('tabStage') },
    { key: 'kpi', label: ui.t('tabKpi') },
    { key: 'plan', label: ui.t('tabPlan') },
    { key: 'buyers', label: ui.t('tabBuyers') },
    { key: 'potential', label: ui.t('tabPotential') },
    { key: 'deals', label: ui.t('tabDeals') },
    { key: 'activity', label: ui.t('tabActivity') },
  ];
  const common = { state, onRetry: session ? load : undefined };

  return (
    <UiProvider ui={ui}>
      <div class="app" lang={lang}>
        <Header state={state} onLang={switchLang} onReload={load} />
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
          {tab === 'plan' && <PlanPanel {...common} onSave={savePlan} onOpenTab={setTab} focus={focus} />}
          {tab === 'buyers' && <BuyerMapPanel {...common} onSave={saveBuyer} />}
          {tab === 'potential' && <PotentialMapPanel {...common} onSave={savePlan} />}
          {tab === 'deals' && <DealsPanel {...common} onSave={session ? saveDeal : undefined} />}
          {tab === 'activity' && <ActivityPanel {...common} />}
        </div>
        {state.status === 'ready' && <Issues issues={state.data.insight.issues} />}
      </div>
    </UiProvider>
  );
}
