/** @jest-environment jsdom */
import { act } from 'preact/test-utils';
import { ERROR_STATE, LANGS, LOADING_STATE, READY, mount, sampleReport, text } from '../testing/fixtures';
import { OverviewPanel } from './overview-panel';

describe.each(LANGS)('OverviewPanel (%s)', (lang) => {
  it('loading', () => {
    const el = mount(<OverviewPanel state={LOADING_STATE} />, lang);
    expect(el.querySelector('[data-state=loading] [role=status]')).not.toBeNull();
  });

  it('error, with a retry', () => {
    const retry = jest.fn();
    const el = mount(<OverviewPanel state={ERROR_STATE} onRetry={retry} />, lang);
    expect(text(el.querySelector('[role=alert]'))).toContain('LIMIT_EXCEEDED');
    (el.querySelector('[role=alert] button') as HTMLButtonElement).click();
    expect(retry).toHaveBeenCalled();
  });

  it('open alerts per rep, with the accounts behind them as links', () => {
    const open = jest.fn();
    const el = mount(<OverviewPanel state={READY()} />, lang, { open });
    const head = [...el.querySelectorAll('[data-testid=alerts-per-rep] thead th[data-alert]')].map(text);
    expect(head).toEqual(
      lang === 'ja'
        ? ['アカウントプランを更新してください', 'ステージが停滞しています']
        : ['Update the account plan', 'The account has stalled at its stage'],
    );
    expect(el.querySelectorAll('[data-testid=alerts-per-rep] tbody tr')).toHaveLength(1);
    expect(text(el.querySelector('[data-testid=alerts-per-rep] tbody tr td'))).toBe('2');
    // the accounts are drawn when the list is opened
    expect(el.querySelector('[data-testid=alert-accounts]')).toBeNull();
    const details = el.querySelector('[data-testid=alerts] details') as HTMLDetailsElement;
    act(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    (el.querySelector('[data-testid=alert-accounts] [data-account=a3] a.record-link') as HTMLElement).click();
    expect(open).toHaveBeenCalledWith('Accounts', 'a3');
  });

  it('ready: guidance in the language, the distribution as a picture and numbers, per rep', () => {
    const el = mount(<OverviewPanel state={READY()} />, lang);
    const codes = [...el.querySelectorAll('[data-code]')].map((g) => g.getAttribute('data-code'));
    expect(codes).toEqual(['CS_FOCUS', 'SENIOR_VISIT', 'ACTIVITY_MIX']);
    expect(text(el.querySelector('[data-code=CS_FOCUS] p'))).toContain(
      lang === 'ja' ? '「信頼定着」の取引先が2社' : 'Many accounts are at Trust established (2, 50%)',
    );
    expect(
      el.querySelector('[data-testid=stage-bars] svg[role=img]')?.getAttribute('aria-label'),
    ).toBeTruthy();
    const now = (slot: string) => text(el.querySelector(`[data-slot=${slot}] [data-testid=stage-now]`));
    expect([now('trust'), now('shared_issues'), now('contact'), now('executive')]).toEqual([
      '2',
      '1',
      '1',
      '0',
    ]);
    expect(text(el.querySelector('[data-slot=shared_issues]'))).toMatch(/\+1$/);
    expect(el.querySelectorAll('[data-testid=rep-distribution] tbody tr')).toHaveLength(3);
    expect(text(el.querySelector('[data-testid=distribution-table] thead'))).toContain(
      lang === 'ja' ? '期間開始時' : 'At period start',
    );
  });

  it('CRM text stays text', () => {
    const el = mount(<OverviewPanel state={READY()} />, lang);
    expect(el.querySelector('b')).toBeNull();
  });

  it('empty: no accounts match, nothing to flag', () => {
    const el = mount(<OverviewPanel state={READY(sampleReport({ industries: ['Mining'] }))} />, lang);
    expect(el.querySelector('[data-testid=distribution-table]')).toBeNull();
    expect([...el.querySelectorAll('.empty')].map(text)).toEqual(
      lang === 'ja'
        ? [
            'この範囲で注意すべき点はありません',
            'この範囲に未対応のアラートはありません',
            'この条件に合う取引先はありません',
          ]
        : ['Nothing to flag in this view', 'No open alerts in this view', 'No accounts match these filters'],
    );
  });
});
