// The first result does not wait for a name model (issue 19): with the model's download held
// back, the page and analyze() answer from the lexicon and patterns at once (provisional), and
// answer again, refined, once the model has arrived. The held-back model is released by the
// test itself, so "before" and "after" are ordered by construction, not by timing.
import { test, expect, openPage, actorsPanelText } from './helpers.js';
import { test as libTest } from './lib-server.js';

// A name no lexicon or pattern knows, said with no title: only the learned tagger finds it.
// France is in the lexicon and found either way.
const CASES = {
  ar: { text: 'وصرح مارتي ميوس بيرسن بأن المدينة ترفض الخطة، ورفضت فرنسا الخطة أيضا.', lexicon: 'فرنسا', learned: 'مارتي ميوس بيرسن' },
  en: { text: 'The mayor of Bergen, Marte Mjøs Persen, rejected the plan. France also rejected the plan.', lexicon: 'France', learned: 'Marte Mjøs Persen' },
};

/** Holds back every request for `lang`'s model until the returned `release()` is called. */
async function holdModel(page, lang) {
  const held = { requested: 0, release: null };
  const released = new Promise((resolve) => {
    held.release = resolve;
  });
  // `ar.model.gz` in the package, `ar.model-<hash>.gz` in the built page.
  await page.route(new RegExp(`/${lang}\\.model(-[\\w-]+)?\\.gz$`), async (route) => {
    held.requested++;
    await released;
    await route.continue();
  });
  return held;
}

// The page's service worker would fetch (and precache) the models where page.route does not see it.
test.describe(() => {
  test.use({ serviceWorkers: 'block' });
for (const lang of ['ar', 'en']) {
  test(`page (${lang}): actors from the lexicon before the name model arrives, then the refined result`, async ({ page }) => {
    const { text, lexicon, learned } = CASES[lang];
    const held = await holdModel(page, lang);
    await openPage(page);
    await page.locator('#article').fill(text);

    // Provisional: shown while the model request is still held.
    await page.waitForFunction(
      (expected) => window.__stancemapLast?.text === expected && document.body.dataset.state === 'refining',
      text,
      { timeout: 30_000 },
    );
    const first = await page.evaluate(() => window.__stancemapLast);
    expect(held.requested).toBe(1);
    expect(first.provisional).toBe(true);
    expect(first.refined).toBe(false);
    const firstNames = first.analysis.actors.map((actor) => actor.name);
    expect(firstNames).toContain(lexicon);
    expect(firstNames).not.toContain(learned);
    expect(await actorsPanelText(page)).toContain(lexicon);
    await expect(page.locator('#status')).toContainText('looking for more names'); // the interface is in English

    // Refined: once the model is let through.
    held.release();
    await page.waitForFunction(
      (expected) => window.__stancemapLast?.text === expected && document.body.dataset.state === 'done',
      text,
      { timeout: 30_000 },
    );
    const second = await page.evaluate(() => window.__stancemapLast);
    expect(second.provisional).toBe(false);
    expect(second.refined).toBe(true);
    expect(second.analysis.actors.map((actor) => actor.name)).toEqual(expect.arrayContaining([lexicon, learned]));
    await expect.poll(() => actorsPanelText(page)).toContain(learned);

    // The model is kept: the next text in that language is answered once, refined from the start.
    await page.evaluate(() => {
      window.__events = [];
      document.getElementById('results').addEventListener('analysis', (event) => window.__events.push(event.detail.provisional));
    });
    const again = `${text}\n\n${text}`;
    await page.locator('#article').fill(again);
    await page.waitForFunction((expected) => window.__stancemapLast?.text === expected && document.body.dataset.state === 'done', again);
    expect(await page.evaluate(() => window.__events)).toEqual([false]);
    expect(held.requested).toBe(1);
  });
}
});

libTest('analyze(): onProvisional gets the lexicon\'s answer while the model is held; the promise resolves refined', async ({ page }) => {
  const { text, lexicon, learned } = CASES.en;
  const held = await holdModel(page, 'en');
  await page.evaluate((input) => {
    window.__provisional = null;
    window.__final = import('/lib/index.js').then(({ analyze }) => analyze(input, {
      onProvisional: (analysis) => {
        window.__provisional = analysis;
      },
    }));
    window.__final.then((analysis) => {
      window.__finalAnalysis = analysis;
    });
  }, text);
  await page.waitForFunction(() => window.__provisional !== null, null, { timeout: 30_000 });
  expect(held.requested).toBe(1);
  expect(await page.evaluate(() => window.__finalAnalysis)).toBeUndefined();
  const provisional = await page.evaluate(() => window.__provisional.actors.map((actor) => actor.name));
  expect(provisional).toContain(lexicon);
  expect(provisional).not.toContain(learned);
  held.release();
  const refined = await page.evaluate(() => window.__final.then((analysis) => analysis.actors.map((actor) => actor.name)));
  expect(refined).toEqual(expect.arrayContaining([lexicon, learned]));
});

libTest('analyze(): a model that cannot be had leaves the provisional analysis as the answer', async ({ page }) => {
  const { text, lexicon } = CASES.en;
  await page.route(/\/en\.model\.gz$/, (route) => route.fulfill({ status: 404, body: 'none' }));
  const result = await page.evaluate((input) => import('/lib/index.js').then(async ({ analyze }) => {
    let provisional = null;
    const analysis = await analyze(input, { onProvisional: (a) => { provisional = a; } });
    return { provisional: provisional?.actors.map((a) => a.name), final: analysis.actors.map((a) => a.name), same: JSON.stringify(provisional) === JSON.stringify(analysis) };
  }), text);
  expect(result.provisional).toContain(lexicon);
  expect(result.same).toBe(true);
});
