/**
 * The daily account snapshots (shared/portfolio/trends.ts), written by the service's schedule to the
 * snapshot module (`ESM_Snapshots`) — the manager's trends, and a module Zoho's own reports can chart.
 *
 * From the mirror's accounts (with the fields the service wrote), the plan is: each computed account's
 * anchor of the month if it has none yet, else a row only when its values changed since its last
 * snapshot. The service remembers each account's last snapshot in its state database
 * (`snapshot_last`), so planning reads nothing from the CRM. Inserts go ≤ 100 records a call
 * (1 credit per 10 records); a failed record is planned again by the next run. Runs at most once a
 * local day unless `force`.
 */
import type { Logger } from 'pino';
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { Instant, LocalDate } from '../../shared/model/types';
import { normalisePortfolio } from '../../shared/portfolio/normalise';
import {
  planSnapshots,
  snapshotRecord,
  type LastSnapshot,
  type SnapshotValues,
} from '../../shared/portfolio/trends';
import { metaGet, metaSet, type Db } from '../state/db';
import type { Mirror } from '../state/mirror';
import type { ZohoGateway } from '../zoho/gateway';

export interface SnapshotOutcome {
  date: LocalDate;
  /** Nothing was planned because today's snapshots were done already (or the config turns them off). */
  skipped: 'done_today' | 'disabled' | null;
  planned: number;
  written: number;
  anchors: number;
  failed: { accountId: string; code: string; message: string }[];
  credits: number;
}

const DAY_KEY = 'snapshot_day';

/** Each account's last snapshot, as written. */
export function lastSnapshots(db: Db): Map<string, LastSnapshot> {
  const rows = db
    .prepare<[], { account_id: string; anchor_month: string | null; json: string }>(
      'SELECT account_id, anchor_month, json FROM snapshot_last',
    )
    .all();
  return new Map(
    rows.map((r) => [
      r.account_id,
      { anchorMonth: r.anchor_month, values: JSON.parse(r.json) as SnapshotValues },
    ]),
  );
}

export async function writeSnapshots(
  deps: { gateway: ZohoGateway; mirror: Mirror; db: Db; config: SalesProcessConfig; log: Logger },
  asOf: Instant,
  o: { force?: boolean } = {},
): Promise<SnapshotOutcome> {
  const { config, db } = deps;
  const m = config.fields.modules;
  const accounts = normalisePortfolio({ [m.accounts]: [...deps.mirror.all('accounts')] }, config).accounts;
  const last = lastSnapshots(db);
  const plan = planSnapshots(accounts, last, config, asOf);
  const out: SnapshotOutcome = {
    date: plan.date,
    skipped: null,
    planned: plan.rows.length,
    written: 0,
    anchors: 0,
    failed: [],
    credits: 0,
  };
  if (!config.snapshots.enabled) return { ...out, skipped: 'disabled', planned: 0 };
  if (!o.force && metaGet(db, DAY_KEY) === plan.date) return { ...out, skipped: 'done_today', planned: 0 };
  const remember = db.prepare(
    'INSERT INTO snapshot_last (account_id, anchor_month, date, json) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT(account_id) DO UPDATE SET anchor_month = coalesce(excluded.anchor_month, snapshot_last.anchor_month), date = excluded.date, json = excluded.json',
  );
  for (let i = 0; i < plan.rows.length; i += 100) {
    const chunk = plan.rows.slice(i, i + 100);
    const results = await deps.gateway.insertRecords(
      m.snapshots,
      chunk.map((row) => ({ fields: snapshotRecord(config, plan.date, row) })),
    );
    out.credits += Math.ceil(chunk.length / 10);
    db.transaction(() => {
      chunk.forEach((row, n) => {
        const r = results[n];
        if (!r?.ok) {
          out.failed.push({
            accountId: row.accountId,
            code: r?.code ?? 'UNKNOWN',
            message: r?.message ?? '',
          });
          return;
        }
        out.written++;
        if (row.month) out.anchors++;
        remember.run(row.accountId, row.month, plan.date, JSON.stringify(row.values));
      });
    })();
  }
  if (out.failed.length === 0) metaSet(db, DAY_KEY, plan.date);
  else
    deps.log.warn(
      { failed: out.failed.length, first: out.failed[0] },
      'some snapshots were not written; the next run retries them',
    );
  deps.log.info(
    { date: plan.date, written: out.written, anchors: out.anchors, credits: out.credits },
    'daily account snapshots written',
  );
  return out;
}
