/**
 * A table whose columns sort on click (ascending, then descending; empty values last), showing the
 * first rows and more on demand — 10,000 accounts do not go into the DOM at once. Cells are text
 * (CRM values are never markup).
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { usePortfolioUi } from './ui-context';

export interface Column<R> {
  key: string;
  label: string;
  /** The value sorted by (and shown, unless `render`). */
  value: (row: R) => string | number | null;
  render?: (row: R) => ComponentChildren;
  numeric?: boolean;
}

type SortDir = 'asc' | 'desc';

export function SortableTable<R>(props: {
  rows: readonly R[];
  columns: Column<R>[];
  rowKey: (row: R) => string;
  initialSort?: { key: string; dir: SortDir };
  pageSize?: number;
  testId?: string;
  rowAttrs?: (row: R) => Record<string, string>;
}) {
  const { t, lang } = usePortfolioUi();
  const [sort, setSort] = useState(props.initialSort ?? null);
  const pageSize = props.pageSize ?? 200;
  const [limit, setLimit] = useState(pageSize);
  const sorted = useMemo(() => {
    const col = props.columns.find((c) => c.key === sort?.key);
    if (!col || !sort) return props.rows;
    return sortRows(props.rows, col.value, sort.dir, lang);
  }, [props.rows, props.columns, sort, lang]);
  const shown = sorted.slice(0, limit);
  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  return (
    <div class="table-wrap">
      <table class="table sortable" data-testid={props.testId}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                class={c.numeric ? 'num' : undefined}
                aria-sort={
                  sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
                }
              >
                <button
                  type="button"
                  class="sort-button"
                  data-sort={c.key}
                  title={t('sortBy', { column: c.label })}
                  onClick={() => toggle(c.key)}
                >
                  {c.label}
                  <span class="sort-mark" aria-hidden="true">
                    {sort?.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={props.rowKey(r)} {...(props.rowAttrs?.(r) ?? {})}>
              {props.columns.map((c) => (
                <td key={c.key} class={c.numeric ? 'num' : undefined} data-col={c.key}>
                  {c.render ? c.render(r) : String(c.value(r) ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > shown.length && (
        <p class="table-more">
          <span class="muted small">{t('shownOf', { shown: shown.length, total: sorted.length })}</span>{' '}
          <button type="button" class="btn small" onClick={() => setLimit((n) => n + pageSize)}>
            {t('showMore', { n: Math.min(pageSize, sorted.length - shown.length) })}
          </button>
        </p>
      )}
    </div>
  );
}

/** Stable sort by a value: numbers numerically, text in the UI language's order, empty last. */
function sortRows<R>(
  rows: readonly R[],
  value: (row: R) => string | number | null,
  dir: SortDir,
  lang: string,
): R[] {
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(lang === 'ja' ? 'ja-JP' : 'en-US', { numeric: true });
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      if (a.v == null || a.v === '') return b.v == null || b.v === '' ? a.i - b.i : 1;
      if (b.v == null || b.v === '') return -1;
      const c =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : collator.compare(String(a.v), String(b.v));
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map((x) => x.row);
}
