/**
 * When syncs run: on a schedule (node-cron, UTC), on request, and shortly after webhooks (debounced,
 * so a burst of edits costs one run). Runs never overlap: a request during a run is remembered and
 * served by one follow-up run.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { RunSummary } from '../sync/run';

export interface RunnerTarget {
  sync(o: { full?: boolean; trigger: string; snapshot?: boolean }): Promise<RunSummary>;
}

export interface RunnerOptions {
  /** Incremental runs (DESIGN §6 `SYNC_CRON`), default every 15 minutes. */
  cron?: string;
  /** The daily full pass (time windows move even when nothing changes). */
  fullCron?: string;
  debounceMs?: number;
  maxWaitMs?: number;
}

export class SyncRunner {
  private current: Promise<RunSummary> | null = null;
  private pending: { full: boolean; trigger: string; snapshot?: boolean } | null = null;
  private debounce: NodeJS.Timeout | null = null;
  /** Settles when the debounced request fires (or is dropped on stop): what idle() waits on first. */
  private debounced: { promise: Promise<void>; resolve: () => void } | null = null;
  private firstQueuedAt: number | null = null;
  private tasks: ScheduledTask[] = [];
  lastSummary: RunSummary | null = null;

  constructor(
    private readonly target: RunnerTarget,
    private readonly log: Logger,
    private readonly options: RunnerOptions = {},
  ) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** Start a run now, or queue one behind the current run. Resolves when the requested run is done. */
  request(o: { full?: boolean; trigger: string; snapshot?: boolean }): void {
    if (this.current) {
      const snapshot = (this.pending?.snapshot ?? false) || (o.snapshot ?? false);
      this.pending = {
        full: (this.pending?.full ?? false) || (o.full ?? false),
        trigger: o.trigger,
        ...(snapshot ? { snapshot } : {}),
      };
      return;
    }
    this.start(o);
  }

  /** A webhook's change: run soon, once for a burst (debounce, but never wait longer than maxWait). */
  requestSoon(trigger: string): void {
    const now = Date.now();
    this.firstQueuedAt ??= now;
    if (this.debounce) clearTimeout(this.debounce);
    const wait = Math.max(
      0,
      Math.min(
        this.options.debounceMs ?? 2000,
        this.firstQueuedAt + (this.options.maxWaitMs ?? 10_000) - now,
      ),
    );
    if (!this.debounced) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => (resolve = r));
      this.debounced = { promise, resolve };
    }
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.firstQueuedAt = null;
      this.request({ trigger });
      this.settleDebounced();
    }, wait);
    this.debounce.unref?.();
  }

  schedule(): void {
    const every = this.options.cron ?? '*/15 * * * *';
    const daily = this.options.fullCron ?? '0 18 * * *';
    for (const [expr, full] of [
      [every, false],
      [daily, true],
    ] as const) {
      if (!cron.validate(expr))
        throw new Error(`invalid cron expression "${expr}" (${full ? 'FULL_SYNC_CRON' : 'SYNC_CRON'})`);
      this.tasks.push(
        // the daily full pass also writes the day's account snapshots (once a local day)
        cron.schedule(
          expr,
          () =>
            this.request(
              full ? { full, trigger: 'daily full pass', snapshot: true } : { trigger: 'schedule' },
            ),
          {
            timezone: 'UTC',
            noOverlap: true,
          },
        ),
      );
    }
    this.log.info({ cron: every, fullCron: daily, timezone: 'UTC' }, 'sync schedule set');
  }

  /** Wait for a debounced webhook run to start, and for the current (and queued) run to end. */
  async idle(): Promise<void> {
    while (this.debounced || this.current || this.pending)
      await (this.debounced?.promise ?? this.current ?? Promise.resolve());
  }

  async stop(): Promise<void> {
    for (const t of this.tasks) await t.stop();
    this.tasks = [];
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    this.settleDebounced();
    this.pending = null;
    await this.current?.catch(() => undefined);
  }

  private settleDebounced(): void {
    this.debounced?.resolve();
    this.debounced = null;
  }

  private start(o: { full?: boolean; trigger: string; snapshot?: boolean }): void {
    this.current = this.target
      .sync({
        trigger: o.trigger,
        ...(o.full ? { full: true } : {}),
        ...(o.snapshot ? { snapshot: true } : {}),
      })
      .then((summary) => {
        this.lastSummary = summary;
        return summary;
      })
      .catch((e: unknown) => {
        this.log.error({ err: e }, 'sync could not start');
        throw e;
      })
      .finally(() => {
        this.current = null;
        const next = this.pending;
        this.pending = null;
        if (next) this.start(next);
      });
    this.current.catch(() => undefined);
  }
}
