/**
 * The scale generator's vocabulary for our product (datasets/scale/vocabulary.ts): module and field
 * names from the config, fictional Japanese words (scale-words.ts), Zoho's default deal stages, the
 * product's activity kinds with subjects that the engine's keyword rule classifies as the kind they
 * were made for, and the buyer-map values. The generator itself imports neither the engine nor the
 * config.
 */
import type { SalesProcessConfig } from '../../../shared/config/schema';
import { compileConfig, normaliseText } from '../../../shared/engine/compiled';
import type { ActivityKind } from '../../../shared/model/keys';
import type { ScaleVocabulary, Weighted } from '../datasets/scale/vocabulary';
import { DEAL_STAGE_NAMES, dealStageOptions } from '../emulator/metadata/deal-stages';
import * as W from './scale-words';

const TEMPLATES: Record<ActivityKind, string[]> = {
  proposal: ['{topic}提案書説明', '{topic}のご提案', '提案内容のすり合わせ', '{topic}提案プレゼン'],
  quote: ['{topic}見積提出', 'お見積の説明', '見積条件の確認'],
  poc: ['{topic}PoC 打合せ', 'PoC 結果報告', '検証環境の準備', '{topic}実証実験キックオフ'],
  demo: ['{topic}デモ', '製品デモ実施', 'オンラインデモ'],
  negotiation: ['価格調整の打合せ', '契約条件調整', '価格交渉'],
  contract_draft: ['契約書案の送付', '契約書レビュー'],
  requirements: ['{topic}要件ヒアリング', '要件定義レビュー'],
  info_sharing: ['業界動向の情報提供', 'ニュースレター送付', '{topic}情報共有'],
  exec_meeting: ['役員面談', '社長との意見交換', '経営層向け説明会'],
  study_session: ['{topic}勉強会', '技術交流会', '{topic}ワークショップ'],
  seminar: ['{topic}セミナーご招待', 'ウェビナー参加', '展示会ブース来訪'],
  consultation: ['{topic}に関するご相談', '問い合わせ対応', 'お問合せ対応'],
  satisfaction_review: ['導入効果検証', '定例報告会', '満足度ヒアリング', 'QBR'],
  referral: ['{dept}へのご紹介', '関連部署紹介'],
  case_study: ['導入事例インタビュー', '共同発表の準備'],
  social: ['会食', '懇親会', 'ゴルフコンペ'],
  issue_hearing: ['{topic}課題ヒアリング', '現場課題ヒアリング', '現状ヒアリング'],
  greeting: ['{dept}ご挨拶', '初回訪問'],
  admin: ['日程調整', 'お礼メール送付', '議事録送付'],
  internal: ['社内共有メモ作成', '社内検討会'],
  other: ['定例打合せ', '訪問', 'フォローアップ', '資料送付'],
};

const KIND_WEIGHTS: Weighted<ActivityKind> = [
  ['proposal', 8],
  ['quote', 5],
  ['poc', 3],
  ['demo', 4],
  ['negotiation', 3],
  ['contract_draft', 2],
  ['requirements', 3],
  ['info_sharing', 8],
  ['exec_meeting', 4],
  ['study_session', 5],
  ['seminar', 4],
  ['consultation', 8],
  ['satisfaction_review', 4],
  ['referral', 2],
  ['case_study', 1],
  ['social', 3],
  ['issue_hearing', 4],
  ['greeting', 3],
  ['other', 8],
  ['admin', 3],
  ['internal', 1],
];
const INBOUND_WEIGHTS: Weighted<ActivityKind> = [
  ['consultation', 6],
  ['other', 2],
  ['referral', 1],
];
const FALLBACK_SUBJECT = '打合せ';

/** The engine's keyword rule (shared/engine): the first kind, in config order, with a keyword in the subject. */
export function kindByKeywords(config: SalesProcessConfig, subject: string): string {
  const text = normaliseText(subject);
  return (
    compileConfig(config).kindRules.find((r) => r.keywords.some((k) => k !== '' && text.includes(k)))?.key ??
    'other'
  );
}

/**
 * Subjects per kind: the templates (with topics and departments filled in) that the config's keyword
 * rules classify as that kind; the kind's first keyword when none does.
 */
