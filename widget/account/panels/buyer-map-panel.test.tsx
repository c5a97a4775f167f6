/** @jest-environment jsdom */
import { act } from 'preact/test-utils';
import {
  ERROR_STATE,
  LANGS,
  LOADING_STATE,
  READY,
  flush,
  mount,
  sampleDataset,
  sampleView,
  text,
} from '../testing/fixtures';
import { click } from '../../common/testing/dom';
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

  it('list view: the org chart under Reporting_To, executive by title, gaps flagged', () => {
    const el = mount(<BuyerMapPanel onSave={ok} state={READY()} />, lang);
    click(el.querySelector('[data-view=list]'));
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
    click(el.querySelector('[data-view=list]'));
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
      influences: [],
    });
    expect(el.querySelector('[data-contact=c3] form')).toBeNull();
  });

  it('empty: no contacts', () => {
    const el = mount(<BuyerMapPanel onSave={ok} state={READY(sampleView({ Contacts: [] }))} />, lang);
    expect(text(el.querySelector('.empty'))).toBe(
      lang === 'ja' ? 'この取引先には連絡先がありません' : 'This account has no contacts',
    );
  });

  it('map view: every person and a placeholder per missing role, each focusable with a full name', async () => {
    const el = await mapOf(READY(), lang);
    const nodes = [...el.querySelectorAll('[data-node]')];
    expect(nodes.map((n) => n.getAttribute('data-node')).filter((id) => !id?.startsWith('gap:'))).toEqual(
      expect.arrayContaining(['c1', 'c2', 'c3']),
    );
    expect(el.querySelector('[data-gap-node=NO_DECISION_MAKER]')).not.toBeNull();
    expect(el.querySelector('[data-gap-node=MISSING_KEY_ROLE]')?.getAttribute('aria-label')).toContain(
      lang === 'ja' ? '影響者' : 'Influencer',
    );
    // one tab stop (roving tabindex), every node a button with a name
    expect(nodes.filter((n) => n.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(nodes.every((n) => n.getAttribute('role') === 'button' && n.getAttribute('aria-label'))).toBe(
      true,
    );
    const c3 = nodes.find((n) => n.getAttribute('data-node') === 'c3') as Element;
    expect(c3.getAttribute('aria-label')).toContain(lang === 'ja' ? '役員' : 'executive');
    const c2 = nodes.find((n) => n.getAttribute('data-node') === 'c2') as Element;
    expect(c2.getAttribute('aria-label')).toContain(
      lang === 'ja' ? '上司 Contact c1' : 'reports to Contact c1',
    );
  });

  it('arrow keys walk the chart and Enter opens the person below the map', async () => {
    const el = await mapOf(READY(), lang);
    const node = (id: string) => el.querySelector(`[data-node="${id}"]`) as SVGGElement;
    act(() => node('c1').focus());
    key(node('c1'), 'ArrowDown');
    expect(document.activeElement?.getAttribute('data-node')).toBe('c2');
    expect(node('c2').getAttribute('tabindex')).toBe('0');
    key(node('c2'), 'ArrowUp');
    expect(document.activeElement?.getAttribute('data-node')).toBe('c1');
    key(node('c1'), 'Enter');
    expect(el.querySelector('[data-testid=map-selected] [data-contact=c1]')).not.toBeNull();
    expect(node('c1').getAttribute('aria-pressed')).toBe('true');
  });

  it('zoom buttons and keys change the scale; fit brings it back', async () => {
    const el = await mapOf(READY(), lang);
    const scale = () =>
      Number(
        /scale\(([\d.]+)\)/.exec(el.querySelector('.rmap-svg > g')?.getAttribute('transform') ?? '')?.[1],
      );
    const start = scale();
    click(el.querySelector(`[aria-label="${lang === 'ja' ? '拡大' : 'Zoom in'}"]`));
    expect(scale()).toBeGreaterThan(start);
    key(el.querySelector('[data-node="c1"]') as Element, '-');
    key(el.querySelector('[data-node="c1"]') as Element, '-');
    expect(scale()).toBeLessThan(start);
    key(el.querySelector('[data-node="c1"]') as Element, '0');
    expect(scale()).toBe(start);
  });

  it("influence lines, and a deal's buying committee highlighted (the rest dimmed)", async () => {
    const raw = sampleDataset();
    const contacts = (raw.Contacts ?? []).map((c) =>
      c.id === 'c3' ? { ...c, Influences: 'c1\nnot-here' } : c,
    );
    const deals = (raw.Deals ?? []).map((d) => ({ ...d, Buying_Committee: 'c3' }));
    const el = await mapOf(READY(sampleView({ Contacts: contacts, Deals: deals })), lang);
    expect(el.querySelector('[data-influence="c3>c1"]')).not.toBeNull();
    expect(el.querySelector('[data-testid=dangling-influences]')).not.toBeNull();
    expect(el.querySelector('[data-node="c3"]')?.getAttribute('aria-label')).toContain('Contact c1');
    const select = el.querySelector('[data-testid=committee-deal]') as HTMLSelectElement;
    act(() => {
      select.value = 'd1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const cls = (id: string) => el.querySelector(`[data-node="${id}"]`)?.getAttribute('class') ?? '';
    expect(cls('c1')).toContain('committee'); // the deal's Contact_Name
    expect(cls('c3')).toContain('committee'); // Buying_Committee
    expect(cls('c2')).toContain('dim');
    expect(el.querySelector('[data-node="c3"]')?.getAttribute('aria-label')).toContain(
      lang === 'ja' ? '購買委員会' : 'buying committee',
    );
  });

  it('puts the person picked on the map on the chosen deal’s committee (the deal’s own contact stays on)', async () => {
    const onCommittee = jest.fn().mockResolvedValue(undefined);
    const el = mount(<BuyerMapPanel onSave={ok} onCommittee={onCommittee} state={READY()} />, lang);
    await flush();
    await flush();
    const select = el.querySelector('[data-testid=committee-deal]') as HTMLSelectElement;
    act(() => {
      select.value = 'd1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    key(el.querySelector('[data-node="c1"]') as Element, 'Enter');
    expect((el.querySelector('[data-testid=committee-toggle]') as HTMLInputElement).disabled).toBe(true);
    key(el.querySelector('[data-node="c2"]') as Element, 'Enter');
    const toggle = el.querySelector('[data-testid=committee-toggle]') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    await act(async () => toggle.click());
    await flush();
    expect(onCommittee).toHaveBeenCalledWith('d1', ['c1', 'c2']);
  });
});

async function mapOf(state: ReturnType<typeof READY>, lang: (typeof LANGS)[number]) {
  const el = mount(<BuyerMapPanel onSave={ok} state={state} />, lang);
  await flush();
  await flush();
  if (!el.querySelector('[data-testid=relationship-map]')) throw new Error('the map did not load');
  return el;
}

function key(target: Element, k: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}
