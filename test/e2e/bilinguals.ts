/** Every `{ ja, en }` label of the shipped config (stages, kinds, roles, messages …), for the language scan. */
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../../server/config/load-config';

type Bilingual = { ja: string; en: string };

export function shippedBilinguals(): Bilingual[] {
  const r = loadConfigFile(DEFAULT_CONFIG_PATH);
  if (!r.ok) throw new Error('the shipped config is invalid');
  const out: Bilingual[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v == null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.ja === 'string' && typeof o.en === 'string') out.push({ ja: o.ja, en: o.en });
    Object.values(o).forEach(walk);
  };
  walk(r.config);
  return out;
}
