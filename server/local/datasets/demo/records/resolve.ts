/**
 * Stories → a resolved cast: every account, contact, deal and activity with its record id, every
 * contact with a name, every activity with a time of day, and creation days derived from when each
 * record is first needed (a contact exists before the first meeting with them). The random draws
 * happen in a fixed order that does not depend on `asOf`, so another `asOf` only moves the dates.
 */
import type { IdAllocator } from '../ids';
import type { PersonName } from '../names';
import { NamePicker } from '../names';
import type { Rng } from '../prng';
import type { ActivitySpec, AccountStory, DealSpec, PersonSpec } from '../story/types';
import { routineActivities } from './routine';

export interface CastContact {
  spec: PersonSpec;
  id: string;
  name: PersonName;
  /** Days before asOf the contact record was created. */
  created: number;
}

export interface CastDeal {
  spec: DealSpec;
  id: string;
}

export interface CastActivity {
  spec: ActivitySpec;
  id: string;
  hour: number;
  minute: number;
}

export interface CastAccount {
  story: AccountStory;
  id: string;
  created: number;
  contacts: Map<string, CastContact>;
  deals: Map<string, CastDeal>;
  activities: CastActivity[];
}

/** `姓 名`, as a Japanese org shows Full_Name. */
export function fullName(c: CastContact): string {
  return `${c.name.last} ${c.name.first}`;
}

const HOURS = [9, 10, 11, 13, 14, 15, 16, 17];

export function resolveCast(stories: readonly AccountStory[], rng: Rng, ids: IdAllocator): CastAccount[] {
  const names = new NamePicker(rng);
  const cast: CastAccount[] = stories.map((story) => ({
    story,
    id: ids.next('Accounts'),
    created: story.created,
    contacts: new Map(),
    deals: new Map(),
    activities: [],
  }));
  for (const a of cast) {
    for (const spec of a.story.people) {
      a.contacts.set(spec.key, { spec, id: ids.next('Contacts'), name: names.next(), created: 0 });
    }
  }
  for (const a of cast)
    for (const spec of a.story.deals) a.deals.set(spec.key, { spec, id: ids.next('Deals') });
  for (const a of cast) {
    const specs = [
      ...a.story.activities,
      ...(a.story.routine ? routineActivities(rng, a.story.people, a.story.routine) : []),
    ];
    a.activities = specs.map((spec) => ({
      spec,
      id: ids.next(spec.module),
      hour: spec.hour ?? rng.pick(HOURS),
      minute: rng.pick([0, 0, 30]),
    }));
  }
  for (const a of cast) settleCreationDays(a, rng);
  checkReferences(cast);
  return cast;
}

/** Contacts exist a few days before they are first needed; the account before all of them. */
function settleCreationDays(a: CastAccount, rng: Rng): void {
  const firstUse = new Map<string, number>();
  const use = (key: string, day: number) => firstUse.set(key, Math.max(firstUse.get(key) ?? -Infinity, day));
  for (const act of a.activities) for (const key of act.spec.contacts) use(key, act.spec.day);
  for (const d of a.deals.values()) use(d.spec.contact, d.spec.created);
  const firstActivity = Math.max(...a.activities.map((x) => x.spec.day), -Infinity);
  for (const c of a.contacts.values()) {
    const needed = firstUse.get(c.spec.key);
    const base = needed ?? (Number.isFinite(firstActivity) ? firstActivity : a.story.created - 1);
    c.created = Math.max(1, base) + rng.int(1, 6);
  }
  const latest = Math.max(
    firstActivity,
    ...[...a.contacts.values()].map((c) => c.created),
    ...[...a.deals.values()].map((d) => d.spec.created),
  );
  a.created = Math.max(a.story.created, latest + 1);
}

/** A story that names a contact or deal it does not have is a bug in the story: fail loudly. */
function checkReferences(cast: CastAccount[]): void {
  const keys = new Set(cast.map((a) => a.story.key));
  for (const a of cast) {
    const where = `demo story ${a.story.key}`;
    if (a.story.parent && !keys.has(a.story.parent))
      throw new Error(`${where}: unknown parent ${a.story.parent}`);
    for (const p of a.story.people) {
      if (p.boss && !a.contacts.has(p.boss))
        throw new Error(`${where}: ${p.key} reports to unknown ${p.boss}`);
    }
    for (const d of a.story.deals) {
      if (!a.contacts.has(d.contact))
        throw new Error(`${where}: deal ${d.key} names unknown contact ${d.contact}`);
    }
    for (const act of a.activities) {
      const s = act.spec;
      for (const k of s.contacts)
        if (!a.contacts.has(k)) throw new Error(`${where}: "${s.subject}" names unknown contact ${k}`);
      if (s.deal && !a.deals.has(s.deal))
        throw new Error(`${where}: "${s.subject}" names unknown deal ${s.deal}`);
      if (s.day === 0)
        throw new Error(
          `${where}: "${s.subject}" is on day 0 (use ≥ 1 or ≤ -1 so it is clearly past or future)`,
        );
    }
  }
}
