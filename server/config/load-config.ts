/**
 * Read the sales-process config from disk (DESIGN §5): `--config FILE`, else env
 * `SALES_PROCESS_CONFIG`, else `config/sales-process.yaml` beside the project root.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSalesProcessConfig, type ConfigResult } from '../../shared/config/load';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_CONFIG_PATH = path.join(PROJECT_ROOT, 'config', 'sales-process.yaml');

export function resolveConfigPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? env.SALES_PROCESS_CONFIG ?? DEFAULT_CONFIG_PATH);
}

/** Read and validate; a file that cannot be read is reported like any other config problem. */
export function loadConfigFile(file: string): ConfigResult {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith('..') ? relative : file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
    return {
      ok: false,
      problems: [
        { file: shown, line: 0, column: 0, path: '(root)', message: `cannot read the config: ${reason}` },
      ],
    };
  }
  return parseSalesProcessConfig(text, shown);
}
