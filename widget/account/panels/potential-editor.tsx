/** The potential map's subform rows as an editable table: add, change, remove, save. */
import { useEffect, useState } from 'preact/hooks';
import type { CrmRecord } from '../../zoho/types';
import type { PlanChange, PotentialEdit } from '../data/writes';
import { SaveStatus } from '../ui/bits';
import { useSave } from '../ui/use-save';
import { useUi } from '../ui/ui-context';

function rowsOf(
  plan: CrmRecord | null,
  f: ReturnType<typeof useUi>['config']['fields']['plan'],
): PotentialEdit[] {
  const list = plan?.[f.potentialMap];
  if (!Array.isArray(list)) return [];
  return list
    .filter((r): r is CrmRecord => r != null && typeof r === 'object')
    .map((r) => ({
      rowId: typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : null,
      segment: typeof r[f.segment] === 'string' ? (r[f.segment] as string) : '',
      offering: typeof r[f.offering] === 'string' ? (r[f.offering] as string) : '',
      potential: Number(r[f.potentialAmount] ?? 0) || 0,
      current: Number(r[f.currentAmount] ?? 0) || 0,
    }));
}

export function PotentialEditor(props: {
  planRecord: CrmRecord | null;
  onSave: (c: PlanChange) => Promise<void>;
}) {
  const { t, config } = useUi();
  const [rows, setRows] = useState<PotentialEdit[]>(() => rowsOf(props.planRecord, config.fields.plan));
  const [dirty, setDirty] = useState(false);
  const [save, run] = useSave();
  // After a save the plan comes back with ids for the new rows: edit those from now on.
  useEffect(() => {
    setRows(rowsOf(props.planRecord, config.fields.plan));
    setDirty(false);
  }, [props.planRecord, config]);
  const update = (i: number, patch: Partial<PotentialEdit>) => {
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const amount = (v: string) => Math.max(0, Number(v) || 0);
  return (
    <form
      class="potential-editor"
      onSubmit={(e) => {
        e.preventDefault();
        const clean = rows.filter((r) => r.segment.trim() !== '' || r.offering.trim() !== '');
        void run(() => props.onSave({ potential: clean, summary: t('potentialSummary') }));
      }}
    >
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
            <tr key={r.rowId ?? `new-${i}`}>
              <td>
                <input
                  aria-label={t('segment')}
                  value={r.segment}
                  maxLength={255}
                  onInput={(e) => update(i, { segment: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('offering')}
                  value={r.offering}
                  maxLength={255}
                  onInput={(e) => update(i, { offering: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('potential')}
                  type="number"
                  min={0}
                  step="any"
                  value={r.potential}
                  onInput={(e) => update(i, { potential: amount(e.currentTarget.value) })}
                />
              </td>
              <td>
                <input
                  aria-label={t('current')}
                  type="number"
                  min={0}
                  step="any"
                  value={r.current}
                  onInput={(e) => update(i, { current: amount(e.currentTarget.value) })}
                />
              </td>
              <td>
                <button
                  type="button"
                  class="link-btn danger"
                  aria-label={`${t('removeRow')} ${i + 1}`}
                  onClick={() => {
                    setRows((prev) => prev.filter((_, j) => j !== i));
                    setDirty(true);
                  }}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="form-footer">
        <button
          type="button"
          class="btn"
          onClick={() => {
            setRows((prev) => [
              ...prev,
              { rowId: null, segment: '', offering: '', potential: 0, current: 0 },
            ]);
            setDirty(true);
          }}
        >
          {t('addRow')}
        </button>
        <button type="submit" class="btn primary" disabled={!dirty || save.status === 'saving'}>
          {t('save')}
        </button>
        <SaveStatus state={save} />
      </div>
    </form>
  );
}
