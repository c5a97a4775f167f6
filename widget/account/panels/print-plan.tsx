/**
 * The account plan for an account review, on paper or as a PDF (the browser's print dialog): the
 * stage, the KPIs and KGIs, the six plan sections as text, the buyer map, the potential map and the
 * deals, one after another in the page's language. The print stylesheet hides the page's controls.
 */
import { PLAN_SECTION_LABELS } from '../../../shared/i18n/labels';
import type { PlanSection } from '../../../shared/model/keys';
import type { AsyncState } from '../../common/async-state';
import type { AccountView } from '../data/account-view';
import { useUi } from '../ui/ui-context';
import { BuyerMapPanel } from './buyer-map-panel';
import { DealsPanel } from './deals-panel';
import { KpiPanel } from './kpi-panel';
import { PotentialMapPanel } from './potential-map-panel';
import { StagePanel } from './stage-panel';

const none = () => Promise.resolve();

export function PrintPlan(props: { state: AsyncState<AccountView> & { status: 'ready' } }) {
  const { t, l } = useUi();
  const view = props.state.data;
  const plan = view.plan;
  const text = (label: string, body: string | undefined) => (
    <div class="print-text">
      <h4>{label}</h4>
      <p>{body?.trim() ? body : '—'}</p>
    </div>
  );
  const section = (s: PlanSection, n: number, body: preact.ComponentChildren) => (
    <section class="print-section" data-section={s}>
      <h3>
        {n}. {l(PLAN_SECTION_LABELS[s])}
      </h3>
      {body}
    </section>
  );
  return (
    <div class="print-plan" data-testid="print-plan">
      <StagePanel state={props.state} onOpenSection={() => undefined} />
      <KpiPanel state={props.state} />
      <h2 class="print-heading">{t('tabPlan')}</h2>
      {section('overview', 1, text(l(PLAN_SECTION_LABELS.overview), plan?.overview))}
      {section(
        'strategy',
        2,
        <>
          {text(t('strategyHypothesis'), plan?.strategy)}
          {text(t('issueHypothesis'), plan?.issues)}
        </>,
      )}
      {section('group', 3, text(l(PLAN_SECTION_LABELS.group), plan?.group))}
      {section('potential_map', 4, <PotentialMapPanel state={props.state} onSave={none} />)}
      {section('buyer_map', 5, <BuyerMapPanel state={props.state} onSave={none} print />)}
      {section(
        'action_plan',
        6,
        <>
          {text(t('longTerm'), plan?.longTermActions)}
          {text(t('shortTerm'), plan?.shortTermActions)}
        </>,
      )}
      <DealsPanel state={props.state} />
    </div>
  );
}
