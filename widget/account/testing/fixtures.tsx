/**
 * Test helpers for the account widget: the shipped config, a small account with every kind of
 * record, the view the engine makes of it, and rendering a panel in jsdom. Used only by tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ComponentChildren } from 'preact';
import { parseSalesProcessConfig } from '../../../shared/config/load';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import type { Instant } from '../../../shared/model/types';
import * as z from '../../../shared/testing/zoho-builders';
import type { AsyncState } from '../../common/async-state';
import { widgetError } from '../../common/errors';
import type { Lang } from '../../common/lang';
import { mountInto } from '../../common/testing/dom';
import { buildAccountView, type AccountView } from '../data/account-view';
import type { RawDataset } from '../data/load-dataset';
import { makeUi, UiProvider } from '../ui/ui-context';

export const AS_OF = Date.parse('2026-11-26T09:00:00+09:00') as Instant;

let cached: SalesProcessConfig | undefined;
export function testConfig(): SalesProcessConfig {
  if (cached) return cached;
  const file = path.join(__dirname, '..', '..', '..', 'config', 'sales-process.yaml');
  const result = parseSalesProcessConfig(readFileSync(file, 'utf8'), 'sales-process.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  cached = result.config;
  return cached;
}

/** An account at 接点構築 with a boss and a report, a deal with a premature quote, a stale plan. */
export function sampleDataset(overrides: Partial<RawDataset> = {}): RawDataset {
  return {
    Accounts: [z.account({ Website: 'www.example.co.jp' })],
    Contacts: [
      z.contact({ id: 'c1', dept: '情報システム部', title: '部長', role: 'champion', influence: 4 }),
      z.contact({ id: 'c2', dept: '情報システム部', title: '課長', boss: 'c1', role: 'user' }),
      z.contact({ id: 'c3', dept: '経営企画部', title: '取締役' }),
    ],
    Deals: [
      z.deal({ id: 'd1', stage: 'Needs Analysis', amount: 5_000_000, closing: '2027-03-31', contact: 'c1' }),
    ],
    Tasks: [
      z.task({ id: 't1', deal: 'd1', subject: '見積書提出', closed: '2026-11-10T10:00:00+09:00', who: 'c1' }),
    ],
    Events: [
      z.event({
        id: 'e1',
        subject: '勉強会',
        start: '2026-11-05T14:00:00+09:00',
        participants: ['c1', 'c2'],
      }),
      z.event({ id: 'e2', subject: 'セミナー', start: '2026-10-01T14:00:00+09:00', who: 'c3' }),
    ],
    Calls: [
      z.call({ id: 'k1', subject: '相談', start: '2026-11-20T10:00:00+09:00', type: 'Inbound', who: 'c2' }),
    ],
    Account_Plans: [
      z.plan({
        updates: ['2026-03-01'],
        potential: [
          [10_000_000, 0],
          [5_000_000, 2_000_000],
        ],
        Company_Overview: '製造業',
      }),
    ],
    ...overrides,
  } as RawDataset;
}

export function sampleView(overrides: Partial<RawDataset> = {}): AccountView {
  return buildAccountView(sampleDataset(overrides), testConfig(), z.ACCOUNT, AS_OF);
}

export const READY = (view: AccountView = sampleView()): AsyncState<AccountView> => ({
  status: 'ready',
  data: view,
});
export const LOADING_STATE: AsyncState<AccountView> = { status: 'loading' };
export const ERROR_STATE: AsyncState<AccountView> = {
  status: 'error',
  error: widgetError('CRM_ERROR', 'coql: INVALID_QUERY: boom'),
};
export { flush, LANGS, text } from '../../common/testing/dom';

/** Render into a fresh container inside the UI context; returns the container. */
export function mount(node: ComponentChildren, lang: Lang = 'ja'): HTMLElement {
  return mountInto(<UiProvider ui={makeUi(lang, testConfig())}>{node}</UiProvider>);
}
