//! Named-entity tagging with a learned linear model: an averaged structured perceptron over
//! hashed features, decoded with Viterbi over BIO labels. The models are trained offline by
//! `tools/ner-train` from the corpora named in `data/ner/README.md`, and embedded here.
//!
//! ```
//! use stancemap::ner::{EntityKind, Tagger};
//!
//! let tagger = Tagger::for_language("ar").expect("the Arabic model is embedded");
//! let tokens = ["وقال", "الرئيس", "المصري", "عبد", "الفتاح", "السيسي", "في", "القاهرة", "."];
//! let spans = tagger.tag(&tokens);
//! assert!(spans.iter().any(|s| s.kind == EntityKind::Location && tokens[s.start..s.end] == ["القاهرة"]));
//! assert_eq!(tagger.tag_bio(&tokens).len(), tokens.len());
//! ```

macro_rules! training_modules {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[cfg(feature = "training")]
        pub mod $name;
        #[cfg(not(feature = "training"))]
        mod $name;
    )*};
}

// Public only to the training tool (cargo feature `training`): the runtime API is below.
training_modules! {
    /// Viterbi decoding over BIO labels.
    decode;
    /// Feature extraction shared by training and tagging.
    features;
    /// Gazetteer hashes.
    gazetteer;
    /// Feature hashing and the lookup table.
    hash;
    /// The model file format.
    model;
}
pub mod conll;
pub mod eval;

use std::sync::OnceLock;

use decode::{Lattice, LABELS};
use features::{Extractor, Scratch};
use gazetteer::Gazetteer;
use hash::KeyTable;
pub use model::ModelError;
use model::Model;

/// What kind of entity a span names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// PER.
    Person,
    /// LOC.
    Location,
    /// ORG.
    Organization,
    /// MISC (the Arabic model only: ANERcorp tags it, WikiANN does not).
    Misc,
}

/// An entity found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntitySpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entity type.
    pub kind: EntityKind,
    /// In [0.5, 1): the logistic of the smallest margin, over the span's tokens, between the
    /// best labelling and the best labelling that labels the token otherwise. Not a
    /// calibrated probability; higher is surer.
    pub confidence: f32,
}

/// A loaded model, ready to tag.
#[derive(Debug)]
pub struct Tagger {
    labels: usize,
    scale: f32,
    arabic: bool,
    templates: u64,
    start: Vec<i32>,
    transitions: Vec<i32>,
    features: KeyTable,
    /// Row `features.get(key)` holds the feature's weight for each label.
    weights: Vec<i16>,
    gazetteer: Gazetteer,
}

static ARABIC: &[u8] = include_bytes!("../../data/ner/ar.model");
static ENGLISH: &[u8] = include_bytes!("../../data/ner/en.model");

impl Tagger {
    /// The embedded model for `"ar"` or `"en"`, parsed on first use.
    pub fn for_language(lang: &str) -> Option<&'static Tagger> {
        static AR: OnceLock<Option<Tagger>> = OnceLock::new();
        static EN: OnceLock<Option<Tagger>> = OnceLock::new();
        let (cell, bytes) = match lang {
            "ar" => (&AR, ARABIC),
            "en" => (&EN, ENGLISH),
            _ => return None,
        };
        cell.get_or_init(|| Tagger::from_bytes(bytes).ok()).as_ref()
    }

    /// Loads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Model::from_bytes(bytes).map(Tagger::from_model)
    }

    fn from_model(m: Model) -> Tagger {
        let l = usize::from(m.labels);
        Tagger {
            labels: l,
            scale: m.scale,
            arabic: &m.language == b"ar",
            templates: m.templates,
            start: m.start.iter().map(|&s| i32::from(s)).collect(),
            transitions: m.transitions.iter().map(|&s| i32::from(s)).collect(),
            features: KeyTable::new(m.keys.iter().enumerate().map(|(i, &k)| (k, i as u32))),
            weights: m.weights.iter().map(|&w| i16::from(w)).collect(),
            gazetteer: Gazetteer::new(&m.gazetteer, usize::from(m.gazetteer_max_len)),
        }
    }

    /// The entities of one sentence, given as tokens written as in the text (one word or
    /// punctuation mark per token, Arabic clitics attached).
    pub fn tag(&self, tokens: &[&str]) -> Vec<EntitySpan> {
        let mut work = Work::default();
        self.decode(tokens, &mut work);
        let margins = self.lattice(&work.emissions).margins(&work.path);
        let mut spans = Vec::new();
        let mut i = 0;
        while i < work.path.len() {
            let y = usize::from(work.path[i]);
            if y == 0 {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < work.path.len() && usize::from(work.path[end]) == y + (y % 2) {
                end += 1;
            }
            let margin = margins[i..end].iter().copied().min().unwrap_or(0) as f32 / self.scale;
            let kind = [EntityKind::Person, EntityKind::Location, EntityKind::Organization, EntityKind::Misc][(y - 1) / 2];
            spans.push(EntitySpan { start: i, end, kind, confidence: 1.0 / (1.0 + (-margin).exp()) });
            i = end;
        }
        spans
    }

    /// One BIO tag per token (`"O"`, `"B-PER"`, `"I-PER"`, …), as in a CoNLL file.
    pub fn tag_bio(&self, tokens: &[&str]) -> Vec<&'static str> {
        let mut work = Work::default();
        self.decode(tokens, &mut work);
        work.path.iter().map(|&y| LABELS[usize::from(y)]).collect()
    }

    /// Whether the model tags MISC (the Arabic one does; the English one, trained on WikiANN,
    /// does not).
    pub fn knows_misc(&self) -> bool {
        self.labels > 7
    }

    fn lattice<'a>(&'a self, emissions: &'a [i32]) -> Lattice<'a, i32> {
        Lattice { labels: self.labels, emissions, start: &self.start, transitions: &self.transitions }
    }

    fn decode(&self, tokens: &[&str], work: &mut Work) {
        let x = Extractor { arabic: self.arabic, templates: self.templates, gazetteer: &self.gazetteer };
        x.extract(tokens, &mut work.scratch);
        let l = self.labels;
        work.emissions.clear();
        work.emissions.resize(tokens.len() * l, 0);
        for (t, row) in work.emissions.chunks_mut(l).enumerate() {
            for &key in work.scratch.token(t) {
                if let Some(f) = self.features.get(key) {
                    let w = &self.weights[f as usize * l..][..l];
                    for (e, &w) in row.iter_mut().zip(w) {
                        *e += i32::from(w);
                    }
                }
            }
        }
        let lattice = Lattice { labels: l, emissions: &work.emissions, start: &self.start, transitions: &self.transitions };
        lattice.best_path(&mut work.path, &mut work.back);
    }
}

/// Buffers of one tagging call.
#[derive(Default)]
struct Work {
    scratch: Scratch,
    emissions: Vec<i32>,
    path: Vec<u8>,
    back: Vec<u8>,
}
