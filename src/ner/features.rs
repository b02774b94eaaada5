//! Feature extraction: the one piece of code that training (in `tools/ner-train`) and tagging
//! share, so that a model sees at run time exactly the features it was trained on.
//!
//! Each token is folded once (the crate's matching form: tashkeel, tatweel and alef/ya/ta
//! marbuta variants unified, Latin lower-cased), its Arabic proclitics are split off, and a few
//! hashes are computed from byte slices of that form. Features are then 32-bit hashes of
//! (template, value) pairs; no string is built per feature.
#![cfg_attr(not(feature = "training"), allow(dead_code))]

use super::gazetteer::{class, Gazetteer};
use super::hash::{hash_bytes, key32, mix, Fnv};
use crate::text::{fold_char, is_invisible};
use crate::text::is_combining_mark;

/// Feature templates, one bit each in a model's template mask (so that a model records which
/// ones it was trained with, and ablations need no code change).
pub mod template {
    /// Always on: the label prior.
    pub const BIAS: u32 = 0;
    /// The folded word.
    pub const WORD: u32 = 1;
    /// The word without proclitics and article (بالقاهرة → قاهره).
    pub const STEM: u32 = 2;
    /// The word without conjunction and preposition, article kept (بالقاهرة → القاهره).
    pub const LIGHT_STEM: u32 = 3;
    /// The proclitics themselves (و, بال, لل, وال).
    pub const CLITICS: u32 = 4;
    /// First 1–3 characters.
    pub const PREFIX: u32 = 5;
    /// Last 1–4 characters (enclitic pronouns, nisba ي/ية, plural ون/ين/ات, English -son, -ia).
    pub const SUFFIX: u32 = 6;
    /// Word at −1.
    pub const PREV_WORD: u32 = 7;
    /// Word at +1.
    pub const NEXT_WORD: u32 = 8;
    /// Word at −2.
    pub const PREV2_WORD: u32 = 9;
    /// Word at +2.
    pub const NEXT2_WORD: u32 = 10;
    /// Stem at −1.
    pub const PREV_STEM: u32 = 11;
    /// Stem at +1.
    pub const NEXT_STEM: u32 = 12;
    /// Words −1 and 0.
    pub const PREV_BIGRAM: u32 = 13;
    /// Words 0 and +1.
    pub const NEXT_BIGRAM: u32 = 14;
    /// Character classes (Xxxd…), first 8.
    pub const SHAPE: u32 = 15;
    /// Character classes with runs collapsed (Xx, XX, d.d).
    pub const SHORT_SHAPE: u32 = 16;
    /// Short shapes of −1, 0, +1.
    pub const SHAPE_CONTEXT: u32 = 17;
    /// Gazetteer classes of the token (alone, first of a run, inside a run, after stripping).
    pub const GAZETTEER: u32 = 18;
    /// Gazetteer classes of the neighbours.
    pub const GAZETTEER_CONTEXT: u32 = 19;
    /// Sentence-initial or final, with the short shape (English capitals at sentence start).
    pub const POSITION: u32 = 20;
    /// The word as written, case kept (Latin script).
    pub const CASED_WORD: u32 = 21;
    /// Last two characters of the word at −1.
    pub const PREV_SUFFIX: u32 = 22;
    /// Length in characters, capped at 10.
    pub const LENGTH: u32 = 23;
    /// Document hints: the word, or its stem, was tagged PER/LOC/ORG/MISC elsewhere in the
    /// surrounding sentences by the first-stage model (only in a model's second stage).
    pub const DOCUMENT: u32 = 24;
    /// Number of templates.
    pub const COUNT: u32 = 25;
    /// Every template but [`DOCUMENT`].
    pub const ALL: u64 = (1 << DOCUMENT) - 1;
}

/// The key of template `t` with `value`.
#[inline]
pub fn feature_key(t: u32, value: u64) -> u32 {
    key32(mix(0x7465_6d70_0000 + u64::from(t), value))
}

