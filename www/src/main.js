// The page: the article box, the status line, <stance-map> showing the analysis, the article tabs
// and their comparison (articles.js), the interface language, the opt-in draft, text shared to
// the installed app (Web Share Target) and the service worker's update offer. The analysis itself runs in
// the shared worker behind <stance-map> (www/lib/analyser.js).
import './style.css';
import '../lib/define.js';
import { analyser, preload } from '../lib/analyser.js';
import { pickLocale, directionOf } from '../lib/i18n.js';
import { MAX_INPUT_BYTES, utf8Length } from '../lib/limits.js';
import { AUTO_DIR_LIMIT, directionFor, firstStrongDirection } from '../lib/direction.js';
import { hasDataTable, parseInert, textOf } from '../lib/plain-text.js';
import { pageStrings } from './strings.js';
import { SAMPLES } from './samples.js';
import { carryOver, carryOverArticles, draftEnabled, loadDraft, saveDraft, setDraftEnabled, takeCarriedArticles, takeCarryOver } from './draft.js';
import { setUpServiceWorker } from './pwa.js';
import { ArticleTabs } from './articles.js';
import { sharedArticle } from './share-target.js';

/** Pause after the last keystroke before analysing. */
const DEBOUNCE_MS = 150;
/** Pause after the last keystroke before saving the draft (when the reader asked for one). */
const DRAFT_DEBOUNCE_MS = 1000;
/**
 * A text over this many UTF-8 bytes (1 MB) is kept out of the text box, a summary standing in
 * for it: Chromium lays a textarea's whole value out on the main thread (about 10 s for 10 MB).
 */
const LARGE_TEXT_BYTES = 1_000_000;
/** Where the reader's choice of interface language is kept (a preference, not article text). */
const UI_LANGUAGE_KEY = 'stancemap:ui-language';

const textarea = document.getElementById('article');
const statusLine = document.getElementById('status');
const retryButton = document.getElementById('retry');
const versionLine = document.getElementById('version');
const languageButton = document.getElementById('ui-language');
const draftBox = document.getElementById('keep-draft');
const updateBanner = document.getElementById('update-banner');
const offlineNote = document.getElementById('offline-note');
const largeBox = document.getElementById('large-text');
const largeSummary = document.getElementById('large-text-summary');
/** @type {import('../lib/stance-map-element.js').StanceMap} */
const results = document.getElementById('results');

let locale = 'en';
let t = pageStrings.en;
/** The status shown, kept as a function of the strings so that a language switch redraws it. */
let status = { state: 'loading', message: (s) => s.loading };
let analyserReady = false;
let requestId = 0;
let debounceTimer = 0;
let draftTimer = 0;
/** The text when it is too large for the text box ({text, bytes}), else null. */
let large = null;
/** The article tabs; set once the page is wired up. */
let tabs = null;

// ---- interface language ------------------------------------------------------------------------

function storedLocale() {
  try {
    const value = localStorage.getItem(UI_LANGUAGE_KEY);
    return value === 'ar' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

function applyLocale(next) {
  locale = next;
  t = pageStrings[locale];
  const root = document.documentElement;
  root.lang = locale;
  root.dir = directionOf(locale);
  document.title = locale === 'en' ? 'stancemap' : `${t.title} · stancemap`;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const value = t[node.dataset.i18n];
    if (typeof value === 'string') node.textContent = value;
  }
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) {
    const value = t[node.dataset.i18nAriaLabel];
    if (typeof value === 'string') node.setAttribute('aria-label', value);
  }
  tabs?.relabel(t);
  const other = locale === 'ar' ? 'en' : 'ar';
  languageButton.lang = other;
  languageButton.dir = directionOf(other);
  languageButton.setAttribute('aria-label', t.otherLanguageName);
  if (versionLine.dataset.version) versionLine.textContent = t.version(versionLine.dataset.version);
  renderStatus();
  // <stance-map> watches the root's lang and redraws itself.
}

languageButton.addEventListener('click', () => {
  const next = locale === 'ar' ? 'en' : 'ar';
  try {
    localStorage.setItem(UI_LANGUAGE_KEY, next);
  } catch {
    // Not remembered; the switch still applies now.
  }
  applyLocale(next);
});

// ---- status -------------------------------------------------------------------------------------

function setStatus(state, message, { retry = false } = {}) {
  status = { state, message };
  retryButton.hidden = !retry;
  renderStatus();
}

function renderStatus() {
  statusLine.dataset.state = status.state;
  document.body.dataset.state = status.state;
  statusLine.textContent = status.message(t);
  if (large) {
    const mb = (large.bytes / 1e6).toFixed(1);
    largeSummary.textContent = status.state === 'analysing' ? t.largeTextAnalysing(mb) : t.largeText(mb);
  }
}

