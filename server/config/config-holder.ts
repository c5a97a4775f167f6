/**
 * The live config: loaded and validated at start (a bad file stops the service with the loader's
 * message), watched afterwards. A changed file that does not validate is refused and logged; the
 * last good config keeps working. Nothing a saved file holds (bad YAML, an alias bomb, a huge
 * file) can throw out of the watcher: the service stays up on the last good config and says so —
 * `/readyz` (no token) without any detail, `/api/sync/status` with the problems, file names only.
 */
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { formatConfigProblem, type ConfigProblem } from '../../shared/config/load';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { loadConfigFile } from './load-config';
import { AppError } from '../errors';

export class ConfigHolder {
  private listeners: ((c: SalesProcessConfig) => void)[] = [];
  /** The refused file's problems, one per line, as config:check prints them (for the log and tests). */
  lastError: string | null = null;
  private lastProblems: ConfigProblem[] = [];
  private poll: NodeJS.Timeout | null = null;

  private constructor(
    readonly file: string,
    public current: SalesProcessConfig,
    private readonly log: Logger,
  ) {}

  /** Load or fail with every problem, one per line (file:line:column path: message). */
  static load(file: string, log: Logger): ConfigHolder {
    const r = loadConfigFile(file);
    if (!r.ok)
      throw new AppError(
        'CONFIG_INVALID',
        `the sales-process config is invalid; the service did not start:\n${r.problems.map(formatConfigProblem).join('\n')}`,
      );
    return new ConfigHolder(file, r.config, log);
  }

  onChange(fn: (c: SalesProcessConfig) => void): void {
    this.listeners.push(fn);
  }

  /** Re-read the file: apply it if valid, else keep the current config. Returns whether it applied. */
  reload(): boolean {
    try {
      const r = loadConfigFile(this.file);
      if (!r.ok) return this.refuse(r.problems);
      this.lastError = null;
      this.lastProblems = [];
      this.current = r.config;
      this.log.info({ file: this.file }, 'config reloaded');
      for (const fn of this.listeners) fn(r.config);
      return true;
    } catch (e) {
      // Never out of the file watcher or the SIGHUP handler: that would stop the service.
      return this.refuse([
        {
          file: this.file,
          line: 0,
          column: 0,
          path: '(root)',
          message: `the config could not be applied: ${(e as Error).message.split('\n')[0] ?? ''}`,
        },
      ]);
    }
  }

  /**
   * The refused change as the service's HTTP status shows it: the problems with the file's name but
   * not its folder (no install path leaves the host); null when the last change applied.
   */
  get publicError(): string | null {
    if (this.lastProblems.length === 0) return null;
    return [
      'the last saved config was refused; the last good config is still in use:',
      ...this.lastProblems.map((p) => formatConfigProblem({ ...p, file: path.basename(p.file) })),
    ].join('\n');
  }

  /** Whether the last saved config was refused (all `/readyz`, which needs no token, says). */
  get refused(): boolean {
    return this.lastProblems.length > 0;
  }

  private refuse(problems: ConfigProblem[]): false {
    this.lastProblems = problems;
    this.lastError = problems.map(formatConfigProblem).join('\n');
    this.log.error(
      { file: this.file, problems: problems.map(formatConfigProblem) },
      'config change refused; keeping the last good config',
    );
    return false;
  }

  /**
   * Poll the file every `intervalMs` and reload it when it changed. The first look is taken now, not
   * at the first poll (fs.watchFile's is asynchronous: a save made right after `watch` returned could
   * become its starting point and never count as a change).
   */
  watch(intervalMs = 2000): void {
    this.unwatch();
    let seen = statOf(this.file);
    this.poll = setInterval(() => {
      const cur = statOf(this.file);
      if (cur === seen || (cur && seen && !fileChanged(cur, seen))) return;
      seen = cur;
      // A file gone is a change too: the reload says it cannot be read, and the last good config stays.
      this.reload();
    }, intervalMs);
    this.poll.unref();
  }

  unwatch(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }
}

/**
 * Whether a polled config file changed: its modification time, or its size or inode when a save
 * lands within the file system's timestamp granularity (a copy then a write a few ms apart can keep
 * the same mtime, and the watcher then missed the second).
 */
export function fileChanged(
  cur: { mtimeMs: number; size: number; ino: number },
  prev: { mtimeMs: number; size: number; ino: number },
): boolean {
  return cur.mtimeMs !== prev.mtimeMs || cur.size !== prev.size || cur.ino !== prev.ino;
}

/** The file's stat, or null when it is gone or cannot be read. */
function statOf(file: string): Stats | null {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