/// What the extractor knows about one token by itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    word: u64,
    light: u64,
    stem: u64,
    clitics: u64,
    cased: u64,
    prefix: [u64; 3],
    suffix: [u64; 4],
    shape: u64,
    short_shape: u64,
    length: u64,
    latin: bool,
    /// Gazetteer classes: whole token, stripped form.
    gaz_single: u16,
    gaz_stripped: u16,
    /// The classes of the whole token and of its light stem as run starts, the prefix bit
    /// included (what [`Extractor::mark_runs`] starts multi-token runs from).
    gaz_whole: u16,
    gaz_light: u16,
}

/// What the features of a token in its sentence read of it and of its neighbours (their
/// words, stems, shapes, suffixes and gazetteer classes), and its place in multi-token
/// gazetteer entries: 56 bytes of a [`TokenInfo`]'s 136. A tagger keeps this part for every
/// token of a sentence and every different token of a document; the whole analysis, copied
/// for each token, was most of the 1.7 % of an Arabic article's time spent copying memory.
#[derive(Debug, Clone, Copy, Default)]
pub struct ContextInfo {
    word: u64,
    light: u64,
    stem: u64,
    short_shape: u64,
    /// The token's last two characters' hash ([`TokenInfo`]'s second suffix).
    suffix_2: u64,
    gaz_single: u16,
    gaz_stripped: u16,
    gaz_whole: u16,
    gaz_light: u16,
    /// Classes of the multi-token entries the token starts, and of those it is inside.
    gaz_begin: u16,
    gaz_inside: u16,
}

/// Reusable buffers, so that extraction allocates nothing once warmed up.
#[derive(Debug, Default)]
pub struct Scratch {
    folded: String,
    tokens: Vec<TokenInfo>,
    /// The tokens' [`ContextInfo`], with the multi-token entries marked.
    context: Vec<ContextInfo>,
    /// Feature keys of all tokens, token after token.
    pub keys: Vec<u32>,
    /// `keys[starts[i]..starts[i + 1]]` are token `i`'s features.
    pub starts: Vec<u32>,
    /// Document hints per token (bits: word tagged PER, LOC, ORG, MISC elsewhere; then the
    /// same for the stem), set between [`Extractor::analyse`] and [`Extractor::emit`].
    pub hints: Vec<u8>,
}

impl TokenInfo {
    /// The part that the features in context read, before multi-token entries are marked.
    pub fn context(&self) -> ContextInfo {
        ContextInfo {
            word: self.word,
            light: self.light,
            stem: self.stem,
            short_shape: self.short_shape,
            suffix_2: self.suffix[1],
            gaz_single: self.gaz_single,
            gaz_stripped: self.gaz_stripped,
            gaz_whole: self.gaz_whole,
            gaz_light: self.gaz_light,
            gaz_begin: 0,
            gaz_inside: 0,
        }
    }
}

impl ContextInfo {
    /// Hashes of the token's folded word and stem, which document hints are keyed by.
    pub fn word_and_stem(&self) -> (u64, u64) {
        (self.word, self.stem)
    }
}

impl Scratch {
    /// Hashes of token `i`'s folded word and stem, which document hints are keyed by.
    pub fn word_and_stem(&self, i: usize) -> (u64, u64) {
        self.context[i].word_and_stem()
    }

