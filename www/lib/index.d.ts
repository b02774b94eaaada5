import type { Analysis, Comparison, CoreOptions } from './types.js';

export type {
  Actor, ActorInArticle, ActorKind, AlignedActor, Analysis, ComparedArticle, Comparison, ComparisonRow, Difference, ReportedPosition, StanceAt, ComparisonTable, CoreOptions, Language, Position, Span, Stance,
} from './types.js';
export { StanceMap, highlightedArticle } from './stance-map-element.js';
export type {
  StanceMapAnalysisDetail, StanceMapErrorDetail, StanceMapEventMap, StanceMapSection, StanceMapState,
} from './stance-map-element.js';

/** Why an analysis produced no result. */
export type AnalysisErrorKind =
  /** The text is over MAX_INPUT_BYTES. */
  | 'too-large'
  /** The analyser refused its input (for instance, invalid options). */
  | 'failed'
  /** The analyser panicked or its worker died; a fresh one takes the next request. */
  | 'crashed'
  /** The analysis ran past its time limit and was stopped. */
  | 'timeout'
  /** The worker or the WebAssembly could not be loaded. */
  | 'load'
  /** Newer text from the same caller replaced this one. */
  | 'superseded'
  /** A <stance-map> found no element matching its `for` attribute. */
  | 'source';

export class AnalysisError extends Error {
  constructor(kind: AnalysisErrorKind, message: string, detail?: string);
  readonly name: 'AnalysisError';
  readonly kind: AnalysisErrorKind;
  /** The panic message, when the analyser panicked. */
  readonly detail?: string;
}

export interface AnalyzeOptions extends CoreOptions {
  /** Milliseconds before the analysis is presumed hung and stopped (default: defaultTimeout(text)). */
  timeout?: number;
  /** Aborts the analysis; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Called at once with an analysis from the lexicon and patterns alone when the name model of
   * the text's language has not arrived yet (the first analysis in that language); the promise
   * then resolves with the analysis refined by the model.
   */
  onProvisional?: (analysis: Analysis) => void;
}

/**
 * Analyses `text` in a worker (started, and the WebAssembly loaded, on the first call; one per
 * page). Rejects with an AnalysisError. The first analysis in a language also fetches that
 * language's name model; see `onProvisional` for the answer before it arrives.
 */
export function analyze(text: string, options?: AnalyzeOptions): Promise<Analysis>;

export interface CompareOptions {
  /** Names of the articles, in order (default "Article 1", …). */
  labels?: string[];
  /** Milliseconds before the comparison is presumed hung (default 30 s). */
  timeout?: number;
  signal?: AbortSignal;
}

/**
 * Compares the analyses of two or more articles about one event, in the worker: actors aligned
 * across articles and languages (بوتين and Putin are one row), what each article reports for
 * each, actors only one article names, opposite stances on overlapping claims. Rejects with an
 * AnalysisError of kind 'failed' for fewer than two analyses.
 */
export function compare(analyses: Analysis[], options?: CompareOptions): Promise<Comparison>;

export { StanceMapCompare, MAX_COMPARED, firstLine } from './stance-map-compare-element.js';
export type { ComparedText, StanceMapCompareEventMap, StanceMapCompareState } from './stance-map-compare-element.js';

/** The comparison as a table: a row per actor, a column per article (for the table exports). */
export function comparisonTable(comparison: Comparison, names?: { actor?: string; named?: (mentions: number) => string; stanceName?: (stance: import('./types.js').Stance) => string }): ComparisonTableLike;
/** The comparison table as CSV with a byte-order mark, formula-like cells defused. */
export function comparisonToCSV(comparison: Comparison, names?: Parameters<typeof comparisonTable>[1]): string;
/** The comparison table as GFM Markdown, markup escaped. */
export function comparisonToMarkdown(comparison: Comparison, names?: Parameters<typeof comparisonTable>[1]): string;
/** The comparison table as tab-separated lines. */
export function comparisonToTSV(comparison: Comparison, names?: Parameters<typeof comparisonTable>[1]): string;
/** The comparison object as indented JSON. */
export function comparisonToJSON(comparison: Comparison): string;

/** Starts the worker and loads the WebAssembly ahead of the first analysis; resolves with the analyser's version. */
export function preload(): Promise<string>;

/** The default time limit for analysing `text`, in milliseconds. */
export function defaultTimeout(text: string): number;

/** The largest text analysed, in UTF-8 bytes (10 MB). */
export const MAX_INPUT_BYTES: number;

/** The length of `text` in UTF-8 bytes (exact up to MAX_INPUT_BYTES, a lower bound above it). */
export function utf8Length(text: string): number;

/**
 * The text of an HTML string, parsed inertly (nothing runs or loads): paragraphs as blank lines
 * and data tables as tab-separated lines, the form of a table the analyser reads.
 */
export function htmlToText(html: string): string;

/** `html` parsed by DOMParser into an inert document (nothing in it runs or loads). */
export function parseInert(html: string): Document;

/** True when `node` holds a data table: at least two rows and two columns with text. */
export function hasDataTable(node: ParentNode): boolean;

/** The text of a DOM node, as htmlToText does it; skips scripts, controls, hidden content and [data-stance-map-skip]. */
export function textOf(node: Node): string;

/** The table as a grid of strings: the header row, then one row per aspect. */
export function tableGrid(table: ComparisonTableLike, aspectFallback?: string): string[][];
/** Tab-separated lines (what spreadsheets take from the clipboard). */
export function tableToTSV(table: ComparisonTableLike, aspectFallback?: string): string;
/** RFC 4180 CSV with a byte-order mark; cells that would read as spreadsheet formulas are defused. */
export function tableToCSV(table: ComparisonTableLike, aspectFallback?: string): string;
/** A GFM Markdown table, markup characters escaped. */
export function tableToMarkdown(table: ComparisonTableLike, aspectFallback?: string): string;
/** The table object of the output contract, as indented JSON. */
export function tableToJSON(table: ComparisonTableLike): string;
/** A <table> element built with DOM calls (cells as textContent). */
export function tableToElement(table: ComparisonTableLike, aspectFallback?: string, doc?: Document, dir?: string): HTMLTableElement;

type ComparisonTableLike = Pick<import('./types.js').ComparisonTable, 'headers' | 'rows'>
  & Partial<import('./types.js').ComparisonTable>;
