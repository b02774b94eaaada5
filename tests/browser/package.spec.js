// The npm package as a site gets it: `npm pack` of this repository, installed offline from the
// tarball into a scratch project, whose TypeScript compiles against the declarations, whose plain
// <script type="module"> page works, and whose Vite build bundles the worker and the WebAssembly.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, expectContractShape } from './helpers.js';
import { serveStatic } from './static-server.js';
import { SECURITY_HEADERS } from '../../www/security-headers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test.describe.configure({ mode: 'serial' });

let work;
let packed;
let project;

const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'stancemap-package-'));
  // prepack builds the wasm; `npm test` has just built it, so the scripts are skipped here.
  [packed] = JSON.parse(run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], repo));
  project = path.join(work, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch-site', private: true, type: 'module' }, null, 2));
  run(npm, ['install', '--offline', '--no-audit', '--no-fund', path.join(work, packed.filename)], project);
});

test.afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the entries, the declarations, the built wasm and glue, and nothing else', () => {
  const files = packed.files.map((file) => file.path).sort();
  for (const required of [
    'package.json', 'www/lib/index.js', 'www/lib/index.d.ts', 'www/lib/types.d.ts', 'www/lib/define.js', 'www/lib/define.d.ts',
    'www/lib/stance-map-element.js', 'www/lib/stance-map-element.d.ts', 'www/lib/worker.js', 'www/lib/analyser.js',
    'www/pkg/stancemap.js', 'www/pkg/stancemap.d.ts', 'www/pkg/stancemap_bg.wasm', 'www/pkg/ar.model.gz', 'www/pkg/en.model.gz',
    'www/pkg/stancemap_compare.js', 'www/pkg/stancemap_compare_bg.wasm',
  ]) expect(files, required).toContain(required);
  const allowed = /^(package\.json|README\.md|LICENSE(\.\w+)?|www\/lib\/[\w.-]+\.(js|d\.ts)|www\/pkg\/stancemap(_compare)?(_bg)?\.(js|wasm|d\.ts|wasm\.d\.ts)|www\/pkg\/(ar|en)\.model\.gz)$/;
  expect(files.filter((file) => !allowed.test(file)), 'files that do not belong in the package').toEqual([]);
  const wasm = packed.files.find((file) => file.path === 'www/pkg/stancemap_bg.wasm');
  const compareWasm = packed.files.find((file) => file.path === 'www/pkg/stancemap_compare_bg.wasm');
  // The name models are data, fetched by the worker: large by nature.
  const others = packed.files.filter((file) => file !== wasm && file !== compareWasm && !file.path.endsWith('.model.gz'));
  expect(wasm.size).toBeGreaterThan(100_000); // the real module, not a stub
  expect(compareWasm.size).toBeGreaterThan(100_000);
  expect(Math.max(...others.map((file) => file.size)), 'no other file is large').toBeLessThan(64_000);
  console.log(`measure: npm pack: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} KiB packed, `
    + `${(packed.unpackedSize / 1024).toFixed(0)} KiB unpacked (wasm ${(wasm.size / 1024).toFixed(0)} KiB)`);
  const installed = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/stancemap/package.json'), 'utf8'));
  expect(installed.dependencies ?? {}, 'no runtime dependencies').toEqual({});
  expect(Object.keys(installed.exports)).toEqual(expect.arrayContaining(['.', './element', './define']));
});

const CONSUMER_TS = `import { analyze, compare, comparisonToCSV, preload, AnalysisError, MAX_INPUT_BYTES, htmlToText, tableToCSV, StanceMapCompare } from 'stancemap';
import type { Analysis, Actor, Comparison, Difference, Position, Stance, ComparisonTable, Span, StanceMapAnalysisDetail } from 'stancemap';
import { StanceMap } from 'stancemap/element';
import 'stancemap/define';
import init, { analyze as analyzeInThisThread } from 'stancemap/wasm';

export async function use(): Promise<string> {
  const version: string = await preload();
  const analysis: Analysis = await analyze('Norway proposed a cap.', { language: 'en', timeout: 5_000 });
  const actor: Actor | undefined = analysis.actors[0];
  const kinds: Array<Actor['kind']> = analysis.actors.map((a) => a.kind);
  const position: Position | undefined = analysis.positions[0];
  const stance: Stance | undefined = position?.stance;
  const span: Span | undefined = position?.span;
  const table: ComparisonTable = analysis.table;
  const source: 'explicit' | 'derived' = table.source;
  const cells: string[] = table.rows.flatMap((row) => row.cells);
  const element = document.querySelector('stance-map');
  element?.addEventListener('analysis', (event) => {
    const detail: StanceMapAnalysisDetail = event.detail;
    const ms: number = detail.ms;
    void ms;
  });
  element?.addEventListener('analysiserror', (event) => {
    const kind: AnalysisError['kind'] = event.detail.kind;
    void kind;
  });
  const made: StanceMap = document.createElement('stance-map');
  made.text = 'Saudi Arabia rejected the cap.';
  made.text = null;
  made.show('text', analysis);
  made.focusActor(actor?.id ?? null);
  StanceMap.define('news-stance-map');
  const comparison: Comparison = await compare([analysis, analysis], { labels: ['A', 'B'] });
  const absent: boolean = comparison.actors.some((row) => row.articles.some((entry) => entry === null));
  const opposite: Difference[] = comparison.differences.filter((d) => d.kind === 'opposite-stances');
  const compared: StanceMapCompare = document.createElement('stance-map-compare');
  compared.texts = [{ text: 'Norway proposed a cap.', label: 'Wire' }, 'Saudi Arabia rejected the cap.'];
  compared.addEventListener('evidence', (event) => void event.detail.span[0]);
  void [absent, opposite, comparisonToCSV(comparison)];
  try {
    await analyze('x'.repeat(MAX_INPUT_BYTES + 1));
  } catch (error) {
    if (error instanceof AnalysisError && error.kind === 'too-large') return 'refused';
  }
  await init();
  const raw: unknown = analyzeInThisThread('text', undefined);
  // @ts-expect-error: 'fr' is not a language of the output contract
  const language: Analysis['language'] = 'fr';
  // @ts-expect-error: stances are a closed list
  const liked: Stance = 'likes';
  // @ts-expect-error: the text to analyse is required
  void analyze();
  // @ts-expect-error: an actor's salience is a number
  const salience: string = analysis.actors[0].salience;
  return [version, kinds, stance, span, source, cells, htmlToText('<p>x</p>'), tableToCSV(table), raw, language, liked, salience].join();
}
`;