    /// Features of token `i` after [`Extractor::extract`].
    pub fn token(&self, i: usize) -> &[u32] {
        &self.keys[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// Feature extractor for one language, one template mask and one gazetteer.
#[derive(Debug, Clone, Copy)]
pub struct Extractor<'g> {
    /// Split Arabic proclitics (otherwise the stems equal the word).
    pub arabic: bool,
    /// Template mask ([`template`] bits).
    pub templates: u64,
    /// Name lists.
    pub gazetteer: &'g Gazetteer,
}

const BOS: u64 = 0x5f5f_626f_735f_5f01;
const EOS: u64 = 0x5f5f_656f_735f_5f02;

impl Extractor<'_> {
    /// Fills `scratch.keys`/`scratch.starts` with the features of every token of a sentence.
    pub fn extract(&self, tokens: &[&str], scratch: &mut Scratch) {
        self.analyse(tokens, scratch);
        self.emit(scratch);
    }

    /// The per-token part of [`Extractor::extract`]: folding, clitics, affixes, gazetteer.
    /// Clears the document hints.
    pub fn analyse(&self, tokens: &[&str], scratch: &mut Scratch) {
        scratch.tokens.clear();
        scratch.context.clear();
        for t in tokens {
            let info = self.token_alone(t, &mut scratch.folded);
            scratch.tokens.push(info);
            scratch.context.push(info.context());
        }
        self.mark_runs(&mut scratch.context);
        scratch.hints.clear();
        scratch.hints.resize(tokens.len(), 0);
    }

    /// The features of the analysed tokens (with this extractor's templates and the hints in
    /// `scratch.hints`).
    pub fn emit(&self, scratch: &mut Scratch) {
        scratch.keys.clear();
        scratch.starts.clear();
        scratch.starts.push(0);
        for i in 0..scratch.tokens.len() {
            self.emit_token(&scratch.tokens[i], &scratch.context, &scratch.hints, i, &mut scratch.keys);
            scratch.starts.push(scratch.keys.len() as u32);
        }
    }

    fn token_info(&self, token: &str, folded: &mut String) -> TokenInfo {
        folded.clear();
        if token.is_ascii() {
            // What `fold_char` makes of ASCII, a byte at a time: lower case.
            folded.push_str(token);
            folded.make_ascii_lowercase();
        } else {
            for c in token.chars() {
                fold_char(c, folded);
            }
        }
        if folded.is_empty() {
            // Only marks or invisible characters: keep something to hash.
            folded.push_str(token);
        }
        let f = folded.as_str();
        let bytes = f.as_bytes();
        let (word, chars, prefix) = word_and_prefixes(bytes);
        let mut info = TokenInfo { word, ..TokenInfo::default() };
        let clitics = if self.arabic { proclitics(f, chars) } else { Proclitics::NONE };
        // Without clitics the stems are the word itself: no need to hash it again.
        info.light = if clitics.light_alef {
            // لل = ل + ال with the alef elided: the light stem is ال + the rest.
            Fnv::new(0).bytes("ا".as_bytes()).bytes(&bytes[clitics.light..]).finish()
        } else if clitics.light == 0 {
            word
        } else {
            hash_bytes(&bytes[clitics.light..])
        };
        info.stem = if clitics.stem == 0 { word } else { hash_bytes(&bytes[clitics.stem..]) };
        info.clitics = hash_bytes(&bytes[..clitics.stem]);
        for (k, p) in prefix.into_iter().enumerate() {
            info.prefix[k] = mix(k as u64 + 1, p);
        }
        // The last 1–4 characters start at the last 4 character boundaries.
        let mut start = bytes.len();
        for k in 1..=4 {
            if start > 0 {
                start -= 1;
                while start > 0 && bytes[start] & 0xC0 == 0x80 {
                    start -= 1;
                }
            }
            info.suffix[k - 1] = mix(k as u64, hash_bytes(&bytes[start..]));
        }
        info.length = chars.min(10) as u64;
        let (shape, short, latin) = shapes(token);
        info.shape = shape;
        info.short_shape = short;
        info.latin = latin;
        info.cased = if latin { hash_bytes(token.as_bytes()) } else { info.word };
        info
    }

    /// Everything about a token that does not depend on its neighbours: [`Extractor::token_info`]
    /// and its own gazetteer classes. A tagger may keep it for every later occurrence of the
    /// token in a document (see [`Extractor::emit_alone`]).
    pub fn token_alone(&self, token: &str, folded: &mut String) -> TokenInfo {
        let mut t = self.token_info(token, folded);
        let g = self.gazetteer;
        if g.max_len == 0 {
            return t;
        }
        let whole = g.classes(Gazetteer::start(t.word));
        let light = if t.light != t.word { g.classes(Gazetteer::start(t.light)) } else { 0 };
        let stem = if t.stem != t.light { g.classes(Gazetteer::start(t.stem)) } else { 0 };
        t.gaz_single = whole & !class::PREFIX;
        t.gaz_stripped = (light | stem) & !class::PREFIX;
        (t.gaz_whole, t.gaz_light) = (whole, light);
        t
    }

    /// Marks the multi-token gazetteer entries of a sentence of tokens from
    /// [`Extractor::token_alone`]: the first token of each, and the tokens inside it.
    pub fn mark_runs(&self, toks: &mut [ContextInfo]) {
        let g = self.gazetteer;
        if g.max_len == 0 {
            return;
        }
        for i in 0..toks.len() {
            let t = toks[i];
            for (first, classes) in [(t.word, t.gaz_whole), (t.light, t.gaz_light)] {
                if classes & class::PREFIX == 0 {
                    continue;
                }
                let mut run = Gazetteer::start(first);
                for j in i + 1..toks.len().min(i + g.max_len) {
                    run = Gazetteer::extend(run, toks[j].word);
                    let c = g.classes(run);
                    if c & !class::PREFIX != 0 {
                        toks[i].gaz_begin |= c & !class::PREFIX;
                        for t in &mut toks[i + 1..=j] {
                            t.gaz_inside |= c & !class::PREFIX;
                        }
                    }
                }
            }
        }
    }

    /// The features of a token that depend on it alone (its word, stems, affixes, shapes, own
    /// gazetteer classes), appended to `keys`: the first part of what [`Extractor::emit`] gives
    /// a token, then [`Extractor::emit_in_context`], then the document features. A tagger sums
    /// weights, so it may keep this part's sum for every occurrence of the token. (Training
    /// sees the features in this order; changing to it from the interleaved order of before
    /// retrained both models byte for byte.)
    pub fn emit_alone(&self, t: &TokenInfo, keys: &mut Vec<u32>) {
        use template::*;
        let mask = self.templates;
        let mut emit = |t: u32, value: u64| {
            if mask & (1 << t) != 0 {
                keys.push(feature_key(t, value));
            }
        };
        emit(BIAS, 0);
        emit(WORD, t.word);
        emit(STEM, t.stem);
        emit(LIGHT_STEM, t.light);
        emit(CLITICS, t.clitics);
        for p in t.prefix {
            emit(PREFIX, p);
        }
        for s in t.suffix {
            emit(SUFFIX, s);
        }
        emit(SHAPE, t.shape);
        emit(SHORT_SHAPE, t.short_shape);
        for (kind, bits) in [(0u64, t.gaz_single), (3, t.gaz_stripped)] {
            for b in classes(bits) {
                emit(GAZETTEER, kind << 8 | u64::from(b));
            }
        }
        if t.latin {
            emit(CASED_WORD, t.cased);
        }
        emit(LENGTH, t.length);
    }

    /// The other features of token `i` of a sentence (neighbours, multi-token gazetteer
    /// entries, position), without the document hints: see [`Extractor::emit_alone`].
    pub fn emit_in_context(&self, toks: &[ContextInfo], i: usize, keys: &mut Vec<u32>) {
        use template::*;
        let mask = self.templates;
        let mut emit = |t: u32, value: u64| {
            if mask & (1 << t) != 0 {
                keys.push(feature_key(t, value));
            }
        };
        let t = &toks[i];
        let at = |d: isize| -> Option<&ContextInfo> { toks.get(i.checked_add_signed(d)?) };
        let word_at = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |x| x.word);
        let stem_at = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |x| x.stem);
        let short_at = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |x| x.short_shape);
        emit(PREV_WORD, word_at(-1));
        emit(NEXT_WORD, word_at(1));
        emit(PREV2_WORD, word_at(-2));
        emit(NEXT2_WORD, word_at(2));
        emit(PREV_STEM, stem_at(-1));
        emit(NEXT_STEM, stem_at(1));
        emit(PREV_BIGRAM, mix(word_at(-1), t.word));
        emit(NEXT_BIGRAM, mix(t.word, word_at(1)));
        emit(SHAPE_CONTEXT, mix(mix(short_at(-1), t.short_shape), short_at(1)));
        for (kind, bits) in [(1u64, t.gaz_begin), (2, t.gaz_inside)] {
            for b in classes(bits) {
                emit(GAZETTEER, kind << 8 | u64::from(b));
            }
        }
        for (kind, d) in [(0u64, -1isize), (1, 1)] {
            if let Some(n) = at(d) {
                for b in classes(n.gaz_single | n.gaz_begin | n.gaz_inside | n.gaz_stripped) {
                    emit(GAZETTEER_CONTEXT, kind << 8 | u64::from(b));
                }
            }
        }
        if i == 0 {
            emit(POSITION, mix(1, t.short_shape));
        }
        if i + 1 == toks.len() {
            emit(POSITION, mix(2, t.short_shape));
        }
        emit(PREV_SUFFIX, at(-1).map_or(BOS, |p| p.suffix_2));
    }

    /// Token `i`'s features: those of the token alone, those in context, and its document
    /// hints.
    fn emit_token(&self, alone: &TokenInfo, context: &[ContextInfo], hints: &[u8], i: usize, keys: &mut Vec<u32>) {
        self.emit_alone(alone, keys);
        self.emit_in_context(context, i, keys);
        self.emit_document(hints, i, keys);
    }

    /// Appends token `i`'s document-hint features (the last ones [`Extractor::emit`] gives a
    /// token) to `keys`: a two-stage tagger scores the other features once for both stages,
    /// and only these anew in the second.
    pub fn emit_document(&self, hints: &[u8], i: usize, keys: &mut Vec<u32>) {
        if self.templates & (1 << template::DOCUMENT) != 0 {
            document_features(hints, i, |t, value| keys.push(feature_key(t, value)));
        }
    }
}

