/**
 * The buyer relationship map drawn as an SVG org chart (issue 15), loaded on demand (its own chunk,
 * outside the page's first-load budget). Layout and gaps come from shared/buyer-map; this only draws:
 * attitude as fill colour (and a symbol, never colour alone), influence as border weight and dots,
 * executive and key-person marks, the last contact, reporting lines, influence arrows, placeholder
 * nodes for the gaps, and a deal's buying committee highlighted. Zoom and pan by buttons, wheel, drag
 * or keys; every node is focusable (roving tabindex), arrow keys walk the chart, Enter opens the
 * person below the map, and each node's accessible name says what the drawing shows.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Bilingual } from '../../../shared/config/schema';
import { ATTITUDE_LABELS, BUYING_ROLE_LABELS, fillTemplate } from '../../../shared/i18n/labels';
import type { Attitude } from '../../../shared/model/keys';
import type { MapGap } from '../../../shared/buyer-map/gaps';
import {
  NODE_H,
  NODE_W,
  layoutBuyerMap,
  neighbour,
  type MapKey,
  type MapLayout,
  type MapNode,
} from '../../../shared/buyer-map/layout';
import { formatDay } from '../../common/format';
import type { AccountView, PersonView } from '../data/account-view';
import { useUi } from '../ui/ui-context';

const s = (ja: string, en: string): Bilingual => ({ ja, en });
const M = {
  label: s('バイヤー相関図（組織図）', 'Buyer relationship map (org chart)'),
  help: s(
    '矢印キーで移動、Enter で詳細、+ − で拡大縮小、0 で全体表示（Ctrl+ホイールでも拡大縮小、背景をドラッグで移動）',
    'Arrow keys move, Enter opens the person, + − zoom, 0 fits the map (Ctrl+wheel zooms too; drag the background to pan)',
  ),
  zoomIn: s('拡大', 'Zoom in'),
  zoomOut: s('縮小', 'Zoom out'),
  fit: s('全体を表示', 'Fit to view'),
  committee: s('購買委員会を表示', 'Show the buying committee of'),
  everyone: s('（案件を選ばない）', '(no deal)'),
  onCommittee: s('購買委員会', 'buying committee'),
  never: s('未接触', 'never met'),
  lastTouch: s('最終接点 {date}', 'last contact {date}'),
  influence: s('影響力 {n}/5', 'influence {n}/5'),
  roleUnset: s('役割未設定', 'no role set'),
  exec: s('役員', 'executive'),
  key: s('キーパーソン', 'key person'),
  reportsTo: s('上司 {name}', 'reports to {name}'),
  sways: s('影響を与える相手 {names}', 'sways {names}'),
  gap: s('空白', 'gap'),
  gapDm: s('意思決定者 未特定', 'Decision maker: nobody'),
  gapExec: s('役員 未接点', 'Executive: nobody'),
  gapRole: s('{role} 不在', '{role}: nobody'),
  gapSegment: s('{segment}', '{segment}'),
  gapSegmentSub: s('連絡先なし（ポテンシャルマップ）', 'no contact (potential map)'),
  neededFor: s('{stage} に必要', 'needed for {stage}'),
  legendReports: s('報告ライン', 'reports to'),
  legendInfluence: s('影響関係', 'influences'),
  legendGap: s('空白（未特定の役割）', 'gap (role nobody holds)'),
  committeeToggle: s(
    '{name} を「{deal}」の購買委員会に入れる',
    '{name} is on the buying committee of “{deal}”',
  ),
  saveFailed: s('保存できませんでした', 'Could not save'),
  dangling: s(
    '影響関係 {n} 件はこの取引先にいない連絡先を指しています',
    '{n} influence lines point at contacts outside this account',
  ),
};

/** Attitude: a fill and a symbol (the symbol carries it without colour). */
const ATTITUDE_MARK: Record<Attitude, string> = {
  advocate: '◎',
  supporter: '○',
  neutral: '－',
  skeptic: '△',
  opponent: '×',
};

const VIEW_H = 420;
const MIN_SCALE = 0.25;
const MAX_SCALE = 2.5;

interface Transform {
  k: number;
  x: number;
  y: number;
}

export interface RelationshipMapProps {
  view: AccountView;
  selected: string | null;
  onSelect: (contactId: string | null) => void;
  /** The deal whose buying committee is highlighted (null: none). */
  dealId: string | null;
  onDeal: (dealId: string | null) => void;
  /** Save who is on the deal's buying committee (absent: read-only). */
  onCommittee?: (dealId: string, contactIds: string[]) => Promise<void> | undefined;
}

