// The text of a piece of a web page as its reader sees the structure: paragraphs and line
// breaks kept, and a data table as tab-separated lines, one row a line, which is the form of a
// pasted table the analyser reads (a header row naming the actors, then one row per aspect).
// Only the text of nodes is read: nothing here renders, runs or loads anything.

/** Elements whose content is not article text. */
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'video', 'audio', 'head', 'title', 'meta', 'link', 'button', 'select', 'textarea', 'input',
  'stance-map',
]);

/** Elements that end a line. */
const BLOCKS = new Set([
  'address', 'div', 'dd', 'dt', 'dl', 'li', 'main', 'nav', 'aside', 'form', 'fieldset', 'legend',
  'details', 'summary', 'dialog', 'figcaption', 'center', 'tr', 'caption', 'option', 'body',
]);

/** Elements that end a paragraph (a blank line follows them). */
const PARAGRAPHS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'table', 'figure',
  'article', 'section', 'header', 'footer', 'hr', 'hgroup',
]);

/** HTML's inter-element whitespace: runs of it collapse to one space when rendered. */
const WHITESPACE = /[ \t\n\r\f]+/g;

/**
 * The text of `html` (a string, e.g. the text/html flavour of the clipboard), read from
 * parseInert(html).
 */
export function htmlToText(html) {
  const doc = parseInert(html);
  return textOf(doc.body ?? doc.documentElement);
}

/** A start tag, its quoted attribute values (which may hold ">") included. */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g;
const NOISY_ATTRIBUTE = /(\s)(on[\w-]*|style)(\s*=)/gi;
const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

/**
 * `html` parsed by DOMParser into an inert document: it has no browsing context, so its scripts
 * do not run, its event handlers never fire and its images and styles are not fetched. Only the
 * text of its nodes is meant to be read.
 *
 * Even so, Chromium reports every inline event handler and style it meets while parsing as a
 * Content Security Policy violation of the page (blocked, but logged as an error), and pasted
 * rich text is full of style attributes. So style elements are dropped and `on…`/`style`
 * attribute names inside start tags are renamed first. That is for quiet consoles, not safety,
 * which comes from the inert document: an attribute this misses is still never run.
 */
export function parseInert(html) {
  const quiet = String(html)
    .replace(STYLE_ELEMENT, '')
    .replace(START_TAG, (tag) => tag.replace(NOISY_ATTRIBUTE, '$1data-inert-$2$3'));
  return new DOMParser().parseFromString(quiet, 'text/html');
}

/** True when `node` holds a data table: one of at least two rows and two columns with text. */
export function hasDataTable(node) {
  return [...node.querySelectorAll('table')].some((table) => dataTableRows(table) !== null);
}

/**
 * The text of a DOM node and its descendants, with paragraph breaks as blank lines, block
 * breaks as newlines and data tables as tab-separated lines. Skips scripts, styles, form
 * controls, hidden content and anything marked `data-stance-map-skip`.
 */
export function textOf(node) {
  const out = new TextBuilder();
  walk(node, out, false);
  return out.finish();
}

class TextBuilder {
  #parts = [];
  #line = '';
  /** 0: nothing pending; 1: a line break; 2: a paragraph break. */
  #pendingBreak = 0;

  inline(text) {
    this.#line += text;
  }

  /** Preformatted text, kept as it is. */
  verbatim(text) {
    this.#flush();
    this.#emit(text.replace(/\n+$/, ''));
  }

  lineBreak(strength) {
    this.#flush();
    this.#pendingBreak = Math.max(this.#pendingBreak, strength);
  }

  finish() {
    this.#flush();
    return this.#parts.join('');
  }

