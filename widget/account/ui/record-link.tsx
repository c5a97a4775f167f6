/**
 * A deal or contact name that opens its Zoho record (ZOHO.CRM.UI.Record.open, a new tab). Without an
 * opener (tests, no CRM) the name is plain text.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { useUi } from './ui-context';

export type RecordOpener = (entity: string, id: string) => void;

const OpenerContext = createContext<RecordOpener | null>(null);

export function RecordOpenerProvider(props: { open: RecordOpener | null; children: ComponentChildren }) {
  return <OpenerContext.Provider value={props.open}>{props.children}</OpenerContext.Provider>;
}

export function RecordLink(props: {
  module: 'deals' | 'contacts' | 'tasks';
  id: string;
  class: string;
  children: string;
}) {
  const open = useContext(OpenerContext);
  const { t, config } = useUi();
  if (!open) return <span class={props.class}>{props.children}</span>;
  const entity = config.fields.modules[props.module];
  return (
    <button
      type="button"
      class={`${props.class} record-link`}
      data-open={`${entity}:${props.id}`}
      title={t('openInCrm')}
      onClick={() => open(entity, props.id)}
    >
      {props.children}
    </button>
  );
}
