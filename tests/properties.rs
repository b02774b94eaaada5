//! Property tests: whatever the input, `analyze` keeps its output contract (no panic; every
//! offset a UTF-16 range inside the input on code-point boundaries that slices back to the
//! reported text; positions and table columns name existing actors; one cell per column;
//! the same output on every run). See `common/contract.rs` for the full list.
//!
//! Inputs: arbitrary Unicode strings; soups of the pieces the rules react to; mutations of
//! the hand-written articles in `tests/articles/` and, when `../shared` is beside the repo,
//! of the shared evaluation articles; pasted tables in every form under headers naming known
//! actors; each with or without a forced language.
//!
//! The default case counts keep a debug `cargo test` to a few seconds; `PROPTEST_CASES=N`
//! runs N cases per property instead (e.g. `PROPTEST_CASES=5000 cargo test --release --test
//! properties`). `tests/random_input.rs` covers the same contract with a fixed generator.

mod common;

use std::sync::OnceLock;

use common::contract::check_analyze;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use stancemap::Options;

/// `default` cases, or `PROPTEST_CASES` when set.
fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    // Failing cases are saved beside this file (tests/properties.proptest-regressions) and
    // replayed first on the next run.
    Config { cases, source_file: Some(file!()), ..Config::default() }
}

/// No forced language, each of the two, and values the API must ignore.
fn options() -> impl Strategy<Value = Options> {
    prop_oneof![
        4 => Just(None),
        1 => Just(Some("ar".to_string())),
        1 => Just(Some("en".to_string())),
        1 => Just(Some("xx".to_string())),
    ]
    .prop_map(|language| Options { language, ..Options::default() })
}

/// Pieces that drive the rules: titles, names (known and not), countries, cue verbs and
/// particles, clitics, quotes, table separators, list markers, and the characters that break
/// naive offset code (bidi controls, joiners, emoji, combining marks, tatweel, NUL, CR).
const PIECES: &[&str] = &[
    "الرئيس", "الأمريكي", "الروسي", "دونالد", "ترامب", "وترامب", "لترامب", "بوتين", "فلاديمير", "زيلينسكي",
    "وزير", "الخارجية", "المصري", "مصر", "إثيوبيا", "فرنسا", "للولايات", "المتحدة", "حركة", "حماس", "الحركة",
    "نظيره", "الجانب", "قال", "وقال", "إن", "أن", "رفضت", "دعا", "إلى", "حذر", "من", "لم", "يوافق", "على",
    "مؤكداً", "بينما", "خالد", "العمري", "عبد", "الله", "بن", "«", "»", "،", "؛", "؟", "ـ",
    "President", "Donald", "Trump", "Putin", "Putin's", "Vladimir", "Russian", "Ukraine", "France", "Germany",
    "the", "The", "president", "side", "party", "Party", "Labour", "Mr.", "U.S.", "said", "that", "rejected",
    "urged", "called", "for", "warned", "against", "did", "not", "support", "and", "but", "who", "which", "he",
    "she", "they", "refusal", "to", "Aino", "Virtanen", "vs", "vs.", "versus", "Issue", "Topic",
    "\"", "“", "”", "'", ",", ".", ":", ";", "!", "?", "…", "|", "|---|", "\t", "\n", "\n\n", "\r\n", " ", " ",
    "  ", "-", "•", "1.", "2.1", "٢٠٢٥", "(", ")", "\u{200F}", "\u{200E}", "\u{202B}", "\u{202C}", "\u{2066}",
    "\u{2069}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\u{061C}", "🇺🇸", "👍🏽", "👨‍👩‍👧",
    "e\u{0301}", "\u{064E}", "\u{0651}", "\u{0670}", "\u{0}", "\u{FFFD}", "\u{10FFFF}", "ﷺ", "ﻻ", "İ", "ß",
];

