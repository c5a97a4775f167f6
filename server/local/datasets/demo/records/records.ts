/**
 * Accounts, contacts, deals and account plans as Zoho's GET records API returns them.
 * The service-owned fields (Relationship_Stage, KPI_…) are not set here: see stage-history.ts.
 */
import type { ZohoRecord } from '../../../../../shared/crm-read/records';
import type { UserRef } from '../users';
import { fullName, type CastAccount, type CastContact, type CastDeal } from './resolve';
import { lookup, systemFields, type BuildContext } from './context';

/** Zoho's default probability for each Deals.Stage (and the org's added "Verbal Commit"). */
const STAGE_PROBABILITY: Record<string, number> = {
  Qualification: 10,
  'Needs Analysis': 20,
  'Value Proposition': 40,
  'Identify Decision Makers': 60,
  'Perception Analysis': 70,
  'Proposal/Price Quote': 75,
  'Verbal Commit': 80,
  'Negotiation/Review': 90,
  'Closed Won': 100,
  'Closed Lost': 0,
  'Closed-Lost to Competition': 0,
};

/** The readings (furigana) of the demo companies, for the manager's search (Account_Reading). */
const READINGS: Record<string, string> = {
  朝霧フーズ株式会社: 'アサギリフーズ',
  銀嶺建設株式会社: 'ギンレイケンセツ',
  蒼海ロジスティクス株式会社: 'ソウカイロジスティクス',
  鳴海電子株式会社: 'ナルミデンシ',
  桜庭リテール株式会社: 'サクラバリテール',
  霧島製紙株式会社: 'キリシマセイシ',
  北斗ホールディングス株式会社: 'ホクトホールディングス',
  北斗物流株式会社: 'ホクトブツリュウ',
  北斗システムズ株式会社: 'ホクトシステムズ',
  北斗エナジー株式会社: 'ホクトエナジー',
  千早ソフトウェア株式会社: 'チハヤソフトウェア',
  暁光メディカル株式会社: 'ギョウコウメディカル',
  白鷺重工業株式会社: 'シラサギジュウコウギョウ',
  東邦精機工業株式会社: 'トウホウセイキコウギョウ',
  東邦精機販売株式会社: 'トウホウセイキハンバイ',
  翠嶺化学工業株式会社: 'スイレイカガクコウギョウ',
  玄武運輸株式会社: 'ゲンブウンユ',
};

export function accountRecord(
  ctx: BuildContext,
  a: CastAccount,
  parent: CastAccount | undefined,
  lastActivityDay: number | null,
): ZohoRecord {
  const { story } = a;
  const p = story.profile;
  const owner = ctx.users.ref(story.owner);
  const created = ctx.clock.at(a.created, 10);
  return {
    id: a.id,
    Account_Name: story.name,
    Account_Reading: READINGS[story.name] ?? null,
    Parent_Account: parent ? lookup(parent.id, parent.story.name) : null,
    Industry: p.industry,
    Annual_Revenue: p.revenue,
    Employees: p.employees,
    Account_Type: p.type,
    Ownership: p.ownership,
    Phone: phone(a.id, '0'),
    Website: `https://www.${p.domain}`,
    Billing_State: p.state,
    Billing_City: p.city,
    Billing_Country: '日本',
    Description: p.description,
    Customer_Satisfaction: story.csat ?? null,
    Is_Target_Account: story.target ?? true,
    ...(lastActivityDay !== null
      ? { Last_Activity_Time: ctx.clock.iso(ctx.clock.at(lastActivityDay, 18)) }
      : {}),
    ...systemFields(ctx, { owner, created, modified: created }),
  };
}

/** Story keys of the account's people → their contact ids, one per line (null when none). */
function idsOf(a: CastAccount, keys: string[] | undefined): string | null {
  if (!keys || keys.length === 0) return null;
  return keys
    .map((k) => {
      const c = a.contacts.get(k);
      if (!c) throw new Error(`demo story ${a.story.key}: no person "${k}"`);
      return c.id;
    })
    .join('\n');
}

