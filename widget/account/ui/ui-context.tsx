/**
 * What every panel needs besides its data: the UI language and the config (labels of stages, kinds,
 * roles), through one context so panels stay small.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Bilingual, SalesProcessConfig } from '../../../shared/config/schema';
import { fillTemplate } from '../../../shared/i18n/labels';
import type { Lang } from '../../common/lang';
import { STRINGS, type StringKey } from '../strings';

export interface Ui {
  lang: Lang;
  config: SalesProcessConfig;
  /** A UI string, with `{name}` placeholders filled. */
  t(key: StringKey, values?: Record<string, string>): string;
  /** A bilingual label in the current language. */
  l(label: Bilingual): string;
}

const UiContext = createContext<Ui | null>(null);

export function makeUi(lang: Lang, config: SalesProcessConfig): Ui {
  return {
    lang,
    config,
    t: (key, values) => fillTemplate(STRINGS[key][lang], values ?? {}),
    l: (label) => label[lang],
  };
}

export function UiProvider(props: { ui: Ui; children: ComponentChildren }) {
  return <UiContext.Provider value={props.ui}>{props.children}</UiContext.Provider>;
}

export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUi outside UiProvider');
  return ui;
}
