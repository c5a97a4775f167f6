/**
 * The bench and the fault suite run the sync CLI themselves (test/support/sync-cli.ts): with the
 * Node flags `npm run sync` and `npm start` use, or their CPU figures would not be the product's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SYNC_NODE_FLAGS } from '../support/sync-cli';

const scripts = (
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

test.each(['start', 'sync'])('npm run %s runs with the flags the bench uses', (name) => {
  const words = (scripts[name] ?? '').split(/\s+/);
  expect(words[0]).toBe('tsx');
  expect(words.slice(1, 1 + SYNC_NODE_FLAGS.length)).toEqual(SYNC_NODE_FLAGS);
});
