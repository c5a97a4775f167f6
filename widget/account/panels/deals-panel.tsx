/**
 * Deals in the account's context (DOMAIN §1, §4): the customer's buying stage on its ladder, the
 * deal's strategic role and priority, premature-action flags, the buyer-evidence checklist the rep
 * ticks (Buying_Evidence), and the support rationale to copy.
 */
import type { DealInsight } from '../../../shared/engine/deals';
import type { DealEvidenceEdit } from '../data/writes';
import { Empty, PanelFrame, type PanelProps } from '../ui/panel-frame';
import { useUi } from '../ui/ui-context';
import { DealCard } from './deal-card';

const STATUS_ORDER = { open: 0, won: 1, lost: 2 } as const;

/** Open deals first, highest priority first; then won, then lost. */
export function dealOrder(a: DealInsight, b: DealInsight): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (b.priority ?? 0) - (a.priority ?? 0) ||
    a.name.localeCompare(b.name)
  );
}

export function DealsPanel(
  props: PanelProps & { onSave?: ((dealId: string, edit: DealEvidenceEdit) => Promise<void>) | undefined },
) {
  const { t } = useUi();
  return (
    <PanelFrame id="deals" title={t('tabDeals')} state={props.state} onRetry={props.onRetry}>
      {(view) =>
        view.insight.deals.length === 0 ? (
          <Empty>{t('noDeals')}</Empty>
        ) : (
          <ul class="deals" data-testid="deals">
            {[...view.insight.deals].sort(dealOrder).map((d) => (
              <DealCard key={d.id} deal={d} onSave={props.onSave} />
            ))}
          </ul>
        )
      }
    </PanelFrame>
  );
}
