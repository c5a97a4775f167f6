/**
 * Trends from the daily account snapshots (the `ESM_Snapshots` module the service writes).
 *
 * What the service writes (`planSnapshots`): once a day, a snapshot of every computed account whose
 * values (stage, KPI targets met, KGIs, health, owner) differ from its previous snapshot; and on the
 * first run of each month every computed account, marked with the month (`Snapshot_Month`) — the
 * account's anchor of that month. An account's value on a day is its latest snapshot on or before that day.
 *
 * What the web tab reads (`trendMonths`): only the anchors of the months it samples — each month of
 * the chosen period and the previous one (each quarter start for a fiscal year) — so a load reads
 * (samples × accounts) rows, never the daily rows. `computeTrends` rolls them up for the accounts in
 * view, with "now" taken from the accounts themselves. Pure.
 */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import { KGI_KEYS, type KgiKey } from '../model/keys';
import { addDays, localDateOf, offsetMinutes } from '../model/time';
import type { Instant, LocalDate } from '../model/types';
import type { PortfolioView } from './filter';
import { accountTargets } from './kpis';
import { isComputed, type PeriodKey, type PortfolioAccount, type StageSlot } from './model';
import { periodRange, TRAILING_DAYS } from './period';
import { stageSlots } from './reps';

/** What one snapshot says about an account. */
export interface SnapshotValues {
  stage: StageSlot | null;
  ownerId: string | null;
  health: number | null;
  /** KPI targets of the stage met, and how many there are. */
  kpisMet: number | null;
  kpiTargets: number | null;
  kgis: Partial<Record<KgiKey, number | null>>;
}

export interface AccountSnapshot extends SnapshotValues {
  id: string;
  accountId: string;
  date: LocalDate;
  /** `YYYY-MM` on a month's anchor (every account, the month's first snapshot run); else null. */
  month: string | null;
}

/** The snapshot of an account as the portfolio reads it now; null when the service has not computed it. */
export function snapshotValues(a: PortfolioAccount, config: SalesProcessConfig): SnapshotValues | null {
  if (!isComputed(a)) return null;
  const targets = accountTargets(a, config);
  const kgis: SnapshotValues['kgis'] = {};
  for (const k of config.kgis) kgis[k] = a.kgis[k] ?? null;
  return {
    stage: a.stage,
    ownerId: a.ownerId,
    health: a.health,
    kpisMet: targets.filter((t) => t.met).length,
    kpiTargets: targets.length,
    kgis,
  };
}

export function sameSnapshot(a: SnapshotValues, b: SnapshotValues): boolean {
  if (
    a.stage !== b.stage ||
    a.ownerId !== b.ownerId ||
    a.health !== b.health ||
    a.kpisMet !== b.kpisMet ||
    a.kpiTargets !== b.kpiTargets
  )
    return false;
  const keys = new Set([...Object.keys(a.kgis), ...Object.keys(b.kgis)]) as Set<KgiKey>;
  for (const k of keys) if ((a.kgis[k] ?? null) !== (b.kgis[k] ?? null)) return false;
  return true;
}

/** An account's last snapshot as the service remembers it, and the month of its last anchor. */
export interface LastSnapshot {
  values: SnapshotValues;
  anchorMonth: string | null;
}

export interface SnapshotRow {
  accountId: string;
  accountName: string;
  values: SnapshotValues;
  /** `YYYY-MM`: the account's anchor of this month; null: a change within the month. */
  month: string | null;
}

export interface SnapshotPlan {
  date: LocalDate;
  rows: SnapshotRow[];
}

/**
 * Today's snapshots: each computed account without an anchor of this month gets one; the others
 * only when their values differ from their last snapshot. (Per account, so a run that failed half-way
 * is finished by the next one without writing anything twice.)
 */
export function planSnapshots(
  accounts: readonly PortfolioAccount[],
  last: ReadonlyMap<string, LastSnapshot>,
  config: SalesProcessConfig,
  asOf: Instant,
): SnapshotPlan {
  const date = localDateOf(asOf, offsetMinutes(config.utcOffset));
  const month = date.slice(0, 7);
  const rows: SnapshotRow[] = [];
  for (const a of accounts) {
    const values = snapshotValues(a, config);
    if (!values) continue;
    const before = last.get(a.id);
    if (before?.anchorMonth !== month) rows.push({ accountId: a.id, accountName: a.name, values, month });
    else if (!sameSnapshot(before.values, values))
      rows.push({ accountId: a.id, accountName: a.name, values, month: null });
  }
  return { date, rows };
}

