import { CONFIG as DEFAULT_CONFIG } from '../testing/engine-harness';
import {
  PUBLISHED_FIELDS,
  configChecksum,
  publishedConfigQuery,
  publishedRecord,
  readPublishedConfig,
} from './published';

describe('the published config', () => {
  it('round-trips: what the service writes, the widget reads back as the same config', () => {
    const rec = publishedRecord(DEFAULT_CONFIG);
    if (!rec.ok) throw new Error(rec.reason);
    expect(rec.fields.Name).toBe('sales-process-config');
    const back = readPublishedConfig(rec.fields);
    expect(back).toEqual({ ok: true, config: DEFAULT_CONFIG, hash: rec.hash });
  });

  it('checksum: FNV-1a over the text, 8 hex digits', () => {
    expect(configChecksum('')).toBe('811c9dc5');
    expect(configChecksum('a')).toBe('e40c292c');
    expect(configChecksum('設定')).not.toBe(configChecksum('設走'));
  });

  it.each<[string, Record<string, unknown> | undefined, string]>([
    ['no record', undefined, 'no published config'],
    ['no fields', { Name: 'x' }, 'no config'],
    [
      'truncated',
      { [PUBLISHED_FIELDS.json]: '{"stages":[', [PUBLISHED_FIELDS.hash]: 'deadbeef' },
      'checksum',
    ],
    [
      'not json',
      { [PUBLISHED_FIELDS.json]: 'nope', [PUBLISHED_FIELDS.hash]: configChecksum('nope') },
      'not JSON',
    ],
    [
      'wrong shape',
      { [PUBLISHED_FIELDS.json]: '{}', [PUBLISHED_FIELDS.hash]: configChecksum('{}') },
      'lacks',
    ],
  ])('ignores a record with %s', (_name, record, reason) => {
    const r = readPublishedConfig(record);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('refuses to publish a config larger than the field', () => {
    const big = {
      ...DEFAULT_CONFIG,
      notStarted: { ...DEFAULT_CONFIG.notStarted, label: { ja: 'x'.repeat(40_000), en: 'x' } },
    };
    const rec = publishedRecord(big);
    expect(rec.ok).toBe(false);
  });

  it('reads from the settings module by name', () => {
    expect(publishedConfigQuery(DEFAULT_CONFIG)).toBe(
      "select id, Config_Json, Config_Hash, Modified_Time from ESM_Settings where Name = 'sales-process-config' order by Modified_Time desc limit 1 offset 0",
    );
  });
});
