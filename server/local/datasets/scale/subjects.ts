/**
 * Activity subjects that carry the keywords of the config's `activityKinds`, so the keyword rules
 * classify generated activities the way the generator meant. A candidate subject is kept for a kind only
 * if the engine's own rule (first kind, in config order, with a keyword in the subject; case and
 * full/half width ignored) picks that kind.
 */
import type { SalesProcessConfig } from '../../../../shared/config/schema';
import { compileConfig, normaliseText } from '../../../../shared/engine/compiled';
import type { ActivityKind } from '../../../../shared/model/keys';
import type { Rng } from './rng';
import { DEPARTMENTS, TOPICS } from './vocab';

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

/** The engine's keyword rule (shared/engine): the first kind, in config order, with a keyword in the subject. */
export function kindByKeywords(config: SalesProcessConfig, subject: string): string {
  const text = normaliseText(subject);
  return (
    compileConfig(config).kindRules.find((r) => r.keywords.some((k) => k !== '' && text.includes(k)))?.key ??
    'other'
  );
}

export class SubjectPicker {
  private byKind = new Map<string, string[]>();

  constructor(private readonly config: SalesProcessConfig) {
    for (const [kind, templates] of Object.entries(TEMPLATES)) {
      const expanded = templates.flatMap((t) =>
        t.includes('{topic}')
          ? TOPICS.map((x) => t.replace('{topic}', x))
          : t.includes('{dept}')
            ? DEPARTMENTS.map((d) => t.replace('{dept}', d))
            : [t],
      );
      const consistent = expanded.filter((s) => kindByKeywords(config, s) === kind);
      const keyword = config.activityKinds.find((k) => k.key === kind)?.keywords[0];
      this.byKind.set(kind, consistent.length > 0 ? consistent : keyword ? [keyword] : ['打合せ']);
    }
  }

  subject(rng: Rng, kind: string): string {
    return rng.pick(this.byKind.get(kind) ?? ['打合せ']);
  }
}
