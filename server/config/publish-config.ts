/**
 * One config: the service publishes the config it runs on as the settings record the widget reads
 * (shared/config/published.ts), at start and after each accepted config change. Nothing is written
 * when the record already holds this config (same checksum). A failure is logged, never fatal: the
 * widget then keeps using the copy embedded at build time.
 */
import type { Logger } from 'pino';
import { PUBLISHED_CONFIG_NAME, PUBLISHED_FIELDS, publishedRecord } from '../../shared/config/published';
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { ZohoGateway } from '../zoho/gateway';

export type PublishOutcome = 'published' | 'unchanged' | 'failed';

export async function publishConfig(
  gateway: Pick<ZohoGateway, 'coql' | 'updateRecords' | 'insertRecords'>,
  config: SalesProcessConfig,
  log: Logger,
): Promise<PublishOutcome> {
  const module = config.fields.modules.settings;
  const record = publishedRecord(config);
  if (!record.ok) {
    log.warn({ module, reason: record.reason }, 'config not published; the widget uses its built-in copy');
    return 'failed';
  }
  try {
    const found = await gateway.coql(
      module,
      `select id, ${PUBLISHED_FIELDS.hash} from ${module} where Name = '${PUBLISHED_CONFIG_NAME}' limit 1`,
      1,
    );
    const current = found.data[0];
    if (current && current[PUBLISHED_FIELDS.hash] === record.hash) return 'unchanged';
    const [result] = current
      ? await gateway.updateRecords(module, [{ id: String(current.id), fields: record.fields }])
      : await gateway.insertRecords(module, [{ fields: record.fields }]);
    if (!result?.ok) {
      log.warn({ module, code: result?.code, message: result?.message }, 'config not published');
      return 'failed';
    }
    log.info({ module, hash: record.hash }, 'config published for the widget');
    return 'published';
  } catch (err) {
    log.warn({ module, err }, 'config not published; the widget uses its built-in copy');
    return 'failed';
  }
}
