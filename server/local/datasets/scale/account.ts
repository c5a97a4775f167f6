/**
 * One generated account with its people, deals and plan: a Japanese enterprise (some are group
 * companies of an earlier one through Parent_Account), ≈5 contacts across departments with titles,
 * reporting lines and buyer-map fields on some, ≈3 deals over all of Zoho's default stages, and ≈1
 * account plan with potential-map and plan-update rows. Activities come from `activities.ts`.
 */
import type { RecordData } from '../../emulator/store/record-store';
import type { UserRef } from '../../emulator/store/users';
import { companyName } from './company';
import { generateActivities, type ContactInfo, type DealInfo } from './activities';
import { DAY_MS, type Emit, type GenContext } from './context';

function contacts(
  ctx: GenContext,
  accountRef: { id: string; name: string },
  index: number,
  owner: UserRef,
  emit: Emit,
  createdMs: number,
): ContactInfo[] {
  const { rng, vocab } = ctx;
  const w = vocab.words;
  const f = vocab.fields.contact;
  const count = rng.around(5, 3, 2, 9);
  const people = Array.from({ length: count }, (_, i) => {
    const [title, rank] =
      i === 0
        ? rng.pick(w.titles.filter(([, r]) => r <= 4))
        : rng.weighted(w.titles.map((t) => [t, t[2]] as const));
    const department = rank <= 2 ? rng.pick(w.topDepartments) : rng.pick(w.departments);
    return {
      id: ctx.nextId(),
      family: rng.pick(w.familyNames),
      given: rng.pick(w.givenNames),
      title,
      rank,
      department,
    };
  });
  const top = [...people].sort((a, b) => a.rank - b.rank)[0] as (typeof people)[number];
  return people.map((p, i) => {
    const boss =
      people
        .filter((q) => q.rank < p.rank && q.department === p.department)
        .sort((a, b) => b.rank - a.rank)[0] ?? (p === top ? undefined : top);
    const fullName = `${p.family} ${p.given}`;
    const record: RecordData = {
      id: p.id,
      First_Name: p.given,
      Last_Name: p.family,
      Full_Name: fullName,
      Account_Name: accountRef,
      Department: p.department,
      Title: p.title,
      Email: `${rng.pick(w.romaji)}.${i + 1}@c${index + 1}.example.co.jp`,
      Phone: `0${rng.int(3, 9)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`,
      Lead_Source: rng.pick([
        'Trade Show',
        'Internal Seminar',
        'Employee Referral',
        'External Referral',
        'Web Research',
        'Cold Call',
      ]),
      ...ctx.stamps(createdMs + rng.int(0, 200) * DAY_MS, createdMs + rng.int(200, 900) * DAY_MS, owner),
    };
    if (boss) record.Reporting_To = { id: boss.id, name: `${boss.family} ${boss.given}` };
    if (rng.chance(0.55)) {
      const [top, middle, staff] = vocab.buyers.rolesByRank;
      record[f.buyingRole] = rng.weighted(p.rank <= 2 ? top : p.rank <= 4 ? middle : staff);
      record[f.attitude] = rng.weighted(vocab.buyers.attitudes);
      record[f.influence] = Math.max(1, Math.min(5, 6 - Math.ceil(p.rank / 1.5) + rng.int(-1, 1)));
    }
    if (p.rank <= w.executiveRankMax && rng.chance(0.6)) record[f.isExecutive] = true;
    emit(vocab.modules.contacts, record);
    return { id: p.id, name: fullName, rank: p.rank, email: String(record.Email) };
  });
}

function deals(
  ctx: GenContext,
  accountRef: { id: string; name: string },
  people: ContactInfo[],
  owner: UserRef,
  emit: Emit,
): DealInfo[] {
  const { rng, asOfMs, windowStartMs, vocab } = ctx;
  const stageWeights = vocab.dealStages.map((s) => [s.name, s.weight] as const);
  const count = rng.around(3, 2, 0, 6);
  return Array.from({ length: count }, () => {
    const stage = rng.weighted(stageWeights);
    const closed = stage.startsWith('Closed');
    const closingMs = closed ? ctx.between(windowStartMs, asOfMs) : asOfMs + rng.int(0, 180) * DAY_MS;
    const createdMs = Math.min(closingMs - rng.int(30, 300) * DAY_MS, asOfMs - rng.int(1, 30) * DAY_MS);
    const amount =
      Math.round(Math.exp(Math.log(1e6) + rng.next() * (Math.log(2e8) - Math.log(1e6))) / 10_000) * 10_000;
    const probability = vocab.dealStages.find((s) => s.name === stage)?.probability ?? 0;
    const contact = rng.pick(people);
    const record: RecordData = {
      id: ctx.nextId(),
      Deal_Name: `${rng.pick(vocab.words.topics)} ${rng.pick(['導入', '刷新', '更新', '拡張', '追加導入'])}`,
      Account_Name: accountRef,
      Contact_Name: { id: contact.id, name: contact.name },
      Stage: stage,
      Amount: amount,
      Probability: probability,
      Expected_Revenue: Math.round((amount * probability) / 100),
      Closing_Date: ctx.date(closingMs),
      Type: rng.chance(0.4) ? 'Existing Business' : 'New Business',
      Lead_Source: rng.pick([
        'Internal Seminar',
        'Partner',
        'Employee Referral',
        'Web Download',
        'Trade Show',
      ]),
      ...ctx.stamps(createdMs, closed ? closingMs : ctx.between(createdMs, asOfMs), owner),
    };
    emit(vocab.modules.deals, record);
    return { id: String(record.id), name: String(record.Deal_Name), open: !closed };
  });
}

