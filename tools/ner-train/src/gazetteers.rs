//! Name lists that become gazetteer hashes in a model: the shared NER lists
//! (`../shared/data/ner`) and the crate's own lexicon (`data/lexicon`, or `--lexicon DIR`).

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
    /// Name-part tokens from WikiANN train, dev and extra (silver; licence unknown).
    pub wikiann: bool,
    /// Also WikiANN's whole names (+64k entries, +185 KB gzip, +1.4 F1 on test_repaired).
    pub wikiann_names: bool,
}

/// `(key, classes)` sorted by key, and the longest entry in tokens.
pub fn build(lang: &str, data: &Path, lexicon: &Path, sources: Sources) -> (Vec<(u32, u16)>, u8) {
    let mut entries: Vec<(String, u16)> = Vec::new();
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
        let lex = lexicon;
        let s = if arabic { "ar" } else { "en" };
        let col = |name: &str| format!("{name}_{s}");
        let (c1, c2, c3) = (col("name"), col("aliases"), col("capital"));
        let demonym = if arabic { "nisba_ar".to_string() } else { "demonym_en".to_string() };
        let countries = [(c1.as_str(), class::LOCATION), (c2.as_str(), class::LOCATION), (c3.as_str(), class::LOCATION), (demonym.as_str(), class::DEMONYM)];
        tsv(&lex.join("countries.tsv"), &countries, "|", &mut entries);
        tsv(&lex.join("people.tsv"), &[(c1.as_str(), class::PERSON), (c2.as_str(), class::PERSON)], "|", &mut entries);
        tsv(&lex.join("organizations.tsv"), &[(c1.as_str(), class::ORGANIZATION), (c2.as_str(), class::ORGANIZATION)], "|", &mut entries);
        let titles: Vec<(&str, u16)> = if arabic { vec![("title_ar", class::TITLE), ("title_ar_feminine", class::TITLE)] } else { vec![("title_en", class::TITLE)] };
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
    if sources.wikiann {
        wikiann(lang, data, sources.wikiann_names, &mut entries);
    }
    if sources.anergazet && arabic {
        // Tokens of multi-word ANERGazet person names are name parts.
        for line in std::fs::read_to_string(data.join("anergazet/per.txt")).unwrap_or_default().lines() {
            if line.split_whitespace().count() > 1 {
                entries.extend(line.split_whitespace().filter(|t| t.chars().count() > 2).map(|t| (t.to_string(), class::PERSON_PART)));
            }
        }
    }
    let mut merged: BTreeMap<u32, u16> = BTreeMap::new();
    let mut max_len = 0;
    for (text, c) in entries {
        if let Some((key, len)) = Gazetteer::entry_key(&text) {
            if len <= 6 {
                *merged.entry(key).or_default() |= c;
                max_len = max_len.max(len);
                if len > 1 {
                    if let Some((first, _)) = text.split_whitespace().next().and_then(Gazetteer::entry_key) {
                        *merged.entry(first).or_default() |= class::PREFIX;
                    }
                }
            }
        }
    }
    (merged.into_iter().collect(), max_len as u8)
}

fn lines(path: &Path, c: u16, out: &mut Vec<(String, u16)>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    out.extend(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| (l.to_string(), c)));
}

fn tsv(path: &Path, columns: &[(&str, u16)], separator: &str, out: &mut Vec<(String, u16)>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = text.lines();
    let header: Vec<&str> = rows.next().unwrap_or_default().split('\t').collect();
    let wanted: Vec<(usize, u16)> = columns.iter().filter_map(|(name, c)| header.iter().position(|h| h == name).map(|i| (i, *c))).collect();
    for row in rows {
        let fields: Vec<&str> = row.split('\t').collect();
        for &(i, c) in &wanted {
            for v in fields.get(i).copied().unwrap_or("").split(separator).map(str::trim).filter(|v| !v.is_empty()) {
                out.push((v.to_string(), c));
            }
        }
    }
}

/// From WikiANN (train, dev and, for Arabic, the `extra` part; never test): whole entity names
/// (when `names`), and tokens that are inside a name of one type in most of their occurrences (seen at least
/// twice, at least 3 letters), as name parts.
fn wikiann(lang: &str, data: &Path, names: bool, entries: &mut Vec<(String, u16)>) {
    let dir = data.join(format!("wikiann_{lang}"));
    let mut sentences = Vec::new();
    for split in ["train.conll", "dev.conll"] {
        let text = std::fs::read_to_string(dir.join(split)).unwrap_or_else(|e| panic!("{}: {e}", dir.join(split).display()));
        sentences.extend(stancemap::ner::conll::parse(&text).expect("CoNLL"));
    }
    if let Some(extra) = crate::tarball::member(&dir.join("orig").join(format!("{lang}.tar.gz")), "extra") {
        // Lines are "ar:token<TAB>tag": the language prefix goes, as in the normalised files.
        let text: String = extra.lines().map(|l| l.split_once(':').map_or(l, |(_, rest)| rest)).collect::<Vec<_>>().join("\n");
        sentences.extend(stancemap::ner::conll::parse(&text).expect("CoNLL"));
    }
    let mut stats: std::collections::HashMap<String, [u32; 4]> = std::collections::HashMap::new();
    for s in &sentences {
        for (start, end, t) in stancemap::ner::eval::chunks(&s.tags) {
            let c = [class::PERSON, class::LOCATION, class::ORGANIZATION, 0][t];
            if c != 0 && names {
                entries.push((s.tokens[start..end].join(" "), c));
            }
        }
        for (tok, tag) in s.tokens.iter().zip(&s.tags) {
            let folded = stancemap::ner::gazetteer::Gazetteer::entry_key(tok).map(|_| tok.clone());
            let Some(tok) = folded else { continue };
            let t = match tag.get(2..) {
                Some("PER") => 1,
                Some("LOC") => 2,
                Some("ORG") => 3,
                _ => 0,
            };
            stats.entry(tok).or_default()[t] += 1;
        }
    }
    let mut parts: Vec<(String, u16)> = stats
        .into_iter()
        .filter(|(tok, n)| tok.chars().count() >= 3 && n.iter().sum::<u32>() >= 2)
        .filter_map(|(tok, n)| {
            let total: u32 = n.iter().sum();
            let (best, &count) = n.iter().enumerate().skip(1).max_by_key(|(_, c)| **c)?;
            (count * 2 > total).then(|| (tok, [0, class::PERSON_PART, class::LOCATION_PART, class::ORGANIZATION_PART][best]))
        })
        .collect();
    parts.sort();
    entries.extend(parts);
}
