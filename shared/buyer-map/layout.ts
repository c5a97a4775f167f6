/**
 * The buyer relationship map as an org chart (issue 15): people placed under their `Reporting_To`
 * (a tidy tree: leaves side by side, a boss centred over its reports), contacts without a boss in
 * the account packed in a grid beside the trees, and a placeholder node for each role the map is
 * missing. Coordinates are in px of the drawing; the widget only draws them. Pure.
 */
import type { Contact } from '../model/types';
import type { MapGap } from './gaps';
import { byName, inCycle } from './org-chart';

export const NODE_W = 168;
export const NODE_H = 68;
const GAP_X = 20;
const GAP_Y = 44;
/** Contacts without a boss and without reports are packed this many to a row. */
const LOOSE_COLUMNS = 4;

export type MapNode =
  | {
      kind: 'person';
      id: string;
      contact: Contact;
      x: number;
      y: number;
      depth: number;
      bossId: string | null;
    }
  | { kind: 'gap'; id: string; gap: MapGap; x: number; y: number; depth: number; bossId: null };

export interface MapEdge {
  from: string;
  to: string;
  kind: 'reports' | 'influences';
}

export interface MapLayout {
  nodes: MapNode[];
  /** `reports`: boss → report. `influences`: who sways → whom (Contacts.Influences). */
  edges: MapEdge[];
  width: number;
  height: number;
  /** Influence lines naming nobody in this account (a contact moved or deleted). */
  danglingInfluences: number;
}

/** Gaps drawn as placeholder nodes (the others mark a node or stand in the list above the map). */
const PLACEHOLDER_CODES: ReadonlySet<MapGap['code']> = new Set([
  'NO_DECISION_MAKER',
  'NO_EXECUTIVE',
  'MISSING_KEY_ROLE',
  'NO_CONTACT_IN_SEGMENT',
]);

export function gapNodeId(g: MapGap): string {
  return `gap:${g.code}:${'role' in g ? g.role : 'segment' in g ? g.segment : ''}`;
}

export function layoutBuyerMap(contacts: Contact[], gaps: MapGap[]): MapLayout {
  const byId = new Map(contacts.map((c) => [c.id as string, c]));
  const reports = new Map<string, Contact[]>();
  const roots: Contact[] = [];
  const bossOf = new Map<string, string>();
  for (const c of contacts) {
    const boss = c.reportingToId && c.reportingToId !== c.id ? byId.get(c.reportingToId) : undefined;
    if (boss && !inCycle(c, byId)) {
      reports.set(boss.id, [...(reports.get(boss.id) ?? []), c]);
      bossOf.set(c.id, boss.id);
    } else roots.push(c);
  }
  // Members of a reporting cycle are roots, so every chain of bosses ends at a root: all are placed.
  const nodes: MapNode[] = [];
  const placed = new Set<string>();
  let nextX = 0;
  let maxDepth = 0;
  const place = (c: Contact, depth: number): number => {
    placed.add(c.id);
    maxDepth = Math.max(maxDepth, depth);
    const kids = byName(reports.get(c.id) ?? []).filter((k) => !placed.has(k.id));
    const node: MapNode = {
      kind: 'person',
      id: c.id,
      contact: c,
      x: 0,
      y: depth * (NODE_H + GAP_Y),
      depth,
      bossId: bossOf.get(c.id) ?? null,
    };
    nodes.push(node);
    if (kids.length === 0) {
      node.x = nextX;
      nextX += NODE_W + GAP_X;
    } else {
      const xs = kids.map((k) => place(k, depth + 1));
      node.x = ((xs[0] as number) + (xs[xs.length - 1] as number)) / 2;
    }
    return node.x;
  };
  const sortedRoots = byName(roots);
  const trees = sortedRoots.filter((r) => (reports.get(r.id) ?? []).length > 0);
  const loose = sortedRoots.filter((r) => (reports.get(r.id) ?? []).length === 0);
  for (const r of trees) place(r, 0);
  // Loose contacts and placeholders: a grid to the right of the trees, from the top row down.
  const gridItems: (Contact | MapGap)[] = [...loose, ...gaps.filter((g) => PLACEHOLDER_CODES.has(g.code))];
  const gridX = nextX;
  gridItems.forEach((item, i) => {
    const col = i % LOOSE_COLUMNS;
    const row = Math.floor(i / LOOSE_COLUMNS);
    const x = gridX + col * (NODE_W + GAP_X);
    const y = row * (NODE_H + GAP_Y);
    maxDepth = Math.max(maxDepth, row);
    if ('code' in item)
      nodes.push({ kind: 'gap', id: gapNodeId(item), gap: item, x, y, depth: row, bossId: null });
    else {
      placed.add(item.id);
      nodes.push({ kind: 'person', id: item.id, contact: item, x, y, depth: row, bossId: null });
    }
  });
  const cols = gridItems.length === 0 ? 0 : Math.min(gridItems.length, LOOSE_COLUMNS);
  const width = Math.max(NODE_W, gridX + cols * (NODE_W + GAP_X) - GAP_X);
  const height = (maxDepth + 1) * (NODE_H + GAP_Y) - GAP_Y;

  const edges: MapEdge[] = [];
  for (const n of nodes) if (n.bossId) edges.push({ from: n.bossId, to: n.id, kind: 'reports' });
  let danglingInfluences = 0;
  for (const c of contacts) {
    for (const to of new Set(c.influences)) {
      if (to === c.id) continue;
      if (byId.has(to)) edges.push({ from: c.id, to, kind: 'influences' });
      else danglingInfluences += 1;
    }
  }
  return { nodes, edges, width, height, danglingInfluences };
}

