/**
 * What every portfolio panel needs besides its data: the language, the config (stage labels,
 * currency) and the UI strings, through one context.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Bilingual, SalesProcessConfig } from '../../../shared/config/schema';
import { fillTemplate } from '../../../shared/i18n/labels';
import { gapTranslator } from '../../../shared/portfolio/gaps';
import { guidanceLabel, stageSlotLabel } from '../../../shared/portfolio/labels';
import type { StageSlot } from '../../../shared/portfolio/model';
import type { Lang } from '../../common/lang';
import { PORTFOLIO_STRINGS, type PortfolioStringKey } from '../strings';

export interface PortfolioUi {
  lang: Lang;
  config: SalesProcessConfig;
  t(key: PortfolioStringKey, values?: Record<string, string | number>): string;
  l(label: Bilingual): string;
  /** A stage slot's label (未着手, a stage, or 未判定 for null). */
  stage(slot: StageSlot | null): string;
  /** A Next_Stage_Gaps line in the UI language (the service writes one language). */
  gap(line: string): string;
  /** A guidance code's short name. */
  guidance(code: string): string;
  /** Open a CRM record (absent when the page has no CRM frame). */
  open?: (entity: 'Accounts' | 'Deals', id: string) => void;
  /** Narrow the view to one rep's accounts. */
  focusRep?: (ownerId: string) => void;
  /** Read one account's health parts (the page load does not carry them). */
  healthParts?: (accountId: string) => Promise<string | null>;
  /** `text（inner）` in Japanese, `text (inner)` in English. */
  paren(text: string, inner: string): string;
}

const Context = createContext<PortfolioUi | null>(null);

export function makePortfolioUi(
  lang: Lang,
  config: SalesProcessConfig,
  actions: Pick<PortfolioUi, 'open' | 'focusRep' | 'healthParts'> = {},
): PortfolioUi {
  const gap = gapTranslator(config, lang);
  return {
    ...actions,
    lang,
    config,
    t: (key, values) =>
      fillTemplate(
        PORTFOLIO_STRINGS[key][lang],
        Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, String(v)])),
      ),
    l: (label) => label[lang],
    stage: (slot) => stageSlotLabel(slot, config, lang),
    gap,
    guidance: (code) => guidanceLabel(code, config)[lang],
    paren: (text, inner) => (lang === 'ja' ? `${text}（${inner}）` : `${text} (${inner})`),
  };
}

export function PortfolioUiProvider(props: { ui: PortfolioUi; children: ComponentChildren }) {
  return <Context.Provider value={props.ui}>{props.children}</Context.Provider>;
}

export function usePortfolioUi(): PortfolioUi {
  const ui = useContext(Context);
  if (!ui) throw new Error('usePortfolioUi outside PortfolioUiProvider');
  return ui;
}
