//! The few closed word classes the table reader consults (words that name an aspect column,
//! words a cell continues after, month names, the patterns and endings of Arabic words), read from `data/lexicon/table_words.tsv`.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::tsv::{field, variants, Tsv};
use crate::text::fold_str;

const TABLE_WORDS: &str = include_str!("../../data/lexicon/table_words.tsv");

fn classes() -> &'static FxHashMap<&'static str, FxHashSet<String>> {
    static CLASSES: OnceLock<FxHashMap<&'static str, FxHashSet<String>>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let t = Tsv::parse(TABLE_WORDS);
        let (id, words) = (t.column("id"), t.column("words"));
        t.rows.iter().map(|row| (field(row, id), variants(field(row, words)).map(fold_str).collect())).collect()
    })
}

/// Whether a folded word is in the class `id` (`en.month`, `ar.aspect_label` …).
pub(crate) fn is(id: &str, folded: &str) -> bool {
    classes().get(id).is_some_and(|set| set.contains(folded))
}

/// The folded words of the class `id`, in no particular order.
pub(crate) fn members(id: &str) -> impl Iterator<Item = &'static str> {
    classes().get(id).into_iter().flat_map(|set| set.iter().map(String::as_str))
}

/// Whether a folded word is in the class of either language (`aspect_label`, `month` …).
#[cfg(test)]
pub(crate) fn is_either(class: &str, folded: &str) -> bool {
    is(&format!("ar.{class}"), folded) || is(&format!("en.{class}"), folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_read_folded() {
        assert!(is("en.month", "august"));
        assert!(is_either("aspect_label", &fold_str("Issue")));
        assert!(is_either("aspect_label", &fold_str("المحور")));
        assert!(!is("en.month", "policy"));
    }
}
