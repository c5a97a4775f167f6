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
import { PotentialMapPanel } from './potential-map-panel';

const ok = () => Promise.resolve();

afterEach(() => sessionStorage.clear());

describe.each(LANGS)('PotentialMapPanel (%s)', (lang) => {
  it('loading and error', () => {
    expect(
      mount(<PotentialMapPanel onSave={ok} state={LOADING_STATE} />, lang).querySelector('[role=status]'),
    ).not.toBeNull();
    expect(
      mount(<PotentialMapPanel onSave={ok} state={ERROR_STATE} />, lang).querySelector('[role=alert]'),
    ).not.toBeNull();
  });

  it('ready: segment × offering grid with whitespace highlighted and the share of wallet', () => {
    const el = mount(<PotentialMapPanel onSave={ok} state={READY()} />, lang);
    expect(el.querySelectorAll('[data-state=whitespace]')).toHaveLength(1);
    expect(el.querySelectorAll('[data-state=partial]')).toHaveLength(1);
    expect(text(el.querySelector('[data-state=whitespace]'))).toContain(
      lang === 'ja' ? '空白' : 'Whitespace',
    );
    // The map's own totals: 2,000,000 current of 15,000,000 potential (not won deals ÷ potential).
    expect(text(el.querySelector('[data-testid=share-of-wallet]'))).toBe('13%');
    expect(el.querySelector('[data-testid=sow-needs-map]')).toBeNull();
  });

  it('without a map, share of wallet is empty and the panel asks for the map', () => {
    const el = mount(
      <PotentialMapPanel onSave={ok} state={READY(sampleView({ Account_Plans: [] }))} />,
      lang,
    );
    expect(text(el.querySelector('[data-testid=share-of-wallet]'))).toBe('—');
    expect(text(el.querySelector('[data-testid=sow-needs-map]'))).toContain(
      lang === 'ja' ? 'ポテンシャルマップ' : 'potential map',
    );
  });

  it('edits rows and saves them with their subform ids', async () => {
    const onSave = jest.fn().mockResolvedValue(undefined);
    const el = mount(<PotentialMapPanel onSave={onSave} state={READY()} />, lang);
    act(() => (el.querySelector('.potential-editor .form-footer .btn') as HTMLButtonElement).click()); // add row
    const inputs = el.querySelectorAll<HTMLInputElement>(
      '[data-testid=potential-editor] tbody tr:last-child input',
    );
    act(() => {
      for (const [i, v] of ['子会社A', 'クラウド', '3000000', '0'].entries()) {
        const input = inputs[i] as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await act(async () =>
      (el.querySelector('.potential-editor button[type=submit]') as HTMLButtonElement).click(),
    );
    await flush();
    const change = onSave.mock.calls[0][0];
    expect(change.potential).toHaveLength(3);
    expect(change.potential[0].rowId).toBe('p1-pm0');
    expect(change.potential[2]).toEqual({
      rowId: null,
      segment: '子会社A',
      offering: 'クラウド',
      potential: 3_000_000,
      current: 0,
    });
  });

  it('refuses negative amounts and incomplete rows with a message per row, saving nothing', async () => {
    const onSave = jest.fn().mockResolvedValue(undefined);
    const el = mount(<PotentialMapPanel onSave={onSave} state={READY()} />, lang);
    act(() => (el.querySelector('.potential-editor .form-footer .btn') as HTMLButtonElement).click());
    const inputs = el.querySelectorAll<HTMLInputElement>(
      '[data-testid=potential-editor] tbody tr:last-child input',
    );
    act(() => {
      for (const [i, v] of ['', 'クラウド', '-100', '0'].entries()) {
        const input = inputs[i] as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await act(async () =>
      (el.querySelector('.potential-editor button[type=submit]') as HTMLButtonElement).click(),
    );
    await flush();
    expect(onSave).not.toHaveBeenCalled();
    const codes = [...el.querySelectorAll('[data-testid=potential-issues] li')].map((li) =>
      li.getAttribute('data-code'),
    );
    expect(codes).toEqual(['rowIncomplete', 'rowNegative']);
    expect(text(el.querySelector('[data-testid=potential-issues] li'))).toBe(
      lang === 'ja'
        ? '3 行目: セグメントと提供価値の両方を入力してください'
        : 'Row 3: enter both a segment and an offering',
    );
    expect(el.querySelector('tr.row-invalid input[aria-invalid=true]')).not.toBeNull();
    expect(el.querySelector('.save-status')).toBeNull();
  });

  it('empty: no potential map rows', () => {
    const el = mount(
      <PotentialMapPanel onSave={ok} state={READY(sampleView({ Account_Plans: [] }))} />,
      lang,
    );
    expect(text(el.querySelector('.empty'))).toBe(
      lang === 'ja' ? 'ポテンシャルマップは未記入です' : 'The potential map is empty',
    );
  });
});
