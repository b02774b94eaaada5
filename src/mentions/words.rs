//! Closed word classes that the rules consult (function words, qualifiers, negation …), read
//! from `data/lexicon/function_words.tsv`, one row per class and language.

use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::tsv::{field, variants, Tsv};
use crate::text::{arabic, fold_str, Document};

const FUNCTION_WORDS: &str = include_str!("../../data/lexicon/function_words.tsv");

/// The word classes, compiled once.
struct Classes {
    /// Class id → its bit in the masks of `words`.
    bits: FxHashMap<&'static str, u32>,
    /// Each class's words, by bit.
    sets: Vec<FxHashSet<String>>,
    /// Folded word → the classes it is in, one bit each: one look-up answers every class.
    words: FxHashMap<String, Masks>,
}

/// The classes a word is in, and those with an entry of two words that it opens (في حين).
#[derive(Debug, Clone, Copy, Default)]
struct Masks {
    of: u128,
    opens_phrase: u128,
    /// The Arabic classes the word is in once a conjunction or a future س is taken off (one
    /// of its [`arabic::verb_stems`] other than itself): وقال, سيقول, وسيقول for قال and يقول.
    /// Stored under each such form when the classes are built, so that asking about a word is
    /// one look-up, not one for each of its stems (this is asked several times of every word
    /// of an Arabic article).
    after_prefix: u128,
}

impl Masks {
    /// The classes [`is`] finds the word in: its own, and for the Arabic classes also those
    /// of its stems.
    fn found(&self) -> u128 {
        self.of | self.after_prefix
    }
}

/// The forms whose [`arabic::verb_stems`] include `stem` after the word itself: `stem` after
/// a conjunction, after a future س (a present-tense verb), or after both. The length
/// conditions are those of `verb_stems`, seen from the stem: a test checks the two agree.
fn prefixed_forms(stem: &str) -> Vec<String> {
    let letters = stem.chars().count();
    if letters < 3 {
        return Vec::new();
    }
    let mut forms: Vec<String> = ["و", "ف"].iter().map(|c| format!("{c}{stem}")).collect();
    if stem.starts_with(['ي', 'ت', 'ن', 'ا']) {
        forms.extend(["س", "وس", "فس"].iter().map(|p| format!("{p}{stem}")));
    }
    forms
}

fn classes() -> &'static Classes {
    static CLASSES: OnceLock<Classes> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let t = Tsv::parse(FUNCTION_WORDS);
        let (id, words) = (t.column("id"), t.column("words"));
        assert!(t.rows.len() <= 128, "function_words.tsv: more than 128 classes do not fit a u128 mask");
        let mut c = Classes { bits: FxHashMap::default(), sets: Vec::new(), words: FxHashMap::default() };
        for (bit, row) in t.rows.iter().enumerate() {
            let set: FxHashSet<String> = variants(field(row, words)).map(fold_str).collect();
            let arabic_class = field(row, id).starts_with("ar.");
            for w in &set {
                c.words.entry(w.clone()).or_default().of |= 1 << bit;
                if let Some((first, _)) = w.split_once(' ') {
                    c.words.entry(first.to_string()).or_default().opens_phrase |= 1 << bit;
                }
                if arabic_class {
                    for form in prefixed_forms(w) {
                        c.words.entry(form).or_default().after_prefix |= 1 << bit;
                    }
                }
            }
            c.bits.insert(field(row, id), bit as u32);
            c.sets.push(set);
        }
        c
    })
}

/// Word classes by id (`ar.stop`, `en.negation` …), each a set of folded words (multiword
/// entries keep their spaces).
pub(crate) fn class(id: &str) -> &'static FxHashSet<String> {
    static EMPTY: OnceLock<FxHashSet<String>> = OnceLock::new();
    let c = classes();
    c.bits.get(id).map_or_else(|| EMPTY.get_or_init(FxHashSet::default), |&bit| &c.sets[bit as usize])
}

/// The bit of a class id. The rules name classes by string literals, several per word of an
/// article: a small cache keyed by the literal's address saves hashing the id each time
/// (sound because a `'static` string's address and length always name the same text).
fn class_bit(id: &'static str) -> Option<u32> {
    const NONE: u32 = u32::MAX;
    /// Some forty ids: few share a slot.
    const SLOTS: usize = 1024;
    thread_local! {
        static CACHE: [Cell<(usize, usize, u32)>; SLOTS] = const { [const { Cell::new((0, 0, NONE)) }; SLOTS] };
    }
    let key = (id.as_ptr() as usize, id.len());
    let slot = ((key.0 ^ key.1).wrapping_mul(0x9E37_79B9) >> 7) % SLOTS;
    CACHE.with(|cache| {
        let (ptr, len, bit) = cache[slot].get();
        let bit = if (ptr, len) == key {
            bit
        } else {
            let bit = classes().bits.get(id).copied().unwrap_or(NONE);
            cache[slot].set((key.0, key.1, bit));
            bit
        };
        (bit != NONE).then_some(bit)
    })
}

