// Several articles about one event compared on the page: tabs ("Add another article", up to six),
// the Compare view (<stance-map-compare>) with its rows, cells, differences and exports, axe in
// both interface languages and colour schemes, text shared to the installed app (Web Share Target), and the comparison offline. The element and compare() unbundled:
// compare-lib.spec.js.
//
// The articles are the ones written for the Rust tests (tests/articles/*grain-corridor*): two
// Arabic reports and one English one of Turkey's Black Sea grain corridor offer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openPage, waitForAnalysis, screenshots, screenshotDir } from './helpers.js';
import { serveStatic } from './static-server.js';
import { SECURITY_HEADERS } from '../../www/security-headers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const article = (name) => fs.readFileSync(path.join(repo, 'tests/articles', name), 'utf8');
const AR_REJECTS = article('ar-grain-corridor-rejects.txt');
const AR_OFFER = article('ar-grain-corridor-offer.txt');
const EN = article('en-grain-corridor.txt');
const dist = path.join(repo, 'www/dist');

/** Types each article into a tab of its own (the first in the tab already there), named if given. */
async function addArticles(page, articles) {
  for (const [i, { text, name }] of articles.entries()) {
    if (i > 0) await page.getByRole('button', { name: /Add another article|أضف مقالًا آخر/ }).click();
    await expect(page.locator(`#tab-${i}`)).toHaveAttribute('aria-selected', 'true');
    if (name) await page.locator('#article-name').fill(name);
    await page.locator('#article').fill(text);
    await waitForAnalysis(page, text);
  }
}

/** Opens the Compare tab and waits for the comparison. */
async function showComparison(page) {
  await page.locator('#tab-compare').click();
  await page.waitForFunction(() => document.getElementById('comparison').state === 'done', null, { timeout: 30_000 });
  return page.evaluate(() => document.getElementById('comparison').comparison);
}

const THREE = [
  { text: AR_REJECTS, name: 'Gulf daily' },
  { text: AR_OFFER },
  { text: EN, name: 'Wire' },
];

/** The table as shown: the header cells, then per row its header and each cell's text. */
function tableShown(page) {
  return page.evaluate(() => {
    const table = document.getElementById('comparison').shadowRoot.querySelector('table.compare-grid');
    const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();
    return {
      headers: [...table.querySelectorAll('thead th')].map(text),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
        key: tr.dataset.key,
        cells: [...tr.children].map(text),
        dirs: [...tr.querySelectorAll('td')].map((td) => td.getAttribute('dir')),
      })),
    };
  });
}

