/**
 * Next_Stage_Gaps in the UI's language. The service writes each missing criterion as
 * `・label（actual / required）` in the config's writeBackLanguage; a line whose label is one the
 * config produces is shown with the label in the other language, anything else as written.
 */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import { criterionLabelsOf } from '../engine/stage';

const LINE = /^・?(.*?)（([^（）]*) \/ ([^（）]*)）$/u;

export type GapTranslator = (line: string) => string;

/** Builds the label dictionary once per config and language. */
export function gapTranslator(config: SalesProcessConfig, lang: keyof Bilingual): GapTranslator {
  const from = config.writeBackLanguage;
  const byWritten = new Map(criterionLabelsOf(config).map((l) => [l[from], l]));
  return (line) => {
    const m = LINE.exec(line.trim());
    const label = m ? byWritten.get(m[1] as string) : undefined;
    if (!m || !label) return line.replace(/^・/u, '');
    return lang === 'ja' ? `${label.ja}（${m[2]} / ${m[3]}）` : `${label.en} (${m[2]} / ${m[3]})`;
  };
}
