/**
 * The texts of data issues (DataIssue.message) in both languages. The issue's `code` is the stable
 * key an API client matches on; the message names the record and field and is for people: the
 * widget and the manager's tab show it in the page's language. Module and field names are Zoho API
 * names and stay as they are in both languages. Pure.
 */
import type { Bilingual } from '../config/schema';

/** What a field should have held, for INVALID_VALUE. */
export const EXPECTED_VALUE = {
  text: { ja: '文字列', en: 'text' },
  number: { ja: '数値', en: 'a number' },
  boolean: { ja: 'true または false', en: 'true or false' },
  datetime: { ja: 'ISO 8601 形式の日時', en: 'an ISO 8601 datetime' },
  date: { ja: 'YYYY-MM-DD 形式の日付', en: 'a date YYYY-MM-DD' },
  lookup: { ja: 'ルックアップ { id, name }', en: 'a lookup { id, name }' },
  list: { ja: 'リスト', en: 'a list' },
} as const satisfies Record<string, Bilingual>;
export type ExpectedValue = keyof typeof EXPECTED_VALUE;

const both = (ja: string, en: string): Bilingual => ({ ja, en });

export const ISSUE_TEXT = {
  notARecord: (module: string, index: number) =>
    both(
      `${module}[${index}] はレコードではありません。読み飛ばしました`,
      `${module}[${index}] is not a record object; skipped`,
    ),
  noId: (module: string, index: number) =>
    both(
      `${module}[${index}] に id がありません。読み飛ばしました`,
      `${module}[${index}] has no id; skipped`,
    ),
  notAList: (module: string) =>
    both(
      `「${module}」がレコードのリストではありません。無視しました`,
      `"${module}" is not a list of records; ignored`,
    ),
  unknownPicklist: (module: string, id: string, field: string, value: string, allowed: readonly string[]) =>
    both(
      `${module} ${id}: ${field} の「${value}」は ${allowed.join('、')} のいずれでもありません。無視しました`,
      `${module} ${id}: ${field} "${value}" is not one of ${allowed.join(', ')}; ignored`,
    ),
  invalidValue: (module: string, id: string, field: string, expected: ExpectedValue, shown: string) =>
    both(
      `${module} ${id}: ${field} は${EXPECTED_VALUE[expected].ja}であるべきところ ${shown} でした。無視しました`,
      `${module} ${id}: ${field} should be ${EXPECTED_VALUE[expected].en}, got ${shown}; ignored`,
    ),
  outOfRange: (module: string, id: string, field: string, value: number, min: number, max: number) =>
    both(
      `${module} ${id}: ${field} の ${value} は ${min}〜${max} の整数ではありません。無視しました`,
      `${module} ${id}: ${field} ${value} is not a whole number from ${min} to ${max}; ignored`,
    ),
  /** `owner` is what the record points at that is missing: its account or its deal. */
  orphan: (module: string, id: string, owner: 'account' | 'deal', ownerId: string | null) =>
    ownerId == null
      ? both(
          `${module} ${id}: 取引先がありません。集計に含めません`,
          `${module} ${id}: it has no account; not counted`,
        )
      : both(
          `${module} ${id}: ${owner === 'deal' ? '商談' : '取引先'} ${ownerId} がデータにありません。集計に含めません`,
          `${module} ${id}: its ${owner} ${ownerId} is not in the data; not counted`,
        ),
  orphanPlan: (module: string, id: string) =>
    both(
      `${module} ${id}: 対応する取引先がありません。使いません`,
      `${module} ${id}: no known account; not used`,
    ),
  multiplePlans: (count: number, chosen: string) =>
    both(
      `この取引先にはアカウントプランが ${count} 件あります。最後に更新された ${chosen} を使います`,
      `account has ${count} account plans; using ${chosen}, the most recently modified`,
    ),
  incompleteSnapshot: (id: string, account: string, date: string) =>
    both(
      `スナップショット ${id} に ${account} または ${date} がありません。使いません`,
      `snapshot ${id} has no ${account} or ${date}; left out`,
    ),
  reportingCycle: (loop: string) =>
    both(`Reporting_To（上司）が循環しています: ${loop}`, `Reporting_To forms a loop: ${loop}`),
  unmappedDealStage: (deal: string, stage: string) =>
    both(
      `商談「${deal}」: Zoho のステージ「${stage}」が設定の購買段階に対応づけられていません`,
      `deal "${deal}": Zoho stage "${stage}" is not mapped to a buying stage in the config`,
    ),
  dealWithoutStage: (deal: string) =>
    both(`商談「${deal}」にステージがありません`, `deal "${deal}" has no Stage`),
  dealWithoutStageLeftOut: (id: string) =>
    both(`商談 ${id} にステージがありません。除外しました`, `deal ${id} has no Stage; left out`),
  wonWithoutAmount: (deal: string) =>
    both(
      `受注した商談「${deal}」に金額がありません。0 として数えます`,
      `won deal "${deal}" has no Amount; counted as 0`,
    ),
  historyWithout: (id: string, field: string) =>
    both(
      `ステージ履歴 ${id} に ${field} がありません。除外しました`,
      `stage history ${id} has no ${field}; left out`,
    ),
} as const;
