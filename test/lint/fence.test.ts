/**
 * The layering rules of eslint.config.mjs fire: a forbidden import fails `npm run lint`. (Until
 * 2026-12-05 import-x had no resolver for .ts files, so every zone silently passed.)
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** ESLint's flat config is an ES module, which Jest's CommonJS runtime cannot load: lint in a child. */
function messagesFor(file: string, code: string): string[] {
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/eslint/bin/eslint.js'),
      '--format',
      'json',
      '--stdin',
      '--stdin-filename',
      file,
    ],
    { cwd: ROOT, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const forbidden: [string, string, string, RegExp][] = [
  [
    'the sync imports the local toolkit',
    'server/sync/probe.ts',
    "import { startLocalToolkit } from '../local/start';",
    /local Zoho toolkit/,
  ],
  [
    'the gateway imports the emulator',
    'server/zoho/probe.ts',
    "import { startEmulator } from '../local/emulator/emulator';",
    /local Zoho toolkit/,
  ],
  [
    'a product CLI imports the demo data',
    'server/cli/probe.ts',
    "import { generateDemoDataset } from '../local/datasets/demo/generate';",
    /local Zoho toolkit/,
  ],
  [
    'the generic emulator imports shared/ (the read-batch function)',
    'server/local/emulator/routes/probe.ts',
    "import { parseReadBatch } from '../../../../shared/crm-read/read-batch';",
    /generic emulator .* knows Zoho only/,
  ],
  [
    'the generic emulator imports the product schema',
    'server/local/emulator/metadata/probe.ts',
    "import { productCustomizations } from '../../../crm-schema/product-fields';",
    /generic emulator .* knows Zoho only/,
  ],
  [
    'the generic emulator imports product config loading',
    'server/local/emulator/probe.ts',
    "import { loadConfigFile } from '../../config/load-config';",
    /generic emulator .* knows Zoho only/,
  ],
  [
    'the generic emulator imports a plug-in instead of being handed it',
    'server/local/emulator/probe.ts',
    "import { readBatchFunction } from '../plugins/read-batch';",
    /generic emulator .* knows Zoho only/,
  ],
  [
    'the generic emulator imports a dataset',
    'server/local/emulator/probe.ts',
    "import { generateIntoOrg } from '../datasets/scale/into-org';",
    /generic emulator .* knows Zoho only/,
  ],
  [
    "Zoho's field model imports the product schema",
    'server/zoho-model/probe.ts',
    "import { productCustomizations } from '../crm-schema/product-fields';",
    /zoho-model\/ is Zoho's own field model/,
  ],
  [
    "Zoho's field model imports shared/",
    'server/zoho-model/probe.ts',
    "import { lookupId } from '../../shared/crm-read/records';",
    /zoho-model\/ is Zoho's own field model/,
  ],
  [
    'the scale generator imports the engine',
    'server/local/datasets/scale/probe.ts',
    "import { compileConfig } from '../../../../shared/engine/compiled';",
    /scale generator .* vocabulary from a plug-in/,
  ],
  [
    'the scale generator imports the product config',
    'server/local/datasets/scale/probe.ts',
    "import { loadConfigFile } from '../../../config/load-config';",
    /scale generator .* vocabulary from a plug-in/,
  ],
  [
    'shared imports the server',
    'shared/engine/probe.ts',
    "import { AppError } from '../../server/errors';",
    /shared\/ must not depend on server/,
  ],
  [
    'shared imports the widget',
    'shared/engine/probe.ts',
    "import { start } from '../../widget/account/main';",
    /shared\/ must not depend on widget/,
  ],
  [
    'the widget imports the server',
    'widget/common/probe.ts',
    "import { AppError } from '../../server/errors';",
    /widget\/ talks to the CRM through ZOHO/,
  ],
  [
    'production shared imports test support',
    'shared/engine/probe.ts',
    "import { engineHarness } from '../testing/engine-harness';",
    /test support/,
  ],
];

it.each(forbidden)('fails when %s', (_name, file, line, expected) => {
  const messages = messagesFor(file, `${line}\nexport const probe = 1;\n`);
  expect(
    messages.some(
      (m) => m.startsWith('import-x/no-restricted-paths') || m.startsWith('no-restricted-imports'),
    ),
  ).toBe(true);
  expect(messages.join('\n')).toMatch(expected);
});

it('lets server/main.ts load the local toolkit', () => {
  const messages = messagesFor(
    'server/main.ts',
    "import type { LocalToolkit } from './local/start';\nexport type Probe = LocalToolkit;\n",
  );
  expect(messages.filter((m) => m.startsWith('import-x/no-restricted-paths'))).toEqual([]);
});

it('lets the toolkit use the product (the fence is one-way)', () => {
  const messages = messagesFor(
    'server/local/start-probe.ts',
    "import { emulatorConnection } from '../zoho/env';\nexport const probe = emulatorConnection;\n",
  );
  expect(messages.filter((m) => m.startsWith('import-x/no-restricted-paths'))).toEqual([]);
});

it("lets the generic emulator import itself and Zoho's field model, and plug-ins import the emulator and the product", () => {
  const allowed: [string, string][] = [
    ['server/local/emulator/metadata/probe.ts', "import { OrgCatalog } from './catalog';"],
    ['server/local/emulator/probe.ts', "import { Org } from './org';"],
    ['server/local/emulator/metadata/probe.ts', "import { text } from '../../../zoho-model/builders';"],
    ['server/crm-schema/probe.ts', "import { text } from '../zoho-model/builders';"],
    ['server/local/datasets/scale/probe.ts', "import type { Org } from '../../emulator/org';"],
    ['server/local/plugins/probe.ts', "import { compileConfig } from '../../../shared/engine/compiled';"],
    ['server/local/plugins/probe.ts', "import { startEmulator } from '../emulator/emulator';"],
  ];
  for (const [file, line] of allowed)
    expect([
      file,
      messagesFor(file, `${line}\nexport const probe = 1;\n`).filter((m) =>
        m.startsWith('import-x/no-restricted-paths'),
      ),
    ]).toEqual([file, []]);
});
