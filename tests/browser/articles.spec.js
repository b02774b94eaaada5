// Real articles through the real analyser: the dev set's seed (Arabic) and en-01 (English), read
// from ../shared beside the clone, and texts written for these tests, which need nothing else.
import {
  test, expect, openPage, analyseText, requireCase, actorsPanelText, expectMarksMatchMentions, screenshots,
} from './helpers.js';

test('seed article (Arabic): Putin and Trump, positions, the explicit 2×3 table', async ({ page }, testInfo) => {
  const seed = requireCase(testInfo, 'seed');
  await openPage(page);
  const analysis = await analyseText(page, seed.text);
  expect(analysis.language).toBe('ar');

  const actors = await actorsPanelText(page);
  expect(actors).toContain('بوتين');
  expect(actors).toContain('ترامب');
  expect(await page.locator('button.position').count()).toBeGreaterThanOrEqual(1);

  const table = page.locator('table.comparison');
  await expect(table).toHaveAttribute('data-source', 'explicit');
  await expect(table.locator('thead th')).toHaveCount(3); // the aspect column and two actors
  await expect(table.locator('tbody tr')).toHaveCount(3);
  expect(analysis.table.source).toBe('explicit');
  expect(analysis.table.columns).toHaveLength(2);
  expect(analysis.table.rows).toHaveLength(3);

  expect(await expectMarksMatchMentions(page)).toBeGreaterThan(0);
  await page.locator('button.position').first().click();
  await expect(page.locator('.article-text .evidence')).toHaveCount(1);
  await screenshots(page, 'seed');
});

test('English dev article en-01: at least two actors', async ({ page }, testInfo) => {
  const article = requireCase(testInfo, 'en-01');
  await openPage(page);
  const analysis = await analyseText(page, article.text);
  expect(analysis.language).toBe('en');
  expect(await page.locator('.actor').count()).toBeGreaterThanOrEqual(2);
  expect(await expectMarksMatchMentions(page)).toBeGreaterThan(0);
  await screenshots(page, 'en-01');
});

// Written for this test; needs nothing outside the repository.
const OWN_ENGLISH = `Leaders divided over ceasefire plan

Russian President Vladimir Putin said on Monday that Moscow was ready to discuss a ceasefire, but only if Kyiv gave up its bid to join NATO. French President Emmanuel Macron rejected that condition, saying that no country could decide another's alliances. German Chancellor Olaf Scholz warned that new sanctions would follow if attacks on power stations continued.`;

test('own English text: the page shows its actors', async ({ page }) => {
  await openPage(page);
  const analysis = await analyseText(page, OWN_ENGLISH);
  expect(analysis.language).toBe('en');
  expect(await page.locator('.actor').count()).toBeGreaterThanOrEqual(2);
  const actors = await actorsPanelText(page);
  expect(actors).toContain('Putin');
  expect(actors).toContain('Macron');
  expect(await expectMarksMatchMentions(page)).toBeGreaterThan(0);
});

for (const [sample, button, language] of [['ar', 'Arabic sample', 'ar'], ['en', 'English sample', 'en']]) {
  test(`${button} button: analysed, actors shown, screenshots`, async ({ page }) => {
    await openPage(page);
    await page.getByRole('button', { name: button }).click();
    const text = await page.locator('#article').inputValue();
    await page.waitForFunction((t) => window.__stancemapLast?.text === t && document.body.dataset.state === 'done', text);
    await screenshots(page, `sample-${sample}`);
    const analysis = await page.evaluate(() => window.__stancemapLast.analysis);
    expect(analysis.language).toBe(language);
    expect(await page.locator('.actor').count()).toBeGreaterThanOrEqual(2);
    await expectMarksMatchMentions(page);
  });
}
