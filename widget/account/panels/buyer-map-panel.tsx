/**
 * Buyer relationship map (DOMAIN §3.5): the org chart from `Reporting_To`, each person's buying role,
 * attitude, influence, executive flag and last touch, editable; gaps (no decision maker, no
 * executive, a key role nobody holds) flagged at the top.
 */
import { BUYING_ROLE_LABELS } from '../../../shared/i18n/labels';
import type { BuyerGap } from '../data/account-view';
import type { BuyerEdit } from '../data/writes';
import { Empty, PanelFrame, type PanelProps } from '../ui/panel-frame';
import { useUi } from '../ui/ui-context';
import { BuyerRow } from './buyer-row';

export interface BuyerMapPanelProps extends PanelProps {
  onSave: (contactId: string, edit: BuyerEdit) => Promise<void>;
}

export function BuyerMapPanel(props: BuyerMapPanelProps) {
  const { t } = useUi();
  return (
    <PanelFrame id="buyers" title={t('tabBuyers')} state={props.state} onRetry={props.onRetry}>
      {(view) =>
        view.people.length === 0 ? (
          <Empty>{t('noContacts')}</Empty>
        ) : (
          <div class="buyers">
            <Gaps gaps={view.buyerGaps} />
            <ul class="org" data-testid="org-chart">
              {view.people.map((p) => (
                <BuyerRow key={p.contact.id} person={p} offset={view.offset} onSave={props.onSave} />
              ))}
            </ul>
          </div>
        )
      }
    </PanelFrame>
  );
}

function Gaps(props: { gaps: BuyerGap[] }) {
  const { t, l } = useUi();
  if (props.gaps.length === 0) return null;
  return (
    <ul class="notice warn gaps" data-testid="buyer-gaps">
      {props.gaps.map((g) => (
        <li key={g.code === 'MISSING_KEY_ROLE' ? g.role : g.code} data-gap={g.code}>
          {g.code === 'NO_DECISION_MAKER'
            ? t('gapNoDecisionMaker')
            : g.code === 'NO_EXECUTIVE'
              ? t('gapNoExecutive')
              : t('gapMissingRole', { role: l(BUYING_ROLE_LABELS[g.role]) })}
        </li>
      ))}
    </ul>
  );
}
