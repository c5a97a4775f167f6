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
import { BuyerMapPanel } from './buyer-map-panel';

const ok = () => Promise.resolve();

describe.each(LANGS)('BuyerMapPanel (%s)', (lang) => {
  it('loading and error', () => {
    expect(
      mount(<BuyerMapPanel onSave={ok} state={LOADING_STATE} />, lang).querySelector('[role=status]'),
    ).not.toBeNull();
    expect(
      mount(<BuyerMapPanel onSave={ok} state={ERROR_STATE} />, lang).querySelector('[role=alert]'),
    ).not.toBeNull();
  });

  it('ready: the org chart under Reporting_To, executive by title, gaps flagged', () => {
    const el = mount(<BuyerMapPanel onSave={ok} state={READY()} />, lang);
    const people = [...el.querySelectorAll('[data-contact]')].map((p) => p.getAttribute('data-contact'));
    expect(people.indexOf('c2')).toBe(people.indexOf('c1') + 1); // the report right under the boss
    expect((el.querySelector('[data-contact=c2]') as HTMLElement).style.marginInlineStart).toBe('16px');
    expect(text(el.querySelector('[data-contact=c3]'))).toContain(lang === 'ja' ? '役員' : 'Executive'); // 取締役
    const gaps = [...el.querySelectorAll('[data-gap]')].map((g) => g.getAttribute('data-gap'));
    expect(gaps).toContain('NO_DECISION_MAKER');
    expect(gaps).not.toContain('NO_EXECUTIVE');
    expect(text(el.querySelector('[data-testid=buyer-gaps]'))).toContain(
      lang === 'ja' ? '意思決定者が特定されていません' : 'No decision maker identified',
    );
  });

  it('edits a role with the keyboard-reachable form and saves it', async () => {
    const onSave = jest.fn().mockResolvedValue(undefined);
    const el = mount(<BuyerMapPanel onSave={onSave} state={READY()} />, lang);
    act(() => (el.querySelector('[data-contact=c3] .link-btn') as HTMLButtonElement).click());
    const role = el.querySelector('[data-contact=c3] select') as HTMLSelectElement;
    act(() => {
      role.value = 'decision_maker';
      role.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () =>
      (el.querySelector('[data-contact=c3] button[type=submit]') as HTMLButtonElement).click(),
    );
    await flush();
    expect(onSave).toHaveBeenCalledWith('c3', {
      buyingRole: 'decision_maker',
      attitude: null,
      influence: null,
      isExecutive: false,
    });
    expect(el.querySelector('[data-contact=c3] form')).toBeNull();
  });

  it('empty: no contacts', () => {
    const el = mount(<BuyerMapPanel onSave={ok} state={READY(sampleView({ Contacts: [] }))} />, lang);
    expect(text(el.querySelector('.empty'))).toBe(
      lang === 'ja' ? 'この取引先には連絡先がありません' : 'This account has no contacts',
    );
  });
});