function accountPlan(
  ctx: GenContext,
  accountRef: { id: string; name: string },
  owner: UserRef,
  grouped: boolean,
  emit: Emit,
): void {
  const { rng, vocab, asOfMs, windowStartMs } = ctx;
  const { topics, departments, offerings } = vocab.words;
  const p = vocab.fields.plan;
  const createdMs = ctx.between(windowStartMs, asOfMs - 30 * DAY_MS);
  const updates = Array.from({ length: rng.int(0, 6) }, () => ctx.between(createdMs, asOfMs)).sort(
    (a, b) => a - b,
  );
  const record: RecordData = {
    id: ctx.nextId(),
    Name: `${accountRef.name} アカウントプラン`,
    [p.account]: accountRef,
    [p.potentialMap]: Array.from({ length: rng.int(2, 5) }, () => {
      const potential = rng.int(10, 500) * 1_000_000;
      return {
        [p.segment]: rng.pick(departments),
        [p.offering]: rng.pick(offerings),
        [p.potentialAmount]: potential,
        [p.currentAmount]: rng.chance(0.4) ? Math.round((potential * rng.int(0, 60)) / 100) : 0,
      };
    }),
    [p.updates]: updates.map((ms) => ({
      [p.updatedOn]: ctx.date(ms),
      [p.summary]: rng.pick([
        'キーパーソン面談の結果を反映',
        'ポテンシャルマップを更新',
        '戦略仮説を見直し',
        '短期アクションを追加',
        '課題仮説を顧客と確認',
      ]),
    })),
    ...ctx.stamps(createdMs, updates.length > 0 ? (updates[updates.length - 1] as number) : createdMs, owner),
  };
  const text = (key: string, chance: number, value: string) => {
    if (rng.chance(chance)) record[key] = value;
  };
  text(
    p.overview,
    0.8,
    `${accountRef.name}は${rng.pick(['国内大手', '業界中堅', '地域有力'])}の企業。${rng.pick(topics)}に注力している。`,
  );
  text(p.strategy, 0.6, `中期経営計画で${rng.pick(topics)}を重点施策に掲げている。`);
  text(
    p.issues,
    0.5,
    `${rng.pick(departments)}で${rng.pick(['属人化', 'データ分断', '人手不足', 'コスト増'])}が課題と推測。`,
  );
  text(p.group, grouped ? 0.9 : 0.2, 'グループ各社との取引状況を整理中。');
  text(p.longTermActions, 0.5, `${rng.pick(offerings)}を全社展開する。`);
  text(
    p.shortTermActions,
    0.5,
    `${rng.pick(['勉強会の開催', 'キーパーソンとの面談', 'PoC の提案'])}を進める。`,
  );
  emit(vocab.modules.accountPlans, record);
}

export function generateAccount(ctx: GenContext, index: number, emit: Emit): void {
  const { rng, asOfMs } = ctx;
  const parent =
    ctx.accounts.length > 20 && rng.chance(0.15)
      ? rng.pick(ctx.accounts.slice(Math.max(0, ctx.accounts.length - 2000)))
      : undefined;
  const company = companyName(ctx, parent);
  const owner = ctx.user();
  const id = ctx.nextId();
  const createdMs = asOfMs - rng.int(180, 1100) * DAY_MS;
  const { vocab } = ctx;
  const [state, city] = rng.pick(vocab.words.cities);
  const account: RecordData = {
    id,
    Account_Name: company.name,
    Industry: company.industry,
    Account_Type: rng.chance(0.7) ? 'Customer' : 'Prospect',
    Annual_Revenue: rng.int(5, 5000) * 100_000_000,
    Employees: rng.int(50, 30000),
    Phone: `0${rng.int(3, 9)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`,
    Website: `https://www.c${index + 1}.example.co.jp`,
    Billing_State: state,
    Billing_City: city,
    Billing_Country: '日本',
    ...ctx.stamps(createdMs, ctx.between(asOfMs - 120 * DAY_MS, asOfMs), owner),
  };
  if (parent) account.Parent_Account = { id: parent.id, name: parent.name };
  // Four in five accounts are strategic targets (from the index, so the random sequence is unchanged).
  account[vocab.fields.account.isTargetAccount] = index % 5 !== 4;
  if (rng.chance(0.4))
    account[vocab.fields.account.customerSatisfaction] = rng.weighted([
      [5, 2],
      [4, 4],
      [3, 3],
      [2, 1],
      [1, 0.5],
    ] as const);
  emit(vocab.modules.accounts, account);
  if (!parent) ctx.accounts.push({ id, name: company.name, core: company.core, trade: company.trade });

  const ref = { id, name: company.name };
  const people = contacts(ctx, ref, index, owner, emit, createdMs);
  const dealList = deals(ctx, ref, people, owner, emit);
  if (rng.chance(0.9)) accountPlan(ctx, ref, owner, parent !== undefined, emit);
  generateActivities(ctx, ref, people, dealList, owner, emit);
}
