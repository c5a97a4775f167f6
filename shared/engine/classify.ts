/**
 * What kind of activity a record is, and whether it advances a deal or deepens the relationship
 * (DOMAIN §5). An explicit Activity_Kind / Activity_Purpose on the record beats the keyword rules.
 */
import type { ActivityKind, ActivityPurpose } from '../model/keys';
import type { Activity } from '../model/types';
import { normaliseText, type CompiledConfig } from './compiled';

export interface Classification {
  kind: ActivityKind;
  purpose: ActivityPurpose;
  /** Where the kind came from: the record's field, a keyword in its subject, or neither. */
  source: 'field' | 'keyword' | 'default';
}

/**
 * Kind: `Activity_Kind` if set; else the first kind (config order) with a keyword in the subject;
 * else `other`. Purpose: `Activity_Purpose` if set; else the kind's purpose; `other` → deal when the
 * activity is linked to a deal, else relationship.
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
  const linkedToDeal = a.what?.module === cc.config.fields.modules.deals;
  const purpose = a.purposeField ?? cc.kindPurpose.get(kind) ?? (linkedToDeal ? 'deal' : 'relationship');
  return { kind, purpose, source };
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
