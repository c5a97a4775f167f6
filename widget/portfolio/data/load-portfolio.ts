/**
 * The manager's view reads the CRM once per page load, then filters in the browser: every account
 * (with the fields the service writes), the stage history, open and recently won deals, and the
 * org's active users — each a stream of keyset pages. The streams advance together: each round
 * asks for the next page of every stream not yet finished as one batch of reads (one CRM call
 * through the read-batch function, see common/reads.ts). The result is a DESIGN §3 dataset
 * fragment, normalised by the same shared code the service uses.
 */
import type { ZohoRecord } from '../../../shared/crm-read/records';
import { dedupeById } from '../../../shared/crm-read/records';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import type { Instant } from '../../../shared/model/types';
import { USERS_KEY } from '../../../shared/portfolio/normalise';
import { forecastQuarters } from '../../../shared/portfolio/forecast';
import type { FiscalQuarter } from '../../../shared/portfolio/period';
import { widgetError } from '../../common/errors';
import type { ReadBatch } from '../../common/reads';
import type { CrmGateway } from '../../zoho/types';
import { dealStreams, streamQuery, type Stream } from './queries';

type PortfolioDataset = Record<string, ZohoRecord[]>;

/** A runaway guard: 100 pages of 2,000 rows is 200,000 records of one kind. */
export const MAX_PAGES = 100;
const MAX_USER_PAGES = 50;

export async function loadPortfolioDataset(
  crm: CrmGateway,
  reads: ReadBatch,
  config: SalesProcessConfig,
  asOf: Instant,
): Promise<PortfolioDataset> {
  const m = config.fields.modules;
  // Won deals count in the forecast from its first quarter on (the config has at least one).
  const wonSince = (forecastQuarters(config, asOf)[0] as FiscalQuarter).start;
  const streams: Stream[] = [
    'accounts',
    'history',
    ...(config.alerts.enabled ? (['alerts'] as const) : []),
    ...dealStreams(config),
  ];
  const [[accounts = [], history = [], ...rest], users] = await Promise.all([
    readStreams(reads, streams, (stream, after) => streamQuery(config, stream, after, wonSince)),
    readUsers(crm),
  ]);
  return {
    [m.accounts]: accounts,
    [m.stageHistory]: history,
    [m.deals]: dedupeById((config.alerts.enabled ? rest.slice(1) : rest).flat()),
    ...(config.alerts.enabled ? { [m.tasks]: rest[0] ?? [] } : {}),
    [USERS_KEY]: users,
  };
}

/** Keyset pages (`id > last`) of every stream, until each gives a short page or `more_records: false`. */
async function readStreams(
  reads: ReadBatch,
  streams: Stream[],
  query: (stream: Stream, afterId: string | null) => string,
): Promise<ZohoRecord[][]> {
  const rows: ZohoRecord[][] = streams.map(() => []);
  const after: (string | null)[] = streams.map(() => null);
  let active = streams.map((_, i) => i);
  for (let page = 0; page < MAX_PAGES && active.length > 0; page++) {
    const pages = await reads(active.map((i) => ({ coql: query(streams[i] as Stream, after[i] ?? null) })));
    active = active.filter((i, k) => {
      const { data, more } = pages[k] ?? { data: [], more: false };
      (rows[i] as ZohoRecord[]).push(...data);
      const last = data[data.length - 1];
      if (!more || !last) return false;
      after[i] = String(last.id);
      return true;
    });
  }
  if (active.length > 0) {
    const what = active.map((i) => streams[i]).join(', ');
    throw widgetError('DATA_INVALID', `${what}: more than ${MAX_PAGES} pages of records; narrow the data`);
  }
  return rows;
}

async function readUsers(crm: CrmGateway): Promise<ZohoRecord[]> {
  const users: ZohoRecord[] = [];
  for (let page = 1; page <= MAX_USER_PAGES; page++) {
    const { data, more } = await crm.getUsers('ActiveUsers', page);
    users.push(...data);
    if (!more || data.length === 0) break;
  }
  return users;
}