export function subjectsByKind(config: SalesProcessConfig): Map<string, string[]> {
  const byKind = new Map<string, string[]>();
  for (const [kind, templates] of Object.entries(TEMPLATES)) {
    const expanded = templates.flatMap((t) =>
      t.includes('{topic}')
        ? W.TOPICS.map((x) => t.replace('{topic}', x))
        : t.includes('{dept}')
          ? W.DEPARTMENTS.map((d) => t.replace('{dept}', d))
          : [t],
    );
    const consistent = expanded.filter((s) => kindByKeywords(config, s) === kind);
    const keyword = config.activityKinds.find((k) => k.key === kind)?.keywords[0];
    byKind.set(kind, consistent.length > 0 ? consistent : keyword ? [keyword] : [FALLBACK_SUBJECT]);
  }
  return byKind;
}

export function scaleVocabulary(config: SalesProcessConfig): ScaleVocabulary {
  const f = config.fields;
  const m = f.modules;
  const probability = new Map(dealStageOptions().map((o) => [o.display, o.probability ?? 0]));
  return {
    utcOffset: config.utcOffset,
    modules: {
      accounts: m.accounts,
      contacts: m.contacts,
      deals: m.deals,
      tasks: m.tasks,
      events: m.events,
      calls: m.calls,
      accountPlans: m.accountPlans,
    },
    fields: {
      account: {
        isTargetAccount: f.account.isTargetAccount,
        customerSatisfaction: f.account.customerSatisfaction,
      },
      contact: {
        buyingRole: f.contact.buyingRole,
        attitude: f.contact.attitude,
        influence: f.contact.influence,
        isExecutive: f.contact.isExecutive,
      },
      activity: { kind: f.activity.kind, purpose: f.activity.purpose },
      plan: {
        account: f.plan.account,
        potentialMap: f.plan.potentialMap,
        segment: f.plan.segment,
        offering: f.plan.offering,
        potentialAmount: f.plan.potentialAmount,
        currentAmount: f.plan.currentAmount,
        updates: f.plan.updates,
        updatedOn: f.plan.updatedOn,
        summary: f.plan.summary,
        overview: f.plan.overview,
        strategy: f.plan.strategy,
        issues: f.plan.issues,
        group: f.plan.group,
        longTermActions: f.plan.longTermActions,
        shortTermActions: f.plan.shortTermActions,
      },
    },
    words: {
      companyCores: W.COMPANY_CORES,
      companyTrades: W.COMPANY_TRADES,
      subsidiarySuffixes: W.SUBSIDIARY_SUFFIXES,
      legalForms: W.LEGAL_FORMS,
      cities: W.CITIES,
      familyNames: W.FAMILY_NAMES,
      givenNames: W.GIVEN_NAMES,
      romaji: W.ROMAJI,
      departments: W.DEPARTMENTS,
      topDepartments: ['経営企画部', '営業本部', '情報システム部'],
      titles: W.TITLES,
      executiveRankMax: W.EXECUTIVE_RANK_MAX,
      topics: W.TOPICS,
      offerings: W.OFFERINGS,
      venues: W.VENUES,
      callPurposes: W.CALL_PURPOSES,
      callResults: W.CALL_RESULTS,
    },
    dealStages: DEAL_STAGE_NAMES.map((s) => ({
      name: s,
      weight: s === 'Closed Won' ? 20 : s.startsWith('Closed') ? 7 : s === 'Perception Analysis' ? 5 : 10,
      probability: probability.get(s) ?? 0,
    })),
    activities: {
      kinds: KIND_WEIGHTS,
      inbound: INBOUND_WEIGHTS,
      // the kinds the config counts as deal work (purpose: deal) hang off a deal more often
      dealKinds: new Set(config.activityKinds.filter((k) => k.purpose === 'deal').map((k) => k.key)),
      byCall: { social: 'info_sharing' },
      purposes: ['deal', 'relationship'],
      subjects: subjectsByKind(config),
      fallbackSubject: FALLBACK_SUBJECT,
    },
    buyers: {
      rolesByRank: [
        [
          ['decision_maker', 6],
          ['influencer', 2],
        ],
        [
          ['champion', 3],
          ['influencer', 3],
          ['evaluator', 2],
          ['decision_maker', 1],
        ],
        [
          ['user', 4],
          ['evaluator', 3],
          ['gatekeeper', 2],
          ['champion', 1],
        ],
      ],
      attitudes: [
        ['advocate', 2],
        ['supporter', 4],
        ['neutral', 4],
        ['skeptic', 2],
        ['opponent', 1],
      ],
    },
  };
}