export type MapKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

/**
 * Keyboard moves on the map: up to the boss, down to the first report, left and right to the
 * nearest node on the same row, Home and End to the first and last node. Returns the node to focus
 * (the same one at an edge).
 */
export function neighbour(layout: MapLayout, id: string, key: MapKey): string {
  const { nodes } = layout;
  const here = nodes.find((n) => n.id === id);
  if (!here) return nodes[0]?.id ?? id;
  const reading = [...nodes].sort((a, b) => a.y - b.y || a.x - b.x);
  switch (key) {
    case 'Home':
      return reading[0]?.id ?? id;
    case 'End':
      return reading[reading.length - 1]?.id ?? id;
    case 'ArrowUp': {
      if (here.bossId) return here.bossId;
      return (
        nearest(
          nodes.filter((n) => n.y < here.y && n.y === maxBelow(nodes, here.y)),
          here.x,
        ) ?? id
      );
    }
    case 'ArrowDown': {
      const kids = nodes.filter((n) => n.bossId === here.id).sort((a, b) => a.x - b.x);
      if (kids[0]) return kids[0].id;
      return (
        nearest(
          nodes.filter((n) => n.y === minAbove(nodes, here.y)),
          here.x,
        ) ?? id
      );
    }
    case 'ArrowLeft':
    case 'ArrowRight': {
      const row = nodes.filter((n) => n.y === here.y).sort((a, b) => a.x - b.x);
      const i = row.findIndex((n) => n.id === id) + (key === 'ArrowLeft' ? -1 : 1);
      return row[i]?.id ?? id;
    }
  }
}

function maxBelow(nodes: MapNode[], y: number): number {
  return Math.max(-1, ...nodes.filter((n) => n.y < y).map((n) => n.y));
}

function minAbove(nodes: MapNode[], y: number): number {
  return Math.min(Infinity, ...nodes.filter((n) => n.y > y).map((n) => n.y));
}

function nearest(list: MapNode[], x: number): string | undefined {
  return [...list].sort((a, b) => Math.abs(a.x - x) - Math.abs(b.x - x))[0]?.id;
}
