/**
 * Activity balance (DOMAIN §5): deal-advancing vs relationship-deepening work in the KPI window
 * against the share the stage recommends, activities by kind, and the latest ones.
 */
import { formatCount, formatDay, formatShare } from '../../common/format';
import { Meter } from '../ui/bits';
import { Empty, PanelFrame, type PanelProps } from '../ui/panel-frame';
import { useUi } from '../ui/ui-context';

export function ActivityPanel(props: PanelProps) {
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
                  <strong class="num">{formatCount(mix.relationship, lang)}</strong>
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
            </div>
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
