/** The portfolio page's panel frame: the common frame with the portfolio's words. */
import type { ComponentChildren } from 'preact';
import type { PortfolioReport } from '../../../shared/portfolio/report';
import type { AsyncState } from '../../common/async-state';
import { ERROR_MESSAGES } from '../../common/errors';
import { AsyncPanel } from '../../common/panel-frame';
import { usePortfolioUi } from './ui-context';

export { Empty } from '../../common/panel-frame';

export interface PanelProps {
  state: AsyncState<PortfolioReport>;
  onRetry?: (() => void) | undefined;
}

export function PanelFrame<T = PortfolioReport>(props: {
  id: string;
  title: string;
  state: AsyncState<T>;
  onRetry?: (() => void) | undefined;
  children: (report: T) => ComponentChildren;
}) {
  const { t, l } = usePortfolioUi();
  const error = (code: keyof typeof ERROR_MESSAGES) =>
    code === 'NOT_IN_ZOHO' ? t('notInZoho') : l(ERROR_MESSAGES[code]);
  return (
    <AsyncPanel
      {...props}
      text={{ loading: t('loading'), details: t('details'), retry: t('retry'), error }}
    />
  );
}

/** A section heading inside a panel. */
export function Sub(props: { children: ComponentChildren }) {
  return <h3 class="sub">{props.children}</h3>;
}
