/**
 * The potential map's rows → a segment × offering grid. A cell is whitespace when there is
 * potential and no business yet, partial when some of it is ours. Pure layout of the plan's rows.
 */
import type { PotentialRow } from '../../../shared/model/types';

export type CellState = 'whitespace' | 'partial' | 'covered' | 'none';

export interface PotentialCell {
  potential: number;
  current: number;
  state: CellState;
}

export interface PotentialGrid {
  segments: string[];
  offerings: string[];
  /** `cells.get(segment)?.get(offering)`; rows naming the same pair are added up. */
  cells: Map<string, Map<string, PotentialCell>>;
  totalPotential: number;
  totalCurrent: number;
}

export function potentialGrid(rows: PotentialRow[]): PotentialGrid {
  const segments: string[] = [];
  const offerings: string[] = [];
  const cells = new Map<string, Map<string, PotentialCell>>();
  for (const r of rows) {
    const seg = r.segment.trim() || '—';
    const off = r.offering.trim() || '—';
    if (!segments.includes(seg)) segments.push(seg);
    if (!offerings.includes(off)) offerings.push(off);
    const line = cells.get(seg) ?? new Map<string, PotentialCell>();
    const prev = line.get(off) ?? { potential: 0, current: 0, state: 'none' as CellState };
    const potential = prev.potential + r.potential;
    const current = prev.current + r.current;
    line.set(off, { potential, current, state: cellState(potential, current) });
    cells.set(seg, line);
  }
  return {
    segments,
    offerings,
    cells,
    totalPotential: rows.reduce((s, r) => s + r.potential, 0),
    totalCurrent: rows.reduce((s, r) => s + r.current, 0),
  };
}

function cellState(potential: number, current: number): CellState {
  if (potential <= 0) return current > 0 ? 'covered' : 'none';
  if (current <= 0) return 'whitespace';
  return current >= potential ? 'covered' : 'partial';
}
