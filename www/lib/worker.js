// Runs the analyser off the main thread; analyser.js is its only correspondent and sends one
// request at a time.
//
// In:  {type: 'init', module: WebAssembly.Module | null, models: {ar?, en?: Uint8Array}}
//        compile (or reuse) and instantiate; install the name models a former worker fetched
//      {type: 'analyze', id, text, options}
//      {type: 'compare', id, analyses, labels}   several analyses side by side (compare)
//      {type: 'skip', id}   the page gave up on that request before it started: do not run it
//      {type: 'test-fault', kind: 'trap' | 'throw' | 'hang'}  for the browser tests: the next
//        analysis fails as a panic would, or the worker throws outside any analysis, or hangs
// Out: {type: 'ready', version, module}   {type: 'load-error', message}
//      {type: 'model', language, bytes}   a name model fetched, for the next worker
//      {type: 'started', id}   an analysis of request id begins (twice for a provisional one), or
//        a comparison, once the comparing module is in
//      {type: 'result', id, result, ms} (an analysis or a comparison), or {type: 'result', id, json, ms} for a long text;
//        with provisional: true when a refined analysis of the same request follows, and
//        refined: true on that refined one
//      {type: 'final', id}   the name model could not be had: the provisional analysis stands
//      {type: 'error', id, message, fatal, panic?}
//
// The module embeds no name model (they would triple its size): the first analysis in a
// language fetches that language's model (ar.model.gz, en.model.gz beside the module). While it
// comes, the text is analysed at once from the lexicon and patterns alone and that result sent
// as provisional, so that a reader on a slow connection sees actors after the module alone;
// once the model is installed the text is analysed again and the refined result sent.
//
// Comparing articles is a module of its own (stancemap_compare_bg.wasm, with its glue), fetched
// on the first 'compare': a reader who only analyses does not wait for it before a first result.
import init, { analyze, analyzeJson, detectLanguage, hasModel, loadModel, prepare, version, warmUp } from '../pkg/stancemap.js';
import { MAX_INPUT_BYTES, utf8Length } from './limits.js';

const WASM_URL = new URL('../pkg/stancemap_bg.wasm', import.meta.url);
const COMPARE_WASM_URL = new URL('../pkg/stancemap_compare_bg.wasm', import.meta.url);
const MODEL_URLS = {
  ar: new URL('../pkg/ar.model.gz', import.meta.url),
  en: new URL('../pkg/en.model.gz', import.meta.url),
};

/**
 * The analysis of a text longer than this (UTF-16 units) is sent as a JSON string. The page's
 * thread pays for receiving a message: for a 10 MB text (28 MB of JSON, 356,000 mentions) the
 * structured clone of the object took about 400 ms there, its JSON 30 ms to receive and 85 ms to
 * parse (measured in Chromium); the module writes that JSON itself, off the page's thread.
 */
const JSON_RESULT_CHARS = 100_000;

/**
 * A text longer than this (UTF-16 units) waits for its name model instead of being analysed
 * twice: for a multi-megabyte paste the second full analysis and the page's parsing of its
 * result cost seconds, while the model is a few hundred KB.
 */
const PROVISIONAL_MAX_CHARS = 1_000_000;

/**
 * Steps of the warm-up after prepare(), one task each, while no request has come: the module's
 * warmUp() analyses a short text per language (about 1 ms a step in Node), so that V8 has
 * optimised the analysis code before a long article comes (src/wasm/analyse.rs). Measured in
 * Node: a 1 MB article 340-366 ms after prepare() alone, 162-190 ms after 20 steps too (23-31
 * ms in all); 10 steps gave 180-202 ms, 40 no better than 20. The first request ends it: its
 * own analysis does the same, and it should not wait for a step.
 */
const WARM_UP_STEPS = 20;

let loading = null;
let fault = null;
/** Analyses and comparisons asked for since the worker started. */
let requests = 0;
/** Language → promise of whether its model is installed; one fetch per language. */
const models = new Map();
/** Requests the page gave up on while their model was still coming. */
const skipped = new Set();

