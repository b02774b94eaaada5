// The package's modules, unbundled, in the browser: reading text out of HTML (the paste handler
// and the `for` attribute), the table exports, and the analyser protecting the page from the
// WebAssembly (a panic, a dead worker, a hang), with the module fetched once throughout.
import { test, expect, injectFault, wasmFetches } from './lib-server.js';

// [name, html, expected text]. Tables come out as tab-separated lines, one row a line.
const HTML_TO_TEXT = [
  ['paragraphs and line breaks', '<p>One</p><p>Two<br>Three</p>', 'One\n\nTwo\nThree'],
  ['markup whitespace collapses', '<div>\n  Talks   resumed\n  <b>today</b> </div>', 'Talks resumed today'],
  ['entities are text', '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>', '<script>alert(1)</script> & more'],
  ['a data table becomes tab-separated rows',
    '<p>Before.</p><table><thead><tr><th>Issue</th><th>Turkey</th><th>Russia</th></tr></thead>'
    + '<tbody><tr><td>Duration</td><td>Twelve months</td><td>Until July</td></tr></tbody></table><p>After.</p>',
    'Before.\n\nIssue\tTurkey\tRussia\nDuration\tTwelve months\tUntil July\n\nAfter.'],
  ['the caption is a line before the rows',
    '<table><caption>Compared</caption><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>',
    'Compared\na\tb\nc\td'],
  ['blocks and tabs inside a cell stay on its line',
    '<table><tr><th>x</th><th>y</th></tr><tr><td><p>first</p><p>second\tpart</p></td><td>z</td></tr></table>',
    'x\ty\nfirst second part\tz'],
  ['colspan keeps the columns aligned',
    '<table><tr><th></th><th>A</th><th>B</th></tr><tr><td colspan="2">wide</td><td>b</td></tr></table>',
    '\tA\tB\nwide\t\tb'],
  ['rowspan keeps the columns aligned',
    '<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>',
    'a\tb\n\tc'],
  ['a nested table is flattened into its cell',
    '<table><tr><td>k</td><td><table><tr><td>n1</td><td>n2</td></tr><tr><td>n3</td><td>n4</td></tr></table></td></tr>'
    + '<tr><td>k2</td><td>v2</td></tr></table>',
    'k\tn1 n2 n3 n4\nk2\tv2'],
  ['a layout table (one column) is ordinary paragraphs',
    '<table><tr><td><p>Para one.</p></td></tr><tr><td><p>Para two.</p></td></tr></table>',
    'Para one.\n\nPara two.'],
  ['scripts, styles, controls and hidden parts are not text',
    '<p>Kept<script>dropped()</script><style>p{}</style><button>Share</button></p>'
    + '<p hidden>hidden</p><p aria-hidden="true">aria</p><p data-stance-map-skip>skip</p><template>t</template><p>end</p>',
    'Kept\n\nend'],
  ['style and handler attributes, even with ">" in a value, leave the text alone',
    '<p style="color:red" onclick="a(\'>\')" title="on=x">Kept <b onmouseover=x>bold</b> onclick=text</p>',
    'Kept bold onclick=text'],
  ['preformatted text keeps its spaces', '<pre>a  b\n  c</pre>', 'a  b\n  c'],
];

test('htmlToText reads structure, tables as tab-separated rows', async ({ page }) => {
  const results = await page.evaluate(async (cases) => {
    const { htmlToText } = await import('/lib/plain-text.js');
    return cases.map(([name, html]) => [name, htmlToText(html)]);
  }, HTML_TO_TEXT);
  results.forEach(([name, text], i) => expect(text, name).toBe(HTML_TO_TEXT[i][2]));
});

test('parsing pasted HTML runs nothing and loads nothing', async ({ page, guard }) => {
  const text = await page.evaluate(async () => {
    const { htmlToText } = await import('/lib/plain-text.js');
    return htmlToText('<p>Story<img src="http://198.51.100.7/pixel.png" onerror="window.__xss=1"></p>'
      + '<script>window.__xss=2</script><svg onload="window.__xss=3"><image href="http://198.51.100.7/s.png"/></svg>'
      + '<iframe src="javascript:parent.__xss=4"></iframe><a href="javascript:window.__xss=5">link</a>'
      + '<link rel="stylesheet" href="http://198.51.100.7/s.css"><video src="http://198.51.100.7/v.mp4"></video>');
  });
  expect(text).toBe('Story\n\nlink');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(guard.dialogs).toEqual([]);
  // The guard fails the test if anything was fetched from 198.51.100.7.
});

