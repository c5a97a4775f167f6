/**
 * One deal: name, amount, buying-stage ladder (verified by buyer evidence or marked unverified), the
 * checklist of buyer evidence the rep ticks, role, priority, flags and the rationale to copy.
 */
import { useState } from 'preact/hooks';
import type { DealInsight } from '../../../shared/engine/deals';
import type { DealEvidenceEdit } from '../data/writes';
import { useSave } from '../ui/use-save';
import { copyText } from '../../common/browser';
import { formatLocalDate, formatMoney } from '../../common/format';
import { Badge, SaveStatus } from '../ui/bits';
import { RecordLink } from '../ui/record-link';
import { useUi } from '../ui/ui-context';

type SaveDeal = (dealId: string, edit: DealEvidenceEdit) => Promise<void>;

export function DealCard(props: { deal: DealInsight; onSave?: SaveDeal | undefined }) {
  const { t, l, lang, config } = useUi();
  const d = props.deal;
  const role = config.dealRoles.find((r) => r.key === d.strategicRole);
  const current = config.buyingStages.findIndex((b) => b.key === d.buyingStage);
  const startedAt = config.stages.find((s) => s.key === d.stageAtCreation)?.label ?? config.notStarted.label;
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
        {d.status === 'open' && current >= 0 && (
          <Badge tone={d.buyingStageVerified ? 'ok' : 'warn'}>
            {d.buyingStageVerified ? t('verified') : t('unverified')}
          </Badge>
        )}
        {d.priority != null && (
          <Badge tone={d.priority >= 4 ? 'warn' : 'muted'}>{`${t('priority')} ${d.priority}/5`}</Badge>
        )}
        <span class="muted small">
          {t('zohoStage')}: {d.zohoStage ?? '—'} · {t('closingDate')}: {formatLocalDate(d.closingDate)} ·{' '}
          {t('startedAt')}: {l(startedAt)}
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
      {d.status === 'open' && <Checklist deal={d} onSave={props.onSave} />}
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

/**
 * The buyer-evidence checklist: the exit criteria of every buying stage up to the one after the
 * deal's, ticked by the rep and saved to Buying_Evidence; with what the customer needs and our
 * standard actions at the current stage, and the Quote_Requested box.
 */
function Checklist(props: { deal: DealInsight; onSave?: SaveDeal | undefined }) {
  const { t, l, config } = useUi();
  const d = props.deal;
  const [ticked, setTicked] = useState<string[]>(d.buyingEvidence);
  const [requested, setRequested] = useState(d.quoteRequested);
  const [save, run] = useSave();
  const current = Math.max(
    0,
    config.buyingStages.findIndex((b) => b.key === d.buyingStage),
  );
  const stage = config.buyingStages[current];
  const shown = config.buyingStages.slice(0, Math.min(config.buyingStages.length, current + 1));
  const toggle = (key: string) =>
    setTicked((xs) => (xs.includes(key) ? xs.filter((x) => x !== key) : [...xs, key]));
  const editable = props.onSave != null;
  return (
    <details class="checklist" data-testid="buyer-checklist">
      <summary>{t('buyerChecklist')}</summary>
      {stage && (
        <p class="small">
          <strong>{t('customerNeeds')}:</strong> {l(stage.customerNeeds)}
          <br />
          <strong>{t('standardActions')}:</strong> {stage.standardActions.map((a) => l(a)).join(' / ')}
        </p>
      )}
      {shown.map((b) => (
        <fieldset key={b.key} class="checklist-stage">
          <legend>{l(b.label)}</legend>
          {b.exitCriteria.map((c) => (
            <label key={c.key} class="checklist-item">
              <input
                type="checkbox"
                data-criterion={c.key}
                checked={ticked.includes(c.key)}
                disabled={!editable}
                onChange={() => toggle(c.key)}
              />{' '}
              {l(c.label)}
            </label>
          ))}
        </fieldset>
      ))}
      <label class="checklist-item">
        <input
          type="checkbox"
          data-testid="quote-requested"
          checked={requested}
          disabled={!editable}
          onChange={() => setRequested((r) => !r)}
        />{' '}
        {t('quoteRequested')}
      </label>
      {editable && (
        <div>
          <button
            type="button"
            class="btn small"
            disabled={save.status === 'saving'}
            onClick={() =>
              void run(() =>
                (props.onSave as SaveDeal)(d.id, { evidence: ticked, quoteRequested: requested }),
              )
            }
          >
            {t('saveChecklist')}
          </button>
          <SaveStatus state={save} />
        </div>
      )}
    </details>
  );
}
