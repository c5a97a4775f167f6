/**
 * Read the sales-process config from disk (DESIGN §5): `--config FILE`, else env
 * `SALES_PROCESS_CONFIG`, else `config/sales-process.yaml` beside the project root.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_CONFIG_BYTES, parseSalesProcessConfig, type ConfigResult } from '../../shared/config/load';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_CONFIG_PATH = path.join(PROJECT_ROOT, 'config', 'sales-process.yaml');

export function resolveConfigPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? env.SALES_PROCESS_CONFIG ?? DEFAULT_CONFIG_PATH);
}

/** Read and validate; a file that cannot be read is reported like any other config problem. */
export function loadConfigFile(file: string): ConfigResult {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith('..') ? relative : file;
  const problem = (message: string): ConfigResult => ({
    ok: false,
    problems: [{ file: shown, line: 0, column: 0, path: '(root)', message }],
  });
  let text: string;
  try {
    const fd = openSync(file, 'r');
    try {
      // A huge file is refused before it is read into memory.
      const stat = fstatSync(fd);
      if (!stat.isFile()) return problem('cannot read the config: not a regular file');
      if (stat.size > MAX_CONFIG_BYTES)
        return problem(`the file is ${stat.size} bytes; a config may be at most ${MAX_CONFIG_BYTES} bytes`);
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    // The errno code only: the system's message repeats the absolute path.
    const code = (e as NodeJS.ErrnoException).code;
    return problem(
      `cannot read the config: ${code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : (code ?? 'read failed')}`,
    );
  }
  return parseSalesProcessConfig(text, shown);
}
