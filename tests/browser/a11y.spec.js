// axe-core on the page and on embed.html, in English and Arabic, light and dark, with an analysis
// shown (the shadow DOM included: axe reads open shadow roots).
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openPage } from './helpers.js';

/** Runs axe and fails with a readable list of the violations. */
async function expectNoViolations(page, label) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

async function pageWithAnalysis(page, sample) {
  await openPage(page);
  await page.locator(`button.sample[data-sample="${sample}"]`).click();
  await page.waitForFunction(() => document.body.dataset.state === 'done');
}

for (const { locale, colorScheme, sample } of [
  { locale: 'en-US', colorScheme: 'light', sample: 'en' },
  { locale: 'ar-EG', colorScheme: 'dark', sample: 'ar' },
  { locale: 'ar-EG', colorScheme: 'light', sample: 'en' },
]) {
  test.describe(`${locale}, ${colorScheme}`, () => {
    test.use({ locale, colorScheme });

    test(`axe: the page with the ${sample} sample analysed`, async ({ page }) => {
      await pageWithAnalysis(page, sample);
      await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
      await expectNoViolations(page, `the page (${locale}, ${colorScheme})`);
      // With an actor in focus and a position's evidence marked, too.
      await page.locator('#results .actor').first().click();
      await page.locator('#results button.position').first().click();
      await expectNoViolations(page, `the page with an actor and a position selected (${locale}, ${colorScheme})`);
    });

    test('axe: embed.html', async ({ page }) => {
      await page.goto('/embed.html');
      await page.waitForFunction(() => [...document.querySelectorAll('stance-map')].every((element) => element.state === 'done'));
      await expectNoViolations(page, `embed.html (${locale}, ${colorScheme})`);
    });
  });
}

test('axe: a large paste kept out of the text box, in English and Arabic', async ({ page }) => {
  await openPage(page);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Officials met again on Monday to discuss the plan.\n'.repeat(24_000)); // 1.2 MB
    document.getElementById('article').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('#large-text')).toBeVisible();
  await page.waitForFunction(() => document.body.dataset.state === 'done', null, { timeout: 60_000 });
  await expectNoViolations(page, 'the page with a large paste');
  await page.getByRole('button', { name: 'Arabic interface' }).click();
  await expect(page.locator('#large-text-summary')).toContainText('لُصق نص كبير: 1.2 م.ب.');
  await expectNoViolations(page, 'the page with a large paste, in Arabic');
});

test('the language switch gives the Arabic interface, right to left, and back', async ({ page }) => {
  await pageWithAnalysis(page, 'ar');
  await page.getByRole('button', { name: 'Arabic interface' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('label[for="article"]')).toHaveText('المقال');
  await expect(page.locator('#results .panel-actors h2')).toHaveText('الفاعلون');
  await expect(page.locator('#status')).toContainText('اكتمل');
  await expectNoViolations(page, 'the page switched to Arabic');
  await page.getByRole('button', { name: 'الواجهة الإنجليزية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('#results .panel-actors h2')).toHaveText('Actors');
});

test('keyboard: skip link, samples, positions and the way back from the evidence', async ({ page }) => {
  await openPage(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.locator('button.sample[data-sample="en"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.body.dataset.state === 'done');
  const position = page.locator('#results button.position').first();
  await position.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#results .evidence')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(position).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.locator('#results button.back-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(position).toBeFocused();
});