/// The gazetteer classes set in `bits`, lowest first (most tokens have none: no need to test
/// each of the [`class::COUNT`] bits).
#[inline]
fn classes(bits: u16) -> impl Iterator<Item = u32> {
    let mut rest = bits & ((1 << class::COUNT) - 1);
    std::iter::from_fn(move || {
        let b = rest.trailing_zeros();
        rest &= rest.wrapping_sub(1);
        (b < 16).then_some(b)
    })
}

/// The [`template::DOCUMENT`] features of token `i`, given to `emit` as (template, value).
#[inline]
fn document_features(hints: &[u8], i: usize, mut emit: impl FnMut(u32, u64)) {
    use template::DOCUMENT;
    let hint = hints.get(i).copied().unwrap_or(0);
    for b in 0..8u8 {
        if hint & (1 << b) != 0 {
            emit(DOCUMENT, u64::from(b));
            // The same evidence on the previous token: a name continued.
            emit(DOCUMENT, 0x100 | u64::from(b) | u64::from(hints.get(i.wrapping_sub(1)).copied().unwrap_or(0) & (1 << b) != 0) << 4);
        }
    }
}

/// The hash of a folded word, its length in characters, and the hashes of its first 1, 2 and
/// 3 characters (the whole word when shorter), in one pass: FNV is streaming, so its state
/// after `bytes[..end]` is the hash of that prefix.
#[inline]
fn word_and_prefixes(bytes: &[u8]) -> (u64, usize, [u64; 3]) {
    let mut h = Fnv::new(0);
    let mut chars = 0;
    let mut prefix = [0u64; 3];
    for &b in bytes {
        // Not a UTF-8 continuation byte: character number `chars` starts here.
        if b & 0xC0 != 0x80 {
            if (1..=3).contains(&chars) {
                prefix[chars - 1] = h.finish();
            }
            chars += 1;
        }
        h = h.byte(b);
    }
    let word = h.finish();
    for p in prefix.iter_mut().skip(chars.saturating_sub(1)) {
        *p = word;
    }
    (word, chars, prefix)
}

