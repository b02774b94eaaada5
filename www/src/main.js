// The page: the article box, the analyser worker, the status line and <stance-map>.
import './style.css';
import { StanceMap } from './stance-map-define.js';
import { dictionary, directionOf, pickLocale } from './i18n.js';
import { MAX_INPUT_BYTES, utf8Length } from './limits.js';
import { AUTO_DIR_LIMIT, directionFor, firstStrongDirection } from './direction.js';
import { SAMPLES } from './samples.js';

/** Pause after the last keystroke before analysing. */
const DEBOUNCE_MS = 150;
/** A worker still busy after this long is replaced when newer text is waiting. */
const STUCK_MS = 1000;

const locale = pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
const t = dictionary(locale);
document.documentElement.lang = locale;
document.documentElement.dir = directionOf(locale);
document.title = locale === 'en' ? 'stancemap' : `${t.title} · stancemap`;
for (const node of document.querySelectorAll('[data-i18n]')) {
  const value = t[node.dataset.i18n];
  if (typeof value === 'string') node.textContent = value;
}

const textarea = document.getElementById('article');
const status = document.getElementById('status');
const versionLine = document.getElementById('version');
/** @type {StanceMap} */
const results = document.getElementById('results');

let worker = null;
let workerReady = false;
let requestId = 0;
/** The newest text to analyse, {id, text}; answers for any other id are stale and dropped. */
let current = null;
/** The request the worker is working on, {id, sentAt}, until it answers. */
let inFlight = null;
let debounceTimer = 0;

function setStatus(state, message) {
  status.dataset.state = state;
  document.body.dataset.state = state;
  status.textContent = message;
}

function startWorker() {
  workerReady = false;
  inFlight = null;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'stancemap' });
  worker.addEventListener('message', onWorkerMessage);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    setStatus('error', t.loadFailed(event.message || 'worker error'));
  });
}

// Analysis is one synchronous call inside the worker and cannot be interrupted; replacing the
// worker is the only way to stop it.
function restartWorker() {
  worker.terminate();
  startWorker();
}

function onWorkerMessage({ data: message }) {
  if (message.id !== undefined && message.id === inFlight?.id) inFlight = null;
  switch (message.type) {
    case 'ready':
      workerReady = true;
      window.__stancemapVersion = message.version;
      versionLine.textContent = t.version(message.version);
      if (current) send(current);
      else if (status.dataset.state === 'loading') setStatus('ready', textarea.value ? t.ready : t.empty);
      break;
    case 'load-error':
      setStatus('error', t.loadFailed(message.message));
      break;
    case 'result':
      if (message.id !== current?.id) return;
      show(current, message.result, message.ms);
      break;
    case 'error':
      if (message.fatal) restartWorker();
      if (message.id !== current?.id) return;
      current = null;
      results.clear();
      setStatus('error', t.failed(message.message));
      break;
  }
}

function show(request, analysis, ms) {
  current = null;
  results.show(request.text, analysis);
  // For tests and the curious: the last analysis shown, with the text it belongs to.
  window.__stancemapLast = { id: request.id, text: request.text, analysis, ms };
  const language = t.languages[analysis.language] ?? analysis.language;
  setStatus('done', t.done(ms, language));
}

function send(request) {
  inFlight = { id: request.id, sentAt: performance.now() };
  worker.postMessage({ type: 'analyze', id: request.id, text: request.text });
}

function refuse(bytes) {
  current = null;
  window.__stancemapLast = { id: ++requestId, text: null, analysis: null, ms: 0, refused: bytes };
  setStatus('too-large', t.tooLarge((bytes / 1e6).toFixed(1)));
}

function analyse(text) {
  clearTimeout(debounceTimer);
  if (text.trim() === '') {
    current = null;
    results.clear();
    window.__stancemapLast = { id: ++requestId, text, analysis: null, ms: 0 };
    setStatus(workerReady ? 'ready' : 'loading', workerReady ? t.empty : t.loading);
    return;
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) {
    results.clear();
    refuse(bytes);
    return;
  }
  current = { id: ++requestId, text };
  setStatus('analysing', t.analysing);
  if (!workerReady) return; // sent when the worker reports ready
  if (inFlight && performance.now() - inFlight.sentAt > STUCK_MS) {
    restartWorker(); // the new worker is sent `current` when it is ready
    return;
  }
  send(current);
}

// A paste or drop is checked before the text box takes it: above the limit it is refused, and
// a large one gets its direction set first (see direction.js), as laying out that much text
// under dir="auto" would hold up the page.
function beforeInsert(event, inserted) {
  if (!inserted) return;
  const { value, selectionStart, selectionEnd } = textarea;
  const before = value.slice(0, selectionStart);
  const after = value.slice(selectionEnd);
  const bytes = utf8Length(before) + utf8Length(inserted) + utf8Length(after);
  if (bytes > MAX_INPUT_BYTES) {
    event.preventDefault();
    refuse(bytes);
    return;
  }
  const length = before.length + inserted.length + after.length;
  // V8 concatenates lazily, so the head of a long text costs little to build.
  textarea.dir = length <= AUTO_DIR_LIMIT ? 'auto' : firstStrongDirection(before + inserted + after);
}
textarea.addEventListener('paste', (event) => beforeInsert(event, event.clipboardData?.getData('text/plain')));
textarea.addEventListener('drop', (event) => beforeInsert(event, event.dataTransfer?.getData('text/plain')));

textarea.addEventListener('input', () => {
  // Back to dir="auto" once the text is short again.
  const dir = directionFor(textarea.value);
  if (textarea.dir !== dir) textarea.dir = dir;
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => analyse(textarea.value), DEBOUNCE_MS);
});

for (const button of document.querySelectorAll('button.sample')) {
  button.addEventListener('click', () => {
    textarea.value = SAMPLES[button.dataset.sample];
    textarea.dir = directionFor(textarea.value);
    analyse(textarea.value);
  });
}

document.getElementById('clear').addEventListener('click', () => {
  textarea.dir = 'auto';
  textarea.value = '';
  analyse('');
  textarea.focus();
});

setStatus('loading', t.loading);
startWorker();
if (textarea.value) analyse(textarea.value); // text kept by the browser across a reload