// console_error_panic_hook writes the panic message with console.error just before the trap;
// the last one is kept so that the page can show what went wrong, not just "unreachable".
let lastConsoleError = '';
const consoleError = console.error.bind(console);
console.error = (...args) => {
  lastConsoleError = args.map(String).join(' ');
  consoleError(...args);
};

self.onmessage = ({ data }) => {
  switch (data?.type) {
    case 'init':
      loading ??= load(data.module ?? null, data.models ?? {});
      break;
    case 'analyze':
      requests++;
      (loading ??= load(null, {})).then((ok) => ok && analyse(data));
      break;
    case 'compare':
      requests++;
      (loading ??= load(null, {})).then((ok) => ok && runCompare(data));
      break;
    case 'skip':
      skipped.add(data.id);
      break;
    case 'test-fault':
      fault = data.kind;
      break;
    default:
      break;
  }
};

async function load(module, models) {
  try {
    const compiled = module instanceof WebAssembly.Module ? module : await compile(WASM_URL);
    await init({ module_or_path: compiled });
    for (const [lang, bytes] of Object.entries(models)) {
      try {
        if (lang in MODEL_URLS && bytes instanceof Uint8Array && !hasModel(lang)) loadModel(bytes);
      } catch (error) {
        console.warn(`stancemap: the ${lang} name model handed over was refused (${messageOf(error)})`);
      }
    }
    self.postMessage({ type: 'ready', version: version(), module: compiled });
    // The tables every analysis needs (lexicon, cues, word classes of both languages) are built
    // now, while the reader pastes, instead of in the first analysis: a 1k-word English article
    // analysed first in a fresh instance took 16-27 ms, after this 3-6 ms (Node, this module).
    setTimeout(() => {
      try {
        prepare();
      } catch (error) {
        console.warn(`stancemap: preparing the tables failed (${messageOf(error)})`);
        return;
      }
      // In a task of its own, as each step: a request that came during prepare() goes first.
      setTimeout(() => warmUpWhileIdle(0), 0);
    }, 0);
    return true;
  } catch (error) {
    self.postMessage({ type: 'load-error', message: messageOf(error) });
    return false;
  }
}

/** Runs warm-up step `step` and schedules the next, unless a request has come (see WARM_UP_STEPS). */
function warmUpWhileIdle(step) {
  if (step === WARM_UP_STEPS || requests > 0 || fault) return;
  try {
    warmUp();
  } catch (error) {
    console.warn(`stancemap: the warm-up failed (${messageOf(error)})`);
    return;
  }
  setTimeout(() => warmUpWhileIdle(step + 1), 0);
}

async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  // Streaming compilation needs the right MIME type, which some servers do not send.
  if (response.headers.get('content-type')?.split(';')[0].trim() === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Analyses a request's text. Without the name model of its language installed yet, a text up to
 * PROVISIONAL_MAX_CHARS is answered at once from the lexicon and patterns (provisional), then
 * again, refined, once the model is in; a longer one waits for the model.
 */
async function analyse(request) {
  const { id, text } = request;
  if (skipped.delete(id)) return;
  const coming = modelComing(request);
  if (coming && text.length <= PROVISIONAL_MAX_CHARS) {
    self.postMessage({ type: 'started', id });
    if (!run(request, { provisional: true })) return;
    const installed = await coming;
    if (skipped.delete(id)) return;
    if (!installed) {
      self.postMessage({ type: 'final', id });
      return;
    }
    self.postMessage({ type: 'started', id });
    run(request, { refined: true });
    return;
  }
  if (coming) await coming;
  if (skipped.delete(id)) return;
  self.postMessage({ type: 'started', id });
  run(request);
}

/**
 * The fetch of the name model of the text's language (a promise of whether it got installed;
 * never rejects), started if need be; null when that model is installed or there is none.
 */
function modelComing({ text, options }) {
  if (typeof text !== 'string' || utf8Length(text) > MAX_INPUT_BYTES || fault) return null;
  const forced = options?.language;
  const lang = forced === 'ar' || forced === 'en' ? forced : detectLanguage(text);
  if (!(lang in MODEL_URLS) || hasModel(lang)) return null;
  if (!models.has(lang)) models.set(lang, fetchModel(lang));
  return models.get(lang);
}

async function fetchModel(lang) {
  try {
    const response = await fetch(MODEL_URLS[lang]);
    if (!response.ok) throw new Error(`${MODEL_URLS[lang].pathname}: HTTP ${response.status}`);
    let bytes = new Uint8Array(await response.arrayBuffer());
    // Still gzipped unless the server sent it with Content-Encoding: gzip (fetch inflated it).
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
    }
    loadModel(bytes);
    // A copy for the page, which hands it to a replacement worker (after a crash or a hang)
    // instead of fetching it again.
    self.postMessage({ type: 'model', language: lang, bytes });
    return true;
  } catch (error) {
    console.warn(`stancemap: no ${lang} name model (${messageOf(error)}); names that no lexicon or pattern knows are not found`);
    return false;
  }
}

