// The installable app: a web app manifest with icons, a service worker that precaches what the
// page needs so that it loads and analyses with the server gone, and the offer to update when a
// new version is deployed, which keeps the reader's text (every article tab's). The offline and
// update tests serve a copy of the build from a server of their own, which they can stop or
// redeploy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, openPage, analyseText } from './helpers.js';
import { serveStatic } from './static-server.js';
import { SECURITY_HEADERS } from '../../www/security-headers.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../www/dist');

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(buffer) {
  expect(buffer.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [buffer.readUInt32BE(16), buffer.readUInt32BE(20)];
}

/** Waits until a service worker is active for the page (its precache is complete by then). */
async function serviceWorkerActive(page) {
  return page.evaluate(async () => {
    const { active } = await navigator.serviceWorker.ready;
    if (active.state === 'activating') {
      await new Promise((resolve) => active.addEventListener('statechange', resolve, { once: true }));
    }
    return active.state;
  });
}

test('the manifest names the app, its start page and its icons, and the icons are there', async ({ page }) => {
  await openPage(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, page.url()).href;
  const manifest = await (await page.request.get(manifestUrl)).json();
  expect(manifest).toMatchObject({ name: 'stancemap', short_name: 'stancemap', display: 'standalone', start_url: './', scope: './' });
  const purposes = manifest.icons.map((icon) => icon.purpose ?? 'any');
  expect(purposes).toContain('maskable');
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()['content-type']).toContain(icon.type.split('+')[0]);
    if (icon.type === 'image/png') {
      const [width, height] = pngSize(await response.body());
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
  }
  expect(manifest.icons.some((icon) => icon.sizes === '192x192')).toBe(true);
  expect(manifest.icons.some((icon) => icon.sizes === '512x512')).toBe(true);
});

test('offline: loaded once, the page reloads and analyses with the server gone', async ({ page, context }) => {
  const server = await serveStatic(dist, { headers: SECURITY_HEADERS });
  try {
    await page.goto(`${server.url}/`);
    await expect(page.locator('#version')).toHaveText(/stancemap \d+\.\d+\.\d+/);
    expect(await serviceWorkerActive(page)).toBe('activated');
    await expect(page.locator('#offline-note')).toBeVisible();
  } finally {
    await server.close();
  }
  await context.setOffline(true);
  const requestsBefore = server.requests.length;
  const response = await page.reload();
  expect(response.fromServiceWorker()).toBe(true);
  await expect(page.locator('#version')).toHaveText(/stancemap \d+\.\d+\.\d+/);
  const analysis = await analyseText(page, 'Norway proposed a binding cap on plastic production. Saudi Arabia rejected the cap.');
  expect(analysis.actors.map((actor) => actor.name)).toEqual(expect.arrayContaining(['Norway', 'Saudi Arabia']));
  await expect(page.locator('#results .actor')).not.toHaveCount(0);
  expect(server.requests.length).toBe(requestsBefore); // the server was gone; nothing reached it
});

test('update: a new deployment is offered, applied on request, and the text survives the reload', async ({ page }) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stancemap-deploy-'));
  fs.cpSync(dist, root, { recursive: true });
  const server = await serveStatic(root, { headers: SECURITY_HEADERS });
  try {
    await page.goto(`${server.url}/`);
    expect(await serviceWorkerActive(page)).toBe('activated');
    // A second visit: now the service worker controls the page.
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // Two article tabs, the first one shown.
    const second = 'Norway proposed a binding cap on plastic production.';
    await analyseText(page, second);
    await page.getByRole('button', { name: 'Add another article' }).click();
    await page.locator('#tab-0').click();
    await expect(page.locator('#article')).toHaveValue(second);
    const text = 'Kenya demanded that rich countries pay for waste collection in Africa.';
    await page.locator('#tab-1').click();
    await analyseText(page, text);
    await page.locator('#tab-0').click();
    await page.locator('#tab-1').click();
    await expect(page.locator('#update-banner')).toBeHidden();

    // Deploy version 2: a changed page, so the generated service worker changes too.
    const indexPath = path.join(root, 'index.html');
    const swPath = path.join(root, 'sw.js');
    fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8').replace('<meta charset="utf-8" />', '<meta charset="utf-8" />\n    <meta name="deployment" content="2" />'));
    const sw = fs.readFileSync(swPath, 'utf8');
    const revised = sw.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, '$1deployment-2"');
    expect(revised).not.toBe(sw);
    fs.writeFileSync(swPath, revised);

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));
    await expect(page.locator('#update-banner')).toBeVisible();
    await expect(page.locator('#update-banner')).toContainText('A new version of stancemap is ready.');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await expect(page.locator('meta[name="deployment"]')).toHaveAttribute('content', '2');
    await expect(page.locator('#article')).toHaveValue(text);
    await page.waitForFunction((expected) => window.__stancemapLast?.text === expected && document.body.dataset.state === 'done', text);
    // The other tab came back too.
    await expect(page.locator('#tab-1')).toHaveAttribute('aria-selected', 'true');
    await page.locator('#tab-0').click();
    await expect(page.locator('#article')).toHaveValue(second);
    // The text was kept only for that reload.
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toBe('{}');
  } finally {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
