/**
 * The widget's header: account name, website (only http/https), stage, as-of, language, reload, and a
 * plain notice when the account is not a strategic target (Is_Target_Account unticked).
 */
import type { AsyncState } from '../../common/async-state';
import { formatDay } from '../../common/format';
import type { Lang } from '../../common/lang';
import { safeHttpUrl } from '../../common/safe-url';
import type { AccountView } from '../data/account-view';
import { Badge } from './bits';
import { useUi } from './ui-context';

export function Header(props: {
  state: AsyncState<AccountView>;
  onLang: (l: Lang) => void;
  onReload: () => void;
}) {
  const { t, l, lang, config } = useUi();
  const view = props.state.status === 'ready' ? props.state.data : null;
  const url = safeHttpUrl(view?.website);
  return (
    <header class="header">
      <div class="header-main">
        <h1 class="account-name" data-testid="account-name">
          {view ? view.insight.accountName : t('appTitle')}
        </h1>
        {view && <Badge tone="info">{l(view.insight.stage?.label ?? config.notStarted.label)}</Badge>}
      </div>
      {view && !view.insight.isTarget && (
        <p class="notice warn small header-notice" role="note" data-testid="not-target">
          {t('notTarget')}
          {!config.targets.computeNonTargets && <> {t('notTargetNotComputed')}</>}
        </p>
      )}
      <div class="header-tools">
        {url && (
          <a class="small" href={url} target="_blank" rel="noopener noreferrer">
            {t('website')}
          </a>
        )}
        {view && (
          <span class="muted small" data-testid="as-of" data-as-of={new Date(view.asOf).toISOString()}>
            {t('asOf')} {formatDay(view.asOf, view.offset)}
          </span>
        )}
        <button
          type="button"
          class="btn small"
          onClick={props.onReload}
          disabled={props.state.status === 'loading'}
        >
          {t('reload')}
        </button>
        <button
          type="button"
          class="btn small"
          lang={lang === 'ja' ? 'en' : 'ja'}
          aria-label={t('switchLangLabel')}
          onClick={() => props.onLang(lang === 'ja' ? 'en' : 'ja')}
        >
          {t('switchLang')}
        </button>
      </div>
    </header>
  );
}