/// Where the light stem and the stem of a folded word start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Proclitics {
    light: usize,
    stem: usize,
    /// The light stem is ال + `word[light..]` (لل contracts ل + ال).
    light_alef: bool,
}

impl Proclitics {
    const NONE: Proclitics = Proclitics { light: 0, stem: 0, light_alef: false };
}

/// Arabic proclitics of a folded word: the conjunction و/ف, the prepositions ب/ك/ل (split
/// only before the article, where they cannot be a root letter: لبنان keeps its ل), and
/// the article ال. A stem keeps at least two letters. The split is a guess, and only feeds
/// features; the word itself is always a feature too.
/// `chars` is the word's length in characters.
fn proclitics(f: &str, chars: usize) -> Proclitics {
    let arabic_start = f.chars().next().is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    if !arabic_start {
        return Proclitics::NONE;
    }
    let mut i = 0;
    let mut left = chars;
    if left >= 4 && (f.starts_with('و') || f.starts_with('ف')) {
        i = 'و'.len_utf8();
        left -= 1;
    }
    let rest = &f[i..];
    if left >= 4 && rest.starts_with("لل") {
        return Proclitics { light: i + 2, stem: i + 4, light_alef: true };
    }
    if left >= 5 && (rest.starts_with('ب') || rest.starts_with('ك') || rest.starts_with('ل')) && rest[2..].starts_with("ال") {
        return Proclitics { light: i + 2, stem: i + 6, light_alef: false };
    }
    if left >= 4 && rest.starts_with("ال") {
        return Proclitics { light: i, stem: i + 4, light_alef: false };
    }
    Proclitics { light: i, stem: i, light_alef: false }
}

