// <stance-map>: analyses an article and shows its actors, their positions, the comparison table
// and the article with each actor's mentions highlighted, in its shadow DOM.
//
// The text comes from, in this order: the `text` property; the element a `for` attribute names
// (an id, or failing that a CSS selector, e.g. the site's <article>); the element's own content.
// Framework-free; all article text reaches the DOM as text nodes or textContent, never markup.

import { interfaceOf } from './i18n.js';
import { directionFor } from './direction.js';
import { analyser, AnalysisError } from './analyser.js';
import { textOf } from './plain-text.js';
import { tableToCSV, tableToElement, tableToJSON, tableToMarkdown, tableToTSV } from './table-export.js';
import { css } from './styles.js';

/** Distinct highlight colours; actor i gets colour i mod COLOURS. */
const COLOURS = 8;

/**
 * How much of one analysis is put in the page: beyond these the rest is left out with a note,
 * so that an analysis of a very long text (up to the 10 MB input limit) cannot hold up the page.
 */
const LIMITS = { actors: 200, positions: 1000, rows: 500, articleChars: 300_000, marks: 20_000, cellChars: 2_000 };

/** An article longer than this (UTF-16 units) overflows the article view's maximum height. */
const LONG_ARTICLE_CHARS = 20_000;

/**
 * `text` cut to `limit` UTF-16 units with an ellipsis, never between the halves of a surrogate
 * pair. For table cells and evidence: a derived cell gathers an actor's positions, megabytes of
 * them in a long enough text, and laying out one such cell holds up the page for over a second.
 * The exports and the `analysis` property keep the whole text.
 */
function shortened(text, limit = LIMITS.cellChars) {
  const value = String(text ?? '');
  if (value.length <= limit) return value;
  const cut = /[\uD800-\uDBFF]/.test(value[limit - 1]) ? limit - 1 : limit;
  return `${value.slice(0, cut)}…`;
}

/** The sections the `sections` attribute can name, in the order they are shown. */
const SECTIONS = ['status', 'actors', 'positions', 'table', 'export', 'article'];

/** The element's states, also exposed as custom states (stance-map:state(done)). */
const STATES = ['empty', 'analysing', 'refining', 'done', 'error'];

/** Quiet time after the last change to the source element before it is read again. */
const SOURCE_DEBOUNCE_MS = 300;

const DOWNLOADS = {
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8', render: tableToCSV },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8', render: tableToMarkdown },
  json: { extension: 'json', type: 'application/json', render: tableToJSON },
};

let sharedSheet = null;

