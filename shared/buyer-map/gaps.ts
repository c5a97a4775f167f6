/**
 * What the buyer relationship map is missing (DOMAIN §3.5, issue 15): the roles the method needs and
 * nobody holds, a decision maker we never met, a part of the customer the potential map counts on
 * where we know nobody. Each role gap names the stage that needs it, read from the config's stage
 * criteria (e.g. 経営巻き込み gates on `decision_maker_identified` and `executive_touchpoints`). Pure.
 */
import type { Criterion, SalesProcessConfig } from '../config/schema';
import type { BuyingRole, MetricKey } from '../model/keys';
import type { Contact } from '../model/types';

export type MapGap =
  | { code: 'NO_DECISION_MAKER'; neededFor: string | null }
  | { code: 'NO_EXECUTIVE'; neededFor: string | null }
  | { code: 'MISSING_KEY_ROLE'; role: BuyingRole }
  /** Decision makers with no activity that happened: on the map, never met. */
  | { code: 'UNCONTACTED_DECISION_MAKER'; contactId: string }
  /** A potential-map segment (division × offering) where the account has no contact. */
  | { code: 'NO_CONTACT_IN_SEGMENT'; segment: string };

export interface GapInput {
  contacts: Contact[];
  /** The engine's reading: Is_Executive or a title matching the config's patterns. */
  executive: ReadonlySet<string>;
  /** Contacts with at least one activity that happened. */
  contacted: ReadonlySet<string>;
  /** Potential-map segments of the account plan. */
  segments: string[];
  /** Names of the group companies (their own accounts hold their contacts). */
  groupNames: string[];
  /** The stage the account is at and the one it works towards (keys; null = none). */
  stage: string | null;
  nextStage: string | null;
}

/** Metrics a stage can only meet with a decision maker, or an executive, on the map. */
const NEEDS: Record<'decision_maker' | 'executive', readonly MetricKey[]> = {
  decision_maker: ['decision_maker_identified', 'decision_maker_proposals'],
  executive: ['executive_contacts', 'executive_touchpoints'],
};

export function buyerMapGaps(input: GapInput, config: SalesProcessConfig): MapGap[] {
  const roles = new Set(input.contacts.map((c) => c.buyingRole).filter((r) => r != null));
  const gaps: MapGap[] = [];
  if (!roles.has('decision_maker'))
    gaps.push({ code: 'NO_DECISION_MAKER', neededFor: stageNeeding(config, input, 'decision_maker') });
  if (!input.contacts.some((c) => input.executive.has(c.id)))
    gaps.push({ code: 'NO_EXECUTIVE', neededFor: stageNeeding(config, input, 'executive') });
  for (const role of config.buyerMap.keyRoles) {
    if (role !== 'decision_maker' && !roles.has(role)) gaps.push({ code: 'MISSING_KEY_ROLE', role });
  }
  for (const c of input.contacts) {
    if (c.buyingRole === 'decision_maker' && !input.contacted.has(c.id))
      gaps.push({ code: 'UNCONTACTED_DECISION_MAKER', contactId: c.id });
  }
  for (const segment of uncoveredSegments(input)) gaps.push({ code: 'NO_CONTACT_IN_SEGMENT', segment });
  return gaps;
}

/** The next stage, else the current one, whose criteria need the role (null: no stage asks for it). */
function stageNeeding(config: SalesProcessConfig, input: GapInput, need: keyof typeof NEEDS): string | null {
  for (const key of [input.nextStage, input.stage]) {
    const stage = key == null ? undefined : config.stages.find((s) => s.key === key);
    if (stage && stage.criteria.some((c) => usesAny(c, NEEDS[need]))) return stage.key;
  }
  return null;
}

function usesAny(c: Criterion, metrics: readonly MetricKey[]): boolean {
  // An anyOf is needed only when every alternative needs the role.
  return 'anyOf' in c ? c.anyOf.every((a) => metrics.includes(a.metric)) : metrics.includes(c.metric);
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Segments no contact's department and no group company is part of (either name containing the
 * other, ignoring spaces and width): 「北斗HD 経営企画部」 is covered by 経営企画部, 「北斗物流」 by the
 * group company 北斗物流株式会社. Each segment once, in plan order.
 */
function uncoveredSegments(input: GapInput): string[] {
  const known = [
    ...input.contacts.map((c) => c.department).filter((d): d is string => d != null),
    ...input.groupNames,
  ]
    .map(norm)
    .filter((k) => k !== '');
  const out: string[] = [];
  for (const segment of input.segments) {
    const s = norm(segment);
    if (s === '' || out.includes(segment)) continue;
    if (!known.some((k) => s.includes(k) || k.includes(s))) out.push(segment);
  }
  return out;
}
