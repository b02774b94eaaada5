import type { Analysis, Comparison, Span } from './types.js';
import type { AnalysisErrorKind } from './index.js';

/** The most articles <stance-map-compare> compares (6). */
export const MAX_COMPARED: number;

/** An article to compare: its text, and the name of its column (default: its first line). */
export interface ComparedText {
  text: string;
  label?: string;
}

export type StanceMapCompareState = 'empty' | 'analysing' | 'done' | 'error';

export interface StanceMapCompareEventMap extends HTMLElementEventMap {
  /** A comparison is shown (bubbles, composed). */
  comparison: CustomEvent<{ texts: Required<ComparedText>[]; analyses: Analysis[]; comparison: Comparison }>;
  /** An analysis or the comparison failed (bubbles, composed). */
  analysiserror: CustomEvent<{ texts: Required<ComparedText>[]; kind: AnalysisErrorKind; message: string }>;
  /** A claim in a cell was chosen: where its evidence is in that article's text (bubbles, composed). */
  evidence: CustomEvent<{ article: number; row: number; actor: string; position: number; span: Span; text: string }>;
}

/**
 * `<stance-map-compare>`: several articles about one event side by side, actors aligned across
 * them (and across Arabic and English). The texts come from the `texts` property, else from the
 * elements whose ids the `for` attribute lists (space-separated; a `data-label` names a column).
 * `heading-level` (1–5, default 2). Interface language and direction from the closest ancestor,
 * as `<stance-map>`; theming by the same custom properties and parts.
 */
export class StanceMapCompare extends HTMLElement {
  static define(tag?: string, registry?: CustomElementRegistry): typeof StanceMapCompare;
  /** The articles compared; set strings or {text, label} objects (at most MAX_COMPARED). */
  get texts(): Required<ComparedText>[];
  set texts(value: Iterable<string | ComparedText> | null);
  readonly comparison: Comparison | null;
  readonly analyses: Analysis[];
  readonly state: StanceMapCompareState;
  readonly error: Error | null;
  /** Reads the texts again and compares them. */
  refresh(): Promise<void>;
  addEventListener<K extends keyof StanceMapCompareEventMap>(type: K, listener: (this: StanceMapCompare, ev: StanceMapCompareEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof StanceMapCompareEventMap>(type: K, listener: (this: StanceMapCompare, ev: StanceMapCompareEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The first non-empty line of a text, cut to 60 characters: a column's default label. */
export function firstLine(text: string): string;

declare global {
  interface HTMLElementTagNameMap {
    'stance-map-compare': StanceMapCompare;
  }
}
