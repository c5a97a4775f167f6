/**
 * Lookups derived once per config object (keyword matchers, regexes, stage maps), so computing
 * thousands of insights does not re-derive them. Memoised on the config's identity.
 */
import type { ActivityKindConfig, SalesProcessConfig } from '../config/schema';
import {
  BUYING_STAGE_KEYS,
  type ActivityKind,
  type ActivityPurpose,
  type BuyingStageKey,
} from '../model/keys';
import { offsetMinutes } from '../model/time';

export interface CompiledConfig {
  config: SalesProcessConfig;
  offset: number;
  kindRules: { key: ActivityKind; keywords: string[] }[];
  kindPurpose: Map<ActivityKind, ActivityPurpose | null>;
  kindConfig: Map<ActivityKind, ActivityKindConfig>;
  executiveInclude: TitlePattern[];
  executiveExclude: TitlePattern[];
  buyingStageOfZoho: Map<string, BuyingStageKey>;
  buyingIndex: Map<BuyingStageKey, number>;
  /** Exit-criterion keys per buying stage, in process order; and every known key. */
  exitKeys: string[][];
  knownExitKeys: Set<string>;
  /** customerRequests.keywords, normalised. */
  requestKeywords: string[];
  won: Set<string>;
  lost: Set<string>;
  keyRoles: Set<string>;
  /** Memos of pure answers that depend only on the config (bounded: subjects and titles repeat). */
  memo: {
    kindOfSubject: Map<string, ActivityKind | null>;
    executiveTitle: Map<string, boolean>;
    /** Per stage criterion (shared/engine/stage.ts): its id, label and metric spec. */
    criteria: WeakMap<object, unknown>;
  };
}

const cache = new WeakMap<SalesProcessConfig, CompiledConfig>();

/** A compiled `executiveTitles` pattern. */
export interface TitlePattern {
  test(text: string): boolean;
}
/** Only this many characters of a title are matched (Zoho's Title field holds 100). */
const MAX_MATCHED_CHARS = 256;
/**
 * How config patterns are compiled. In the browser: its own engine (config:check refuses the
 * patterns that make it backtrack exponentially) on the first MAX_MATCHED_CHARS characters; wherever
 * a config file is parsed (`shared/config/load.ts`: the service, the CLIs) a linear-time RE2 matcher
 * replaces it.
 */
let compilePattern = (pattern: string): TitlePattern => {
  const re = new RegExp(pattern, 'iu');
  return {
    test: (text) => re.test(text.length > MAX_MATCHED_CHARS ? text.slice(0, MAX_MATCHED_CHARS) : text),
  };
};

export function usePatternCompiler(compile: (pattern: string) => TitlePattern): void {
  compilePattern = compile;
}

export function compileConfig(config: SalesProcessConfig): CompiledConfig {
  const hit = cache.get(config);
  if (hit) return hit;
  const buyingStageOfZoho = new Map<string, BuyingStageKey>();
  for (const b of config.buyingStages) for (const z of b.zohoStages) buyingStageOfZoho.set(z, b.key);
  const compiled: CompiledConfig = {
    config,
    offset: offsetMinutes(config.utcOffset),
    kindRules: config.activityKinds.map((k) => ({ key: k.key, keywords: k.keywords.map(normaliseText) })),
    kindPurpose: new Map(config.activityKinds.map((k) => [k.key, k.purpose])),
    kindConfig: new Map(config.activityKinds.map((k) => [k.key, k])),
    executiveInclude: config.executiveTitles.include.map((p) => compilePattern(p)),
    executiveExclude: config.executiveTitles.exclude.map((p) => compilePattern(p)),
    buyingStageOfZoho,
    buyingIndex: new Map(BUYING_STAGE_KEYS.map((k, i) => [k, i])),
    exitKeys: config.buyingStages.map((b) => b.exitCriteria.map((c) => c.key)),
    knownExitKeys: new Set(config.buyingStages.flatMap((b) => b.exitCriteria.map((c) => c.key))),
    requestKeywords: config.customerRequests.keywords.map(normaliseText),
    won: new Set(config.dealOutcomes.won),
    lost: new Set(config.dealOutcomes.lost),
    keyRoles: new Set(config.buyerMap.keyRoles),
    memo: { kindOfSubject: new Map(), executiveTitle: new Map(), criteria: new WeakMap() },
  };
  cache.set(config, compiled);
  return compiled;
}

/** Case- and width-insensitive text for keyword matching (ＰｏＣ = PoC, ｾﾐﾅｰ = セミナー). */
export function normaliseText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}