/// The Arabic letters hamza to ya, without tatweel (U+0640), which folds away.
fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{063A}').contains(&c) || ('\u{0641}'..='\u{064A}').contains(&c)
}

/// Hashes of the full shape (first 8 classes) and of the collapsed shape; whether the token
/// is Latin script.
fn shapes(token: &str) -> (u64, u64, bool) {
    if token.is_ascii() {
        ascii_shapes(token.as_bytes())
    } else {
        any_shapes(token)
    }
}

/// [`shapes`] of any token, character by character.
fn any_shapes(token: &str) -> (u64, u64, bool) {
    let mut shape = ShapeHashes::default();
    let mut latin = false;
    // Marks, tatweel and invisible characters fold away, so they do not count in the shape.
    let visible = token.chars().filter(|&c| c.is_ascii() || is_arabic_letter(c) || (c != '\u{0640}' && !is_combining_mark(c) && !is_invisible(c)));
    for c in visible {
        let class = if is_arabic_letter(c) {
            // The common case first: an Arabic letter (no Unicode table lookups).
            b'a'
        } else if c.is_ascii_lowercase() {
            latin = true;
            b'x'
        } else if c.is_ascii_uppercase() {
            latin = true;
            b'X'
        } else if c.is_ascii_digit() || ('٠'..='٩').contains(&c) {
            b'd'
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) && c.is_alphabetic() {
            b'a'
        } else if c.is_uppercase() {
            latin |= c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c);
            b'X'
        } else if c.is_lowercase() {
            latin |= c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c);
            b'x'
        } else if c.is_alphabetic() {
            b'l'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'p'
        };
        shape.push(class);
    }
    shape.finish(latin)
}

/// [`shapes`] of an ASCII token, byte by byte: the classes the general path gives ASCII
/// characters (letters x and X, digits d, anything else itself), without decoding.
fn ascii_shapes(bytes: &[u8]) -> (u64, u64, bool) {
    let mut shape = ShapeHashes::default();
    for &b in bytes {
        shape.push(match b {
            b'a'..=b'z' => b'x',
            b'A'..=b'Z' => b'X',
            b'0'..=b'9' => b'd',
            _ => b,
        });
    }
    shape.finish(bytes.iter().any(u8::is_ascii_alphabetic))
}

