/**
 * The bench's change set for "1 % of activities changed": every 100th Task, Event and Call (in id
 * order, so the same records on every emulator with the same seed) gets another `Activity_Kind`
 * — a rep re-classifying an activity — through the REST API, 100 per call with `trigger: []`.
 * A re-classification may or may not move the account's KPIs; the bench counts what had to be
 * written afterwards from the CRM itself.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { RunningEmulator } from '../../server/local/emulator/emulator';
import { chunks, pool, restClient } from './rest';

const KINDS = ['proposal', 'study_session', 'exec_meeting'] as const;

export interface ActivityChange {
  /** Changed records per module. */
  changed: Record<string, number>;
  /** Activities in those modules before the change. */
  total: number;
}

/** 1 %: every 100th activity. */
const EVERY = 100;

export async function changeActivities(
  emu: RunningEmulator,
  config: SalesProcessConfig,
): Promise<ActivityChange> {
  const m = config.fields.modules;
  const kindField = config.fields.activity.kind;
  const rest = restClient(emu.url);
  const changed: Record<string, number> = {};
  let total = 0;
  for (const module of [m.tasks, m.events, m.calls]) {
    const rows = emu.org.store
      .stmt(
        `SELECT CAST(id AS TEXT) AS id, json_extract(data, '$.${kindField}') AS kind FROM records WHERE module = ? ORDER BY id`,
      )
      .all(module) as { id: string; kind: string | null }[];
    total += rows.length;
    const picked = rows
      .filter((_, i) => i % EVERY === EVERY - 1)
      .map((r, i) => {
        const wanted = KINDS[i % KINDS.length] as string;
        return { id: r.id, [kindField]: r.kind === wanted ? KINDS[(i + 1) % KINDS.length] : wanted };
      });
    await pool(chunks(picked, 100), 4, async (data) => {
      const res = await rest.send('PUT', `/${module}`, { data, trigger: [] });
      if (res.status !== 200) throw new Error(`changing ${module}: HTTP ${res.status}`);
    });
    changed[module] = picked.length;
  }
  return { changed, total };
}
