/**
 * 北斗ホールディングス's group companies (Parent_Account): 北斗物流 (課題共有, introduced by the holding
 * company), 北斗システムズ (接点構築) and 北斗エナジー (未着手).
 */
import { call, meet, person, todo, type AccountStory } from './types';

export const HOKUTO_LOGI: AccountStory = {
  key: 'hokuto_logi',
  name: '北斗物流株式会社',
  expectedStage: 'shared_issues',
  parent: 'hokuto_hd',
  owner: 'sato',
  created: 900,
  profile: {
    industry: 'Transportation',
    employees: 9_200,
    revenue: 310_000_000_000,
    state: '神奈川県',
    city: '横浜市',
    domain: 'hokuto-logi.example.co.jp',
    type: 'Prospect',
    ownership: 'Subsidiary',
    description: '北斗グループの物流事業会社。全国42拠点の配車センターを運営。',
  },
  people: [
    person('pres', '役員', '代表取締役社長', { attitude: 'neutral', influence: 5 }),
    person('lp_gm', '物流企画部', '部長', {
      boss: 'pres',
      role: 'champion',
      attitude: 'advocate',
      influence: 4,
      note: '北斗HD経営企画部長の元部下。需要予測の必要性を強く感じている。',
    }),
    person('lp_mgr', '物流企画部', '課長', {
      boss: 'lp_gm',
      role: 'evaluator',
      attitude: 'supporter',
      influence: 3,
    }),
    person('ops_mgr', '配車センター', 'センター長', {
      boss: 'lp_gm',
      role: 'user',
      attitude: 'neutral',
      influence: 2,
    }),
  ],
  deals: [
    {
      key: 'forecast',
      name: '需要予測・配車最適化',
      stage: 'Needs Analysis',
      amount: 20_000_000,
      type: 'New Business',
      contact: 'lp_gm',
      created: 30,
      close: -150,
      source: 'External Referral',
      nextStep: '現状データの受領と評価基準のすり合わせ',
    },
  ],
  activities: [
    meet(84, '初回面談（北斗HD経営企画部の仲介）', ['lp_gm', 'lp_mgr']),
    call(70, '配車計画のご相談', 'lp_mgr', { inbound: true }),
    meet(55, '物流課題ワークショップ', ['lp_gm', 'lp_mgr', 'ops_mgr'], { minutes: 180 }),
    meet(28, '需要予測 要件ヒアリング', ['lp_gm', 'lp_mgr'], { deal: 'forecast' }),
    todo(15, '現状データのご提供依頼', 'lp_mgr', { deal: 'forecast' }),
    meet(-5, '配車センター 現場見学', ['ops_mgr', 'lp_mgr'], {
      deal: 'forecast',
      venue: '先方 川崎配車センター',
    }),
  ],
  plan: {
    created: 60,
    overview: '北斗グループの物流事業会社。BtoB輸配送と3PLが主力で、全国42拠点の配車センターを持つ。',
    strategy: '親会社の「北斗 Vision 2030」を受け、配車の標準化とデータ活用で輸送コストを下げる方針。',
    issues: '・繁忙期の需要予測が配車担当者の経験頼み\n・拠点ごとに配車ルールが異なり、車両稼働率が低い',
    group: '北斗ホールディングスの100%子会社。情報システムは北斗システムズが運用。',
    longTerm: '・需要予測と配車最適化を全拠点に展開する',
    shortTerm: '・川崎配車センターで現状データを受領し、評価基準を合意する',
    potential: [
      ['配車センター（全国42拠点）', '配車最適化', 35_000_000, 0],
      ['物流企画部', '需要予測', 25_000_000, 0],
    ],
    updates: [
      [58, '北斗HDからのご紹介を受けてプランを作成。'],
      [20, 'ワークショップの結果から課題仮説を更新。'],
    ],
  },
  routine: { from: 80, perMonth: 1 },
};

export const HOKUTO_SYS: AccountStory = {
  key: 'hokuto_sys',
  name: '北斗システムズ株式会社',
  expectedStage: 'contact',
  parent: 'hokuto_hd',
  owner: 'sato',
  created: 900,
  profile: {
    industry: 'Technology',
    employees: 1_400,
    revenue: 42_000_000_000,
    state: '東京都',
    city: '品川区',
    domain: 'hokuto-sys.example.co.jp',
    type: 'Prospect',
    ownership: 'Subsidiary',
    description: '北斗グループのIT開発・運用会社。',
  },
  people: [
    person('dev_gm', '開発部', '部長', { attitude: 'neutral', influence: 3 }),
    person('dev_mgr', '開発部', '課長', { boss: 'dev_gm', attitude: 'supporter', influence: 2 }),
    person('infra_staff', '基盤技術部', '主任', { attitude: 'neutral', influence: 1 }),
  ],
  deals: [],
  activities: [
    meet(150, '技術交流会（北斗グループ）', ['dev_gm', 'dev_mgr', 'infra_staff'], { minutes: 120 }),
    todo(90, '技術資料送付', 'dev_mgr'),
    call(40, 'フォローアップ', 'dev_gm'),
  ],
  routine: { from: 140, perMonth: 0.5 },
};

export const HOKUTO_ENERGY: AccountStory = {
  key: 'hokuto_energy',
  name: '北斗エナジー株式会社',
  expectedStage: null,
  parent: 'hokuto_hd',
  owner: 'sato',
  created: 900,
  profile: {
    industry: 'Energy',
    employees: 2_100,
    revenue: 95_000_000_000,
    state: '宮城県',
    city: '仙台市',
    domain: 'hokuto-energy.example.co.jp',
    type: 'Prospect',
    ownership: 'Subsidiary',
    description: '北斗グループのエネルギー事業会社（発電・設備保守）。',
  },
  people: [person('plant_gm', '設備管理部', '部長', { attitude: 'neutral', influence: 3 })],
  deals: [],
  activities: [],
};
