// The page's own plumbing, independent of what the analyser finds: the wasm loads in a module
// worker, answers, stale answers are dropped, the input cap holds, text stays text, and the
// renderer turns UTF-16 offsets into the right highlights.
import { test, expect, openPage, analyseText, waitForAnalysis, screenshots, pasteGlobal } from './helpers.js';

test('the analyser loads in a worker, answers with a language and shows its version', async ({ page, guard }) => {
  await openPage(page);
  const analysis = await analyseText(page, 'The minister said on Monday that talks would resume.');
  expect(['ar', 'en', 'und']).toContain(analysis.language);
  expect(Array.isArray(analysis.actors)).toBe(true);
  expect(Array.isArray(analysis.positions)).toBe(true);
  expect(['explicit', 'derived']).toContain(analysis.table.source);
  await expect(page.locator('#status')).toHaveAttribute('data-state', 'done');
  const version = await page.evaluate(() => window.__stancemapVersion);
  await expect(page.locator('#version')).toHaveText(`stancemap ${version}`);
  // The .wasm came from the page's own server (the guard checks that every request did).
  expect(guard.requests.some((url) => /\.wasm$/.test(new URL(url).pathname))).toBe(true);
});

test("the name model of the article's language is fetched once and finds a name no lexicon holds", async ({ page, guard }) => {
  await openPage(page);
  // A person with no title and a given name no list holds: only the learned tagger finds him.
  const arabic = 'وقال ياروسلاف كوفالتشوك إن الاتفاق لن يصمد طويلا. وأضاف كوفالتشوك أن المفاوضات ستستأنف الأسبوع المقبل.';
  const analysis = await analyseText(page, arabic);
  expect(analysis.language).toBe('ar');
  expect(analysis.actors.map((a) => a.name)).toContain('ياروسلاف كوفالتشوك');
  await analyseText(page, `${arabic} وختم كوفالتشوك حديثه.`);
  const fetched = (name) => guard.pageRequests.filter((url) => new URL(url).pathname.includes(name)).length;
  expect(fetched('ar.model')).toBe(1);
  // English text: the English model, and only now.
  expect(fetched('en.model')).toBe(0);
  await analyseText(page, 'Yaroslav Kovalchuk said the agreement would not hold for long.');
  expect(fetched('en.model')).toBe(1);
});

test('every request stays on loopback', async ({ page, guard }) => {
  await openPage(page);
  await page.getByRole('button', { name: 'English sample' }).click();
  await page.waitForFunction(() => document.body.dataset.state === 'done');
  expect(guard.requests.length).toBeGreaterThan(0);
  for (const url of guard.requests) {
    const { protocol, hostname } = new URL(url);
    expect(['data:', 'blob:'].includes(protocol) || ['127.0.0.1', 'localhost'].includes(hostname), url).toBe(true);
  }
});

test('newer text supersedes older requests', async ({ page }) => {
  await openPage(page);
  const box = page.locator('#article');
  const texts = ['First draft about the summit.', 'Second draft about the summit.', 'Final text: the summit ended without a deal.'];
  for (const text of texts) await box.fill(text);
  await waitForAnalysis(page, texts[2]);
  await expect(page.locator('.article-text')).toHaveText(texts[2]);
  // Nothing older arrives afterwards and replaces it.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__stancemapLast.text)).toBe(texts[2]);
});

test('a paste above 10 MB is refused before it reaches the text box', async ({ page }) => {
  await openPage(page);
  const small = 'A short text that stays.';
  await analyseText(page, small);
  const defaultPrevented = await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'word '.repeat(2_000_001)); // 10,000,005 bytes
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.getElementById('article').dispatchEvent(paste);
    return paste.defaultPrevented;
  });
  expect(defaultPrevented).toBe(true);
  await expect(page.locator('#status')).toHaveAttribute('data-state', 'too-large');
  await expect(page.locator('#status')).toContainText('10 MB');
  await expect(page.locator('#article')).toHaveValue(small);
});

test('typing fast analyses only the last text; newer text stops a large analysis and skips queued ones', async ({ page }) => {
  test.setTimeout(120_000);
  await openPage(page);
  const counts = () => page.evaluate(() => window.__stancemapCounts());

  // Inputs closer together than the debounce (here, all in one task) make one request, for the
  // whole text.
  const typed = 'Egypt proposed a ceasefire and Israel rejected it.';
  let before = await counts();
  await page.evaluate((text) => {
    const box = document.getElementById('article');
    box.focus();
    for (let end = 1; end <= text.length; end++) {
      box.value = text.slice(0, end);
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text[end - 1] }));
    }
  }, typed);
  await waitForAnalysis(page, typed);
  let after = await counts();
  expect(after.requested - before.requested).toBe(1);
  expect(after.completed - before.completed).toBe(1);

  // A 3 MB paste keeps the worker busy for a second or more; newer text arrives while it runs.
  await page.evaluate(() => {
    window.__largeText = 'The United Nations urged Iran and Israel to resume talks on Monday, officials said.\n'.repeat(36_000);
    window.__shown = [];
    document.getElementById('results').addEventListener('analysis', (event) => window.__shown.push(event.detail.text));
  });
  before = await counts();
  expect((await pasteGlobal(page, '__largeText')).prevented).toBe(true);
  await page.waitForFunction((started) => window.__stancemapCounts().started > started, before.started);
  await page.evaluate(async () => {
    document.querySelector('button.sample[data-sample="ar"]').click();
    // <stance-map> reads a new text on the next task; the Arabic sample is requested before this ends.
    await new Promise((resolve) => setTimeout(resolve, 10));
    document.querySelector('button.sample[data-sample="en"]').click();
  });
  const english = await page.evaluate(() => document.getElementById('article').value);
  await waitForAnalysis(page, english);
  await page.waitForTimeout(500); // nothing older arrives afterwards and replaces it
  after = await counts();
  const shown = await page.evaluate(() => window.__shown.map((text) => text.slice(0, 40)));
  console.log(`measure: stale input: ${JSON.stringify({ before, after })}`);
  // The large analysis was stopped mid-run (its worker replaced), never answered.
  const abandoned = after.abandoned - before.abandoned;
  expect([1, 2]).toContain(abandoned);
  expect(after.requested - before.requested).toBe(3);
  // The Arabic sample was dropped before it ran (from the queue, or skipped while the fresh
  // worker was fetching the Arabic name model: the second abandoned request), or its answer
  // was not shown: only the English sample's analysis reached the page.
  expect(after.superseded - before.superseded + after.completed - before.completed + (abandoned - 1)).toBe(2);
  expect(shown).toEqual([english.slice(0, 40)]);
  expect(await page.evaluate(() => window.__stancemapLast.text === document.getElementById('article').value)).toBe(true);
  await expect(page.locator('#large-text')).toBeHidden();
});

