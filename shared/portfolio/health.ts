/**
 * One health score per account (0–100) from five parts, each 0–1 and explained in both languages:
 *
 * - stage      where the account stands in the process: (stages reached + progress to the next) / stages
 * - evidence   how recent the latest completed activity is: 1 up to evidenceFreshDays, falling
 *              linearly to 0 at evidenceStaleDays
 * - plan       half completeness (plan sections filled / sections), half freshness (1 up to
 *              windows.planStaleDays since the last update, falling to 0 at twice that); no plan = 0
 * - keyPeople  share of the key persons on the buyer map met or called within keyPersonContactDays;
 *              no key person = 0
 * - dealRisk   1 − (open amount carrying a forecast-risk flag / open amount); no open deal: left out
 *
 * score = round(100 × Σ weight × part / Σ weight), over the parts that apply. Weights and days come
 * from the config's `health:` section. Pure.
 */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import { HEALTH_PARTS, type HealthPart } from '../model/keys';
import { localDateOf, offsetMinutes } from '../model/time';
import type { Instant } from '../model/types';
import type { AccountSignals } from './signals';

const DAY = 86_400_000;

export type HealthBand = 'good' | 'watch' | 'act';

export interface HealthPartResult {
  part: HealthPart;
  /** 0–1, or null when the part does not apply (then it is left out of the score). */
  value: number | null;
  weight: number;
  why: Bilingual;
}

export interface AccountHealth {
  score: number;
  band: HealthBand;
  parts: HealthPartResult[];
}

export const HEALTH_PART_LABELS: Record<HealthPart, Bilingual> = {
  stage: { ja: 'ステージの進捗', en: 'Stage progress' },
  evidence: { ja: '根拠の鮮度', en: 'Evidence freshness' },
  plan: { ja: 'アカウントプランの充実度・鮮度', en: 'Plan completeness and freshness' },
  keyPeople: { ja: 'キーパーソンのカバー', en: 'Key-person coverage' },
  dealRisk: { ja: '案件リスク', en: 'Deal risk' },
};

export const HEALTH_BAND_LABELS: Record<HealthBand, Bilingual> = {
  good: { ja: '良好', en: 'Healthy' },
  watch: { ja: '注意', en: 'Watch' },
  act: { ja: '要対応', en: 'Needs action' },
};

/** 1 up to `fresh` days old, 0 from `stale` days, linear between; never = 0. */
export function freshness(at: Instant | null, asOf: Instant, fresh: number, stale: number): number {
  if (at == null) return 0;
  const days = Math.max(0, (asOf - at) / DAY);
  if (days <= fresh) return 1;
  if (days >= stale) return 0;
  return (stale - days) / (stale - fresh);
}