// ---- analysis -----------------------------------------------------------------------------------

function analyse(text) {
  clearTimeout(debounceTimer);
  if (text.trim() === '') {
    results.text = '';
    window.__stancemapLast = { id: ++requestId, text, analysis: null, ms: 0 };
    setStatus(analyserReady ? 'ready' : 'loading', (s) => (analyserReady ? s.empty : s.loading));
    return;
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) {
    refuse(bytes);
    return;
  }
  setStatus('analysing', (s) => s.analysing);
  results.text = text;
}

function refuse(bytes) {
  results.clear();
  window.__stancemapLast = { id: ++requestId, text: null, analysis: null, ms: 0, refused: bytes };
  setStatus('too-large', (s) => s.tooLarge((bytes / 1e6).toFixed(1)));
}

// For tests and the curious: what became of the analysis requests (see analyser.counts).
window.__stancemapCounts = () => analyser.counts;

results.addEventListener('analysis', (event) => {
  const { text, analysis, ms, provisional, refined } = event.detail;
  // For tests and the curious: the last analysis shown, with the text it belongs to.
  window.__stancemapLast = { id: ++requestId, text, analysis, ms, provisional, refined };
  // A provisional analysis (no name model yet) is shown, and the page says a refined one follows.
  if (provisional) setStatus('refining', (s) => s.refining(ms, s.languages[analysis.language] ?? analysis.language));
  else setStatus('done', (s) => s.done(ms, s.languages[analysis.language] ?? analysis.language));
});

results.addEventListener('analysiserror', (event) => {
  const { text, kind, message } = event.detail;
  window.__stancemapLast = { id: ++requestId, text, analysis: null, ms: 0, error: kind };
  switch (kind) {
    case 'too-large':
      setStatus('too-large', (s) => s.tooLarge((utf8Length(text) / 1e6).toFixed(1)));
      break;
    case 'crashed':
      setStatus('error', (s) => s.crashed, { retry: true });
      break;
    case 'timeout':
      setStatus('error', (s) => s.timeout, { retry: true });
      break;
    case 'load':
      setStatus('error', (s) => s.loadFailed(message), { retry: true });
      break;
    default:
      setStatus('error', (s) => s.failed(message), { retry: true });
  }
});

retryButton.addEventListener('click', () => {
  if (!analyserReady) loadAnalyser();
  analyse(currentText());
  if (!large) textarea.focus();
});

// ---- a text too large for the text box ----------------------------------------------------------

/** The article: the large text when there is one, else the text box's. */
function currentText() {
  return large?.text ?? textarea.value;
}

/** Puts `text` (`bytes` of UTF-8, over LARGE_TEXT_BYTES) in place of the text box and analyses it. */
function showLargeText(text, bytes) {
  const hadFocus = document.activeElement === textarea;
  large = { text, bytes };
  clearTimeout(draftTimer); // a save of the box's old text must not overwrite this one
  textarea.value = '';
  textarea.hidden = true;
  largeBox.hidden = false;
  analyse(text);
  if (draftBox.checked) saveDraft(text);
  if (hadFocus) document.getElementById('large-text-edit').focus();
}

function leaveLargeText() {
  if (!large) return;
  large = null;
  largeBox.hidden = true;
  textarea.hidden = false;
}

document.getElementById('large-text-edit').addEventListener('click', () => {
  // The reader asked for it: the text goes into the box, however long that takes to lay out.
  const { text } = large;
  // The direction first: laid out under dir="auto", megabytes of text take minutes (direction.js).
  textarea.dir = directionFor(text);
  textarea.value = text;
  leaveLargeText();
  textarea.focus();
});

// ---- the article box ----------------------------------------------------------------------------

/**
 * A paste or drop is checked before the text box takes it: above the limit it is refused; above
 * LARGE_TEXT_BYTES it is kept out of the box (showLargeText); a long one gets its direction set
 * first (see direction.js), as laying out that much text under dir="auto" would hold up the page.
 * Returns false when the text box is not to take the insertion.
 */
function beforeInsert(event, inserted) {
  if (!inserted) return true;
  const { value, selectionStart, selectionEnd } = textarea;
  const before = value.slice(0, selectionStart);
  const after = value.slice(selectionEnd);
  const bytes = utf8Length(before) + utf8Length(inserted) + utf8Length(after);
  if (bytes > MAX_INPUT_BYTES) {
    event.preventDefault();
    refuse(bytes);
    return false;
  }
  if (bytes > LARGE_TEXT_BYTES) {
    event.preventDefault();
    showLargeText(before + inserted + after, bytes);
    return false;
  }
  const length = before.length + inserted.length + after.length;
  // V8 concatenates lazily, so the head of a long text costs little to build.
  textarea.dir = length <= AUTO_DIR_LIMIT ? 'auto' : firstStrongDirection(before + inserted + after);
  return true;
}

