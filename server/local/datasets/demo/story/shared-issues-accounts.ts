/**
 * Accounts at 課題共有: 千早ソフトウェア (a rough estimate the customer asked for while still gathering
 * information: Quote_Requested, so not premature)
 * and 暁光メディカル (revenue from a spot deal, but a plan with no potential map, so no share of wallet).
 */
import { call, meet, person, todo, type AccountStory } from './types';

export const CHIHAYA: AccountStory = {
  key: 'chihaya',
  name: '千早ソフトウェア株式会社',
  expectedStage: 'shared_issues',
  owner: 'tanaka',
  created: 400,
  profile: {
    industry: 'Technology',
    employees: 850,
    revenue: 16_000_000_000,
    state: '福岡県',
    city: '福岡市',
    domain: 'chihaya-soft.example.co.jp',
    type: 'Prospect',
    ownership: 'Private',
    description: '業務パッケージ開発会社。開発生産性の可視化を検討中。',
  },
  people: [
    person('cto', '役員', '取締役 CTO', { role: 'decision_maker', attitude: 'supporter', influence: 5 }),
    person('dev_gm', '開発本部', '部長', {
      boss: 'cto',
      role: 'champion',
      attitude: 'advocate',
      influence: 4,
    }),
    person('dev_mgr', '開発本部', '課長', {
      boss: 'dev_gm',
      role: 'evaluator',
      attitude: 'supporter',
      influence: 3,
    }),
    person('dev_staff', '開発本部', '主任', {
      boss: 'dev_mgr',
      role: 'user',
      attitude: 'neutral',
      influence: 1,
    }),
    person('qa_staff', '品質保証部', '主任', { role: 'user', attitude: 'neutral', influence: 1 }),
    person('admin_mgr', '管理部', '課長', { role: 'gatekeeper', attitude: 'neutral', influence: 2 }),
  ],
  deals: [
    {
      key: 'dash',
      name: '開発生産性ダッシュボード',
      stage: 'Needs Analysis',
      amount: 4_800_000,
      type: 'New Business',
      contact: 'dev_gm',
      created: 50,
      close: -90,
      nextStep: '要件と評価基準のヒアリング',
      // the customer asked for a rough estimate for budgeting: a requested quote, not PREMATURE_QUOTE
      quoteRequested: true,
    },
  ],
  activities: [
    meet(200, '開発者向けセミナー ご参加', ['dev_mgr', 'dev_staff'], { venue: 'オンライン' }),
    meet(170, 'ご挨拶・情報提供', ['dev_gm', 'dev_mgr']),
    call(140, '開発生産性の可視化についてご相談', 'dev_gm', { inbound: true }),
    meet(110, '課題ヒアリング（開発本部）', ['cto', 'dev_gm']),
    meet(45, '要件ヒアリング（ダッシュボード）', ['dev_gm', 'dev_mgr'], { deal: 'dash' }),
    todo(22, '概算見積提出', 'dev_gm', {
      deal: 'dash',
      description: '先方から予算取りのため概算をと依頼され提出。',
    }),
    call(10, 'ご要望の整理', 'dev_mgr', { deal: 'dash' }),
    meet(-12, '勉強会（開発指標の設計）', ['dev_gm', 'dev_mgr', 'dev_staff'], { deal: 'dash' }),
  ],
  plan: {
    created: 100,
    overview: '業務パッケージの開発会社。開発本部 約500名。',
    strategy: '受託開発から自社パッケージへの転換を進めており、開発生産性を経営指標にしたい意向。',
    issues: '・開発プロジェクトの進捗と品質が横並びで見えない\n・品質保証部と開発本部で指標がばらばら',
    group: '単独。',
    longTerm: '・開発本部から品質保証部へ展開',
    shortTerm: '・勉強会で開発指標を一緒に設計する\n・評価基準を確認してから正式見積へ',
    potential: [
      ['開発本部', '開発生産性ダッシュボード', 8_000_000, 0],
      ['品質保証部', 'テスト分析', 5_000_000, 0],
    ],
    updates: [
      [95, 'アカウントプランを作成。'],
      [40, '案件化を反映。'],
    ],
  },
  routine: { from: 190, perMonth: 1 },
};

