// The page and embed.html under the strict Content Security Policy the preview server sends
// (www/security-headers.js): script-src 'self' 'wasm-unsafe-eval', no inline script, no eval, no
// inline style. Everything works with no console error; inline script is shown to be refused.
import { test, expect, openPage, analyseText } from './helpers.js';
import { CONTENT_SECURITY_POLICY } from '../../www/security-headers.js';

/** Console errors and warnings, and CSP violations the page saw (the init script in helpers.js). */
function recordConsole(page) {
  const messages = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') messages.push(`${message.type()}: ${message.text()}`);
  });
  return messages;
}

test('the app works under the strict CSP header with no console error', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const messages = recordConsole(page);
  const response = await page.goto('/');
  expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
  await expect(page.locator('#version')).toHaveText(/stancemap \d+\.\d+\.\d+/);

  // Everything a reader does: a sample, a pasted HTML table, typing, focusing, exporting, copying.
  await page.getByRole('button', { name: 'Arabic sample' }).click();
  await page.waitForFunction(() => document.body.dataset.state === 'done');
  await page.evaluate(() => {
    const box = document.getElementById('article');
    box.focus();
    box.select();
    const transfer = new DataTransfer();
    transfer.setData('text/html', '<p style="color:red" onclick="x()">Norway proposed a cap.</p><style>p{}</style>'
      + '<table><tr><th>Issue</th><th>Norway</th><th>Kenya</th></tr><tr><td>Cap</td><td>Yes</td><td>Funding first</td></tr></table>');
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => window.__stancemapLast?.text?.includes('Issue\tNorway\tKenya') && document.body.dataset.state === 'done');
  await analyseText(page, 'French President Emmanuel Macron rejected the deal, and Germany supported it.');
  await page.locator('#results .actor').first().click();
  await page.locator('#results button.position').first().click();
  await Promise.all([page.waitForEvent('download'), page.locator('#results .export').getByRole('button', { name: 'CSV' }).click()]);
  await page.locator('#results .export').getByRole('button', { name: 'Copy' }).click();
  await expect(page.locator('#results .export-status')).toHaveText('Table copied.');

  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(messages).toEqual([]);
});

test('embed.html works under the strict CSP header with no console error', async ({ page }) => {
  const messages = recordConsole(page);
  const response = await page.goto('/embed.html');
  expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await page.waitForFunction(() => [...document.querySelectorAll('stance-map')].every((element) => element.state === 'done'));
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(messages).toEqual([]);
});

test('the policy is in force: an inline script is refused', async ({ page, guard }) => {
  guard.expectedViolations.push(/inline script/i);
  await openPage(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
  });
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.__inlineRan)).toBeUndefined();
  expect(await page.evaluate(() => window.__cspViolations)).toContainEqual(expect.stringMatching(/^script-src/));
});