  #flush() {
    const line = this.#line.replace(WHITESPACE, ' ').trim();
    this.#line = '';
    if (line) this.#emit(line);
  }

  #emit(text) {
    if (!text) return;
    if (this.#parts.length > 0) this.#parts.push(this.#pendingBreak === 2 ? '\n\n' : '\n');
    this.#pendingBreak = 0;
    this.#parts.push(text);
  }

  /** A forced break inside a line (<br>). */
  hardBreak() {
    this.#flush();
    this.#pendingBreak = Math.max(this.#pendingBreak, 1);
  }
}

function isSkipped(element) {
  return SKIPPED.has(element.localName)
    || element.hasAttribute('hidden')
    || element.getAttribute('aria-hidden') === 'true'
    || element.hasAttribute('data-stance-map-skip');
}

function walk(node, out, singleLine) {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 /* text */ || child.nodeType === 4 /* CDATA */) {
      out.inline(child.data);
      continue;
    }
    if (child.nodeType !== 1 /* element */) continue;
    const name = child.localName;
    if (isSkipped(child)) continue;
    if (name === 'br') {
      if (singleLine) out.inline(' ');
      else out.hardBreak();
      continue;
    }
    if (singleLine) {
      // Inside a table cell everything is one line: a block inside it is just a word boundary.
      out.inline(' ');
      walk(child, out, true);
      out.inline(' ');
      continue;
    }
    if (name === 'pre') {
      out.lineBreak(2);
      out.verbatim(child.textContent);
      out.lineBreak(2);
      continue;
    }
    if (name === 'table') {
      const rows = dataTableRows(child);
      if (rows) {
        out.lineBreak(2);
        const caption = child.querySelector(':scope > caption');
        if (caption) out.verbatim(cellText(caption));
        for (const row of rows) {
          out.lineBreak(1);
          out.verbatim(row.join('\t'));
        }
        out.lineBreak(2);
        continue;
      }
      // A layout table (one row or one column): its cells are ordinary blocks.
    }
    const strength = PARAGRAPHS.has(name) ? 2 : BLOCKS.has(name) || name === 'td' || name === 'th' ? 1 : 0;
    if (strength) out.lineBreak(strength);
    walk(child, out, false);
    if (strength) out.lineBreak(strength);
  }
}

/** The rows of a table's own rows (not those of tables nested in its cells). */
function ownRows(table) {
  return [...table.querySelectorAll(':scope > tr, :scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr')];
}

/**
 * A table's cells as a grid of one-line strings, or null for a table that only lays out
 * content (fewer than two rows or two columns with text). Spanned cells keep the columns
 * aligned: a cell spanning several columns or rows leaves the others empty.
 */
function dataTableRows(table) {
  const grid = [];
  const carried = []; // column → rows still covered by a rowspan from above
  for (const tr of ownRows(table)) {
    const row = [];
    let column = 0;
    const takeCarried = () => {
      while (carried[column] > 0) {
        carried[column]--;
        row.push('');
        column++;
      }
    };
    for (const cell of tr.querySelectorAll(':scope > td, :scope > th')) {
      takeCarried();
      row.push(cellText(cell));
      const colspan = clampSpan(cell.getAttribute('colspan'), 1000);
      const rowspan = clampSpan(cell.getAttribute('rowspan'), 65534);
      for (let i = 0; i < colspan; i++) {
        if (i > 0) row.push('');
        if (rowspan > 1) carried[column + i] = Math.max(carried[column + i] ?? 0, rowspan - 1);
      }
      column += colspan;
    }
    takeCarried();
    grid.push(row);
  }
  const filled = grid.filter((row) => row.some((cell) => cell !== ''));
  const width = Math.max(0, ...filled.map((row) => row.length));
  if (filled.length < 2 || width < 2) return null;
  // Every line gets the same number of cells, so that columns stay columns.
  return filled.map((row) => [...row, ...Array(width - row.length).fill('')]);
}

function clampSpan(value, max) {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** A cell's text on one line: no tabs or newlines, which would break the row apart. */
function cellText(cell) {
  const out = new TextBuilder();
  walk(cell, out, true);
  return out.finish().replace(/[\t\n\r]+/g, ' ').trim();
}
