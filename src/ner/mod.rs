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
//!
//! // A whole article at once lets a name recognised in one sentence help in the others.
//! let article: [&[&str]; 2] = [&tokens, &["وأكد", "السيسي", "ذلك", "."]];
//! let spans = tagger.tag_document(&article);
//! assert_eq!(spans.len(), 2);
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
    /// Document hints for the second stage.
    document;
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
use document::Tagged;
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

/// Why [`Tagger::install`] refused a model.
#[derive(Debug)]
pub enum InstallError {
    /// The bytes are not a model this build reads.
    Model(ModelError),
    /// A model for a language other than Arabic and English.
    UnknownLanguage,
    /// A model for this language is installed already.
    AlreadyInstalled(&'static str),
}

impl std::fmt::Display for InstallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InstallError::Model(e) => e.fmt(f),
            InstallError::UnknownLanguage => write!(f, "an NER model for a language other than ar and en"),
            InstallError::AlreadyInstalled(lang) => write!(f, "an NER model for {lang} is installed already"),
        }
    }
}

impl std::error::Error for InstallError {}

/// A loaded model, ready to tag.
#[derive(Debug)]
pub struct Tagger {
    labels: usize,
    arabic: bool,
    gazetteer: Gazetteer,
    first: Layer,
    /// Sees the first layer's tags of the surrounding sentences as document hints.
    second: Option<Layer>,
}

/// One stage's weights.
#[derive(Debug)]
struct Layer {
    templates: u64,
    scale: f32,
    start: Vec<i32>,
    transitions: Vec<i32>,
    /// A feature's weight for each label (labels beyond the model's are zero).
    features: KeyTable<[i8; 9]>,
}

impl Layer {
    fn new(m: &Model) -> Layer {
        Layer {
            templates: m.templates,
            scale: m.scale,
            start: m.start.iter().map(|&s| i32::from(s)).collect(),
            transitions: m.transitions.iter().map(|&s| i32::from(s)).collect(),
            features: KeyTable::new(m.keys.iter().zip(m.weights.chunks(usize::from(m.labels))).map(|(&k, w)| {
                let mut row = [0i8; 9];
                row[..w.len()].copy_from_slice(w);
                (k, row)
            })),
        }
    }

    fn lattice<'a>(&'a self, labels: usize, emissions: &'a [i32]) -> Lattice<'a, i32> {
        Lattice { labels, emissions, start: &self.start, transitions: &self.transitions }
    }

    /// Scores the features in `scratch` and decodes the best path into `work.path`.
    fn decode(&self, labels: usize, scratch: &Scratch, work: &mut Work) {
        let tokens = scratch.starts.len() - 1;
        work.emissions.clear();
        work.emissions.resize(tokens * labels, 0);
        for (t, row) in work.emissions.chunks_mut(labels).enumerate() {
            let mut sum = [0i32; 9];
            for &key in scratch.token(t) {
                if let Some(w) = self.features.get(key) {
                    for (s, &w) in sum.iter_mut().zip(w) {
                        *s += i32::from(w);
                    }
                }
            }
            row.copy_from_slice(&sum[..labels]);
        }
        self.lattice(labels, &work.emissions).best_path(&mut work.path, &mut work.back);
    }
}

/// The model files compiled into the crate (cargo feature `embedded-models`, on by default).
/// The web build leaves them out, to keep the module small: the page fetches the one for the
/// article's language and hands it to [`Tagger::install`].
#[cfg(feature = "embedded-models")]
fn embedded(lang: &str) -> Option<&'static [u8]> {
    match lang {
        "ar" => Some(include_bytes!("../../data/ner/ar.model")),
        "en" => Some(include_bytes!("../../data/ner/en.model")),
        _ => None,
    }
}

#[cfg(not(feature = "embedded-models"))]
fn embedded(_lang: &str) -> Option<&'static [u8]> {
    None
}

/// The slots of the two languages: a model installed at run time, and the embedded one
/// (parsed on first use).
struct Slots {
    installed: OnceLock<Tagger>,
    embedded: OnceLock<Option<Tagger>>,
}

