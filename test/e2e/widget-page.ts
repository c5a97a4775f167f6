/** Driving the preview page and the widget inside its iframe. */
import type { Frame, Page } from 'playwright-core';
import { METRIC_LABELS } from '../../shared/i18n/labels';
import type { PortfolioTab } from '../../widget/portfolio/app';

export async function openAccount(page: Page, previewUrl: string, accountId: string): Promise<Frame> {
  await page.goto(`${previewUrl}?account=${encodeURIComponent(accountId)}`);
  return widgetReady(page);
}

/**
 * The manager's web tab in the preview, once its overview panel shows data and (unless `firstPhase`)
 * the deals are in too. Like Zoho, the preview fires no PageLoad for a web tab unless `pageLoad` asks for one.
 */
export async function openPortfolio(
  page: Page,
  previewUrl: string,
  o: { timeoutMs?: number; pageLoad?: boolean; firstPhase?: boolean } = {},
): Promise<Frame> {
  await page.goto(`${previewUrl}portfolio${o.pageLoad ? '?pageload=1' : ''}`);
  const frame = await widgetReady(page, { panel: 'overview', timeoutMs: o.timeoutMs ?? 30_000 });
  if (!o.firstPhase)
    await frame.waitForSelector('.app[data-complete], .app [data-state=error]', {
      timeout: o.timeoutMs ?? 30_000,
    });
  return frame;
}

/**
 * The widget frame once a panel (`panel`, or any: the account page's first) shows data; throws if a
 * panel shows an error instead.
 */
export async function widgetReady(
  page: Page,
  o: { panel?: string; timeoutMs?: number } = {},
): Promise<Frame> {
  const handle = await page.waitForSelector('#widget-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no widget frame');
  const panel = o.panel === undefined ? '[data-panel]' : `[data-panel=${o.panel}]`;
  await frame.waitForSelector(`.app ${panel}[data-state=ready], .app [data-state=error]`, {
    timeout: o.timeoutMs ?? 20_000,
  });
  const error = await frame.$('.app [data-state=error]');
  if (error) throw new Error(`widget error: ${await error.textContent()}`);
  return frame;
}

/** The manager's web tab's panels, in the order the tab bar shows them (a renamed tab fails the typecheck). */
export const PORTFOLIO_TABS = [
  'overview',
  'movement',
  'kpi',
  'activity',
  'forecast',
  'accounts',
  'trends',
  'whitespace',
] as const satisfies readonly PortfolioTab[];

export async function openTab(frame: Frame, tab: string): Promise<void> {
  await frame.click(`#tab-${tab}`);
  await frame.waitForSelector(`[data-panel=${tab}][data-state=ready]`);
}

export async function textOf(frame: Frame, selector: string): Promise<string> {
  return ((await frame.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();
}

export async function asOf(frame: Frame): Promise<string> {
  const v = await frame.getAttribute('[data-testid=as-of]', 'data-as-of');
  if (!v) throw new Error('no as-of on the widget');
  return v;
}

/** The KPI rows as shown: key → [actual, target] texts. */
export async function shownKpis(frame: Frame): Promise<Record<string, [string, string]>> {
  return frame.$$eval('[data-kpi]', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.getAttribute('data-kpi') ?? '',
        [
          (r.querySelector('[data-testid=kpi-actual]')?.textContent ?? '').trim(),
          (r.querySelector('[data-testid=kpi-target]')?.textContent ?? '').trim(),
        ],
      ]),
    ),
  );
}

export async function nextActionCodes(frame: Frame): Promise<string[]> {
  return frame.$$eval('[data-testid=next-actions] [data-code]', (els) =>
    els.map((e) => e.getAttribute('data-code') ?? ''),
  );
}

export { METRIC_LABELS };

/** The CRM calls the preview host counted for the page load shown in `frame` (the shim tags each). */
export async function loadCalls(frame: Frame, previewUrl: string): Promise<string[]> {
  const loadId = (await frame.evaluate('window.__zohoShim.loadId')) as string;
  const res = await fetch(`${previewUrl}api/loads/${loadId}`);
  return ((await res.json()) as { calls: { op: string }[] }).calls.map((c) => c.op);
}

/** Which CRM functions the local CRM's org has installed (`[]`: an org without esm_read_batch). */
export async function setEmulatorFunctions(emulatorUrl: string, installed: string[]): Promise<void> {
  const res = await fetch(`${emulatorUrl}/__emulator/functions`, {
    method: 'PUT',
    body: JSON.stringify({ installed }),
  });
  if (!res.ok) throw new Error(`could not set the emulator's functions: HTTP ${res.status}`);
}