/// Whether a folded word is in a class, for Arabic also after removing a conjunction (و، ف)
/// or a future س.
// Not inlined: asked at a hundred places, and each inlined copy would carry the class-id
// cache and the hash look-up (7 KB of the web module).
#[inline(never)]
pub(crate) fn is(id: &'static str, word: &str) -> bool {
    let Some(bit) = class_bit(id) else { return false };
    found(word) & (1u128 << bit) != 0
}

/// The classes [`is`] finds a word in.
fn found(word: &str) -> u128 {
    classes().words.get(word).map_or(0, Masks::found)
}

/// [`is`] of token `k`'s folded form, from the classes of the document's tokens, found for all
/// of them on the first question.
#[inline(never)] // as [`is`]
pub(crate) fn token_is(doc: &Document, k: usize, id: &'static str) -> bool {
    let Some(bit) = class_bit(id) else { return false };
    token_classes(doc)[k] & (1u128 << bit) != 0
}

/// [`is_any`] of token `k`'s folded form (see [`token_is`]).
#[inline(never)] // as [`is`]
pub(crate) fn token_is_any(doc: &Document, k: usize, ids: &[&'static str]) -> bool {
    token_classes(doc)[k] & mask_of(ids) != 0
}

/// The bits of the classes `ids` (unknown ids have none).
fn mask_of(ids: &[&'static str]) -> u128 {
    ids.iter().filter_map(|&id| class_bit(id)).fold(0, |all, bit| all | 1 << bit)
}

fn token_classes<'d>(doc: &'d Document) -> &'d [u128] {
    doc.word_classes.get_or_init(|| (0..doc.tokens().len()).map(|k| found(doc.ftok(k))).collect())
}

