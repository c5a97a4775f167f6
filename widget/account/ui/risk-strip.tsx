/** "要注意": the flags that need action, on the first screen, each a button to the tab that holds it. */
import type { Risk, RiskTab } from '../data/risks';
import { useUi } from './ui-context';

export function RiskStrip(props: { risks: Risk[]; onOpen: (tab: RiskTab) => void }) {
  const { t } = useUi();
  if (props.risks.length === 0) return null;
  return (
    <section class="risk-strip" aria-label={t('risksLabel')} data-testid="risk-strip">
      <span class="risk-title">{t('risksLabel')}</span>
      <ul>
        {props.risks.map((r) => (
          <li key={r.key} data-risk={r.key}>
            <button type="button" class="risk" onClick={() => props.onOpen(r.tab)}>
              ⚠ {t(`risk_${r.key}` as const, { n: String(r.count) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
