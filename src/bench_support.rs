//! The pipeline's stages one at a time, for the benchmarks in `benches/`, which time each
//! stage on its own. Not part of the API: hidden from the documentation, and free to change
//! with the pipeline. Each stage takes the previous stage's output, as in [`crate::analyze`].

use std::ops::Range;

use crate::{actors, clauses, language, lexicon, mentions, positions, table, text};

/// Stage 1: the text with its folded form, tokens and sentences.
pub struct Document<'a>(text::Document<'a>);

/// Stage 3: the mentions of actors.
pub struct Mentions(Vec<mentions::Mention>);

/// Stage 4: mentions merged into actors.
pub struct Actors(actors::Actors);

/// A pasted comparison table, if the text has one.
pub struct Table(Option<table::explicit::ExplicitTable>);

/// Builds everything that is built lazily on first use (lexicon automaton, cue tables, word
/// classes, given names), so that no stage's timing includes it.
pub fn warm_up() {
    crate::analyze("Russian President Vladimir Putin said. قال الرئيس الروسي فلاديمير بوتين إن", &crate::Options::default());
}

/// Stage 1, text.
pub fn document(text: &str) -> Document<'_> {
    Document(text::Document::new(text))
}

impl Document<'_> {
    /// Whether the detected language is Arabic (as `analyze` decides it).
    pub fn arabic(&self) -> bool {
        language::detect(&self.0) == "ar"
    }

    /// Number of tokens.
    pub fn tokens(&self) -> usize {
        self.0.tokens().len()
    }
}

/// Stage 2, lexicon: the lexicon forms found in the document (also run inside [`mentions`]).
pub fn lexicon_scan(doc: &Document) -> usize {
    lexicon::Lexicon::builtin().scan(&doc.0).len()
}

/// Stage 3, mentions (including the lexicon scan it starts with and the learned tagger for the
/// detected language).
pub fn mentions(doc: &Document) -> Mentions {
    let language = language::detect(&doc.0);
    Mentions(mentions::find(&doc.0, lexicon::Lexicon::builtin(), language))
}

impl Mentions {
    /// Number of mentions.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The learned tagger alone (inside stage 3), on every sentence of the document, as one
/// document: returns the number of tokens tagged and of entities found. No model for an
/// undetermined language: (0, 0).
pub fn tagger(doc: &Document) -> (usize, usize) {
    let Some(tagger) = crate::ner::Tagger::for_language(language::detect(&doc.0)) else { return (0, 0) };
    let sentences: Vec<Vec<&str>> = doc.0.sentences.iter().map(|s| s.tokens.clone().map(|i| doc.0.otok(i)).collect()).collect();
    let tokens = sentences.iter().map(Vec::len).sum();
    (tokens, tagger.tag_document(&sentences).iter().map(Vec::len).sum())
}

/// Stage 4, actors.
pub fn actors(doc: &Document, mentions: &Mentions, arabic: bool) -> Actors {
    Actors(actors::merge(&doc.0, lexicon::Lexicon::builtin(), &mentions.0, arabic))
}

impl Actors {
    /// Number of actors.
    pub fn len(&self) -> usize {
        self.0.list.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.list.is_empty()
    }
}

/// Stage 6a, table: a pasted comparison table (looked for before positions, so that its rows
/// are not read as prose).
pub fn table(doc: &Document, mentions: &Mentions, actors: &Actors) -> Table {
    Table(table::explicit::find(&doc.0, &mentions.0, &actors.0))
}

/// Stages 5 and 6, clauses then positions (prose only; a pasted table's cells are read by the
/// table stage).
pub fn positions(doc: &Document, mentions: &Mentions, actors: &Actors, table: &Table) -> usize {
    let rows: Vec<Range<usize>> = table.0.iter().flat_map(|t| t.rows.iter().map(|r| r.line.clone())).collect();
    let clauses = clauses::build(&doc.0, &mentions.0, &actors.0, &rows);
    positions::find(&doc.0, &clauses, &rows).len()
}
