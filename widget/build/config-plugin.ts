/**
 * Vite plugin: `virtual:sales-process-config` = the ops config, validated with the shared loader at
 * build time. A bad config fails the build with the loader's own `file:line:column path: message`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { formatConfigProblem, parseSalesProcessConfig } from '../../shared/config/load';

const ID = 'virtual:sales-process-config';
const RESOLVED = `\0${ID}`;

export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SALES_PROCESS_CONFIG ?? path.join(process.cwd(), 'config', 'sales-process.yaml'));
}

export function salesProcessConfigPlugin(file = configFilePath()): Plugin {
  return {
    name: 'sales-process-config',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(file);
      const shown = path.relative(process.cwd(), file) || file;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        this.error(`${shown}: cannot read the sales-process config: ${(e as Error).message}`);
      }
      const result = parseSalesProcessConfig(text, shown);
      if (!result.ok) {
        this.error(`invalid sales-process config:\n${result.problems.map(formatConfigProblem).join('\n')}`);
      }
      return `export default ${JSON.stringify(result.config)};`;
    },
  };
}
