import { CONFIG } from '../testing/engine-harness';
import type { BuyingRole } from '../model/keys';
import type { Contact, Deal, ZohoId } from '../model/types';
import { buyerMapGaps, type GapInput, type MapGap } from './gaps';
import { buyingCommittee } from './committee';
import { NODE_H, NODE_W, gapNodeId, layoutBuyerMap, neighbour } from './layout';

const c = (
  id: string,
  o: { boss?: string; role?: BuyingRole; dept?: string; influences?: string[] } = {},
): Contact => ({
  id: id as ZohoId,
  accountId: 'a' as ZohoId,
  name: id,
  department: o.dept ?? null,
  title: null,
  reportingToId: (o.boss ?? null) as ZohoId | null,
  buyingRole: o.role ?? null,
  attitude: null,
  influence: null,
  executiveFlag: false,
  influences: (o.influences ?? []) as ZohoId[],
});

const input = (contacts: Contact[], o: Partial<GapInput> = {}): GapInput => ({
  contacts,
  executive: new Set(),
  contacted: new Set(contacts.map((x) => x.id)),
  segments: [],
  groupNames: [],
  stage: null,
  nextStage: null,
  ...o,
});

describe('buyerMapGaps', () => {
  it('a full map has no gaps', () => {
    const people = [
      c('ceo', { role: 'decision_maker' }),
      c('x', { role: 'champion' }),
      c('y', { role: 'influencer' }),
    ];
    expect(buyerMapGaps(input(people, { executive: new Set(['ceo']) }), CONFIG)).toEqual([]);
  });

  it('names the stage that needs the missing decision maker and executive (経営巻き込み gates on both)', () => {
    const gaps = buyerMapGaps(
      input([c('x', { role: 'champion' })], { stage: 'co_creation', nextStage: 'executive' }),
      CONFIG,
    );
    expect(gaps).toEqual<MapGap[]>([
      { code: 'NO_DECISION_MAKER', neededFor: 'executive' },
      { code: 'NO_EXECUTIVE', neededFor: 'executive' },
      { code: 'MISSING_KEY_ROLE', role: 'influencer' },
    ]);
  });

  it('no stage named when neither the next nor the current stage asks for the role', () => {
    const gaps = buyerMapGaps(input([], { stage: null, nextStage: 'contact' }), CONFIG);
    expect(gaps.filter((g) => 'neededFor' in g)).toEqual([
      { code: 'NO_DECISION_MAKER', neededFor: null },
      { code: 'NO_EXECUTIVE', neededFor: null },
    ]);
  });

  it('the current stage counts when the next one does not need the role', () => {
    // At 経営巻き込み working towards 信頼定着: the executive stage itself needs the decision maker.
    const gaps = buyerMapGaps(input([], { stage: 'executive', nextStage: 'trust' }), CONFIG);
    expect(gaps[0]).toEqual({ code: 'NO_DECISION_MAKER', neededFor: 'executive' });
  });

  it('flags a decision maker nobody has met', () => {
    const dm = c('dm', { role: 'decision_maker' });
    const gaps = buyerMapGaps(input([dm], { contacted: new Set() }), CONFIG);
    expect(gaps).toContainEqual({ code: 'UNCONTACTED_DECISION_MAKER', contactId: 'dm' });
  });

  it('a potential-map segment without a contact, ignoring width, spaces and group companies', () => {
    const people = [c('a', { dept: '経営企画部' }), c('b', { dept: 'ＳＣＭ本部' })];
    const gaps = buyerMapGaps(
      input(people, {
        segments: ['北斗HD 経営企画部', 'SCM本部', '北斗物流', '工場（3拠点）', '工場（3拠点）', ' '],
        groupNames: ['北斗物流株式会社'],
      }),
      CONFIG,
    );
    expect(gaps.filter((g) => g.code === 'NO_CONTACT_IN_SEGMENT')).toEqual([
      { code: 'NO_CONTACT_IN_SEGMENT', segment: '工場（3拠点）' },
    ]);
  });
});

