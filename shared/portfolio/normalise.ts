/**
 * Zoho-shaped records (DESIGN §3: Accounts, Deals, Relationship_Stage_History and `users`, as the
 * GET records / COQL / users APIs return them) → the portfolio model. The web tab feeds it what it
 * read from the CRM; the service feeds it its mirror. A malformed record becomes a data issue and
 * the rest carries on.
 */
import { stageKeyFromCrmValue } from '../config/picklists';
import type { SalesProcessConfig } from '../config/schema';
import { compileConfig } from '../engine/compiled';
import {
  KPI_KEYS,
  RATIO_KPIS,
  kgiFieldName,
  kpiFieldName,
  type BuyingStageKey,
  type KgiKey,
  type KpiKey,
} from '../model/keys';
import { offsetMinutes } from '../model/time';
import { ISSUE_TEXT } from '../i18n/issues';
import type { DataIssue } from '../model/types';
import { RecordReader } from '../normalise/reader';
import { parseAlertStamp } from './alerts';
import { snapshotFromRecord, type AccountSnapshot } from './trends';
import {
  NOT_STARTED,
  type Portfolio,
  type PortfolioAccount,
  type PortfolioAlert,
  type PortfolioDeal,
  type PortfolioStageChange,
  type PortfolioUser,
  type StageSlot,
  type UserKind,
} from './model';

/** The dataset key of the org's users (DESIGN §3). */
export const USERS_KEY = 'users';

export function normalisePortfolio(raw: Record<string, unknown>, config: SalesProcessConfig): Portfolio {
  const issues: DataIssue[] = [];
  const offset = offsetMinutes(config.utcOffset);
  const m = config.fields.modules;
  const each = <T>(module: string, read: (r: RecordReader) => T | null): T[] => {
    const list = raw[module];
    if (list !== undefined && !Array.isArray(list)) {
      issues.push({ code: 'INVALID_RECORD', message: ISSUE_TEXT.notAList(module) });
      return [];
    }
    const out: T[] = [];
    (list ?? []).forEach((rec, i) => {
      const r = RecordReader.open(rec, module, i, issues, offset);
      const v = r ? read(r) : null;
      if (v !== null) out.push(v);
    });
    return out;
  };
  const a = config.fields.account;
  const fields: MetricFields = {
    kpis: KPI_KEYS.map((k) => [k, kpiFieldName(k, a.kpiPrefix)]),
    kgis: config.kgis.map((k) => [k, kgiFieldName(k, a)]),
  };
  const history = each(m.stageHistory, (r) => readChange(r, config, issues));
  history.sort((a, b) => a.at - b.at || compareIds(a.id, b.id));
  return {
    accounts: each(m.accounts, (r) => readAccount(r, config, fields)),
    deals: each(m.deals, (r) => readDeal(r, config, issues)),
    history,
    users: each(USERS_KEY, (r) => readUser(r, config)),
    alerts: each(m.tasks, (r) => readAlert(r, config)),
    ...(raw[m.snapshots] === undefined
      ? {}
      : { snapshots: each(m.snapshots, (r) => readSnapshot(r, config, issues)) }),
    issues,
  };
}

function readSnapshot(
  r: RecordReader,
  config: SalesProcessConfig,
  issues: DataIssue[],
): AccountSnapshot | null {
  const s = snapshotFromRecord(config, r);
  if (s === null)
    issues.push({
      code: 'INVALID_RECORD',
      message: ISSUE_TEXT.incompleteSnapshot(
        r.id,
        config.fields.snapshot.account,
        config.fields.snapshot.date,
      ),
      recordId: r.id,
    });
  return s;
}

/** An open alert task: Alert_Key `CODE:accountId#fingerprint`, a status that is not closed. */
function readAlert(r: RecordReader, config: SalesProcessConfig): PortfolioAlert | null {
  const stamp = r.text(config.fields.task.alertKey);
  const status = r.text(config.fields.task.status);
  if (!stamp || status == null) return null;
  if (status === config.alerts.closedStatus || config.values.taskCompletedStatuses.includes(status))
    return null;
  const { key } = parseAlertStamp(stamp);
  const at = key.indexOf(':');
  if (at <= 0) return null;
  return { id: r.id, code: key.slice(0, at), accountId: key.slice(at + 1) };
}

/** Numeric ids compare as numbers (Zoho ids are 19 digits), others as text. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function slotOf(config: SalesProcessConfig, value: string | null): StageSlot | null {
  const key = stageKeyFromCrmValue(config, value);
  return key === undefined ? null : (key ?? NOT_STARTED);
}

/** The KPI and KGI field names of the accounts, spelled once per read (not 19 times an account). */
interface MetricFields {
  kpis: [KpiKey, string][];
  kgis: [KgiKey, string][];
}