/** The KGI's field on a snapshot record: the account's KGI field name (e.g. KGI_Annual_Revenue). */
function kgiField(config: SalesProcessConfig, key: KgiKey): string {
  const a = config.fields.account;
  return {
    annual_revenue: a.kgiAnnualRevenue,
    share_of_wallet: a.kgiShareOfWallet,
    fy_orders: a.kgiFyOrders,
    expansion_revenue: a.kgiExpansionRevenue,
  }[key];
}

/** The stage as the snapshot stores it: the stage label in the write-back language (as on the account). */
function stageText(config: SalesProcessConfig, slot: StageSlot | null): string | null {
  if (slot == null) return null;
  const stage = config.stages.find((s) => s.key === slot);
  return (stage?.label ?? config.notStarted.label)[config.writeBackLanguage];
}

function stageSlotOf(config: SalesProcessConfig, text: string | null): StageSlot | null {
  if (text == null) return null;
  const t = text.trim();
  if (t === config.notStarted.label.ja || t === config.notStarted.label.en || t === 'not_started')
    return 'not_started';
  return config.stages.find((s) => s.key === t || s.label.ja === t || s.label.en === t)?.key ?? null;
}

/** A snapshot as the Zoho record the service inserts (DESIGN §3 shapes; share of wallet as percent). */
export function snapshotRecord(
  config: SalesProcessConfig,
  date: LocalDate,
  row: SnapshotRow,
): Record<string, unknown> {
  const s = config.fields.snapshot;
  const v = row.values;
  const out: Record<string, unknown> = {
    Name: `${date} ${row.accountName}`.slice(0, 120),
    [s.account]: { id: row.accountId },
    [s.date]: date,
    [s.month]: row.month,
    [s.stage]: stageText(config, v.stage),
    [s.health]: v.health,
    [s.kpisMet]: v.kpisMet,
    [s.kpiTargets]: v.kpiTargets,
    ...(v.ownerId ? { Owner: { id: v.ownerId } } : {}),
  };
  for (const k of config.kgis) {
    const x = v.kgis[k] ?? null;
    out[kgiField(config, k)] = x == null ? null : k === 'share_of_wallet' ? Math.round(x * 10000) / 100 : x;
  }
  return out;
}

/** A snapshot record read back (the normaliser's reader hands plain values). */
export function snapshotFromRecord(
  config: SalesProcessConfig,
  r: {
    id: string;
    text(f: string): string | null;
    number(f: string): number | null;
    date(f: string): LocalDate | null;
    lookup(f: string): { id: string } | null;
  },
): AccountSnapshot | null {
  const s = config.fields.snapshot;
  const accountId = r.lookup(s.account)?.id ?? null;
  const date = r.date(s.date);
  if (accountId == null || date == null) return null;
  const month = r.text(s.month)?.trim() || null;
  const kgis: SnapshotValues['kgis'] = {};
  for (const k of config.kgis) {
    const x = r.number(kgiField(config, k));
    kgis[k] = x == null ? null : k === 'share_of_wallet' ? x / 100 : x;
  }
  return {
    id: r.id,
    accountId,
    date,
    month: month && /^\d{4}-\d{2}$/.test(month) ? month : null,
    stage: stageSlotOf(config, r.text(s.stage)),
    ownerId: r.lookup('Owner')?.id ?? null,
    health: r.number(s.health),
    kpisMet: r.number(s.kpisMet),
    kpiTargets: r.number(s.kpiTargets),
    kgis,
  };
}

// ── what the web tab samples ────────────────────────────────────────────────────────────────────

export interface TrendSample {
  /** `YYYY-MM` of the anchor read, or null for "now" (the accounts as they are). */
  month: string | null;
  /** The day the sample stands for: the month's first day, or today. */
  date: LocalDate;
  /** In the chosen period (`current`) or the one before it (`previous`). */
  part: 'previous' | 'current';
}

export interface TrendWindow {
  previousStart: LocalDate;
  start: LocalDate;
  today: LocalDate;
  samples: TrendSample[];
}

