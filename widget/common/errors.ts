/**
 * The widget's one error family (STYLE 4): a closed list of codes, each with a bilingual message a
 * rep can act on. Vendor failures are mapped to these once, in the gateway.
 */
import type { Bilingual } from '../../shared/config/schema';

export const WIDGET_ERROR_CODES = [
  'NOT_IN_ZOHO',
  'TIMEOUT',
  'NO_RECORD',
  'CRM_ERROR',
  'WRITE_REJECTED',
  'DATA_INVALID',
] as const;
export type WidgetErrorCode = (typeof WIDGET_ERROR_CODES)[number];

export interface WidgetError {
  code: WidgetErrorCode;
  /** Technical detail for support (English, from the CRM or our checks); shown small. */
  detail: string;
}

export const ERROR_MESSAGES: Record<WidgetErrorCode, Bilingual> = {
  NOT_IN_ZOHO: {
    ja: 'このウィジェットは Zoho CRM の取引先ページ内で開いてください。',
    en: 'Open this widget inside a Zoho CRM account page.',
  },
  TIMEOUT: {
    ja: 'Zoho CRM から応答がありません。ページを再読み込みしてください。',
    en: 'Zoho CRM did not answer in time. Reload the page.',
  },
  NO_RECORD: {
    ja: '取引先が見つかりません（削除されたか、閲覧権限がありません）。',
    en: 'The account was not found (deleted, or you may not see it).',
  },
  CRM_ERROR: {
    ja: 'Zoho CRM がエラーを返しました。',
    en: 'Zoho CRM returned an error.',
  },
  WRITE_REJECTED: {
    ja: '保存できませんでした。入力内容と権限を確認してください。',
    en: 'The change was not saved. Check the values and your permissions.',
  },
  DATA_INVALID: {
    ja: 'CRM のデータを読み取れませんでした。',
    en: 'The CRM data could not be read.',
  },
};

export function widgetError(code: WidgetErrorCode, detail: string): WidgetError {
  return { code, detail };
}

/** Anything thrown → a WidgetError (unknown errors count as CRM errors; the detail keeps the text). */
export function toWidgetError(e: unknown): WidgetError {
  if (isWidgetError(e)) return e;
  if (e instanceof Error) return widgetError('CRM_ERROR', e.message);
  return widgetError('CRM_ERROR', describe(e));
}

export function isWidgetError(e: unknown): e is WidgetError {
  return (
    e != null &&
    typeof e === 'object' &&
    typeof (e as WidgetError).code === 'string' &&
    (WIDGET_ERROR_CODES as readonly string[]).includes((e as WidgetError).code) &&
    typeof (e as WidgetError).detail === 'string'
  );
}

function describe(e: unknown): string {
  if (e != null && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    const parts = [o.code, o.message].filter((v) => typeof v === 'string');
    if (parts.length > 0) return parts.join(': ');
    try {
      return JSON.stringify(e).slice(0, 300);
    } catch {
      return 'unknown error';
    }
  }
  return String(e);
}
