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
mod arith;
pub mod conll;
pub mod eval;
mod rows;

use std::sync::OnceLock;

use decode::{Lattice, LABELS};
use document::Tagged;
use features::{ContextInfo, Extractor, Scratch};
use gazetteer::Gazetteer;
use hash::{KeyTable, Probe};
pub use model::ModelError;
use model::Model;
use rows::{offset_row, RowSums, MAX_ROW};

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
    weights: Weights,
}

/// One stage's start and transition scores.
#[derive(Debug)]
struct Layer {
    templates: u64,
    scale: f32,
    start: Vec<i32>,
    transitions: Vec<i32>,
}

/// The feature weights of the model's stages, by feature key (labels beyond the model's are
/// zero).
#[derive(Debug)]
enum Weights {
    /// Each weight offset by 128, as [`rows`] sums them.
    One(KeyTable<[u8; 9]>),
    /// The first stage's row, then the second's; zeros where a stage lacks the feature, which
    /// adds what a miss adds. The two stages share all features but the document hints, so
    /// one lookup per feature serves both (half the lookups, one table's cache lines).
    Two(KeyTable<[u8; 18]>),
}

/// Slots of the weight table for each feature of the model. At 4 rather than the 2 of other
/// tables (a quarter to an eighth of the slots used, not a quarter to a half), fewer lookups
/// walk on past their first slot: the CLI on the bench articles took 0.96–0.98 of the time
/// (English 1k words 0.94–0.96), and a page in Chromium 0.98, for 1.6 MB more memory with
/// the Arabic model (3.2 MB in all) and 0.5 MB with the English one. At 8, no faster.
const WEIGHT_SLOTS_PER_FEATURE: usize = 4;

impl Weights {
    fn new(m: &Model) -> Weights {
        let rows = |m: &Model| -> Vec<(u32, [i8; 9])> {
            m.keys
                .iter()
                .zip(m.weights.chunks(usize::from(m.labels)))
                .map(|(&k, w)| {
                    let mut row = [0i8; 9];
                    row[..w.len()].copy_from_slice(w);
                    (k, row)
                })
                .collect()
        };
        let Some(second) = &m.document_stage else {
            return Weights::One(KeyTable::with_room(rows(m).into_iter().map(|(k, w)| (k, offset_row(&w))), m.key_bits, WEIGHT_SLOTS_PER_FEATURE));
        };
        // Both key lists are sorted: merge them.
        let (a, b) = (rows(m), rows(second));
        let mut both = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let ka = a.get(i).map_or(u32::MAX, |r| r.0);
            let kb = b.get(j).map_or(u32::MAX, |r| r.0);
            let (mut pair, key) = ([0i8; 18], ka.min(kb));
            if ka == key && i < a.len() {
                pair[..9].copy_from_slice(&a[i].1);
                i += 1;
            }
            if kb == key && j < b.len() {
                pair[9..].copy_from_slice(&b[j].1);
                j += 1;
            }
            both.push((key, offset_row(&pair)));
        }
        Weights::Two(KeyTable::with_room(both.into_iter(), m.key_bits, WEIGHT_SLOTS_PER_FEATURE))
    }
}

impl Layer {
    fn new(m: &Model) -> Layer {
        Layer {
            templates: m.templates,
            scale: m.scale,
            start: m.start.iter().map(|&s| i32::from(s)).collect(),
            transitions: m.transitions.iter().map(|&s| i32::from(s)).collect(),
        }
    }

    fn lattice<'a>(&'a self, labels: usize, emissions: &'a [i32]) -> Lattice<'a, i32> {
        Lattice { labels, emissions, start: &self.start, transitions: &self.transitions }
    }

    /// Decodes `work.emissions` into `work.path`, keeping the forward scores for the margins.
    fn decode(&self, labels: usize, work: &mut Work) {
        self.lattice(labels, &work.emissions).best_path(&mut work.path, &mut work.forward);
    }
}

/// Adds the weights of stage `R`'s row of the features in `keys` to `sum`.
#[inline]
fn add_rows<const R: usize>(table: &KeyTable<[u8; 18]>, keys: &[u32], sum: &mut [i32; 9]) {
    for &key in keys {
        if let Some(w) = table.get(key) {
            for (s, &w) in sum.iter_mut().zip(&w[9 * R..9 * R + 9]) {
                *s += i32::from(w) - 128;
            }
        }
    }
}

