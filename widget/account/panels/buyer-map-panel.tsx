/**
 * Buyer relationship map (DOMAIN §3.5, issue 15): gaps flagged at the top (a role nobody holds, with
 * the stage that needs it; a decision maker never met; a potential-map segment without a contact),
 * then the map — the SVG org chart from `Reporting_To` with influence lines and a deal's buying
 * committee (../map, its own chunk, loaded when first shown) — or the list, the accessible
 * alternative with the same people and an inline editor each. The person picked on the map opens
 * below it with that editor.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { BUYING_ROLE_LABELS } from '../../../shared/i18n/labels';
import type { AccountView, BuyerGap } from '../data/account-view';
import type { BuyerEdit } from '../data/writes';
import type { RelationshipMap as RelationshipMapType, RelationshipMapProps } from '../map/relationship-map';
import { Empty, PanelFrame, type PanelProps } from '../ui/panel-frame';
import { useUi } from '../ui/ui-context';
import { BuyerRow } from './buyer-row';

export interface BuyerMapPanelProps extends PanelProps {
  onSave: (contactId: string, edit: BuyerEdit) => Promise<void>;
  /** Save who is on a deal's buying committee (absent: read-only). */
  onCommittee?: (dealId: string, contactIds: string[]) => Promise<void>;
  /** The print view: the map and the list, one after the other. */
  print?: boolean;
}

type View = 'map' | 'list';

export function BuyerMapPanel(props: BuyerMapPanelProps) {
  const { t } = useUi();
  const [mode, setMode] = useState<View>('map');
  const [failed, setFailed] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [dealId, setDealId] = useState<string | null>(null);
  const showMap = (mode === 'map' || props.print) && !failed;
  const showList = mode === 'list' || props.print || failed;
  return (
    <PanelFrame id="buyers" title={t('tabBuyers')} state={props.state} onRetry={props.onRetry}>
      {(view) =>
        view.people.length === 0 ? (
          <Empty>{t('noContacts')}</Empty>
        ) : (
          <div class="buyers">
            <Gaps gaps={view.buyerGaps} view={view} />
            {!props.print && (
              <div class="segmented" role="group" aria-label={t('viewLabel')}>
                {(['map', 'list'] as const).map((m) => (
                  <button
                    key={m}
                    type="button"
                    class={`btn small${mode === m ? ' primary' : ''}`}
                    aria-pressed={mode === m}
                    data-view={m}
                    onClick={() => setMode(m)}
                  >
                    {t(m === 'map' ? 'viewMap' : 'viewList')}
                  </button>
                ))}
              </div>
            )}
            {failed && (
              <p class="notice warn" role="alert">
                {t('mapUnavailable')}
              </p>
            )}
            {showMap && (
              <LazyMap
                view={view}
                selected={selected}
                onSelect={setSelected}
                dealId={dealId}
                onDeal={setDealId}
                onCommittee={props.print ? undefined : props.onCommittee}
                onFail={() => setFailed(true)}
              />
            )}
            {showMap && !props.print && selected && (
              <ul class="org" data-testid="map-selected">
                {view.people
                  .filter((p) => p.contact.id === selected)
                  .map((p) => (
                    <BuyerRow
                      key={p.contact.id}
                      person={p}
                      people={view.people}
                      offset={view.offset}
                      onSave={props.onSave}
                    />
                  ))}
              </ul>
            )}
            {showList && (
              <ul class="org" data-testid="org-chart">
                {view.people.map((p) => (
                  <BuyerRow
                    key={p.contact.id}
                    person={p}
                    people={view.people}
                    offset={view.offset}
                    onSave={props.onSave}
                  />
                ))}
              </ul>
            )}
          </div>
        )
      }
    </PanelFrame>
  );
}

type MapModule = { RelationshipMap: typeof RelationshipMapType };
let mapChunk: Promise<MapModule> | null = null;

/** The map's chunk, fetched once (again after a failure) — outside the page's first-load budget. */
function LazyMap(props: RelationshipMapProps & { onFail: () => void }) {
  const { t } = useUi();
  const [mod, setMod] = useState<MapModule | null>(null);
  const onFail = useRef(props.onFail);
  onFail.current = props.onFail;
  useEffect(() => {
    let live = true;
    mapChunk ??= import('../map/relationship-map');
    mapChunk.then(
      (m) => live && setMod(m),
      () => {
        mapChunk = null;
        if (live) onFail.current();
      },
    );
    return () => {
      live = false;
    };
  }, []);
  if (!mod)
    return (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    );
  const { RelationshipMap } = mod;
  return <RelationshipMap {...props} />;
}

function Gaps(props: { gaps: BuyerGap[]; view: AccountView }) {
  const { t, l } = useUi();
  if (props.gaps.length === 0) return null;
  const stage = (key: string | null) => {
    const label = key ? props.view.config.stages.find((s) => s.key === key)?.label : undefined;
    return label ? t('gapNeededFor', { stage: l(label) }) : '';
  };
  const text = (g: BuyerGap): string => {
    switch (g.code) {
      case 'NO_DECISION_MAKER':
        return t('gapNoDecisionMaker') + stage(g.neededFor);
      case 'NO_EXECUTIVE':
        return t('gapNoExecutive') + stage(g.neededFor);
      case 'MISSING_KEY_ROLE':
        return t('gapMissingRole', { role: l(BUYING_ROLE_LABELS[g.role]) });
      case 'UNCONTACTED_DECISION_MAKER': {
        const p = props.view.people.find((x) => x.contact.id === g.contactId);
        return t('gapUncontactedDm', { name: p?.contact.name ?? g.contactId });
      }
      case 'NO_CONTACT_IN_SEGMENT':
        return t('gapSegment', { segment: g.segment });
    }
  };
  return (
    <ul class="notice warn gaps" data-testid="buyer-gaps">
      {props.gaps.map((g, i) => (
        <li key={i} data-gap={g.code}>
          {text(g)}
        </li>
      ))}
    </ul>
  );
}
