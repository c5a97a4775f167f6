/** The guidance items in the UI language, each with the accounts it is about (collapsed). */
import { OWNER_REASON_LABELS } from '../../../shared/portfolio/labels';
import type { PortfolioReport } from '../../../shared/portfolio/report';
import { Empty, Sub } from '../ui/panel-frame';
import { usePortfolioUi } from '../ui/ui-context';
import { AccountLink, RepLink } from '../ui/links';

export function GuidanceList(props: { report: PortfolioReport }) {
  const { t, l } = usePortfolioUi();
  const { guidance } = props.report;
  const owners = new Map(props.report.reps.map((r) => [r.id, r.name]));
  return (
    <div data-testid="guidance">
      <Sub>{t('guidance')}</Sub>
      {guidance.length === 0 ? (
        <Empty>{t('noGuidance')}</Empty>
      ) : (
        <ul class="guidance">
          {guidance.map((g) => (
            <li key={`${g.code}-${g.repId ?? ''}`} class="guidance-item" data-code={g.code}>
              <p>{l(g.message)}</p>
              {g.accounts.length > 0 && (
                <details>
                  <summary>{t('showAccounts', { n: g.accounts.length })}</summary>
                  <ul class="plain small">
                    {g.accounts.map((a) => (
                      <li key={a.id}>
                        <AccountLink id={a.id} name={a.name} />
                        <span class="muted">
                          {' · '}
                          <RepLink id={a.ownerId} name={owners.get(a.ownerId) ?? '—'} />
                        </span>
                        {a.reason && <span class="muted"> · {l(OWNER_REASON_LABELS[a.reason])}</span>}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