/// The two shape hashes of a token, fed one character class at a time: the full shape hashes
/// the first eight classes, the short one each run of equal classes once.
struct ShapeHashes {
    full: Fnv,
    short: Fnv,
    classes: usize,
    last: u8,
}

impl Default for ShapeHashes {
    fn default() -> Self {
        ShapeHashes { full: Fnv::new(1), short: Fnv::new(2), classes: 0, last: 0 }
    }
}

impl ShapeHashes {
    #[inline]
    fn push(&mut self, class: u8) {
        if self.classes < 8 {
            self.full = self.full.byte(class);
        }
        self.classes += 1;
        if class != self.last {
            self.short = self.short.byte(class);
            self.last = class;
        }
    }

    /// The full and short shape hashes, and `latin` as given.
    fn finish(self, latin: bool) -> (u64, u64, bool) {
        (self.full.finish(), self.short.finish(), latin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_tokens_get_the_shapes_and_folding_of_the_general_path() {
        let mut tokens: Vec<String> = (0u8..128).map(|b| char::from(b).to_string()).collect();
        tokens.extend(["Putin", "UN", "U.S.", "COVID-19", "x", "iPhone", "O'Brien", "al-Sisi", "2025", "a1B2c3D4e5", "---", "\t\u{1}"].map(String::from));
        for token in &tokens {
            assert_eq!(ascii_shapes(token.as_bytes()), any_shapes(token), "{token:?}");
            let mut by_char = String::new();
            token.chars().for_each(|c| fold_char(c, &mut by_char));
            assert_eq!(token.to_ascii_lowercase(), by_char, "{token:?}");
        }
    }

    #[test]
    fn proclitic_splits() {
        let cases = [
            ("conjunction, preposition and article", "وبالقاهره", "وبال", "قاهره"),
            ("article", "القاهره", "ال", "قاهره"),
            ("preposition before the article", "بالعراق", "بال", "عراق"),
            ("lam-lam contraction", "للسلطه", "لل", "سلطه"),
            ("root lam kept", "لبنان", "", "لبنان"),
            ("conjunction only", "ومصر", "و", "مصر"),
            ("short word untouched", "ولد", "", "ولد"),
            ("latin untouched", "London", "", "London"),
        ];
        for (name, word, clitics, stem) in cases {
            let p = proclitics(word, word.chars().count());
            assert_eq!((&word[..p.stem], &word[p.stem..]), (clitics, stem), "{name}");
        }
    }

    #[test]
    fn hashes_match_their_definition() {
        // The one-pass hashing of token_info against the slices each hash is defined over.
        let g = Gazetteer::default();
        let mut folded = String::new();
        for arabic in [true, false] {
            let x = Extractor { arabic, templates: template::ALL, gazetteer: &g };
            for token in ["", "a", "ab", "abc", "abcd", "abcde", "é", "Straße", "وبالقاهرة", "للسلطة", "لبنان", "ومصر", "و", "قَالَ", "\u{200C}", "日本語テキスト", "𝒜b"] {
                let info = x.token_info(token, &mut folded);
                let f = folded.as_str();
                let p = if arabic { proclitics(f, f.chars().count()) } else { Proclitics::NONE };
                assert_eq!(info.word, hash_bytes(f.as_bytes()), "{token}");
                assert_eq!(info.stem, hash_bytes(&f.as_bytes()[p.stem..]), "{token}");
                assert_eq!(info.clitics, hash_bytes(&f.as_bytes()[..p.stem]), "{token}");
                if !p.light_alef {
                    assert_eq!(info.light, hash_bytes(&f.as_bytes()[p.light..]), "{token}");
                }
                for k in 1..=3 {
                    let end = f.char_indices().nth(k).map_or(f.len(), |(i, _)| i);
                    assert_eq!(info.prefix[k - 1], mix(k as u64, hash_bytes(&f.as_bytes()[..end])), "{token} {k}");
                }
                let mut start = f.len();
                let mut it = f.char_indices().rev();
                for k in 1..=4 {
                    if let Some((i, _)) = it.next() {
                        start = i;
                    }
                    assert_eq!(info.suffix[k - 1], mix(k as u64, hash_bytes(&f.as_bytes()[start..])), "{token} {k}");
                }
                assert_eq!(info.length, f.chars().count().min(10) as u64, "{token}");
            }
        }
    }

    #[test]
    fn what_a_tagger_keeps_of_a_token_is_the_size_its_comments_say() {
        assert_eq!((std::mem::size_of::<ContextInfo>(), std::mem::size_of::<TokenInfo>()), (56, 136));
    }

    #[test]
    fn a_token_alone_and_in_context_give_the_keys_of_emit() {
        // Single and multi-token entries (a run's first token carries the prefix bit), one
        // that matches only a stripped form, and document hints on some tokens.
        let key = |text: &str| Gazetteer::entry_key(text).unwrap().0;
        let entries = [
            (key("القاهرة"), class::LOCATION),
            (key("الولايات"), class::PREFIX | class::DEMONYM),
            (key("الولايات المتحدة"), class::LOCATION),
            (key("الولايات المتحدة الأمريكية"), class::LOCATION | class::ORGANIZATION),
            (key("قاهرة"), class::LOCATION_PART),
            (key("New"), class::PREFIX),
            (key("New York"), class::LOCATION),
            (key("Putin"), class::PERSON),
        ];
        let g = Gazetteer::new(&entries, 3, 32);
        let sentences: [&[&str]; 4] = [
            &["وقال", "الرئيس", "في", "القاهرة", "إن", "الولايات", "المتحدة", "الأمريكية", "وبالقاهرة", "."],
            &["الولايات", "المتحدة"],
            &["Putin", "flew", "to", "New", "York", "on", "Monday", ",", "New", "said", "."],
            &["x"],
        ];
        for (arabic, templates) in [(true, template::ALL), (false, template::ALL), (true, template::ALL | 1 << template::DOCUMENT), (true, 0b1010_1010_1010_1010_1010)] {
            let x = Extractor { arabic, templates, gazetteer: &g };
            for tokens in sentences {
                let mut whole = Scratch::default();
                x.analyse(tokens, &mut whole);
                for (i, h) in whole.hints.iter_mut().enumerate() {
                    *h = [0, 0b1, 0b1_0001, 0b1000_0100][i % 4];
                }
                x.emit(&mut whole);
                let mut folded = String::new();
                let alone: Vec<TokenInfo> = tokens.iter().map(|t| x.token_alone(t, &mut folded)).collect();
                let mut context: Vec<ContextInfo> = alone.iter().map(TokenInfo::context).collect();
                x.mark_runs(&mut context);
                for (i, info) in alone.iter().enumerate() {
                    let mut parts = Vec::new();
                    x.emit_alone(info, &mut parts);
                    x.emit_in_context(&context, i, &mut parts);
                    x.emit_document(&whole.hints, i, &mut parts);
                    let mut want = whole.token(i).to_vec();
                    want.sort_unstable();
                    parts.sort_unstable();
                    assert_eq!(parts, want, "token {i} of {tokens:?}, templates {templates:#x}");
                }
            }
        }
    }

    #[test]
    fn variants_of_one_word_get_the_same_features() {
        let g = Gazetteer::default();
        let x = Extractor { arabic: true, templates: template::ALL, gazetteer: &g };
        let mut a = Scratch::default();
        let mut b = Scratch::default();
        x.extract(&["قال", "الرئيس", "المصري"], &mut a);
        x.extract(&["قَالَ", "الرئيـــس", "المصرى"], &mut b);
        assert_eq!(a.keys, b.keys);
        assert_eq!(a.starts.len(), 4);
    }
}
