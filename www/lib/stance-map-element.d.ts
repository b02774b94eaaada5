import type { Actor, Analysis, Span } from './types.js';
import type { AnalysisErrorKind } from './index.js';

/** Sections the `sections` attribute can list (space-separated); all are shown by default. */
export type StanceMapSection = 'status' | 'actors' | 'positions' | 'table' | 'export' | 'article';

/**
 * 'refining': an analysis from the lexicon and patterns alone is shown while the name model of
 * the text's language is still coming (first analysis in that language); a refined one follows.
 */
export type StanceMapState = 'empty' | 'analysing' | 'refining' | 'done' | 'error';

/** `event.detail` of the `analysis` event. */
export interface StanceMapAnalysisDetail {
  /** The text analysed; the analysis's offsets index into it. */
  text: string;
  analysis: Analysis;
  /** Time the analysis took in the worker, in milliseconds. */
  ms: number;
  /**
   * Made from the lexicon and patterns alone, before the name model of the text's language
   * arrived: a refined analysis of the same text follows in another `analysis` event.
   */
  provisional: boolean;
  /** Replaces a provisional analysis of the same text, now with the name model. */
  refined: boolean;
}

/** `event.detail` of the `analysiserror` event. */
export interface StanceMapErrorDetail {
  text: string;
  kind: AnalysisErrorKind;
  message: string;
  /** The panic message, when the analyser panicked. */
  detail?: string;
}

export interface StanceMapEventMap extends HTMLElementEventMap {
  /** An analysis is shown (bubbles, composed). */
  analysis: CustomEvent<StanceMapAnalysisDetail>;
  /** An analysis failed (bubbles, composed). */
  analysiserror: CustomEvent<StanceMapErrorDetail>;
}

/**
 * `<stance-map>`: analyses an article and shows its actors, positions, comparison table and
 * highlighted text in shadow DOM.
 *
 * The text comes from the `text` property, else the element named by the `for` attribute (an id,
 * or a CSS selector), else the element's own content. Attributes: `for`, `sections`,
 * `heading-level` (1–5, default 2), `language` ("ar" or "en": skip detection), `loading="lazy"`
 * (wait until scrolled near). Interface language and direction come from the closest ancestor's
 * `lang` and `dir`.
 */
export class StanceMap extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Defines the element (once) as `tag` in `registry`; returns the class. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof StanceMap;

  /** The text analysed. Setting it analyses that text (null: back to `for` or the content). */
  get text(): string;
  set text(value: string | null);
  /** The analysis shown, or null. */
  readonly analysis: Analysis | null;
  readonly state: StanceMapState;
  /** Why the last analysis failed, when `state` is 'error'. */
  readonly error: (Error & { kind: AnalysisErrorKind; detail?: string }) | null;

  /** Shows a ready-made analysis of `text`; the element reads no source until `text` is set or refresh() is called. */
  show(text: string, analysis: Analysis | null): void;
  /** Forgets the current analysis. */
  clear(): void;
  /** Reads the source again and analyses it. */
  refresh(): Promise<void>;
  /** Marks position `index`'s evidence in the article view and moves focus there. */
  select(index: number): void;
  /** Puts one actor in focus (its mentions, positions and table column stand out); null for none. */
  focusActor(id: string | null): void;

  addEventListener<K extends keyof StanceMapEventMap>(
    type: K, listener: (this: StanceMap, event: StanceMapEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof StanceMapEventMap>(
    type: K, listener: (this: StanceMap, event: StanceMapEventMap[K]) => unknown, options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/**
 * `text` with each mention as a <mark> and `span` (if given) wrapped in <span class="evidence">;
 * only the first `limit` UTF-16 units are shown.
 */
export function highlightedArticle(text: string, actors: Actor[], span?: Span, limit?: number): DocumentFragment;

declare global {
  interface HTMLElementTagNameMap {
    'stance-map': StanceMap;
  }
}
