/**
 * The potential-map editor's rows as typed (amounts as text) → rows to save, or the problems that
 * stop the save. A row with nothing in it is dropped; a row with anything in it must be complete.
 * Amounts are yen: non-negative numbers up to MAX_AMOUNT (10 trillion: more is a typo), and the
 * current business cannot exceed the potential (the potential is the whole wallet).
 */
import type { PotentialEdit } from './writes';

export const MAX_AMOUNT = 10_000_000_000_000;

export interface PotentialInput {
  rowId: string | null;
  segment: string;
  offering: string;
  potential: string;
  current: string;
}

export type RowProblem =
  | 'rowIncomplete'
  | 'rowNotNumber'
  | 'rowNegative'
  | 'rowTooLarge'
  | 'rowCurrentOverPotential'
  | 'rowDuplicate';

export interface PotentialIssue {
  /** 0-based index in the editor. */
  index: number;
  code: RowProblem;
}

export type PotentialCheck = { ok: true; rows: PotentialEdit[] } | { ok: false; issues: PotentialIssue[] };

/** "1,200,000", "１２００" and " 300 " are numbers; "" is zero; anything else is not. */
export function parseAmount(text: string): number | null {
  const t = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
    .replace(/^[−ー－]/, '-');
  if (t === '') return 0;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

export function checkPotentialRows(inputs: readonly PotentialInput[]): PotentialCheck {
  const issues: PotentialIssue[] = [];
  const rows: PotentialEdit[] = [];
  const seen = new Set<string>();
  inputs.forEach((r, index) => {
    const segment = r.segment.trim();
    const offering = r.offering.trim();
    const blank = segment === '' && offering === '' && r.potential.trim() === '' && r.current.trim() === '';
    if (blank) return;
    const add = (code: RowProblem) => issues.push({ index, code });
    if (segment === '' || offering === '') add('rowIncomplete');
    const potential = parseAmount(r.potential);
    const current = parseAmount(r.current);
    if (potential == null || current == null) return add('rowNotNumber');
    if (potential < 0 || current < 0) return add('rowNegative');
    if (potential > MAX_AMOUNT || current > MAX_AMOUNT) return add('rowTooLarge');
    if (current > potential) return add('rowCurrentOverPotential');
    const pair = `${segment}\u0000${offering}`;
    if (segment !== '' && offering !== '' && seen.has(pair)) return add('rowDuplicate');
    seen.add(pair);
    rows.push({ rowId: r.rowId, segment, offering, potential, current });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}

/** A stored row as the editor shows it. */
export function inputOf(row: PotentialEdit): PotentialInput {
  return {
    rowId: row.rowId,
    segment: row.segment,
    offering: row.offering,
    potential: String(row.potential),
    current: String(row.current),
  };
}
