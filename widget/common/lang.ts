/**
 * The UI language: the rep's saved choice, else the browser's language (Zoho users set the browser
 * to their own language; asking CRM for the user's locale would cost one more API call per load).
 */
import type { Bilingual } from '../../shared/config/schema';
import { readStored, writeStored } from './browser';

export type Lang = keyof Bilingual;
const KEY = 'es-widget-lang';

export function detectLang(languages: readonly string[] | undefined, stored = readStored(KEY)): Lang {
  if (stored === 'ja' || stored === 'en') return stored;
  for (const l of languages ?? []) {
    const code = l.toLowerCase().slice(0, 2);
    if (code === 'ja') return 'ja';
    if (code === 'en') return 'en';
  }
  return 'ja'; // first users are Japanese teams
}

export function rememberLang(lang: Lang): void {
  writeStored(KEY, lang);
}

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}