fn slots(lang: &str) -> Option<&'static Slots> {
    static AR: Slots = Slots { installed: OnceLock::new(), embedded: OnceLock::new() };
    static EN: Slots = Slots { installed: OnceLock::new(), embedded: OnceLock::new() };
    match lang {
        "ar" => Some(&AR),
        "en" => Some(&EN),
        _ => None,
    }
}

impl Tagger {
    /// The model for `"ar"` or `"en"`: the one [installed](Tagger::install), else the
    /// embedded one, parsed on first use. `None` when there is neither.
    pub fn for_language(lang: &str) -> Option<&'static Tagger> {
        let slots = slots(lang)?;
        if let Some(tagger) = slots.installed.get() {
            return Some(tagger);
        }
        slots.embedded.get_or_init(|| embedded(lang).and_then(|bytes| Tagger::from_bytes(bytes).ok())).as_ref()
    }

    /// Installs a model file (as written by `tools/ner-train`) for the language it declares,
    /// and returns that language. Used by a build without embedded models; an installed model
    /// takes the place of the embedded one. A second model for the same language is refused.
    ///
    /// ```
    /// use stancemap::ner::Tagger;
    ///
    /// assert!(Tagger::install(b"not a model").is_err());
    /// ```
    pub fn install(bytes: &[u8]) -> Result<&'static str, InstallError> {
        let language = Model::from_bytes(bytes).map_err(InstallError::Model)?.language;
        let lang = match &language {
            b"ar" => "ar",
            b"en" => "en",
            _ => return Err(InstallError::UnknownLanguage),
        };
        let slots = slots(lang).ok_or(InstallError::UnknownLanguage)?;
        if slots.installed.get().is_some() {
            return Err(InstallError::AlreadyInstalled(lang));
        }
        let tagger = Tagger::from_bytes(bytes).map_err(InstallError::Model)?;
        slots.installed.set(tagger).map_err(|_| InstallError::AlreadyInstalled(lang))?;
        Ok(lang)
    }

    /// Whether a model for `lang` is available (installed or embedded) without loading one.
    pub fn available(lang: &str) -> bool {
        slots(lang).is_some_and(|s| s.installed.get().is_some()) || embedded(lang).is_some()
    }

    /// Loads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let m = Model::from_bytes(bytes)?;
        Ok(Tagger {
            labels: usize::from(m.labels),
            arabic: &m.language == b"ar",
            gazetteer: Gazetteer::new(&m.gazetteer, usize::from(m.gazetteer_max_len)),
            first: Layer::new(&m),
            second: m.document_stage.as_deref().map(Layer::new),
        })
    }

    /// Whether the model has a second stage that reads the tags of the neighbouring sentences
    /// (then a sentence's tags depend on the others given to [`Tagger::tag_document`]).
    pub fn uses_document_context(&self) -> bool {
        self.second.is_some()
    }

    /// Whether the model tags MISC (the Arabic one does; the English one, trained on WikiANN,
    /// does not).
    pub fn knows_misc(&self) -> bool {
        self.labels > 7
    }

    /// The entities of one sentence, given as tokens written as in the text (one word or
    /// punctuation mark per token, Arabic clitics attached).
    pub fn tag(&self, tokens: &[&str]) -> Vec<EntitySpan> {
        self.tag_document(&[tokens]).pop().unwrap_or_default()
    }

    /// One BIO tag per token (`"O"`, `"B-PER"`, `"I-PER"`, …), as in a CoNLL file.
    pub fn tag_bio(&self, tokens: &[&str]) -> Vec<&'static str> {
        self.tag_document_bio(&[tokens]).pop().unwrap_or_default()
    }

    /// The entities of each sentence of an article, in order. Better than tagging sentence
    /// by sentence: a name recognised in one sentence is a hint in its neighbours.
    pub fn tag_document<S: AsRef<[T]>, T: AsRef<str>>(&self, sentences: &[S]) -> Vec<Vec<EntitySpan>> {
        self.run(sentences, |layer, work, _| self.spans(layer, work))
    }

    /// [`Tagger::tag_document`] as BIO tags.
    pub fn tag_document_bio<S: AsRef<[T]>, T: AsRef<str>>(&self, sentences: &[S]) -> Vec<Vec<&'static str>> {
        self.run(sentences, |_, work, _| work.path.iter().map(|&y| LABELS[usize::from(y)]).collect())
    }

    /// Tags every sentence with the first layer, then, when the model has one, again with the
    /// second layer and the document hints; `finish` turns each final path into the output.
    fn run<S: AsRef<[T]>, T: AsRef<str>, R>(&self, sentences: &[S], finish: impl Fn(&Layer, &Work, usize) -> R) -> Vec<R> {
        let first = Extractor { arabic: self.arabic, templates: self.first.templates, gazetteer: &self.gazetteer };
        let mut work = Work::default();
        let mut tokens: Vec<&str> = Vec::new();
        let Some(second) = &self.second else {
            let mut scratch = Scratch::default();
            return sentences
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    tokens.clear();
                    tokens.extend(s.as_ref().iter().map(AsRef::as_ref));
                    first.extract(&tokens, &mut scratch);
                    self.first.decode(self.labels, &scratch, &mut work);
                    finish(&self.first, &work, i)
                })
                .collect();
        };
        let mut scratches: Vec<Scratch> = Vec::with_capacity(sentences.len());
        let mut tagged: Vec<Vec<Tagged>> = Vec::with_capacity(sentences.len());
        for s in sentences {
            tokens.clear();
            tokens.extend(s.as_ref().iter().map(AsRef::as_ref));
            let mut scratch = Scratch::default();
            first.extract(&tokens, &mut scratch);
            self.first.decode(self.labels, &scratch, &mut work);
            tagged.push(entity_tokens(&scratch, &work.path));
            scratches.push(scratch);
        }
        let x = Extractor { templates: second.templates, ..first };
        scratches
            .iter_mut()
            .enumerate()
            .map(|(i, scratch)| {
                let words: Vec<(u64, u64)> = (0..scratch.starts.len() - 1).map(|t| scratch.word_and_stem(t)).collect();
                scratch.hints = document::hints(i, &words, &tagged);
                x.emit(scratch);
                second.decode(self.labels, scratch, &mut work);
                finish(second, &work, i)
            })
            .collect()
    }

    fn spans(&self, layer: &Layer, work: &Work) -> Vec<EntitySpan> {
        // Most sentences name nobody: no need for the margins' two extra passes.
        if work.path.iter().all(|&y| y == 0) {
            return Vec::new();
        }
        let margins = layer.lattice(self.labels, &work.emissions).margins(&work.path);
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
            let margin = margins[i..end].iter().copied().min().unwrap_or(0) as f32 / layer.scale;
            let kind = [EntityKind::Person, EntityKind::Location, EntityKind::Organization, EntityKind::Misc][(y - 1) / 2];
            spans.push(EntitySpan { start: i, end, kind, confidence: 1.0 / (1.0 + (-margin).exp()) });
            i = end;
        }
        spans
    }
}

