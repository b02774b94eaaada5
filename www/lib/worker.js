// Runs the analyser off the main thread; analyser.js is its only correspondent and sends one
// request at a time.
//
// In:  {type: 'init', module: WebAssembly.Module | null}   compile (or reuse) and instantiate
//      {type: 'analyze', id, text, options}
//      {type: 'test-fault', kind: 'trap' | 'throw' | 'hang'}  for the browser tests: the next
//        analysis fails as a panic would, or the worker throws outside any analysis, or hangs
// Out: {type: 'ready', version, module}   {type: 'load-error', message}
//      {type: 'result', id, result, ms}, or {type: 'result', id, json, ms} for a long text
//      {type: 'error', id, message, fatal, panic?}
import init, { analyze, version } from '../pkg/stancemap.js';
import { MAX_INPUT_BYTES, utf8Length } from './limits.js';

const WASM_URL = new URL('../pkg/stancemap_bg.wasm', import.meta.url);

/**
 * The analysis of a text longer than this (UTF-16 units) is sent as a JSON string. The page's
 * thread pays for receiving a message: for a 10 MB text (28 MB of JSON, 356,000 mentions) the
 * structured clone of the object took about 400 ms there, its JSON 30 ms to receive and 85 ms to
 * parse (measured in Chromium); the stringifying is done here, off the page's thread.
 */
const JSON_RESULT_CHARS = 100_000;

let loading = null;
let fault = null;

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
      loading ??= load(data.module ?? null);
      break;
    case 'analyze':
      (loading ??= load(null)).then((ok) => ok && run(data));
      break;
    case 'test-fault':
      fault = data.kind;
      break;
    default:
      break;
  }
};

async function load(module) {
  try {
    const compiled = module instanceof WebAssembly.Module ? module : await compile(WASM_URL);
    await init({ module_or_path: compiled });
    self.postMessage({ type: 'ready', version: version(), module: compiled });
    return true;
  } catch (error) {
    self.postMessage({ type: 'load-error', message: messageOf(error) });
    return false;
  }
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

function run({ id, text, options }) {
  if (typeof text !== 'string' || utf8Length(text) > MAX_INPUT_BYTES) {
    self.postMessage({ type: 'error', id, message: 'input refused: not text, or over the size limit', fatal: false });
    return;
  }
  if (fault === 'throw') {
    fault = null;
    setTimeout(() => {
      throw new Error('test fault: the worker threw outside an analysis');
    });
    return;
  }
  if (fault === 'hang') {
    for (;;) {
      // A busy loop: only terminating the worker ends it.
    }
  }
  lastConsoleError = '';
  const started = performance.now();
  try {
    const result = fault === 'trap' ? simulatedPanic() : analyze(text, options ?? undefined);
    const ms = Math.round(performance.now() - started);
    if (text.length > JSON_RESULT_CHARS) self.postMessage({ type: 'result', id, json: JSON.stringify(result), ms });
    else self.postMessage({ type: 'result', id, result, ms });
  } catch (error) {
    // A Rust panic aborts (panic = "abort"): a WebAssembly trap, after which the instance is not
    // to be trusted. Any other error is the analyser refusing its input (bad options).
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
