/**
 * Test builders for Zoho-shaped records (DESIGN §3), so engine tests read as plain data:
 * `task({ id: 't1', account: 'a1', subject: '提案書説明', closed: '2026-11-20T10:00:00+09:00' })`.
 * Used only by tests.
 */
import type { ZohoFields, ZohoRecord } from '../crm-read/records';

type Rec = ZohoFields;

export const ACCOUNT = 'a1';

export function account(
  o: { id?: string; name?: string; parent?: string; csat?: number; owner?: string } & Rec = {},
): ZohoRecord {
  const { id = ACCOUNT, name = 'テスト商事', parent, csat, owner = 'u1', ...rest } = o;
  return {
    id,
    Account_Name: name,
    Owner: { id: owner, name: `User ${owner}` },
    ...(parent ? { Parent_Account: { id: parent, name: parent } } : {}),
    ...(csat !== undefined ? { Customer_Satisfaction: csat } : {}),
    Modified_Time: '2026-01-01T00:00:00+09:00',
    ...rest,
  };
}

export function contact(
  o: {
    id: string;
    account?: string;
    dept?: string;
    title?: string;
    role?: string;
    influence?: number;
    exec?: boolean;
    boss?: string;
  } & Rec,
): ZohoRecord {
  const { id, account: acc = ACCOUNT, dept, title, role, influence, exec, boss, ...rest } = o;
  return {
    id,
    Full_Name: `Contact ${id}`,
    Account_Name: { id: acc, name: acc },
    ...(dept !== undefined ? { Department: dept } : {}),
    ...(title !== undefined ? { Title: title } : {}),
    ...(role !== undefined ? { Buying_Role: role } : {}),
    ...(influence !== undefined ? { Influence_Level: influence } : {}),
    ...(exec !== undefined ? { Is_Executive: exec } : {}),
    ...(boss !== undefined ? { Reporting_To: { id: boss, name: boss } } : {}),
    ...rest,
  };
}

export function deal(
  o: {
    id: string;
    account?: string;
    stage?: string;
    amount?: number;
    closing?: string;
    created?: string;
    type?: string;
    contact?: string;
  } & Rec,
): ZohoRecord {
  const {
    id,
    account: acc = ACCOUNT,
    stage = 'Qualification',
    amount,
    closing,
    created = '2026-01-01T00:00:00+09:00',
    type,
    contact: who,
    ...rest
  } = o;
  return {
    id,
    Deal_Name: `Deal ${id}`,
    Account_Name: { id: acc, name: acc },
    Stage: stage,
    ...(amount !== undefined ? { Amount: amount } : {}),
    ...(closing !== undefined ? { Closing_Date: closing } : {}),
    Created_Time: created,
    ...(type !== undefined ? { Type: type } : {}),
    ...(who !== undefined ? { Contact_Name: { id: who, name: who } } : {}),
    ...rest,
  };
}

interface ActivityOpts {
  id: string;
  account?: string;
  deal?: string;
  subject?: string;
  who?: string;
  kind?: string;
  purpose?: string;
}

function link(o: ActivityOpts): Rec {
  if (o.deal) return { What_Id: { id: o.deal, name: o.deal }, $se_module: 'Deals' };
  return { What_Id: { id: o.account ?? ACCOUNT, name: 'acc' }, $se_module: 'Accounts' };
}

function common(o: ActivityOpts): ZohoRecord {
  return {
    id: o.id,
    ...link(o),
    ...(o.who ? { Who_Id: { id: o.who, name: o.who } } : {}),
    ...(o.kind ? { Activity_Kind: o.kind } : {}),
    ...(o.purpose ? { Activity_Purpose: o.purpose } : {}),
  };
}

export function task(o: ActivityOpts & { closed?: string; due?: string; status?: string } & Rec): ZohoRecord {
  const { closed, due, status = 'Completed', subject = 'フォロー', ...rest } = o;
  return {
    ...common(o),
    Subject: subject,
    Status: status,
    ...(closed !== undefined ? { Closed_Time: closed } : {}),
    ...(due !== undefined ? { Due_Date: due } : {}),
    ...strip(rest),
  };
}

export function event(o: ActivityOpts & { start: string; participants?: string[] } & Rec): ZohoRecord {
  const { start, participants = [], subject = '打合せ', ...rest } = o;
  return {
    ...common(o),
    Event_Title: subject,
    Start_DateTime: start,
    End_DateTime: start,
    Participants: participants.map((p) => ({
      type: 'contact',
      participant: p,
      name: p,
      invited: true,
      status: 'not_known',
    })),
    ...strip(rest),
  };
}

export function call(
  o: ActivityOpts & { start: string; type?: string; callPurpose?: string } & Rec,
): ZohoRecord {
  const { start, type = 'Outbound', callPurpose, subject = '電話', ...rest } = o;
  return {
    ...common(o),
    Subject: subject,
    Call_Type: type,
    Call_Start_Time: start,
    ...(callPurpose ? { Call_Purpose: callPurpose } : {}),
    ...strip(rest),
  };
}

export function plan(
  o: {
    id?: string;
    account?: string;
    updates?: string[];
    potential?: [number, number][];
    modified?: string;
  } & Rec = {},
): ZohoRecord {
  const {
    id = 'p1',
    account: acc = ACCOUNT,
    updates = [],
    potential = [],
    modified = '2026-01-01T00:00:00+09:00',
    ...rest
  } = o;
  return {
    id,
    Name: `Plan ${id}`,
    Account: { id: acc, name: acc },
    Potential_Map: potential.map(([p, c], i) => ({
      id: `${id}-pm${i}`,
      Segment: `S${i}`,
      Offering: `O${i}`,
      Potential_Amount: p,
      Current_Amount: c,
    })),
    Plan_Updates: updates.map((d, i) => ({ id: `${id}-u${i}`, Updated_On: d, Summary: `update ${i}` })),
    Modified_Time: modified,
    ...rest,
  };
}

/** A dataset with the given records (Accounts defaults to the one test account). */
export function dataset(
  parts: Partial<
    Record<'Accounts' | 'Contacts' | 'Deals' | 'Tasks' | 'Events' | 'Calls' | 'Account_Plans', Rec[]>
  >,
): Rec {
  return { Accounts: [account()], ...parts };
}

function strip(rest: Rec): Rec {
  const { id: _i, account: _a, deal: _d, who: _w, kind: _k, purpose: _p, ...out } = rest;
  return out;
}
