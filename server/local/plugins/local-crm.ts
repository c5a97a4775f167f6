/**
 * The local CRM as our product uses it: the generic emulator (a bare Zoho org) with the product's
 * plug-ins — the org's settings from the config, the `esm_read_batch` CRM function, the workflow
 * rule that posts to the service's webhook, and (unless `bare`) the product's custom fields and
 * modules — plus the scale data generator. `npm run emulator`, the widget preview and the tests start
 * it; `npm start` starts it `bare` and lets setup create the fields through the API (start.ts).
 */
import { loadConfigFile, resolveConfigPath } from '../../config/load-config';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import { generateIntoOrg } from '../datasets/scale/into-org';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/emulator';
import type { EmulatorPlugin, OrgSettings } from '../emulator/plugins';
import { productSchemaPlugin } from './product-schema';
import { readBatchFunction } from './read-batch';
import { scaleVocabulary } from './scale-vocabulary';
import { productWorkflow } from './workflow';

export interface LocalCrmOptions extends EmulatorOptions {
  /** Default: the config file (`configPath` or the shipped one). */
  config?: SalesProcessConfig;
  configPath?: string;
  /**
   * A fresh org as Zoho hands it over: without the product's custom fields and modules (`setup:crm`
   * creates them through the API). Matters when the store is created (or reset): a kept store keeps
   * what it has.
   */
  bare?: boolean;
  /** Generate scale data for this many accounts (replacing the records). */
  accounts?: number;
  seed?: string;
  asOfMs?: number;
  onProgress?: (message: string) => void;
}

export function loadLocalConfig(opts: {
  config?: SalesProcessConfig;
  configPath?: string;
}): SalesProcessConfig {
  if (opts.config) return opts.config;
  const result = loadConfigFile(resolveConfigPath(opts.configPath));
  if (result.ok) return result.config;
  const p = result.problems[0];
  throw new Error(`config ${p?.file}:${p?.line}:${p?.column} ${p?.path}: ${p?.message}`);
}

/** The org's settings a config implies: its time zone, currency and the statuses that close a task. */
export function orgSettings(config: SalesProcessConfig): OrgSettings {
  return {
    utcOffset: config.utcOffset,
    currency: config.currency,
    closedTaskStatuses: config.values.taskCompletedStatuses,
  };
}

export function productPlugins(config: SalesProcessConfig, o: { bare?: boolean } = {}): EmulatorPlugin[] {
  return [
    { name: 'read-batch', functions: readBatchFunction(config) },
    { name: 'workflow', workflow: productWorkflow(config) },
    ...(o.bare ? [] : [productSchemaPlugin(config)]),
  ];
}

export async function startLocalCrm(opts: LocalCrmOptions): Promise<RunningEmulator> {
  const { config: _c, configPath: _p, bare, accounts, seed, asOfMs, onProgress, ...rest } = opts;
  const config = loadLocalConfig(opts);
  const emulatorOptions: EmulatorOptions = {
    ...rest,
    org: { ...orgSettings(config), ...rest.org },
    plugins: [...productPlugins(config, { bare: bare ?? false }), ...(rest.plugins ?? [])],
  };
  if (accounts === undefined) return startEmulator(emulatorOptions);
  const { dataFile: _f, dataset: _d, ...withoutData } = emulatorOptions;
  const emu = await startEmulator(withoutData);
  const now = opts.now ?? Date.now;
  const loaded = generateIntoOrg(emu.org, {
    accounts,
    seed: seed ?? 'scale',
    asOfMs: asOfMs ?? now(),
    vocabulary: scaleVocabulary(config),
    onProgress: (done, total) => onProgress?.(`generated ${done}/${total} accounts`),
  });
  return { ...emu, loaded };
}
