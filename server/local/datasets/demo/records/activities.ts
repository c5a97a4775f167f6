/**
 * Tasks, Events (meetings) and Calls as Zoho's GET records API returns them: linked through
 * What_Id + $se_module to the account or one of its deals, Who_Id the main contact, meeting
 * participants as Zoho lists them.
 */
import type { ZohoRecord } from '../../../../../shared/crm-read/records';
import type { Instant } from '../../../../../shared/model/types';
import type { ActivitySpec } from '../story/types';
import { lookup, systemFields, type BuildContext } from './context';
import { fullName, type CastAccount, type CastActivity, type CastContact } from './resolve';

export function activityRecord(ctx: BuildContext, a: CastAccount, act: CastActivity): ZohoRecord {
  switch (act.spec.module) {
    case 'Tasks':
      return taskRecord(ctx, a, act);
    case 'Events':
      return eventRecord(ctx, a, act);
    case 'Calls':
      return callRecord(ctx, a, act);
  }
}

function common(a: CastAccount, act: CastActivity): ZohoRecord {
  const s = act.spec;
  const deal = s.deal ? a.deals.get(s.deal) : undefined;
  const who = s.contacts[0] ? a.contacts.get(s.contacts[0]) : undefined;
  return {
    id: act.id,
    What_Id: deal ? lookup(deal.id, deal.spec.name) : lookup(a.id, a.story.name),
    $se_module: deal ? 'Deals' : 'Accounts',
    Who_Id: who ? lookup(who.id, fullName(who)) : null,
    Activity_Kind: s.kind ?? null,
    Activity_Purpose: s.purpose ?? null,
    ...(s.description ? { Description: s.description } : {}),
  };
}

function ownerOf(ctx: BuildContext, a: CastAccount, s: ActivitySpec) {
  return ctx.users.ref(s.owner ?? a.story.owner);
}

function taskRecord(ctx: BuildContext, a: CastAccount, act: CastActivity): ZohoRecord {
  const s = act.spec;
  const status = s.status ?? (s.day > 0 ? 'Completed' : 'Not Started');
  const done = status === 'Completed';
  const closed = ctx.clock.at(s.day, act.hour, act.minute);
  const created = ctx.clock.at(Math.max(1, s.day + 3), 9);
  return {
    ...common(a, act),
    Subject: s.subject,
    Status: status,
    Due_Date: ctx.clock.date(s.day),
    Priority: s.deal ? 'High' : 'Normal',
    Closed_Time: done ? ctx.clock.iso(closed) : null,
    Send_Notification_Email: false,
    ...systemFields(ctx, { owner: ownerOf(ctx, a, s), created, modified: done ? closed : created }),
  };
}

function eventRecord(ctx: BuildContext, a: CastAccount, act: CastActivity): ZohoRecord {
  const s = act.spec;
  const start = ctx.clock.at(s.day, act.hour, act.minute);
  const end = (start + (s.minutes ?? 60) * 60_000) as Instant;
  const past = s.day > 0;
  const created = ctx.clock.at(Math.max(1, s.day + 7), 9, 30);
  const participants = s.contacts.map((key) => a.contacts.get(key) as CastContact);
  return {
    ...common(a, act),
    Event_Title: s.subject,
    Start_DateTime: ctx.clock.iso(start),
    End_DateTime: ctx.clock.iso(end),
    All_day: false,
    Venue: s.venue ?? (s.deal ? '先方 会議室' : '先方本社'),
    Participants: participants.map((c) => ({
      type: 'contact',
      participant: c.id,
      name: fullName(c),
      Email: `${c.name.handle}@${a.story.profile.domain}`,
      invited: true,
      status: past ? 'accepted' : 'not_known',
    })),
    ...systemFields(ctx, { owner: ownerOf(ctx, a, s), created, modified: past ? end : created }),
  };
}

function callRecord(ctx: BuildContext, a: CastAccount, act: CastActivity): ZohoRecord {
  const s = act.spec;
  const start = ctx.clock.at(s.day, act.hour, act.minute);
  const past = s.day > 0;
  const seconds = (s.minutes ?? (s.inbound ? 20 : 10)) * 60;
  const outbound = !s.inbound;
  const created = past ? ((start + seconds * 1000) as Instant) : ctx.clock.at(Math.max(1, s.day + 5), 9);
  return {
    ...common(a, act),
    Subject: s.subject,
    Call_Type: outbound ? 'Outbound' : 'Inbound',
    Call_Purpose: s.callPurpose ?? (s.inbound ? 'Desk' : s.deal ? 'Project' : 'Prospecting'),
    Call_Start_Time: ctx.clock.iso(start),
    ...(outbound ? { Outgoing_Call_Status: past ? 'Completed' : 'Scheduled' } : {}),
    ...(past
      ? {
          Call_Duration: `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`,
          Call_Duration_in_seconds: seconds,
          ...(outbound ? { Call_Result: s.deal ? 'Requested more info' : 'Interested' } : {}),
        }
      : { Call_Agenda: s.subject }),
    ...systemFields(ctx, { owner: ownerOf(ctx, a, s), created, modified: created }),
  };
}