test('three articles, two Arabic and one English: actors aligned across languages in the Compare view', async ({ page }) => {
  await openPage(page);
  await addArticles(page, THREE);
  await expect(page.locator('[role="tab"].article-tab')).toHaveCount(3);
  const comparison = await showComparison(page);
  await expect(page.locator('#article-view')).toBeHidden();
  expect(comparison.articles.map((a) => [a.label, a.language])).toEqual([
    ['Gulf daily', 'ar'],
    // No name given: the article's first line.
    ['أردوغان يقترح ممرا للحبوب في إسطنبول', 'ar'],
    ['Wire', 'en'],
  ]);

  const { headers, rows } = await tableShown(page);
  expect(headers).toEqual(['Actor', 'Gulf daily', 'أردوغان يقترح ممرا للحبوب في إسطنبول', 'Wire']);
  const row = (key) => rows.find((r) => r.key === key);
  // Erdogan: one row, named by all three, each cell what that article reports.
  const erdogan = row('person:recep-tayyip-erdogan');
  expect(erdogan.cells[0]).toMatch(/^رجب طيب أردوغان/);
  expect(erdogan.cells[1]).toContain('proposes ممرا جديدا لصادرات الحبوب الأوكرانية');
  expect(erdogan.cells[2]).toContain('proposes ممرا جديدا لتصدير الحبوب عبر البحر الأسود');
  expect(erdogan.cells[3]).toContain('proposes a new corridor for Ukrainian grain exports across the Black Sea');
  // Each article's cells in its own script direction.
  expect(erdogan.dirs).toEqual(['rtl', 'rtl', 'ltr']);
  // Putin: بوتين in the first, absent from the second, Putin in the English one.
  const putin = row('person:vladimir-putin');
  expect(putin.cells[1]).toContain('rejects الخطة التركية لممر الحبوب');
  expect(putin.cells[2]).toBe('Not named');
  expect(putin.cells[3]).toContain('supports the Turkish plan');
  // Lavrov only in the second, Guterres only in the English one.
  expect(row('person:sergei-lavrov').cells.slice(1)).toEqual(['Not named', expect.stringContaining('warns'), 'Not named']);
  expect(row('person:antonio-guterres').cells.slice(1, 3)).toEqual(['Not named', 'Not named']);
  // Russia is named by all three but quoted by none.
  expect(row('country:ru').cells.slice(1)).toEqual(['Named (1 mention), not quoted', 'Named (1 mention), not quoted', 'Named (1 mention), not quoted']);

  // Summary lines and differences.
  const host = page.locator('#comparison');
  await expect(host.locator('.article-summaries li').first()).toContainText('4 actors, 5 positions; quoted most: فلاديمير بوتين.');
  const differences = host.locator('.difference-list li');
  await expect(differences.filter({ hasText: 'Opposite stances' })).toHaveCount(1);
  await expect(differences.filter({ hasText: 'Opposite stances' })).toContainText('the Turkish plan');
  await expect(differences.filter({ hasText: 'سيرغي لافروف' })).toContainText('Only named by');

  // A claim leads back to its evidence in that article.
  await host.locator('tr[data-key="person:vladimir-putin"] button.claim').last().click();
  await expect(page.locator('#tab-2')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#article')).toHaveValue(EN);
  await expect(page.locator('#results .article-text .evidence')).toHaveText('the Turkish plan');
});

test('the comparison downloads as CSV, Markdown and JSON', async ({ page }) => {
  await openPage(page);
  await addArticles(page, THREE);
  const comparison = await showComparison(page);
  const download = async (name) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#comparison .export').getByRole('button', { name, exact: true }).click(),
    ]);
    return { name: file.suggestedFilename(), content: fs.readFileSync(await file.path(), 'utf8') };
  };
  const csv = await download('CSV');
  expect(csv.name).toBe('stancemap-comparison.csv');
  const lines = csv.content.split('\r\n');
  expect(lines[0]).toBe('\uFEFFActor,Gulf daily,أردوغان يقترح ممرا للحبوب في إسطنبول,Wire');
  expect(lines).toContain(`${comparison.actors.find((r) => r.key === 'person:vladimir-putin').name},`
    + 'rejects: الخطة التركية لممر الحبوب; rejects: الخطة التركية لممر الحبوب في البحر الأسود; states: موسكو لن تقبل أي اتفاق قبل رفع العقوبات الغربية,,supports: the Turkish plan');
  // A cell with a comma is quoted.
  expect(lines).toContain('روسيا,"Named (1 mention), not quoted","Named (1 mention), not quoted","Named (1 mention), not quoted"');
  expect(lines).toHaveLength(comparison.actors.length + 2); // header, rows, and the final line end
  await expect(page.locator('#comparison .export-status')).toHaveText('Saved stancemap-comparison.csv.');

  const markdown = await download('Markdown');
  expect(markdown.name).toBe('stancemap-comparison.md');
  const md = markdown.content.split('\n');
  expect(md[0]).toBe('| Actor | Gulf daily | أردوغان يقترح ممرا للحبوب في إسطنبول | Wire |');
  expect(md[1]).toBe('| --- | --- | --- | --- |');
  expect(md).toContain('| António Guterres |   |   | supports: the talks; demands: a lasting agreement |');

  const json = await download('JSON');
  expect(json.name).toBe('stancemap-comparison.json');
  expect(JSON.parse(json.content)).toEqual(comparison);
});

test('the interface in Arabic lays the comparison out right to left, English cells left to right', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('stancemap:ui-language', 'ar'));
  await openPage(page);
  await addArticles(page, THREE);
  await showComparison(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const { headers, rows } = await tableShown(page);
  expect(headers[0]).toBe('الفاعل');
  const putin = rows.find((r) => r.key === 'person:vladimir-putin');
  expect(putin.cells[1]).toContain('يرفض الخطة التركية لممر الحبوب');
  expect(putin.cells[2]).toBe('غير مذكور');
  expect(putin.cells[3]).toContain('يؤيد the Turkish plan');
  expect(await page.evaluate(() => getComputedStyle(document.getElementById('comparison').shadowRoot.querySelector('table')).direction)).toBe('rtl');
  await screenshots(page, 'compare-ar');
});

