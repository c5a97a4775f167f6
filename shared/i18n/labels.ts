/**
 * Bilingual labels for everything the engine names that the config does not: metrics, plan
 * sections, buying roles, attitudes, flags, automatic actions. Every label has ja and en.
 */
import type { Bilingual } from '../config/schema';
import type { Attitude, BuyingRole, MetricKey, PlanSection } from '../model/keys';

export type Lang = keyof Bilingual;

export const METRIC_LABELS: Record<MetricKey, Bilingual> = {
  contacts_reached: { ja: '接触した人数', en: 'Contacts reached' },
  departments_reached: { ja: '接触した部門数', en: 'Departments reached' },
  customer_consultations: { ja: '顧客からの相談', en: 'Customer consultations' },
  plan_updates: { ja: 'アカウントプラン更新', en: 'Account-plan updates' },
  key_person_meetings: { ja: 'キーパーソンとの面談', en: 'Key-person meetings' },
  executive_touchpoints: { ja: '役員との接点', en: 'Executive touchpoints' },
  proposals: { ja: '顧客と行った提案', en: 'Proposals made with the customer' },
  quotes: { ja: '見積提出', en: 'Quotes sent' },
  decision_maker_proposals: { ja: '意思決定者への提案', en: 'Proposals to decision makers' },
  study_sessions: { ja: '勉強会', en: 'Study sessions' },
  seminars: { ja: 'セミナー', en: 'Seminars' },
  referrals: { ja: '他部門への紹介', en: 'Referrals' },
  deals_created: { ja: '案件創出', en: 'Deals created' },
  relationship_activity_share: { ja: '顧客深耕活動の比率', en: 'Relationship-activity share' },
  csat: { ja: '顧客満足度', en: 'Customer satisfaction' },
  annual_revenue: { ja: '年間取引額', en: 'Annual transaction value' },
  share_of_wallet: { ja: '企業内シェア', en: 'Share of wallet' },
  fy_orders: { ja: '今期受注額', en: 'Orders this fiscal year' },
  expansion_revenue: { ja: 'クロスセル・アップセル', en: 'Cross-sell / up-sell' },
  decision_maker_identified: { ja: '意思決定者の特定', en: 'Decision maker identified' },
  key_persons: { ja: 'キーパーソン数', en: 'Key persons' },
  executive_contacts: { ja: '役員の連絡先', en: 'Executive contacts' },
  buyer_map_roles: { ja: '役割が分かっている人数', en: 'People with a buying role' },
  plan_sections_filled: { ja: 'アカウントプラン記入済みセクション', en: 'Account-plan sections filled' },
  won_deals: { ja: '受注件数', en: 'Deals won' },
  won_deal_departments: { ja: '受注のある部門数', en: 'Departments with won deals' },
  related_companies_engaged: { ja: '接点のあるグループ企業', en: 'Group companies engaged' },
  activities: { ja: '活動', en: 'Activities' },
};

export const PLAN_SECTION_LABELS: Record<PlanSection, Bilingual> = {
  overview: { ja: '顧客企業概要', en: 'Company overview' },
  strategy: { ja: '顧客の戦略と課題の仮説', en: 'Strategy and issue hypotheses' },
  group: { ja: 'グループ企業と組織図', en: 'Group companies and org chart' },
  potential_map: { ja: 'ポテンシャルマップ', en: 'Potential map' },
  buyer_map: { ja: 'バイヤー相関図', en: 'Buyer relationship map' },
  action_plan: { ja: 'アクションプラン', en: 'Action plan' },
};

export const BUYING_ROLE_LABELS: Record<BuyingRole, Bilingual> = {
  decision_maker: { ja: '意思決定者', en: 'Decision maker' },
  influencer: { ja: '影響者', en: 'Influencer' },
  champion: { ja: '推進者（チャンピオン）', en: 'Champion' },
  evaluator: { ja: '評価者', en: 'Evaluator' },
  user: { ja: '利用者', en: 'User' },
  gatekeeper: { ja: 'ゲートキーパー', en: 'Gatekeeper' },
};

export const ATTITUDE_LABELS: Record<Attitude, Bilingual> = {
  advocate: { ja: '支持者（強）', en: 'Advocate' },
  supporter: { ja: '好意的', en: 'Supporter' },
  neutral: { ja: '中立', en: 'Neutral' },
  skeptic: { ja: '懐疑的', en: 'Skeptic' },
  opponent: { ja: '反対', en: 'Opponent' },
};

/** Deal flags the engine raises besides the config's premature-action rules. */
export const FLAG_LABELS = {
  OVERDUE_CLOSE: { ja: '完了予定日を過ぎても未クローズ', en: 'Past its closing date and still open' },
  STALLED_DEAL: { ja: '一定期間活動がない', en: 'No activity for a long time' },
  NO_DECISION_MAKER: {
    ja: '稟議以降なのに意思決定者が未特定',
    en: 'Late in the buying process with no decision maker identified',
  },
} as const satisfies Record<string, Bilingual>;

/** Next actions the engine adds from the data, besides the stage's configured ones. */
export const AUTO_ACTION_LABELS = {
  CREATE_PLAN: { ja: 'アカウントプランを作成する', en: 'Create the account plan' },
  UPDATE_PLAN: {
    ja: 'アカウントプランを更新する（前回更新から期間が空いている）',
    en: 'Update the account plan (it has gone stale)',
  },
  IDENTIFY_DECISION_MAKER: {
    ja: 'バイヤー相関図で意思決定者を特定する',
    en: 'Identify the decision maker in the buyer map',
  },
} as const satisfies Record<string, Bilingual>;

/** Fill `{name}` placeholders; unknown names stay as written so a typo is visible, not silent. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    // Split once: even indexes are literal text, odd indexes placeholder names.
    parts = template.split(/\{(\w+)\}/);
    compiledTemplates.set(template, parts);
  }
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    out += i % 2 === 0 ? part : (values[part] ?? `{${part}}`);
  }
  return out;
}
const compiledTemplates = new Map<string, string[]>();