test('markup in the article is shown as text and never runs', async ({ page, guard }) => {
  await openPage(page);
  const text = 'Officials said <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script> '
    + 'while <b onmouseover="window.__xss=3">Minister Smith</b> rejected the plan. <svg onload="alert(4)"></svg>';
  await analyseText(page, text);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(guard.dialogs).toEqual([]);
  await expect(page.locator('.article-text')).toHaveText(text);
  expect(await page.locator('#results img, #results script, #results svg, #results b').count()).toBe(0);
});

// A hand-made analysis, so the renderer is checked whatever the analyser currently finds. The
// text mixes Arabic, an emoji outside the BMP (two UTF-16 units) and markup-like strings.
const SYNTHETIC_TEXT = 'قال الرئيس 👍🏽 بوتين إن موسكو <b>ترفض</b> العرض، ورد ترامب بأن واشنطن تؤيده.';
function syntheticAnalysis(text) {
  const at = (word, from = 0) => {
    const start = text.indexOf(word, from);
    return [start, start + word.length];
  };
  const sentence = [0, text.length];
  return {
    language: 'ar',
    actors: [
      { id: 'a1', name: 'بوتين', kind: 'person', role: 'الرئيس', aliases: ['بوتين', 'موسكو'], mentions: [at('بوتين'), at('موسكو')], salience: 0.9 },
      { id: 'a2', name: 'ترامب <img src=x onerror="window.__xss=5">', kind: 'person', role: null, aliases: ['واشنطن'], mentions: [at('ترامب'), at('واشنطن')], salience: 0.6 },
    ],
    positions: [
      { actor: 'a1', stance: 'rejects', text: 'موسكو <b>ترفض</b> العرض', span: at('موسكو <b>ترفض</b> العرض'), sentence },
      { actor: 'a2', stance: 'supports', text: 'واشنطن تؤيده', span: at('واشنطن تؤيده'), sentence },
    ],
    table: {
      source: 'explicit',
      aspect_label: 'الملف',
      columns: ['a1', 'a2'],
      headers: ['روسيا', 'الولايات المتحدة <script>window.__xss=6</script>'],
      rows: [
        { aspect: 'أوكرانيا', cells: ['ضمانات', 'هدنة'] },
        { aspect: 'العقوبات', cells: ['رفع', 'إبقاء'] },
        { aspect: 'القمة', cells: ['<i>نعم</i>', 'نعم'] },
      ],
    },
  };
}

test('the renderer highlights UTF-16 mention offsets and shows position evidence', async ({ page }) => {
  await openPage(page);
  const analysis = syntheticAnalysis(SYNTHETIC_TEXT);
  await page.evaluate(([text, result]) => {
    window.__stancemapLast = { id: -1, text, analysis: result, ms: 0 };
    document.getElementById('results').show(text, result);
  }, [SYNTHETIC_TEXT, analysis]);

  const marks = page.locator('.article-text mark');
  await expect(marks).toHaveCount(4);
  await expect(marks).toHaveText(['بوتين', 'موسكو', 'ترامب', 'واشنطن']);
  await expect(page.locator('.article-text')).toHaveText(SYNTHETIC_TEXT);

  const table = page.locator('table.comparison');
  await expect(table).toHaveAttribute('data-source', 'explicit');
  await expect(table.locator('thead th')).toHaveCount(3);
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(page.locator('.panel-actors')).toContainText('ترامب <img src=x onerror="window.__xss=5">');

  // Keyboard: focus a position, press Enter, and its evidence is marked in the article.
  const second = page.locator('button.position').nth(1);
  await second.focus();
  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.article-text .evidence')).toHaveText('واشنطن تؤيده');
  // A click on the other one moves the highlight; marks are never split by it.
  await page.locator('button.position').first().click();
  await expect(page.locator('.article-text .evidence')).toHaveText('موسكو <b>ترفض</b> العرض');
  await expect(marks).toHaveText(['بوتين', 'موسكو', 'ترامب', 'واشنطن']);
  await expect(page.locator('.article-text')).toHaveText(SYNTHETIC_TEXT);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

test.describe('with an Arabic browser in dark mode', () => {
  test.use({ locale: 'ar-EG', colorScheme: 'dark' });

  test('the interface is in Arabic, right to left', async ({ page }) => {
    await openPage(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('label[for="article"]')).toHaveText('المقال');
    await expect(page.locator('#article')).toHaveAttribute('dir', 'auto');
    await page.getByRole('button', { name: 'مثال عربي' }).click();
    await page.waitForFunction(() => document.body.dataset.state === 'done');
    await expect(page.locator('#status')).toContainText('اكتمل');
    await screenshots(page, 'ui-ar-dark');
  });
});
