/**
 * Routine follow-ups that fill a rep's week between the milestones of a story: calls and e-mails with
 * the working-level contacts. They are chosen so that they never add evidence a stage gates on: no
 * meetings, no key persons or executives, and subjects that match no keyword but "other" and
 * information sharing.
 */
import type { Rng } from '../prng';
import type { ActivitySpec, PersonSpec } from '../story/types';

const CALL_SUBJECTS = [
  'フォローアップのお電話',
  '日程調整',
  '資料の受領確認',
  'ご不明点の確認',
  'Follow-up call',
];
const TASK_SUBJECTS = [
  '議事録送付',
  'お礼メール送付',
  '打合せ資料の事前送付',
  '社内共有メモ作成',
  'ニュースレター送付',
  '業界動向レポート送付',
  'Send meeting notes',
];
const OPEN_SUBJECTS = ['次回打合せの資料準備', '先方からの質問への回答', '訪問日程の再調整'];

/** Titles that make someone senior enough to count as an executive or key person: kept out. */
const SENIOR_TITLE = /社長|会長|取締役|執行役員|専務|常務|監査役|役員|本部長|C[A-Z]O/;
const KEY_ROLES = new Set(['decision_maker', 'champion', 'influencer']);

/** The contacts routine work goes to. */
export function routinePool(people: readonly PersonSpec[]): PersonSpec[] {
  return people.filter(
    (p) =>
      !p.exec && !SENIOR_TITLE.test(p.title) && !(p.role && KEY_ROLES.has(p.role)) && (p.influence ?? 0) < 4,
  );
}

/**
 * About `perMonth` routine activities per month over the `from` days before asOf, plus one or two
 * open tasks due in the next two weeks.
 */
export function routineActivities(
  rng: Rng,
  people: readonly PersonSpec[],
  routine: { from: number; perMonth: number },
): ActivitySpec[] {
  const pool = routinePool(people);
  if (pool.length === 0) return [];
  const count = Math.round((routine.perMonth * routine.from) / 30);
  const out: ActivitySpec[] = [];
  for (let i = 0; i < count; i++) {
    const day = rng.int(2, routine.from);
    const who = rng.pick(pool).key;
    out.push(
      rng.chance(0.45)
        ? {
            module: 'Calls',
            day,
            subject: rng.pick(CALL_SUBJECTS),
            contacts: [who],
            callPurpose: 'Administrative',
          }
        : { module: 'Tasks', day, subject: rng.pick(TASK_SUBJECTS), contacts: [who] },
    );
  }
  const open = rng.int(1, 2);
  for (let i = 0; i < open; i++) {
    out.push({
      module: 'Tasks',
      day: -rng.int(1, 14),
      subject: rng.pick(OPEN_SUBJECTS),
      contacts: [rng.pick(pool).key],
      status: rng.chance(0.5) ? 'Not Started' : 'In Progress',
    });
  }
  return out.sort((a, b) => b.day - a.day);
}