/// The keys of several tokens (token `t`'s are `keys[starts[t]..starts[t + 1]]`) that pass
/// `table`'s bitmap, as probes, in the same layout in `probes`. All bitmap checks first, then
/// (in the scoring) all slot loads, so that the loads of several keys are under way at once.
fn probe_all<V: Copy + Default>(table: &KeyTable<V>, keys: &[u32], starts: &[u32], probes: &mut Probes) {
    // A scratch list: only its first `n` entries are read, each written below first, so it
    // is grown when too short but never cleared (filling it anew for each sentence was 1.7 %
    // of an English article's instructions).
    if probes.list.len() < keys.len() {
        probes.list.resize(keys.len(), Probe::default());
    }
    probes.bounds.clear();
    probes.bounds.push(0);
    // Every probe is written, and kept by advancing past it when it passed: no branch on the
    // bitmap, whose outcome is hard to predict.
    let mut n = 0;
    for span in starts.windows(2) {
        for &key in &keys[span[0] as usize..span[1] as usize] {
            let (probe, present) = table.probe(key);
            probes.list[n] = probe;
            n += usize::from(present);
        }
        probes.bounds.push(n as u32);
    }
}

/// Each token's sums of the weight rows of its keys in `table` (laid out as for
/// [`probe_all`]), token after token, given to `each`.
#[inline]
fn token_sums<const N: usize>(table: &KeyTable<[u8; N]>, keys: &[u32], starts: &[u32], probes: &mut Probes, mut each: impl FnMut(&RowSums<N>))
where
    [u8; N]: Default,
{
    probe_all(table, keys, starts, probes);
    for span in probes.bounds.windows(2) {
        let mut sums = RowSums::<N>::default();
        for &probe in &probes.list[span[0] as usize..span[1] as usize] {
            if let Some(w) = table.finish(probe) {
                sums.add(w);
            }
        }
        each(&sums);
    }
}

/// The tokens of a document met so far, each with what it contributes whatever its neighbours:
/// what the features in context read of it ([`ContextInfo`]), and the sums of its own
/// features' weight rows (the first stage's, then the second's). Words recur: in a 1k-word
/// Arabic article 45 % of the tokens are repeats, in a long article nearly all. A repeat then
/// costs one hash look-up instead of its folding, hashing and some eighteen look-ups in the
/// weight table. Sums of integers, so the emissions are exactly those of summing every feature
/// of the token anew.
struct Seen<'t> {
    index: rustc_hash::FxHashMap<&'t str, u32>,
    tokens: Vec<(ContextInfo, [i32; MAX_ROW])>,
}

impl<'t> Seen<'t> {
    /// Room in the map for at least half a document's tokens (its table rounds up to a power of
    /// two, which holds a 1k-word article's 55 % of different ones), so that it does not grow
    /// while tagging one: in V8 the growing took back what the cache saved on a 1k-word
    /// article. The list starts with room for three quarters of the tokens, but no more than
    /// 4,096 (half a megabyte of 128-byte entries), and grows past that as tokens come: a long
    /// article has far fewer different tokens than tokens (sized for every token, when an entry
    /// was 200 bytes, a 1 MB Arabic article took 58 MiB, not 38). Grown from empty, it was
    /// copied by each doubling: with the other per-document lists of the tagger, 3 % of the
    /// tagger's instructions on a 1k-word Arabic article. With room for half the tokens, fewer
    /// than a 1k-word article's different ones, it was still copied whole once: 1.2 % of all
    /// its instructions, in either language.
    fn for_document<S: AsRef<[T]>, T: AsRef<str>>(sentences: &[S]) -> Seen<'t> {
        let tokens: usize = sentences.iter().map(|s| s.as_ref().len()).sum();
        Seen {
            index: rustc_hash::FxHashMap::with_capacity_and_hasher(tokens / 2, Default::default()),
            tokens: Vec::with_capacity((tokens * 3 / 4).min(4096)),
        }
    }
}

