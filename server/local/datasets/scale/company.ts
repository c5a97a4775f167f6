/**
 * Fictional Japanese company names, unique within a dataset; group companies share their parent's
 * name core (東邦精機株式会社 → 東邦精機ロジスティクス株式会社).
 */
import type { GenContext } from './context';

export function companyName(
  ctx: GenContext,
  parent: { core: string; trade: string } | undefined,
): { name: string; core: string; trade: string; industry: string } {
  const { rng } = ctx;
  const w = ctx.vocab.words;
  for (let attempt = 0; ; attempt += 1) {
    let core: string;
    let trade: readonly [string, string];
    let name: string;
    if (parent) {
      core = parent.core;
      trade = w.companyTrades.find(([t]) => t === parent.trade) ?? rng.pick(w.companyTrades);
      name = `${core}${rng.pick(w.subsidiarySuffixes)}株式会社`;
    } else {
      core = rng.pick(w.companyCores);
      trade = rng.pick(w.companyTrades);
      const form = rng.pick(w.legalForms);
      name = rng.chance(0.5) ? `${form}${core}${trade[0]}` : `${core}${trade[0]}${form}`;
    }
    if (attempt > 3)
      name = `${name.replace(/株式会社|有限会社/, '')}${rng.pick(['東日本', '西日本', '九州', '北海道', '中部'])}株式会社`;
    if (attempt > 8) name = `${name}${attempt}`;
    if (!ctx.names.has(name)) {
      ctx.names.add(name);
      return { name, core, trade: trade[0], industry: trade[1] };
    }
  }
}
