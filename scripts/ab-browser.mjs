// Two builds of the analysing module compared in one headless Chromium page, for performance
// work on a noisy machine: both are loaded side by side and called in turn on the bench articles
// (scripts/bench-articles.mjs), so that a burst of load falls on both alike. Prints, per
// language, the median ms of each and their ratio B/A.
//
//   node scripts/ab-browser.mjs DIR_A DIR_B [--runs N]
//
// DIR_A, DIR_B: wasm-bindgen `--target web` output (stancemap.js and stancemap_bg.wasm), such
// as www/pkg of two checkouts. Both get the name models of this checkout's www/pkg. --runs:
// calls of each per language (default 400), after 50 of each to warm up; the order within a
// pair alternates. Not part of CI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { serveStatic } from '../tests/browser/static-server.js';
import { benchArticles } from './bench-articles.mjs';

const repo = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const RUNS = at >= 0 ? Number(args.splice(at, 2)[1]) : 400;
const [dirA, dirB] = args;
if (!dirA || !dirB || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error('usage: node scripts/ab-browser.mjs DIR_A DIR_B [--runs N]');
  process.exit(2);
}

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'stancemap-ab-'));
for (const [name, dir] of [['a', dirA], ['b', dirB]]) {
  fs.mkdirSync(path.join(site, name));
  for (const file of ['stancemap.js', 'stancemap_bg.wasm']) fs.copyFileSync(path.join(dir, file), path.join(site, name, file));
}
for (const model of ['ar.model.gz', 'en.model.gz']) fs.copyFileSync(path.join(repo, 'www', 'pkg', model), path.join(site, model));
const page = `<!doctype html><script type="module">
import initA, * as a from './a/stancemap.js';
import initB, * as b from './b/stancemap.js';
window.ready = (async () => {
  await initA({ module_or_path: './a/stancemap_bg.wasm' });
  await initB({ module_or_path: './b/stancemap_bg.wasm' });
  for (const lang of ['ar', 'en']) {
    const body = (await fetch('./' + lang + '.model.gz')).body.pipeThrough(new DecompressionStream('gzip'));
    const bytes = new Uint8Array(await new Response(body).arrayBuffer());
    a.loadModel(bytes);
    b.loadModel(bytes);
  }
  window.builds = [a.analyze, b.analyze];
})();
</script>`;

// Cross-origin isolated, so that performance.now() resolves to microseconds.
const server = await serveStatic(site, {
  pages: { '/ab.html': page },
  headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const tab = await browser.newPage();
  await tab.goto(`${server.url}/ab.html`);
  await tab.evaluate(() => window.ready);
  const articles = benchArticles(repo);
  for (const lang of ['en', 'ar']) {
    const [a, b] = await tab.evaluate(
      ([text, runs]) => {
        const [first, second] = window.builds;
        for (let i = 0; i < 50; i++) {
          first(text);
          second(text);
        }
        const times = [[], []];
        for (let i = 0; i < runs; i++) {
          for (const k of i % 2 ? [1, 0] : [0, 1]) {
            const started = performance.now();
            window.builds[k](text);
            times[k].push(performance.now() - started);
          }
        }
        return times.map((t) => t.sort((x, y) => x - y)[t.length >> 1]);
      },
      [articles[lang].text, RUNS],
    );
    console.log(`${lang}: A ${a.toFixed(3)} ms, B ${b.toFixed(3)} ms, B/A ${(b / a).toFixed(3)} (median of ${RUNS} calls each)`);
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(site, { recursive: true, force: true });
}
