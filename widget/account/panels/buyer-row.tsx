/** One person in the buyer map: what we know about them, and an inline editor for it. */
import { useState } from 'preact/hooks';
import { ATTITUDE_LABELS, BUYING_ROLE_LABELS } from '../../../shared/i18n/labels';
import { ATTITUDES, BUYING_ROLES, type Attitude, type BuyingRole } from '../../../shared/model/keys';
import { formatDay } from '../../common/format';
import type { PersonView } from '../data/account-view';
import type { BuyerEdit } from '../data/writes';
import { Badge, SaveStatus } from '../ui/bits';
import { RecordLink } from '../ui/record-link';
import { useSave } from '../ui/use-save';
import { useUi } from '../ui/ui-context';

const ATTITUDE_TONE: Record<Attitude, 'ok' | 'info' | 'muted' | 'warn' | 'danger'> = {
  advocate: 'ok',
  supporter: 'ok',
  neutral: 'muted',
  skeptic: 'warn',
  opponent: 'danger',
};

export function BuyerRow(props: {
  person: PersonView;
  /** Everyone on the map: the people this person can sway (influence lines). */
  people: PersonView[];
  offset: number;
  onSave: (contactId: string, edit: BuyerEdit) => Promise<void>;
}) {
  const { t, l } = useUi();
  const { contact, depth, key, executive, lastTouch } = props.person;
  const [editing, setEditing] = useState(false);
  const [save, run, reset] = useSave();
  const meta = [contact.title, contact.department].filter(Boolean).join(' · ');
  return (
    <li
      class="person"
      style={{ marginInlineStart: `${Math.min(depth, 6) * 16}px` }}
      data-contact={contact.id}
    >
      <div class="person-head">
        <RecordLink module="contacts" id={contact.id} class="person-name">
          {contact.name}
        </RecordLink>
        {meta && <span class="muted person-meta">{meta}</span>}
      </div>
      <div class="person-tags">
        {contact.buyingRole ? (
          <Badge tone="info">{l(BUYING_ROLE_LABELS[contact.buyingRole])}</Badge>
        ) : (
          <Badge tone="muted">{`${t('role')}: ${t('notSet')}`}</Badge>
        )}
        {contact.attitude && (
          <Badge tone={ATTITUDE_TONE[contact.attitude]}>{l(ATTITUDE_LABELS[contact.attitude])}</Badge>
        )}
        {contact.influence != null && (
          <Badge tone="muted">{`${t('influence')} ${contact.influence}/5`}</Badge>
        )}
        {executive && <Badge tone="warn">{t('executive')}</Badge>}
        {key && <Badge tone="ok">{t('keyPerson')}</Badge>}
        <span class="muted small">
          {t('lastTouch')}: {formatDay(lastTouch, props.offset)}
        </span>
        {!editing && (
          <button
            type="button"
            class="link-btn"
            onClick={() => {
              reset();
              setEditing(true);
            }}
            aria-label={`${t('edit')}: ${contact.name}`}
          >
            {t('edit')}
          </button>
        )}
        {!editing && <SaveStatus state={save} />}
      </div>
      {editing && (
        <BuyerEditor
          person={props.person}
          people={props.people}
          save={save}
          onCancel={() => setEditing(false)}
          onSubmit={async (edit) => {
            if (await run(() => props.onSave(contact.id, edit))) setEditing(false);
          }}
        />
      )}
    </li>
  );
}

function BuyerEditor(props: {
  person: PersonView;
  people: PersonView[];
  save: ReturnType<typeof useSave>[0];
  onCancel: () => void;
  onSubmit: (edit: BuyerEdit) => Promise<void>;
}) {
  const { t, l } = useUi();
  const c = props.person.contact;
  const [edit, setEdit] = useState<BuyerEdit>({
    buyingRole: c.buyingRole,
    attitude: c.attitude,
    influence: c.influence,
    isExecutive: c.executiveFlag,
    influences: c.influences,
  });
  const others = props.people.filter((p) => p.contact.id !== c.id);
  const id = (name: string) => `buyer-${c.id}-${name}`;
  return (
    <form
      class="buyer-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit(edit);
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <label class="field" for={id('role')}>
        <span>{t('role')}</span>
        <select
          id={id('role')}
          value={edit.buyingRole ?? ''}
          onChange={(e) =>
            setEdit({ ...edit, buyingRole: (e.currentTarget.value || null) as BuyingRole | null })
          }
        >
          <option value="">{t('notSet')}</option>
          {BUYING_ROLES.map((r) => (
            <option key={r} value={r}>
              {l(BUYING_ROLE_LABELS[r])}
            </option>
          ))}
        </select>
      </label>
      <label class="field" for={id('attitude')}>
        <span>{t('attitude')}</span>
        <select
          id={id('attitude')}
          value={edit.attitude ?? ''}
          onChange={(e) => setEdit({ ...edit, attitude: (e.currentTarget.value || null) as Attitude | null })}
        >
          <option value="">{t('notSet')}</option>
          {ATTITUDES.map((a) => (
            <option key={a} value={a}>
              {l(ATTITUDE_LABELS[a])}
            </option>
          ))}
        </select>
      </label>
      <label class="field" for={id('influence')}>
        <span>{t('influence')}</span>
        <select
          id={id('influence')}
          value={edit.influence == null ? '' : String(edit.influence)}
          onChange={(e) =>
            setEdit({
              ...edit,
              influence: e.currentTarget.value === '' ? null : Number(e.currentTarget.value),
            })
          }
        >
          <option value="">{t('notSet')}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label class="field checkbox" for={id('exec')}>
        <input
          id={id('exec')}
          type="checkbox"
          checked={edit.isExecutive}
          onChange={(e) => setEdit({ ...edit, isExecutive: e.currentTarget.checked })}
        />
        <span>{t('executive')}</span>
      </label>
      {others.length > 0 && (
        <fieldset class="field influences">
          <legend>{t('influences')}</legend>
          {others.map(({ contact: o }) => (
            <label key={o.id} class="checkbox">
              <input
                type="checkbox"
                checked={edit.influences.includes(o.id)}
                onChange={(e) =>
                  setEdit({
                    ...edit,
                    influences: e.currentTarget.checked
                      ? [...edit.influences, o.id]
                      : edit.influences.filter((x) => x !== o.id),
                  })
                }
              />
              {o.name}
            </label>
          ))}
        </fieldset>
      )}
      <div class="form-footer">
        <button type="submit" class="btn primary" disabled={props.save.status === 'saving'}>
          {t('save')}
        </button>
        <button type="button" class="btn" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <SaveStatus state={props.save} />
      </div>
    </form>
  );
}
