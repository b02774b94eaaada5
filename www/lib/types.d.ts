// The output contract of stancemap's analyze() (README, "Output contract"), as TypeScript types.
// All offsets are UTF-16 code units into the analysed text, so `text.slice(start, end)` is
// exactly the mention, the evidence or the sentence.

/** A [start, end) range of UTF-16 code units into the analysed text. */
export type Span = [start: number, end: number];

/** The language the analyser read the text as ('und' when it could not tell). */
export type Language = 'ar' | 'en' | 'und';

export type ActorKind = 'person' | 'country' | 'organization' | 'group';

/** Someone (or some body) the article names. */
export interface Actor {
  /** "a1", "a2", … in order of first mention; positions and table columns refer to these. */
  id: string;
  /** The name as the article gives it in full. */
  name: string;
  kind: ActorKind;
  /** Office or description ("وزير الخارجية", "Foreign Minister"), if the article gives one. */
  role: string | null;
  /** Other spellings and references found in the text. */
  aliases: string[];
  /** Every place the actor is mentioned. */
  mentions: Span[];
  /** 0 to 1: how central the actor is (mentions, with positions weighing double; the top actor has 1). */
  salience: number;
}

export type Stance =
  | 'supports' | 'opposes' | 'proposes' | 'demands' | 'threatens'
  | 'warns' | 'accuses' | 'rejects' | 'agrees' | 'states';

/** One stance an actor takes, with the words that show it. */
export interface Position {
  /** The id of an actor in `actors`. */
  actor: string;
  stance: Stance;
  /** The evidence: `text.slice(span[0], span[1])`. */
  text: string;
  span: Span;
  /** The sentence holding the evidence. */
  sentence: Span;
}

export interface ComparisonRow {
  /** The aspect compared (the row header). */
  aspect: string;
  /** One cell per column, in the order of `columns`. */
  cells: string[];
}

/** Actors side by side: a table found in the article ('explicit') or built from the positions ('derived'). */
export interface ComparisonTable {
  source: 'explicit' | 'derived';
  /** The heading of the aspect column, if the article's table has one. */
  aspect_label: string | null;
  /** Actor ids, one per column; '' for a pasted table's column whose header names no actor. */
  columns: string[];
  /** Column headings as the table gives them, one per column. */
  headers: string[];
  rows: ComparisonRow[];
}

/** What analyze() returns for one article. */
export interface Analysis {
  language: Language;
  actors: Actor[];
  positions: Position[];
  table: ComparisonTable;
}

/** Options for the core analyser. */
export interface CoreOptions {
  /** Read the text as this language instead of detecting it. */
  language?: 'ar' | 'en';
}

/** One article of a comparison (compare), with its summary line. */
export interface ComparedArticle {
  /** The name given, else "Article 1", … */
  label: string;
  language: Language;
  /** Actors the article names. */
  actors: number;
  /** Positions it reports. */
  positions: number;
  /** Index into Comparison.actors of the actor it gives the most positions, or null. */
  quoted_most: number | null;
}

/** A position as one article reports it; `span` indexes that article's text. */
export interface ReportedPosition {
  stance: Stance;
  text: string;
  span: Span;
}

/** What one article says about one aligned actor. */
export interface ActorInArticle {
  /** The actor's id in that article's analysis. */
  actor: string;
  /** Its name as that article writes it. */
  name: string;
  mentions: number;
  /** Whether the article reports any position of it. */
  quoted: boolean;
  positions: ReportedPosition[];
}

/** One actor aligned across the articles: a row of the comparison. */
export interface AlignedActor {
  /** Its name as the first article naming it writes it. */
  name: string;
  kind: ActorKind;
  /** The lexicon entry it was aligned by ("person:vladimir-putin"), if any. */
  key: string | null;
  role: string | null;
  /** One entry per article; null where the article does not name it. */
  articles: (ActorInArticle | null)[];
}

/** A position of one article in a Difference. */
export interface StanceAt {
  article: number;
  /** Index into that article's ActorInArticle.positions. */
  position: number;
  stance: Stance;
  text: string;
}

/** What the articles disagree on or leave out. `actor` indexes Comparison.actors. */
export type Difference =
  | { kind: 'only-in'; actor: number; article: number }
  | { kind: 'opposite-stances'; actor: number; first: StanceAt; second: StanceAt };

/** The output of compare(): several articles about one event side by side. */
export interface Comparison {
  articles: ComparedArticle[];
  actors: AlignedActor[];
  differences: Difference[];
}
