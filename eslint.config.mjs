// ESLint: type-aware TypeScript rules plus the layering of DESIGN §1:
// widget → shared ← server, and shared/ does no I/O (no DOM, no process, no node:*, no clock).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const ioGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'process',
  'require',
  'setTimeout',
  'setInterval',
  'console',
  'Buffer',
  '__dirname',
  'ZOHO',
].map((name) => ({ name, message: 'shared/ is pure: pass this in from server/ or widget/.' }));

export default tseslint.config(
  { ignores: ['node_modules/', 'app/', 'dist/', 'coverage/', 'test-artifacts/', '.state/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    // Without a resolver that knows .ts files, import-x cannot resolve our imports and the zones
    // below would never fire (test/lint/fence.test.ts proves they do).
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs'] })],
    },
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './shared', from: './server', message: 'shared/ must not depend on server/.' },
            { target: './shared', from: './widget', message: 'shared/ must not depend on widget/.' },
            {
              target: './widget',
              from: './server',
              message: 'widget/ talks to the CRM through ZOHO, not server/.',
            },
            { target: './server', from: './widget', message: 'server/ must not import widget code.' },
            {
              // The fence around the local Zoho toolkit (emulator, datasets, widget host): the product
              // never imports it; server/main.ts loads server/local/start.ts only without credentials.
              target: ['./server/!(local)/**/*', './server/!(main).ts'],
              from: './server/local',
              message:
                'The product must not import the local Zoho toolkit (server/local/); only server/main.ts may.',
            },
            {
              // The generic emulator knows Zoho only: what the product adds comes in as plug-ins
              // (server/local/plugins/), handed to startEmulator by whoever starts it.
              target: './server/local/emulator',
              from: ['./shared', './widget', './config'],
              message:
                'The generic emulator (server/local/emulator/) knows Zoho only: no shared/ or product code; pass it in as a plug-in.',
            },
            {
              target: './server/local/emulator',
              from: './server',
              // server/zoho-model: Zoho's field model, product-free (its own zone below).
              except: ['./local/emulator', './zoho-model'],
              message:
                'The generic emulator (server/local/emulator/) knows Zoho only: no shared/ or product code; pass it in as a plug-in.',
            },
            {
              // Zoho's field model is shared by the product's schema and the emulator: it imports nothing.
              target: './server/zoho-model',
              from: ['./shared', './widget', './config'],
              message: "server/zoho-model/ is Zoho's own field model: it imports nothing of the product.",
            },
            {
              target: './server/zoho-model',
              from: './server',
              except: ['./zoho-model'],
              message: "server/zoho-model/ is Zoho's own field model: it imports nothing of the product.",
            },
            {
              // The scale generator writes with a vocabulary plug-in, not the engine or the config.
              target: './server/local/datasets/scale',
              from: './shared',
              message:
                'The scale generator (server/local/datasets/scale/) takes its vocabulary from a plug-in (ScaleVocabulary), not from shared/.',
            },
            {
              target: './server/local/datasets/scale',
              from: './server',
              except: ['./local/datasets/scale', './local/emulator'],
              message:
                'The scale generator (server/local/datasets/scale/) takes its vocabulary from a plug-in (ScaleVocabulary), not from the product.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/testing/**'],
    rules: {
      'no-restricted-globals': ['error', ...ioGlobals],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No clock in shared/: take `asOf` as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No clock in shared/: take `asOf` as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'shared/ is deterministic.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'https', 'os', 'child_process', 'crypto'],
              message: 'shared/ does no I/O.',
            },
            {
              group: ['@zohocrm/*', 'express', 'pino', 'better-sqlite3', 'node-cron', 'preact', 'preact/*'],
              message: 'shared/ imports only small pure libraries.',
            },
            {
              group: ['**/testing/*'],
              message: 'shared/testing/ is test support: production shared/ code must not import it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
