//! Name lists that become gazetteer hashes in a model: the shared NER lists
//! (`../shared/data/ner`) and the crate's own lexicon (`data/lexicon`).

use std::collections::BTreeMap;
use std::path::Path;

use stancemap::ner::gazetteer::{class, Gazetteer};

/// Which lists to include.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sources {
    /// ANERGazet (research-use terms; see data/ner/README.md).
    pub anergazet: bool,
    /// arabic_names and countries_ar_en (MIT).
    pub name_lists: bool,
    /// The crate's lexicon (MIT, ours).
    pub lexicon: bool,
}

/// `(key, classes)` sorted by key, and the longest entry in tokens.
pub fn build(lang: &str, data: &Path, root: &Path, sources: Sources) -> (Vec<(u32, u8)>, u8) {
    let mut entries: Vec<(String, u8)> = Vec::new();
    let arabic = lang == "ar";
    if sources.anergazet && arabic {
        for (file, c) in [("per.txt", class::PERSON), ("loc.txt", class::LOCATION), ("org.txt", class::ORGANIZATION)] {
            lines(&data.join("anergazet").join(file), c, &mut entries);
        }
    }
    if sources.name_lists {
        let names = data.join("arabic_names");
        if arabic {
            lines(&names.join("male-first--names-in-arabic.txt"), class::GIVEN_NAME, &mut entries);
            lines(&names.join("female-first-names-in-arabic.txt"), class::GIVEN_NAME, &mut entries);
            lines(&names.join("last-names-in-arabic.txt"), class::PERSON, &mut entries);
        } else {
            lines(&names.join("Most-Popular-Arabic-FirstNames.txt"), class::GIVEN_NAME, &mut entries);
            lines(&names.join("Most-Popular-Arabic-LastNames.txt"), class::PERSON, &mut entries);
        }
        let column = if arabic { "names_ar" } else { "names_en" };
        tsv(&data.join("countries_ar_en/countries.tsv"), &[(column, class::LOCATION)], " | ", &mut entries);
    }
    if sources.lexicon {
        let lex = root.join("data/lexicon");
        let s = if arabic { "ar" } else { "en" };
        let col = |name: &str| format!("{name}_{s}");
        let (c1, c2, c3) = (col("name"), col("aliases"), col("capital"));
        let demonym = if arabic { "nisba_ar".to_string() } else { "demonym_en".to_string() };
        let countries = [(c1.as_str(), class::LOCATION), (c2.as_str(), class::LOCATION), (c3.as_str(), class::LOCATION), (demonym.as_str(), class::DEMONYM)];
        tsv(&lex.join("countries.tsv"), &countries, "|", &mut entries);
        tsv(&lex.join("people.tsv"), &[(c1.as_str(), class::PERSON), (c2.as_str(), class::PERSON)], "|", &mut entries);
        tsv(&lex.join("organizations.tsv"), &[(c1.as_str(), class::ORGANIZATION), (c2.as_str(), class::ORGANIZATION)], "|", &mut entries);
        let titles: Vec<(&str, u8)> = if arabic { vec![("title_ar", class::TITLE), ("title_ar_feminine", class::TITLE)] } else { vec![("title_en", class::TITLE)] };
        tsv(&lex.join("titles.tsv"), &titles, "|", &mut entries);
        let text = std::fs::read_to_string(lex.join("given_names.tsv")).expect("given_names.tsv");
        let script = if arabic { "ar" } else { "latin" };
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.get(1) == Some(&script) {
                entries.push((f[0].to_string(), class::GIVEN_NAME));
            }
        }
    }
    let mut merged: BTreeMap<u32, u8> = BTreeMap::new();
    let mut max_len = 0;
    for (text, c) in entries {
        if let Some((key, len)) = Gazetteer::entry_key(&text) {
            if len <= 6 {
                *merged.entry(key).or_default() |= c;
                max_len = max_len.max(len);
            }
        }
    }
    (merged.into_iter().collect(), max_len as u8)
}

fn lines(path: &Path, c: u8, out: &mut Vec<(String, u8)>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    out.extend(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| (l.to_string(), c)));
}

fn tsv(path: &Path, columns: &[(&str, u8)], separator: &str, out: &mut Vec<(String, u8)>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = text.lines();
    let header: Vec<&str> = rows.next().unwrap_or_default().split('\t').collect();
    let wanted: Vec<(usize, u8)> = columns.iter().filter_map(|(name, c)| header.iter().position(|h| h == name).map(|i| (i, *c))).collect();
    for row in rows {
        let fields: Vec<&str> = row.split('\t').collect();
        for &(i, c) in &wanted {
            for v in fields.get(i).copied().unwrap_or("").split(separator).map(str::trim).filter(|v| !v.is_empty()) {
                out.push((v.to_string(), c));
            }
        }
    }
}
