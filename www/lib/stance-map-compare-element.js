// <stance-map-compare>: several articles about one event side by side. Each text is analysed by
// the page's shared analyser, the analyses compared (compare in the worker), and the result shown
// in its shadow DOM: a summary line per article, a table with a row per aligned actor and a
// column per article, the differences, and exports.
//
// The texts come from the `texts` property (strings, or {text, label} objects), or else from the
// elements the `for` attribute names (ids separated by spaces). Article text reaches the DOM as
// textContent only; each article's cells are laid out in that article's direction.

import { interfaceOf } from './i18n.js';
import { analyser } from './analyser.js';
import { textOf } from './plain-text.js';
import { comparisonTable, comparisonToCSV, comparisonToJSON, comparisonToMarkdown } from './compare-export.js';
import { css } from './styles.js';
import { compareCss } from './compare-styles.js';

/** The most articles compared at once: beyond, a table of columns a reader cannot take in. */
export const MAX_COMPARED = 6;

/** Quiet time after the last change to a source element before the texts are read again. */
const SOURCE_DEBOUNCE_MS = 300;

/** A label made from the article's first line, this long at most. */
const LABEL_CHARS = 60;

const STATES = ['empty', 'analysing', 'done', 'error'];

let sharedSheets = null;

function adoptStyles(shadow) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sharedSheets) {
      sharedSheets = [css, compareCss].map((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return sheet;
      });
    }
    shadow.adoptedStyleSheets = sharedSheets;
  } else {
    const style = document.createElement('style');
    style.textContent = `${css}\n${compareCss}`;
    shadow.append(style);
  }
}

/** The first non-empty line of `text`, cut to LABEL_CHARS. */
export function firstLine(text) {
  const line = String(text ?? '').split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.length > LABEL_CHARS ? `${line.slice(0, LABEL_CHARS - 1)}…` : line;
}

function directionOfLanguage(language) {
  return language === 'ar' ? 'rtl' : language === 'en' ? 'ltr' : 'auto';
}

export class StanceMapCompare extends HTMLElement {
  static observedAttributes = ['for', 'heading-level'];