const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
const monthText = (i: number) =>
  `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

/**
 * The months whose anchors show the chosen period and the previous one of the same length: every
 * month (a quarter, the trailing 90 days) or every third (a fiscal year), from the month the previous
 * period starts in; then "now".
 */
export function trendWindow(key: PeriodKey, asOf: Instant, config: SalesProcessConfig): TrendWindow {
  const range = periodRange(key, asOf, config);
  const start = range.startDate;
  const today = range.endDate;
  const previousStart =
    key === 'trailing_90d'
      ? addDays(start, -TRAILING_DAYS)
      : (`${monthText(monthIndex(start) - (key === 'quarter' ? 3 : 12))}-01` as LocalDate);
  const step = key === 'fiscal_year' ? 3 : 1;
  const samples: TrendSample[] = [];
  for (let i = monthIndex(previousStart); i <= monthIndex(today); i += step) {
    const date = `${monthText(i)}-01` as LocalDate;
    if (date > today) break;
    samples.push({ month: monthText(i), date, part: date < start ? 'previous' : 'current' });
  }
  samples.push({ month: null, date: today, part: 'current' });
  return { previousStart, start, today, samples };
}

/** The anchor months a window reads (what the web tab asks the CRM for). */
export function trendMonths(window: TrendWindow): string[] {
  return window.samples.map((s) => s.month).filter((m): m is string => m !== null);
}

// ── roll-ups ────────────────────────────────────────────────────────────────────────────────────

export interface TrendComparison {
  metric: 'advanced_share' | 'kpi_attainment' | 'health' | KgiKey;
  label: Bilingual;
  /** Values at the previous period's start, the chosen period's start and now (null: no data). */
  atPreviousStart: number | null;
  atStart: number | null;
  now: number | null;
  previousChange: number | null;
  currentChange: number | null;
}

export interface Trends {
  samples: TrendSample[];
  /** Accounts in view with a value at each sample (the anchors cover computed accounts only). */
  covered: number[];
  /** Accounts per stage slot at each sample. */
  distribution: { slot: StageSlot; counts: number[] }[];
  /** KPI targets met / targets, over the team and per current owner, at each sample. */
  attainment: { team: (number | null)[]; perRep: { ownerId: string | null; values: (number | null)[] }[] };
  /** Σ of each KGI over the accounts in view, at each sample. */
  kgiTotals: { key: KgiKey; values: (number | null)[] }[];
  /** Per account: each KGI at each sample (the table's sparklines). */
  accountKgis: Record<string, Partial<Record<KgiKey, (number | null)[]>>>;
  comparison: TrendComparison[];
}

const COMPARISON_LABELS: Record<'advanced_share' | 'kpi_attainment' | 'health', Bilingual> = {
  advanced_share: { ja: '課題共有以降の社数の割合', en: 'Share of accounts past the first stage' },
  kpi_attainment: { ja: 'KPI 目標の達成率', en: 'KPI targets met' },
  health: { ja: '健全性の平均', en: 'Average health' },
};
const KGI_LABELS: Record<KgiKey, Bilingual> = {
  annual_revenue: { ja: '年間売上（合計）', en: 'Annual revenue (total)' },
  share_of_wallet: { ja: 'シェア・オブ・ウォレット（平均）', en: 'Share of wallet (average)' },
  fy_orders: { ja: '今年度受注（合計）', en: 'FY orders (total)' },
  expansion_revenue: { ja: '拡大売上（合計）', en: 'Expansion revenue (total)' },
};

/**
 * The trends of the accounts in view: at each sample the anchor of that month (now: the accounts'
 * own fields). Accounts are those in view now (filters choose by today's owner, stage, industry).
 */
export function computeTrends(
  view: PortfolioView,
  snapshots: readonly AccountSnapshot[],
  config: SalesProcessConfig,
  window: TrendWindow,
): Trends {
  const inView = new Set(view.accounts.map((a) => a.id));
  const byMonth = new Map<string, Map<string, SnapshotValues>>();
  for (const s of snapshots) {
    if (s.month == null || !inView.has(s.accountId)) continue;
    let m = byMonth.get(s.month);
    if (!m) byMonth.set(s.month, (m = new Map()));
    const kept = m.get(s.accountId) as AccountSnapshot | undefined;
    if (!kept || kept.date > s.date) m.set(s.accountId, s);
  }
  const now = new Map<string, SnapshotValues>();
  for (const a of view.accounts) {
    const v = snapshotValues(a, config);
    if (v) now.set(a.id, v);
  }
  const at = window.samples.map((s) => (s.month === null ? now : (byMonth.get(s.month) ?? new Map())));
  const owners = new Map(view.accounts.map((a) => [a.id, a.ownerId]));
  const slots = stageSlots(config);
  const ratio = (met: number, of: number) => (of > 0 ? met / of : null);

  const distribution = slots.map((slot) => ({
    slot,
    counts: at.map((m) => [...m.values()].filter((v) => v.stage === slot).length),
  }));
  const attainmentOf = (m: Map<string, SnapshotValues>, owner?: string | null) => {
    let met = 0;
    let of = 0;
    for (const [id, v] of m) {
      if (owner !== undefined && (owners.get(id) ?? null) !== owner) continue;
      met += v.kpisMet ?? 0;
      of += v.kpiTargets ?? 0;
    }
    return ratio(met, of);
  };
  const repIds = [...new Set(view.accounts.map((a) => a.ownerId))];
  const kgiKeys = KGI_KEYS.filter((k) => config.kgis.includes(k));
  const kgiOf = (m: Map<string, SnapshotValues>, k: KgiKey): number | null => {
    const xs = [...m.values()].map((v) => v.kgis[k]).filter((x): x is number => x != null);
    if (xs.length === 0) return null;
    const sum = xs.reduce((s, x) => s + x, 0);
    return k === 'share_of_wallet' ? sum / xs.length : sum;
  };
  const accountKgis: Trends['accountKgis'] = {};
  for (const a of view.accounts) {
    const series: Partial<Record<KgiKey, (number | null)[]>> = {};
    for (const k of kgiKeys) series[k] = at.map((m) => m.get(a.id)?.kgis[k] ?? null);
    accountKgis[a.id] = series;
  }
  const firstIndex = slots.indexOf('not_started');
  const advanced = (m: Map<string, SnapshotValues>) => {
    const vs = [...m.values()].filter((v) => v.stage != null);
    return vs.length === 0
      ? null
      : vs.filter((v) => slots.indexOf(v.stage as string) > firstIndex + 1).length / vs.length;
  };
  const healthOf = (m: Map<string, SnapshotValues>) => {
    const xs = [...m.values()].map((v) => v.health).filter((x): x is number => x != null);
    return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
  };

  // the sample at (or just before) a day: previous start, chosen start
  const indexAt = (day: LocalDate) => {
    let k = -1;
    window.samples.forEach((s, i) => {
      if (s.month !== null && s.date <= day) k = i;
    });
    return k;
  };
  const iPrev = indexAt(window.previousStart);
  const iStart = indexAt(window.start);
  const iNow = window.samples.length - 1;
  const measure = (
    metric: TrendComparison['metric'],
    label: Bilingual,
    f: (m: Map<string, SnapshotValues>) => number | null,
  ): TrendComparison => {
    const v = (i: number) =>
      i < 0 || (at[i] as Map<string, SnapshotValues>).size === 0
        ? null
        : f(at[i] as Map<string, SnapshotValues>);
    const p = v(iPrev);
    const s = v(iStart);
    const n = v(iNow);
    const diff = (a: number | null, b: number | null) => (a == null || b == null ? null : b - a);
    return {
      metric,
      label,
      atPreviousStart: p,
      atStart: s,
      now: n,
      previousChange: diff(p, s),
      currentChange: diff(s, n),
    };
  };
  return {
    samples: window.samples,
    covered: at.map((m) => m.size),
    distribution,
    attainment: {
      team: at.map((m) => attainmentOf(m)),
      perRep: repIds.map((ownerId) => ({ ownerId, values: at.map((m) => attainmentOf(m, ownerId)) })),
    },
    kgiTotals: kgiKeys.map((key) => ({ key, values: at.map((m) => kgiOf(m, key)) })),
    accountKgis,
    comparison: [
      measure('advanced_share', COMPARISON_LABELS.advanced_share, advanced),
      measure('kpi_attainment', COMPARISON_LABELS.kpi_attainment, (m) => attainmentOf(m)),
      measure('health', COMPARISON_LABELS.health, healthOf),
      ...kgiKeys.map((k) => measure(k, KGI_LABELS[k], (m) => kgiOf(m, k))),
    ],
  };
}
