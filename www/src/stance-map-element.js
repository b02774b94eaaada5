// <stance-map>: renders one analysis (actors, positions, comparison table, and the article with
// each actor's mentions highlighted). Framework-free; all article text reaches the DOM as text
// nodes or textContent, never as markup.

import { dictionary, pickLocale } from './i18n.js';
import { directionFor } from './direction.js';

/** Distinct highlight colours; actor i gets colour i mod COLOURS (see style.css). */
const COLOURS = 8;

/**
 * How much of one analysis is put in the page: beyond these the rest is left out with a note,
 * so that an analysis of a very long text (up to the 10 MB input limit) cannot hold up the page.
 */
const LIMITS = { actors: 200, positions: 1000, rows: 500, articleChars: 300_000, marks: 20_000 };

export class StanceMap extends HTMLElement {
  static define(tag = 'stance-map', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #text = '';
  #analysis = null;
  #selected = -1;
  #article = null;
  /** dir and lang of the interface, for interface words inside article-direction containers. */
  #ui = { dir: 'ltr', lang: 'en' };

  /** The analysed text and the analysis object from the worker. */
  show(text, analysis) {
    this.#text = text;
    this.#analysis = analysis;
    this.#selected = -1;
    this.#render();
  }

  /** Forgets the current analysis. */
  clear() {
    this.#text = '';
    this.#analysis = null;
    this.#selected = -1;
    this.replaceChildren();
  }

  get analysis() {
    return this.#analysis;
  }

  get text() {
    return this.#text;
  }

  connectedCallback() {
    if (this.#analysis) this.#render();
  }

  // The interface language comes from the closest ancestor with a lang attribute, like a
  // built-in element's; the article's own language only sets the direction of its content.
  #strings() {
    const lang = this.closest('[lang]')?.getAttribute('lang') ?? 'en';
    return dictionary(pickLocale([lang]));
  }

  #render() {
    const t = this.#strings();
    const analysis = this.#analysis;
    const actors = Array.isArray(analysis?.actors) ? analysis.actors : [];
    const colourOf = new Map(actors.map((actor, i) => [actor.id, i % COLOURS]));
    const contentDir = analysis?.language === 'ar' ? 'rtl' : analysis?.language === 'en' ? 'ltr' : 'auto';
    this.#ui = {
      dir: this.closest('[dir]')?.getAttribute('dir') ?? 'ltr',
      lang: this.closest('[lang]')?.getAttribute('lang') ?? 'en',
    };

