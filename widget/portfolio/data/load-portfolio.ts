/**
 * The manager's view reads the CRM once per page load, then filters in the browser: every account
 * (with the fields the service writes), the stage history, open and recently won deals, and the
 * org's active users — each a stream of keyset pages, the streams in parallel. The result is a
 * DESIGN §3 dataset fragment, normalised by the same shared code the service uses.
 */
import { dedupeById } from '../../../shared/crm-read/records';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import { localDateOf, offsetMinutes } from '../../../shared/model/time';
import type { Instant } from '../../../shared/model/types';
import { USERS_KEY } from '../../../shared/portfolio/normalise';
import { fiscalQuarterOf } from '../../../shared/portfolio/period';
import { widgetError } from '../../common/errors';
import type { CrmGateway, CrmRecord } from '../../zoho/types';
import { dealStreams, streamQuery, type Stream } from './queries';

export type PortfolioDataset = Record<string, CrmRecord[]>;

/** A runaway guard: 100 pages of 2,000 rows is 200,000 records of one kind. */
export const MAX_PAGES = 100;
const MAX_USER_PAGES = 50;

export async function loadPortfolioDataset(
  crm: CrmGateway,
  config: SalesProcessConfig,
  asOf: Instant,
): Promise<PortfolioDataset> {
  const m = config.fields.modules;
  const wonSince = fiscalQuarterOf(
    localDateOf(asOf, offsetMinutes(config.utcOffset)),
    config.fiscalYearStartMonth,
  ).start;
  const read = (stream: Stream) =>
    readStream(crm, (after) => streamQuery(config, stream, after, wonSince), stream);
  const [accounts, history, users, ...deals] = await Promise.all([
    read('accounts'),
    read('history'),
    readUsers(crm),
    ...dealStreams(config).map(read),
  ]);
  return {
    [m.accounts]: accounts,
    [m.stageHistory]: history,
    [m.deals]: dedupeById(deals.flat()),
    [USERS_KEY]: users,
  };
}

/** Keyset pages (`id > last`) until a short page or `more_records: false`. */
async function readStream(
  crm: CrmGateway,
  query: (afterId: string | null) => string,
  what: string,
): Promise<CrmRecord[]> {
  const rows: CrmRecord[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data, more } = await crm.coql(query(after));
    rows.push(...data);
    const last = data[data.length - 1];
    if (!more || !last) return rows;
    after = String(last.id);
  }
  throw widgetError('DATA_INVALID', `${what}: more than ${MAX_PAGES} pages of records; narrow the data`);
}

async function readUsers(crm: CrmGateway): Promise<CrmRecord[]> {
  const users: CrmRecord[] = [];
  for (let page = 1; page <= MAX_USER_PAGES; page++) {
    const { data, more } = await crm.getUsers('ActiveUsers', page);
    users.push(...data);
    if (!more || data.length === 0) break;
  }
  return users;
}
