/**
 * Data problems the engine found (never fatal): collapsed at the foot of the widget, in the page's
 * language; the engine's technical detail (English, for support) is the tooltip.
 */
import type { DataIssue } from '../../../shared/model/types';
import { useUi } from './ui-context';

export function Issues(props: { issues: DataIssue[] }) {
  const { t } = useUi();
  if (props.issues.length === 0) return null;
  return (
    <details class="issues" data-testid="issues">
      <summary>
        {t('dataIssues')} ({props.issues.length})
      </summary>
      <ul>
        {props.issues.slice(0, 50).map((i, n) => (
          <li key={n} data-issue={i.code} title={i.message}>
            {t(`issue_${i.code}` as const)}
          </li>
        ))}
      </ul>
    </details>
  );
}