export const GYOKO: AccountStory = {
  key: 'gyoko',
  name: '暁光メディカル株式会社',
  expectedStage: 'shared_issues',
  owner: 'suzuki',
  created: 500,
  profile: {
    industry: 'Healthcare',
    employees: 2_300,
    revenue: 54_000_000_000,
    state: '京都府',
    city: '京都市',
    domain: 'gyoko-medical.example.co.jp',
    type: 'Customer',
    ownership: 'Public Company',
    description: '医療機器・医療材料の製造販売。データ移行案件で取引開始。',
  },
  people: [
    person('ceo', '役員', '代表取締役社長', { role: 'decision_maker', attitude: 'neutral', influence: 5 }),
    person('it_head', '情報システム本部', '執行役員 情報システム本部長', {
      boss: 'ceo',
      role: 'influencer',
      attitude: 'supporter',
      influence: 4,
    }),
    person('it_gm', '情報システム本部', 'システム企画部 部長', {
      boss: 'it_head',
      role: 'champion',
      attitude: 'advocate',
      influence: 4,
    }),
    person('it_mgr', '情報システム本部', 'システム企画部 課長', {
      boss: 'it_gm',
      role: 'evaluator',
      attitude: 'supporter',
      influence: 2,
    }),
    person('log_mgr', '物流センター', '課長', { role: 'user', attitude: 'neutral', influence: 2 }),
    person('purch', '購買部', '主任', { role: 'gatekeeper', attitude: 'neutral', influence: 1 }),
  ],
  deals: [
    {
      key: 'migrate',
      name: '保守データ移行（スポット）',
      stage: 'Closed Won',
      amount: 3_200_000,
      type: 'New Business',
      contact: 'it_gm',
      created: 180,
      close: 100,
    },
    {
      key: 'logi',
      name: '院内物流の可視化',
      stage: 'Value Proposition',
      amount: 9_000_000,
      type: 'New Business',
      contact: 'log_mgr',
      created: 40,
      close: -100,
      nextStep: '提案書説明',
    },
  ],
  activities: [
    meet(260, 'ヘルスケアDXウェビナー ご参加', ['it_mgr'], { venue: 'オンライン' }),
    call(230, 'データ移行のご相談', 'it_gm', { inbound: true }),
    meet(200, 'システム企画部 課題ヒアリング', ['it_gm', 'it_mgr']),
    meet(175, '保守データ移行 お打合せ', ['it_gm', 'it_mgr'], { deal: 'migrate' }),
    todo(150, '移行計画書 送付', 'it_mgr', { deal: 'migrate' }),
    todo(125, '見積提出（データ移行）', 'it_gm', { deal: 'migrate' }),
    meet(85, '移行完了のご報告', ['it_head', 'it_gm'], { deal: 'migrate' }),
    meet(38, '院内物流 現状ヒアリング', ['log_mgr', 'it_gm'], { deal: 'logi' }),
    meet(25, '院内物流 可視化デモ', ['log_mgr', 'it_mgr'], { deal: 'logi' }),
    call(12, '評価項目の確認', 'log_mgr', { deal: 'logi' }),
    meet(-15, '院内物流 提案書説明', ['it_head', 'log_mgr'], { deal: 'logi' }),
  ],
  plan: {
    created: 190,
    overview: '医療機器・医療材料の製造販売。病院向けの物流受託も行う。',
    strategy: '病院の働き方改革を追い風に、院内物流の受託事業を伸ばす方針。',
    issues:
      '・院内物流の在庫と搬送状況が見えず、欠品対応に看護師の時間が取られている\n・基幹システム刷新後のデータ活用が進んでいない',
    group: '単独（グループ会社なし）。',
    longTerm: '・院内物流の可視化を受託先の病院全体へ広げる',
    shortTerm: '・院内物流の提案書説明\n・ポテンシャルマップを作る（部門ごとの予算感を確認）',
    potential: [],
    updates: [
      [185, 'アカウントプランを作成。'],
      [80, 'データ移行の完了を反映。'],
      [30, '院内物流の案件化を反映。ポテンシャルは未把握。'],
    ],
  },
  routine: { from: 250, perMonth: 0.8 },
};