/// A piece, or now and then any character at all.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Pieces joined with or without spaces.
fn soup(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), any::<bool>()), 0..max)
        .prop_map(|ps| ps.into_iter().map(|(p, space)| if space { p + " " } else { p }).collect())
}

/// The hand-written articles in `tests/articles/` (also the fuzz seed corpus).
fn own_articles() -> &'static [String] {
    static ARTICLES: OnceLock<Vec<String>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
        let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("tests/articles").map(|e| e.expect("entry").path()).collect();
        paths.sort();
        let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).expect("UTF-8 article")).collect();
        assert!(texts.len() >= 5, "tests/articles holds the hand-written articles");
        texts
    })
}

/// The articles of the shared evaluation set, or `None` (with a SKIP line) when `../shared`
/// is not beside the repository.
fn shared_articles() -> Option<Vec<String>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev/cases.jsonl");
    let Ok(lines) = std::fs::read_to_string(&path) else {
        // Written to stderr directly: the test harness captures eprintln! of passing tests.
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "SKIP: {} not found; mutations of the shared articles need ../shared beside the repo", path.display());
        return None;
    };
    let texts: Vec<String> = lines
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    assert!(!texts.is_empty(), "{} holds no articles", path.display());
    Some(texts)
}

/// One edit of a text, at a position given as a fraction of its length.
#[derive(Debug, Clone)]
enum Edit {
    Delete(Index, usize),
    Insert(Index, String),
    /// Copies a stretch elsewhere (duplicated names, repeated rows).
    Duplicate(Index, usize, Index),
    /// Replaces one character by any other.
    Replace(Index, char),
    /// Swaps the halves around a point (sentences and rows out of order).
    Rotate(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), 1..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        4 => (any::<Index>(), soup(6)).prop_map(|(at, s)| Edit::Insert(at, s)),
        2 => (any::<Index>(), 1..80usize, any::<Index>()).prop_map(|(at, n, to)| Edit::Duplicate(at, n, to)),
        2 => (any::<Index>(), any::<char>()).prop_map(|(at, c)| Edit::Replace(at, c)),
        1 => any::<Index>().prop_map(Edit::Rotate),
    ]
}