/// Whether a folded word is in any of the classes, as [`is`] asks for each: one look-up of the
/// word for all of them.
#[inline(never)] // as [`is`]
pub(crate) fn is_any(ids: &[&'static str], word: &str) -> bool {
    found(word) & mask_of(ids) != 0
}

/// Whether the two words `first second` are an entry of a class (two-word clause breaks:
/// في حين، إلا أن), without building the phrase for each pair of words.
pub(crate) fn is_phrase(id: &'static str, first: &str, second: &str) -> bool {
    let Some(bit) = class_bit(id) else { return false };
    // Most words open no entry of two words: one look-up of the first tells.
    classes().words.get(first).is_some_and(|m| m.opens_phrase & (1 << bit) != 0) && phrase_in(id, first, second)
}

/// Whether a word is in a class (as [`is`] asks) or opens, with the word after it, an entry
/// of two words of it ([`is_phrase`]): one look-up of the word for both (this is asked of
/// every word of a claim).
pub(crate) fn is_or_opens(id: &'static str, word: &str, next: Option<&str>) -> bool {
    let Some(bit) = class_bit(id) else { return false };
    let mask = 1u128 << bit;
    let masks = classes().words.get(word).copied().unwrap_or_default();
    masks.found() & mask != 0 || (masks.opens_phrase & mask != 0 && next.is_some_and(|next| phrase_in(id, word, next)))
}

fn phrase_in(id: &str, first: &str, second: &str) -> bool {
    thread_local! {
        static PHRASE: RefCell<String> = const { RefCell::new(String::new()) };
    }
    PHRASE.with(|phrase| {
        let mut phrase = phrase.borrow_mut();
        phrase.clear();
        phrase.push_str(first);
        phrase.push(' ');
        phrase.push_str(second);
        class(id).contains(phrase.as_str())
    })
}

/// The words an Arabic orthographic word can be once valid proclitics are taken off
/// (وبوتين → بوتين; للبرهان → البرهان), itself included.
pub(crate) fn arabic_readings(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    any_arabic_reading(word, |r| {
        out.push(r.to_string());
        false
    });
    out
}

/// Whether `test` holds for one of the [`arabic_readings`] of a word, tried in their order
/// without building them all (this runs for most Arabic words of an article).
pub(crate) fn any_arabic_reading(word: &str, mut test: impl FnMut(&str) -> bool) -> bool {
    if test(word) {
        return true;
    }
    // Every proclitic prefix, fused لل included, starts with one of و ف ب ل ك: a word that
    // starts otherwise (most do) has no other reading.
    if !word.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
        return false;
    }
    let mut with_article = String::new();
    for (i, _) in word.char_indices().skip(1).take(3) {
        let (prefix, rest) = word.split_at(i);
        if rest.chars().count() < 2 {
            break;
        }
        if arabic::is_proclitic_prefix(prefix, rest.starts_with("ال"), false) && test(rest) {
            return true;
        }
        if arabic::is_proclitic_prefix(prefix, true, true) {
            with_article.clear();
            with_article.push_str("ال");
            with_article.push_str(rest);
            if test(&with_article) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_str;

    /// What [`is`] answered when it looked each stem up in turn.
    fn is_by_stems(id: &str, word: &str) -> bool {
        let Some(&bit) = classes().bits.get(id) else { return false };
        let of = |w: &str| classes().words.get(w).map_or(0, |m| m.of) & (1u128 << bit) != 0;
        of(word) || (id.starts_with("ar.") && arabic::verb_stems(word).iter().skip(1).any(|s| of(s)))
    }

    #[test]
    fn prefixed_forms_find_what_looking_up_each_stem_finds() {
        let c = classes();
        let mut ids: Vec<&'static str> = c.bits.keys().copied().collect();
        ids.sort_unstable();
        // Every listed word and short one, with each prefix verb_stems knows and some it does not,
        // and with its first letter cut (a stem of three letters becomes one of two).
        let mut forms: Vec<String> = Vec::new();
        for w in c.words.keys().chain([&"قال".to_string(), &"يقول".to_string(), &"اكد".to_string(), &"نا".to_string(), &"ي".to_string()]) {
            for prefix in ["", "و", "ف", "س", "وس", "فس", "فو", "ول", "ب", "ال", "سو"] {
                forms.push(format!("{prefix}{w}"));
            }
            forms.extend(w.char_indices().nth(1).map(|(i, _)| w[i..].to_string()));
        }
        assert!(forms.len() > 10_000, "{}", forms.len());
        for form in &forms {
            for &id in &ids {
                assert_eq!(is(id, form), is_by_stems(id, form), "{id} {form}");
            }
        }
        assert!(is("ar.stop", &fold_str("وعلى")), "a conjunction before a listed word");
        assert!(!is("ar.stop", &fold_str("وفي")), "too short to lose its conjunction");
    }

    #[test]
    fn a_tokens_classes_are_those_of_its_folded_form() {
        let doc = Document::new("وقال الرئيس إنه لن يقبل، فيما أكد الوزير أن الحكومة ستواصل. The minister said he would not resign, but the government is divided.");
        let mut ids: Vec<&'static str> = classes().bits.keys().copied().collect();
        ids.sort_unstable();
        for k in 0..doc.tokens().len() {
            for &id in &ids {
                assert_eq!(token_is(&doc, k, id), is(id, doc.ftok(k)), "{id} {}", doc.ftok(k));
            }
            assert_eq!(token_is_any(&doc, k, &ids), ids.iter().any(|&id| is(id, doc.ftok(k))));
        }
        assert!(!token_is(&doc, 0, "no.such_class"));
    }

    #[test]
    fn two_word_entries_are_found_from_their_first_word() {
        let f = fold_str;
        assert!(is_phrase("ar.state_body", &f("وزارة"), &f("الخارجية")));
        assert!(!is_phrase("ar.state_body", &f("وزارة"), &f("الزراعة")));
        assert!(!is_phrase("ar.state_body", &f("الحكومة"), &f("الجديدة")), "a one-word entry is no phrase");
        // A clause break of one word, of two, with or without its second word, and through a
        // conjunction (Arabic classes try the word without و).
        assert!(is_or_opens("ar.clause_break", &f("في"), Some(&f("حين"))));
        assert!(!is_or_opens("ar.clause_break", &f("في"), Some(&f("البيت"))));
        assert!(!is_or_opens("ar.clause_break", &f("في"), None));
        assert!(is_or_opens("ar.clause_break", &f("بينما"), None));
        assert!(is_or_opens("ar.clause_break", &f("ولكن"), None));
        assert!(is_or_opens("en.clause_break", "even", Some("as")));
        assert!(!is_or_opens("en.clause_break", "even", Some("if")));
        assert!(is_or_opens("en.clause_break", "whereas", Some("the")));
        assert!(!is_or_opens("en.no_such_class", "while", None));
    }
}
