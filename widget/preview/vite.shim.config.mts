/** Builds the preview shim as one classic script: `dist/preview/zoho-shim.js` (never packed for Zoho). */
import path from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  publicDir: false,
  build: {
    outDir: path.resolve(root, '..', '..', 'dist', 'preview'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2020',
    lib: {
      entry: path.resolve(root, 'zoho-shim.ts'),
      formats: ['iife'],
      name: 'ZohoPreviewShim',
      fileName: () => 'zoho-shim.js',
    },
  },
});
