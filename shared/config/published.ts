/**
 * One config for the service and the widget: the service publishes the active config as one record
 * of the settings module (`fields.modules.settings`, Name `sales-process-config`): the config as
 * JSON and a checksum of that JSON. The widget reads it with its first batch of reads and uses it
 * instead of the copy embedded at build time, so a mapping fixed by ops reaches the rep's page
 * without a rebuild. The JSON was validated by the service before it was published; the widget
 * checks the checksum (a truncated or hand-edited record is ignored) and the shape it needs.
 */
import type { SalesProcessConfig } from './schema';

export const PUBLISHED_CONFIG_NAME = 'sales-process-config';
export const PUBLISHED_FIELDS = { json: 'Config_Json', hash: 'Config_Hash' } as const;
/** A Zoho multi-line (large) field holds 32,000 characters. */
export const PUBLISHED_MAX_CHARS = 32_000;

/** FNV-1a (32 bit) over the UTF-16 code units, as 8 hex digits: a checksum, not a signature. */
export function configChecksum(json: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i += 1) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export type PublishedRecord =
  { ok: true; fields: Record<string, string>; hash: string } | { ok: false; reason: string };

/** The record the service writes for `config`, or why it cannot (too large for the field). */
export function publishedRecord(config: SalesProcessConfig): PublishedRecord {
  const json = JSON.stringify(config);
  if (json.length > PUBLISHED_MAX_CHARS)
    return {
      ok: false,
      reason: `the config is ${json.length} characters as JSON; the field holds ${PUBLISHED_MAX_CHARS}`,
    };
  const hash = configChecksum(json);
  return {
    ok: true,
    hash,
    fields: { Name: PUBLISHED_CONFIG_NAME, [PUBLISHED_FIELDS.json]: json, [PUBLISHED_FIELDS.hash]: hash },
  };
}

/** COQL for the published record (the widget's first round of reads). */
export function publishedConfigQuery(config: SalesProcessConfig, offset = 0): string {
  const f = PUBLISHED_FIELDS;
  return `select id, ${f.json}, ${f.hash}, Modified_Time from ${config.fields.modules.settings} where Name = '${PUBLISHED_CONFIG_NAME}' order by Modified_Time desc limit 1 offset ${offset}`;
}

export type PublishedConfig =
  { ok: true; config: SalesProcessConfig; hash: string } | { ok: false; reason: string };

/** The config in a published record, if its checksum holds and it has the shape the engine needs. */
export function readPublishedConfig(record: Record<string, unknown> | undefined): PublishedConfig {
  if (!record) return { ok: false, reason: 'no published config' };
  const json = record[PUBLISHED_FIELDS.json];
  const hash = record[PUBLISHED_FIELDS.hash];
  if (typeof json !== 'string' || typeof hash !== 'string')
    return { ok: false, reason: 'the published record has no config' };
  if (configChecksum(json) !== hash)
    return { ok: false, reason: 'the published config does not match its checksum' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'the published config is not JSON' };
  }
  const c = value as Partial<SalesProcessConfig> | null;
  const shaped =
    c != null &&
    typeof c === 'object' &&
    Array.isArray(c.stages) &&
    c.stages.length > 0 &&
    Array.isArray(c.buyingStages) &&
    Array.isArray(c.activityKinds) &&
    typeof c.fields?.modules?.accounts === 'string' &&
    typeof c.windows === 'object';
  return shaped
    ? { ok: true, config: c as SalesProcessConfig, hash }
    : { ok: false, reason: 'the published config lacks stages, buying stages, kinds or fields' };
}
