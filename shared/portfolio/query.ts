/**
 * `GET /api/portfolio` query parameters → filters (DESIGN §7). Every problem is one clear sentence
 * (the route answers 400 with it); an unknown parameter is a problem too, so a typo never silently
 * widens the portfolio.
 *   owner=ID[,ID…]  team=MANAGER_ID  stage=KEY[,KEY…] (not_started or a stage key)
 *   industry=VALUE (repeat for several)  target=yes|no (Is_Target_Account)
 *   period=quarter|fiscal_year|trailing_90d  asOf=ISO 8601
 */
import type { SalesProcessConfig } from '../config/schema';
import { parseInstant } from '../model/time';
import type { Instant } from '../model/types';
import { DEFAULT_FILTERS, PERIOD_KEYS, type PeriodKey, type PortfolioFilters } from './model';
import { stageSlots } from './reps';

export type PortfolioQuery =
  { ok: true; filters: PortfolioFilters; asOf: Instant | null } | { ok: false; message: string };

const KNOWN = ['owner', 'team', 'stage', 'industry', 'target', 'period', 'asOf'] as const;
const ID = /^[A-Za-z0-9_-]{1,40}$/;

export function parsePortfolioQuery(
  query: Record<string, unknown>,
  config: SalesProcessConfig,
): PortfolioQuery {
  const unknown = Object.keys(query).filter((k) => !(KNOWN as readonly string[]).includes(k));
  if (unknown.length > 0)
    return fail(`unknown parameter ${unknown.map((k) => `"${k}"`).join(', ')}; use ${KNOWN.join(', ')}`);
  const values = (name: string, split: boolean): string[] | string => {
    const raw = query[name];
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (!list.every((v) => typeof v === 'string')) return `${name} must be text`;
    return (list as string[])
      .flatMap((v) => (split ? v.split(',') : [v]))
      .map((v) => v.trim())
      .filter((v) => v !== ''); // `owner=` means no owner filter
  };
  const owners = values('owner', true);
  if (typeof owners === 'string') return fail(owners);
  const badOwner = owners.find((v) => !ID.test(v));
  if (badOwner !== undefined) return fail(`owner must be Zoho user ids; got "${badOwner.slice(0, 40)}"`);

  const team = values('team', false);
  if (typeof team === 'string') return fail(team);
  if (team.length > 1) return fail('give at most one team (the manager’s user id)');
  if (team[0] !== undefined && !ID.test(team[0]))
    return fail(`team must be the manager’s Zoho user id; got "${team[0].slice(0, 40)}"`);

  const slots = stageSlots(config);
  const stages = values('stage', true);
  if (typeof stages === 'string') return fail(stages);
  const badStage = stages.find((s) => !slots.includes(s));
  if (badStage !== undefined)
    return fail(`unknown stage "${badStage.slice(0, 40)}"; use ${slots.join(', ')}`);

  const industries = values('industry', false);
  if (typeof industries === 'string') return fail(industries);
  if (industries.some((v) => v.length > 120)) return fail('industry must be at most 120 characters');

  const target = values('target', false);
  if (typeof target === 'string') return fail(target);
  if (target.length > 1) return fail('give one target');
  if (target[0] !== undefined && target[0] !== 'yes' && target[0] !== 'no')
    return fail(`target must be yes or no; got "${target[0].slice(0, 40)}"`);

  const period = values('period', false);
  if (typeof period === 'string') return fail(period);
  if (period.length > 1) return fail('give one period');
  const p = period[0] ?? DEFAULT_FILTERS.period;
  if (!(PERIOD_KEYS as readonly string[]).includes(p))
    return fail(`unknown period "${p.slice(0, 40)}"; use ${PERIOD_KEYS.join(', ')}`);

  const asOfText = values('asOf', false);
  if (typeof asOfText === 'string') return fail(asOfText);
  if (asOfText.length > 1) return fail('give one asOf');
  const asOf = asOfText[0] === undefined ? null : parseInstant(asOfText[0]);
  if (asOfText[0] !== undefined && asOf === null)
    return fail(
      `asOf must be an ISO 8601 datetime such as 2026-11-26T09:00:00+09:00; got "${asOfText[0].slice(0, 40)}"`,
    );

  return {
    ok: true,
    filters: {
      owners: [...new Set(owners)],
      team: team[0] ?? null,
      stages: [...new Set(stages)],
      industries: [...new Set(industries)],
      target: (target[0] as 'yes' | 'no' | undefined) ?? null,
      period: p as PeriodKey,
    },
    asOf,
  };
}

function fail(message: string): PortfolioQuery {
  return { ok: false, message };
}