impl Tagger {
    /// The first stage's emissions of a sentence into `work.emissions` and, with a two-stage
    /// table, the second stage's sums over the same features appended to `second`. The tokens'
    /// [`ContextInfo`], multi-token entries marked, are left in `work.infos`.
    fn score_sentence<'t, const N: usize>(&self, x: &Extractor, table: &KeyTable<[u8; N]>, tokens: &[&'t str], seen: &mut Seen<'t>, work: &mut Work, mut second: Option<&mut Vec<i32>>)
    where
        [u8; N]: Default,
    {
        let labels = self.labels;
        // The tokens not met before: analysed, and their own features summed.
        work.ids.clear();
        work.keys.clear();
        work.starts.clear();
        work.starts.push(0);
        let first_new = seen.tokens.len();
        for &token in tokens {
            let id = *seen.index.entry(token).or_insert_with(|| {
                let info = x.token_alone(token, &mut work.folded);
                x.emit_alone(&info, &mut work.keys);
                work.starts.push(work.keys.len() as u32);
                seen.tokens.push((info.context(), [0; MAX_ROW]));
                (seen.tokens.len() - 1) as u32
            });
            work.ids.push(id);
        }
        let mut new = seen.tokens[first_new..].iter_mut();
        token_sums(table, &work.keys, &work.starts, &mut work.probes, |sums: &RowSums<N>| {
            let (_, alone) = new.next().expect("one sum per new token");
            for (i, a) in alone.iter_mut().enumerate().take(N) {
                *a = sums.total(i);
            }
        });
        // Then the features that depend on the neighbours, added to each token's own.
        work.infos.clear();
        work.infos.extend(work.ids.iter().map(|&id| seen.tokens[id as usize].0));
        x.mark_runs(&mut work.infos);
        work.keys.clear();
        work.starts.clear();
        work.starts.push(0);
        for i in 0..work.infos.len() {
            x.emit_in_context(&work.infos, i, &mut work.keys);
            work.starts.push(work.keys.len() as u32);
        }
        work.emissions.clear();
        let mut ids = work.ids.iter();
        token_sums(table, &work.keys, &work.starts, &mut work.probes, |sums: &RowSums<N>| {
            let alone = &seen.tokens[*ids.next().expect("one sum per token") as usize].1;
            work.emissions.extend((0..labels).map(|y| alone[y] + sums.total(y)));
            if let Some(second) = second.as_deref_mut() {
                second.extend((0..labels).map(|y| alone[9 + y] + sums.total(9 + y)));
            }
        });
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
            gazetteer: Gazetteer::new(&m.gazetteer, usize::from(m.gazetteer_max_len), m.gazetteer_bits),
            first: Layer::new(&m),
            second: m.document_stage.as_deref().map(Layer::new),
            weights: Weights::new(&m),
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
        self.tag_document_where(sentences, |_, _| true)
    }

    /// [`Tagger::tag_document`], keeping only the spans `wanted` accepts, given the sentence's
    /// index and the span (whose confidence is not known yet, and reads 0). A caller that will
    /// drop most spans anyway (those over words it has already recognised, say) saves their
    /// confidence: a sentence without a wanted span needs no backward pass at all. The spans
    /// kept are exactly those of `tag_document`, with the same confidence.
    ///
    /// ```
    /// # #[cfg(feature = "embedded-models")] {
    /// use stancemap::ner::{EntityKind, Tagger};
    /// let tagger = Tagger::for_language("en").expect("the English model is built in");
    /// let sentences = [["Angela", "Merkel", "met", "Olaf", "Scholz", "in", "Berlin", "."]];
    /// let people = tagger.tag_document_where(&sentences, |_, span| span.kind == EntityKind::Person);
    /// let all = tagger.tag_document(&sentences);
    /// let people_in_all: Vec<_> = all[0].iter().filter(|s| s.kind == EntityKind::Person).copied().collect();
    /// assert_eq!(people[0], people_in_all);
    /// # }
    /// ```
    pub fn tag_document_where<S: AsRef<[T]>, T: AsRef<str>>(&self, sentences: &[S], wanted: impl Fn(usize, &EntitySpan) -> bool) -> Vec<Vec<EntitySpan>> {
        self.run(sentences, |layer, work: &mut Work, i| self.spans(layer, work, |span| wanted(i, span)))
    }

    /// [`Tagger::tag_document`] as BIO tags.
    pub fn tag_document_bio<S: AsRef<[T]>, T: AsRef<str>>(&self, sentences: &[S]) -> Vec<Vec<&'static str>> {
        self.run(sentences, |_, work: &mut Work, _| work.path.iter().map(|&y| LABELS[usize::from(y)]).collect())
    }

    /// Tags every sentence with the first layer, then, when the model has one, again with the
    /// second layer and the document hints; `finish` turns each final path into the output.
    fn run<S: AsRef<[T]>, T: AsRef<str>, R>(&self, sentences: &[S], finish: impl Fn(&Layer, &mut Work, usize) -> R) -> Vec<R> {
        // The buffers of the last call, kept for the next: they are sized for a sentence, and
        // growing them anew for every article was a hundred reallocations each time.
        thread_local! {
            static SPARE: std::cell::Cell<Option<Box<Work>>> = const { std::cell::Cell::new(None) };
        }
        let mut work = SPARE.take().unwrap_or_default();
        let out = self.run_with(&mut work, sentences, finish);
        SPARE.set(Some(work));
        out
    }

    fn run_with<S: AsRef<[T]>, T: AsRef<str>, R>(&self, work: &mut Work, sentences: &[S], finish: impl Fn(&Layer, &mut Work, usize) -> R) -> Vec<R> {
        let labels = self.labels;
        let first = Extractor { arabic: self.arabic, templates: self.first.templates, gazetteer: &self.gazetteer };
        let mut tokens: Vec<&str> = Vec::new();
        let mut scratch = Scratch::default();
        let (second, table) = match (&self.second, &self.weights) {
            (Some(second), Weights::Two(table)) => (second, table),
            (_, Weights::One(table)) => {
                let mut seen = Seen::for_document(sentences);
                return sentences
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        tokens.clear();
                        tokens.extend(s.as_ref().iter().map(AsRef::as_ref));
                        self.score_sentence(&first, table, &tokens, &mut seen, work, None);
                        self.first.decode(labels, work);
                        finish(&self.first, work, i)
                    })
                    .collect();
            }
            (None, Weights::Two(_)) => unreachable!("a two-stage table without a second stage"),
        };
        // First stage, sentence by sentence. Kept for the second: each token's word and stem
        // hashes, the first stage's entity tokens, and the second stage's sums over the
        // features the stages share (`bounds[i]..bounds[i + 1]` are sentence i's tokens).
        // Sized once: both hold an entry for every token (grown by doubling, they were copied
        // as much again).
        let tokens_in_all: usize = sentences.iter().map(|s| s.as_ref().len()).sum();
        let mut words: Vec<(u64, u64)> = Vec::with_capacity(tokens_in_all);
        let mut bounds = Vec::with_capacity(sentences.len() + 1);
        bounds.push(0);
        let mut tagged: Vec<Tagged> = Vec::new();
        let mut tagged_bounds = Vec::with_capacity(sentences.len() + 1);
        tagged_bounds.push(0);
        let mut shared: Vec<i32> = Vec::with_capacity(tokens_in_all * labels);
        let mut seen = Seen::for_document(sentences);
        for s in sentences {
            tokens.clear();
            tokens.extend(s.as_ref().iter().map(AsRef::as_ref));
            self.score_sentence(&first, table, &tokens, &mut seen, work, Some(&mut shared));
            self.first.decode(labels, work);
            let start = words.len();
            words.extend(work.infos.iter().map(ContextInfo::word_and_stem));
            bounds.push(words.len());
            tagged.extend(work.path.iter().enumerate().filter(|(_, &y)| y != 0).map(|(position, &y)| {
                let (word, stem) = words[start + position];
                Tagged { position, word, stem, kind: (y - 1) / 2 }
            }));
            tagged_bounds.push(tagged.len());
        }
        let x = Extractor { templates: second.templates, ..first };
        // The second stage's features are the first's plus the document hints: only those are
        // scored anew. (A model whose stages differ otherwise has all its features re-extracted.)
        let shares = second.templates & !(1 << features::template::DOCUMENT) == self.first.templates;
        let mut hints = Vec::new();
        let mut sliding = document::SlidingHints::default();
        let mut keys = Vec::new();
        (0..sentences.len())
            .map(|i| {
                let words = &words[bounds[i]..bounds[i + 1]];
                sliding.hints_into(i, words, &tagged, &tagged_bounds, &mut hints);
                work.emissions.clear();
                if shares {
                    work.emissions.extend_from_slice(&shared[bounds[i] * labels..bounds[i + 1] * labels]);
                    for (t, row) in work.emissions.chunks_mut(labels).enumerate() {
                        keys.clear();
                        x.emit_document(&hints, t, &mut keys);
                        let mut sum = [0i32; 9];
                        add_rows::<1>(table, &keys, &mut sum);
                        for (e, s) in row.iter_mut().zip(sum) {
                            *e += s;
                        }
                    }
                } else {
                    tokens.clear();
                    tokens.extend(sentences[i].as_ref().iter().map(AsRef::as_ref));
                    x.analyse(&tokens, &mut scratch);
                    std::mem::swap(&mut scratch.hints, &mut hints);
                    x.emit(&mut scratch);
                    for t in 0..tokens.len() {
                        let mut sum = [0i32; 9];
                        add_rows::<1>(table, scratch.token(t), &mut sum);
                        work.emissions.extend_from_slice(&sum[..labels]);
                    }
                }
                second.decode(labels, work);
                finish(second, work, i)
            })
            .collect()
    }

    fn spans(&self, layer: &Layer, work: &mut Work, wanted: impl Fn(&EntitySpan) -> bool) -> Vec<EntitySpan> {
        // The spans of the path first, then the margins of the wanted ones. Most sentences name
        // nobody, or only what the caller knows already: no need for the margins' backward
        // pass. Otherwise it runs down to the first token of the first wanted span, the first
        // margin read (a token's margin does not depend on where the pass stops).
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
            let kind = [EntityKind::Person, EntityKind::Location, EntityKind::Organization, EntityKind::Misc][(y - 1) / 2];
            let span = EntitySpan { start: i, end, kind, confidence: 0.0 };
            if wanted(&span) {
                spans.push(span);
            }
            i = end;
        }
        let Some(first) = spans.first() else { return spans };
        layer.lattice(self.labels, &work.emissions).margins_from(first.start, &work.path, &work.forward, &mut work.backward, &mut work.margins);
        for span in &mut spans {
            let margin = work.margins[span.start..span.end].iter().copied().min().unwrap_or(0) as f32 / layer.scale;
            span.confidence = 1.0 / (1.0 + (-margin).exp());
        }
        spans
    }
}

