/**
 * The live config: loaded and validated at start (a bad file stops the service with the loader's
 * message), watched afterwards. A changed file that does not validate is refused and logged; the
 * last good config keeps working.
 */
import { unwatchFile, watchFile } from 'node:fs';
import type { Logger } from 'pino';
import { formatConfigProblem } from '../../shared/config/load';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { loadConfigFile } from './load-config';
import { AppError } from '../errors';

export class ConfigHolder {
  private listeners: ((c: SalesProcessConfig) => void)[] = [];
  lastError: string | null = null;

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
    const r = loadConfigFile(this.file);
    if (!r.ok) {
      this.lastError = r.problems.map(formatConfigProblem).join('\n');
      this.log.error(
        { file: this.file, problems: r.problems.map(formatConfigProblem) },
        'config change refused; keeping the last good config',
      );
      return false;
    }
    this.lastError = null;
    this.current = r.config;
    this.log.info({ file: this.file }, 'config reloaded');
    for (const fn of this.listeners) fn(r.config);
    return true;
  }

  watch(intervalMs = 2000): void {
    watchFile(this.file, { interval: intervalMs }, (cur, prev) => {
      if (cur.mtimeMs !== prev.mtimeMs) this.reload();
    });
  }

  unwatch(): void {
    unwatchFile(this.file);
  }
}
