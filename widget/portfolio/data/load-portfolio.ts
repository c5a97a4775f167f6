/**
 * The manager's view reads the CRM once per page load, then filters in the browser: every account
 * (with the fields the service writes), the stage history, open and recently won deals, and the
 * org's active users — each a stream of keyset pages, in two phases: first what the first panel
 * needs (accounts, history, users), then the deals and the open alert tasks. Within a phase the streams advance together: each round
 * asks for the next page of every stream not yet finished as one batch of reads (one CRM call
 * through the read-batch function, see common/reads.ts). The result is a DESIGN §3 dataset
 * fragment, normalised by the same shared code the service uses.
 */
import type { ZohoRecord } from '../../../shared/crm-read/records';
import { dedupeById } from '../../../shared/crm-read/records';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import type { Instant, LocalDate } from '../../../shared/model/types';
import { USERS_KEY } from '../../../shared/portfolio/normalise';
import { forecastQuarters } from '../../../shared/portfolio/forecast';
import type { FiscalQuarter } from '../../../shared/portfolio/period';
import { widgetError, type WidgetError } from '../../common/errors';
import type { ReadBatch } from '../../common/reads';
import type { CrmGateway, ListPage, RecordPage } from '../../zoho/types';
import { PAGE_ROWS, dealStreams, snapshotQuery, streamQuery, type IdRange, type Stream } from './queries';
import { potentialRows, type PotentialRow } from '../../../shared/portfolio/whitespace';

type PortfolioDataset = Record<string, ZohoRecord[]>;

/** A runaway guard: 100 pages of 2,000 rows is 200,000 records of one kind. */
export const MAX_PAGES = 100;
const MAX_USER_PAGES = 50;

/**
 * The first screen's data: every account, the stage history and the users — what the stage
 * distribution, stage movement, KPI and activity panels need. Deals and the open alert tasks come
 * after (`loadDealsDataset`), so the first panel waits for neither the largest stream nor the
 * alerts (≈ as many rows as accounts at 10,000 accounts, six more keyset rounds).
 */
export async function loadFirstDataset(
  crm: CrmGateway,
  reads: ReadBatch,
  config: SalesProcessConfig,
  asOf: Instant,
): Promise<PortfolioDataset> {
  const m = config.fields.modules;
  const since = wonSince(config, asOf);
  // accounts and the history (≈ one record per account at scale), each from both ends, then in
  // parallel id ranges: fewer rounds, and every function call carries two pages
  const [accounts, history, users] = await Promise.all([
    readSplit(reads, 'accounts', (after, range) => streamQuery(config, 'accounts', after, since, range)),
    readSplit(reads, 'history', (after, range) => streamQuery(config, 'history', after, since, range), {
      ascFirst: true,
    }),
    readUsers(crm),
  ]);
  return { [m.accounts]: accounts, [m.stageHistory]: history, [USERS_KEY]: users };
}

/**
 * The rest: open deals and deals won since the first forecast quarter (the forecast, accounts table,
 * guidance) and the open alert tasks (the alerts per rep), their pages in the same rounds.
 */
export async function loadDealsDataset(
  reads: ReadBatch,
  config: SalesProcessConfig,
  asOf: Instant,
): Promise<PortfolioDataset> {
  const since = wonSince(config, asOf);
  const deal = dealStreams(config);
  const streams: Stream[] = [...deal, ...(config.alerts.enabled ? (['alerts'] as const) : [])];
  const rows = await readStreams(reads, streams, (stream, after) =>
    streamQuery(config, stream, after, since),
  );
  const m = config.fields.modules;
  return {
    [m.deals]: dedupeById(rows.slice(0, deal.length).flat()),
    ...(config.alerts.enabled ? { [m.tasks]: rows[deal.length] ?? [] } : {}),
  };
}

/** The snapshot anchors of the given months (the trends), in keyset pages. */
export async function loadSnapshotDataset(
  reads: ReadBatch,
  config: SalesProcessConfig,
  months: string[],
): Promise<PortfolioDataset> {
  const [rows = []] = await readStreams(reads, ['snapshots'], (_stream, after) =>
    snapshotQuery(config, months, after),
  );
  return { [config.fields.modules.snapshots]: rows };
}

/** A runaway guard for one end's chain of plan pages: 250 pages of 200 is 50,000 plans. */
export const MAX_LIST_PAGES = 250;

/**
 * The plans' potential-map rows (the whitespace heat map). COQL cannot be relied on for subform
 * rows (zoho-platform §3.5), so the plans are read the way the sync reads them: GET records with the
 * `Potential_Map` field, 200 plans a call (1 credit), by `page` within the first 2,000 records and by
 * the page token after that. Two chains at once, ascending and descending id, each stopping when a
 * page of it holds a plan the other has read (or the other reached its end): half the rounds of one
 * chain, at most two pages more — ⌈plans / 200⌉ + 2 calls and credits (52 at 10,000 plans).
 */