/// The first stage's entity tokens of one sentence, for the document hints.
fn entity_tokens(scratch: &Scratch, path: &[u8]) -> Vec<Tagged> {
    path.iter()
        .enumerate()
        .filter(|(_, &y)| y != 0)
        .map(|(position, &y)| {
            let (word, stem) = scratch.word_and_stem(position);
            Tagged { position, word, stem, kind: (y - 1) / 2 }
        })
        .collect()
}

/// Buffers of one tagging call.
#[derive(Default)]
struct Work {
    emissions: Vec<i32>,
    path: Vec<u8>,
    back: Vec<u8>,
}

#[cfg(all(test, feature = "embedded-models"))]
mod tests {
    use super::*;

    #[test]
    fn an_installed_model_serves_its_language_once() {
        // The embedded bytes, so that the other tests of this process see the same model.
        let bytes = embedded("en").unwrap();
        let first = Tagger::install(bytes);
        assert!(matches!(first, Ok("en") | Err(InstallError::AlreadyInstalled("en"))), "{first:?}");
        assert!(matches!(Tagger::install(bytes), Err(InstallError::AlreadyInstalled("en"))));
        assert!(Tagger::available("en"));
        assert!(!Tagger::available("fr"));
        let tagger = Tagger::for_language("en").unwrap();
        assert!(std::ptr::eq(tagger, slots("en").unwrap().installed.get().unwrap()));
        assert!(matches!(Tagger::install(&bytes[..20]), Err(InstallError::Model(_))));
    }
}
