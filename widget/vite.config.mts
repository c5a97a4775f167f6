/**
 * The widget build: Preact through Vite's own JSX transform (no React), into `app/` beside
 * `plugin-manifest.json`. Only file types Zoho's packer accepts: no source maps, no favicon.
 */
import path from 'node:path';
import { defineConfig } from 'vite';
import { salesProcessConfigPlugin } from './build/config-plugin';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [salesProcessConfigPlugin()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: path.resolve(root, '..', 'app'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2020',
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        account: path.resolve(root, 'account.html'),
        portfolio: path.resolve(root, 'portfolio.html'),
      },
    },
  },
});