  static define(tag = 'stance-map-compare', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #root;
  #status;
  #body;
  #internals = null;
  #texts = null;
  #articles = [];
  #analyses = [];
  #comparison = null;
  #state = 'empty';
  #error = null;
  #generation = 0;
  #timer = 0;
  #sourceObserver = null;
  #langObserver = null;
  /** One key per article slot, so that newer text for a slot supersedes only that slot's request. */
  #keys = Array.from({ length: MAX_COMPARED }, () => ({}));
  #compareKey = {};

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    this.#root = el('div', { class: 'root', part: 'root' });
    this.#status = el('p', { class: 'status', part: 'status', role: 'status' });
    this.#body = el('div', { class: 'sections' });
    this.#root.append(this.#status, this.#body);
    shadow.append(this.#root);
    try {
      this.#internals = this.attachInternals();
    } catch {
      // No ElementInternals: `state` still tells.
    }
  }

  connectedCallback() {
    this.#langObserver ??= new MutationObserver(() => this.#render());
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
    this.#render();
    this.#sourceChanged();
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    this.#sourceObserver?.disconnect();
    this.#langObserver?.disconnect();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'for') this.#sourceChanged();
    else this.#render();
  }

  /** The articles compared: [{text, label}]. Setting it (strings or {text, label}) compares those. */
  get texts() {
    return this.#articles.map(({ text, label }) => ({ text, label }));
  }

  set texts(value) {
    this.#texts = value === null || value === undefined ? null : Array.from(value);
    this.#sourceChanged();
  }

  /** The comparison shown (the output of compare), or null. */
  get comparison() {
    return this.#comparison;
  }

  /** The analysis of each article compared, in order. */
  get analyses() {
    return this.#analyses.slice();
  }

  /** 'empty', 'analysing', 'done' or 'error'. */
  get state() {
    return this.#state;
  }

  /** Why the comparison failed (an AnalysisError or RangeError), when the state is 'error'. */
  get error() {
    return this.#state === 'error' ? this.#error : null;
  }

  /** Reads the texts again and compares them; resolves when done. */
  refresh() {
    clearTimeout(this.#timer);
    return this.#readSource();
  }

  // ---- source and comparison ------------------------------------------------------------------

  #sourceChanged(delay = 0) {
    if (!this.isConnected) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#readSource(), delay);
  }

  #readSource() {
    this.#sourceObserver?.disconnect();
    if (this.#texts !== null) return this.#compare(this.#texts.map((item) => (typeof item === 'string' ? { text: item } : { text: String(item?.text ?? ''), label: item?.label })));
    const ids = (this.getAttribute('for') ?? '').split(/\s+/).filter(Boolean);
    const root = this.getRootNode();
    const targets = ids.map((id) => root.getElementById?.(id)).filter(Boolean);
    if (targets.length > 0) {
      this.#sourceObserver ??= new MutationObserver(() => this.#sourceChanged(SOURCE_DEBOUNCE_MS));
      for (const target of targets) this.#sourceObserver.observe(target, { childList: true, characterData: true, subtree: true });
    }
    return this.#compare(targets.map((target) => ({ text: textOf(target), label: target.getAttribute('data-label') ?? target.getAttribute('aria-label') ?? undefined })));
  }

  async #compare(items) {
    const generation = ++this.#generation;
    const { t } = this.#ui();
    const articles = items
      .filter((item) => item.text.trim() !== '')
      .map((item, i) => ({ text: item.text, label: String(item.label ?? '').trim() || firstLine(item.text) || t.compare.articleLabel(i + 1) }));
    this.#articles = articles;
    if (articles.length > MAX_COMPARED) {
      this.#fail(new RangeError(`stance-map-compare: at most ${MAX_COMPARED} articles are compared; ${articles.length} given`));
      return;
    }
    if (articles.length < 2) {
      this.#analyses = [];
      this.#comparison = null;
      this.#setState('empty');
      this.#render();
      return;
    }
    this.#setState('analysing');
    this.#renderStatus();
    try {
      const results = await Promise.all(articles.map((article, i) => analyser.request(article.text, { key: this.#keys[i] })));
      if (generation !== this.#generation) return;
      const analyses = results.map((r) => r.analysis);
      const { comparison } = await analyser.compare(analyses, { labels: articles.map((a) => a.label), key: this.#compareKey });
      if (generation !== this.#generation) return;
      this.#analyses = analyses;
      this.#comparison = comparison;
      this.#setState('done');
      this.#render();
      this.#emit('comparison', { texts: this.texts, analyses, comparison });
    } catch (error) {
      if (generation !== this.#generation || error?.kind === 'superseded') return;
      this.#fail(error);
    }
  }

  #fail(error) {
    this.#comparison = null;
    this.#error = error;
    this.#setState('error');
    this.#render();
    this.#emit('analysiserror', { texts: this.texts, kind: error?.kind ?? 'failed', message: String(error?.message ?? error) });
  }

  #setState(state) {
    this.#state = state;
    const states = this.#internals?.states;
    if (!states) return;
    try {
      for (const name of STATES) states.delete(name);
      states.add(state);
    } catch {
      // Older custom-state syntax only.
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- rendering ------------------------------------------------------------------------------

  /** Interface language and direction: see `interfaceOf`. */
  #ui() {
    return interfaceOf(this);
  }

  #level() {
    const level = Number.parseInt(this.getAttribute('heading-level') ?? '2', 10);
    return Number.isInteger(level) ? Math.min(5, Math.max(1, level)) : 2;
  }

  #renderStatus(ui = this.#ui()) {
    const { t } = ui;
    this.#status.dataset.state = this.#state;
    const c = this.#comparison;
    const messages = {
      empty: t.compare.needTwo,
      analysing: t.compare.comparing,
      done: c ? t.compare.compared(c.articles.length, c.actors.length) : '',
      error: this.#error?.kind && t.errors[this.#error.kind] ? t.errors[this.#error.kind] : String(this.#error?.message ?? t.errors.failed),
    };
    this.#status.textContent = messages[this.#state] ?? '';
  }

  #render() {
    const ui = this.#ui();
    this.#root.lang = ui.locale;
    this.#root.dir = ui.dir;
    this.#renderStatus(ui);
    const c = this.#comparison;
    if (!c || this.#state !== 'done') {
      this.#body.replaceChildren();
      return;
    }
    const context = { ...ui, c, level: this.#level() };
    this.#body.replaceChildren(this.#summarySection(context), this.#tableSection(context), this.#differencesSection(context));
  }

  #section({ level }, name, heading) {
    const id = `stance-map-compare-${name}-heading`;
    const box = el('section', { class: `panel ${name}`, part: `section ${name}`, 'aria-labelledby': id });
    box.append(el(`h${level}`, { class: 'panel-heading', part: 'heading', id }, heading));
    return box;
  }

  /** The article's label, isolated and in the article's own direction. */
  #label(c, i) {
    const article = c.articles[i];
    return el('bdi', { dir: 'auto', lang: article.language === 'und' ? undefined : article.language }, article.label);
  }

  #summarySection(context) {
    const { t, c, ...ui } = context;
    const box = this.#section(context, 'summary', t.compare.articles);
    const list = el('ol', { class: 'article-summaries' });
    c.articles.forEach((article, i) => {
      const most = article.quoted_most === null || article.quoted_most === undefined ? null : c.actors[article.quoted_most];
      const mostName = most ? (most.articles[i]?.name ?? most.name) : '';
      const separator = ui.locale === 'ar' ? '؛ ' : '; ';
      const line = el('span', { class: 'summary-line' }, t.compare.summary(article.actors, article.positions));
      if (mostName) line.append(separator, t.compare.quotedMost, ' ', el('bdi', { dir: 'auto' }, mostName));
      line.append('.');
      list.append(el('li', { 'data-article': i }, el('strong', {}, this.#label(c, i)), ' ', line));
    });
    box.append(list);
    return box;
  }

  #tableSection(context) {
    const { t, c, dir } = context;
    const box = this.#section(context, 'table', t.compare.heading);
    const scroller = el('div', { class: 'table-scroll', dir, tabindex: '0', role: 'group', 'aria-labelledby': 'stance-map-compare-table-heading' });
    const grid = el('table', { class: 'comparison compare-grid', part: 'comparison', dir });
    const head = el('tr', {}, el('th', { scope: 'col' }, t.compare.actor));
    c.articles.forEach((article, i) => head.append(el('th', { scope: 'col', 'data-article': i }, this.#label(c, i))));
    const body = el('tbody');
    c.actors.forEach((row, r) => {
      const tr = el('tr', { 'data-row': r, 'data-key': row.key ?? '' });
      const name = el('th', { scope: 'row' }, el('bdi', { dir: 'auto' }, row.name));
      name.append(el('span', { class: 'badge kind', 'data-kind': row.kind }, t.kinds[row.kind] ?? row.kind));
      tr.append(name);
      row.articles.forEach((entry, i) => tr.append(this.#cell(context, entry, i, r)));
      body.append(tr);
    });
    grid.append(el('thead', {}, head), body);
    scroller.append(grid);
    box.append(scroller, this.#exportBar(context));
    return box;
  }

  #cell({ t, c }, entry, article, row) {
    const language = c.articles[article].language;
    // Interface words are laid out in the interface's direction, claims in their article's.
    if (!entry) return el('td', { 'data-article': article, 'data-absent': '' }, el('span', { class: 'absent' }, t.compare.absent));
    if (entry.positions.length === 0) return el('td', { 'data-article': article }, el('span', { class: 'not-quoted' }, t.compare.notQuoted(entry.mentions)));
    const td = el('td', { 'data-article': article, dir: directionOfLanguage(language), lang: language === 'und' ? undefined : language });
    const list = el('ul', { class: 'cell-positions' });
    entry.positions.forEach((position, p) => {
      const badge = el('span', { class: 'badge stance', part: 'badge stance', 'data-stance': position.stance, dir: this.#root.dir, lang: this.#root.lang }, t.stances[position.stance] ?? position.stance);
      const claim = el('button', { type: 'button', class: 'claim', part: 'button', title: t.compare.showEvidence }, position.text);
      claim.addEventListener('click', () => this.#emit('evidence', { article, row, actor: entry.actor, position: p, span: position.span, text: position.text }));
      list.append(el('li', {}, badge, ' ', claim));
    });
    td.append(list);
    return td;
  }

  #differencesSection(context) {
    const { t, c } = context;
    const box = this.#section(context, 'differences', t.compare.differences);
    if (c.differences.length === 0) {
      box.append(el('p', { class: 'empty-note' }, t.compare.noDifferences));
      return box;
    }
    const list = el('ul', { class: 'difference-list' });
    for (const d of c.differences) {
      const actor = c.actors[d.actor];
      const name = el('strong', {}, el('bdi', { dir: 'auto' }, actor?.name ?? ''));
      if (d.kind === 'only-in') {
        list.append(el('li', { 'data-kind': d.kind }, name, ': ', t.compare.onlyIn, ' ', this.#label(c, d.article)));
      } else if (d.kind === 'opposite-stances') {
        const side = (s) => el('span', { class: 'side' },
          el('span', { class: 'badge stance', 'data-stance': s.stance }, t.stances[s.stance] ?? s.stance), ' ',
          t.compare.quotes[0], el('bdi', { dir: 'auto' }, s.text), `${t.compare.quotes[1]} (`, this.#label(c, s.article), ')');
        list.append(el('li', { 'data-kind': d.kind }, name, ': ', t.compare.opposite, ' — ', side(d.first), ' / ', side(d.second)));
      }
    }
    box.append(list);
    return box;
  }

  #exportBar({ t }) {
    const label = el('span', { class: 'export-label', id: 'stance-map-compare-export-label' }, t.compare.exportLabel);
    const bar = el('div', { class: 'export', part: 'export', role: 'group', 'aria-labelledby': 'stance-map-compare-export-label' });
    const status = el('span', { class: 'export-status', role: 'status' });
    const button = (text, title, format) => {
      const node = el('button', { type: 'button', part: 'button', title }, text);
      node.addEventListener('click', () => this.#download(format, status));
      return node;
    };
    bar.append(label, button('CSV', t.csvTitle, 'csv'), button('Markdown', t.markdownTitle, 'markdown'), button('JSON', t.jsonTitle, 'json'), status);
    return bar;
  }

  #download(format, status) {
    const { t } = this.#ui();
    const c = this.#comparison;
    if (!c) return;
    const names = { actor: t.compare.actor, named: t.compare.notQuoted, stanceName: (s) => t.stances[s] ?? s };
    const formats = {
      csv: ['csv', 'text/csv;charset=utf-8', () => comparisonToCSV(c, names)],
      markdown: ['md', 'text/markdown;charset=utf-8', () => comparisonToMarkdown(c, names)],
      json: ['json', 'application/json', () => comparisonToJSON(c)],
    };
    const [extension, type, render] = formats[format];
    const name = `stancemap-comparison.${extension}`;
    const url = URL.createObjectURL(new Blob([render()], { type }));
    const link = el('a', { href: url, download: name, hidden: '' });
    this.#body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    status.textContent = t.downloaded(name);
  }
}

export { comparisonTable };

/** createElement with attributes and children; strings become text nodes. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}
