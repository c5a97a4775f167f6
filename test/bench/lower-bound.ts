/**
 * The lower bound of credits for a sync over a given change set (DESIGN §9, reliability-and-budget
 * §3.2): reads `ceil(n/2000)×3` per module with n changed records (COQL pages of 2,000 rows at 3
 * credits); 1 per module with no change (the cheapest call that can say "nothing changed"); writes
 * `ceil(m/10)` for the m records whose values had to change (Zoho: 1 credit per 10 records).
 */
export interface ChangeSet {
  /** Changed (or, on a full pass, all) records per module the sync reads; 0 = unchanged module. */
  records: Record<string, number>;
  /** Records whose CRM values had to change: accounts + deals + stage-history inserts + alert tasks. */
  neededWrites: number;
}

export interface Credits {
  read: number;
  write: number;
  total: number;
}

export function lowerBound(c: ChangeSet): Credits {
  const read = Object.values(c.records).reduce((sum, n) => sum + (n > 0 ? Math.ceil(n / 2000) * 3 : 1), 0);
  const write = Math.ceil(c.neededWrites / 10);
  return { read, write, total: read + write };
}

/** Spent ÷ bound, 3 decimals; a run that had nothing to do and spent nothing is 1. */
export function boundRatio(spent: number, bound: number): number {
  if (bound === 0) return spent === 0 ? 1 : Infinity;
  return Math.round((spent / bound) * 1000) / 1000;
}