describe('layoutBuyerMap', () => {
  const at = (l: ReturnType<typeof layoutBuyerMap>, id: string) => {
    const n = l.nodes.find((x) => x.id === id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  };

  it('a tidy tree: reports one row down, side by side, the boss centred over them', () => {
    const l = layoutBuyerMap(
      [c('b', { boss: 'a' }), c('a'), c('c', { boss: 'a' }), c('d', { boss: 'b' })],
      [],
    );
    expect(at(l, 'a').y).toBe(0);
    expect(at(l, 'b').y).toBe(at(l, 'c').y);
    expect(at(l, 'd').y).toBeGreaterThanOrEqual(at(l, 'b').y + NODE_H);
    expect(at(l, 'c').x - at(l, 'b').x).toBeGreaterThanOrEqual(NODE_W);
    expect(at(l, 'a').x).toBe((at(l, 'b').x + at(l, 'c').x) / 2);
    expect(
      l.edges
        .filter((e) => e.kind === 'reports')
        .map((e) => `${e.from}>${e.to}`)
        .sort(),
    ).toEqual(['a>b', 'a>c', 'b>d']);
  });

  it('no two nodes overlap, everyone is placed once, the drawing holds them all', () => {
    const people = [
      c('r1'),
      ...['x', 'y', 'z'].map((k) => c(`r1${k}`, { boss: 'r1' })),
      c('r1xa', { boss: 'r1x' }),
      c('r1xb', { boss: 'r1x' }),
      c('r2'),
      c('r2a', { boss: 'r2' }),
      ...Array.from({ length: 6 }, (_, i) => c(`loose${i}`)),
      c('p', { boss: 'q' }),
      c('q', { boss: 'p' }), // a reporting cycle
      c('outside', { boss: 'elsewhere' }),
    ];
    const gaps: MapGap[] = [
      { code: 'NO_DECISION_MAKER', neededFor: null },
      { code: 'MISSING_KEY_ROLE', role: 'champion' },
      { code: 'UNCONTACTED_DECISION_MAKER', contactId: 'r1' },
    ];
    const l = layoutBuyerMap(people, gaps);
    expect(
      l.nodes
        .filter((n) => n.kind === 'person')
        .map((n) => n.id)
        .sort(),
    ).toEqual(people.map((p) => p.id).sort());
    // placeholders for role gaps only: an uncontacted decision maker marks its own node
    expect(l.nodes.filter((n) => n.kind === 'gap').map((n) => n.id)).toEqual([
      gapNodeId(gaps[0] as MapGap),
      gapNodeId(gaps[1] as MapGap),
    ]);
    for (const a of l.nodes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + NODE_W).toBeLessThanOrEqual(l.width);
      expect(a.y + NODE_H).toBeLessThanOrEqual(l.height);
      for (const b of l.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= NODE_W || Math.abs(a.y - b.y) >= NODE_H;
        expect({ a: a.id, b: b.id, apart }).toEqual({ a: a.id, b: b.id, apart: true });
      }
    }
  });

  it('influence lines between people of the account; self and unknown ids left out and counted', () => {
    const l = layoutBuyerMap(
      [c('a', { influences: ['b', 'b', 'a', 'gone'] }), c('b', { influences: ['a'] })],
      [],
    );
    expect(l.edges.filter((e) => e.kind === 'influences')).toEqual([
      { from: 'a', to: 'b', kind: 'influences' },
      { from: 'b', to: 'a', kind: 'influences' },
    ]);
    expect(l.danglingInfluences).toBe(1);
  });

  it('an empty map is one node wide and one row high', () => {
    const l = layoutBuyerMap([], []);
    expect(l.nodes).toEqual([]);
    expect([l.width, l.height]).toEqual([NODE_W, NODE_H]);
  });
});

describe('neighbour (keyboard moves)', () => {
  //      a         loose
  //    b   c
  //    d
  const l = layoutBuyerMap(
    [c('a'), c('b', { boss: 'a' }), c('c', { boss: 'a' }), c('d', { boss: 'b' }), c('loose')],
    [],
  );

  it.each([
    ['a', 'ArrowDown', 'b'],
    ['b', 'ArrowRight', 'c'],
    ['c', 'ArrowLeft', 'b'],
    ['d', 'ArrowUp', 'b'],
    ['b', 'ArrowUp', 'a'],
    ['a', 'ArrowRight', 'loose'],
    ['loose', 'ArrowRight', 'loose'], // an edge: stay
    ['a', 'ArrowUp', 'a'],
    ['c', 'ArrowDown', 'd'], // no reports: the nearest node on the next row
    ['loose', 'ArrowDown', 'c'],
    ['loose', 'ArrowUp', 'loose'],
    ['c', 'Home', 'a'],
    ['a', 'End', 'd'],
  ] as const)('%s %s → %s', (from, key, to) => {
    expect(neighbour(l, from, key)).toBe(to);
  });

  it('an unknown node moves to the first', () => {
    expect(neighbour(l, 'nobody', 'ArrowDown')).toBe(l.nodes[0]?.id);
  });
});

describe('buyingCommittee', () => {
  it("the deal's contact and its Buying_Committee, only people of the account", () => {
    const deal = { contactId: 'a', committee: ['b', 'gone'] } as unknown as Deal;
    expect([...buyingCommittee(deal, [c('a'), c('b'), c('x')])].sort()).toEqual(['a', 'b']);
    expect([...buyingCommittee({ ...deal, contactId: null }, [c('b')])]).toEqual(['b']);
  });
});
