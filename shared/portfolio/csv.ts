/**
 * The account table as CSV (RFC 4180, CRLF) or TSV (for the clipboard), in the UI language. Text cells that a spreadsheet would
 * run as a formula (starting with = + - @ or a tab) get a leading apostrophe: CRM text is untrusted.
 */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import type { AccountRow } from './accounts';
import { gapTranslator, type GapTranslator } from './gaps';
import { guidanceLabel, stageSlotLabel } from './labels';
import type { StageSlot } from './model';

type Lang = keyof Bilingual;
type Cell = string | number | null;

const COLUMNS: [Bilingual, (r: AccountRow, ctx: Ctx) => Cell][] = [
  [{ ja: 'ID', en: 'ID' }, (r) => r.id],
  [{ ja: '取引先名', en: 'Account' }, (r) => r.name],
  [{ ja: '担当者', en: 'Owner' }, (r) => r.ownerName],
  [{ ja: '業種', en: 'Industry' }, (r) => r.industry],
  [{ ja: '関係性ステージ', en: 'Relationship stage' }, (r, c) => c.stage(r.stage)],
  [{ ja: 'ステージ開始日', en: 'Stage since' }, (r) => r.since],
  [{ ja: '滞留日数', en: 'Days in stage' }, (r) => r.daysInStage],
  [{ ja: '停滞', en: 'Stalled' }, (r, c) => (r.stalled ? c.yes : '')],
  [{ ja: '健全性スコア', en: 'Health score' }, (r) => r.health],
  [{ ja: '次ステージへの進捗(%)', en: 'Progress to next stage (%)' }, (r) => pct(r.progress)],
  [
    { ja: '次ステージに足りない条件', en: 'Missing for the next stage' },
    (r, c) => r.missing.map(c.gap).join(' / '),
  ],
  [{ ja: 'KPI達成数', en: 'KPI targets met' }, (r) => r.kpisMet],
  [{ ja: 'KPI目標数', en: 'KPI targets' }, (r) => r.kpiTargets],
  [{ ja: '顧客深耕の比率(%)', en: 'Relationship share (%)' }, (r) => pct(r.relationshipShare)],
  [{ ja: '推奨比率(%)', en: 'Recommended share (%)' }, (r) => pct(r.recommendedShare)],
  [{ ja: '進行中の案件数', en: 'Open deals' }, (r) => r.openDeals],
  [{ ja: '進行中の案件金額', en: 'Open amount' }, (r) => r.openAmount],
  [{ ja: '加重見込（顧客の購買段階）', en: 'Weighted (buying stage)' }, (r) => r.buyerWeighted],
  [{ ja: '加重見込（Zohoの確度）', en: 'Weighted (Zoho probability)' }, (r) => r.sellerWeighted],
  [{ ja: '年間取引額', en: 'Annual transaction value' }, (r) => r.annualRevenue],
  [{ ja: '今期受注額', en: 'Orders this fiscal year' }, (r) => r.fyOrders],
  [{ ja: 'ガイダンス', en: 'Guidance' }, (r, c) => r.guidance.map(c.guidance).join(' / ')],
];

interface Ctx {
  stage(slot: StageSlot | null): string;
  yes: string;
  gap: GapTranslator;
  guidance(code: string): string;
}

export function accountsCsv(rows: readonly AccountRow[], config: SalesProcessConfig, lang: Lang): string {
  const table = accountsTable(rows, config, lang);
  return `${table.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The same table as tab-separated text for the clipboard: a spreadsheet pastes it into columns
 * (comma-separated text lands in one column). Tabs and line breaks inside a cell become spaces.
 */
export function accountsTsv(rows: readonly AccountRow[], config: SalesProcessConfig, lang: Lang): string {
  const table = accountsTable(rows, config, lang);
  return `${table.map((cells) => cells.map(tsvCell).join('\t')).join('\r\n')}\r\n`;
}

function accountsTable(rows: readonly AccountRow[], config: SalesProcessConfig, lang: Lang): Cell[][] {
  const ctx: Ctx = {
    stage: (slot) => stageSlotLabel(slot, config, lang),
    yes: lang === 'ja' ? 'はい' : 'yes',
    gap: gapTranslator(config, lang),
    guidance: (code) => guidanceLabel(code, config)[lang],
  };
  return [COLUMNS.map(([h]) => h[lang]), ...rows.map((r) => COLUMNS.map(([, get]) => get(r, ctx)))];
}

export function csvCell(value: Cell): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tsvCell(value: Cell): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const flat = value.replace(/[\t\r\n]+/g, ' ');
  return /^[=+\-@]/.test(flat) ? `'${flat}` : flat;
}

function pct(share: number | null): number | null {
  return share == null ? null : Math.round(share * 1000) / 10;
}
