/** The filters: owner, a manager's team, stage, industry, strategic target and period; all applied in the browser. */
import { PERIOD_LABELS, USER_KIND_LABELS } from '../../../shared/portfolio/labels';
import {
  DEFAULT_FILTERS,
  PERIOD_KEYS,
  type PeriodKey,
  type PortfolioFilters,
} from '../../../shared/portfolio/model';
import type { PortfolioReport } from '../../../shared/portfolio/report';
import { formatLocalDate } from '../../common/format';
import { usePortfolioUi } from './ui-context';

export function FiltersBar(props: {
  report: PortfolioReport | null;
  filters: PortfolioFilters;
  onChange: (f: PortfolioFilters) => void;
}) {
  const { t, l, paren } = usePortfolioUi();
  const { report, filters } = props;
  const disabled = report === null;
  const set = (patch: Partial<PortfolioFilters>) => props.onChange({ ...filters, ...patch });
  const one = (v: string) => (v === '' ? [] : [v]);
  return (
    <form class="filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
      <Select
        id="filter-owner"
        label={t('filterOwner')}
        value={filters.owners[0] ?? ''}
        disabled={disabled}
        onChange={(v) => set({ owners: one(v) })}
        options={(report?.options.owners ?? []).map((o) => [
          o.id ?? '',
          paren(o.name, l(USER_KIND_LABELS[o.kind])),
        ])}
      />
      <Select
        id="filter-team"
        label={t('filterTeam')}
        value={filters.team ?? ''}
        disabled={disabled}
        onChange={(v) => set({ team: v === '' ? null : v })}
        options={(report?.options.teams ?? []).map((m) => [m.id, t('teamOf', { name: m.name })])}
      />
      <Select
        id="filter-stage"
        label={t('filterStage')}
        value={filters.stages[0] ?? ''}
        disabled={disabled}
        onChange={(v) => set({ stages: one(v) })}
        options={(report?.options.stages ?? []).map((s) => [s.slot, l(s.label)])}
      />
      <Select
        id="filter-industry"
        label={t('filterIndustry')}
        value={filters.industries[0] ?? ''}
        disabled={disabled}
        onChange={(v) => set({ industries: one(v) })}
        options={(report?.options.industries ?? []).map((i) => [i, i])}
      />
      <Select
        id="filter-target"
        label={t('filterTarget')}
        value={filters.target ?? ''}
        disabled={disabled}
        onChange={(v) => set({ target: v === 'yes' || v === 'no' ? v : null })}
        options={[
          ['yes', t('targetsOnly')],
          ['no', t('nonTargetsOnly')],
        ]}
      />
      <label class="filter">
        <span>{t('filterPeriod')}</span>
        <select
          id="filter-period"
          value={filters.period}
          disabled={disabled}
          onChange={(e) => set({ period: (e.currentTarget as HTMLSelectElement).value as PeriodKey })}
        >
          {PERIOD_KEYS.map((k) => (
            <option key={k} value={k}>
              {l(PERIOD_LABELS[k])}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="btn small"
        disabled={disabled}
        onClick={() => props.onChange({ ...DEFAULT_FILTERS, period: filters.period })}
      >
        {t('clearFilters')}
      </button>
      {report && (
        <span class="muted small" data-testid="in-view">
          {t('inView', { n: report.totals.accounts, total: report.totals.portfolio })} ·{' '}
          {t('periodFrom', { date: formatLocalDate(report.period.startDate) })}
        </span>
      )}
    </form>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  options: [value: string, text: string][];
  onChange: (v: string) => void;
}) {
  const { t } = usePortfolioUi();
  return (
    <label class="filter">
      <span>{props.label}</span>
      <select
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{t('all')}</option>
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