export function contactRecord(ctx: BuildContext, a: CastAccount, c: CastContact): ZohoRecord {
  const s = c.spec;
  const owner = ctx.users.ref(a.story.owner);
  const boss = s.boss ? a.contacts.get(s.boss) : undefined;
  const created = ctx.clock.at(c.created, 11);
  return {
    id: c.id,
    First_Name: c.name.first,
    Last_Name: c.name.last,
    Full_Name: fullName(c),
    Account_Name: lookup(a.id, a.story.name),
    Department: s.dept,
    Title: s.title,
    Email: `${c.name.handle}@${a.story.profile.domain}`,
    Phone: phone(c.id, '1'),
    Reporting_To: boss ? lookup(boss.id, fullName(boss)) : null,
    Buying_Role: s.role ?? null,
    Attitude: s.attitude ?? null,
    Influence_Level: s.influence ?? null,
    Is_Executive: s.exec ?? false,
    Influences: idsOf(a, s.influences),
    ...(s.note ? { Description: s.note } : {}),
    ...systemFields(ctx, { owner, created, modified: ctx.clock.at(Math.max(1, c.created - 20), 12) }),
  };
}

export function dealRecord(
  ctx: BuildContext,
  a: CastAccount,
  d: CastDeal,
  activityDays: number[],
): ZohoRecord {
  const s = d.spec;
  const owner = ctx.users.ref(a.story.owner);
  const contact = a.contacts.get(s.contact) as CastContact;
  const probability = STAGE_PROBABILITY[s.stage] ?? 50;
  const closed = s.stage.startsWith('Closed');
  const lastActivity = activityDays.filter((day) => day >= 1).sort((x, y) => x - y)[0];
  const modifiedDay = closed ? Math.max(1, s.close) : (lastActivity ?? s.created);
  return {
    id: d.id,
    Deal_Name: s.name,
    Account_Name: lookup(a.id, a.story.name),
    Contact_Name: lookup(contact.id, fullName(contact)),
    Stage: s.stage,
    Amount: s.amount,
    Probability: probability,
    Expected_Revenue: Math.round((s.amount * probability) / 100),
    Closing_Date: ctx.clock.date(s.close),
    Type: s.type,
    Buying_Committee: idsOf(a, s.committee),
    ...(s.source ? { Lead_Source: s.source } : {}),
    ...(s.nextStep && !closed ? { Next_Step: s.nextStep } : {}),
    ...(lastActivity !== undefined
      ? { Last_Activity_Time: ctx.clock.iso(ctx.clock.at(lastActivity, 18)) }
      : {}),
    ...systemFields(ctx, {
      owner,
      created: ctx.clock.at(s.created, 10),
      modified: ctx.clock.at(modifiedDay, 18, 30),
    }),
  };
}

/** The account plan (custom module Account_Plans) with its two subforms, or null without one. */
export function planRecord(ctx: BuildContext, a: CastAccount): ZohoRecord | null {
  const plan = a.story.plan;
  if (!plan) return null;
  const owner: UserRef = ctx.users.ref(a.story.owner);
  const id = ctx.ids.next('Account_Plans');
  const name = `${a.story.name} アカウントプラン`;
  const parent = lookup(id, name);
  const latestUpdate = Math.min(...plan.updates.map(([day]) => day), plan.created);
  return {
    id,
    Name: name,
    Account: lookup(a.id, a.story.name),
    Company_Overview: plan.overview,
    Strategy_Hypothesis: plan.strategy,
    Issue_Hypothesis: plan.issues,
    Group_Structure: plan.group,
    Long_Term_Actions: plan.longTerm,
    Short_Term_Actions: plan.shortTerm,
    Deployment_Plan: plan.deployment ?? null,
    Potential_Map: plan.potential.map(([segment, offering, potential, current]) => ({
      id: ctx.ids.next('subformRows'),
      Parent_Id: parent,
      Segment: segment,
      Offering: offering,
      Potential_Amount: potential,
      Current_Amount: current,
    })),
    Plan_Updates: [...plan.updates]
      .sort(([x], [y]) => y - x)
      .map(([day, summary]) => ({
        id: ctx.ids.next('subformRows'),
        Parent_Id: parent,
        Updated_On: ctx.clock.date(day),
        Summary: summary,
      })),
    ...systemFields(ctx, {
      owner,
      created: ctx.clock.at(plan.created, 10),
      modified: ctx.clock.at(latestUpdate, 18),
    }),
  };
}

/**
 * A stable phone number derived from the record id. Subscriber numbers never start with 0 in
 * Japan, so `03-0…` cannot ring anyone.
 */
function phone(id: string, kind: string): string {
  const tail = id.slice(-6);
  return `03-0${kind}${tail.slice(0, 2)}-${tail.slice(2)}`;
}