/// Buffers of one tagging call.
#[derive(Default)]
struct Work {
    /// A sentence's tokens as ids in [`Seen`], their [`ContextInfo`], and feature keys in the layout
    /// of [`probe_all`]; a buffer for folding a token.
    ids: Vec<u32>,
    infos: Vec<ContextInfo>,
    keys: Vec<u32>,
    starts: Vec<u32>,
    folded: String,
    emissions: Vec<i32>,
    path: Vec<u8>,
    /// The last decoding's forward scores, reused by the margins.
    forward: Vec<i32>,
    backward: Vec<i32>,
    margins: Vec<i32>,
    probes: Probes,
}

/// The table lookups of a sentence's features, half done (see [`probe_all`]).
#[derive(Default)]
struct Probes {
    list: Vec<Probe>,
    bounds: Vec<u32>,
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

    #[test]
    fn the_wanted_spans_are_those_of_the_whole_tagging_with_the_same_confidence() {
        let arabic: Vec<Vec<&str>> = [
            "وقال وزير الخارجية سامح شكري إن القاهرة ترفض الخطة .",
            "وأكد شكري في مؤتمر صحفي مع نظيره الأردني أيمن الصفدي أن الحل سياسي .",
            "من جهتها ، رحبت منظمة الصحة العالمية بالاتفاق .",
        ]
        .iter()
        .map(|s| s.split(' ').collect())
        .collect();
        let english: Vec<Vec<&str>> = ["Angela Merkel met Olaf Scholz and officials of Siemens in Berlin .", "Scholz said Airbus would wait ."]
            .iter()
            .map(|s| s.split(' ').collect())
            .collect();
        for (lang, sentences) in [("ar", arabic), ("en", english)] {
            let tagger = Tagger::for_language(lang).unwrap();
            let all = tagger.tag_document(&sentences);
            assert!(all.iter().map(Vec::len).sum::<usize>() >= 3, "{lang}: {all:?}");
            // Each kind alone, spans that start after the first token, and the second sentence only.
            type Wanted<'a> = &'a dyn Fn(usize, &EntitySpan) -> bool;
            let filters: [Wanted; 4] = [&|_, s| s.kind == EntityKind::Person, &|_, s| s.kind != EntityKind::Person, &|_, s| s.start > 0, &|i, _| i == 1];
            for wanted in filters {
                let some = tagger.tag_document_where(&sentences, wanted);
                let expected: Vec<Vec<EntitySpan>> = all.iter().enumerate().map(|(i, spans)| spans.iter().filter(|s| wanted(i, s)).copied().collect()).collect();
                assert_eq!(some, expected, "{lang}");
            }
        }
    }
}
