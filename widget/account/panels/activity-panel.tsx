/**
 * Activity balance (DOMAIN §5): deal-advancing vs relationship-deepening work in the KPI window
 * against the share the stage recommends, the activities counted on neither side (unclassified,
 * administrative, internal) with the unclassified share, activities by kind, and the latest ones.
 * A rep classifies an activity in one choice: it writes Activity_Kind and the mix follows at once.
 */
import type { ActivityKind } from '../../../shared/model/keys';
import type { ActivityModule } from '../../../shared/model/types';
import { formatCount, formatDay, formatShare } from '../../common/format';
import type { ActivityView } from '../data/account-view';
import { Meter, SaveStatus } from '../ui/bits';
import { Empty, PanelFrame, type PanelProps } from '../ui/panel-frame';
import { useSave } from '../ui/use-save';
import { useUi } from '../ui/ui-context';

export type ClassifyActivity = (
  activity: { module: ActivityModule; id: string },
  kind: ActivityKind,
) => Promise<void>;

export function ActivityPanel(props: PanelProps & { onClassify?: ClassifyActivity }) {
  const { t, l, lang, config } = useUi();
  const days = String(config.windows.kpiWindowDays);
  const kindLabel = (k: string) => config.activityKinds.find((c) => c.key === k)?.label;
  return (
    <PanelFrame id="activity" title={t('tabActivity')} state={props.state} onRetry={props.onRetry}>
      {(view) => {
        const mix = view.insight.activityMix;
        if (view.recent.length === 0) return <Empty>{t('noActivities')}</Empty>;
        const label = t('relationshipShare');
        return (
          <div class="activity">
            <div class="mix" data-testid="activity-mix">
              <div class="row-between">
                <span>
                  {t('dealActivity')}: <strong class="num">{formatCount(mix.deal, lang)}</strong> ·{' '}
                  {t('relationshipActivity')}:{' '}
                  <strong class="num">{formatCount(mix.relationship, lang)}</strong> · {t('neitherActivity')}:{' '}
                  <strong class="num" data-testid="neither-count">
                    {formatCount(mix.neither, lang)}
                  </strong>
                </span>
              </div>
              <div class="row-between">
                <span>{label}</span>
                <span>
                  <strong data-testid="relationship-share">{formatShare(mix.relationshipShare, lang)}</strong>{' '}
                  <span class="muted">
                    ({t('recommended', { share: formatShare(mix.recommendedRelationshipShare, lang) })})
                  </span>
                </span>
              </div>
              <Meter value={mix.relationshipShare} label={label} mark={mix.recommendedRelationshipShare} />
              <div class="row-between">
                <span>{t('unclassifiedShare')}</span>
                <strong data-testid="unclassified-share">{formatShare(mix.unclassifiedShare, lang)}</strong>
              </div>
              <p class="muted small">{t('unclassifiedHint')}</p>
            </div>
            {view.unclassified.length > 0 && (
              <ul class="recent unclassified" data-testid="unclassified">
                {view.unclassified.map((a) => (
                  <ClassifyRow key={a.id} activity={a} offset={view.offset} onClassify={props.onClassify} />
                ))}
              </ul>
            )}
            <h3 class="sub">{t('byKind', { days })}</h3>
            {view.kindCounts.length === 0 ? (
              <p class="muted">{t('noRecentInWindow', { days })}</p>
            ) : (
              <ul class="kinds" data-testid="kind-counts">
                {view.kindCounts.map((k) => {
                  const kl = kindLabel(k.kind);
                  return (
                    <li key={k.kind}>
                      <span>{kl ? l(kl) : k.kind}</span>{' '}
                      <strong class="num">{formatCount(k.count, lang)}</strong>
                    </li>
                  );
                })}
              </ul>
            )}
            <h3 class="sub">{t('recent')}</h3>
            <ul class="recent" data-testid="recent">
              {view.recent.map((a) => {
                const kl = kindLabel(a.kind);
                return (
                  <li key={a.id} class={`recent-${a.purpose ?? 'neither'}`}>
                    <span class="muted small">{formatDay(a.at, view.offset)}</span>{' '}
                    <span class="tag">{kl ? l(kl) : a.kind}</span> <span>{a.subject}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      }}
    </PanelFrame>
  );
}

/** One unclassified activity with a kind picker: choosing a kind saves it (Activity_Kind). */
function ClassifyRow(props: {
  activity: ActivityView;
  offset: number;
  onClassify?: ClassifyActivity | undefined;
}) {
  const { t, l, config } = useUi();
  const [save, run] = useSave();
  const a = props.activity;
  const id = `classify-${a.id}`;
  const onClassify = props.onClassify;
  return (
    <li class="recent-neither" data-activity={a.id}>
      <span class="muted small">{formatDay(a.at, props.offset)}</span> <span>{a.subject}</span>{' '}
      {onClassify && (
        <>
          <label class="sr-only" for={id}>
            {t('classifyAs', { subject: a.subject })}
          </label>
          <select
            id={id}
            value=""
            disabled={save.status === 'saving'}
            onChange={(e) => {
              const kind = e.currentTarget.value as ActivityKind;
              if (kind) void run(() => onClassify({ module: a.module, id: a.id }, kind));
            }}
          >
            <option value="">{t('pickKind')}</option>
            {config.activityKinds
              .filter((k) => k.key !== 'other')
              .map((k) => (
                <option key={k.key} value={k.key}>
                  {l(k.label)}
                </option>
              ))}
          </select>
          <SaveStatus state={save} />
        </>
      )}
    </li>
  );
}