/**
 * The text a table-bearing HTML paste should become: its tables as tab-separated rows (the
 * form the analyser reads), the rest as paragraphs. The HTML is parsed by DOMParser into an
 * inert document (parseInert: no script runs, nothing loads) and only the text of its nodes
 * is read; none of it ever becomes part of this page.
 * Null when the clipboard's HTML holds no data table: the browser's plain-text paste is right.
 */
function tableAwareText(clipboard) {
  const html = clipboard?.getData('text/html');
  if (!html || html.length > MAX_INPUT_BYTES || !/<table[\s>]/i.test(html)) return null;
  const doc = parseInert(html);
  return hasDataTable(doc) ? textOf(doc.body) : null;
}

/** Inserts `text` at the caret as typing would, keeping the browser's undo history where it can. */
function insertAtCaret(text) {
  textarea.focus();
  if (!document.execCommand('insertText', false, text)) {
    textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

textarea.addEventListener('paste', (event) => {
  const table = tableAwareText(event.clipboardData);
  if (!beforeInsert(event, table ?? event.clipboardData?.getData('text/plain'))) return;
  if (table === null) return;
  event.preventDefault();
  insertAtCaret(table);
});

textarea.addEventListener('drop', (event) => {
  const table = tableAwareText(event.dataTransfer);
  if (!beforeInsert(event, table ?? event.dataTransfer?.getData('text/plain'))) return;
  if (table === null) return;
  event.preventDefault();
  insertAtCaret(table);
});

textarea.addEventListener('input', () => {
  // Back to dir="auto" once the text is short again.
  const dir = directionFor(textarea.value);
  if (textarea.dir !== dir) textarea.dir = dir;
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => analyse(textarea.value), DEBOUNCE_MS);
  if (draftBox.checked) {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(() => saveDraft(textarea.value), DRAFT_DEBOUNCE_MS);
  }
});

function setText(text) {
  const bytes = utf8Length(text);
  if (bytes > LARGE_TEXT_BYTES && bytes <= MAX_INPUT_BYTES) {
    showLargeText(text, bytes);
    return;
  }
  leaveLargeText();
  textarea.dir = directionFor(text);
  textarea.value = text;
  analyse(text);
  if (draftBox.checked) saveDraft(text);
}

for (const button of document.querySelectorAll('button.sample')) {
  button.addEventListener('click', () => setText(SAMPLES[button.dataset.sample]));
}

document.getElementById('clear').addEventListener('click', () => {
  setText('');
  textarea.focus();
});

draftBox.addEventListener('change', () => setDraftEnabled(draftBox.checked, currentText()));

// ---- updates ------------------------------------------------------------------------------------

const updateServiceWorker = setUpServiceWorker({
  onNeedRefresh() {
    updateBanner.hidden = false;
  },
  onOfflineReady() {
    offlineNote.hidden = false;
  },
});

document.getElementById('update-now').addEventListener('click', () => {
  // The reader asked for this reload: their text (every tab's) comes back with the new version.
  carryOver(currentText());
  carryOverArticles({ articles: tabs.articles, current: tabs.current });
  updateServiceWorker(true);
});

document.getElementById('update-later').addEventListener('click', () => {
  updateBanner.hidden = true;
});

function loadAnalyser() {
  preload().then(
    (version) => {
      analyserReady = true;
      window.__stancemapVersion = version;
      versionLine.dataset.version = version;
      versionLine.textContent = t.version(version);
      if (status.state === 'loading') setStatus('ready', (s) => (currentText() ? s.ready : s.empty));
    },
    (error) => setStatus('error', (s) => s.loadFailed(error.message), { retry: true }),
  );
}

// ---- start --------------------------------------------------------------------------------------

applyLocale(storedLocale() ?? pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language]));
tabs = new ArticleTabs({ currentText, setText, status: (message) => setStatus('notice', message) }, t);
draftBox.checked = draftEnabled();
loadAnalyser();
const restored = takeCarryOver() || loadDraft();
if (restored) setText(restored);
const carried = takeCarriedArticles();
if (carried) tabs.restore(carried);
const shared = sharedArticle(location);
if (shared) {
  // Shared text is not to be shared again by a reload or a bookmark of this address.
  history.replaceState(null, '', location.pathname);
  if (shared.text === null) {
    setStatus('notice', (s) => s.sharedUrl);
  } else if (currentText().trim() === '') {
    setText(shared.text);
  } else if (tabs.add(shared.text)) {
    setStatus('notice', (s) => s.sharedText);
  }
}
