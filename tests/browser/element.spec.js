// <stance-map> as a site uses it, from the unbundled package modules under the strict CSP: where
// its text comes from, its events, interface language and direction, sections, lazy loading,
// and focusing an actor.
import { test, expect, wasmFetches } from './lib-server.js';
import { expectContractShape } from './helpers.js';

const ENGLISH = `Talks on a plastics treaty stall

Norway proposed on Friday a binding cap on new plastic production. Saudi Arabia rejected the cap and warned that it would not sign. Kenya demanded that rich countries pay for waste collection.`;

/**
 * Adds `html` to <main>, and resolves with the detail of the first final analysis event of element
 * `id` (a provisional one, made before the name model arrived, is followed by a refined one).
 */
async function addAndAnalyse(page, html, id) {
  return page.evaluate(([markup, elementId]) => new Promise((resolve, reject) => {
    document.addEventListener('analysis', (event) => {
      if (event.target.id === elementId && !event.detail.provisional) resolve({ ...event.detail, composed: event.composed, bubbles: event.bubbles });
    });
    document.addEventListener('analysiserror', (event) => {
      if (event.target.id === elementId) reject(new Error(`analysiserror ${event.detail.kind}`));
    });
    const main = document.querySelector('main');
    main.insertAdjacentHTML('beforeend', markup); // test markup, written here
  }), [html, id]);
}

/** Resolves with the next analysis (or analysiserror) event detail of element `id`, provisional analyses left out. */
function nextEvent(page, id, type = 'analysis') {
  return page.evaluate(([elementId, eventType]) => new Promise((resolve) => {
    const element = document.getElementById(elementId);
    element.addEventListener(eventType, function listener(event) {
      if (event.detail?.provisional) return;
      element.removeEventListener(eventType, listener);
      resolve(event.detail);
    });
  }), [id, type]);
}

test('own content: analysed as text, events bubble out of the shadow root, nothing becomes markup', async ({ page, lib }) => {
  const text = `${ENGLISH}\n\n<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>`;
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const detail = await addAndAnalyse(page, `<stance-map id="m">${escaped}</stance-map>`, 'm');
  expect(detail.text).toBe(text);
  expect(detail.bubbles && detail.composed).toBe(true);
  expectContractShape(detail.analysis, detail.text);
  expect(detail.analysis.actors.map((actor) => actor.name)).toEqual(expect.arrayContaining(['Norway', 'Saudi Arabia', 'Kenya']));
  const shadow = await page.evaluate(() => {
    const root = document.getElementById('m').shadowRoot;
    return {
      article: root.querySelector('.article-text').textContent,
      injected: root.querySelectorAll('img, script, iframe, svg, object').length,
      state: document.getElementById('m').state,
      customState: document.getElementById('m').matches(':state(done)'),
    };
  });
  expect(shadow.article).toBe(text);
  expect(shadow.injected).toBe(0);
  expect(shadow.state).toBe('done');
  expect(shadow.customState).toBe(true);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(wasmFetches(lib)).toBe(1);
});

test('the text property wins over the content; null goes back to the content', async ({ page }) => {
  await addAndAnalyse(page, `<stance-map id="m">${ENGLISH}</stance-map>`, 'm');
  const fromProperty = page.evaluate(() => new Promise((resolve) => {
    const element = document.getElementById('m');
    element.addEventListener('analysis', (event) => event.detail.provisional || resolve(event.detail.text));
    element.text = 'French President Emmanuel Macron rejected the deal.';
  }));
  expect(await fromProperty).toBe('French President Emmanuel Macron rejected the deal.');
  const back = nextEvent(page, 'm');
  await page.evaluate(() => {
    document.getElementById('m').text = null;
  });
  expect((await back).text).toBe(ENGLISH);
});

test('for: an id or a selector; edits to that element are analysed again; a missing one is reported', async ({ page }) => {
  const html = `<article id="story"><h1>Grain deal</h1><p>Turkish President Recep Tayyip Erdogan proposed to extend the corridor.</p>
    <p class="byline" data-stance-map-skip>By our correspondent</p><button>Share</button></article>
    <stance-map id="m" for="story"></stance-map>`;
  const first = await addAndAnalyse(page, html, 'm');
  expect(first.text).toBe('Grain deal\n\nTurkish President Recep Tayyip Erdogan proposed to extend the corridor.');

  const edited = nextEvent(page, 'm');
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Russian Foreign Minister Sergei Lavrov rejected the proposal.';
    document.getElementById('story').append(p);
  });
  const second = await edited;
  expect(second.text).toContain('Sergei Lavrov rejected the proposal.');
  expect(second.analysis.actors.map((actor) => actor.name)).toContain('Sergei Lavrov');

  const bySelector = nextEvent(page, 'm');
  await page.evaluate(() => document.getElementById('m').setAttribute('for', 'main > article'));
  expect((await bySelector).text).toBe(second.text);

  const missing = nextEvent(page, 'm', 'analysiserror');
  await page.evaluate(() => document.getElementById('m').setAttribute('for', 'no-such-element'));
  expect((await missing).kind).toBe('source');
  await expect(page.locator('#m .status')).toContainText('nothing matches the for attribute');
});

