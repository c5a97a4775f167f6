/** The account page's panel frame: the common frame with the account page's words. */
import type { ComponentChildren } from 'preact';
import type { AsyncState } from '../../common/async-state';
import { ERROR_MESSAGES } from '../../common/errors';
import { AsyncPanel } from '../../common/panel-frame';
import type { AccountView } from '../data/account-view';
import { useUi } from './ui-context';

export { Empty } from '../../common/panel-frame';

export interface PanelProps {
  state: AsyncState<AccountView>;
  onRetry?: () => void;
}

export function PanelFrame(props: {
  id: string;
  title: string;
  state: AsyncState<AccountView>;
  onRetry?: (() => void) | undefined;
  children: (view: AccountView) => ComponentChildren;
}) {
  const { t, l } = useUi();
  return (
    <AsyncPanel
      {...props}
      text={{
        loading: t('loading'),
        details: t('details'),
        retry: t('retry'),
        error: (code) => l(ERROR_MESSAGES[code]),
      }}
    />
  );
}
