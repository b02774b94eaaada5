//! Given names (`data/lexicon/given_names.tsv`): a known given name followed by a family
//! name is a person, even when no title introduces them ("خليل الحية", "Rustem Umerov").

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
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

/// The first words of compound given names ("عبد" of "عبد الله"): only a word that reads as
/// one of them can start a compound name.
pub(crate) fn compound_name_starts() -> &'static FxHashSet<String> {
    static STARTS: OnceLock<FxHashSet<String>> = OnceLock::new();
    STARTS.get_or_init(|| given_names().keys().filter_map(|n| n.split_once(' ')).map(|(first, _)| first.to_string()).collect())
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
}