/** One constructed stylesheet for every instance; a <style> only where that is unsupported. */
function adoptStyles(shadow) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(css);
    }
    shadow.adoptedStyleSheets = [sharedSheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

export class StanceMap extends HTMLElement {
  static observedAttributes = ['for', 'sections', 'heading-level', 'language', 'loading'];

  static define(tag = 'stance-map', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #root;
  #status;
  #body;
  #internals = null;
  /** Text given through the `text` property; null when the text comes from the page. */
  #explicitText = null;
  /** After show(): the element shows what it was given and reads no source until told to. */
  #manual = false;
  #text = '';
  #analysis = null;
  #state = 'empty';
  #error = null;
  #selected = -1;
  #focused = null;
  #article = null;
  #generation = 0;
  #timer = 0;
  #sourceObserver = null;
  #langObserver = null;
  #visibility = null;
  #visible = true;
  #waitingToBeSeen = false;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    this.#root = el('div', { class: 'root', part: 'root' });
    // A live region must exist before its text changes to be announced, so it is never replaced.
    this.#status = el('p', { class: 'status', part: 'status', role: 'status' });
    this.#body = el('div', { class: 'sections' });
    this.#root.append(this.#status, this.#body);
    shadow.append(this.#root);
    this.#root.addEventListener('keydown', (event) => this.#onKeydown(event));
    try {
      this.#internals = this.attachInternals();
    } catch {
      // No ElementInternals: the state is still readable from the `state` property.
    }
  }

  connectedCallback() {
    this.#langObserver ??= new MutationObserver(() => this.#render());
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
    if (this.getAttribute('loading') === 'lazy' && 'IntersectionObserver' in window && !this.#visibility) {
      this.#visible = false;
      this.#visibility = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#visible = true;
        this.#visibility.disconnect();
        this.#visibility = null;
        if (this.#waitingToBeSeen) this.#readSource();
      }, { rootMargin: '200px' });
      this.#visibility.observe(this);
    }
    this.#render();
    this.#sourceChanged();
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    this.#sourceObserver?.disconnect();
    this.#langObserver?.disconnect();
    this.#visibility?.disconnect();
    this.#visibility = null;
    this.#visible = true;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'for' || name === 'language') this.#sourceChanged();
    else if (name === 'sections' || name === 'heading-level') this.#render();
  }

  /** The text analysed (or being analysed). Setting it analyses that text instead of the page's. */
  get text() {
    return this.#explicitText ?? this.#text;
  }

  set text(value) {
    this.#manual = false;
    this.#explicitText = value === null || value === undefined ? null : String(value);
    this.#sourceChanged();
  }

  /** The analysis shown, or null. */
  get analysis() {
    return this.#analysis;
  }

  /**
   * 'empty', 'analysing', 'refining' (a provisional analysis from the lexicon and patterns is
   * shown while the name model comes), 'done' or 'error'.
   */
  get state() {
    return this.#state;
  }

  /** Why the last analysis failed (an AnalysisError), when the state is 'error'. */
  get error() {
    return this.#state === 'error' ? this.#error : null;
  }

  /** Shows a ready-made `analysis` of `text`; the element stops reading its source until `text` is set or refresh() is called. */
  show(text, analysis) {
    this.#manual = true;
    this.#generation++;
    analyser.cancel(this);
    clearTimeout(this.#timer);
    this.#sourceObserver?.disconnect();
    this.#text = String(text ?? '');
    this.#analysis = analysis;
    this.#selected = -1;
    this.#focused = null;
    this.#setState(analysis ? 'done' : 'empty');
    this.#render();
  }

  /** Forgets the current analysis. */
  clear() {
    this.show('', null);
  }

  /** Reads the source again and analyses it; resolves when done. */
  refresh() {
    this.#manual = false;
    clearTimeout(this.#timer);
    return this.#readSource();
  }

  /** Marks position `index` (its evidence) in the article view and brings it into view. */
  select(index) {
    this.#selected = index;
    for (const button of this.#body.querySelectorAll('button.position')) {
      button.setAttribute('aria-pressed', String(Number(button.dataset.index) === index));
    }
    this.#renderArticle();
    const evidence = this.#body.querySelector('.article-text .evidence');
    if (evidence) {
      evidence.scrollIntoView({ block: 'center', behavior: motion() });
      evidence.focus({ preventScroll: true });
    }
  }

  /** Puts one actor in focus (its mentions, positions and table column stand out), or none. */
  focusActor(id) {
    const actors = this.#analysis?.actors ?? [];
    this.#focused = id !== null && id !== undefined && actors.some((actor) => actor.id === id) ? id : null;
    this.#applyFocus();
    const view = this.#body.querySelector('.article-text');
    const first = view?.querySelector('mark.mention[data-focused]');
    if (first) view.scrollTo({ top: Math.max(0, first.offsetTop - view.clientHeight / 3), behavior: motion() });
  }

  // ---- source and analysis ------------------------------------------------------------------

  #sourceChanged(delay = 0) {
    if (!this.isConnected || this.#manual) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#readSource(), delay);
  }

  #readSource() {
    if (!this.#visible) {
      this.#waitingToBeSeen = true;
      return Promise.resolve();
    }
    this.#waitingToBeSeen = false;
    this.#sourceObserver?.disconnect();
    if (this.#explicitText !== null) return this.#analyse(this.#explicitText);
    const target = this.hasAttribute('for') ? this.#forTarget() : this;
    if (!target) {
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => this.#sourceChanged(), { once: true });
        return Promise.resolve();
      }
      this.#generation++;
      this.#fail(new AnalysisError('source', `stance-map: nothing matches for="${this.getAttribute('for')}"`), '');
      return Promise.resolve();
    }
    this.#sourceObserver ??= new MutationObserver(() => this.#sourceChanged(SOURCE_DEBOUNCE_MS));
    this.#sourceObserver.observe(target, {
      childList: true, characterData: true, subtree: true,
      attributes: true, attributeFilter: ['hidden', 'aria-hidden', 'data-stance-map-skip'],
    });
    return this.#analyse(target === this ? this.#ownText() : textOf(target));
  }

  /**
   * The element's own content: plain text as written (its line breaks are the article's
   * paragraphs, only the indentation of the markup is dropped), or, if it holds elements, their
   * text as textOf reads it.
   */
  #ownText() {
    if (this.children.length > 0) return textOf(this);
    return this.textContent.split('\n').map((line) => line.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  }

  /** The element `for` names: an id in this element's tree, or else the first match of a selector. */
  #forTarget() {
    const value = this.getAttribute('for')?.trim();
    if (!value) return null;
    const root = this.getRootNode();
    const byId = root.getElementById?.(value);
    if (byId) return byId;
    try {
      return root.querySelector?.(value) ?? null;
    } catch {
      return null; // neither an id nor a valid selector
    }
  }

  async #analyse(text) {
    const generation = ++this.#generation;
    if (text.trim() === '') {
      analyser.cancel(this); // the text being analysed is gone
      this.#text = text;
      this.#analysis = null;
      this.#setState('empty');
      this.#render();
      return;
    }
    this.#setState('analysing');
    this.#renderStatus();
    const language = this.getAttribute('language');
    const options = language === 'ar' || language === 'en' ? { language } : undefined;
    // Before the name model of the text's language has arrived, the analysis from the lexicon and
    // patterns is shown at once ('refining'), then the refined one.
    const onProvisional = ({ analysis, ms }) => {
      if (generation !== this.#generation) return;
      this.#show(text, analysis, 'refining');
      this.#emit('analysis', { text, analysis, ms, provisional: true, refined: false });
    };
    try {
      const { analysis, ms, refined } = await analyser.request(text, { options, key: this, onProvisional });
      if (generation !== this.#generation) return;
      if (text.length > LONG_ARTICLE_CHARS) {
        // Rendering a long text's analysis is a task of its own, after the one that parsed it,
        // so that the page is not held up for both at once.
        await new Promise((resolve) => setTimeout(resolve));
        if (generation !== this.#generation) return;
      }
      this.#show(text, analysis, 'done');
      this.#emit('analysis', { text, analysis, ms, provisional: false, refined: refined === true });
    } catch (error) {
      if (generation !== this.#generation || error?.kind === 'superseded') return;
      this.#fail(error, text);
    }
  }

  /** Shows the analysis of `text`, keeping the actor in focus when it is still there. */
  #show(text, analysis, state) {
    const sameActor = analysis.actors?.some((actor) => actor.id === this.#focused);
    this.#text = text;
    this.#analysis = analysis;
    this.#selected = -1;
    if (!sameActor) this.#focused = null;
    this.#setState(state);
    this.#render();
  }

  #fail(error, text) {
    this.#text = text;
    this.#analysis = null;
    this.#error = error;
    this.#setState('error');
    this.#render();
    this.#emit('analysiserror', {
      text,
      kind: error?.kind ?? 'failed',
      message: String(error?.message ?? error),
      detail: error?.detail,
    });
  }

  #setState(state) {
    this.#state = state;
    const states = this.#internals?.states;
    if (!states) return;
    try {
      for (const name of STATES) states.delete(name);
      states.add(state);
    } catch {
      // Browsers with only the older dashed custom-state syntax: `state` still tells.
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- rendering ----------------------------------------------------------------------------

  /** Interface language and direction: see `interfaceOf`. */
  #ui() {
    return interfaceOf(this);
  }

  #sections() {
    const value = this.getAttribute('sections');
    if (value === null) return new Set(SECTIONS);
    return new Set(value.toLowerCase().split(/[\s,]+/).filter((name) => SECTIONS.includes(name)));
  }

  #headingLevel() {
    const level = Number.parseInt(this.getAttribute('heading-level') ?? '2', 10);
    return Number.isInteger(level) ? Math.min(5, Math.max(1, level)) : 2;
  }

  #render() {
    const ui = this.#ui();
    this.#root.lang = ui.locale;
    this.#root.dir = ui.dir;
    this.#renderStatus(ui);
    const sections = this.#sections();
    const analysis = this.#analysis;
    if (!analysis) {
      this.#article = null;
      this.#body.replaceChildren();
      return;
    }
    const actors = Array.isArray(analysis.actors) ? analysis.actors : [];
    const context = {
      t: ui.t,
      ui,
      actors,
      colourOf: new Map(actors.map((actor, i) => [actor.id, i % COLOURS])),
      dir: analysis.language === 'ar' ? 'rtl' : analysis.language === 'en' ? 'ltr' : 'auto',
      level: this.#headingLevel(),
      sections,
    };
    const parts = [];
    if (sections.has('actors')) parts.push(this.#actorsSection(context));
    if (sections.has('positions')) parts.push(this.#positionsSection(context));
    if (sections.has('table') || sections.has('export')) parts.push(this.#tableSection(context));
    this.#article = sections.has('article') ? this.#section(context, 'article', ui.t.article) : null;
    if (this.#article) parts.push(this.#article);
    this.#body.replaceChildren(...parts);
    this.#renderArticle();
    this.#applyFocus();
  }

  #renderStatus(ui = this.#ui()) {
    const { t } = ui;
    const shown = this.#sections().has('status');
    this.#status.hidden = !shown;
    this.#status.dataset.state = this.#state;
    let message = '';
    if (this.#state === 'analysing') message = t.analysing;
    else if ((this.#state === 'done' || this.#state === 'refining') && this.#analysis) {
      message = t.found(this.#analysis.actors?.length ?? 0, this.#analysis.positions?.length ?? 0);
      if (this.#state === 'refining') message += ` ${t.refining}`;
    } else if (this.#state === 'error') message = t.errors[this.#error?.kind] ?? t.errors.failed;
    if (this.#status.textContent !== message) this.#status.textContent = message;
  }

  #section({ level }, name, title) {
    const id = `stance-map-${name}-heading`;
    // Not named, so not landmarks: two elements on a page would repeat the same landmark names.
    const box = el('section', { class: `panel panel-${name}`, part: `section ${name}` });
    box.append(el(`h${level}`, { id, class: 'panel-heading', part: 'heading' }, title));
    return box;
  }

  #actorsSection(context) {
    const { t, actors, colourOf, dir } = context;
    const box = this.#section(context, 'actors', t.actors);
    if (actors.length === 0) {
      box.append(note(t.noActors));
      return box;
    }
    const list = el('ul', { class: 'actor-list', dir });
    for (const actor of actors.slice(0, LIMITS.actors)) {
      const item = el('li', { class: 'actor', part: 'actor', 'data-actor': actor.id, 'data-colour': colourOf.get(actor.id) });
      // The name is the keyboard's way in; a click anywhere on the card does the same.
      const name = el('button', {
        type: 'button', class: 'actor-name', part: 'actor-name', dir: 'auto', 'aria-pressed': 'false', title: t.focusActor,
      }, actor.name ?? '');
      item.addEventListener('click', () => {
        this.focusActor(this.#focused === actor.id ? null : actor.id);
        name.focus({ preventScroll: true }); // so that the keyboard (Escape, Tab) carries on from here
      });
      item.append(el('div', { class: 'actor-head' }, name,
        this.#uiText(context, 'badge kind', t.kinds[actor.kind] ?? actor.kind ?? '', { 'data-kind': actor.kind, part: 'badge' })));
      if (actor.role) item.append(el('div', { class: 'actor-role', dir: 'auto' }, actor.role));
      const aliases = (Array.isArray(actor.aliases) ? actor.aliases : []).filter((alias) => alias !== actor.name);
      if (aliases.length > 0) {
        const line = el('div', { class: 'actor-aliases' }, this.#uiText(context, 'aliases-label', t.aliases), ' ');
        // The list separator of the article's language: the aliases are its words.
        const separator = this.#analysis?.language === 'ar' ? '، ' : ', ';
        aliases.forEach((alias, i) => {
          if (i > 0) line.append(separator);
          line.append(el('bdi', { class: 'alias' }, alias));
        });
        item.append(line);
      }
      const count = Array.isArray(actor.mentions) ? actor.mentions.length : 0;
      const salience = clamp01(Number(actor.salience));
      const meter = el('div', {
        class: 'salience', part: 'meter', role: 'meter', 'aria-label': t.salience,
        'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(Math.round(salience * 100)),
      });
      const fill = el('span', { class: 'salience-fill' });
      fill.style.inlineSize = `${Math.round(salience * 100)}%`;
      meter.append(fill);
      item.append(el('div', { class: 'actor-stats' },
        this.#uiText(context, 'mention-count', t.mentions(count)), meter,
        el('span', { class: 'salience-value', title: t.salience, 'aria-hidden': 'true' }, `${Math.round(salience * 100)}%`)));
      list.append(item);
    }
    box.append(list);
    if (actors.length > LIMITS.actors) box.append(note(t.notShown(actors.length - LIMITS.actors)));
    return box;
  }

  #positionsSection(context) {
    const { t, actors, colourOf, dir, level, sections } = context;
    const box = this.#section(context, 'positions', t.positions);
    const positions = Array.isArray(this.#analysis?.positions) ? this.#analysis.positions : [];
    if (positions.length === 0) {
      box.append(note(t.noPositions));
      return box;
    }
    // Evidence can only be shown in the text when the article view is there.
    const linked = sections.has('article');
    // Grouped by actor, in the order of the actor list; positions naming an unknown actor last.
    const groups = new Map(actors.map((actor) => [actor.id, { actor, items: [] }]));
    positions.slice(0, LIMITS.positions).forEach((position, index) => {
      if (!groups.has(position.actor)) groups.set(position.actor, { actor: { id: position.actor, name: position.actor }, items: [] });
      groups.get(position.actor).items.push({ position, index });
    });
    const wrapper = el('div', { class: 'position-groups', dir });
    for (const { actor, items } of groups.values()) {
      if (items.length === 0) continue;
      const group = el('section', { class: 'position-group', 'data-actor': actor.id, 'data-colour': colourOf.get(actor.id) ?? '' });
      const heading = el(`h${level + 1}`, { class: 'position-actor', part: 'position-actor' });
      heading.append(el('span', { class: 'swatch', 'aria-hidden': 'true' }), el('bdi', {}, actor.name ?? ''));
      const list = el('ul', { class: 'position-list' });
      for (const { position, index } of items) {
        const stance = this.#uiText(context, 'badge stance', t.stances[position.stance] ?? position.stance ?? '', {
          'data-stance': position.stance, part: 'badge stance',
        });
        const evidence = el('span', { class: 'evidence-text', dir: 'auto' }, shortened(position.text));
        const item = linked
          ? el('button', {
            type: 'button', class: 'position', part: 'position', 'data-index': index,
            'data-stance': position.stance, 'aria-pressed': 'false', title: t.showInArticle,
          }, stance, evidence)
          : el('div', { class: 'position', part: 'position', 'data-stance': position.stance }, stance, evidence);
        if (linked) item.addEventListener('click', () => this.select(index));
        list.append(el('li', {}, item));
      }
      group.append(heading, list);
      wrapper.append(group);
    }
    box.append(wrapper);
    if (positions.length > LIMITS.positions) box.append(note(t.notShown(positions.length - LIMITS.positions)));
    return box;
  }

  #tableSection(context) {
    const { t, colourOf, dir, sections } = context;
    const table = this.#analysis?.table;
    const box = this.#section(context, 'table', t.table);
    const rows = Array.isArray(table?.rows) ? table.rows : [];
    const headers = Array.isArray(table?.headers) ? table.headers : [];
    if (!table || (rows.length === 0 && headers.length === 0)) {
      box.append(note(t.noTable));
      return box;
    }
    box.dataset.source = table.source;
    box.append(el('p', { class: 'table-source', 'data-source': table.source }, t[table.source] ?? table.source ?? ''));
    if (sections.has('table')) {
      const columns = Array.isArray(table.columns) ? table.columns : [];
      // Focusable so that a keyboard can scroll a wide table; a group named by the heading. The
      // scroller takes the table's direction, so that a wide right-to-left table starts scrolled
      // to its first column.
      const scroller = el('div', {
        class: 'table-scroll', dir, tabindex: '0', role: 'group', 'aria-labelledby': 'stance-map-table-heading',
      });
      const grid = el('table', { class: 'comparison', part: 'comparison', dir, 'data-source': table.source });
      const headRow = el('tr');
      headRow.append(el('th', { scope: 'col', dir: 'auto' }, table.aspect_label ?? t.aspect));
      headers.forEach((header, i) => {
        const id = columns[i];
        const th = el('th', { scope: 'col', 'data-actor': id ?? '', 'data-colour': colourOf.get(id) ?? '' });
        th.append(el('span', { class: 'swatch', 'aria-hidden': 'true' }), el('bdi', {}, header ?? ''));
        headRow.append(th);
      });
      const body = el('tbody');
      for (const row of rows.slice(0, LIMITS.rows)) {
        const tr = el('tr');
        tr.append(el('th', { scope: 'row', dir: 'auto' }, shortened(row?.aspect)));
        (Array.isArray(row?.cells) ? row.cells : []).forEach((cell, i) => {
          tr.append(el('td', { dir: 'auto', 'data-actor': columns[i] ?? '', 'data-colour': colourOf.get(columns[i]) ?? '' }, shortened(cell)));
        });
        body.append(tr);
      }
      grid.append(el('thead', {}, headRow), body);
      scroller.append(grid);
      box.append(scroller);
      if (rows.length > LIMITS.rows) box.append(note(t.notShown(rows.length - LIMITS.rows)));
    }
    if (sections.has('export')) box.append(this.#exportBar(context));
    return box;
  }

  #exportBar({ t, dir }) {
    const label = el('span', { class: 'export-label', id: 'stance-map-export-label' }, t.exportLabel);
    const bar = el('div', { class: 'export', part: 'export', role: 'group', 'aria-labelledby': 'stance-map-export-label' });
    const status = el('span', { class: 'export-status', role: 'status' });
    const button = (text, title, action) => {
      const node = el('button', { type: 'button', part: 'button', title }, text);
      node.addEventListener('click', () => action(status));
      return node;
    };
    bar.append(
      label,
      button(t.copy, t.copyTitle, (out) => this.#copyTable(out, dir)),
      button('CSV', t.csvTitle, (out) => this.#download('csv', out)),
      button('Markdown', t.markdownTitle, (out) => this.#download('markdown', out)),
      button('JSON', t.jsonTitle, (out) => this.#download('json', out)),
      status,
    );
    return bar;
  }

  /** Copies the table as tab-separated text (spreadsheets) and as an HTML table (documents). */
  async #copyTable(status, dir) {
    const { t } = this.#ui();
    const table = this.#analysis?.table;
    if (!table) return;
    const tsv = tableToTSV(table, t.aspect);
    try {
      if (typeof ClipboardItem === 'function' && navigator.clipboard?.write) {
        const html = tableToElement(table, t.aspect, document, dir).outerHTML;
        await navigator.clipboard.write([new ClipboardItem({
          'text/plain': new Blob([tsv], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        })]);
      } else {
        await navigator.clipboard.writeText(tsv);
      }
      status.textContent = t.copied;
    } catch {
      status.textContent = t.copyFailed;
    }
  }

  #download(format, status) {
    const { t } = this.#ui();
    const table = this.#analysis?.table;
    if (!table) return;
    const { extension, type, render } = DOWNLOADS[format];
    const name = `stancemap-table.${extension}`;
    const url = URL.createObjectURL(new Blob([render(table, t.aspect)], { type }));
    const link = el('a', { href: url, download: name, hidden: '' });
    this.#body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    status.textContent = t.downloaded(name);
  }

  /** A span of interface text, isolated in the interface's direction and language. */
  #uiText({ ui }, className, text, attributes = {}) {
    return el('span', { class: className, dir: ui.dir, lang: ui.locale, ...attributes }, text);
  }

  #renderArticle() {
    const box = this.#article;
    if (!box) return;
    box.querySelector('.article-text')?.remove();
    box.querySelector('.article-cut')?.remove();
    const { t } = this.#ui();
    const actors = Array.isArray(this.#analysis?.actors) ? this.#analysis.actors : [];
    const position = this.#analysis?.positions?.[this.#selected];
    const view = el('div', {
      class: this.#text.length > LONG_ARTICLE_CHARS ? 'article-text long' : 'article-text', part: 'article-text', dir: directionFor(this.#text),
      tabindex: '0', role: 'group', 'aria-labelledby': 'stance-map-article-heading',
    });
    view.append(highlightedArticle(this.#text, actors, position?.span, LIMITS.articleChars));
    const evidence = view.querySelector('.evidence');
    if (evidence) {
      const back = el('button', { type: 'button', class: 'back-link', part: 'back-link', 'aria-label': t.backToPosition, title: t.backToPosition });
      back.addEventListener('click', () => this.#backToPosition());
      evidence.after(back);
    }
    // A click on a mention puts its actor in focus (the actor list is the keyboard's way).
    view.addEventListener('click', (event) => {
      const mark = event.target.closest?.('mark.mention');
      if (mark) this.focusActor(this.#focused === mark.dataset.actor ? null : mark.dataset.actor);
    });
    box.append(view);
    if (this.#text.length > LIMITS.articleChars) {
      box.append(el('p', { class: 'empty-note article-cut' }, t.articleCut(LIMITS.articleChars)));
    }
    if (this.#focused) this.#applyFocus();
  }

  #backToPosition() {
    const button = this.#body.querySelector(`button.position[data-index="${this.#selected}"]`);
    button?.scrollIntoView({ block: 'nearest', behavior: motion() });
    button?.focus({ preventScroll: true });
  }

  #applyFocus() {
    const id = this.#focused;
    if (id === null) delete this.#root.dataset.focus;
    else this.#root.dataset.focus = id;
    for (const node of this.#body.querySelectorAll('[data-actor]')) {
      node.toggleAttribute('data-focused', id !== null && node.dataset.actor === id);
    }
    for (const button of this.#body.querySelectorAll('button.actor-name')) {
      button.setAttribute('aria-pressed', String(button.closest('.actor')?.dataset.actor === id));
    }
  }

  #onKeydown(event) {
    if (event.key !== 'Escape') return;
    if (event.target.closest?.('.article-text') && this.#selected >= 0) {
      this.#backToPosition();
      event.preventDefault();
    } else if (this.#focused !== null) {
      this.focusActor(null);
      event.preventDefault();
    }
  }
}

/**
 * A fragment holding `text` with every actor mention as a <mark> (data-start/data-end are the
 * UTF-16 offsets, which JS string indices already are) and, if `span` is given, that range
 * wrapped in <span class="evidence">. Overlapping mentions keep the earlier, longer one; the
 * evidence range widens to whole mentions so that it never splits a mark. Only the first
 * `limit` UTF-16 units are shown.
 */
export function highlightedArticle(fullText, actors, span, limit = Infinity) {
  let text = fullText;
  if (text.length > limit) {
    // Never cut between the two halves of a surrogate pair.
    const cut = /[\uD800-\uDBFF]/.test(text[limit - 1] ?? '') ? limit - 1 : limit;
    text = text.slice(0, cut);
  }
  const marks = [];
  actors.forEach((actor, i) => {
    for (const mention of Array.isArray(actor.mentions) ? actor.mentions : []) {
      const [start, end] = Array.isArray(mention) ? mention : [];
      if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length) {
        marks.push({ start, end, actor: actor.id, name: actor.name, colour: i % COLOURS });
      }
    }
  });
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const mark of marks) {
    if (kept.length >= LIMITS.marks) break;
    if (kept.length === 0 || mark.start >= kept[kept.length - 1].end) kept.push(mark);
  }

  let [from, to] = Array.isArray(span) ? span : [-1, -1];
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from < to && to <= text.length)) {
    from = to = -1;
  } else {
    for (const mark of kept) {
      if (mark.start < from && from < mark.end) from = mark.start;
      if (mark.start < to && to < mark.end) to = mark.end;
    }
  }

  // Pieces of the text in order: plain runs and marks; plain runs are cut at the evidence bounds
  // so that every piece lies wholly inside or wholly outside the evidence span.
  const pieces = [];
  const pushPlain = (a, b) => {
    const cuts = [a, ...[from, to].filter((c) => c > a && c < b), b];
    for (let i = 0; i + 1 < cuts.length; i++) pieces.push({ start: cuts[i], end: cuts[i + 1] });
  };
  let cursor = 0;
  for (const mark of kept) {
    if (cursor < mark.start) pushPlain(cursor, mark.start);
    pieces.push({ start: mark.start, end: mark.end, mark });
    cursor = mark.end;
  }
  if (cursor < text.length) pushPlain(cursor, text.length);

  const root = document.createDocumentFragment();
  let evidence = null;
  for (const piece of pieces) {
    const content = text.slice(piece.start, piece.end);
    const node = piece.mark
      ? el('mark', {
        class: 'mention',
        part: 'mention',
        'data-actor': piece.mark.actor,
        'data-colour': piece.mark.colour,
        'data-start': piece.start,
        'data-end': piece.end,
        title: piece.mark.name ?? '',
      }, content)
      : document.createTextNode(content);
    if (from >= 0 && piece.start >= from && piece.end <= to) {
      if (!evidence) root.append((evidence = el('span', { class: 'evidence', part: 'evidence', tabindex: '-1' })));
      evidence.append(node);
    } else {
      root.append(node);
    }
  }
  return root;
}

function note(text) {
  return el('p', { class: 'empty-note' }, text);
}

function clamp01(x) {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function motion() {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** createElement with attributes and children; strings become text nodes. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}