test('interface language and direction come from the closest ancestor, and follow the page', async ({ page }) => {
  await addAndAnalyse(page, `<section lang="ar"><stance-map id="ar">${ENGLISH}</stance-map></section>`, 'ar');
  await addAndAnalyse(page, `<div dir="rtl" lang="en"><stance-map id="en-rtl">${ENGLISH}</stance-map></div>`, 'en-rtl');
  const read = () => page.evaluate(() => ['ar', 'en-rtl'].map((id) => {
    const root = document.getElementById(id).shadowRoot.querySelector('.root');
    return [root.lang, root.dir, root.querySelector('.panel-actors h2').textContent];
  }));
  expect(await read()).toEqual([['ar', 'rtl', 'الفاعلون'], ['en', 'rtl', 'Actors']]);
  // Without any lang of its own, an element follows <html lang>, also when the page switches.
  await addAndAnalyse(page, `<stance-map id="plain">${ENGLISH}</stance-map>`, 'plain');
  await page.evaluate(() => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
  });
  await expect(page.locator('#plain .panel-actors h2')).toHaveText('الفاعلون');
  expect(await page.evaluate(() => document.getElementById('plain').shadowRoot.querySelector('.root').dir)).toBe('rtl');
  // The Arabic status counts in Arabic grammar: 3 actors is plural (فاعلين), 1 is singular.
  await expect(page.locator('#plain .status')).toContainText(/عُثر على \d+ فاعلين|عُثر على فاعل واحد|عُثر على فاعلَين/);
});

test('sections and heading-level choose what is shown', async ({ page }) => {
  await addAndAnalyse(page, `<stance-map id="m" sections="table export" heading-level="4">${ENGLISH}</stance-map>`, 'm');
  const shown = () => page.evaluate(() => {
    const root = document.getElementById('m').shadowRoot;
    return {
      panels: [...root.querySelectorAll('section.panel')].map((panel) => panel.className.replace('panel panel-', '')),
      heading: root.querySelector('.panel-heading')?.tagName,
      exportButtons: root.querySelectorAll('.export button').length,
      status: root.querySelector('.status').hidden,
    };
  });
  expect(await shown()).toEqual({ panels: ['table'], heading: 'H4', exportButtons: 4, status: true });
  await page.evaluate(() => document.getElementById('m').setAttribute('sections', 'actors positions'));
  const after = await shown();
  expect(after.panels).toEqual(['actors', 'positions']);
  // Without the article view, positions are plain items, not buttons that lead nowhere.
  expect(await page.locator('#m button.position').count()).toBe(0);
  expect(await page.locator('#m .position').count()).toBeGreaterThan(0);
});

test('loading="lazy" waits until the element is near the viewport', async ({ page, lib }) => {
  await page.evaluate((text) => {
    const spacer = document.createElement('div');
    spacer.style.blockSize = '4000px';
    const element = document.createElement('stance-map');
    element.id = 'lazy';
    element.setAttribute('loading', 'lazy');
    element.textContent = text;
    document.querySelector('main').append(spacer, element);
  }, ENGLISH);
  await page.waitForTimeout(800);
  expect(await page.evaluate(() => document.getElementById('lazy').state)).toBe('empty');
  expect(wasmFetches(lib)).toBe(0); // nothing on the page needed the analyser yet
  const analysed = nextEvent(page, 'lazy');
  await page.evaluate(() => document.getElementById('lazy').scrollIntoView());
  expect((await analysed).text).toBe(ENGLISH);
  expect(wasmFetches(lib)).toBe(1);
});

test('an actor can be put in focus by click or keyboard, and Escape releases it', async ({ page }) => {
  const detail = await addAndAnalyse(page, `<stance-map id="m">${ENGLISH}</stance-map>`, 'm');
  const norway = detail.analysis.actors.find((actor) => actor.name === 'Norway');
  const card = page.locator(`#m .actor[data-actor="${norway.id}"]`);
  await card.click();
  await expect(card.locator('button.actor-name')).toHaveAttribute('aria-pressed', 'true');
  const marks = await page.evaluate((id) => {
    const root = document.getElementById('m').shadowRoot;
    return {
      focus: root.querySelector('.root').dataset.focus,
      focused: [...root.querySelectorAll('mark[data-focused]')].map((mark) => mark.dataset.actor),
    };
  }, norway.id);
  expect(marks.focus).toBe(norway.id);
  expect(marks.focused.length).toBe(norway.mentions.length);
  expect(new Set(marks.focused)).toEqual(new Set([norway.id]));
  await page.keyboard.press('Escape');
  await expect(card.locator('button.actor-name')).toHaveAttribute('aria-pressed', 'false');
  // Keyboard: Tab to the name button and press Space.
  await card.locator('button.actor-name').focus();
  await page.keyboard.press('Space');
  await expect(card.locator('button.actor-name')).toHaveAttribute('aria-pressed', 'true');
  // A click on a mention in the text focuses that mention's actor.
  const other = detail.analysis.actors.find((actor) => actor.id !== norway.id);
  await page.locator(`#m mark.mention[data-actor="${other.id}"]`).first().click();
  await expect(page.locator(`#m .actor[data-actor="${other.id}"] button.actor-name`)).toHaveAttribute('aria-pressed', 'true');
});
