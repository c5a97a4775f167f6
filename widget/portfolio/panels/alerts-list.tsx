/**
 * The open alert tasks (server/sync/alerts.ts) of the accounts in view: per rep, how many of each
 * rule, and the accounts behind them as links. Reps see the same alerts as Zoho Tasks.
 */
import { useState } from 'preact/hooks';
import type { PortfolioReport } from '../../../shared/portfolio/report';
import { AccountLink, RepLink } from '../ui/links';
import { Empty, Sub } from '../ui/panel-frame';
import { usePortfolioUi } from '../ui/ui-context';

export function AlertsList(props: { report: PortfolioReport }) {
  const { t, l, config } = usePortfolioUi();
  const [open, setOpen] = useState(false);
  if (!config.alerts.enabled) return null;
  const a = props.report.alerts;
  const names = new Map(props.report.reps.map((r) => [r.id, r.name]));
  const label = (code: string) => {
    const rule = config.alerts.rules.find((r) => r.code === code);
    return rule ? l(rule.label) : code;
  };
  return (
    <div data-testid="alerts">
      <Sub>{t('alertsTitle', { n: a.total })}</Sub>
      {a.total === 0 ? (
        <Empty>{t('noAlerts')}</Empty>
      ) : (
        <>
          <div class="table-wrap">
            <table class="table compact" data-testid="alerts-per-rep">
              <thead>
                <tr>
                  <th scope="col">{t('rep')}</th>
                  <th scope="col" class="num">
                    {t('total')}
                  </th>
                  {a.codes.map((c) => (
                    <th key={c} scope="col" class="num" data-alert={c}>
                      {label(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {a.perRep.map((r) => (
                  <tr key={r.ownerId ?? '-'} data-owner={r.ownerId ?? ''}>
                    <th scope="row">
                      <RepLink id={r.ownerId} name={names.get(r.ownerId) ?? '—'} />
                    </th>
                    <td class="num">{r.total}</td>
                    {a.codes.map((c) => (
                      <td key={c} class="num">
                        {r.byCode[c] ?? ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
            <summary>{t('showAccounts', { n: a.accounts.length })}</summary>
            {/* drawn when opened: at 10,000 accounts the list is thousands of links */}
            {open && (
              <ul class="plain small" data-testid="alert-accounts">
                {a.accounts.map((x) => (
                  <li key={x.accountId} data-account={x.accountId}>
                    <AccountLink id={x.accountId} name={x.name} />
                    <span class="muted">
                      {' · '}
                      <RepLink id={x.ownerId} name={names.get(x.ownerId) ?? '—'} />
                      {' · '}
                      {x.codes.map(label).join(' / ')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </details>
        </>
      )}
    </div>
  );
}
