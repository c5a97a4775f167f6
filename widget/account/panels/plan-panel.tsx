/**
 * The account plan (DOMAIN §3): six sections, the text ones editable here; the potential map and the
 * buyer map have their own panels. Saving writes the changed sections and appends a `Plan_Updates`
 * row. The engine's UPDATE_PLAN / CREATE_PLAN actions drive the stale / missing warnings.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PLAN_SECTION_LABELS } from '../../../shared/i18n/labels';
import type { PlanSection } from '../../../shared/model/keys';
import type { AccountPlan } from '../../../shared/model/types';
import { formatLocalDate } from '../../common/format';
import type { AccountView } from '../data/account-view';
import { PLAN_TEXT_FIELDS, type PlanChange, type PlanTextField, type PlanTexts } from '../data/writes';
import { SaveStatus } from '../ui/bits';
import { DraftNotice } from '../ui/draft-notice';
import { PanelFrame, type PanelProps } from '../ui/panel-frame';
import { draftKey, useDraft } from '../ui/use-draft';
import { useSave } from '../ui/use-save';
import { useUi } from '../ui/ui-context';
import { ActionTask } from '../ui/action-task';
import { TextSection } from './plan-section';
import { NextStep } from './stage-panel';

export interface PlanPanelProps extends PanelProps {
  onSave: (change: PlanChange) => Promise<void>;
  onOpenTab: (tab: 'potential' | 'buyers') => void;
  /** A section to scroll to and focus (from a next action). */
  focus: PlanSection | null;
}

export function PlanPanel(props: PlanPanelProps) {
  const { t } = useUi();
  return (
    <PanelFrame id="plan" title={t('tabPlan')} state={props.state} onRetry={props.onRetry}>
      {(view) => (
        <PlanForm view={view} onSave={props.onSave} onOpenTab={props.onOpenTab} focus={props.focus} />
      )}
    </PanelFrame>
  );
}

function textsOf(plan: AccountPlan | null): PlanTexts {
  const texts = {} as PlanTexts;
  for (const k of PLAN_TEXT_FIELDS) texts[k] = plan?.[k] ?? '';
  return texts;
}

const sameTexts = (a: PlanTexts, b: PlanTexts) => PLAN_TEXT_FIELDS.every((k) => a[k] === b[k]);

const SECTION_OF: Record<PlanTextField, PlanSection> = {
  overview: 'overview',
  strategy: 'strategy',
  issues: 'strategy',
  group: 'group',
  longTermActions: 'action_plan',
  shortTermActions: 'action_plan',
  deploymentPlan: 'action_plan',
};

