// The bundle size report (npm run size; also the end of npm run bench): raw, gzip level 9 and
// brotli quality 11 of everything the browser downloads to analyse a text (and, apart, the module
// fetched only to compare articles), against issue 19's
// gzip targets: the first result (the module alone: the page answers from the lexicon and
// patterns while the name model comes) within 380 KB in either language, and everything an
// article needs (with its language's name model) within 650 KB for Arabic, 420 KB for English. Both by node:zlib, whose gzip comes out about 1.4 % larger on the .wasm than
// GNU gzip -9 (the figure scripts/build-wasm.sh prints). Two ways of loading it:
//   - the package's files as shipped, loaded unbundled (a plain module page): the .wasm, the
//     wasm-bindgen glue, the worker and the library modules that call it (analyser.js, limits.js);
//   - bundled by Vite (the bench build in target/bench, as an app using `analyze` gets it): the
//     .wasm, the worker chunk (the glue inlined) and the chunk holding analyser.js.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const repo = path.resolve(import.meta.dirname, '..');
const FIRST_RESULT_GZIP = 380 * 1000;
const ARTICLE_GZIP = { ar: 650 * 1000, en: 420 * 1000 };

function sizes(file) {
  const body = fs.readFileSync(path.join(repo, file));
  return {
    file,
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function sum(label, parts) {
  return {
    what: label,
    raw: parts.reduce((n, p) => n + p.raw, 0),
    gzip: parts.reduce((n, p) => n + p.gzip, 0),
    brotli: parts.reduce((n, p) => n + p.brotli, 0),
  };
}

function print(title, rows, target) {
  const all = [...rows, sum('total', rows)];
  const width = Math.max(...all.map((r) => r.what.length), 4);
  const num = (n) => n.toLocaleString('en-US').padStart(9);
  console.log(`\n${title}`);
  console.log(`| ${'file'.padEnd(width)} | raw bytes | gzip 9    | brotli 11 |`);
  console.log(`| ${'-'.repeat(width)} | --------- | --------- | --------- |`);
  for (const r of all) {
    console.log(`| ${r.what.padEnd(width)} | ${num(r.raw)} | ${num(r.gzip)} | ${num(r.brotli)} |`);
  }
  const total = all.at(-1);
  if (target) {
    const verdict = total.gzip <= target.bytes ? 'within' : 'OVER';
    console.log(`${target.what}: ${(total.gzip / 1000).toFixed(1)} KB gzip, ${verdict} the ${target.bytes / 1000} KB target`);
  }
  return total;
}

function named(what, file) {
  return { what, ...sizes(file) };
}

const pkg = 'www/pkg';
if (!fs.existsSync(path.join(repo, pkg, 'stancemap_bg.wasm'))) {
  console.error('size-report: www/pkg/stancemap_bg.wasm missing: run scripts/build-wasm.sh first');
  process.exit(1);
}


// The name models are served gzipped (build-wasm.sh), so the .gz file is what is transferred;
// the worker fetches the article's language's one before its first analysis.
function model(lang) {
  const raw = fs.readFileSync(path.join(repo, `data/ner/${lang}.model`));
  return {
    what: `${lang}.model.gz (fetched for ${lang} articles)`,
    raw: raw.length,
    gzip: fs.statSync(path.join(repo, pkg, `${lang}.model.gz`)).size,
    brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const core = [
  named('stancemap_bg.wasm', `${pkg}/stancemap_bg.wasm`),
  named('stancemap.js (wasm-bindgen glue)', `${pkg}/stancemap.js`),
  named('lib/worker.js', 'www/lib/worker.js'),
  named('lib/analyser.js', 'www/lib/analyser.js'),
  named('lib/limits.js', 'www/lib/limits.js'),
];
const first = print('Package files, unbundled (what a plain module page downloads to call analyze(); its first result, from the lexicon and patterns, needs nothing more):', core);
const perLanguage = {};
for (const lang of ['en', 'ar']) {
  perLanguage[lang] = print(`Package files with the ${lang} name model (what a plain module page downloads to analyse an ${lang} article with the learned tagger):`, [
    sum('the above (lexicon and patterns)', core),
    model(lang),
  ], { what: `everything for an ${lang} article`, bytes: ARTICLE_GZIP[lang] });
}
print('Fetched by the worker on the first comparison of articles only (not part of an analysis):', [
  named('stancemap_compare_bg.wasm', `${pkg}/stancemap_compare_bg.wasm`),
  named('stancemap_compare.js (its glue)', `${pkg}/stancemap_compare.js`),
]);
console.log('\nDownload before the first result and in all, per article language (gzip 9, unbundled):');
for (const lang of ['ar', 'en']) {
  const verdict = (n, target) => `${(n / 1000).toFixed(1)} KB (${n <= target ? 'within' : 'OVER'} ${target / 1000})`;
  console.log(`  ${lang}: first result after ${verdict(first.gzip, FIRST_RESULT_GZIP)}, refined result after ${verdict(perLanguage[lang].gzip, ARTICLE_GZIP[lang])}`);
}

const manifestFile = path.join(repo, 'target/bench/.vite/manifest.json');
if (fs.existsSync(manifestFile)) {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const lib = manifest['src/bench/stancemap-worker.js'];
  const worker = lib.assets.find((file) => /worker-.*\.js$/.test(file));
  const wasm = manifest['pkg/stancemap_bg.wasm'].file;
  print('Bundled by Vite (target/bench; what an app calling analyze() downloads):', [
    named(`${path.basename(wasm)}`, `target/bench/${wasm}`),
    named(`${path.basename(worker)} (worker + glue)`, `target/bench/${worker}`),
    named(`${path.basename(lib.file)} (analyser.js + limits.js)`, `target/bench/${lib.file}`),
  ], { what: 'first result, bundled', bytes: FIRST_RESULT_GZIP });
} else {
  console.log('\n(bundled figures: build the bench page first, vite build --config vite.bench.config.js)');
}
