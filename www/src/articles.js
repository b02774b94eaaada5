// Several articles on the page: a tab per article (up to MAX_COMPARED), each shown in the one
// text box and <stance-map> in turn, and a Compare tab showing <stance-map-compare> over all of
// them. The article texts live here, in memory only, as the single text lives in the text box.

import { MAX_COMPARED } from '../lib/stance-map-compare-element.js';

export class ArticleTabs {
  /** [{text, label}], one per tab. */
  #articles = [{ text: '', label: '' }];
  #current = 0;
  #view = 'article';
  #tablist;
  #compareTab;
  #articleView;
  #compareView;
  #comparison;
  #nameInput;
  #addButton;
  #removeButton;
  #hooks;
  #t;

  /**
   * `hooks`: currentText() → the text being edited; setText(text) puts a text in the box and
   * analyses it; status(message) shows a page status message.
   */
  constructor(hooks, t) {
    this.#hooks = hooks;
    this.#t = t;
    this.#tablist = document.getElementById('tabs');
    this.#compareTab = document.getElementById('tab-compare');
    this.#articleView = document.getElementById('article-view');
    this.#compareView = document.getElementById('compare-view');
    this.#comparison = document.getElementById('comparison');
    this.#nameInput = document.getElementById('article-name');
    this.#addButton = document.getElementById('add-article');
    this.#removeButton = document.getElementById('remove-article');
    this.#addButton.addEventListener('click', () => this.add());
    this.#removeButton.addEventListener('click', () => this.remove(this.#current));
    this.#compareTab.addEventListener('click', () => this.showCompare());
    this.#nameInput.addEventListener('input', () => {
      this.#articles[this.#current].label = this.#nameInput.value;
    });
    this.#tablist.addEventListener('keydown', (event) => this.#onKeydown(event));
    this.#comparison.addEventListener('evidence', (event) => this.#showEvidence(event.detail));
    this.#render();
  }

  /** The articles: [{text, label}] (the one being edited with its current text). */
  get articles() {
    this.#keep();
    return this.#articles.map((a) => ({ ...a }));
  }

  /** The index of the article shown (or last shown, while the comparison is). */
  get current() {
    return Math.max(0, this.#current);
  }

  /** Puts back tabs carried over a reload ({articles, current}, as articles and current give). */
  restore({ articles, current }) {
    this.#articles = articles.slice(0, MAX_COMPARED).map(({ text, label }) => ({ text, label }));
    if (this.#articles.length === 0) this.#articles = [{ text: '', label: '' }];
    this.#current = -1;
    this.select(Math.min(Math.max(0, current), this.#articles.length - 1));
  }

  get count() {
    return this.#articles.length;
  }

  /** Redraws the tabs in another interface language. */
  relabel(t) {
    this.#t = t;
    this.#render();
  }

  /** Adds an empty article (or one holding `text`) and shows it; false when there are already MAX_COMPARED. */
  add(text = '') {
    this.#keep();
    if (this.#articles.length >= MAX_COMPARED) {
      this.#hooks.status((s) => s.maxArticles);
      return false;
    }
    this.#articles.push({ text, label: '' });
    this.select(this.#articles.length - 1);
    document.getElementById('article').focus();
    return true;
  }

  /** Removes article `i` (never the last one left). */
  remove(i) {
    if (this.#articles.length <= 1) return;
    this.#keep();
    this.#articles.splice(i, 1);
    this.#current = -1; // nothing to keep: the text box held the removed one
    this.select(Math.min(i, this.#articles.length - 1));
  }

  /** Shows article `i` in the text box and the results. */
  select(i) {
    this.#keep();
    const changed = i !== this.#current;
    this.#current = i;
    this.#view = 'article';
    if (changed) this.#hooks.setText(this.#articles[i].text);
    this.#nameInput.value = this.#articles[i].label;
    this.#render();
  }

  /** Shows the comparison of every article with text. */
  showCompare() {
    this.#keep();
    this.#view = 'compare';
    this.#comparison.texts = this.#articles.filter((a) => a.text.trim() !== '').map((a) => ({ text: a.text, label: a.label.trim() || undefined }));
    this.#render();
  }

  #keep() {
    if (this.#current >= 0 && this.#view === 'article') this.#articles[this.#current].text = this.#hooks.currentText();
  }

  #tabs() {
    return [...this.#tablist.querySelectorAll('[role="tab"]')];
  }

  #render() {
    const t = this.#t;
    for (const tab of this.#tablist.querySelectorAll('.article-tab')) tab.remove();
    this.#articles.forEach((_, i) => {
      const selected = this.#view === 'article' && i === this.#current;
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'tab article-tab';
      tab.id = `tab-${i}`;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', 'article-view');
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      tab.textContent = t.articleTab(i + 1);
      tab.addEventListener('click', () => this.select(i));
      this.#compareTab.before(tab);
    });
    const comparing = this.#view === 'compare';
    this.#compareTab.setAttribute('aria-selected', String(comparing));
    this.#compareTab.tabIndex = comparing ? 0 : -1;
    this.#articleView.hidden = comparing;
    this.#compareView.hidden = !comparing;
    this.#articleView.setAttribute('aria-labelledby', `tab-${Math.max(0, this.#current)}`);
    this.#addButton.setAttribute('aria-disabled', String(this.#articles.length >= MAX_COMPARED));
    this.#removeButton.hidden = this.#articles.length <= 1;
    document.body.dataset.view = this.#view;
  }

  /** Arrow keys move between tabs (the ARIA tabs pattern); Home and End to the first and last. */
  #onKeydown(event) {
    const tabs = this.#tabs();
    const at = tabs.indexOf(document.activeElement);
    if (at < 0) return;
    const rtl = getComputedStyle(this.#tablist).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next = null;
    if (step) next = (at + step + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    tabs[next].click();
    this.#tabs()[next]?.focus();
  }

  /** A claim chosen in the comparison: its article, with that position's evidence marked. */
  #showEvidence({ article, span }) {
    const compared = this.#articles.filter((a) => a.text.trim() !== '');
    const target = this.#articles.indexOf(compared[article]);
    if (target < 0) return;
    const results = document.getElementById('results');
    // The comparison was made from the refined analyses: a provisional one (no name model yet)
    // may lack the claim, and the refined one that follows would clear the selection.
    const onAnalysis = (event) => {
      if (event.detail.provisional) return;
      results.removeEventListener('analysis', onAnalysis);
      const index = event.detail.analysis.positions.findIndex((p) => p.span[0] === span[0] && p.span[1] === span[1]);
      if (index >= 0) results.select(index);
    };
    results.addEventListener('analysis', onAnalysis);
    this.#current = -1; // the text box holds no article while the comparison is shown
    this.select(target);
  }
}