function PlanForm(props: Omit<PlanPanelProps, 'state' | 'onRetry'> & { view: AccountView }) {
  const { t, l, config } = useUi();
  const { view } = props;
  const initial = useMemo(() => textsOf(view.plan), [view.plan]);
  const draft = useDraft(draftKey(view.insight.accountId, 'plan'), initial, sameTexts);
  const texts = draft.value;
  const setTexts = draft.set;
  const [summary, setSummary] = useState('');
  const [save, run] = useSave();
  const root = useRef<HTMLFormElement>(null);
  const dirty = PLAN_TEXT_FIELDS.filter((k) => texts[k] !== initial[k]);
  const codes = new Set(view.insight.nextActions.map((a) => a.code));
  const last = view.plan?.updates.reduce<string | null>(
    (m, u) => (m == null || u.date > m ? u.date : m),
    null,
  );

  useEffect(() => {
    if (!props.focus) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-section="${props.focus}"]`);
    el?.scrollIntoView?.({ block: 'start' });
    (el?.querySelector<HTMLElement>('textarea, button') ?? el)?.focus();
  }, [props.focus]);

  const submit = (e: Event) => {
    e.preventDefault();
    const sections = [
      ...new Set(
        dirty.map((k) =>
          k === 'deploymentPlan' ? t('deploymentPlan') : l(PLAN_SECTION_LABELS[SECTION_OF[k]]),
        ),
      ),
    ];
    const text = summary.trim() || t('defaultSummary', { sections: sections.join(', ') });
    void run(() => props.onSave({ texts, summary: text }));
  };
  const field = (k: PlanTextField, label: string) => (
    <TextSection
      name={k}
      label={label}
      value={texts[k]}
      onInput={(v) => setTexts((prev) => ({ ...prev, [k]: v }))}
    />
  );
  const section = (s: PlanSection, body: preact.ComponentChildren, n: number) => (
    <fieldset class="plan-section" data-section={s} id={`plan-${s}`} tabIndex={-1}>
      <legend>
        {n}. {l(PLAN_SECTION_LABELS[s])}
      </legend>
      {body}
    </fieldset>
  );
  const rows = view.plan?.potentialMap.length ?? 0;
  const roles = view.people.filter((p) => p.contact.buyingRole != null).length;

  return (
    <form class="plan" ref={root} onSubmit={submit}>
      {codes.has('CREATE_PLAN') && <p class="notice warn">{t('planMissing')}</p>}
      {codes.has('UPDATE_PLAN') && (
        <p class="notice warn" data-testid="plan-stale">
          {t('planStale', { days: String(config.windows.planStaleDays) })}
        </p>
      )}
      <DraftNotice draft={draft} />
      <p class="muted">
        {t('lastUpdate')}: {last ? formatLocalDate(last) : t('neverUpdated')}
      </p>
      {section('overview', field('overview', l(PLAN_SECTION_LABELS.overview)), 1)}
      {section(
        'strategy',
        <>
          {field('strategy', t('strategyHypothesis'))}
          {field('issues', t('issueHypothesis'))}
        </>,
        2,
      )}
      {section(
        'group',
        <>
          <GroupCompanies view={view} />
          {field('group', l(PLAN_SECTION_LABELS.group))}
        </>,
        3,
      )}
      {section(
        'potential_map',
        <p class="row-between">
          <span class="muted">{t('potentialRows', { n: String(rows) })}</span>
          <button type="button" class="link-btn" onClick={() => props.onOpenTab('potential')}>
            {t('seePotential')} →
          </button>
        </p>,
        4,
      )}
      {section(
        'buyer_map',
        <p class="row-between">
          <span class="muted">{t('rolesSet', { n: String(roles), total: String(view.people.length) })}</span>
          <button type="button" class="link-btn" onClick={() => props.onOpenTab('buyers')}>
            {t('seeBuyers')} →
          </button>
        </p>,
        5,
      )}
      {section(
        'action_plan',
        <>
          <Objectives view={view} />
          {field('longTermActions', t('longTerm'))}
          {field('shortTermActions', t('shortTerm'))}
        </>,
        6,
      )}
      <fieldset class="plan-section" data-section="deployment" id="plan-deployment" tabIndex={-1}>
        <legend>7. {t('deploymentPlan')}</legend>
        <p class="muted small">{t('deploymentHint')}</p>
        {field('deploymentPlan', t('deploymentPlan'))}
      </fieldset>
      <div class="form-footer">
        <label class="field inline">
          <span>{t('changeSummary')}</span>
          <input
            type="text"
            value={summary}
            maxLength={500}
            onInput={(e) => setSummary(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="btn primary" disabled={dirty.length === 0 || save.status === 'saving'}>
          {t('save')}
        </button>
        <SaveStatus state={save} />
      </div>
    </form>
  );
}

/**
 * The plan's objective and its progress (issue 15): the next relationship stage, how far the criteria
 * are met and what is missing; then the actions, each with its Zoho task (status, due date) or a
 * button that creates it.
 */
function Objectives(props: { view: AccountView }) {
  const { t, l } = useUi();
  const actions = props.view.insight.nextActions;
  return (
    <div class="objectives" data-testid="plan-objectives">
      <h3 class="sub">{t('objectives')}</h3>
      <NextStep insight={props.view.insight} />
      {actions.length > 0 && (
        <ul class="actions">
          {actions.map((a) => (
            <li key={a.code} data-code={a.code}>
              <span>{l(a.label)}</span>
              <ActionTask action={a} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The group companies the CRM knows (Parent_Account: the parent and the children) with their stage. */
function GroupCompanies(props: { view: AccountView }) {
  const { t, l } = useUi();
  const group = props.view.group;
  if (group.length === 0) return <p class="muted small">{t('noGroupInCrm')}</p>;
  return (
    <div class="group-companies">
      <p class="muted small">{t('groupInCrm')}</p>
      <ul data-testid="group-companies">
        {group.map((g) => (
          <li key={g.id}>
            <span class="tag">{g.relation === 'parent' ? t('parentCompany') : t('childCompany')}</span>{' '}
            <span>{g.name}</span>
            {g.stageLabel && <span class="muted small"> — {l(g.stageLabel)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
