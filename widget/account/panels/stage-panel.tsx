/**
 * Relationship-stage ladder (DOMAIN §2): the configured steps with what each means, where the account
 * is (kept once reached; marked at risk when its evidence went stale), how far to the next step and
 * what is missing, the evidence for the current step, and next actions that open the
 * plan section they belong to.
 */
import type { AccountInsight } from '../../../shared/engine/insight';
import { PLAN_SECTION_LABELS } from '../../../shared/i18n/labels';
import type { PlanSection } from '../../../shared/model/keys';
import { formatShare } from '../../common/format';
import { Meter } from '../ui/bits';
import { MetricValue } from '../ui/metric-value';
import { PanelFrame, type PanelProps } from '../ui/panel-frame';
import { ActionTask } from '../ui/action-task';
import { useUi } from '../ui/ui-context';

export function StagePanel(props: PanelProps & { onOpenSection: (s: PlanSection) => void }) {
  const { t } = useUi();
  return (
    <PanelFrame id="stage" title={t('tabStage')} state={props.state} onRetry={props.onRetry}>
      {(view) => (
        <div class="stage">
          <StageLadder insight={view.insight} />
          <NextStep insight={view.insight} />
          <Evidence insight={view.insight} />
          <NextActions insight={view.insight} onOpenSection={props.onOpenSection} />
        </div>
      )}
    </PanelFrame>
  );
}

function StageLadder(props: { insight: AccountInsight }) {
  const { t, l, config } = useUi();
  const current = props.insight.stage?.index ?? -1;
  const atRisk = new Set(props.insight.stageStatus.atRisk.map((r) => r.stage));
  return (
    <div>
      <p class="stage-current">
        {t('currentStage')}:{' '}
        <strong data-testid="stage-label">{l(props.insight.stage?.label ?? config.notStarted.label)}</strong>
      </p>
      <ol class="ladder" aria-label={t('tabStage')}>
        {config.stages.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          const risky = atRisk.has(s.key);
          return (
            <li
              key={s.key}
              class={`ladder-step ${state}${risky ? ' at-risk' : ''}`}
              aria-current={i === current ? 'step' : undefined}
              data-stage={s.key}
            >
              <span class="ladder-num" aria-hidden="true">
                {i + 1}
              </span>
              <span class="ladder-label">
                {l(s.label)}
                {risky && (
                  <span class="flag" data-testid="at-risk-mark" title={t('atRisk')}>
                    {' '}
                    ⚠
                  </span>
                )}
              </span>
              <span class="ladder-desc small muted">{l(s.description)}</span>
              {state !== 'todo' && (
                <span class="sr-only">
                  ({state === 'done' ? t('stepDone') : t('stepCurrent')}
                  {risky ? `, ${t('atRisk')}` : ''})
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <StageStatus insight={props.insight} />
    </div>
  );
}

/** The stage is kept once reached: stale evidence per stage, or the regression rule that dropped it. */
function StageStatus(props: { insight: AccountInsight }) {
  const { t, l } = useUi();
  const { atRisk, regression } = props.insight.stageStatus;
  if (!regression && atRisk.length === 0) return null;
  return (
    <div class="notice warn" data-testid="stage-at-risk">
      {regression && <p>{l(regression.message)}</p>}
      {atRisk.length > 0 && (
        <>
          <p>
            <strong>{t('atRisk')}</strong> — {t('stageKept')}
          </p>
          <ul class="criteria">
            {atRisk.map((r) => (
              <li key={r.stage} class="criterion missing">
                <span>
                  {l(r.label)}: {r.stale.map((c) => l(c.label)).join(' / ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function NextStep(props: { insight: AccountInsight }) {
  const { t, l, lang } = useUi();
  const next = props.insight.nextStage;
  if (!next) return <p class="ok-note">{t('topStage')}</p>;
  const label = t('progressTo', { stage: l(next.label) });
  return (
    <div class="next-step">
      <div class="row-between">
        <span>{label}</span>
        <strong data-testid="stage-progress">{formatShare(next.progress, lang)}</strong>
      </div>
      <Meter value={next.progress} label={label} />
      {next.missing.length > 0 && (
        <>
          <h3 class="sub">{t('missing')}</h3>
          <ul class="criteria" data-testid="missing">
            {next.missing.map((m) => (
              <li key={m.criterion} class="criterion missing">
                <span>{l(m.label)}</span>
                <span class="criterion-actual">
                  {t('actual')}: <MetricValue metric={m.criterion} value={m.actual} />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Evidence(props: { insight: AccountInsight }) {
  const { t, l, config } = useUi();
  const { evidence } = props.insight;
  const stageLabel = (key: string) => config.stages.find((s) => s.key === key)?.label;
  return (
    <div>
      <h3 class="sub">{t('evidence')}</h3>
      {evidence.length === 0 ? (
        <p class="muted">{t('noEvidence')}</p>
      ) : (
        <ul class="criteria" data-testid="evidence">
          {evidence.map((e) => {
            const sl = stageLabel(e.stage);
            return (
              <li key={`${e.stage}:${e.criterion}`} class="criterion met">
                <span>
                  {sl && <span class="muted">{l(sl)} · </span>}
                  {l(e.label)}
                </span>
                <span class="criterion-actual">
                  <MetricValue metric={e.criterion} value={e.actual} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function NextActions(props: { insight: AccountInsight; onOpenSection: (s: PlanSection) => void }) {
  const { t, l } = useUi();
  return (
    <div>
      <h3 class="sub">{t('nextActions')}</h3>
      <ul class="actions" data-testid="next-actions">
        {props.insight.nextActions.map((a) => {
          const section = l(PLAN_SECTION_LABELS[a.planSection]);
          return (
            <li key={a.code} data-code={a.code}>
              <span>{l(a.label)}</span>
              <button
                type="button"
                class="link-btn"
                onClick={() => props.onOpenSection(a.planSection)}
                aria-label={t('openSection', { section })}
              >
                {section} →
              </button>
              <ActionTask action={a} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
