/**
 * Data problems the engine found (never fatal): collapsed at the foot of the widget, each as its
 * kind and the engine's message naming the record and field, both in the page's language. The
 * stable code is on the item (`data-issue`) for support.
 */
import type { DataIssue } from '../../../shared/model/types';
import { useUi } from './ui-context';

export function Issues(props: { issues: DataIssue[] }) {
  const { t, l } = useUi();
  if (props.issues.length === 0) return null;
  return (
    <details class="issues" data-testid="issues">
      <summary>
        {t('dataIssues')} ({props.issues.length})
      </summary>
      <ul>
        {props.issues.slice(0, 50).map((i, n) => (
          <li key={n} data-issue={i.code}>
            <strong>{t(`issue_${i.code}` as const)}</strong> — {l(i.message)}
          </li>
        ))}
      </ul>
    </details>
  );
}
