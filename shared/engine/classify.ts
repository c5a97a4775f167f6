/**
 * What kind of activity a record is, and whether it advances a deal or deepens the relationship
 * (DOMAIN §5). An explicit Activity_Kind / Activity_Purpose on the record beats the keyword rules.
 * An activity nobody could classify (`other`), and administrative or internal work, count on neither
 * side of the mix (S:64 活動の質): a thank-you mail is not relationship-deepening.
 */
import type { ActivityKind, ActivityPurpose } from '../model/keys';
import type { Activity } from '../model/types';
import { normaliseText, type CompiledConfig } from './compiled';

export interface Classification {
  kind: ActivityKind;
  /** null = counts on neither side of the mix (other, admin, internal, unless Activity_Purpose says). */
  purpose: ActivityPurpose | null;
  /** Where the kind came from: the record's field, a keyword in its subject, or neither. */
  source: 'field' | 'keyword' | 'default';
}

/**
 * Kind: `Activity_Kind` if set; else the first kind (config order) with a keyword in the subject;
 * else `other`. Purpose: `Activity_Purpose` if set; else the kind's purpose from the config, where
 * null (always for `other`; by default for `admin` and `internal`) means neither side.
 */
export function classifyActivity(a: Activity, cc: CompiledConfig): Classification {
  let kind: ActivityKind = 'other';
  let source: Classification['source'] = 'default';
  if (a.kindField) {
    kind = a.kindField;
    source = 'field';
  } else {
    const byKeyword = kindOfSubject(a.subject, cc);
    if (byKeyword) {
      kind = byKeyword;
      source = 'keyword';
    }
  }
  const purpose = a.purposeField ?? cc.kindPurpose.get(kind) ?? null;
  return { kind, purpose, source };
}

/** Unclassified: no kind from the field or a keyword, and no Activity_Purpose either. */
export function isUnclassified(c: Pick<Classification, 'kind' | 'purpose'>): boolean {
  return c.kind === 'other' && c.purpose === null;
}

/** The first kind (config order) with a keyword in the subject; memoised per subject text. */
function kindOfSubject(raw: string, cc: CompiledConfig): ActivityKind | null {
  const memo = cc.memo.kindOfSubject;
  const hit = memo.get(raw);
  if (hit !== undefined) return hit;
  const subject = normaliseText(raw);
  const kind = subject
    ? (cc.kindRules.find((r) => r.keywords.some((k) => subject.includes(k)))?.key ?? null)
    : null;
  if (memo.size > 50_000) memo.clear();
  memo.set(raw, kind);
  return kind;
}
