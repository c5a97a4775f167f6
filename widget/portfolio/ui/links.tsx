/**
 * Drill-down: an account or deal name opens its record in the CRM (`ZOHO.CRM.UI.Record.open`, and
 * so our account widget); a rep's name narrows the view to that rep's accounts. Names are text.
 */
import { usePortfolioUi } from './ui-context';

export function RecordLink(props: { entity: 'Accounts' | 'Deals'; id: string | null; name: string }) {
  const { open, t } = usePortfolioUi();
  if (props.id == null || !open) return <>{props.name || '—'}</>;
  const id = props.id;
  return (
    <a
      href={`#${props.entity}/${encodeURIComponent(id)}`}
      class="record-link"
      data-record={props.entity}
      data-id={id}
      title={t(props.entity === 'Accounts' ? 'openAccount' : 'openDeal')}
      onClick={(e) => {
        e.preventDefault();
        open(props.entity, id);
      }}
    >
      {props.name || '—'}
    </a>
  );
}

export function AccountLink(props: { id: string | null; name: string }) {
  return <RecordLink entity="Accounts" id={props.id} name={props.name} />;
}

export function RepLink(props: { id: string | null; name: string }) {
  const { focusRep, t } = usePortfolioUi();
  if (props.id == null || !focusRep) return <>{props.name || '—'}</>;
  const id = props.id;
  return (
    <a
      href={`#rep/${encodeURIComponent(id)}`}
      class="rep-link"
      data-rep={id}
      title={t('showRep', { name: props.name })}
      onClick={(e) => {
        e.preventDefault();
        focusRep(id);
      }}
    >
      {props.name || '—'}
    </a>
  );
}
