/**
 * The buyer relationship map (issue 15) in headless Chromium on the demo: the SVG org chart loads as
 * its own chunk, gaps show as placeholder nodes, every node is reachable and walkable by keyboard
 * and stays in view, influence lines and a deal's buying committee are drawn; screenshots in both
 * languages.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { PreviewServer } from '../../server/local/widget-host/dev-server';
import { startPreviewServer } from '../../server/local/widget-host/dev-server';
import { launchChromium, type LaunchedBrowser } from './browser';
import { ARTIFACTS } from './harness';
import { openAccount, openTab } from './widget-page';

let server: PreviewServer;
let browser: LaunchedBrowser;
let page: Page;
let accounts: { id: string; Account_Name: string }[];

beforeAll(async () => {
  server = await startPreviewServer({ port: 0 });
  browser = await launchChromium({ locale: 'ja-JP' });
  page = await browser.context.newPage();
  const res = await fetch(`${server.emulator.url}/__emulator/records/Accounts`);
  accounts = ((await res.json()) as { data: typeof accounts }).data;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const idOf = (name: string) => {
  const a = accounts.find((x) => x.Account_Name === name);
  if (!a) throw new Error(`no demo account ${name}`);
  return a.id;
};

async function openMap(name: string): Promise<Frame> {
  const frame = await openAccount(page, server.previewUrl, idOf(name));
  await openTab(frame, 'buyers');
  await frame.waitForSelector('[data-testid=relationship-map] [data-node]');
  return frame;
}

const focused = (frame: Frame) =>
  frame.evaluate(() => document.activeElement?.getAttribute('data-node') ?? null);

test('gaps are placeholder nodes: a segment of the potential map nobody covers (朝霧フーズ, 工場)', async () => {
  const frame = await openMap('朝霧フーズ株式会社');
  const gap = await frame.$('[data-gap-node=NO_CONTACT_IN_SEGMENT]');
  expect(await gap?.getAttribute('aria-label')).toContain('工場（3拠点）');
  expect(await frame.textContent('[data-testid=buyer-gaps]')).toContain('工場（3拠点）');
  // influence lines stored in Contacts.Influences: 需給管理部長 sways two people
  expect(await frame.$$eval('[data-influence]', (els) => els.length)).toBe(2);
});

test('keyboard: Tab reaches the map, arrows walk it and keep the node in view, Enter opens the person', async () => {
  const frame = await openMap('北斗ホールディングス株式会社');
  await frame.focus('.rmap-zoom button:last-child');
  await page.keyboard.press('Tab');
  const first = await focused(frame);
  expect(first).not.toBeNull();
  const visited = new Set<string>([first as string]);
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowUp']) {
    await page.keyboard.press(key);
    const id = await focused(frame);
    expect(id).not.toBeNull();
    visited.add(id as string);
    // the focused node lies inside the visible map (the view pans to it)
    const inside = await frame.evaluate((nodeId) => {
      const svg = document.querySelector('.rmap-svg') as SVGSVGElement;
      const node = [...svg.querySelectorAll('[data-node]')].find(
        (n) => n.getAttribute('data-node') === nodeId,
      );
      const a = svg.getBoundingClientRect();
      const b = (node as Element).getBoundingClientRect();
      return b.left >= a.left - 1 && b.right <= a.right + 1 && b.top >= a.top - 1 && b.bottom <= a.bottom + 1;
    }, id);
    expect({ id, inside }).toEqual({ id, inside: true });
  }
  expect(visited.size).toBeGreaterThanOrEqual(4);
  const id = (await focused(frame)) as string;
  await page.keyboard.press('Enter');
  await frame.waitForSelector(`[data-testid=map-selected] [data-contact="${id}"]`);
  // zoom by key: + makes the drawing larger
  const scale = () =>
    frame.evaluate(() =>
      Number(
        /scale\(([\d.]+)\)/.exec(
          document.querySelector('.rmap-svg > g')?.getAttribute('transform') ?? '',
        )?.[1],
      ),
    );
  const before = await scale();
  await frame.focus(`[data-node="${id}"]`);
  await page.keyboard.press('+');
  expect(await scale()).toBeGreaterThan(before);
  // pan by dragging the background; Ctrl + wheel zooms, the plain wheel leaves the map alone
  const transform = () => frame.getAttribute('.rmap-svg > g', 'transform');
  const box = (await (await frame.$('.rmap-svg'))?.boundingBox()) as { x: number; y: number; width: number };
  const moved = await transform();
  await page.mouse.move(box.x + box.width - 6, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 66, box.y + 46, { steps: 4 });
  await page.mouse.up();
  expect(await transform()).not.toBe(moved);
  const zoomed = await scale();
  await page.mouse.wheel(0, -200);
  expect(await scale()).toBe(zoomed);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await frame.waitForFunction(
    (k) => !document.querySelector('.rmap-svg > g')?.getAttribute('transform')?.includes(`scale(${k})`),
    zoomed,
  );
  // exactly one zoom step: the plain wheel before it did nothing
  expect(await scale()).toBeCloseTo(zoomed * 1.1, 3);
});

test("a deal's buying committee is highlighted on the map; screenshots in both languages", async () => {
  const frame = await openMap('北斗ホールディングス株式会社');
  const dash2 = await frame.$eval(
    '[data-testid=committee-deal]',
    (el) => [...(el as HTMLSelectElement).options].find((o) => o.textContent?.includes('第2期'))?.value,
  );
  await frame.selectOption('[data-testid=committee-deal]', dash2 as string);
  // Contact_Name (CDO) and Buying_Committee (CEO, CFO, 経営企画部長, 情報システム部長)
  expect(await frame.$$eval('.rmap-node.committee', (els) => els.length)).toBe(5);
  expect(await frame.$$eval('.rmap-node.dim', (els) => els.length)).toBeGreaterThan(0);
  // put someone dimmed on the committee: saved to Deals.Buying_Committee, the map follows
  const outsider = (await frame.getAttribute(
    '.rmap-node.dim[data-node]:not([data-gap-node])',
    'data-node',
  )) as string;
  await frame.focus(`[data-node="${outsider}"]`);
  await page.keyboard.press('Enter');
  await frame.check('[data-testid=committee-toggle]');
  await frame.waitForSelector(`.rmap-node.committee[data-node="${outsider}"]`);
  expect(await frame.$$eval('.rmap-node.committee', (els) => els.length)).toBe(6);
  const res = await fetch(`${server.emulator.url}/__emulator/records/Deals`);
  const deals = ((await res.json()) as { data: { id: string; Buying_Committee?: string | null }[] }).data;
  expect(deals.find((d) => d.id === dash2)?.Buying_Committee?.split('\n')).toContain(outsider);
  for (const lang of ['ja', 'en'] as const) {
    if ((await frame.getAttribute('.app', 'lang')) !== lang) await frame.click('.header-tools button[lang]');
    await frame.waitForSelector(`.app[lang=${lang}] [data-testid=relationship-map]`);
    const label = await frame.getAttribute('.rmap-svg', 'aria-label');
    expect(label).toBe(lang === 'ja' ? 'バイヤー相関図（組織図）' : 'Buyer relationship map (org chart)');
    await (await frame.$('.app'))?.screenshot({ path: path.join(ARTIFACTS, `buyer-map-${lang}.png`) });
  }
});
