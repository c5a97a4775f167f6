/**
 * The search box: type part of a name or its reading (furigana) and pick the account — it opens in
 * the CRM like every other account link. Searches all accounts read, not only those in view.
 */
import { useMemo, useState } from 'preact/hooks';
import type { PortfolioAccount } from '../../../shared/portfolio/model';
import { searchAccounts } from '../../../shared/portfolio/search';
import { AccountLink } from './links';
import { usePortfolioUi } from './ui-context';

const LIMIT = 20;

export function AccountSearch(props: {
  accounts: readonly PortfolioAccount[];
  ownerNames: Map<string, string>;
}) {
  const { t, stage } = usePortfolioUi();
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchAccounts(props.accounts, query, LIMIT), [props.accounts, query]);
  const q = query.trim();
  return (
    <div class="account-search" role="search">
      <label class="filter">
        {t('search')}
        <input
          type="search"
          data-testid="account-search"
          value={query}
          placeholder={t('searchPlaceholder')}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </label>
      {q !== '' && (
        <div class="search-results" data-testid="search-results" aria-live="polite">
          {found.length === 0 ? (
            <p class="muted small">{t('searchNone', { q })}</p>
          ) : (
            <>
              <p class="muted small">{t('searchResults', { n: found.length })}</p>
              <ul class="plain small">
                {found.map((a) => (
                  <li key={a.id} data-account={a.id}>
                    <AccountLink id={a.id} name={a.name} />
                    {a.reading && <span class="muted"> ({a.reading})</span>}
                    <span class="muted">
                      {' · '}
                      {stage(a.stage)} · {props.ownerNames.get(a.ownerId ?? '') ?? '—'}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