export async function loadPotentialRows(
  crm: Pick<CrmGateway, 'listRecords'>,
  config: SalesProcessConfig,
  o: { perPage?: number } = {},
): Promise<PotentialRow[]> {
  const p = config.fields.plan;
  const perPage = o.perPage ?? 200;
  const plans = new Map<string, ZohoRecord>();
  const seen = { asc: new Set<string>(), desc: new Set<string>() };
  let done = false;
  const chain = async (order: 'asc' | 'desc') => {
    const other = seen[order === 'asc' ? 'desc' : 'asc'];
    let page = 1;
    let pageToken: string | null = null;
    for (let n = 0; n < MAX_LIST_PAGES; n++) {
      if (done) return;
      const res: ListPage = await crm
        .listRecords(config.fields.modules.accountPlans, {
          fields: [p.account, p.potentialMap],
          order,
          perPage,
          page,
          pageToken,
        })
        .catch((e: unknown) => {
          done = true; // the other chain stops too
          throw e;
        });
      let met = false;
      for (const r of res.data) {
        met ||= other.has(r.id);
        seen[order].add(r.id);
        plans.set(r.id, r);
      }
      if (met || !res.more || res.data.length === 0) {
        done = true;
        return;
      }
      if (res.nextPageToken) pageToken = res.nextPageToken;
      else if (page * perPage < 2000) page++;
      else throw widgetError('CRM_ERROR', 'Account plans: more than 2,000 and the CRM gave no page token');
    }
    if (!done) throw widgetError('DATA_INVALID', `Account plans: more than ${2 * MAX_LIST_PAGES} pages`);
  };
  await Promise.all([chain('asc'), chain('desc')]);
  return potentialRows([...plans.values()], p);
}

/** Both phases, one after the other: the whole dataset. */
export async function loadPortfolioDataset(
  crm: CrmGateway,
  reads: ReadBatch,
  config: SalesProcessConfig,
  asOf: Instant,
): Promise<PortfolioDataset> {
  const first = await loadFirstDataset(crm, reads, config, asOf);
  return { ...first, ...(await loadDealsDataset(reads, config, asOf)) };
}

/** Won deals count in the forecast from its first quarter on (the config has at least one). */
function wonSince(config: SalesProcessConfig, asOf: Instant): LocalDate {
  return (forecastQuarters(config, asOf)[0] as FiscalQuarter).start;
}

/** At most this many id ranges of one stream are read in parallel. */
export const MAX_RANGES = 8;

/**
 * A large stream without waiting for page after page: the first page from each end (ascending and
 * descending id) in one round; when both are full, the ids between them are cut into ranges of about
 * one page each (by the id density of those two pages) and the ranges are read in parallel, each in
 * keyset pages until it ends. The ranges cover every id between the two pages exactly once, so
 * skewed ids only cost more rounds, never a record. Non-numeric ids fall back to one keyset stream.
 * `ascFirst`: the descending page only once the ascending one came back full (one round more, but
 * a stream that fits in one page costs one page, as a plain keyset stream would).
 */
async function readSplit(
  reads: ReadBatch,
  stream: Stream,
  query: (afterId: string | null, range: IdRange) => string,
  options: { ascFirst?: boolean } = {},
): Promise<ZohoRecord[]> {
  const none: RecordPage = { data: [], more: false };
  const end = (desc: boolean) => ({ coql: query(null, { desc }) });
  // both ends in one round; `ascFirst`: the descending page only once the ascending one came back full
  const [asc = none, both] = await reads(options.ascFirst ? [end(false)] : [end(false), end(true)]);
  const [desc = none] = both ? [both] : asc.more ? await reads([end(true)]) : [];
  if (!asc.more || !desc.more) return dedupeById([...asc.data, ...desc.data]);
  const ids = (rows: ZohoRecord[]) => rows.map((r) => String(r.id));
  const [a0, a1] = [ids(asc.data)[0], ids(asc.data).at(-1)];
  const [d0, d1] = [ids(desc.data)[0], ids(desc.data).at(-1)];
  if (![a0, a1, d0, d1].every((v) => v !== undefined && /^\d{1,30}$/.test(v))) {
    const [rest = []] = await readStreams(reads, [stream], (_s, after) => query(after, {}));
    return dedupeById([...asc.data, ...rest]);
  }
  const lo = BigInt(a1 as string);
  const hi = BigInt(d1 as string);
  // the ids strictly between the two pages, and the density of the ids the two pages spanned
  const between = hi - lo - 1n;
  if (between <= 0n) return dedupeById([...asc.data, ...desc.data]);
  const spanned = BigInt(a1 as string) - BigInt(a0 as string) + 1n + (BigInt(d0 as string) - hi + 1n);
  const perId = (asc.data.length + desc.data.length) / Math.max(1, Number(spanned));
  const expected = Number(between) * perId;
  const k = Math.max(1, Math.min(MAX_RANGES, Math.ceil(expected / PAGE_ROWS)));
  // k ranges with the same number of ids each: dense ids fill whole pages, no range spills over
  const first = (i: number) => lo + 1n + (between * BigInt(i)) / BigInt(k);
  const ranges = Array.from({ length: k }, (_, i) => ({
    // (lo, f1), [f1, f2), …, [fk-1, hi): `id > f - 1` is `id >= f`
    after: first(i) - 1n,
    before: i === k - 1 ? hi : first(i + 1),
  }));
  const rows: ZohoRecord[] = [...asc.data, ...desc.data];
  let active = ranges.map((r) => ({ after: String(r.after), before: String(r.before) }));
  for (let page = 0; page < MAX_PAGES && active.length > 0; page++) {
    const pages = await reads(active.map((r) => ({ coql: query(r.after, { beforeId: r.before }) })));
    active = active.flatMap((r, n) => {
      const { data, more } = pages[n] ?? { data: [], more: false };
      rows.push(...data);
      const last = data[data.length - 1];
      return more && last ? [{ ...r, after: String(last.id) }] : [];
    });
  }
  if (active.length > 0) throw tooManyPages(stream);
  return dedupeById(rows);
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
    throw tooManyPages(what);
  }
  return rows;
}

function tooManyPages(what: string): WidgetError {
  return widgetError('DATA_INVALID', `${what}: more than ${MAX_PAGES} pages of records; narrow the data`);
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