    this.#article = section('article', t.article);
    this.replaceChildren(
      this.#actorsSection(t, actors, colourOf, contentDir),
      this.#positionsSection(t, actors, colourOf, contentDir),
      this.#tableSection(t, analysis?.table, actors, colourOf, contentDir),
      this.#article,
    );
    this.#renderArticle();
  }

  #actorsSection(t, actors, colourOf, dir) {
    const box = section('actors', t.actors);
    if (actors.length === 0) {
      box.append(note(t.noActors));
      return box;
    }
    const list = el('ul', { class: 'actor-list', dir });
    for (const actor of actors.slice(0, LIMITS.actors)) {
      const item = el('li', { class: 'actor', 'data-actor': actor.id, 'data-colour': colourOf.get(actor.id) });
      const head = el('div', { class: 'actor-head' });
      head.append(
        el('span', { class: 'actor-name', dir: 'auto' }, actor.name),
        this.#uiText('badge kind', t.kinds[actor.kind] ?? actor.kind, { 'data-kind': actor.kind }),
      );
      item.append(head);
      if (actor.role) item.append(el('div', { class: 'actor-role', dir: 'auto' }, actor.role));
      const aliases = (actor.aliases ?? []).filter((alias) => alias !== actor.name);
      if (aliases.length > 0) {
        const line = el('div', { class: 'actor-aliases' }, this.#uiText('aliases-label', t.aliases), ' ');
        // The list separator of the article's language: the aliases are its words.
        const separator = this.#analysis?.language === 'ar' ? '، ' : ', ';
        aliases.forEach((alias, i) => {
          if (i > 0) line.append(separator);
          line.append(el('bdi', { class: 'alias' }, alias));
        });
        item.append(line);
      }
      const count = actor.mentions?.length ?? 0;
      const salience = clamp01(Number(actor.salience));
      const meter = el('div', {
        class: 'salience',
        role: 'meter',
        'aria-label': t.salience,
        'aria-valuemin': '0',
        'aria-valuemax': '1',
        'aria-valuenow': salience.toFixed(2),
      });
      const fill = el('span', { class: 'salience-fill' });
      fill.style.inlineSize = `${Math.round(salience * 100)}%`;
      meter.append(fill);
      const stats = el('div', { class: 'actor-stats' });
      stats.append(this.#uiText('mention-count', t.mentions(count)), meter,
        el('span', { class: 'salience-value', title: t.salience }, `${Math.round(salience * 100)}%`));
      item.append(stats);
      list.append(item);
    }
    box.append(list);
    if (actors.length > LIMITS.actors) box.append(note(t.notShown(actors.length - LIMITS.actors)));
    return box;
  }

  #positionsSection(t, actors, colourOf, dir) {
    const box = section('positions', t.positions);
    const positions = Array.isArray(this.#analysis?.positions) ? this.#analysis.positions : [];
    if (positions.length === 0) {
      box.append(note(t.noPositions));
      return box;
    }
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
      const heading = el('h3', { class: 'position-actor' });
      heading.append(el('span', { class: 'swatch', 'aria-hidden': 'true' }), el('bdi', {}, actor.name));
      const list = el('ul', { class: 'position-list' });
      for (const { position, index } of items) {
        const button = el('button', {
          type: 'button',
          class: 'position',
          'data-index': index,
          'data-stance': position.stance,
          'aria-pressed': 'false',
          title: t.showInArticle,
        });
        button.append(
          this.#uiText('badge stance', t.stances[position.stance] ?? position.stance, { 'data-stance': position.stance }),
          el('span', { class: 'evidence-text', dir: 'auto' }, position.text ?? ''),
        );
        button.addEventListener('click', () => this.select(index));
        list.append(el('li', {}, button));
      }
      group.append(heading, list);
      wrapper.append(group);
    }
    box.append(wrapper);
    if (positions.length > LIMITS.positions) box.append(note(t.notShown(positions.length - LIMITS.positions)));
    return box;
  }

  #tableSection(t, table, actors, colourOf, dir) {
    const box = section('table', t.table);
    const rows = Array.isArray(table?.rows) ? table.rows : [];
    const headers = Array.isArray(table?.headers) ? table.headers : [];
    if (!table || (rows.length === 0 && headers.length === 0)) {
      box.append(note(t.noTable));
      return box;
    }
    box.dataset.source = table.source;
    box.append(el('p', { class: 'table-source', 'data-source': table.source }, t[table.source] ?? table.source));
    const scroller = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t.table });
    const grid = el('table', { class: 'comparison', dir, 'data-source': table.source });
    const headRow = el('tr');
    headRow.append(el('th', { scope: 'col', dir: 'auto' }, table.aspect_label ?? t.aspect));
    headers.forEach((header, i) => {
      const id = table.columns?.[i];
      const th = el('th', { scope: 'col', 'data-actor': id ?? '', 'data-colour': colourOf.get(id) ?? '' });
      th.append(el('span', { class: 'swatch', 'aria-hidden': 'true' }), el('bdi', {}, header));
      headRow.append(th);
    });
    const body = el('tbody');
    for (const row of rows.slice(0, LIMITS.rows)) {
      const tr = el('tr');
      tr.append(el('th', { scope: 'row', dir: 'auto' }, row.aspect ?? ''));
      for (const cell of row.cells ?? []) tr.append(el('td', { dir: 'auto' }, cell ?? ''));
      body.append(tr);
    }
    grid.append(el('thead', {}, headRow), body);
    scroller.append(grid);
    box.append(scroller);
    if (rows.length > LIMITS.rows) box.append(note(t.notShown(rows.length - LIMITS.rows)));
    return box;
  }

  /** A span of interface text, isolated in the interface's direction and language. */
  #uiText(className, text, attributes = {}) {
    return el('span', { class: className, dir: this.#ui.dir, lang: this.#ui.lang, ...attributes }, text);
  }

  /** Highlights position `index` (its evidence span) in the article view. */
  select(index) {
    this.#selected = index;
    for (const button of this.querySelectorAll('button.position')) {
      button.setAttribute('aria-pressed', String(Number(button.dataset.index) === index));
    }
    this.#renderArticle();
    const evidence = this.querySelector('.article-text .evidence');
    evidence?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  #renderArticle() {
    const box = this.#article;
    if (!box) return;
    box.querySelector('.article-text')?.remove();
    box.querySelector('.article-cut')?.remove();
    const actors = Array.isArray(this.#analysis?.actors) ? this.#analysis.actors : [];
    const position = this.#analysis?.positions?.[this.#selected];
    const view = el('div', { class: 'article-text', dir: directionFor(this.#text) });
    view.append(highlightedArticle(this.#text, actors, position?.span, LIMITS.articleChars));
    box.append(view);
    if (this.#text.length > LIMITS.articleChars) {
      box.append(el('p', { class: 'empty-note article-cut' }, this.#strings().articleCut(LIMITS.articleChars)));
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
    for (const mention of actor.mentions ?? []) {
      const [start, end] = mention ?? [];
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
        'data-actor': piece.mark.actor,
        'data-colour': piece.mark.colour,
        'data-start': piece.start,
        'data-end': piece.end,
        title: piece.mark.name ?? '',
      }, content)
      : document.createTextNode(content);
    if (from >= 0 && piece.start >= from && piece.end <= to) {
      if (!evidence) root.append((evidence = el('span', { class: 'evidence', tabindex: '-1' })));
      evidence.append(node);
    } else {
      root.append(node);
    }
  }
  return root;
}

function section(name, title) {
  const id = `stance-map-${name}-heading`;
  const box = el('section', { class: `panel panel-${name}`, 'aria-labelledby': id });
  box.append(el('h2', { id }, title));
  return box;
}

function note(text) {
  return el('p', { class: 'empty-note' }, text);
}

function clamp01(x) {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
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
