/**
 * Early accounts, mostly worked by inside sales: 蒼海ロジスティクス and 鳴海電子 (接点構築), 桜庭リテール
 * (接点構築, with a forgotten deal past its closing date), 霧島製紙 (未着手, first visit booked) and an
 * account registered through a web form whose name carries an HTML payload (未着手) — every screen
 * must show it as text.
 */
import { call, meet, person, todo, type AccountStory } from './types';

export const SOKAI: AccountStory = {
  key: 'sokai',
  name: '蒼海ロジスティクス株式会社',
  expectedStage: 'contact',
  owner: 'ito',
  created: 400,
  profile: {
    industry: 'Transportation',
    employees: 1_700,
    revenue: 41_000_000_000,
    state: '千葉県',
    city: '千葉市',
    domain: 'sokai-logi.example.co.jp',
    type: 'Prospect',
    ownership: 'Private',
    description: '3PL・倉庫事業。セミナー経由で接点あり。',
  },
  people: [
    person('log_gm', '物流企画部', '部長', { attitude: 'neutral', influence: 3 }),
    person('log_mgr', '物流企画部', '課長', { boss: 'log_gm', attitude: 'supporter', influence: 2 }),
    person('ops_mgr', '輸送管理部', '課長', { attitude: 'neutral', influence: 2 }),
    person('it_staff', '情報システム部', '主任', { attitude: 'neutral', influence: 1 }),
  ],
  deals: [],
  activities: [
    meet(300, '物流DXセミナー ご参加', ['log_mgr', 'it_staff'], { venue: '当社セミナールーム' }),
    call(270, 'セミナー参加のお礼', 'log_mgr'),
    todo(240, 'ニュースレター送付', 'log_mgr'),
    call(180, '業界動向のご案内', 'log_gm'),
    meet(120, 'ウェビナー（配車最適化）ご参加', ['ops_mgr', 'log_mgr'], { venue: 'オンライン' }),
    todo(90, '資料送付（配車最適化ホワイトペーパー）', 'ops_mgr'),
    call(60, '情報提供のお電話', 'log_gm'),
    todo(30, 'ニュースレター送付', 'log_mgr'),
    call(-14, '訪問アポイントの打診', 'log_gm'),
  ],
  routine: { from: 290, perMonth: 0.7 },
};

export const NARUMI: AccountStory = {
  key: 'narumi',
  name: '鳴海電子株式会社',
  expectedStage: 'contact',
  owner: 'ito',
  created: 300,
  profile: {
    industry: 'Technology',
    employees: 1_200,
    revenue: 33_000_000_000,
    state: '長野県',
    city: '松本市',
    domain: 'narumi-denshi.example.co.jp',
    type: 'Prospect',
    ownership: 'Public Company',
    description: '電子部品メーカー。検査工程のデータ収集を検討。',
  },
  people: [
    person('pe_gm', '生産技術部', '部長', { role: 'influencer', attitude: 'supporter', influence: 4 }),
    person('pe_mgr', '生産技術部', '課長', {
      boss: 'pe_gm',
      role: 'evaluator',
      attitude: 'supporter',
      influence: 2,
    }),
    person('plan_staff', '経営企画部', '主任', { attitude: 'neutral', influence: 1 }),
  ],
  deals: [
    {
      key: 'inspect',
      name: '検査工程データ収集',
      stage: 'Qualification',
      amount: 2_500_000,
      type: 'New Business',
      contact: 'pe_gm',
      created: 25,
      close: -120,
      source: 'Internal Seminar',
      nextStep: '検査工程の現地見学',
    },
  ],
  activities: [
    meet(150, 'スマート工場セミナー ご参加', ['pe_mgr', 'plan_staff'], { venue: '当社セミナールーム' }),
    call(120, 'セミナーのお礼・情報提供', 'pe_mgr'),
    meet(60, '生産技術部 ご挨拶', ['pe_gm', 'pe_mgr'], { owner: 'tanaka' }),
    call(20, '検査工程の現状確認', 'pe_mgr', { deal: 'inspect' }),
    todo(8, 'ヒアリングシート送付', 'pe_mgr', { deal: 'inspect' }),
    meet(-10, '検査工程 現地見学', ['pe_gm', 'pe_mgr'], {
      deal: 'inspect',
      venue: '先方 松本工場',
      owner: 'tanaka',
    }),
  ],
  plan: {
    created: 55,
    overview: '電子部品メーカー。国内2工場。生産技術部が検査工程の自動化を担当。',
    strategy: '',
    issues: '',
    group: '',
    longTerm: '',
    shortTerm:
      '・検査工程の現地見学でデータ収集の現状を確認する\n・生産技術部長に経営企画部の方を紹介していただく',
    potential: [],
    updates: [[50, 'アカウントプランを作成（概要と短期アクションのみ）。']],
  },
  routine: { from: 140, perMonth: 0.6 },
};