function readAccount(r: RecordReader, config: SalesProcessConfig, fields: MetricFields): PortfolioAccount {
  const a = config.fields.account;
  const kpis: PortfolioAccount['kpis'] = {};
  for (const [key, field] of fields.kpis) {
    const v = r.number(field);
    kpis[key] = v == null ? null : RATIO_KPIS.has(key) ? v / 100 : v;
  }
  const kgis: PortfolioAccount['kgis'] = {};
  for (const [key, field] of fields.kgis) {
    const v = r.number(field);
    kgis[key] = v == null ? null : key === 'share_of_wallet' ? v / 100 : v;
  }
  const progress = r.number(a.stageProgress);
  return {
    id: r.id,
    name: r.text(a.name) ?? `(${r.id})`,
    ownerId: r.lookup(a.owner)?.id ?? null,
    parentId: r.lookup(a.parent)?.id ?? null,
    industry: r.text(a.industry)?.trim() || null,
    isTarget: r.boolean(a.isTargetAccount),
    reading: r.text(a.reading)?.trim() || null,
    stage: slotOf(config, r.text(a.relationshipStage)),
    since: r.date(a.stageSince),
    progress: progress == null ? null : progress / 100,
    gaps: (r.text(a.nextStageGaps) ?? '')
      .split(/\r?\n/)
      .map((line) => line.replace(/^[\s・•\-*]+/, '').trim())
      .filter((line) => line !== ''),
    kpis,
    kgis,
    health: r.number(a.healthScore),
    healthParts: r.text(a.healthParts),
    computedAt: r.instant(a.insightUpdatedAt),
  };
}

function readDeal(r: RecordReader, config: SalesProcessConfig, issues: DataIssue[]): PortfolioDeal | null {
  const d = config.fields.deal;
  const stage = r.text(d.stage);
  if (stage == null) {
    issues.push({ code: 'INVALID_VALUE', message: ISSUE_TEXT.dealWithoutStageLeftOut(r.id), recordId: r.id });
    return null;
  }
  const cc = compileConfig(config);
  const status = cc.won.has(stage) ? 'won' : cc.lost.has(stage) ? 'lost' : 'open';
  const probability = r.number(d.probability);
  return {
    id: r.id,
    name: r.text(d.name) ?? `(${r.id})`,
    accountId: r.lookup(d.account)?.id ?? null,
    ownerId: r.lookup(d.owner)?.id ?? null,
    zohoStage: stage,
    status,
    buyingStage: cc.buyingStageOfZoho.get(stage) ?? buyingStageOfLabel(config, r.text(d.buyingStage)),
    amount: r.number(d.amount),
    closingDate: r.date(d.closingDate),
    zohoProbability: probability == null ? null : probability / 100,
    risks: (r.text(d.forecastRisk) ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const hit = /^([A-Z][A-Z0-9_]*)\s*:\s*(.*)$/.exec(line);
        return hit ? { code: hit[1] as string, text: hit[2] as string } : { code: 'RISK', text: line };
      }),
  };
}

function buyingStageOfLabel(config: SalesProcessConfig, value: string | null): BuyingStageKey | null {
  if (value == null) return null;
  const v = value.trim();
  return config.buyingStages.find((b) => b.key === v || b.label.ja === v || b.label.en === v)?.key ?? null;
}

function readChange(
  r: RecordReader,
  config: SalesProcessConfig,
  issues: DataIssue[],
): PortfolioStageChange | null {
  const h = config.fields.stageHistory;
  const accountId = r.lookup(h.account)?.id ?? null;
  const at = r.instant(h.changedAt);
  if (accountId == null || at == null) {
    issues.push({
      code: 'INVALID_RECORD',
      message: ISSUE_TEXT.historyWithout(r.id, accountId == null ? h.account : h.changedAt),
      recordId: r.id,
    });
    return null;
  }
  const from = r.text(h.from);
  const to = stageKeyFromCrmValue(config, r.text(h.to));
  return {
    id: r.id,
    accountId,
    from: from == null || from.trim() === '' ? null : toSlot(stageKeyFromCrmValue(config, from)),
    to: toSlot(to),
    at,
  };
}

function toSlot(key: string | null | undefined): StageSlot | undefined {
  return key === undefined ? undefined : (key ?? NOT_STARTED);
}

function readUser(r: RecordReader, config: SalesProcessConfig): PortfolioUser {
  const raw = r.raw('role');
  const role =
    raw != null && typeof raw === 'object' && typeof (raw as { name?: unknown }).name === 'string'
      ? (raw as { name: string }).name.trim() || null
      : null;
  const name =
    r.text('full_name') ?? ([r.text('last_name'), r.text('first_name')].filter(Boolean).join(' ') || r.id);
  return {
    id: r.id,
    name,
    role,
    kind: userKind(config, role),
    reportsTo: r.lookup('Reporting_To')?.id ?? null,
  };
}

export function userKind(config: SalesProcessConfig, role: string | null): UserKind {
  if (role == null) return 'other';
  const t = config.team;
  if (t.fieldSalesRoles.includes(role)) return 'field';
  if (t.insideSalesRoles.includes(role)) return 'inside';
  if (t.managerRoles.includes(role)) return 'manager';
  return 'other';
}
