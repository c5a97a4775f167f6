/** @jest-environment jsdom */
import { computePortfolio } from '../../../shared/portfolio/report';
import { DEFAULT_FILTERS } from '../../../shared/portfolio/model';
import { CONFIG, P_AS_OF, acct, portfolioOf } from '../../../shared/testing/portfolio-builders';
import { ERROR_STATE, LANGS, LOADING_STATE, READY, mount, text } from '../testing/fixtures';
import { ActivityPanel } from './activity-panel';

describe.each(LANGS)('ActivityPanel (%s)', (lang) => {
  it('loading and error', () => {
    expect(
      mount(<ActivityPanel state={LOADING_STATE} />, lang).querySelector('[role=status]'),
    ).not.toBeNull();
    expect(mount(<ActivityPanel state={ERROR_STATE} />, lang).querySelector('[role=alert]')).not.toBeNull();
  });

  it('ready: the whole view and each rep, the mix against the recommendation, a verdict', () => {
    const el = mount(<ActivityPanel state={READY()} />, lang);
    const u1 = el.querySelector('[data-owner=u1]');
    expect(u1?.getAttribute('data-verdict')).toBe('deal_heavy');
    expect(text(u1)).toContain(lang === 'ja' ? '案件推進に偏り' : 'Leans to deal work');
    expect(text(u1)).toContain('55%'); // deal share: 1 − mean(40 %, 50 %)
    expect(text(u1)).toContain('70%'); // recommended at 信頼定着
    expect(el.querySelector('[data-owner=u3]')?.getAttribute('data-verdict')).toBe('balanced');
    expect(el.querySelector('[data-owner=team]')).not.toBeNull();
    expect(text(el.querySelector('.sub'))).toContain(lang === 'ja' ? '直近90日' : 'last 90 days');
  });

  it('empty: nothing computed yet', () => {
    const report = computePortfolio(
      portfolioOf({ accounts: [acct({ id: 'a1' })] }),
      CONFIG,
      DEFAULT_FILTERS,
      P_AS_OF,
    );
    expect(mount(<ActivityPanel state={READY(report)} />, lang).querySelector('.empty')).not.toBeNull();
  });
});
