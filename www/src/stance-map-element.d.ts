/** One actor mention: UTF-16 offsets, so `text.slice(start, end)` is the mention. */
export type Span = [start: number, end: number];

export interface Actor {
  id: string;
  name: string;
  kind: 'person' | 'country' | 'organization' | 'group';
  role: string | null;
  aliases: string[];
  mentions: Span[];
  salience: number;
}

export type Stance =
  | 'supports' | 'opposes' | 'proposes' | 'demands' | 'threatens'
  | 'warns' | 'accuses' | 'rejects' | 'agrees' | 'states';

export interface Position {
  actor: string;
  stance: Stance;
  text: string;
  span: Span;
  sentence: Span;
}

export interface ComparisonTable {
  source: 'explicit' | 'derived';
  aspect_label: string | null;
  columns: string[];
  headers: string[];
  rows: { aspect: string; cells: string[] }[];
}

export interface Analysis {
  language: 'ar' | 'en' | 'und';
  actors: Actor[];
  positions: Position[];
  table: ComparisonTable;
}

/** Renders one analysis: actors, positions, the comparison table and the highlighted article. */
export class StanceMap extends HTMLElement {
  static define(tag?: string, registry?: CustomElementRegistry): typeof StanceMap;
  /** Shows `analysis` of `text`. */
  show(text: string, analysis: Analysis): void;
  /** Forgets the current analysis. */
  clear(): void;
  /** Highlights position `index` in the article view. */
  select(index: number): void;
  readonly analysis: Analysis | null;
  readonly text: string;
}

/** `text` with each mention as a <mark> and `span` wrapped in <span class="evidence">. */
export function highlightedArticle(text: string, actors: Actor[], span?: Span): DocumentFragment;

declare global {
  interface HTMLElementTagNameMap {
    'stance-map': StanceMap;
  }
}
