//! Closed word classes that the rules consult (function words, qualifiers, negation …), read
//! from `data/lexicon/function_words.tsv`, one row per class and language.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon::tsv::{field, variants, Tsv};
use crate::text::{arabic, fold_str};

const FUNCTION_WORDS: &str = include_str!("../../data/lexicon/function_words.tsv");

/// Word classes by id (`ar.stop`, `en.negation` …), each a set of folded words (multiword
/// entries keep their spaces).
pub(crate) fn class(id: &str) -> &'static HashSet<String> {
    static CLASSES: OnceLock<HashMap<String, HashSet<String>>> = OnceLock::new();
    static EMPTY: OnceLock<HashSet<String>> = OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        let t = Tsv::parse(FUNCTION_WORDS);
        let (id, words) = (t.column("id"), t.column("words"));
        t.rows.iter().map(|r| (field(r, id).to_string(), variants(field(r, words)).map(fold_str).collect())).collect()
    });
    classes.get(id).unwrap_or_else(|| EMPTY.get_or_init(HashSet::new))
}

/// Whether a folded word is in a class, for Arabic also after removing a conjunction (و، ف).
pub(crate) fn is(id: &str, word: &str) -> bool {
    let set = class(id);
    if set.contains(word) {
        return true;
    }
    id.starts_with("ar.") && arabic::verb_stems(word).iter().skip(1).any(|s| set.contains(*s))
}

/// An Arabic word is `target` with valid proclitics in front (وبوتين، لترامب).
pub(crate) fn arabic_word_is(word: &str, target: &str) -> bool {
    word.strip_suffix(target).is_some_and(|prefix| {
        arabic::is_proclitic_prefix(prefix, target.starts_with("ال"), false)
    }) || target.strip_prefix("ال").is_some_and(|stem| {
        word.strip_suffix(stem).is_some_and(|prefix| arabic::is_proclitic_prefix(prefix, true, true))
    })
}