export function RelationshipMap(props: RelationshipMapProps) {
  const { l, lang } = useUi();
  const { view } = props;
  const t = (b: Bilingual, v: Record<string, string> = {}) => fillTemplate(l(b), v);
  const contacts = useMemo(() => view.people.map((p) => p.contact), [view.people]);
  const layout = useMemo(() => layoutBuyerMap(contacts, view.buyerGaps), [contacts, view.buyerGaps]);
  const people = useMemo(() => new Map(view.people.map((p) => [p.contact.id as string, p])), [view.people]);
  const deals = view.committees;
  const deal = props.dealId ? deals.find((d) => d.dealId === props.dealId) : undefined;
  const committee = deal ? new Set(deal.contactIds) : null;
  const uncontacted = new Set(
    view.buyerGaps.flatMap((g) => (g.code === 'UNCONTACTED_DECISION_MAKER' ? [g.contactId] : [])),
  );
  const svg = useRef<SVGSVGElement>(null);
  const [focus, setFocus] = useState<string | null>(props.selected ?? layout.nodes[0]?.id ?? null);
  const [tf, setTf] = useState<Transform>({ k: 1, x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; tf: Transform } | null>(null);

  const viewport = () => ({ w: svg.current?.clientWidth || 640, h: svg.current?.clientHeight || VIEW_H });
  const fit = () => {
    const { w, h } = viewport();
    const k = clamp(Math.min(1, (w - 24) / layout.width, (h - 24) / layout.height));
    setTf({ k, x: (w - layout.width * k) / 2, y: Math.max(12, (h - layout.height * k) / 2) });
  };
  // Fit when the drawing's size changes (not after every save, which would undo the rep's zoom).
  useEffect(fit, [layout.width, layout.height]);
  const zoom = (factor: number, cx?: number, cy?: number) =>
    setTf((cur) => {
      const { w, h } = viewport();
      const px = cx ?? w / 2;
      const py = cy ?? h / 2;
      const k = clamp(cur.k * factor);
      return { k, x: px - ((px - cur.x) * k) / cur.k, y: py - ((py - cur.y) * k) / cur.k };
    });
  /** Pan so the node is inside the viewport (keyboard focus never leaves the visible map). */
  const reveal = (n: MapNode) =>
    setTf((cur) => {
      const { w, h } = viewport();
      const left = n.x * cur.k + cur.x;
      const top = n.y * cur.k + cur.y;
      const nw = NODE_W * cur.k;
      const nh = NODE_H * cur.k;
      const x = left < 8 ? cur.x + 8 - left : left + nw > w - 8 ? cur.x - (left + nw - w + 8) : cur.x;
      const y = top < 8 ? cur.y + 8 - top : top + nh > h - 8 ? cur.y - (top + nh - h + 8) : cur.y;
      return x === cur.x && y === cur.y ? cur : { ...cur, x, y };
    });
  const moveTo = (id: string) => {
    const n = layout.nodes.find((x) => x.id === id);
    if (!n) return;
    setFocus(id);
    reveal(n);
    const nodes = svg.current?.querySelectorAll<SVGGElement>('[data-node]') ?? [];
    [...nodes].find((el) => el.getAttribute('data-node') === id)?.focus();
  };
  const onKey = (e: KeyboardEvent, n: MapNode) => {
    if (e.key === '+' || e.key === '=') zoom(1.25);
    else if (e.key === '-') zoom(0.8);
    else if (e.key === '0') fit();
    else if (e.key === 'Enter' || e.key === ' ') props.onSelect(n.kind === 'person' ? n.id : null);
    else if (/^(Arrow(Up|Down|Left|Right)|Home|End)$/.test(e.key))
      moveTo(neighbour(layout, n.id, e.key as MapKey));
    else return;
    e.preventDefault();
  };
  const tabStop = focus && layout.nodes.some((n) => n.id === focus) ? focus : (layout.nodes[0]?.id ?? null);

  return (
    <div class="rmap" data-testid="relationship-map">
      <div class="rmap-tools">
        <label class="rmap-deal">
          <span>{t(M.committee)}</span>
          <select
            value={props.dealId ?? ''}
            data-testid="committee-deal"
            onChange={(e) => props.onDeal(e.currentTarget.value || null)}
          >
            <option value="">{t(M.everyone)}</option>
            {deals.map((d) => (
              <option key={d.dealId} value={d.dealId}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <span class="rmap-zoom">
          <button type="button" class="btn small" onClick={() => zoom(0.8)} aria-label={t(M.zoomOut)}>
            −
          </button>
          <button type="button" class="btn small" onClick={() => zoom(1.25)} aria-label={t(M.zoomIn)}>
            ＋
          </button>
          <button type="button" class="btn small" onClick={fit}>
            {t(M.fit)}
          </button>
        </span>
      </div>
      <p class="muted small rmap-help" id="rmap-help">
        {t(M.help)}
      </p>
      <svg
        ref={svg}
        class="rmap-svg"
        role="group"
        aria-label={t(M.label)}
        aria-describedby="rmap-help"
        height={VIEW_H}
        onWheel={(e) => {
          // Ctrl/⌘ + wheel (and a trackpad pinch) zooms; the plain wheel keeps scrolling the page.
          if (!e.ctrlKey && !e.metaKey) return;
          e.preventDefault();
          const r = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
          zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top);
        }}
        onPointerDown={(e) => {
          if ((e.target as Element).closest('[data-node]')) return;
          drag.current = { x: e.clientX, y: e.clientY, tf };
          (e.currentTarget as SVGSVGElement).setPointerCapture?.(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) setTf({ ...d.tf, x: d.tf.x + e.clientX - d.x, y: d.tf.y + e.clientY - d.y });
        }}
        onPointerUp={() => (drag.current = null)}
      >
        <defs>
          <marker
            id="rmap-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0L10,5L0,10z" class="rmap-arrowhead" />
          </marker>
        </defs>
        <g transform={`translate(${tf.x},${tf.y}) scale(${tf.k})`}>
          <Edges layout={layout} committee={committee} />
          {layout.nodes.map((n) => {
            const dim = committee != null && (n.kind === 'gap' || !committee.has(n.id));
            const common = {
              key: n.id,
              'data-node': n.id,
              role: 'button' as const,
              tabindex: n.id === tabStop ? 0 : -1,
              transform: `translate(${n.x},${n.y})`,
              onKeyDown: (e: KeyboardEvent) => onKey(e, n),
              onFocus: () => setFocus(n.id),
              onClick: () => {
                setFocus(n.id);
                props.onSelect(n.kind === 'person' ? n.id : null);
              },
            };
            if (n.kind === 'gap') {
              const g = gapText(n.gap, t, view);
              return (
                <g
                  {...common}
                  class={`rmap-node gap${dim ? ' dim' : ''}`}
                  data-gap-node={n.gap.code}
                  aria-label={`${t(M.gap)}: ${g.join('、')}`}
                >
                  <rect width={NODE_W} height={NODE_H} rx={8} />
                  <text x={10} y={24} class="rmap-name">
                    ？ {clip(g[0] ?? '', 11)}
                  </text>
                  {g[1] && (
                    <text x={10} y={46} class="rmap-sub">
                      {clip(g[1], 13)}
                    </text>
                  )}
                </g>
              );
            }
            const p = people.get(n.id) as PersonView;
            const on = committee?.has(n.id) ?? false;
            const label = personLabel(p, {
              t,
              l,
              lang,
              view,
              people,
              layout,
              on,
              never: uncontacted.has(n.id),
            });
            return (
              <g
                {...common}
                class={`rmap-node att-${p.contact.attitude ?? 'none'}${dim ? ' dim' : ''}${on ? ' committee' : ''}${uncontacted.has(n.id) ? ' never' : ''}${props.selected === n.id ? ' selected' : ''}`}
                aria-label={label}
                aria-pressed={props.selected === n.id}
              >
                {on && (
                  <rect class="rmap-ring" x={-5} y={-5} width={NODE_W + 10} height={NODE_H + 10} rx={11} />
                )}
                <rect
                  width={NODE_W}
                  height={NODE_H}
                  rx={8}
                  style={{ strokeWidth: 1 + ((p.contact.influence ?? 1) - 1) * 0.75 }}
                />
                <title>{p.contact.name}</title>
                <text x={8} y={17} class="rmap-name">
                  {clip(p.contact.name, 9)}
                  {p.executive && <tspan class="rmap-exec"> {lang === 'ja' ? '役' : 'EX'}</tspan>}
                  {p.key && <tspan class="rmap-key"> ★</tspan>}
                </text>
                <text x={8} y={33} class="rmap-sub">
                  {p.contact.attitude ? `${ATTITUDE_MARK[p.contact.attitude]} ` : ''}
                  {clip(
                    p.contact.buyingRole ? l(BUYING_ROLE_LABELS[p.contact.buyingRole]) : t(M.roleUnset),
                    14,
                  )}
                </text>
                <text x={8} y={48} class="rmap-sub">
                  {clip([p.contact.title, p.contact.department].filter(Boolean).join(' · '), 13)}
                </text>
                <text x={8} y={62} class={`rmap-sub${p.lastTouch == null ? ' rmap-never' : ''}`}>
                  {p.lastTouch == null ? t(M.never) : formatDay(p.lastTouch, view.offset)}
                </text>
                {p.contact.influence != null && (
                  <text x={NODE_W - 8} y={62} class="rmap-dots" text-anchor="end" aria-hidden="true">
                    {'●'.repeat(p.contact.influence) + '○'.repeat(Math.max(0, 5 - p.contact.influence))}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      <ul class="rmap-legend muted small" aria-hidden="true">
        <li>
          <span class="rmap-l-reports" /> {t(M.legendReports)}
        </li>
        <li>
          <span class="rmap-l-influence" /> {t(M.legendInfluence)}
        </li>
        <li>
          <span class="rmap-l-gap" /> {t(M.legendGap)}
        </li>
        {(Object.keys(ATTITUDE_MARK) as Attitude[]).map((a) => (
          <li key={a}>
            <span class={`rmap-l-att att-${a}`}>{ATTITUDE_MARK[a]}</span> {l(ATTITUDE_LABELS[a])}
          </li>
        ))}
      </ul>
      {deal && props.onCommittee && props.selected && people.has(props.selected) && (
        <CommitteeToggle
          deal={deal}
          contactId={props.selected}
          name={people.get(props.selected)?.contact.name ?? ''}
          own={deal.contactId === props.selected}
          save={props.onCommittee}
        />
      )}
      {layout.danglingInfluences > 0 && (
        <p class="notice warn small" data-testid="dangling-influences">
          {t(M.dangling, { n: String(layout.danglingInfluences) })}
        </p>
      )}
    </div>
  );
}

/** Put the selected person on (or off) the deal's buying committee; the deal's own contact stays on. */
function CommitteeToggle(props: {
  deal: AccountView['committees'][number];
  contactId: string;
  name: string;
  own: boolean;
  save: (dealId: string, contactIds: string[]) => Promise<void> | undefined;
}) {
  const { l } = useUi();
  /** The ticked value while it saves (then the deal's committee shows it). */
  const [pending, setPending] = useState<boolean | null>(null);
  const [failed, setFailed] = useState(false);
  const on = pending ?? props.deal.contactIds.includes(props.contactId);
  return (
    <p class="rmap-committee-edit">
      <label class="checkbox">
        <input
          type="checkbox"
          data-testid="committee-toggle"
          checked={on}
          disabled={props.own || pending != null}
          onChange={async (e) => {
            const want = e.currentTarget.checked;
            const next = want
              ? [...props.deal.contactIds, props.contactId]
              : props.deal.contactIds.filter((id) => id !== props.contactId);
            setPending(want);
            setFailed(false);
            try {
              await props.save(props.deal.dealId, next);
            } catch {
              setFailed(true);
            } finally {
              setPending(null);
            }
          }}
        />
        {fillTemplate(l(M.committeeToggle), { name: props.name, deal: props.deal.name })}
      </label>
      {failed && (
        <span class="save-status danger" role="alert">
          {l(M.saveFailed)}
        </span>
      )}
    </p>
  );
}

function Edges(props: { layout: MapLayout; committee: Set<string> | null }) {
  const at = new Map(props.layout.nodes.map((n) => [n.id, n]));
  return (
    <g class="rmap-edges" aria-hidden="true">
      {props.layout.edges.map((e) => {
        const a = at.get(e.from) as MapNode;
        const b = at.get(e.to) as MapNode;
        const dim = props.committee != null && !(props.committee.has(e.from) && props.committee.has(e.to));
        if (e.kind === 'reports') {
          const x1 = a.x + NODE_W / 2;
          const y1 = a.y + NODE_H;
          const x2 = b.x + NODE_W / 2;
          const y2 = b.y;
          const mid = (y1 + y2) / 2;
          return (
            <path
              key={`r${e.from}-${e.to}`}
              class={`rmap-reports${dim ? ' dim' : ''}`}
              d={`M${x1},${y1}V${mid}H${x2}V${y2}`}
            />
          );
        }
        const [x1, y1] = border(a, b);
        const [x2, y2] = border(b, a);
        // Bend the arrow so a pair of opposite lines (A sways B, B sways A) do not overlap.
        const cx = (x1 + x2) / 2 + (y2 - y1) * 0.2;
        const cy = (y1 + y2) / 2 - (x2 - x1) * 0.2;
        return (
          <path
            key={`i${e.from}-${e.to}`}
            class={`rmap-influence${dim ? ' dim' : ''}`}
            data-influence={`${e.from}>${e.to}`}
            d={`M${x1},${y1}Q${cx},${cy} ${x2},${y2}`}
            marker-end="url(#rmap-arrow)"
          />
        );
      })}
    </g>
  );
}

/** Where the line from a's centre towards b's centre leaves a's box. */
function border(a: MapNode, b: MapNode): [number, number] {
  const ax = a.x + NODE_W / 2;
  const ay = a.y + NODE_H / 2;
  const dx = b.x + NODE_W / 2 - ax;
  const dy = b.y + NODE_H / 2 - ay;
  const f = 1 / Math.max(Math.abs(dx) / (NODE_W / 2), Math.abs(dy) / (NODE_H / 2), 1e-9);
  return [ax + dx * Math.min(1, f), ay + dy * Math.min(1, f)];
}

type T = (b: Bilingual, v?: Record<string, string>) => string;

function gapText(g: MapGap, t: T, view: AccountView): string[] {
  const stage = (key: string | null) => {
    const st = key ? view.config.stages.find((x) => x.key === key) : undefined;
    return st ? t(M.neededFor, { stage: t(st.label) }) : '';
  };
  switch (g.code) {
    case 'NO_DECISION_MAKER':
      return [t(M.gapDm), stage(g.neededFor)];
    case 'NO_EXECUTIVE':
      return [t(M.gapExec), stage(g.neededFor)];
    case 'MISSING_KEY_ROLE':
      return [t(M.gapRole, { role: t(BUYING_ROLE_LABELS[g.role]) }), ''];
    case 'NO_CONTACT_IN_SEGMENT':
      return [g.segment, t(M.gapSegmentSub)];
    case 'UNCONTACTED_DECISION_MAKER':
      return [t(M.never), ''];
  }
}

function personLabel(
  p: PersonView,
  o: {
    t: T;
    l: (b: Bilingual) => string;
    lang: string;
    view: AccountView;
    people: Map<string, PersonView>;
    layout: MapLayout;
    on: boolean;
    never: boolean;
  },
): string {
  const c = p.contact;
  const { t } = o;
  const boss = c.reportingToId ? o.people.get(c.reportingToId) : undefined;
  const sways = o.layout.edges
    .filter((e) => e.kind === 'influences' && e.from === c.id)
    .map((e) => o.people.get(e.to)?.contact.name ?? '');
  return [
    c.name,
    [c.title, c.department].filter(Boolean).join(' · '),
    c.buyingRole ? o.l(BUYING_ROLE_LABELS[c.buyingRole]) : t(M.roleUnset),
    c.attitude ? o.l(ATTITUDE_LABELS[c.attitude]) : '',
    c.influence != null ? t(M.influence, { n: String(c.influence) }) : '',
    p.executive ? t(M.exec) : '',
    p.key ? t(M.key) : '',
    p.lastTouch == null ? t(M.never) : t(M.lastTouch, { date: formatDay(p.lastTouch, o.view.offset) }),
    boss ? t(M.reportsTo, { name: boss.contact.name }) : '',
    sways.length > 0 ? t(M.sways, { names: sways.join(o.lang === 'ja' ? '、' : ', ') }) : '',
    o.on ? t(M.onCommittee) : '',
  ]
    .filter((x) => x !== '')
    .join(o.lang === 'ja' ? '、' : ', ');
}

/** Cut to fit `max` full-width characters (a half-width one counts about half), with an ellipsis. */
function clip(text: string, max: number): string {
  const w = (ch: string) => (ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1);
  const chars = [...text];
  if (chars.reduce((sum, ch) => sum + w(ch), 0) <= max) return text;
  let used = 0;
  let out = '';
  for (const ch of chars) {
    if (used + w(ch) > max - 1) break;
    used += w(ch);
    out += ch;
  }
  return `${out}…`;
}

function clamp(k: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));
}
