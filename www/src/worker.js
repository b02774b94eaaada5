// Runs the analyser off the main thread. Messages in: {type: 'analyze', id, text, options?}.
// Messages out: {type: 'ready', version}, {type: 'load-error', message},
// {type: 'result', id, result, ms} and {type: 'error', id, message, fatal}.
import init, { analyze, version } from '../pkg/stancemap.js';
import { MAX_INPUT_BYTES, utf8Length } from './limits.js';

const ready = init({ module_or_path: new URL('../pkg/stancemap_bg.wasm', import.meta.url) }).then(
  () => self.postMessage({ type: 'ready', version: version() }),
  (error) => {
    self.postMessage({ type: 'load-error', message: messageOf(error) });
    throw error;
  },
);

// Only the newest request waiting here is analysed: one that was overtaken while the analyser
// was busy is dropped unanswered (the page drops stale answers as well).
let newest = null;
let scheduled = false;

self.onmessage = (event) => {
  if (event.data?.type !== 'analyze') return;
  newest = event.data;
  if (!scheduled) {
    scheduled = true;
    ready.then(() => setTimeout(runNewest, 0), () => {});
  }
};

function runNewest() {
  scheduled = false;
  const request = newest;
  newest = null;
  if (!request) return;
  const { id, text, options } = request;
  if (typeof text !== 'string' || utf8Length(text) > MAX_INPUT_BYTES) {
    self.postMessage({ type: 'error', id, message: 'input refused: not text, or over the size limit', fatal: false });
    return;
  }
  const started = performance.now();
  try {
    const result = analyze(text, options ?? undefined);
    self.postMessage({ type: 'result', id, result, ms: Math.round(performance.now() - started) });
  } catch (error) {
    // A Rust panic aborts (panic = "abort") as a WebAssembly trap; the instance cannot be
    // trusted after that, so the page replaces this worker.
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: 'error', id, message: messageOf(error), fatal });
  }
}

function messageOf(error) {
  return String(error?.message ?? error);
}
