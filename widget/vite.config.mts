/**
 * The widget build: Preact through Vite's own JSX transform (no React), into `app/` beside
 * `plugin-manifest.json`. Only file types Zoho's packer accepts: no source maps, no favicon.
 *
 * One page a build (`--mode account`, then `--mode portfolio`; package.json's `build`): each page
 * loads one script of its own (plus what it loads on demand) rather than its own and one shared with
 * the other page — one file compresses better than two (≈ 1 KB gzip less a page), and a widget page
 * never reuses the other's cache anyway. The account build empties `app/` first.
 */
import path from 'node:path';
import { defineConfig } from 'vite';
import { salesProcessConfigPlugin } from './build/config-plugin';

const root = import.meta.dirname;

const PAGES = ['account', 'portfolio'] as const;

export default defineConfig(({ mode }) => {
  const page = PAGES.find((p) => p === mode);
  if (!page) throw new Error(`widget build: say --mode account or --mode portfolio (got ${mode})`);
  return {
    root,
    base: './',
    publicDir: false,
    plugins: [salesProcessConfigPlugin()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: path.resolve(root, '..', 'app'),
      emptyOutDir: page === 'account',
      sourcemap: false,
      target: 'es2020',
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { [page]: path.resolve(root, `${page}.html`) },
      },
    },
  };
});
