/**
 * What the account health score and the alert rules judge, as plain facts about one account on one
 * day: where it stands, when the latest evidence happened, the plan's sections and last update, each
 * key person's and decision maker's last contact, and the open deals with their risk flags. Built
 * from the engine's own view of the account (`accountContext` and the insight), so a health part and
 * the account widget never disagree about what counts as a key person or a premature action.
 */
import type { SalesProcessConfig } from '../config/schema';
import { compileConfig } from '../engine/compiled';
import { accountContext } from '../engine/context';
import type { AccountInsight } from '../engine/insight';
import { metricValue } from '../engine/metrics';
import { PLAN_SECTIONS } from '../model/keys';
import { parseLocalDate, startOfLocalDay } from '../model/time';
import type { AccountBundle, Instant, LocalDate } from '../model/types';

export interface PersonSignal {
  id: string;
  name: string;
  /** The latest activity that happened with this person (a contact on it), or null: never. */
  lastContactAt: Instant | null;
}

export interface DealSignal {
  id: string;
  name: string;
  amount: number | null;
  /** Forecast-risk flag codes (premature actions, NO_DECISION_MAKER, OVERDUE_CLOSE, STALLED_DEAL). */
  flags: string[];
}

export interface AccountSignals {
  accountId: string;
  accountName: string;
  ownerId: string | null;
  /** -1 = not started; else an index into config.stages. */
  stageIndex: number;
  stageKey: string | null;
  /** Progress towards the next stage, 0–1 (null at the last stage). */
  nextProgress: number | null;
  /** Relationship_Stage_Since as the CRM holds it (for how long the account has stood still). */
  stageSince: LocalDate | null;
  /** The latest activity that happened (any kind), or null. */
  lastEvidenceAt: Instant | null;
  plan: { exists: boolean; sectionsFilled: number; sections: number; updatedAt: Instant | null };
  keyPeople: PersonSignal[];
  decisionMakers: PersonSignal[];
  openDeals: DealSignal[];
}

export function accountSignals(
  bundle: AccountBundle,
  insight: AccountInsight,
  config: SalesProcessConfig,
  asOf: Instant,
  stageSince: LocalDate | null,
): AccountSignals {
  const cc = compileConfig(config);
  const ctx = accountContext(bundle, cc, asOf);
  const lastWith = new Map<string, Instant>();
  let lastEvidenceAt: Instant | null = null;
  for (const a of ctx.activities) {
    const at = a.activity.at;
    if (!a.happened || at == null) continue;
    if (lastEvidenceAt == null || at > lastEvidenceAt) lastEvidenceAt = at;
    for (const id of a.activity.contactIds) if ((lastWith.get(id) ?? -Infinity) < at) lastWith.set(id, at);
  }
  const people = [...ctx.contacts.values()];
  const person = (v: (typeof people)[number]): PersonSignal => ({
    id: v.contact.id,
    name: v.contact.name,
    lastContactAt: lastWith.get(v.contact.id) ?? null,
  });
  const plan = bundle.plan;
  // The latest of the plan's update days (their start) and its Modified_Time.
  let planUpdatedAt: number | null = plan?.modifiedTime ?? null;
  for (const u of plan?.updates ?? []) {
    const t = startOfLocalDay(u.date, cc.offset);
    planUpdatedAt = planUpdatedAt == null ? t : Math.max(planUpdatedAt, t);
  }
  const sinceDate = stageSince ? parseLocalDate(stageSince) : null;
  return {
    accountId: bundle.account.id,
    accountName: bundle.account.name,
    ownerId: bundle.account.ownerId,
    stageIndex: insight.stage?.index ?? -1,
    stageKey: insight.stage?.key ?? null,
    nextProgress: insight.nextStage?.progress ?? null,
    stageSince: sinceDate,
    lastEvidenceAt,
    plan: {
      exists: plan != null,
      sectionsFilled: metricValue(ctx, { metric: 'plan_sections_filled', windowDays: 0 }) ?? 0,
      sections: PLAN_SECTIONS.length,
      updatedAt: planUpdatedAt as Instant | null,
    },
    keyPeople: people.filter((v) => v.key).map(person),
    decisionMakers: people.filter((v) => v.decisionMaker).map(person),
    openDeals: insight.deals
      .filter((d) => d.status === 'open')
      .map((d) => ({ id: d.id, name: d.name, amount: d.amount, flags: d.flags.map((f) => f.code) })),
  };
}
