/** @jest-environment jsdom */
import { computePortfolio } from '../../../shared/portfolio/report';
import { DEFAULT_FILTERS } from '../../../shared/portfolio/model';
import { CONFIG, P_AS_OF, acct, portfolioOf } from '../../../shared/testing/portfolio-builders';
import { ERROR_STATE, LANGS, LOADING_STATE, READY, mount, text } from '../testing/fixtures';
import { KpiPanel } from './kpi-panel';

describe.each(LANGS)('KpiPanel (%s)', (lang) => {
  it('loading and error', () => {
    expect(mount(<KpiPanel state={LOADING_STATE} />, lang).querySelector('[role=status]')).not.toBeNull();
    expect(mount(<KpiPanel state={ERROR_STATE} />, lang).querySelector('[role=alert]')).not.toBeNull();
  });

  it('ready: per stage each target with met / accounts and the share; per rep over every target', () => {
    const el = mount(<KpiPanel state={READY()} />, lang);
    const trust = el.querySelector('[data-testid=kpi-stage][data-slot=trust]');
    expect(text(trust?.querySelector('caption') ?? null)).toBe(
      lang === 'ja' ? '信頼定着（2）' : 'Trust established (2)',
    );
    const csat = trust?.querySelector('[data-kpi=csat]') ?? null;
    expect(text(csat)).toContain(lang === 'ja' ? '顧客満足度' : 'Customer satisfaction');
    expect(text(csat)).toContain('2 / 2');
    expect(text(csat)).toContain('100%');
    expect(text(trust?.querySelector('[data-kpi=referrals]') ?? null)).toContain('1 / 2');
    const rep = el.querySelector('[data-testid=kpi-reps] [data-owner=u1]');
    expect(text(rep)).toMatch(/^佐藤63%/);
    expect(el.querySelector('[data-testid=kpi-stage][data-slot=executive]')).toBeNull();
  });

  it('empty: before the service has computed any account', () => {
    const report = computePortfolio(
      portfolioOf({ accounts: [acct({ id: 'a1' })] }),
      CONFIG,
      DEFAULT_FILTERS,
      P_AS_OF,
    );
    const el = mount(<KpiPanel state={READY(report)} />, lang);
    expect(text(el.querySelector('.empty'))).toBe(
      lang === 'ja' ? 'KPI を計算済みの取引先がありません' : 'No account has KPIs yet',
    );
  });
});
