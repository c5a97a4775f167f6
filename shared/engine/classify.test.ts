import type { Activity, ZohoId } from '../model/types';
import { CONFIG } from '../testing/engine-harness';
import { classifyActivity, isUnclassified } from './classify';
import { compileConfig } from './compiled';

const cc = compileConfig(CONFIG);

function activity(o: Partial<Activity>): Activity {
  return {
    id: 'x' as ZohoId,
    module: 'Tasks',
    subject: '',
    kindField: null,
    purposeField: null,
    at: null,
    completed: true,
    inbound: false,
    what: { module: 'Accounts', id: 'a1' as ZohoId },
    contactIds: [],
    ...o,
  };
}

describe('activity kind from the subject (Japanese and English keywords)', () => {
  it.each([
    ['提案書説明', 'proposal', 'deal'],
    ['お見積書の提出', 'quote', 'deal'],
    ['提案・見積のご説明', 'quote', 'deal'], // config order: quote comes before proposal
    ['Proposal walkthrough', 'proposal', 'deal'],
    ['Send QUOTATION v2', 'quote', 'deal'],
    ['ＰｏＣ 進捗確認', 'poc', 'deal'], // full-width letters
    ['製品デモ', 'demo', 'deal'],
    ['契約書ドラフト送付', 'contract_draft', 'deal'],
    ['価格交渉', 'negotiation', 'deal'],
    ['役員面談（CIO）', 'exec_meeting', 'relationship'],
    ['生成AI勉強会', 'study_session', 'relationship'],
    ['Customer workshop', 'study_session', 'relationship'],
    ['DXセミナーご招待', 'seminar', 'relationship'],
    ['基幹システム更改のご相談', 'consultation', 'relationship'],
    ['満足度レビュー', 'satisfaction_review', 'relationship'],
    ['QBR', 'satisfaction_review', 'relationship'],
    ['物流部門のご紹介', 'referral', 'relationship'],
    ['共同事例の取材', 'case_study', 'relationship'],
    ['業界動向の情報提供', 'info_sharing', 'relationship'],
    ['ゴルフ', 'social', 'relationship'],
    ['お礼メール送付', 'admin', null],
    ['訪問日程の再調整', 'admin', null],
    ['提案日程の調整', 'admin', null], // scheduling a proposal is not a proposal: admin comes first
    ['Follow-up call Administrative', 'admin', null], // Call_Purpose appended by the normaliser
    ['Send meeting notes', 'admin', null],
    ['社内共有メモ作成', 'internal', null],
    ['Internal review of the proposal', 'internal', null],
    ['先方からの質問への回答', 'consultation', 'relationship'],
    // Hearings (issue 11): the customer's issues deepen the relationship (課題共有); a deal's
    // requirements advance that deal.
    ['現場課題ヒアリング', 'issue_hearing', 'relationship'],
    ['課題共有ミーティング（生産本部長）', 'issue_hearing', 'relationship'],
    ['実験データ管理 ヒアリング', 'issue_hearing', 'relationship'],
    ['検査工程 現地見学', 'issue_hearing', 'relationship'],
    ['Discovery call with the plant manager', 'issue_hearing', 'relationship'],
    ['Issue hearing (design office)', 'issue_hearing', 'relationship'],
    ['需要予測AI 要件ヒアリング', 'requirements', 'deal'],
    ['設計データ統合 要件定義', 'requirements', 'deal'],
    ['Requirements hearing: data platform', 'requirements', 'deal'],
    ['ヒアリング日程の調整', 'admin', null], // scheduling a hearing is scheduling
    // Greetings and first visits open a contact (接点構築).
    ['営業本部 ご挨拶', 'greeting', 'relationship'],
    ['初回訪問（経営企画部）', 'greeting', 'relationship'],
    ['初回面談（北斗HD経営企画部の仲介）', 'greeting', 'relationship'],
    ['Courtesy visit to the IT department', 'greeting', 'relationship'],
    ['Introductory meeting', 'greeting', 'relationship'],
    ['役員へのご挨拶', 'exec_meeting', 'relationship'], // the executive is what counts
    ['ご挨拶のお礼メール', 'admin', null], // a thank-you for the greeting is a thank-you
    ['定例打合せ', 'other', null],
    ['', 'other', null],
  ])('%j → %s (%s)', (subject, kind, purpose) => {
    expect(classifyActivity(activity({ subject }), cc)).toMatchObject({ kind, purpose });
  });
});

describe('explicit fields beat keywords', () => {
  it('Activity_Kind wins over the subject', () => {
    expect(classifyActivity(activity({ subject: '見積提出', kindField: 'exec_meeting' }), cc)).toEqual({
      kind: 'exec_meeting',
      purpose: 'relationship',
      source: 'field',
    });
  });
  it('Activity_Purpose wins over the kind', () => {
    expect(classifyActivity(activity({ subject: '勉強会', purposeField: 'deal' }), cc)).toMatchObject({
      kind: 'study_session',
      purpose: 'deal',
      source: 'keyword',
    });
  });
  it('"other" counts on neither side, linked to a deal or not; unless Activity_Purpose says', () => {
    const onDeal = activity({ subject: '打合せ', what: { module: 'Deals', id: 'd' as ZohoId } });
    expect(classifyActivity(onDeal, cc).purpose).toBeNull();
    expect(isUnclassified(classifyActivity(onDeal, cc))).toBe(true);
    expect(classifyActivity(activity({ subject: '打合せ' }), cc).purpose).toBeNull();
    const said = classifyActivity(activity({ subject: '打合せ', purposeField: 'deal' }), cc);
    expect(said.purpose).toBe('deal');
    expect(isUnclassified(said)).toBe(false);
  });
  it('a kind set by the rep (Activity_Kind) is classified, even admin', () => {
    const c = classifyActivity(activity({ subject: '打合せ', kindField: 'admin' }), cc);
    expect(c).toEqual({ kind: 'admin', purpose: null, source: 'field' });
    expect(isUnclassified(c)).toBe(false);
  });
  it('a call purpose counts as subject text (the normaliser appends Call_Purpose)', () => {
    expect(classifyActivity(activity({ module: 'Calls', subject: '電話 Demo' }), cc).kind).toBe('demo');
  });
});
