// The page protects the reader (issue 6): a crash of the analyser is reported and recovered from
// with nothing typed lost; hostile text in the article, the actor names or the table cells is
// only ever text; and nothing the reader types is stored unless they ask for it.
import { test, expect, openPage, analyseText } from './helpers.js';
import { injectFault } from './lib-server.js';

for (const [kind, what] of [['trap', 'a panic in the WebAssembly'], ['throw', 'an error that kills the worker']]) {
  test(`${what} is reported in the page, the text stays, and a fresh analyser carries on`, async ({ page, guard }) => {
    await openPage(page);
    await analyseText(page, 'A first text, analysed before anything goes wrong.');
    await injectFault(page, kind);
    const text = 'Kenya demanded that rich countries pay for waste collection in Africa.';
    await page.locator('#article').fill(text);
    await expect(page.locator('#status')).toHaveAttribute('data-state', 'error');
    await expect(page.locator('#status')).toContainText('stopped unexpectedly');
    await expect(page.locator('#status')).toContainText('Your text is still here');
    await expect(page.locator('#article')).toHaveValue(text);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForFunction((expected) => window.__stancemapLast?.text === expected && document.body.dataset.state === 'done', text);
    await expect(page.locator('#results .actor')).not.toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Try again' })).toBeHidden();
    // The replacement worker was handed the compiled module: no second download.
    expect(guard.pageRequests.filter((url) => new URL(url).pathname.endsWith('.wasm'))).toHaveLength(1);
  });
}

// Each payload sets window.__xss (or opens a dialog) if it ever runs.
const XSS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"><script>window.__xss = 4</script></svg>',
  '<a href="javascript:window.__xss = 5">click</a> javascript:window.__xss=6',
  '<iframe srcdoc="<script>parent.__xss = 7</script>"></iframe>',
  '&lt;img src=x onerror=alert(8)&gt; &amp;lt;b&amp;gt;',
  '"><img src=x onerror=window.__xss=9> \'><svg/onload=alert(10)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=11></style></mglyph></table></mtext></math>',
  '<details open ontoggle="window.__xss = 12"><summary>x</summary></details>',
  "{{constructor.constructor('window.__xss = 13')()}} ${alert(14)}",
  '<object data="javascript:window.__xss = 15"></object><embed src="data:text/html,<script>alert(16)</script>">',
];

/** The only elements <stance-map> ever creates. */
const RENDERED_TAGS = new Set(['div', 'p', 'section', 'h2', 'h3', 'ul', 'li', 'button', 'span', 'bdi', 'mark', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

async function expectOnlyText(page, guard) {
  // Give anything that could run a chance to.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(guard.dialogs).toEqual([]);
  const tags = await page.evaluate(() => [...new Set([...document.getElementById('results').shadowRoot.querySelectorAll('*')].map((node) => node.localName))]);
  expect(tags.filter((tag) => !RENDERED_TAGS.has(tag)), 'elements that are not the renderer\'s own').toEqual([]);
}

test('XSS corpus in the article text: analysed and shown as text, nothing runs', async ({ page, guard }) => {
  await openPage(page);
  const text = `Russian President Vladimir Putin rejected the plan. ${XSS.join('\nFrench President Emmanuel Macron said ')}\nGermany supported the deal.`;
  await analyseText(page, text);
  await expect(page.locator('.article-text')).toHaveText(text);
  for (const button of (await page.locator('#results button.position').all()).slice(0, 4)) await button.click();
  await expectOnlyText(page, guard);
});

test('XSS corpus in actor names, roles, positions, stances and table cells: shown as text', async ({ page, guard }) => {
  await openPage(page);
  const text = XSS.join('\n');
  const span = (payload) => {
    const start = text.indexOf(payload);
    return [start, start + payload.length];
  };
  const analysis = {
    language: 'en',
    actors: XSS.map((payload, i) => ({
      id: `a${i + 1}`, name: payload, kind: i === 0 ? '<b onmouseover=alert(1)>person</b>' : 'person', role: payload,
      aliases: [payload, `${payload}!`], mentions: [span(payload)], salience: 0.5,
    })),
    positions: XSS.map((payload, i) => ({
      actor: `a${i + 1}`, stance: i === 0 ? '<img src=x onerror=window.__xss=20>' : 'states', text: payload, span: span(payload), sentence: span(payload),
    })),
    table: {
      source: 'explicit', aspect_label: XSS[1], columns: ['a1', 'a2'], headers: [XSS[0], XSS[2]],
      rows: XSS.map((payload) => ({ aspect: payload, cells: [payload, payload] })),
    },
  };
  await page.evaluate(([t, a]) => document.getElementById('results').show(t, a), [text, analysis]);
  await expect(page.locator('#results .actor')).toHaveCount(XSS.length);
  await expect(page.locator('#results .actor-name').nth(1)).toHaveText(XSS[1]);
  await expect(page.locator('#results table.comparison tbody tr')).toHaveCount(XSS.length);
  await expect(page.locator('#results table.comparison tbody td').nth(4)).toHaveText(XSS[2]);
  await expect(page.locator('.article-text')).toHaveText(text);
  // Selecting positions and focusing actors re-renders parts of the view: still text.
  for (const button of (await page.locator('#results button.position').all()).slice(0, 4)) await button.click();
  for (const card of (await page.locator('#results .actor').all()).slice(0, 4)) await card.click();
  await expectOnlyText(page, guard);
});

test('nothing typed is stored: no storage, no cache entry holds the text', async ({ page }) => {
  await openPage(page);
  const text = 'A confidential draft about Minister Smith that must stay in the tab.';
  await analyseText(page, text);
  await page.waitForTimeout(1200); // past the draft's save delay, were it on
  const stored = await page.evaluate(async (secret) => {
    const values = [...Object.values(localStorage), ...Object.values(sessionStorage)];
    const databases = (await indexedDB.databases()).map((db) => db.name);
    let cached = false;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if ((await (await cache.match(request)).text()).includes(secret)) cached = true;
      }
    }
    return { inStorage: values.some((value) => value.includes(secret)), databases, cached };
  }, text);
  expect(stored).toEqual({ inStorage: false, databases: [], cached: false });
});

test('the opt-in draft keeps the text across a reload, and turning it off deletes it', async ({ page }) => {
  await openPage(page);
  await expect(page.locator('#keep-draft')).not.toBeChecked();
  await page.getByLabel('Keep my text in this browser').check();
  const text = 'Norway proposed a binding cap on plastic production.';
  await analyseText(page, text);
  await page.waitForFunction((expected) => localStorage.getItem('stancemap:draft') === expected, text);
  await page.reload();
  await expect(page.locator('#keep-draft')).toBeChecked();
  await expect(page.locator('#article')).toHaveValue(text);
  await page.waitForFunction((expected) => window.__stancemapLast?.text === expected && document.body.dataset.state === 'done', text);
  await page.getByLabel('Keep my text in this browser').uncheck();
  expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({});
  await page.reload();
  await expect(page.locator('#article')).toHaveValue('');
});