export const SAKURABA: AccountStory = {
  key: 'sakuraba',
  name: '桜庭リテール株式会社',
  expectedStage: 'contact',
  owner: 'tanaka',
  created: 450,
  profile: {
    industry: 'Retail',
    employees: 3_300,
    revenue: 88_000_000_000,
    state: '北海道',
    city: '札幌市',
    domain: 'sakuraba-retail.example.co.jp',
    type: 'Prospect',
    ownership: 'Public Company',
    description: '食品スーパーを北海道・東北で約180店舗展開。',
  },
  people: [
    person('store_gm', '店舗運営本部', '部長', { attitude: 'neutral', influence: 3 }),
    person('store_mgr', '店舗運営本部', '課長', { boss: 'store_gm', attitude: 'supporter', influence: 2 }),
    person('ec_mgr', 'EC事業部', '課長', { attitude: 'neutral', influence: 2 }),
  ],
  deals: [
    {
      key: 'stock',
      name: '店舗在庫の見える化',
      stage: 'Qualification',
      amount: 7_500_000,
      type: 'New Business',
      contact: 'store_gm',
      created: 160,
      close: 20,
      nextStep: '要件の再確認',
    },
  ],
  activities: [
    meet(320, '小売DXセミナー ご参加', ['store_mgr', 'ec_mgr'], { venue: 'オンライン' }),
    call(250, '在庫管理の現状について', 'store_mgr'),
    meet(165, '店舗運営本部 ご挨拶', ['store_gm', 'store_mgr'], { venue: '先方 札幌本社' }),
    meet(140, '在庫可視化 要件ヒアリング', ['store_gm', 'store_mgr'], { deal: 'stock' }),
    todo(110, 'ヒアリング議事録送付', 'store_mgr', { deal: 'stock' }),
    todo(45, 'ニュースレター送付', 'ec_mgr'),
  ],
  routine: { from: 300, perMonth: 0.5 },
};

export const KIRISHIMA: AccountStory = {
  key: 'kirishima',
  name: '霧島製紙株式会社',
  expectedStage: null,
  // A brochure request, not a company chosen on purpose: the widget says it is not a strategic target.
  target: false,
  owner: 'ito',
  created: 20,
  profile: {
    industry: 'Manufacturing',
    employees: 1_900,
    revenue: 61_000_000_000,
    state: '静岡県',
    city: '富士市',
    domain: 'kirishima-paper.example.co.jp',
    type: 'Prospect',
    ownership: 'Public Company',
    description: 'Webサイトから資料請求。初回訪問を調整済み。',
  },
  people: [
    person('plan_gm', '経営企画部', '部長', { attitude: 'neutral', influence: 3 }),
    person('ga_staff', '総務部', '主任', { attitude: 'neutral', influence: 1 }),
  ],
  deals: [],
  activities: [
    call(12, '資料請求へのお礼', 'ga_staff'),
    meet(-9, '初回訪問（経営企画部）', ['plan_gm', 'ga_staff'], { venue: '先方 富士本社' }),
  ],
};

export const HTML_NAMED: AccountStory = {
  key: 'html_named',
  name: '<img src=x onerror=alert(1)>株式会社',
  expectedStage: null,
  owner: 'ito',
  created: 10,
  profile: {
    industry: null,
    employees: 50,
    revenue: 500_000_000,
    state: '東京都',
    city: '渋谷区',
    domain: 'web-form.example.co.jp',
    type: 'Prospect',
    ownership: 'Private',
    description:
      'Webフォームから自動登録された取引先。名前にHTMLが含まれる（どの画面でも文字として表示されること）。',
  },
  people: [person('contact', '総務部', '担当', { attitude: 'neutral', influence: 1 })],
  deals: [],
  activities: [],
};
