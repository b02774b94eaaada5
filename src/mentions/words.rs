//! Closed word classes that the rules consult (function words, qualifiers, negation …), read
//! from `data/lexicon/function_words.tsv`, one row per class and language.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::tsv::{field, variants, Tsv};
use crate::text::{arabic, fold_str};

const FUNCTION_WORDS: &str = include_str!("../../data/lexicon/function_words.tsv");

/// Word classes by id (`ar.stop`, `en.negation` …), each a set of folded words (multiword
/// entries keep their spaces).
pub(crate) fn class(id: &str) -> &'static FxHashSet<String> {
    static CLASSES: OnceLock<FxHashMap<&'static str, FxHashSet<String>>> = OnceLock::new();
    static EMPTY: OnceLock<FxHashSet<String>> = OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        let t = Tsv::parse(FUNCTION_WORDS);
        let (id, words) = (t.column("id"), t.column("words"));
        t.rows.iter().map(|r| (field(r, id), variants(field(r, words)).map(fold_str).collect())).collect()
    });
    classes.get(id).unwrap_or_else(|| EMPTY.get_or_init(FxHashSet::default))
}

/// Whether a folded word is in a class, for Arabic also after removing a conjunction (و، ف).
pub(crate) fn is(id: &str, word: &str) -> bool {
    let set = class(id);
    if set.contains(word) {
        return true;
    }
    id.starts_with("ar.") && arabic::verb_stems(word).iter().skip(1).any(|s| set.contains(*s))
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