/// Applies edits on characters (so the result is always valid UTF-8, as a `&str` must be).
fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let len = chars.len();
        match e {
            Edit::Delete(at, n) if len > 0 => {
                let s = at.index(len);
                chars.drain(s..(s + n).min(len));
            }
            Edit::Insert(at, s) => {
                let p = at.index(len + 1);
                chars.splice(p..p, s.chars());
            }
            Edit::Duplicate(at, n, to) if len > 0 => {
                let s = at.index(len);
                let stretch: Vec<char> = chars[s..(s + n).min(len)].to_vec();
                let p = to.index(len + 1);
                chars.splice(p..p, stretch);
            }
            Edit::Replace(at, c) if len > 0 => chars[at.index(len)] = *c,
            Edit::Rotate(at) if len > 0 => chars.rotate_left(at.index(len)),
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// Header lines naming known actors, in each pasted form, and the separator of that form's
/// rows (`None`: the space-collapsed form, whose rows are plain words).
const TABLE_HEADERS: &[(&str, Option<&str>)] = &[
    ("Issue\tFrance\tGermany", Some("\t")),
    ("المحور\tمصر\tإثيوبيا\tالسودان", Some("\t")),
    ("| Topic | Iran | Israel |\n|---|---|---|", Some(" | ")),
    ("| الملف | روسيا | أوكرانيا |", Some(" | ")),
    ("Lula vs Milei: where they stand", Some(" vs ")),
    ("France vs. Germany", Some(" vs. ")),
    ("المحاور مصر إثيوبيا", None),
    ("Issues France Germany Italy", None),
    ("الملفات فرنسا وألمانيا", None),
];

/// A pasted table: prose, a header from the list, then rows of random cells joined by the
/// form's separator (or a random one), some rows short or long, and prose after.
fn table_text() -> impl Strategy<Value = String> {
    let cell = prop::collection::vec(piece(), 0..5).prop_map(|ws| ws.join(" "));
    let row = (prop::collection::vec(cell, 0..6), prop::option::weighted(0.8, Just(())), select(&["\t", " | ", " vs ", ": ", " ", "|"][..]));
    (select(TABLE_HEADERS), prop::collection::vec(row, 0..8), soup(12), soup(12)).prop_map(|((header, sep), rows, before, after)| {
        let mut text = format!("{before}\n\n{header}\n");
        for (cells, own_sep, other) in rows {
            let sep = own_sep.and(sep).unwrap_or(other);
            let line = cells.join(sep);
            let line = if sep == " | " { format!("| {line} |") } else { line };
            text.push_str(&line);
            text.push('\n');
        }
        text.push('\n');
        text.push_str(&after);
        text
    })
}

#[test]
fn arbitrary_strings_keep_the_contract() {
    TestRunner::new(config(256))
        .run(&(any::<String>(), options()), |(text, options)| {
            check_analyze(&text, &options);
            Ok(())
        })
        .unwrap();
}

#[test]
fn soups_of_rule_pieces_keep_the_contract() {
    TestRunner::new(config(256))
        .run(&(soup(80), options()), |(text, options)| {
            check_analyze(&text, &options);
            Ok(())
        })
        .unwrap();
}

#[test]
fn mutated_own_articles_keep_the_contract() {
    let n = own_articles().len();
    let mutated = (0..n, prop::collection::vec(edit(), 1..6)).prop_map(|(which, edits)| mutate(&own_articles()[which], &edits));
    TestRunner::new(config(128))
        .run(&(mutated, options()), |(text, options)| {
            check_analyze(&text, &options);
            Ok(())
        })
        .unwrap();
}

#[test]
fn mutated_shared_articles_keep_the_contract() {
    let Some(articles) = shared_articles() else { return };
    let mutated = (0..articles.len(), prop::collection::vec(edit(), 1..6)).prop_map(move |(which, edits)| mutate(&articles[which], &edits));
    // No regression file: it would record the shrunk text, and the shared articles stay out
    // of the repository.
    TestRunner::new(Config { failure_persistence: None, ..config(64) })
        .run(&(mutated, options()), |(text, options)| {
            check_analyze(&text, &options);
            Ok(())
        })
        .unwrap();
}

#[test]
fn pasted_tables_keep_the_contract() {
    TestRunner::new(config(256))
        .run(&(table_text(), options()), |(text, options)| {
            check_analyze(&text, &options);
            Ok(())
        })
        .unwrap();
}

/// The unmutated articles: the checker itself must see actors, positions and tables there,
/// or the properties above could pass on an analysis that finds nothing.
#[test]
fn own_articles_keep_the_contract_and_find_something() {
    let mut explicit_tables = 0;
    for text in own_articles() {
        let a = check_analyze(text, &Options::default());
        assert!(!a.actors.is_empty() && !a.positions.is_empty(), "nothing found in {text:?}");
        explicit_tables += usize::from(a.table.source == stancemap::TableSource::Explicit && !a.table.rows.is_empty());
    }
    assert!(explicit_tables >= 3, "the pasted tables in tests/articles are found ({explicit_tables})");
}

/// The generated tables do reach the table parser: a fair share of them come out explicit.
#[test]
fn generated_tables_reach_the_parser() {
    let mut runner = TestRunner::deterministic();
    let strategy = table_text();
    let mut explicit = 0;
    for _ in 0..200 {
        let text = strategy.new_tree(&mut runner).expect("a value").current();
        explicit += usize::from(stancemap::analyze(&text, &Options::default()).table.source == stancemap::TableSource::Explicit);
    }
    assert!(explicit >= 20, "only {explicit} of 200 generated tables were parsed as tables");
}
