// embed.html, the example news page: an Arabic article read through for="story" and an English
// digest analysed from the element's own text, on one page, under the strict CSP.
import { test, expect, expectContractShape, screenshots } from './helpers.js';

async function openEmbed(page) {
  await page.addInitScript(() => {
    window.__analysisEvents = [];
    document.addEventListener('analysis', (event) => {
      // A provisional analysis (before the name model arrived) is followed by the refined one.
      if (event.detail.provisional) return;
      window.__analysisEvents.push({ id: event.target.id, detail: event.detail });
    });
  });
  await page.goto('/embed.html');
  await page.waitForFunction(() => window.__analysisEvents.length >= 2, null, { timeout: 30_000 });
  return page.evaluate(() => window.__analysisEvents);
}

test('embed.html: both elements render, their analysis events keep the contract, the WASM is fetched once', async ({ page, guard }) => {
  const events = await openEmbed(page);
  expect(events.map((event) => event.id).sort()).toEqual(['digest-map', 'story-map']);
  for (const { detail } of events) expectContractShape(detail.analysis, detail.text);

  const story = events.find((event) => event.id === 'story-map').detail;
  expect(story.analysis.language).toBe('ar');
  expect(story.text).toContain('رفض الرئيس الفرنسي إيمانويل ماكرون');
  expect(story.text).not.toContain('مراسل المرصد'); // the byline is marked data-stance-map-skip
  // The article's HTML <table> was read as tab-separated rows, which the analyser takes as the
  // article's own comparison table.
  expect(story.text).toContain('الملف\tفرنسا\tألمانيا');
  expect(story.analysis.table.source).toBe('explicit');
  expect(story.analysis.table.headers).toEqual(['فرنسا', 'ألمانيا']);
  expect(story.analysis.table.rows.map((row) => row.aspect)).toEqual(['الزراعة', 'البيئة', 'التوقيت']);

  const digest = events.find((event) => event.id === 'digest-map').detail;
  expect(digest.analysis.language).toBe('en');
  expect(digest.text.startsWith('Talks on a global plastics treaty stall\n\nGENEVA')).toBe(true);
  expect(digest.analysis.actors.map((actor) => actor.name)).toEqual(expect.arrayContaining(['Norway', 'Saudi Arabia', 'Kenya']));

  const shown = await page.evaluate(() => Object.fromEntries(['story-map', 'digest-map'].map((id) => {
    const root = document.getElementById(id).shadowRoot;
    const box = root.querySelector('.root');
    return [id, {
      lang: box.lang,
      dir: box.dir,
      panels: [...root.querySelectorAll('section.panel')].map((panel) => panel.className.replace('panel panel-', '')),
      actors: root.querySelectorAll('.actor').length,
    }];
  })));
  expect(shown['story-map']).toMatchObject({ lang: 'ar', dir: 'rtl', panels: ['actors', 'positions', 'table'] });
  expect(shown['digest-map']).toMatchObject({ lang: 'en', dir: 'ltr', panels: ['actors', 'positions', 'table', 'article'] });
  expect(shown['story-map'].actors).toBeGreaterThanOrEqual(3);
  expect(shown['digest-map'].actors).toBeGreaterThanOrEqual(3);
  // The site's own article is left as it was: the highlights live in the shadow DOM.
  expect(await page.locator('#story mark').count()).toBe(0);

  const wasm = guard.pageRequests.filter((url) => new URL(url).pathname.endsWith('.wasm'));
  expect(wasm, 'the WebAssembly module is fetched once for both elements').toHaveLength(1);
  await screenshots(page, 'embed');
});

test('embed.html: the site themes the element through custom properties and ::part', async ({ page }) => {
  await openEmbed(page);
  const styles = await page.evaluate(() => {
    const themed = document.getElementById('digest-map').shadowRoot;
    const plain = document.getElementById('story-map').shadowRoot;
    const heading = (root) => getComputedStyle(root.querySelector('.panel-heading'));
    return {
      themedHeading: heading(themed).textTransform,
      plainHeading: heading(plain).textTransform,
      themedButton: getComputedStyle(themed.querySelector('.export button')).color,
      plainButton: getComputedStyle(plain.querySelector('.export button')).color,
      themedRadius: getComputedStyle(themed.querySelector('.panel')).borderTopLeftRadius,
    };
  });
  expect(styles.themedHeading).toBe('uppercase'); // ::part(heading)
  expect(styles.plainHeading).toBe('none');
  expect(styles.themedButton).toBe('rgb(138, 21, 56)'); // --stance-map-accent: #8a1538
  expect(styles.plainButton).toBe('rgb(11, 92, 173)'); // the default accent, on a light page
  expect(styles.themedRadius).toBe('4px'); // --stance-map-radius
});
