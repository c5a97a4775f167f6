/**
 * Every demo account, parents before their group companies. The order fixes the record ids.
 */
import { ASAGIRI, GINREI } from './co-creation-accounts';
import { HTML_NAMED, KIRISHIMA, NARUMI, SAKURABA, SOKAI } from './early-accounts';
import { HOKUTO_HD } from './hokuto-hd';
import { HOKUTO_ENERGY, HOKUTO_LOGI, HOKUTO_SYS } from './hokuto-subsidiaries';
import { CHIHAYA, GYOKO } from './shared-issues-accounts';
import { SHIRASAGI } from './shirasagi';
import { TOHO, TOHO_SALES } from './toho-group';
import { GENBU, SUIREI } from './trust-accounts';
import type { AccountStory } from './types';

export const DEMO_STORIES: readonly AccountStory[] = [
  HOKUTO_HD,
  HOKUTO_LOGI,
  HOKUTO_SYS,
  HOKUTO_ENERGY,
  TOHO,
  TOHO_SALES,
  SUIREI,
  GENBU,
  SHIRASAGI,
  ASAGIRI,
  GINREI,
  CHIHAYA,
  GYOKO,
  SOKAI,
  NARUMI,
  SAKURABA,
  KIRISHIMA,
  HTML_NAMED,
];

export type { AccountStory, StageKey } from './types';
