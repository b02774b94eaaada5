// Shared pieces of the browser tests: the guarded page fixture, the dev-set loader, and
// helpers that drive the page and read back what it shows.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared evaluation set, which sits beside the clone (../shared), not inside it. */
export const casesPath = path.resolve(repoRoot, '../shared/eval/dev/cases.jsonl');

export const screenshotDir = path.join(repoRoot, 'target/screenshots');

/** The dev-set record with this id, or null when ../shared is not there. */
export function loadCase(id) {
  if (!fs.existsSync(casesPath)) return null;
  for (const line of fs.readFileSync(casesPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    if (record.id === id) return record;
  }
  throw new Error(`no case "${id}" in ${casesPath}`);
}

/** The dev-set record, or a visible skip of the calling test when ../shared is absent. */
export function requireCase(testInfo, id) {
  const record = loadCase(id);
  if (!record) {
    console.log(`SKIP: ../shared/eval not found (${casesPath}); "${testInfo.title}" needs the dev article "${id}"`);
    test.skip(true, `../shared/eval not found: needs dev article "${id}"`);
  }
  return record;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for URLs that stay on this machine's page origin (or never touch the network). */
export function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return LOOPBACK.has(hostname);
}

/**
 * `test` with an automatic guard on every page: it records each request (workers' and the
 * service worker's included, through the context), dialogs, uncaught errors, console errors and
 * Content Security Policy violations (reported to the page by an init script), and fails the
 * test if any request left loopback, the page threw, or the policy was violated. A test that
 * provokes a violation on purpose lists what it expects in `guard.expectedViolations`.
 */
export const test = base.extend({
  guard: [
    async ({ page }, use) => {
      const seen = { requests: [], pageRequests: [], dialogs: [], errors: [], consoleErrors: [], expectedViolations: [] };
      page.context().on('request', (request) => {
        seen.requests.push(request.url());
        // The page's and its workers' own requests, without the service worker's precaching.
        if (!request.serviceWorker()) seen.pageRequests.push(request.url());
      });
      page.on('dialog', (dialog) => {
        seen.dialogs.push(dialog.message());
        dialog.dismiss().catch(() => {});
      });
      page.on('pageerror', (error) => seen.errors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') seen.consoleErrors.push(message.text());
      });
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await use(seen);
      expect(seen.requests.filter((url) => !isLocal(url)), 'requests that left loopback').toEqual([]);
      expect(seen.errors, 'uncaught errors in the page').toEqual([]);
      const violations = seen.consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text));
      const unexpected = violations.filter((text) => !seen.expectedViolations.some((pattern) => pattern.test(text)));
      expect(unexpected, 'Content Security Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Checks `analysis` against the output contract (README): field names and types, the actor
 * ids positions and table columns refer to, and every offset slicing `text` to what it claims.
 */
export function expectContractShape(analysis, text) {
  expect(['ar', 'en', 'und']).toContain(analysis.language);
  expect(Object.keys(analysis).sort()).toEqual(['actors', 'language', 'positions', 'table']);
  const ids = new Set();
  const inText = ([start, end]) => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
  for (const actor of analysis.actors) {
    expect(Object.keys(actor).sort()).toEqual(['aliases', 'id', 'kind', 'mentions', 'name', 'role', 'salience']);
    expect(actor.id).toMatch(/^a\d+$/);
    ids.add(actor.id);
    expect(typeof actor.name).toBe('string');
    expect(['person', 'country', 'organization', 'group']).toContain(actor.kind);
    expect(actor.role === null || typeof actor.role === 'string').toBe(true);
    expect(Array.isArray(actor.aliases)).toBe(true);
    expect(actor.salience).toBeGreaterThanOrEqual(0);
    expect(actor.salience).toBeLessThanOrEqual(1);
    for (const mention of actor.mentions) expect(inText(mention), `mention ${mention} of ${actor.id}`).toBe(true);
  }
  const stances = ['supports', 'opposes', 'proposes', 'demands', 'threatens', 'warns', 'accuses', 'rejects', 'agrees', 'states'];
  for (const position of analysis.positions) {
    expect(Object.keys(position).sort()).toEqual(['actor', 'sentence', 'span', 'stance', 'text']);
    expect(ids.has(position.actor), `position actor ${position.actor} exists`).toBe(true);
    expect(stances).toContain(position.stance);
    expect(inText(position.span)).toBe(true);
    expect(inText(position.sentence)).toBe(true);
    expect(text.slice(...position.span)).toBe(position.text);
  }
  const { table } = analysis;
  expect(Object.keys(table).sort()).toEqual(['aspect_label', 'columns', 'headers', 'rows', 'source']);
  expect(['explicit', 'derived']).toContain(table.source);
  expect(table.aspect_label === null || typeof table.aspect_label === 'string').toBe(true);
  expect(table.headers).toHaveLength(table.columns.length);
  // "" heads a column whose header names no actor ("Option A").
  for (const column of table.columns) expect(column === '' || ids.has(column), `table column ${column} exists`).toBe(true);
  for (const row of table.rows) {
    expect(typeof row.aspect).toBe('string');
    expect(row.cells).toHaveLength(table.columns.length);
  }
}

export { expect };

/** Opens the page and waits until the analyser has loaded (its version is shown). */
export async function openPage(page) {
  await page.goto('/');
  await expect(page.locator('#version')).toHaveText(/stancemap \d+\.\d+\.\d+/);
}

/** Puts `text` in the article box as a paste would and waits for the page to show its analysis. */
export async function analyseText(page, text) {
  await page.locator('#article').fill(text);
  return waitForAnalysis(page, text);
}

/** Waits until the page shows the analysis of exactly `text`, and returns that analysis. */
export async function waitForAnalysis(page, text) {
  await page.waitForFunction(
    (expected) => window.__stancemapLast?.text === expected && document.body.dataset.state === 'done',
    text,
    { timeout: 30_000 },
  );
  return page.evaluate(() => window.__stancemapLast.analysis);
}

/** Visible text of the actors panel (names, roles and aliases). */
export async function actorsPanelText(page) {
  return page.locator('.panel-actors').innerText();
}

/**
 * Checks the article view against the analysis shown: it reproduces the text exactly, and
 * every <mark> is one actor mention, its text being text.slice(start, end). Returns the number
 * of marks.
 */
export async function expectMarksMatchMentions(page) {
  const report = await page.evaluate(() => {
    const { text, analysis } = window.__stancemapLast;
    const view = document.getElementById('results').shadowRoot.querySelector('.article-text');
    const mentions = new Set();
    for (const actor of analysis.actors) for (const [s, e] of actor.mentions) mentions.add(`${s}:${e}`);
    const marks = [...view.querySelectorAll('mark')].map((mark) => {
      const start = Number(mark.dataset.start);
      const end = Number(mark.dataset.end);
      return { shown: mark.textContent, slice: text.slice(start, end), isMention: mentions.has(`${start}:${end}`) };
    });
    return { sameText: view.textContent === text, marks };
  });
  expect(report.sameText, 'the article view shows the text unchanged').toBe(true);
  for (const mark of report.marks) {
    expect(mark.isMention, `mark "${mark.shown}" is an actor mention`).toBe(true);
    expect(mark.shown).toBe(mark.slice);
  }
  return report.marks.length;
}

/** Full-page screenshots at desktop width and at a 390 px phone width. */
export async function screenshots(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const desktop = page.viewportSize();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}-narrow.png`), fullPage: true });
  await page.setViewportSize(desktop);
}

/** A screenshot of the viewport only (a page holding a huge analysis is very long). */
export function screenshotViewport(page, name) {
  return page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** Dispatches a paste of `text` (a global of the page, to spare sending megabytes) on the text box. */
export function pasteGlobal(page, name) {
  return page.evaluate((global) => {
    const data = new DataTransfer();
    data.setData('text/plain', window[global]);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    const started = performance.now();
    document.getElementById('article').dispatchEvent(paste);
    return { prevented: paste.defaultPrevented, handlerMs: performance.now() - started };
  }, name);
}
