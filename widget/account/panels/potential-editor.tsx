/**
 * The potential map's subform rows as an editable table: add, change, remove, save. Typing is kept
 * as a draft (tab switch, reload); rows that are incomplete or hold impossible amounts stop the save
 * with a message per row instead of being dropped.
 */
import type { ZohoRecord } from '../../../shared/crm-read/records';
import { useMemo, useState } from 'preact/hooks';
import {
  MAX_AMOUNT,
  checkPotentialRows,
  inputOf,
  type PotentialInput,
  type PotentialIssue,
} from '../data/potential-rows';
import type { PlanChange, PotentialEdit } from '../data/writes';
import { formatMoney } from '../../common/format';
import { SaveStatus } from '../ui/bits';
import { DraftNotice } from '../ui/draft-notice';
import { draftKey, useDraft } from '../ui/use-draft';
import { useSave } from '../ui/use-save';
import { useUi } from '../ui/ui-context';

function rowsOf(
  plan: ZohoRecord | null,
  f: ReturnType<typeof useUi>['config']['fields']['plan'],
): PotentialEdit[] {
  const list = plan?.[f.potentialMap];
  if (!Array.isArray(list)) return [];
  return list
    .filter((r): r is ZohoRecord => r != null && typeof r === 'object')
    .map((r) => ({
      rowId: typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : null,
      segment: typeof r[f.segment] === 'string' ? (r[f.segment] as string) : '',
      offering: typeof r[f.offering] === 'string' ? (r[f.offering] as string) : '',
      potential: Number(r[f.potentialAmount] ?? 0) || 0,
      current: Number(r[f.currentAmount] ?? 0) || 0,
    }));
}

const sameRows = (a: PotentialInput[], b: PotentialInput[]) =>
  a.length === b.length &&
  a.every((r, i) => {
    const o = b[i] as PotentialInput;
    return (
      r.rowId === o.rowId &&
      r.segment === o.segment &&
      r.offering === o.offering &&
      r.potential === o.potential &&
      r.current === o.current
    );
  });

export function PotentialEditor(props: {
  accountId: string;
  planRecord: ZohoRecord | null;
  onSave: (c: PlanChange) => Promise<void>;
}) {
  const { t, config, lang } = useUi();
  const stored = useMemo(
    () => rowsOf(props.planRecord, config.fields.plan).map(inputOf),
    [props.planRecord, config],
  );
  const draft = useDraft(draftKey(props.accountId, 'potential'), stored, sameRows);
  const rows = draft.value;
  const [issues, setIssues] = useState<PotentialIssue[]>([]);
  const [save, run] = useSave();
  const update = (i: number, patch: Partial<PotentialInput>) => {
    draft.set((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setIssues([]);
  };
  const bad = new Set(issues.map((i) => i.index));
  const cell = (i: number, key: keyof Omit<PotentialInput, 'rowId'>, label: string, numeric = false) => (
    <td>
      <input
        aria-label={label}
        aria-invalid={bad.has(i) ? 'true' : undefined}
        inputMode={numeric ? 'decimal' : undefined}
        value={rows[i]?.[key] ?? ''}
        maxLength={numeric ? 24 : 255}
        onInput={(e) => update(i, { [key]: e.currentTarget.value })}
      />
    </td>
  );
  return (
    <form
      class="potential-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkPotentialRows(rows);
        if (!checked.ok) return setIssues(checked.issues);
        void run(() => props.onSave({ potential: checked.rows, summary: t('potentialSummary') }));
      }}
    >
      <DraftNotice draft={draft} />
      <table class="grid compact" data-testid="potential-editor">
        <thead>
          <tr>
            <th scope="col">{t('segment')}</th>
            <th scope="col">{t('offering')}</th>
            <th scope="col">{t('potential')}</th>
            <th scope="col">{t('current')}</th>
            <th scope="col">
              <span class="sr-only">{t('removeRow')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.rowId ?? `new-${i}`} class={bad.has(i) ? 'row-invalid' : undefined}>
              {cell(i, 'segment', t('segment'))}
              {cell(i, 'offering', t('offering'))}
              {cell(i, 'potential', t('potential'), true)}
              {cell(i, 'current', t('current'), true)}
              <td>
                <button
                  type="button"
                  class="link-btn danger"
                  aria-label={`${t('removeRow')} ${i + 1}`}
                  onClick={() => {
                    draft.set((prev) => prev.filter((_, j) => j !== i));
                    setIssues([]);
                  }}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {issues.length > 0 && (
        <div class="notice danger" role="alert" data-testid="potential-issues">
          <p>{t('potentialInvalid')}</p>
          <ul>
            {issues.map((p) => (
              <li key={`${p.index}-${p.code}`} data-code={p.code}>
                {t(p.code, {
                  row: String(p.index + 1),
                  max: formatMoney(MAX_AMOUNT, 'JPY', lang),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="form-footer">
        <button
          type="button"
          class="btn"
          onClick={() => {
            draft.set((prev) => [
              ...prev,
              { rowId: null, segment: '', offering: '', potential: '', current: '' },
            ]);
          }}
        >
          {t('addRow')}
        </button>
        <button type="submit" class="btn primary" disabled={!draft.dirty || save.status === 'saving'}>
          {t('save')}
        </button>
        <SaveStatus state={save} />
      </div>
    </form>
  );
}
