/**
 * UI words of the page's second generation (drafts, recompute, risks, map, tasks, print), every one in
 * Japanese and English; spread into STRINGS.
 */
import type { Bilingual } from '../../shared/config/schema';

const s = (ja: string, en: string): Bilingual => ({ ja, en });

export const PAGE_STRINGS = {
  draftRestored: s('保存していない編集内容を復元しました。', 'Your unsaved edits were restored.'),
  draftDiscard: s('編集内容を破棄', 'Discard edits'),
  // potential map validation
  potentialInvalid: s('保存できません。赤枠の行を直してください。', 'Not saved: fix the rows marked in red.'),
  rowIncomplete: s(
    '{row} 行目: セグメントと提供価値の両方を入力してください',
    'Row {row}: enter both a segment and an offering',
  ),
  rowNotNumber: s('{row} 行目: 金額は数字で入力してください', 'Row {row}: amounts must be numbers'),
  rowNegative: s('{row} 行目: 金額はマイナスにできません', 'Row {row}: amounts cannot be negative'),
  rowTooLarge: s(
    '{row} 行目: 金額が大きすぎます（上限 {max}）',
    'Row {row}: the amount is too large (at most {max})',
  ),
  rowCurrentOverPotential: s(
    '{row} 行目: 現在の取引がポテンシャルを超えています',
    'Row {row}: the current business exceeds the potential',
  ),
  rowDuplicate: s(
    '{row} 行目: 同じセグメントと提供価値の行がすでにあります',
    'Row {row}: the same segment and offering appear in another row',
  ),
  // recompute after a save
  crmSyncWaiting: s('CRM の KPI 項目を更新しています…', 'Updating the KPI fields in the CRM…'),
  crmSyncDone: s('CRM の KPI 項目に反映しました（{time}）', 'The CRM’s KPI fields are up to date ({time})'),
  crmSyncLater: s(
    'CRM の KPI 項目は次回の同期で反映されます（最大15分）',
    'The CRM’s KPI fields update at the next sync (within 15 minutes)',
  ),
  // risks on the first screen
  risksLabel: s('要注意', 'Needs attention'),
  risk_premature: s(
    '顧客の購買段階より先行したアクション（{n}件の案件）',
    'Actions ahead of the customer’s buying stage ({n} deals)',
  ),
  risk_stalled: s('停滞している案件（{n}件）', 'Stalled deals ({n})'),
  risk_overdue: s('完了予定日を過ぎた案件（{n}件）', 'Deals past their closing date ({n})'),
  risk_noDecisionMaker: s('意思決定者が特定されていません', 'No decision maker identified'),
  risk_dmUncontacted: s(
    '意思決定者と一度も接点がありません（{n}人）',
    'Decision makers never contacted ({n})',
  ),
  risk_stalePlan: s('アカウントプランが古くなっています', 'The account plan is stale'),
  risk_noPlan: s('アカウントプランがありません', 'No account plan yet'),
  tabNeedsAttention: s('要注意 {n} 件', '{n} need attention'),
  openInCrm: s('Zoho CRM でレコードを開く', 'Open the record in Zoho CRM'),
  // data issues, by code (the technical detail stays in the tooltip)
  issue_INVALID_RECORD: s('読み取れないレコードがあります', 'A record could not be read'),
  issue_INVALID_VALUE: s('項目の値が正しくありません', 'A field holds an invalid value'),
  issue_UNKNOWN_PICKLIST_VALUE: s('設定にない選択肢の値があります', 'A picklist value is not in the config'),
  issue_UNMAPPED_DEAL_STAGE: s(
    '案件のステージが購買段階に対応付けられていません（設定ファイルで対応付けてください）',
    'A deal stage is not mapped to a buying stage (map it in the config)',
  ),
  issue_ORPHAN_RECORD: s('取引先に紐づかないレコードがあります', 'A record is not linked to the account'),
  issue_MULTIPLE_PLANS: s(
    'アカウントプランが複数あります（最新のものを表示）',
    'The account has several plans (the latest is shown)',
  ),
  issue_REPORTING_CYCLE: s('上司の設定が循環しています', 'Reporting lines form a cycle'),
  // next actions as Zoho tasks
  createTask: s('Zoho タスクを作成', 'Create a Zoho task'),
  taskOpen: s('タスク: {status}（期日 {due}）', 'Task: {status} (due {due})'),
  taskDone: s('タスク完了: {status}', 'Task done: {status}'),
  // printable plan
  printPlan: s('印刷・PDF 用の表示', 'Print / PDF view'),
  printClose: s('印刷用の表示を閉じる', 'Close the print view'),
} as const satisfies Record<string, Bilingual>;