test('no more than six articles; the Compare view asks for two', async ({ page }) => {
  await openPage(page);
  await page.locator('#tab-compare').click();
  await expect(page.locator('#comparison')).toHaveJSProperty('state', 'empty');
  await expect(page.locator('#comparison').locator('.status')).toHaveText('Add at least two articles with text to compare them.');
  await page.locator('#tab-0').click();
  await page.locator('#article').fill(EN);
  const add = page.getByRole('button', { name: 'Add another article' });
  for (let i = 1; i < 6; i++) await add.click();
  await expect(page.locator('[role="tab"].article-tab')).toHaveCount(6);
  await expect(add).toHaveAttribute('aria-disabled', 'true');
  await add.click({ force: true }); // aria-disabled: still focusable and clickable, it says why not
  await expect(page.locator('[role="tab"].article-tab')).toHaveCount(6);
  await expect(page.locator('#status')).toHaveText('Six articles at most: remove one to add another.');
  // Nothing lost: the first article still holds its text, and removing one frees a place.
  await page.locator('#remove-article').click();
  await expect(page.locator('[role="tab"].article-tab')).toHaveCount(5);
  await page.locator('#tab-0').click();
  await expect(page.locator('#article')).toHaveValue(EN);
  // Arrow keys move between the tabs.
  await page.locator('#tab-0').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#tab-1')).toBeFocused();
  await expect(page.locator('#tab-1')).toHaveAttribute('aria-selected', 'true');
});

for (const { locale, colorScheme } of [
  { locale: 'en-US', colorScheme: 'light' },
  { locale: 'en-US', colorScheme: 'dark' },
  { locale: 'ar-EG', colorScheme: 'light' },
  { locale: 'ar-EG', colorScheme: 'dark' },
]) {
  test.describe(`${locale}, ${colorScheme}`, () => {
    test.use({ locale, colorScheme });
    test('axe: the Compare view', async ({ page }) => {
      await openPage(page);
      await addArticles(page, THREE);
      await showComparison(page);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary, `axe violations (${locale}, ${colorScheme})`).toEqual([]);
      if (locale === 'en-US' && colorScheme === 'light') {
        await screenshots(page, 'compare-en');
        // The comparison alone, for the README (docs/compare.png is a copy).
        await page.setViewportSize({ width: 1100, height: 900 });
        await page.locator('#comparison').screenshot({ path: path.join(screenshotDir, 'compare-en-element.png') });
      }
      if (locale === 'en-US' && colorScheme === 'dark') await screenshots(page, 'compare-en-dark');
    });
  });
}

test('share target: shared text opens as a new article, analysed; a shared link alone asks for the text', async ({ page }) => {
  await openPage(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(new URL(href, page.url()).href)).json();
  expect(manifest.share_target).toEqual({ action: './', method: 'GET', params: { title: 'title', text: 'text', url: 'url' } });

  const [title, ...rest] = EN.split('\n\n');
  const body = rest.join('\n\n').trim();
  await page.goto(`/?${new URLSearchParams({ title, text: body, url: 'https://example.com/story' })}`);
  const expected = `${title}\n\n${body}`;
  const analysis = await waitForAnalysis(page, expected);
  await expect(page.locator('#article')).toHaveValue(expected);
  expect(analysis.actors.map((a) => a.name)).toContain('Recep Tayyip Erdogan');
  expect(new URL(page.url()).search).toBe(''); // a reload does not share it again

  // With an article already there, the shared one gets a tab of its own.
  await page.locator('#article').fill(AR_REJECTS);
  await waitForAnalysis(page, AR_REJECTS);
  await page.evaluate(() => {
    history.replaceState(null, '', '/');
  });
  await page.goto(`/?${new URLSearchParams({ url: 'https://example.com/only-a-link' })}`);
  await expect(page.locator('#status')).toHaveText(/never fetches other sites/);
  await expect(page.locator('#article')).toHaveValue('');
});

test('offline: the comparison view reloads and compares with the server gone', async ({ page, context }) => {
  const server = await serveStatic(dist, { headers: SECURITY_HEADERS });
  try {
    await page.goto(`${server.url}/`);
    await expect(page.locator('#version')).toHaveText(/stancemap \d+\.\d+\.\d+/);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    await expect(page.locator('#offline-note')).toBeVisible();
  } finally {
    await server.close();
  }
  await context.setOffline(true);
  const requestsBefore = server.requests.length;
  const response = await page.reload();
  expect(response.fromServiceWorker()).toBe(true);
  await expect(page.locator('#version')).toHaveText(/stancemap \d+\.\d+\.\d+/);
  await addArticles(page, [{ text: AR_OFFER }, { text: EN }]);
  const comparison = await showComparison(page);
  expect(comparison.actors.find((r) => r.key === 'person:volodymyr-zelensky').articles.every(Boolean)).toBe(true);
  // A shared text opens offline too: the share target's address is a navigation like any other.
  await page.goto(`${server.url}/?${new URLSearchParams({ text: AR_REJECTS })}`);
  await waitForAnalysis(page, AR_REJECTS.trim());
  expect(server.requests.length).toBe(requestsBefore);
});
