/**
 * Everything a sync needs, wired once: state database, mirror, token store and manager, call path,
 * gateway, SDK. Used by the service (`npm start`), `npm run sync` and the integration tests.
 */
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { openStateDb, metaGet, metaSet, type Db } from '../state/db';
import { Mirror } from '../state/mirror';
import { SyncState } from '../state/sync-state';
import { runSync, type RunSummary, type SyncOptions } from './run';
import { writeSnapshots } from './snapshots';
import type { Instant } from '../../shared/model/types';
import { CallPath } from '../zoho/call-path';
import type { ZohoConnection } from '../zoho/env';
import { ZohoGateway, type FieldTypeCache } from '../zoho/gateway';
import { initZohoSdk } from '../zoho/sdk';
import { TokenManager } from '../zoho/token-manager';
import { DbTokenStore } from '../zoho/token-store';

export interface SyncServiceOptions {
  stateDir: string;
  connection: ZohoConnection;
  config: SalesProcessConfig;
  log: Logger;
  /** Zoho's daily credits for the org and the share the service may spend. */
  dailyCredits?: number;
  budgetShare?: number;
  concurrency?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  now?: () => number;
}

export class SyncService {
  readonly db: Db;
  readonly state: SyncState;
  mirror: Mirror;
  readonly tokens: TokenManager;
  readonly gateway: ZohoGateway;
  config: SalesProcessConfig;
  private running: Promise<RunSummary> | null = null;

  private constructor(readonly options: SyncServiceOptions) {
    this.config = options.config;
    this.db = openStateDb(options.stateDir);
    this.state = new SyncState(this.db);
    this.mirror = new Mirror(this.db, options.config);
    const store = new DbTokenStore(this.db, options.connection);
    const timeoutMs = options.timeoutMs ?? 30_000;
    this.tokens = new TokenManager(store, options.connection, { timeoutMs });
    const limit = Math.floor((options.dailyCredits ?? 50_000) * (options.budgetShare ?? 0.5));
    const calls = new CallPath(
      this.tokens,
      {
        limit,
        spentLast24h: () => this.state.creditsLast24h(),
        record: (kind, credits) => this.state.addCredits(kind, credits),
      },
      options.log.child({ module: 'zoho' }),
      {
        concurrency: options.concurrency ?? 5,
        maxAttempts: options.maxAttempts ?? 8,
        baseDelayMs: options.baseDelayMs ?? 500,
        maxDelayMs: 30_000,
      },
    );
    this.gateway = new ZohoGateway(
      calls,
      options.log.child({ module: 'gateway' }),
      fieldTypeCache(this.db),
      options.connection.apiBase,
    );
  }

  /** Open the state, get a token and initialise the SDK (one token call when none is stored). */
  static async open(options: SyncServiceOptions): Promise<SyncService> {
    const s = new SyncService(options);
    s.state.closeInterruptedRuns();
    await s.tokens.accessToken();
    await initZohoSdk(options.connection, new DbTokenStore(s.db, options.connection), {
      stateDir: options.stateDir,
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    return s;
  }

  /** Swap in a new validated config (the mirror keys its columns by field names). */
  setConfig(config: SalesProcessConfig): void {
    this.config = config;
    this.mirror = new Mirror(this.db, config);
  }

  /**
   * Run a sync unless one is running (then wait for that one): runs never overlap. With `snapshot`,
   * a run that did not fail then writes today's account snapshots (once a local day; server/sync/snapshots.ts).
   */
  sync(o: Omit<SyncOptions, 'full'> & { full?: boolean; snapshot?: boolean }): Promise<RunSummary> {
    if (this.running) return this.running;
    const owner = `${hostname()}:${process.pid}:${Date.now()}`;
    if (!this.state.acquireLock('sync', owner, 6 * 3600_000)) {
      return Promise.reject(
        new AppError(
          'CONFLICT',
          'another process is running a sync on this state directory (the service or `npm run sync`); try again when it is done',
        ),
      );
    }
    this.running = runSync(
      {
        gateway: this.gateway,
        mirror: this.mirror,
        state: this.state,
        config: this.config,
        log: this.options.log,
        ...(this.options.now ? { now: this.options.now } : {}),
      },
      { ...o, full: o.full ?? this.needsFullPass() },
    )
      .then(async (summary): Promise<RunSummary> => {
        if (summary.kind === 'full' && summary.status !== 'failed') this.markConfigApplied();
        if (!o.snapshot || summary.status === 'failed' || !this.config.snapshots.enabled) return summary;
        try {
          const snapshots = await writeSnapshots(
            {
              gateway: this.gateway,
              mirror: this.mirror,
              db: this.db,
              config: this.config,
              log: this.options.log,
            },
            (this.options.now ?? Date.now)() as Instant,
          );
          return { ...summary, snapshots };
        } catch (e) {
          // the sync itself is done; the snapshots are tried again by the next run that asks for them
          this.options.log.warn({ err: e }, 'daily account snapshots failed; the next scheduled run retries');
          return summary;
        }
      })
      .finally(() => {
        this.state.releaseLock('sync', owner);
        this.running = null;
        // Outside the run's promise chain: a listener's work or error is not the run's.
        for (const listener of this.finishedListeners)
          setImmediate(() => {
            try {
              listener();
            } catch (err) {
              this.options.log.warn({ err }, 'after-run listener failed');
            }
          });
      });
    return this.running;
  }

  private readonly finishedListeners = new Set<() => void>();

  /** Call `listener` after each run this process makes has finished (e.g. to refresh a cache); returns the unsubscribe. */
  onRunFinished(listener: () => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** The first run, and any run after the config changed, reads everything. */
  private needsFullPass(): boolean {
    return (
      this.state.lastSuccessfulFullRun() === null ||
      metaGet(this.db, 'config_fingerprint') !== fingerprint(this.config)
    );
  }

  markConfigApplied(): void {
    metaSet(this.db, 'config_fingerprint', fingerprint(this.config));
  }

  close(): void {
    this.db.close();
  }
}

function fingerprint(config: SalesProcessConfig): string {
  return String(JSON.stringify(config).length) + ':' + hash(JSON.stringify(config));
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** Field types cached in the state database for a day, so a restart spends no metadata credits. */
function fieldTypeCache(db: Db): FieldTypeCache {
  return {
    get(module) {
      const raw = metaGet(db, `field_types:${module}`);
      if (!raw) return null;
      const { at, types } = JSON.parse(raw) as { at: number; types: [string, string][] };
      return Date.now() - at < 86_400_000 ? new Map(types) : null;
    },
    put(module, types) {
      metaSet(db, `field_types:${module}`, JSON.stringify({ at: Date.now(), types: [...types] }));
    },
  };
}
