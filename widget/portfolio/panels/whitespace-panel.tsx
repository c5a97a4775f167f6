/**
 * Whitespace: the potential maps of the accounts in view as one segment × offering heat map — the
 * darker a cell, the more potential is not ours yet — across all accounts in view or one group of
 * companies. A cell opens the list of its accounts (links to their records).
 */
import { useState } from 'preact/hooks';
import { cellKey, type Whitespace } from '../../../shared/portfolio/whitespace';
import type { AsyncState } from '../../common/async-state';
import { formatMoney, formatShare } from '../../common/format';
import { AccountLink } from '../ui/links';
import { Empty, PanelFrame, Sub } from '../ui/panel-frame';
import { usePortfolioUi } from '../ui/ui-context';

export interface WhitespaceView {
  map: Whitespace;
  group: string | null;
  accountNames: Map<string, string>;
}

const MAX_SEGMENTS = 20;
const MAX_OFFERINGS = 12;

export function WhitespacePanel(props: {
  state: AsyncState<WhitespaceView>;
  onRetry?: (() => void) | undefined;
  onGroup: (group: string | null) => void;
}) {
  const { t } = usePortfolioUi();
  return (
    <PanelFrame id="whitespace" title={t('tabWhitespace')} state={props.state} onRetry={props.onRetry}>
      {(v) => <Body view={v} onGroup={props.onGroup} />}
    </PanelFrame>
  );
}

function Body(props: { view: WhitespaceView; onGroup: (group: string | null) => void }) {
  const { t, lang, config } = usePortfolioUi();
  const { map, group } = props.view;
  const [picked, setPicked] = useState<string | null>(null);
  const money = (n: number) => formatMoney(n, config.currency, lang);
  const offerings = map.offerings.slice(0, MAX_OFFERINGS);
  // rows with at least one cell among the offerings shown
  const segments = map.segments
    .filter((s) => offerings.some((o) => map.cells.has(cellKey(s, o))))
    .slice(0, MAX_SEGMENTS);
  const max = Math.max(1, ...[...map.cells.values()].map((c) => c.whitespace));
  const cell = picked ? map.cells.get(picked) : undefined;
  return (
    <>
      <div class="filters-inline">
        <label class="small">
          {t('whitespaceGroup')}{' '}
          <select
            id="whitespace-group"
            value={group ?? ''}
            onChange={(e) => {
              setPicked(null);
              props.onGroup((e.currentTarget as HTMLSelectElement).value || null);
            }}
          >
            <option value="">{t('whitespaceAllInView')}</option>
            {map.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {t('whitespaceGroupOf', { name: g.name, n: g.accounts })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {map.cells.size === 0 ? (
        <Empty>{t('whitespaceNone')}</Empty>
      ) : (
        <>
          <p class="muted small" data-testid="whitespace-totals">
            {t('whitespaceTotals', {
              potential: money(map.totals.potential),
              current: money(map.totals.current),
              whitespace: money(map.totals.whitespace),
              n: map.totals.accounts,
            })}
          </p>
          {(map.segments.length > segments.length || map.offerings.length > offerings.length) && (
            <p class="muted small">
              {t('whitespaceTop', {
                s: segments.length,
                sAll: map.segments.length,
                o: offerings.length,
                oAll: map.offerings.length,
              })}
            </p>
          )}
          <div class="table-wrap">
            <table class="table compact heatmap" data-testid="whitespace-map">
              <thead>
                <tr>
                  <th scope="col">{t('whitespaceSegment')}</th>
                  {offerings.map((o) => (
                    <th key={o} scope="col" class="num">
                      {o}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {segments.map((s) => (
                  <tr key={s}>
                    <th scope="row">{s}</th>
                    {offerings.map((o) => {
                      const key = cellKey(s, o);
                      const c = map.cells.get(key);
                      if (!c) return <td key={o} class="num muted" />;
                      const heat = c.whitespace / max;
                      return (
                        <td
                          key={o}
                          class="num"
                          style={{ background: `rgba(214, 69, 65, ${(0.08 + heat * 0.62).toFixed(2)})` }}
                        >
                          <button
                            type="button"
                            class="linkish"
                            data-cell={key}
                            aria-pressed={picked === key}
                            title={t('whitespaceCellTitle', {
                              potential: money(c.potential),
                              current: money(c.current),
                              share: formatShare(c.share, lang),
                            })}
                            onClick={() => setPicked(picked === key ? null : key)}
                          >
                            {money(c.whitespace)}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {cell && (
            <>
              <Sub>{t('whitespaceCellAccounts', { segment: cell.segment, offering: cell.offering })}</Sub>
              <ul class="plain" data-testid="whitespace-accounts">
                {cell.accounts.map((a) => (
                  <li key={a.id} data-account={a.id}>
                    <AccountLink id={a.id} name={props.view.accountNames.get(a.id) ?? a.id} />{' '}
                    <span class="muted small">{money(a.whitespace)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}
