import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The benchmark page (www/bench.html), built on its own into target/bench: it is not part of the
// app, so it is neither in www/dist nor in the service worker's precache. The manifest tells
// scripts/bench-browser.mjs which files each tool's module pulls in, for its download size.
export default defineConfig({
  root: 'www',
  base: './',
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'target/bench'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    manifest: true,
    rolldownOptions: {
      input: { bench: resolve(import.meta.dirname, 'www/bench.html') },
    },
  },
  worker: {
    format: 'es',
  },
  logLevel: 'warn',
});
