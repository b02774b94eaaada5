import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './www/security-headers.js';

// The page lives in www/ (two pages: the app, and embed.html, an example news page using
// <stance-map>); the package's modules in www/lib; the wasm-bindgen output in www/pkg, whose
// .wasm the worker names with new URL(..., import.meta.url) and Vite emits as a hashed asset.

/**
 * Puts the Content Security Policy into each built page's <head>, right after the charset, for
 * hosts that cannot send headers.
 */
function contentSecurityPolicyMeta() {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;')}" />`;
  return {
    name: 'stancemap-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        return html.replace(/<meta charset="utf-8" \/>/i, (charset) => `${charset}\n    ${meta}`);
      },
    },
  };
}

/** The example news page is not the app: vite-plugin-pwa's manifest link comes out of it. */
function exampleWithoutManifest() {
  return {
    name: 'stancemap-example-without-manifest',
    apply: 'build',
    enforce: 'post', // after vite-plugin-pwa, which is 'post' too
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => (context.filename.endsWith('embed.html') ? html.replace(/\s*<link rel="manifest"[^>]*>/, '') : html),
    },
  };
}

export default defineConfig({
  root: 'www',
  base: './',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'www/index.html'),
        embed: resolve(import.meta.dirname, 'www/embed.html'),
      },
    },
  },
  worker: {
    format: 'es',
  },
  plugins: [
    contentSecurityPolicyMeta(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        id: './',
        name: 'stancemap',
        short_name: 'stancemap',
        description: 'Actors, positions and a comparison table from a news article (Arabic or English), computed in your browser.',
        lang: 'en',
        dir: 'auto',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#0b5cad',
        categories: ['news', 'productivity', 'utilities'],
        // In the system share sheet: shared text opens as a new article (www/src/share-target.js).
        // GET, so that the service worker answers the navigation offline; the app never fetches
        // a shared url.
        share_target: {
          action: './',
          method: 'GET',
          params: { title: 'title', text: 'text', url: 'url' },
        },
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Everything the page needs to load and analyse with the network off, under hashed
        // names; a new deployment's worker precaches its own set and drops the old cache.
        globPatterns: ['**/*.{html,js,css,wasm,gz,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
    }),
    exampleWithoutManifest(),
  ],
  server: {
    host: '127.0.0.1',
  },
  preview: {
    host: '127.0.0.1',
    headers: SECURITY_HEADERS,
  },
});