const TABLE = {
  source: 'explicit',
  aspect_label: 'Issue',
  columns: ['a1', 'a2'],
  headers: ['Turkey', 'Russia, "the Kremlin"'],
  rows: [
    { aspect: 'Formula', cells: ['=HYPERLINK("http://198.51.100.7","x")', '@SUM(A1)'] },
    { aspect: 'Numbers', cells: ['-5', '+3.2%'] },
    { aspect: 'Markup', cells: ['<img src=x onerror=alert(1)>', 'a|b *c* [d](e)'] },
    { aspect: 'Lines', cells: ['one\ntwo', 'tab\there'] },
    { aspect: 'العربية', cells: ['نعم، بشروط', 'لا'] },
  ],
};

test('table exports: CSV defuses formulas and quotes, Markdown escapes markup, TSV, JSON', async ({ page }) => {
  const out = await page.evaluate(async (table) => {
    const m = await import('/lib/table-export.js');
    return {
      csv: m.tableToCSV(table),
      markdown: m.tableToMarkdown(table),
      tsv: m.tableToTSV(table),
      json: m.tableToJSON(table),
      html: m.tableToElement(table, 'Aspect').outerHTML,
    };
  }, TABLE);
  expect(out.csv).toBe('\uFEFF'
    + 'Issue,Turkey,"Russia, ""the Kremlin"""\r\n'
    + 'Formula,"\'=HYPERLINK(""http://198.51.100.7"",""x"")",\'@SUM(A1)\r\n'
    + 'Numbers,-5,+3.2%\r\n'
    + 'Markup,<img src=x onerror=alert(1)>,a|b *c* [d](e)\r\n'
    + 'Lines,"one\ntwo",tab\there\r\n'
    + 'العربية,نعم، بشروط,لا\r\n'); // the Arabic comma is no separator
  expect(out.markdown).toBe(
    '| Issue | Turkey | Russia, "the Kremlin" |\n'
    + '| --- | --- | --- |\n'
    + '| Formula | =HYPERLINK("http://198.51.100.7","x") | @SUM(A1) |\n'
    + '| Numbers | -5 | +3.2% |\n'
    + '| Markup | \\<img src=x onerror=alert(1)\\> | a\\|b \\*c\\* \\[d\\](e) |\n'
    + '| Lines | one two | tab here |\n'
    + '| العربية | نعم، بشروط | لا |\n');
  expect(out.tsv.split('\n')).toEqual([
    'Issue\tTurkey\tRussia, "the Kremlin"',
    'Formula\t=HYPERLINK("http://198.51.100.7","x")\t@SUM(A1)',
    'Numbers\t-5\t+3.2%',
    'Markup\t<img src=x onerror=alert(1)>\ta|b *c* [d](e)',
    'Lines\tone two\ttab here',
    'العربية\tنعم، بشروط\tلا',
  ]);
  expect(JSON.parse(out.json)).toEqual(TABLE);
  // Built with textContent: the markup in a cell is escaped in the serialisation.
  expect(out.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(out.html).not.toContain('<img');
});

test('analyze(): the contract from the worker; bad options and oversized text are refused', async ({ page, lib }) => {
  const result = await page.evaluate(async () => {
    const { analyze, preload, AnalysisError, MAX_INPUT_BYTES } = await import('/lib/index.js');
    const version = await preload();
    const analysis = await analyze('Russian President Vladimir Putin rejected the proposal on Monday.');
    const forced = await analyze('Russian President Vladimir Putin rejected the proposal.', { language: 'ar' });
    const kindOf = (promise) => promise.then(() => 'resolved', (error) => (error instanceof AnalysisError ? error.kind : String(error)));
    return {
      version,
      analysis,
      forcedLanguage: forced.language,
      badOptions: await kindOf(analyze('text', { language: 42 })),
      badOptionsMessage: await analyze('text', { language: 42 }).catch((error) => error.message),
      nullOptions: (await analyze('Kenya demanded more funding.', { language: null })).language,
      tooLarge: await kindOf(analyze('x'.repeat(MAX_INPUT_BYTES + 1))),
      notText: await analyze(42).then(() => 'resolved', (error) => error.name),
    };
  });
  expect(result.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(result.analysis.language).toBe('en');
  expect(result.analysis.actors.map((actor) => actor.name)).toContain('Vladimir Putin');
  expect(result.forcedLanguage).toBe('ar');
  expect(result.badOptions).toBe('failed');
  expect(result.badOptionsMessage).toMatch(/invalid options: language/);
  expect(result.nullOptions).toBe('en'); // null is the default, as a field left out
  expect(result.tooLarge).toBe('too-large');
  expect(result.notText).toBe('TypeError');
  expect(wasmFetches(lib)).toBe(1);
});

test('the wasm glue: the same result after the warm-up; options read field by field, defaults for null, errors naming the field', async ({ page, lib }) => {
  const result = await page.evaluate(async () => {
    const glue = await import('/pkg/stancemap.js');
    await glue.default({ module_or_path: new URL('/pkg/stancemap_bg.wasm', location.href) });
    const text = 'Kenya demanded more funding.';
    const refused = (options) => {
      try {
        glue.analyze(text, options);
        return 'accepted';
      } catch (error) {
        return String(error.message);
      }
    };
    const before = JSON.stringify(glue.analyze(text));
    glue.prepare();
    for (let step = 0; step < 3; step++) glue.warmUp();
    return {
      sameAfterWarmUp: JSON.stringify(glue.analyze(text)) === before,
      defaults: glue.analyze(text, { language: null, withoutNameModel: null, unknownField: 1 }).language,
      forced: glue.analyze(text, { language: 'ar', withoutNameModel: true }).language,
      language: refused({ language: 42 }),
      flag: refused({ withoutNameModel: 'yes' }),
      notAnObject: refused('ar'),
    };
  });
  expect(result.sameAfterWarmUp).toBe(true); // prepare() and the warm-up leave no state behind
  expect(result.defaults).toBe('en');
  expect(result.forced).toBe('ar');
  expect(result.language).toMatch(/^invalid options: language: expected a string/);
  expect(result.flag).toMatch(/^invalid options: withoutNameModel: expected true or false/);
  expect(result.notAnObject).toMatch(/^invalid options: expected an object/);
  expect(lib.requests.filter((request) => request.endsWith('.wasm'))).toEqual(['/pkg/stancemap_bg.wasm']);
});

for (const [kind, expected] of [['trap', 'crashed'], ['throw', 'crashed']]) {
  test(`a worker that fails (${kind}) is reported and replaced; the module is not fetched again`, async ({ page, lib }) => {
    await page.evaluate(() => import('/lib/index.js').then((m) => m.analyze('Warm-up text about the talks.')));
    await injectFault(page, kind);
    const outcome = await page.evaluate(async () => {
      const { analyze } = await import('/lib/index.js');
      const failed = await analyze('Kenya demanded more funding.').then(() => null, (error) => ({ kind: error.kind, detail: error.detail ?? '' }));
      const after = await analyze('Kenya demanded more funding.');
      return { failed, after: after.actors.map((actor) => actor.name) };
    });
    expect(outcome.failed?.kind).toBe(expected);
    if (kind === 'trap') expect(outcome.failed.detail).toContain('panicked at');
    expect(outcome.after).toContain('Kenya');
    expect(wasmFetches(lib)).toBe(1);
  });
}

// A person with no title and a given name no list holds: only the learned tagger finds him.
const UNLISTED_NAME = 'ياروسلاف كوفالتشوك';
const UNLISTED_ARTICLE = 'وقال ياروسلاف كوفالتشوك إن الاتفاق لن يصمد طويلا. وأضاف كوفالتشوك أن المفاوضات ستستأنف الأسبوع المقبل.';
const modelFetches = (server, lang) => server.requests.filter((request) => request.endsWith(`/${lang}.model.gz`)).length;

test('a slow name-model download does not count against the analysis time limit', async ({ page, lib }) => {
  lib.delays.set('.model.gz', 1500);
  const outcome = await page.evaluate(async (text) => {
    const { analyze } = await import('/lib/index.js');
    const started = performance.now();
    const analysis = await analyze(text, { timeout: 800 });
    return { names: analysis.actors.map((actor) => actor.name), ms: performance.now() - started };
  }, UNLISTED_ARTICLE);
  expect(outcome.names).toContain(UNLISTED_NAME);
  expect(outcome.ms).toBeGreaterThan(1500);
  expect(modelFetches(lib, 'ar')).toBe(1);
});

test('a replacement worker gets the name model from the page, not the network', async ({ page, lib }) => {
  await page.evaluate((text) => import('/lib/index.js').then((m) => m.analyze(text)), UNLISTED_ARTICLE);
  expect(modelFetches(lib, 'ar')).toBe(1);
  await injectFault(page, 'trap');
  const outcome = await page.evaluate(async (text) => {
    const { analyze } = await import('/lib/index.js');
    const failed = await analyze(text).then(() => null, (error) => error.kind);
    const after = await analyze(text);
    return { failed, after: after.actors.map((actor) => actor.name) };
  }, UNLISTED_ARTICLE);
  expect(outcome.failed).toBe('crashed');
  expect(outcome.after).toContain(UNLISTED_NAME);
  expect(modelFetches(lib, 'ar')).toBe(1);
  expect(wasmFetches(lib)).toBe(1);
});

test('a hung analysis times out, an aborted one stops; a fresh worker carries on', async ({ page, lib }) => {
  await page.evaluate(() => import('/lib/index.js').then((m) => m.analyze('Warm-up text.')));
  await injectFault(page, 'hang');
  const timedOut = await page.evaluate(async () => {
    const { analyze } = await import('/lib/index.js');
    const started = performance.now();
    const kind = await analyze('Norway proposed a cap.', { timeout: 500 }).then(() => 'resolved', (error) => error.kind);
    return { kind, ms: performance.now() - started };
  });
  expect(timedOut.kind).toBe('timeout');
  console.log(`measure: a hung analysis was stopped after ${timedOut.ms.toFixed(0)} ms (limit 500 ms)`);

  await page.evaluate(() => import('/lib/index.js').then((m) => m.analyze('Warm-up again.')));
  await injectFault(page, 'hang');
  const aborted = await page.evaluate(async () => {
    const { analyze } = await import('/lib/index.js');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('the reader moved on', 'AbortError')), 300);
    const first = await analyze('Norway proposed a cap.', { signal: controller.signal }).then(() => 'resolved', (error) => error.name);
    const next = await analyze('Saudi Arabia rejected the cap.');
    return { first, next: next.actors.map((actor) => actor.name) };
  });
  expect(aborted.first).toBe('AbortError');
  expect(aborted.next).toContain('Saudi Arabia');
  expect(wasmFetches(lib)).toBe(1);
});

