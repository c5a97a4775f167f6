/**
 * The dataset of one account page → what the panels show: the engine's insight (the same
 * normalise → bundle → `computeAccountInsight` as `npm run insight`) plus the records behind it, read through the shared
 * normaliser and the engine's own context (key/executive contacts, classified activities). The
 * panels only display this; no KPI math happens in components.
 */
import type { ZohoRecord } from '../../../shared/crm-read/records';
import { stageKeyFromCrmValue } from '../../../shared/config/picklists';
import type { Bilingual, SalesProcessConfig } from '../../../shared/config/schema';
import { isUnclassified } from '../../../shared/engine/classify';
import { compileConfig } from '../../../shared/engine/compiled';
import { accountContext, type ClassifiedActivity } from '../../../shared/engine/context';
import { computeAccountInsight, type AccountInsight } from '../../../shared/engine/insight';
import { happenedIn } from '../../../shared/engine/metrics';
import { accountBundleOf } from '../../../shared/engine/pipeline';
import { buyerMapGaps, type MapGap } from '../../../shared/buyer-map/gaps';
import { buyingCommittee } from '../../../shared/buyer-map/committee';
import type { ActivityKind } from '../../../shared/model/keys';
import { offsetMinutes } from '../../../shared/model/time';
import type { AccountPlan, ActivityModule, Contact, Instant } from '../../../shared/model/types';
import { widgetError } from '../../common/errors';
import { buildOrgChart, type OrgChartRow } from '../../../shared/buyer-map/org-chart';
import type { RawDataset } from './load-dataset';

export interface PersonView {
  contact: Contact;
  depth: number;
  /** The engine's reading: Buying_Role / Influence_Level make a key person; flag or title an executive. */
  key: boolean;
  executive: boolean;
  lastTouch: Instant | null;
}

/** What the buyer map is missing (shared/buyer-map/gaps.ts). */
export type BuyerGap = MapGap;

export interface ActivityView {
  id: string;
  module: ActivityModule;
  subject: string;
  kind: ActivityKind;
  purpose: 'deal' | 'relationship' | null;
  /** Nobody classified it: kind other, no Activity_Purpose (counts on neither side of the mix). */
  unclassified: boolean;
  at: Instant | null;
}

export interface AccountView {
  asOf: Instant;
  /** Minutes east of UTC of the org (config `utcOffset`): dates are shown in it. */
  offset: number;
  insight: AccountInsight;
  website: string | null;
  people: PersonView[];
  buyerGaps: BuyerGap[];
  /** Each deal's buying committee (its Contact_Name and Buying_Committee), for the map. */
  committees: { dealId: string; name: string; contactId: string | null; contactIds: string[] }[];
  plan: AccountPlan | null;
  /** The plan as CRM returned it (subform row ids are needed to write rows back). */
  planRecord: ZohoRecord | null;
  /** Group companies (Parent_Account: the parent and the children) with their relationship stage. */
  group: { id: string; name: string; relation: 'parent' | 'child'; stageLabel: Bilingual | null }[];
  /** Activities that happened in the KPI window, by kind (config order), and the latest ones. */
  kindCounts: { kind: ActivityKind; count: number }[];
  recent: ActivityView[];
  /** Unclassified activities of the KPI window, latest first: the ones a rep should classify. */
  unclassified: ActivityView[];
  raw: RawDataset;
  /** The config this view was computed with (the published one when the service published one). */
  config: SalesProcessConfig;
}

const RECENT = 12;

export function buildAccountView(
  raw: RawDataset,
  config: SalesProcessConfig,
  accountId: string,
  asOf: Instant,
): AccountView {
  // Normalised and bundled once; the insight is the engine's, as in `insightsFromDataset`.
  const one = accountBundleOf(raw, config, accountId);
  if (!one.ok) throw widgetError('DATA_INVALID', one.error);
  const { bundle } = one;
  const insight = computeAccountInsight(bundle, config, asOf);
  const ctx = accountContext(bundle, compileConfig(config), asOf); // the insight's own
  const happened = ctx.activities.filter((a) => a.happened);
  const lastTouch = lastTouchByContact(happened);
  const people = buildOrgChart(bundle.contacts).map((row: OrgChartRow): PersonView => {
    const v = ctx.contacts.get(row.contact.id);
    return {
      contact: row.contact,
      depth: row.depth,
      key: v?.key ?? false,
      executive: v?.executive ?? false,
      lastTouch: lastTouch.get(row.contact.id) ?? null,
    };
  });
  const windowed = happenedIn(ctx, config.windows.kpiWindowDays);
  const planRecord =
    (raw[config.fields.modules.accountPlans] ?? []).find((p) => String(p.id) === bundle.plan?.id) ?? null;
  const accountRecord = (raw[config.fields.modules.accounts] ?? []).find((r) => String(r.id) === accountId);
  return {
    asOf,
    offset: offsetMinutes(config.utcOffset),
    insight,
    website: typeof accountRecord?.Website === 'string' ? accountRecord.Website : null,
    people,
    buyerGaps: buyerMapGaps(
      {
        contacts: bundle.contacts,
        executive: new Set(people.filter((p) => p.executive).map((p) => p.contact.id)),
        contacted: new Set(lastTouch.keys()),
        segments: (bundle.plan?.potentialMap ?? []).map((r) => r.segment),
        groupNames: [bundle.account.name, ...bundle.related.map((r) => r.name)],
        stage: insight.stage?.key ?? null,
        nextStage: insight.nextStage?.key ?? null,
      },
      config,
    ),
    committees: bundle.deals.map((d) => ({
      dealId: d.id,
      name: d.name,
      contactId: d.contactId,
      contactIds: [...buyingCommittee(d, bundle.contacts)],
    })),
    plan: bundle.plan,
    planRecord,
    group: bundle.related.map((r) => ({
      id: r.id,
      name: r.name,
      relation: r.relation,
      stageLabel: stageLabelOf(config, r.relationshipStage),
    })),
    kindCounts: config.activityKinds
      .map((k) => ({ kind: k.key, count: windowed.filter((a) => a.kind === k.key).length }))
      .filter((k) => k.count > 0),
    recent: [...happened]
      .sort((a, b) => (b.activity.at ?? 0) - (a.activity.at ?? 0))
      .slice(0, RECENT)
      .map(toActivityView),
    unclassified: windowed
      .filter(isUnclassified)
      .sort((a, b) => (b.activity.at ?? 0) - (a.activity.at ?? 0))
      .slice(0, RECENT)
      .map(toActivityView),
    raw,
    config,
  };
}

function lastTouchByContact(happened: ClassifiedActivity[]): Map<string, Instant> {
  const out = new Map<string, Instant>();
  for (const a of happened) {
    const at = a.activity.at;
    if (at == null) continue;
    for (const id of a.activity.contactIds) if ((out.get(id) ?? -Infinity) < at) out.set(id, at);
  }
  return out;
}

function toActivityView(a: ClassifiedActivity): ActivityView {
  return {
    id: a.activity.id,
    module: a.activity.module,
    subject: a.activity.subject,
    kind: a.kind,
    purpose: a.purpose,
    unclassified: isUnclassified(a),
    at: a.activity.at,
  };
}

/** The label of a Relationship_Stage value as the CRM holds it (label in either language or key). */
function stageLabelOf(config: SalesProcessConfig, value: string | null): Bilingual | null {
  const key = stageKeyFromCrmValue(config, value);
  if (key === undefined) return null;
  if (key === null) return config.notStarted.label;
  return config.stages.find((s) => s.key === key)?.label ?? null;
}