/** Runs one analysis and posts its result (with `marks`), or an error; true when it succeeded. */
function run({ id, text, options }, marks = {}) {
  if (typeof text !== 'string' || utf8Length(text) > MAX_INPUT_BYTES) {
    self.postMessage({ type: 'error', id, message: 'input refused: not text, or over the size limit', fatal: false });
    return false;
  }
  if (fault === 'throw') {
    fault = null;
    setTimeout(() => {
      throw new Error('test fault: the worker threw outside an analysis');
    });
    return false;
  }
  if (fault === 'hang') {
    for (;;) {
      // A busy loop: only terminating the worker ends it.
    }
  }
  lastConsoleError = '';
  const started = performance.now();
  try {
    if (fault === 'trap') simulatedPanic();
    if (text.length > JSON_RESULT_CHARS) {
      const json = analyzeJson(text, options ?? undefined);
      self.postMessage({ type: 'result', id, json, ms: Math.round(performance.now() - started), ...marks });
    } else {
      const result = analyze(text, options ?? undefined);
      self.postMessage({ type: 'result', id, result, ms: Math.round(performance.now() - started), ...marks });
    }
    return true;
  } catch (error) {
    // A Rust panic aborts (panic = "abort"): a WebAssembly trap, after which the instance is not
    // to be trusted. Any other error is the analyser refusing its input (bad options).
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: 'error', id, message: messageOf(error), fatal, panic: fatal ? lastConsoleError : undefined });
    return false;
  }
}

/** The comparing module's `compare`, loaded on first use (a promise; rejected if it could not be). */
let comparer = null;

function loadComparer() {
  comparer ??= (async () => {
    const glue = await import('../pkg/stancemap_compare.js');
    await glue.default({ module_or_path: await compile(COMPARE_WASM_URL) });
    return glue.compare;
  })();
  // A failed load (offline, say) is tried again on the next comparison.
  comparer.catch(() => {
    comparer = null;
  });
  return comparer;
}

async function runCompare({ id, analyses, labels }) {
  let compare;
  try {
    compare = await loadComparer();
  } catch (error) {
    self.postMessage({ type: 'error', id, message: `the comparison module could not be loaded (${messageOf(error)})`, fatal: false });
    return;
  }
  // The time limit counts from here, as for an analysis after its name model (analyser.js).
  self.postMessage({ type: 'started', id });
  const started = performance.now();
  try {
    // As JSON both ways (see src/wasm/compare.rs). Labels: an array of strings or nulls.
    const json = compare(JSON.stringify(analyses ?? null), labels == null ? '' : JSON.stringify(labels));
    self.postMessage({ type: 'result', id, result: JSON.parse(json), ms: Math.round(performance.now() - started) });
  } catch (error) {
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: 'error', id, message: messageOf(error), fatal, panic: fatal ? lastConsoleError : undefined });
  }
}

function simulatedPanic() {
  fault = null;
  console.error('panicked at src/lib.rs:1:1:\ntest fault: a simulated panic');
  throw new WebAssembly.RuntimeError('unreachable');
}

function messageOf(error) {
  return String(error?.message ?? error);
}