for (const resolution of ['bundler', 'nodenext']) {
  test(`its TypeScript declarations compile in the consumer project (moduleResolution ${resolution})`, () => {
    fs.writeFileSync(path.join(project, 'consumer.ts'), CONSUMER_TS);
    const config = {
      compilerOptions: {
        strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], types: [],
        module: resolution === 'bundler' ? 'esnext' : 'nodenext', moduleResolution: resolution,
      },
      files: ['consumer.ts'],
    };
    fs.writeFileSync(path.join(project, `tsconfig.${resolution}.json`), JSON.stringify(config, null, 2));
    const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      output = run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], project);
    } catch (error) {
      output = `${error.stdout}${error.stderr}`;
      throw new Error(`tsc failed:\n${output}`);
    }
    expect(output.trim()).toBe('');
  });
}

const ARTICLE = 'Norway proposed on Friday a binding cap on new plastic production. Saudi Arabia rejected the cap. Kenya demanded that rich countries pay.';

test('a plain <script type="module"> page uses it from node_modules, under the strict CSP', async ({ page }) => {
  fs.writeFileSync(path.join(project, 'plain.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>plain module page</title>
<script type="module" src="./node_modules/stancemap/www/lib/define.js"></script>
<script type="module" src="./plain.js"></script></head>
<body><main><stance-map id="map">${ARTICLE}</stance-map></main></body></html>`);
  fs.writeFileSync(path.join(project, 'plain.js'), `import { analyze } from './node_modules/stancemap/www/lib/index.js';
window.direct = await analyze('Saudi Arabia rejected the cap.');
`);
  const server = await serveStatic(project, { headers: SECURITY_HEADERS });
  try {
    await page.goto(`${server.url}/plain.html`);
    await page.waitForFunction(() => document.getElementById('map').state === 'done' && window.direct);
    const { analysis, text, direct } = await page.evaluate(() => ({
      analysis: document.getElementById('map').analysis,
      text: document.getElementById('map').text,
      direct: window.direct,
    }));
    expect(text).toBe(ARTICLE);
    expectContractShape(analysis, text);
    expect(analysis.actors.map((actor) => actor.name)).toEqual(expect.arrayContaining(['Norway', 'Saudi Arabia', 'Kenya']));
    expect(direct.actors.map((actor) => actor.name)).toContain('Saudi Arabia');
    expect(server.requests.filter((request) => request.endsWith('.wasm'))).toEqual(['/node_modules/stancemap/www/pkg/stancemap_bg.wasm']);
  } finally {
    await server.close();
  }
});

test('a Vite project bundles it: the worker and the wasm are emitted and the element works', async ({ page }) => {
  test.setTimeout(120_000);
  const app = path.join(project, 'app');
  fs.mkdirSync(app, { recursive: true });
  fs.writeFileSync(path.join(app, 'index.html'), `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>bundled</title>
<script type="module" src="./main.js"></script></head>
<body><main><article id="story"><p>أعلن وزير الخارجية المصري سامح شكري رفض بلاده أي خطوة أحادية.</p></article>
<stance-map for="story"></stance-map></main></body></html>`);
  fs.writeFileSync(path.join(app, 'main.js'), `import 'stancemap/define';
import { analyze } from 'stancemap';
analyze('Kenya demanded that rich countries pay.').then((analysis) => { window.direct = analysis; });
`);
  const vite = path.join(repo, 'node_modules/vite/bin/vite.js');
  run(process.execPath, [vite, 'build', app, '--outDir', path.join(app, 'dist'), '--emptyOutDir', '--logLevel', 'warn'], project);
  const assets = fs.readdirSync(path.join(app, 'dist/assets'));
  expect(assets.some((name) => name.endsWith('.wasm'))).toBe(true);
  expect(assets.some((name) => /^worker-.*\.js$/.test(name))).toBe(true);
  const server = await serveStatic(path.join(app, 'dist'), { headers: SECURITY_HEADERS });
  try {
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.querySelector('stance-map').state === 'done' && window.direct);
    const result = await page.evaluate(() => {
      const element = document.querySelector('stance-map');
      return { text: element.text, analysis: element.analysis, lang: element.shadowRoot.querySelector('.root').lang, direct: window.direct };
    });
    expectContractShape(result.analysis, result.text);
    expect(result.analysis.language).toBe('ar');
    expect(result.lang).toBe('ar');
    expect(result.direct.actors.map((actor) => actor.name)).toContain('Kenya');
    expect(server.requests.filter((request) => request.endsWith('.wasm'))).toHaveLength(1);
  } finally {
    await server.close();
  }
});