export function accountHealth(s: AccountSignals, config: SalesProcessConfig, asOf: Instant): AccountHealth {
  const h = config.health;
  const stages = config.stages.length;
  // Dates, not "n days ago": the text written to the CRM then changes only when the facts do.
  const offset = offsetMinutes(config.utcOffset);
  const dateOf = (at: Instant | null) => (at == null ? null : localDateOf(at, offset));
  const parts: Record<HealthPart, { value: number | null; why: Bilingual }> = {
    stage: (() => {
      const reached = s.stageIndex + 1;
      const value = clamp((reached + (s.nextProgress ?? 0)) / stages);
      return {
        value,
        why: {
          ja: `${stages}段階中 ${reached} 段階に到達、次の段階へ ${pct(s.nextProgress ?? 0)}`,
          en: `${reached} of ${stages} stages reached, ${pct(s.nextProgress ?? 0)} towards the next`,
        },
      };
    })(),
    evidence: (() => {
      const d = dateOf(s.lastEvidenceAt);
      return {
        value: freshness(s.lastEvidenceAt, asOf, h.evidenceFreshDays, h.evidenceStaleDays),
        why:
          d == null
            ? { ja: '完了した活動の記録がない', en: 'No completed activity on record' }
            : { ja: `最新の活動 ${d}`, en: `Latest activity on ${d}` },
      };
    })(),
    plan: (() => {
      if (!s.plan.exists) return { value: 0, why: { ja: 'アカウントプランがない', en: 'No account plan' } };
      const stale = config.windows.planStaleDays;
      const complete = s.plan.sections === 0 ? 0 : s.plan.sectionsFilled / s.plan.sections;
      const fresh = freshness(s.plan.updatedAt, asOf, stale, stale * 2);
      const d = dateOf(s.plan.updatedAt);
      return {
        value: clamp((complete + fresh) / 2),
        why: {
          ja: `${s.plan.sections} 項目中 ${s.plan.sectionsFilled} 項目を記入、最終更新 ${d ?? 'なし'}`,
          en: `${s.plan.sectionsFilled} of ${s.plan.sections} sections filled, last updated ${d ?? 'never'}`,
        },
      };
    })(),
    keyPeople: (() => {
      const n = s.keyPeople.length;
      const covered = s.keyPeople.filter(
        (p) => p.lastContactAt != null && asOf - p.lastContactAt <= h.keyPersonContactDays * DAY,
      ).length;
      return {
        value: n === 0 ? 0 : covered / n,
        why:
          n === 0
            ? { ja: 'バイヤー相関図にキーパーソンがいない', en: 'No key person on the buyer map' }
            : {
                ja: `キーパーソン ${n} 人中 ${covered} 人と直近${h.keyPersonContactDays}日に接点あり`,
                en: `${covered} of ${n} key persons met or called in the last ${h.keyPersonContactDays} days`,
              },
      };
    })(),
    dealRisk: (() => {
      const open = s.openDeals.reduce((t, d) => t + (d.amount ?? 0), 0);
      const risky = s.openDeals.filter((d) => d.flags.length > 0);
      const riskyAmount = risky.reduce((t, d) => t + (d.amount ?? 0), 0);
      if (s.openDeals.length === 0)
        return { value: null, why: { ja: '進行中の案件なし（対象外）', en: 'No open deal (left out)' } };
      const value = open > 0 ? 1 - riskyAmount / open : risky.length > 0 ? 0 : 1;
      return {
        value: clamp(value),
        why: {
          ja: `進行中 ${s.openDeals.length} 件中 ${risky.length} 件にリスク（金額の ${pct(open > 0 ? riskyAmount / open : 0)}）`,
          en: `${risky.length} of ${s.openDeals.length} open deals flagged (${pct(open > 0 ? riskyAmount / open : 0)} of the amount)`,
        },
      };
    })(),
  };
  const results = HEALTH_PARTS.map((part) => ({ part, weight: h.weights[part], ...parts[part] }));
  const counted = results.filter((r) => r.value != null && r.weight > 0);
  const total = counted.reduce((t, r) => t + r.weight, 0);
  const score =
    total === 0
      ? 0
      : Math.round((100 * counted.reduce((t, r) => t + r.weight * (r.value as number), 0)) / total);
  return { score, band: healthBand(score, config), parts: results };
}

export function healthBand(score: number, config: SalesProcessConfig): HealthBand {
  return score >= config.health.bands.good ? 'good' : score >= config.health.bands.watch ? 'watch' : 'act';
}

/** The parts as text for the CRM (Account_Health_Parts): one line per part, in one language. */
export function healthPartsText(health: AccountHealth, lang: keyof Bilingual): string {
  return health.parts
    .map(
      (p) =>
        `${HEALTH_PART_LABELS[p.part][lang]}: ${p.value == null ? '—' : Math.round(p.value * 100)} (×${p.weight}) ${p.why[lang]}`,
    )
    .join('\n');
}

/** The CRM fields of the score: Account_Health (0–100) and Account_Health_Parts (text). */
export function healthFields(
  health: AccountHealth,
  config: SalesProcessConfig,
): Record<string, number | string> {
  const a = config.fields.account;
  return {
    [a.healthScore]: health.score,
    [a.healthParts]: healthPartsText(health, config.writeBackLanguage),
  };
}

/**
 * Account_Health_Parts read back (the web tab shows it in its own language): each line's part, its
 * value 0–100 (null = left out) and the explanation as written (in the config's writeBackLanguage).
 * Lines that are not ours are skipped.
 */
export function parseHealthParts(
  text: string | null,
  config: SalesProcessConfig,
): { part: HealthPart; value: number | null; why: string }[] {
  if (!text) return [];
  const lang = config.writeBackLanguage;
  const byLabel = new Map(HEALTH_PARTS.map((p) => [HEALTH_PART_LABELS[p][lang], p]));
  return text.split(/\r?\n/).flatMap((line) => {
    const m = /^(.+?): (\d+|—) \(×[\d.]+\) (.*)$/u.exec(line.trim());
    const part = m ? byLabel.get(m[1] as string) : undefined;
    if (!m || !part) return [];
    return [{ part, value: m[2] === '—' ? null : Number(m[2]), why: m[3] as string }];
  });
}

function clamp(n: number): number {
  return Math.min(1, Math.max(0, n));
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
