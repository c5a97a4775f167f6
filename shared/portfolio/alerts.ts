/**
 * The config's alert rules over one account's signals (shared/portfolio/signals.ts): each rule that
 * holds becomes one finding, keyed `CODE:accountId` — the key of the one Zoho Task the service keeps
 * for it. The text is in both languages; the service writes the config's writeBackLanguage. Pure.
 */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import type { AlertKind, AlertRule } from '../config/portfolio-schema';
import { once } from '../model/once';
import { localDateOf, offsetMinutes, parseLocalDate, startOfLocalDay } from '../model/time';
import type { Instant } from '../model/types';
import type { AccountSignals } from './signals';

const DAY = 86_400_000;

export interface AlertFinding {
  /** `CODE:accountId`: one task per rule and account. */
  key: string;
  code: string;
  kind: AlertKind;
  accountId: string;
  ownerId: string | null;
  subject: Bilingual;
  /** What holds now (the task's description): changes here update the task. */
  detail: Bilingual;
}

export function alertKey(code: string, accountId: string): string {
  return `${code}:${accountId}`;
}

/**
 * What goes into the task's Alert_Key field: the key and a fingerprint of what the task says and who
 * owns it (`CODE:accountId#fp`). The sync reads only this field back (not Description or Owner), so
 * a changed fingerprint is how it knows the task needs an update.
 */
export function alertStamp(f: AlertFinding, lang: keyof Bilingual): string {
  return `${f.key}#${fnv1a(`${f.subject[lang]}\n${f.detail[lang]}\n${f.ownerId ?? ''}`)}`;
}

/** A stamp split into the key and its fingerprint. */
export function parseAlertStamp(stamp: string): { key: string; fingerprint: string } {
  const at = stamp.lastIndexOf('#');
  return at < 0
    ? { key: stamp, fingerprint: '' }
    : { key: stamp.slice(0, at), fingerprint: stamp.slice(at + 1) };
}

/** FNV-1a 32-bit, hex: a short, stable fingerprint (not a security hash). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

type Check = (rule: AlertRule, s: AccountSignals, c: Ctx) => Bilingual | null;
interface Ctx {
  config: SalesProcessConfig;
  asOf: Instant;
  offset: number;
  date(at: Instant): string;
  /** The premature-action rules' messages by code. */
  premature: ReadonlyMap<string, Bilingual>;
}

/** `localeCompare(…, 'ja')` with one collator (localeCompare with a locale builds one per call). */
const compareJa = new Intl.Collator('ja').compare;

const CHECKS: Record<AlertKind, Check> = {
  stale_plan(_rule, s, c) {
    const stale = c.config.windows.planStaleDays;
    if (!s.plan.exists) return { ja: 'アカウントプランがありません', en: 'The account has no plan' };
    if (s.plan.updatedAt != null && c.asOf - s.plan.updatedAt < stale * DAY) return null;
    const last = s.plan.updatedAt == null ? null : c.date(s.plan.updatedAt);
    return {
      ja: `プランの最終更新: ${last ?? 'なし'}（${stale}日以上更新なし）`,
      en: `Plan last updated: ${last ?? 'never'} (no update for ${stale} days or more)`,
    };
  },
  key_person_not_contacted(rule, s, c) {
    const days = rule.days ?? 60;
    const quiet = s.keyPeople.filter(
      (p) => p.lastContactAt == null || c.asOf - p.lastContactAt >= days * DAY,
    );
    if (quiet.length === 0) return null;
    const list = (lang: 'ja' | 'en') =>
      [...quiet]
        .sort((a, b) => compareJa(a.name, b.name) || a.id.localeCompare(b.id))
        .map(
          (p) =>
            `${p.name}（${p.lastContactAt == null ? (lang === 'ja' ? '接点なし' : 'never') : c.date(p.lastContactAt)}）`,
        )
        .join('、');
    return {
      ja: `${days}日以上接点のないキーパーソン: ${list('ja')}`,
      en: `Key persons not met or called for ${days} days: ${list('en')}`,
    };
  },
  account_stalled(_rule, s, c) {
    const stage = s.stageKey == null ? null : c.config.stages.find((x) => x.key === s.stageKey);
    if (!stage?.stallDays || s.stageSince == null) return null;
    const since = parseLocalDate(s.stageSince);
    if (!since) return null;
    const days = Math.floor((c.asOf - startOfLocalDay(since, c.offset)) / DAY);
    if (days < stage.stallDays) return null;
    return {
      ja: `「${stage.label.ja}」に ${s.stageSince} から（基準 ${stage.stallDays} 日）`,
      en: `At ${stage.label.en} since ${s.stageSince} (threshold ${stage.stallDays} days)`,
    };
  },
  premature_large_deal(rule, s, c) {
    const min = rule.minAmount ?? c.config.dealPriority.largeAmount;
    const { premature } = c;
    const hits = s.openDeals
      .filter((d) => (d.amount ?? 0) >= min && d.flags.some((f) => premature.has(f)))
      .sort((a, b) => a.id.localeCompare(b.id));
    if (hits.length === 0) return null;
    const list = (lang: 'ja' | 'en') =>
      hits
        .map(
          (d) =>
            `${d.name}: ${d.flags
              .filter((f) => premature.has(f))
              .map((f) => premature.get(f)?.[lang])
              .join(' / ')}`,
        )
        .join('\n');
    return { ja: list('ja'), en: list('en') };
  },
  decision_maker_never_met(_rule, s) {
    if (s.decisionMakers.some((p) => p.lastContactAt != null)) return null;
    if (s.decisionMakers.length === 0)
      return {
        ja: 'バイヤー相関図に意思決定者がいません',
        en: 'No decision maker on the buyer map',
      };
    const names = s.decisionMakers.map((p) => p.name).join('、');
    return {
      ja: `意思決定者（${names}）と面談・通話の記録がありません`,
      en: `No meeting or call with the decision maker (${names})`,
    };
  },
};

/** The alerts that hold for the account now (empty when alerts are off or it is not assessed). */
export function accountAlerts(s: AccountSignals, config: SalesProcessConfig, asOf: Instant): AlertFinding[] {
  if (!config.alerts.enabled || s.stageIndex < 0) return [];
  const { offset, premature, fromIndex } = alertConfigOf(config);
  const c: Ctx = { config, asOf, offset, date: (at) => localDateOf(at, offset), premature };
  return config.alerts.rules.flatMap((rule, i) => {
    if (s.stageIndex < (fromIndex[i] as number)) return [];
    const detail = CHECKS[rule.kind](rule, s, c);
    if (!detail) return [];
    return [
      {
        key: alertKey(rule.code, s.accountId),
        code: rule.code,
        kind: rule.kind,
        accountId: s.accountId,
        ownerId: s.ownerId,
        subject: { ja: `${rule.label.ja}: ${s.accountName}`, en: `${rule.label.en}: ${s.accountName}` },
        detail,
      },
    ];
  });
}

interface AlertConfig {
  offset: number;
  premature: Map<string, Bilingual>;
  /** Per rule (in config order): the stage index it applies from (fromStage; 0 without one). */
  fromIndex: number[];
}

/** What every account's alerts look up in the config, once per config. */
const alertConfigOf = once(
  (config: SalesProcessConfig): AlertConfig => ({
    offset: offsetMinutes(config.utcOffset),
    premature: new Map(config.prematureActions.map((p) => [p.code, p.message])),
    fromIndex: config.alerts.rules.map((rule) =>
      rule.fromStage == null ? 0 : config.stages.findIndex((x) => x.key === rule.fromStage),
    ),
  }),
  new WeakMap(),
);
