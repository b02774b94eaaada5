//! Given names (`data/lexicon/given_names.tsv`): a known given name followed by a family
//! name is a person, even when no title introduces them ("خليل الحية", "Rustem Umerov").

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::tsv::{field, Tsv};
use crate::text::fold_str;

const GIVEN_NAMES: &str = include_str!("../../data/lexicon/given_names.tsv");

/// Folded given name → gender ('m', 'f' or 'u'). Compound names keep their space
/// ("عبد الله").
pub(crate) fn given_names() -> &'static HashMap<String, char> {
    static NAMES: OnceLock<HashMap<String, char>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let t = Tsv::parse(GIVEN_NAMES);
        let (name, gender) = (t.column("name"), t.column("gender"));
        t.rows.iter().map(|r| (fold_str(field(r, name)), field(r, gender).chars().next().unwrap_or('u'))).collect()
    })
}

/// A word that is a given name by itself ([`given_name_words`]).
pub(crate) const GIVEN_NAME: u8 = 1;
/// A word that is the first of a compound given name ("عبد" of "عبد الله"): only a word that
/// reads as one can start a compound name ([`given_name_words`]).
pub(crate) const OPENS_COMPOUND_NAME: u8 = 2;

/// Folded word → [`GIVEN_NAME`] and [`OPENS_COMPOUND_NAME`] bits: one look-up of each reading
/// of an Arabic word answers both (a rule asks them of nearly every word).
pub(crate) fn given_name_words() -> &'static HashMap<String, u8> {
    static WORDS: OnceLock<HashMap<String, u8>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: HashMap<String, u8> = HashMap::default();
        for name in given_names().keys() {
            match name.split_once(' ') {
                Some((first, _)) => *words.entry(first.to_string()).or_default() |= OPENS_COMPOUND_NAME,
                None => *words.entry(name.clone()).or_default() |= GIVEN_NAME,
            }
        }
        words
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_are_folded() {
        let names = given_names();
        assert!(names.contains_key(&fold_str("أحمد")));
        assert!(names.contains_key("vladimir"));
    }

    #[test]
    fn a_word_is_marked_as_a_given_name_or_the_start_of_a_compound_one() {
        let words = given_name_words();
        let names = given_names();
        for (word, &kinds) in words {
            assert_eq!(kinds & GIVEN_NAME != 0, names.contains_key(word), "{word}");
            assert_eq!(kinds & OPENS_COMPOUND_NAME != 0, names.keys().any(|n| n.split_once(' ').is_some_and(|(first, _)| first == word)), "{word}");
        }
        assert!(names.keys().all(|n| words.contains_key(n.split(' ').next().unwrap_or(n))), "every name's first word is there");
        assert_eq!(words.get(&fold_str("عبد")).copied().unwrap_or(0) & OPENS_COMPOUND_NAME, OPENS_COMPOUND_NAME);
        assert_eq!(words.get(&fold_str("أحمد")).copied().unwrap_or(0) & GIVEN_NAME, GIVEN_NAME);
    }
}
