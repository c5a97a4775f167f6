/** @jest-environment jsdom */
import { ERROR_STATE, LANGS, LOADING_STATE, READY, mount, sampleReport, text } from '../testing/fixtures';
import { ForecastPanel } from './forecast-panel';

describe.each(LANGS)('ForecastPanel (%s)', (lang) => {
  it('loading and error', () => {
    expect(
      mount(<ForecastPanel state={LOADING_STATE} />, lang).querySelector('[role=status]'),
    ).not.toBeNull();
    expect(mount(<ForecastPanel state={ERROR_STATE} />, lang).querySelector('[role=alert]')).not.toBeNull();
  });

  it('ready: both ways per quarter with the gap, as a chart and a table, and the deals behind it', () => {
    const el = mount(<ForecastPanel state={READY()} />, lang);
    expect(el.querySelectorAll('[data-testid=forecast-chart] [data-bar] rect.bar-seller')).toHaveLength(4);
    const q3 = el.querySelector('[data-bucket=FY2026-Q3]');
    expect(text(q3)).toContain(lang === 'ja' ? '2026年度 第3四半期' : 'FY2026 Q3');
    // won ¥3,000,000 + ¥4,000,000 × 10 % (buyer) or × 60 % (Zoho)
    expect(text(q3?.querySelector('[data-testid=buyer-total]') ?? null)).toMatch(/3,400,000/);
    expect(text(q3?.querySelector('[data-testid=seller-total]') ?? null)).toMatch(/5,400,000/);
    const deals = el.querySelectorAll('[data-testid=gap-deals] tbody tr');
    expect(deals).toHaveLength(2);
    // largest gap first: ¥10,000,000 × (75 % − 50 %), then ¥4,000,000 × (60 % − 10 %) with a premature quote
    expect(text(deals[0] ?? null)).toContain('2,500,000');
    expect(text(deals[1] ?? null)).toContain(lang === 'ja' ? '先走り行動あり' : 'Seller ahead of the buyer');
    // Forecast_Risk is written in Japanese; a known code reads in the UI language
    expect(text(deals[1]?.querySelector('[data-risk=PREMATURE_QUOTE]') ?? null)).toBe(
      lang === 'ja'
        ? '顧客がまだ比較・検討前なのに見積を提出している'
        : 'A quote was sent before the customer started comparing options',
    );
  });

  it('empty: no deal rated higher by Zoho', () => {
    const el = mount(<ForecastPanel state={READY(sampleReport({ owners: ['u3'] }))} />, lang);
    expect(text(el.querySelector('.empty'))).toBe(
      lang === 'ja'
        ? 'Zoho の確度が顧客の購買段階を上回る案件はありません'
        : 'No deal is rated higher by Zoho than by the customer’s buying stage',
    );
  });
});
