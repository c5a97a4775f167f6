/** @jest-environment jsdom */
import { act } from 'preact/test-utils';
import {
  ERROR_STATE,
  LANGS,
  LOADING_STATE,
  READY,
  flush,
  mount,
  sampleView,
  text,
} from '../testing/fixtures';
import { DealsPanel } from './deals-panel';

describe.each(LANGS)('DealsPanel (%s)', (lang) => {
  afterEach(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  });

  it('loading and error', () => {
    expect(mount(<DealsPanel state={LOADING_STATE} />, lang).querySelector('[role=status]')).not.toBeNull();
    expect(mount(<DealsPanel state={ERROR_STATE} />, lang).querySelector('[role=alert]')).not.toBeNull();
  });

  it('ready: buying-stage ladder, role, priority, the premature-quote flag and the rationale', () => {
    const el = mount(<DealsPanel state={READY()} />, lang);
    const deal = el.querySelector('[data-deal=d1]');
    expect(deal?.querySelectorAll('.ladder-step')).toHaveLength(7);
    expect(text(deal?.querySelector('[aria-current=step]') ?? null)).toBe(
      lang === 'ja' ? '情報収集' : 'Information gathering',
    );
    expect(text(deal)).toContain(lang === 'ja' ? '信頼構築' : 'Trust building');
    expect(deal?.querySelector('[data-flag=PREMATURE_QUOTE]')).not.toBeNull();
    expect(text(deal?.querySelector('.rationale-text') ?? null)).toContain(
      lang === 'ja' ? '信頼構築の機会' : 'trust-building opportunity',
    );
  });

  it('copies the rationale, and says so when the sandbox refuses the clipboard', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const el = mount(<DealsPanel state={READY()} />, lang);
    await act(async () => (el.querySelector('.rationale button') as HTMLButtonElement).click());
    await flush();
    expect(writeText).toHaveBeenCalledWith(sampleView().insight.deals[0]?.supportRationale[lang]);
    expect(text(el.querySelector('.rationale [role=status]'))).toBe(
      lang === 'ja' ? 'コピーしました' : 'Copied',
    );

    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('NotAllowedError')) },
      configurable: true,
    });
    const el2 = mount(<DealsPanel state={READY()} />, lang);
    await act(async () => (el2.querySelector('.rationale button') as HTMLButtonElement).click());
    await flush();
    expect(el2.querySelector('.rationale .danger')).not.toBeNull();
  });

  it('empty: no deals', () => {
    const el = mount(<DealsPanel state={READY(sampleView({ Deals: [], Tasks: [] }))} />, lang);
    expect(text(el.querySelector('.empty'))).toBe(
      lang === 'ja' ? 'この取引先には案件がありません' : 'This account has no deals',
    );
  });

  it('the buyer-evidence checklist: unverified badge, ticks saved as Buying_Evidence with Quote_Requested', async () => {
    const onSave = jest.fn().mockResolvedValue(undefined);
    const el = mount(<DealsPanel state={READY()} onSave={onSave} />, lang);
    const deal = el.querySelector('[data-deal=d1]');
    expect(text(deal)).toContain(lang === 'ja' ? '未確認' : 'Unverified');
    const checklist = deal?.querySelector('[data-testid=buyer-checklist]');
    expect(text(checklist ?? null)).toContain(
      lang === 'ja' ? '顧客が課題を自社の課題として認めた' : 'acknowledged the problem',
    );
    await act(async () => {
      (checklist?.querySelector('[data-criterion=problem_acknowledged]') as HTMLInputElement).click();
      (checklist?.querySelector('[data-testid=quote-requested]') as HTMLInputElement).click();
    });
    await act(async () => {
      (checklist?.querySelector('button') as HTMLButtonElement).click();
      await flush();
    });
    expect(onSave).toHaveBeenCalledWith('d1', { evidence: ['problem_acknowledged'], quoteRequested: true });
  });

  it('without a CRM session the checklist is read-only', () => {
    const el = mount(<DealsPanel state={READY()} />, lang);
    const box = el.querySelector('[data-deal=d1] [data-criterion=problem_acknowledged]') as HTMLInputElement;
    expect(box.disabled).toBe(true);
  });
});
