/** One deal: name, amount, buying-stage ladder, role, priority, flags and the rationale to copy. */
import { useState } from 'preact/hooks';
import type { DealInsight } from '../../../shared/engine/deals';
import { copyText } from '../../common/browser';
import { formatLocalDate, formatMoney } from '../../common/format';
import { Badge } from '../ui/bits';
import { RecordLink } from '../ui/record-link';
import { useUi } from '../ui/ui-context';

export function DealCard(props: { deal: DealInsight }) {
  const { t, l, lang, config } = useUi();
  const d = props.deal;
  const role = config.dealRoles.find((r) => r.key === d.strategicRole);
  const current = config.buyingStages.findIndex((b) => b.key === d.buyingStage);
  return (
    <li class={`deal deal-${d.status}`} data-deal={d.id}>
      <div class="row-between">
        <RecordLink module="deals" id={d.id} class="deal-name">
          {d.name}
        </RecordLink>
        <span class="num">{formatMoney(d.amount, config.currency, lang)}</span>
      </div>
      <div class="deal-tags">
        {d.status === 'won' && <Badge tone="ok">{t('won')}</Badge>}
        {d.status === 'lost' && <Badge tone="muted">{t('lost')}</Badge>}
        {role && <Badge tone="info">{`${t('strategicRole')}: ${l(role.label)}`}</Badge>}
        {d.priority != null && (
          <Badge tone={d.priority >= 4 ? 'warn' : 'muted'}>{`${t('priority')} ${d.priority}/5`}</Badge>
        )}
        <span class="muted small">
          {t('zohoStage')}: {d.zohoStage ?? '—'} · {t('closingDate')}: {formatLocalDate(d.closingDate)}
        </span>
      </div>
      {d.status === 'open' && (
        <ol class="ladder mini" aria-label={t('buyingStage')}>
          {config.buyingStages.map((b, i) => (
            <li
              key={b.key}
              class={`ladder-step ${i < current ? 'done' : i === current ? 'current' : 'todo'}`}
              aria-current={i === current ? 'step' : undefined}
            >
              <span class="ladder-label">{l(b.label)}</span>
            </li>
          ))}
        </ol>
      )}
      {d.status === 'open' && current < 0 && <p class="notice warn small">{t('unmapped')}</p>}
      {d.flags.length > 0 && (
        <ul class="flags" data-testid="deal-flags">
          {d.flags.map((f) => (
            <li key={f.code} class="flag" data-flag={f.code}>
              ⚠ {l(f.message)}
            </li>
          ))}
        </ul>
      )}
      <Rationale text={l(d.supportRationale)} />
    </li>
  );
}

function Rationale(props: { text: string }) {
  const { t } = useUi();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  if (props.text === '') return null;
  return (
    <details class="rationale">
      <summary>{t('rationale')}</summary>
      <p class="rationale-text">{props.text}</p>
      <button
        type="button"
        class="btn small"
        onClick={async () => setCopied((await copyText(props.text)) ? 'copied' : 'failed')}
      >
        {t('copy')}
      </button>
      {copied !== 'idle' && (
        <span class={`save-status ${copied === 'copied' ? 'ok' : 'danger'}`} role="status">
          {copied === 'copied' ? t('copied') : t('copyFailed')}
        </span>
      )}
    </details>
  );
}
