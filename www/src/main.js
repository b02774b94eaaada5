// The page: the article box, the analyser worker, the status line and <stance-map>.
import './style.css';
import { StanceMap } from './stance-map-define.js';
import { dictionary, directionOf, pickLocale } from './i18n.js';
import { MAX_INPUT_BYTES, utf8Length } from './limits.js';
import { SAMPLES } from './samples.js';

/** Pause after the last keystroke before analysing. */
const DEBOUNCE_MS = 150;
/** A request still unanswered after this long is abandoned with its worker when newer text comes. */
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
/** The newest request: {id, text, sentAt}; answers to any other id are stale and dropped. */
let current = null;
let debounceTimer = 0;

function setStatus(state, message) {
  status.dataset.state = state;
  document.body.dataset.state = state;
  status.textContent = message;
}

function startWorker() {
  workerReady = false;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'stancemap' });
  worker.addEventListener('message', onWorkerMessage);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    setStatus('error', t.loadFailed(event.message || 'worker error'));
  });
}

function restartWorker() {
  worker.terminate();
  startWorker();
}

function onWorkerMessage({ data: message }) {
  switch (message.type) {
    case 'ready':
      workerReady = true;
      window.__stancemapVersion = message.version;
      versionLine.textContent = t.version(message.version);
      if (current) send(current);
      else setStatus('ready', textarea.value ? t.ready : t.empty);
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
      current.answered = true;
      results.clear();
      setStatus('error', t.failed(message.message));
      break;
  }
}

function show(request, analysis, ms) {
  request.answered = true;
  results.show(request.text, analysis);
  // For tests and the curious: the last analysis shown, with the text it belongs to.
  window.__stancemapLast = { id: request.id, text: request.text, analysis, ms };
  const language = t.languages[analysis.language] ?? analysis.language;
  setStatus('done', t.done(ms, language));
}

function send(request) {
  request.sentAt = performance.now();
  worker.postMessage({ type: 'analyze', id: request.id, text: request.text });
}

function analyse(text) {
  clearTimeout(debounceTimer);
  const previous = current;
  const request = { id: ++requestId, text, answered: false };
  if (text.trim() === '') {
    current = null;
    results.clear();
    window.__stancemapLast = { id: request.id, text, analysis: null, ms: 0 };
    setStatus(workerReady ? 'ready' : 'loading', workerReady ? t.empty : t.loading);
    return;
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) {
    current = null;
    results.clear();
    window.__stancemapLast = { id: request.id, text: null, analysis: null, ms: 0, refused: bytes };
    setStatus('too-large', t.tooLarge((bytes / 1e6).toFixed(1)));
    return;
  }
  current = request;
  setStatus('analysing', t.analysing);
  if (!workerReady) return; // sent when the worker reports ready
  // Analysis is one synchronous call in the worker and cannot be interrupted; a worker still
  // busy with an older text is replaced so that the newest text is not kept waiting.
  if (previous && !previous.answered && performance.now() - previous.sentAt > STUCK_MS) {
    restartWorker();
    return;
  }
  send(request);
}

textarea.addEventListener('input', () => {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => analyse(textarea.value), DEBOUNCE_MS);
});

for (const button of document.querySelectorAll('button.sample')) {
  button.addEventListener('click', () => {
    textarea.value = SAMPLES[button.dataset.sample];
    analyse(textarea.value);
  });
}

document.getElementById('clear').addEventListener('click', () => {
  textarea.value = '';
  analyse('');
  textarea.focus();
});

setStatus('loading', t.loading);
startWorker();
if (textarea.value) analyse(textarea.value); // text kept by the browser across a reload
