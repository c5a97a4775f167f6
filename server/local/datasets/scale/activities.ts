/**
 * ≈30 activities per account over the 18 months before `asOf` (a few in the future): Tasks (completed
 * and open), Events with contact Participants, inbound and outbound Calls. Subjects carry the config's
 * activity-kind keywords; some activities set Activity_Kind (and a few Activity_Purpose) explicitly.
 * Linked to the account or one of its deals through What_Id/$se_module, and to a contact through Who_Id.
 */
import type { ActivityKind } from '../../../../shared/model/keys';
import type { RecordData } from '../../emulator/store/record-store';
import type { UserRef } from '../../emulator/store/users';
import { DAY_MS, type Emit, type GenContext } from './context';
import { CALL_PURPOSES, CALL_RESULTS, VENUES } from './vocab';

export interface ContactInfo {
  id: string;
  name: string;
  rank: number;
  email: string;
}

export interface DealInfo {
  id: string;
  name: string;
  open: boolean;
}

const KIND_WEIGHTS: readonly (readonly [ActivityKind, number])[] = [
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
const DEAL_KINDS = new Set<ActivityKind>([
  'proposal',
  'quote',
  'poc',
  'demo',
  'negotiation',
  'contract_draft',
  'requirements',
]);
const COMPLETED = 'Completed';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function generateActivities(
  ctx: GenContext,
  account: { id: string; name: string },
  people: ContactInfo[],
  deals: DealInfo[],
  owner: UserRef,
  emit: Emit,
): void {
  const { rng, config, asOfMs, windowStartMs } = ctx;
  const m = config.fields.modules;
  const a = config.fields.activity;
  const count = rng.around(30, 12, 10, 50);
  for (let i = 0; i < count; i += 1) {
    const module = rng.weighted([
      [m.tasks, 35],
      [m.events, 35],
      [m.calls, 30],
    ] as const);
    const inbound = module === m.calls && rng.chance(0.3);
    let kind: ActivityKind = inbound
      ? rng.weighted([
          ['consultation', 6],
          ['other', 2],
          ['referral', 1],
        ] as const)
      : rng.weighted(KIND_WEIGHTS);
    if (kind === 'social' && module === m.calls) kind = 'info_sharing';
    const future = rng.chance(0.05);
    const whenMs = future ? asOfMs + rng.int(1, 45) * DAY_MS : ctx.between(windowStartMs, asOfMs);
    const at = ctx.workingHour(whenMs);
    const toDeal = deals.length > 0 && (DEAL_KINDS.has(kind) ? rng.chance(0.7) : rng.chance(0.25));
    const what = toDeal ? rng.pick(deals) : account;
    const contact =
      kind === 'exec_meeting'
        ? [...people].sort((x, y) => x.rank - y.rank)[0]
        : rng.chance(0.85)
          ? rng.pick(people)
          : undefined;
    const explicit = rng.chance(0.15);
    const subject =
      explicit && rng.chance(0.5) ? ctx.subjects.subject(rng, 'other') : ctx.subjects.subject(rng, kind);
    const createdMs = Math.min(at - rng.int(0, 14) * DAY_MS, asOfMs - rng.int(0, 3) * 3_600_000);
    const record: RecordData = {
      id: ctx.nextId(),
      What_Id: { id: what.id, name: what.name },
      $se_module: toDeal ? m.deals : m.accounts,
    };
    if (contact) record.Who_Id = { id: contact.id, name: contact.name };
    if (explicit) record[a.kind] = kind;
    if (rng.chance(0.05)) record[a.purpose] = rng.pick(['deal', 'relationship']);
    let modifiedMs = at <= asOfMs ? at + rng.int(0, 72) * 3_600_000 : createdMs;

    if (module === m.tasks) {
      record.Subject = subject;
      record.Due_Date = ctx.date(at);
      record.Priority = rng.weighted([
        ['Normal', 6],
        ['High', 3],
        ['Low', 1],
      ] as const);
      if (at <= asOfMs && rng.chance(0.85)) {
        const closed = Math.min(at + rng.int(0, 48) * 3_600_000, asOfMs);
        record.Status = COMPLETED;
        record.Closed_Time = ctx.dateTime(closed);
        modifiedMs = closed;
      } else
        record.Status =
          at <= asOfMs
            ? rng.pick(['In Progress', 'Deferred', 'Waiting for input'])
            : rng.weighted([
                ['Not Started', 7],
                ['In Progress', 3],
              ] as const);
    } else if (module === m.events) {
      const attendees = rng.sample(people, rng.int(1, Math.min(3, people.length)));
      record.Event_Title = subject;
      record.Start_DateTime = ctx.dateTime(at);
      record.End_DateTime = ctx.dateTime(at + rng.pick([30, 60, 60, 90, 120]) * 60_000);
      record.All_day = false;
      record.Venue = rng.pick(VENUES);
      record.Participants = attendees.map((p) => ({
        name: p.name,
        Email: p.email,
        invited: true,
        type: 'contact',
        participant: p.id,
        status: at <= asOfMs ? 'accepted' : 'not_known',
        id: ctx.nextId(),
      }));
      if (!contact && attendees[0]) record.Who_Id = { id: attendees[0].id, name: attendees[0].name };
    } else {
      const type = inbound ? 'Inbound' : rng.chance(0.07) ? 'Missed' : 'Outbound';
      const seconds = type === 'Missed' ? 0 : rng.int(60, 3600);
      record.Subject = subject;
      record.Call_Type = type;
      record.Call_Start_Time = ctx.dateTime(at);
      record.Call_Purpose = rng.pick(CALL_PURPOSES);
      if (at <= asOfMs) {
        record.Call_Duration = `${pad2(Math.floor(seconds / 60))}:${pad2(seconds % 60)}`;
        record.Call_Duration_in_seconds = seconds;
        if (type === 'Outbound') record.Call_Result = rng.pick(CALL_RESULTS);
      }
    }
    Object.assign(record, ctx.stamps(createdMs, modifiedMs, owner));
    emit(module, record);
  }
}
