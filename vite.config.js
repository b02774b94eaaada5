import { defineConfig } from 'vite';

// The page lives in www/; the wasm-bindgen output in www/pkg is imported by the worker, and the
// .wasm it names with new URL(..., import.meta.url) is emitted as an asset.
export default defineConfig({
  root: 'www',
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  worker: {
    format: 'es',
  },
  server: {
    host: '127.0.0.1',
  },
  preview: {
    host: '127.0.0.1',
  },
});
