// compare() and <stance-map-compare> as the package publishes them (www/lib unbundled, under the
// strict security headers): the npm API aligns two articles across languages and refuses fewer
// than two; the element reads its texts from `for`, names columns by data-label, and emits its
// events.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './lib-server.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AR = fs.readFileSync(path.join(repo, 'tests/articles/ar-grain-corridor-rejects.txt'), 'utf8');
const EN = fs.readFileSync(path.join(repo, 'tests/articles/en-grain-corridor.txt'), 'utf8');

test('compare() aligns an Arabic and an English analysis, and refuses fewer than two', async ({ page, lib }) => {
  const wasmRequests = () => lib.requests.filter((request) => request.endsWith('.wasm'));
  let beforeComparing = null;
  await page.exposeFunction('analysed', () => {
    beforeComparing = wasmRequests();
  });
  const result = await page.evaluate(async ([ar, en]) => {
    const { analyze, compare, comparisonToMarkdown } = await import('/lib/index.js');
    const analyses = [await analyze(ar), await analyze(en)];
    await window.analysed();
    const comparison = await compare(analyses, { labels: ['Ahram', 'Reuters'] });
    const putin = comparison.actors.find((r) => r.key === 'person:vladimir-putin');
    const refusals = await Promise.all([[], [analyses[0]], 'not a list'].map((bad) => compare(bad).then(() => 'resolved', (e) => `${e.name} ${e.kind}: ${e.message}`)));
    return {
      labels: comparison.articles.map((a) => a.label),
      putin: putin.articles.map((e) => e && e.name),
      kinds: comparison.differences.map((d) => d.kind),
      markdownHead: comparisonToMarkdown(comparison).split('\n')[0],
      refusals,
    };
  }, [AR, EN]);
  // The comparing module is fetched for the first comparison only, and once.
  expect(beforeComparing).toEqual(['/pkg/stancemap_bg.wasm']);
  expect(wasmRequests()).toEqual(['/pkg/stancemap_bg.wasm', '/pkg/stancemap_compare_bg.wasm']);
  expect(result.labels).toEqual(['Ahram', 'Reuters']);
  expect(result.putin).toEqual(['فلاديمير بوتين', 'Vladimir Putin']);
  expect(result.kinds).toContain('opposite-stances');
  expect(result.kinds).toContain('only-in');
  expect(result.markdownHead).toBe('| Actor | Ahram | Reuters |');
  expect(result.refusals).toEqual([
    'AnalysisError failed: a comparison needs at least two articles; 0 given',
    'AnalysisError failed: a comparison needs at least two articles; 1 given',
    'AnalysisError failed: a comparison needs at least two articles; 0 given',
  ]);
});

test('<stance-map-compare>: texts from for, columns named by data-label, events, text kept as text', async ({ page }) => {
  const detail = await page.evaluate(async ([ar, en]) => {
    const box = document.createElement('div');
    box.innerHTML = '<article id="x1" data-label="الأهرام"></article><article id="x2" data-label="<b>Reuters</b>"></article>';
    box.querySelector('#x1').textContent = ar;
    box.querySelector('#x2').textContent = `${en}\n\nThe <img src=x onerror="window.__xss=1"> tag is text.`;
    const element = document.createElement('stance-map-compare');
    element.setAttribute('for', 'x1 x2');
    const shown = new Promise((resolve) => element.addEventListener('comparison', (e) => resolve(e.detail), { once: true }));
    box.append(element);
    document.querySelector('main').append(box);
    const d = await shown;
    const root = element.shadowRoot;
    const claim = root.querySelector('tr[data-key="person:volodymyr-zelensky"] td[data-article="1"] button.claim');
    const evidence = new Promise((resolve) => element.addEventListener('evidence', (e) => resolve(e.detail), { once: true }));
    claim.click();
    return {
      labels: d.comparison.articles.map((a) => a.label),
      headers: [...root.querySelectorAll('thead th')].map((th) => th.textContent),
      analyses: d.analyses.length,
      state: element.state,
      images: root.querySelectorAll('img').length + root.querySelectorAll('b').length,
      xss: window.__xss ?? null,
      evidence: await evidence,
      compared: element.texts[1].text,
    };
  }, [AR, EN]);
  expect(detail.labels).toEqual(['الأهرام', '<b>Reuters</b>']);
  expect(detail.headers).toEqual(['Actor', 'الأهرام', '<b>Reuters</b>']);
  expect(detail).toMatchObject({ analyses: 2, state: 'done', images: 0, xss: null });
  expect(detail.evidence).toMatchObject({ article: 1, position: 0, text: 'guarantees for ships leaving Odesa' });
  expect(detail.compared.slice(detail.evidence.span[0], detail.evidence.span[1])).toBe('guarantees for ships leaving Odesa');
});
