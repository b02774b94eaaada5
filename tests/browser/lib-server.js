// The package's modules as they are published: www/ served unbundled (www/lib and the wasm
// glue in www/pkg) under the strict security headers, with a blank page that loads nothing but
// "define". What works here works from a plain <script type="module">.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as guarded } from './helpers.js';
import { serveStatic } from './static-server.js';
import { SECURITY_HEADERS } from '../../www/security-headers.js';

const www = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../www');

export const BLANK_PAGE = `<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><title>stancemap modules</title>
<script type="module" src="/lib/define.js"></script></head>
<body><main></main></body>
</html>`;

/** `test` with `lib`: a server of www/ for this test, and the page opened on its blank page. */
export const test = guarded.extend({
  lib: [async ({ page }, use) => {
    const server = await serveStatic(www, { headers: SECURITY_HEADERS, pages: { '/blank.html': BLANK_PAGE } });
    await page.goto(`${server.url}/blank.html`);
    await page.waitForFunction(() => customElements.get('stance-map') !== undefined);
    await use(server);
    await server.close();
  }, { auto: true }],
});

export { expect } from './helpers.js';

/** The analyser's current worker: the newest (a replaced one may linger in the list a moment). */
export async function analyserWorker(page) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const worker = page.workers().filter((w) => /\/worker[-.\w]*\.js$/.test(new URL(w.url()).pathname)).at(-1);
    if (worker) return worker;
    await page.waitForTimeout(100);
  }
  throw new Error('no analyser worker');
}

/**
 * Makes the analyser worker's next analysis fail: 'trap' (as a panic), 'throw' (kills it) or
 * 'hang'. Call it once the worker has answered, so that its message handler is in place.
 */
export async function injectFault(page, kind) {
  const worker = await analyserWorker(page);
  await worker.evaluate((faultKind) => {
    self.dispatchEvent(new MessageEvent('message', { data: { type: 'test-fault', kind: faultKind } }));
  }, kind);
}

/** How many times the .wasm file was fetched from `server`. */
export function wasmFetches(server) {
  return server.requests.filter((request) => request.endsWith('.wasm')).length;
}