test('requests sharing a key: only the newest is analysed', async ({ page }) => {
  const outcome = await page.evaluate(async () => {
    const { analyser } = await import('/lib/analyser.js');
    await analyser.load();
    const key = {};
    const settle = (promise) => promise.then((r) => `done:${r.analysis.language}`, (error) => error.kind);
    const first = settle(analyser.request('First draft.', { key }));
    const second = settle(analyser.request('Second draft.', { key }));
    const third = settle(analyser.request('Der dritte Entwurf ist fertig.', { key }));
    const other = settle(analyser.request('Another caller.', { key: {} }));
    return Promise.all([first, second, third, other]);
  });
  // The first may already be running when the others arrive; the second never runs.
  expect(['done:en', 'superseded']).toContain(outcome[0]);
  expect(outcome[1]).toBe('superseded');
  expect(outcome[2]).toMatch(/^done:/);
  expect(outcome[3]).toBe('done:en');
});

test('cancel(key) stops a running analysis of a long text at once; the next request is answered', async ({ page }) => {
  const outcome = await page.evaluate(async () => {
    const { analyser } = await import('/lib/analyser.js');
    await analyser.load();
    const key = {};
    const before = analyser.counts;
    const long = 'The United Nations urged Iran and Israel to resume talks on Monday, officials said.\n'.repeat(12_000); // 1 MB
    const running = analyser.request(long, { key }).then(() => 'done', (error) => error.kind);
    while (analyser.counts.started === before.started) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    analyser.cancel(key);
    const first = await running;
    const cancelMs = performance.now() - started;
    const next = await analyser.request('Egypt proposed a ceasefire.', { key });
    const after = analyser.counts;
    return { first, cancelMs, next: next.analysis.language, abandoned: after.abandoned - before.abandoned, completed: after.completed - before.completed };
  });
  console.log(`measure: cancelling a running 1 MB analysis settled it in ${outcome.cancelMs.toFixed(1)} ms`);
  expect(outcome).toMatchObject({ first: 'superseded', next: 'en', abandoned: 1, completed: 1 });
});
