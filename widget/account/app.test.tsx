/** @jest-environment jsdom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { account, ACCOUNT } from '../../shared/testing/zoho-builders';
import { widgetError } from '../common/errors';
import { App } from './app';
import { createSession } from './session';
import { fakeCrm } from './testing/fake-crm';
import { AS_OF, flush, sampleDataset, testConfig, text } from './testing/fixtures';

function mountApp(props: Partial<Parameters<typeof App>[0]> = {}, data = sampleDataset()) {
  document.body.innerHTML = '<div id="root"></div>';
  const root = document.getElementById('root') as HTMLElement;
  const session = createSession(fakeCrm(data), testConfig(), ACCOUNT, () => AS_OF);
  act(() => render(<App config={testConfig()} session={session} initialLang="ja" {...props} />, root));
  return root;
}

const PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

describe('App', () => {
  it('loads, reports the first ready render once, and shows the stage tab first', async () => {
    const ready = jest.fn();
    const root = mountApp({ onFirstReady: ready });
    expect(root.querySelector('[data-state=loading]')).not.toBeNull();
    await flush();
    expect(ready).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[role=tab][aria-selected=true]')?.id).toBe('tab-stage');
    expect(text(root.querySelector('[data-testid=stage-label]'))).toBe('接点構築');
  });

  it('shows the risks on the first screen with counts on the tabs that hold them; a risk opens its tab', async () => {
    const root = mountApp();
    await flush();
    const strip = root.querySelector('[data-testid=risk-strip]') as HTMLElement;
    expect(text(strip.querySelector('.risk-title'))).toBe('要注意');
    expect(strip.querySelector('[data-risk=premature]')).not.toBeNull();
    expect(text(root.querySelector('#tab-deals [data-testid=tab-badge] [aria-hidden]'))).toBe('1');
    expect(text(root.querySelector('#tab-plan .sr-only'))).toBe('要注意 1 件');
    act(() => (strip.querySelector('[data-risk=premature] button') as HTMLButtonElement).click());
    expect(root.querySelector('[aria-selected=true]')?.id).toBe('tab-deals');
  });

  it('a deal name opens the deal in the CRM (UI.Record.open)', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root') as HTMLElement;
    const crm = fakeCrm(sampleDataset());
    const session = createSession(crm, testConfig(), ACCOUNT, () => AS_OF);
    act(() => render(<App config={testConfig()} session={session} initialLang="en" />, root));
    await flush();
    act(() => (root.querySelector('#tab-deals') as HTMLButtonElement).click());
    const link = root.querySelector('[data-deal] .record-link') as HTMLButtonElement;
    expect(link.title).toBe('Open the record in Zoho CRM');
    act(() => link.click());
    expect(crm.calls.at(-1)).toBe(`open Deals ${link.closest('[data-deal]')?.getAttribute('data-deal')}`);
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    const root = mountApp();
    await flush();
    const tablist = root.querySelector('[role=tablist]') as HTMLElement;
    const key = (k: string) =>
      act(() => void tablist.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
    key('ArrowRight');
    expect(root.querySelector('[aria-selected=true]')?.id).toBe('tab-kpi');
    expect(document.activeElement?.id).toBe('tab-kpi');
    key('End');
    expect(root.querySelector('[aria-selected=true]')?.id).toBe('tab-activity');
    key('ArrowRight');
    expect(root.querySelector('[aria-selected=true]')?.id).toBe('tab-stage');
    key('ArrowLeft');
    expect(root.querySelector('[data-panel=activity]')).not.toBeNull();
  });

  it('switches the language', async () => {
    const root = mountApp();
    await flush();
    act(() =>
      (root.querySelector('button[aria-label="表示言語を英語に切り替える"]') as HTMLButtonElement).click(),
    );
    expect(text(root.querySelector('[data-testid=stage-label]'))).toBe('Building contact');
    expect(root.querySelector('.app')?.getAttribute('lang')).toBe('en');
  });

  it('a next action opens its plan section', async () => {
    const root = mountApp();
    await flush();
    act(() => (root.querySelector('[data-code=REFINE_HYPOTHESIS] button') as HTMLButtonElement).click());
    expect(root.querySelector('[aria-selected=true]')?.id).toBe('tab-plan');
    expect(document.activeElement?.getAttribute('name')).toBe('strategy');
  });

  it('renders CRM text with markup as inert text', async () => {
    const data = sampleDataset({
      Accounts: [account({ name: PAYLOAD, Website: 'javascript:alert(1)' })],
    });
    const root = mountApp({}, data);
    await flush();
    expect(text(root.querySelector('[data-testid=account-name]'))).toBe(PAYLOAD);
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('outside Zoho: a bilingual message and no retry loop', () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root') as HTMLElement;
    const state = { status: 'error' as const, error: widgetError('NOT_IN_ZOHO', 'no PageLoad') };
    act(() =>
      render(<App config={testConfig()} session={null} initialLang="en" initialState={state} />, root),
    );
    expect(text(root.querySelector('[role=alert]'))).toContain(
      'Open this widget inside a Zoho CRM account page.',
    );
    expect(root.querySelector('.panel-error button')).toBeNull();
  });
});
