//! stancemap: who the actors in a news article are, what each one stands for, and a
//! side-by-side comparison table. Arabic first, English second; the same pipeline runs in
//! the browser (WebAssembly) and on the command line.
//!
//! The modules follow the pipeline: `text` (normalisation, tokens, sentences, offsets) →
//! `lexicon` (built-in gazetteer and stance cues) → `mentions` → `actors` (alias merging) →
//! `clauses` (predicate, subject, complement; coreference) → `positions` → `table`.
//!
//! ```
//! use stancemap::{analyze, Options, Stance};
//!
//! let text = "Russian President Vladimir Putin rejected the proposal on Monday. \
//!             Putin said the talks had failed.";
//! let analysis = analyze(text, &Options::default());
//! assert_eq!(analysis.language, "en");
//! let putin = analysis.actors.iter().find(|a| a.name == "Vladimir Putin").unwrap();
//! assert_eq!(putin.role.as_deref(), Some("Russian President"));
//! assert_eq!(putin.mentions.len(), 2);
//! let rejection = analysis.positions.iter().find(|p| p.stance == Stance::Rejects).unwrap();
//! assert_eq!(rejection.actor, putin.id);
//! assert_eq!(rejection.text, "the proposal on Monday");
//! // Offsets are UTF-16 code units into the input.
//! let [s, e] = putin.mentions[0];
//! assert_eq!(&text[s..e], "Vladimir Putin"); // (ASCII here, so bytes = UTF-16 units)
//! ```

#![deny(missing_docs)]

mod actors;
mod clauses;
pub mod compare;
mod language;
mod lexicon;
mod mentions;
mod model;
pub mod ner;
mod positions;
mod sort;
pub mod summary;
mod table;
mod text;

pub use compare::{compare, Comparison, CompareError};
pub use model::*;

#[cfg(all(target_arch = "wasm32", any(feature = "web", feature = "web-compare")))]
mod wasm;

// The stages one at a time for `benches/`. Hidden and not part of the API; always compiled
// because a plain `cargo bench` cannot turn a feature on (a dependency of the crate on itself
// would build the library twice into the same file). Unused in the CLI and WASM builds, from
// which the linker drops it.
#[doc(hidden)]
pub mod bench_support;

use rustc_hash::FxHashMap as HashMap;

use text::{Document, Utf16Offsets};

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Options for [`analyze`].
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// Force a language (`"ar"` or `"en"`) instead of detecting it.
    pub language: Option<String>,
    /// Find actors from the lexicon and patterns alone, without the learned name tagger: what
    /// the web page shows at once while the name model of the article's language is still
    /// downloading (and what any build gives with no model installed).
    pub without_name_model: bool,
}

/// The language of `text` as [`analyze`] detects it (`"ar"`, `"en"` or `"und"`), judged on
/// its first 64 KB: what a page needs to know to fetch the NER model before analysing.
///
/// ```
/// assert_eq!(stancemap::detect_language("قال الرئيس الروسي فلاديمير بوتين إن القمة كانت بناءة"), "ar");
/// assert_eq!(stancemap::detect_language("The president said that the summit was constructive."), "en");
/// ```
pub fn detect_language(text: &str) -> &'static str {
    const PREFIX: usize = 64 * 1024;
    let mut end = text.len().min(PREFIX);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match language::detect(&Document::new(&text[..end])) {
        "ar" => "ar",
        "en" => "en",
        _ => "und",
    }
}

/// Builds the tables analyses share (the lexicon and its automaton, stance cues, word classes,
/// Arabic stems, table vocabulary), for both languages, by analysing one short sentence in each.
/// Optional: an analysis builds what it needs itself, and its result does not depend on
/// whether this ran. It makes the first analysis of a session fast (a 1k-word English article
/// in a fresh V8 instance: 18–27 ms without, 2–6 ms with), so the browser's worker calls it
/// once the module is in, while the reader is still pasting.
///
/// ```
/// stancemap::prepare();
/// let analysis = stancemap::analyze("Putin said Russia rejects the sanctions.", &Default::default());
/// assert_eq!(analysis.language, "en");
/// ```
pub fn prepare() {
    for sentence in SAMPLE_SENTENCES {
        std::hint::black_box(analyze(sentence, &Options::default()));
    }
}

/// A short text in each language, which [`prepare`] and the web module's warm-up analyse. Each
/// names someone the lexicon knows and someone only the name model finds, and quotes them: the
/// warm-up is for the engine, and a path it never takes (the tagger's confidence is computed
/// only for names the rules did not find) runs as baseline code through a long article.
pub(crate) const SAMPLE_SENTENCES: [&str; 2] = [
    "President Joe Biden said on Monday that the United States supports the ceasefire. \"We will not accept new tariffs,\" said Maria Lindqvist, head of the Nordic Farmers Union.",
    "وقال الرئيس الروسي فلاديمير بوتين إن موسكو ترفض العقوبات. وأكد وهبان الزرنوقي رئيس اتحاد المزارعين أن \"الاتفاق صامد\".",
];

/// Analyses one article: actors, their positions and a comparison table.
///
/// Pure and deterministic: the same text and options always give the same result.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let doc = Document::new(text);
    let language = options.language.clone().filter(|l| l == "ar" || l == "en").unwrap_or_else(|| language::detect(&doc).to_string());
    let arabic = language == "ar";
    let lexicon = lexicon::Lexicon::builtin();
    let tagger = if options.without_name_model { None } else { ner::Tagger::for_language(&language) };
    let mentions = mentions::find_with(&doc, lexicon, &language, tagger);
    let actors = actors::merge(&doc, lexicon, &mentions, arabic);
    // A pasted table is found first so that its rows are not read as prose.
    let explicit = table::explicit::find(&doc, &mentions, &actors);
    let table_rows: Vec<std::ops::Range<usize>> = explicit.iter().flat_map(|t| t.rows.iter().map(|r| r.line.clone())).collect();
    let clauses = clauses::build(&doc, &mentions, &actors, &table_rows);
    let mut positions = positions::find(&doc, &clauses, &table_rows);
    if let Some(t) = &explicit {
        // A cell restating a position already found in the prose adds nothing (a set, not a
        // scan of the list, so that a table of 100k rows stays linear).
        let mut held: rustc_hash::FxHashSet<(usize, usize, usize)> = positions.iter().map(|q| (q.actor, q.text.start, q.text.end)).collect();
        for p in t.cell_positions(&doc) {
            if held.insert((p.actor, p.text.start, p.text.end)) {
                positions.push(p);
            }
        }
    }
    crate::sort::sort_by_key(&mut positions, |p| (p.text.start, p.actor));

    // A name only the tagger proposed and said once is more often a misread word than an
    // actor. It stays when a pasted table makes it a column, or when it holds a position stated
    // in the sentence that names it; a position reaching it only through a pronoun or an
    // earlier sentence ("… said it had intercepted") more likely belongs to someone else, and
    // goes with it.
    let columns: rustc_hash::FxHashSet<usize> = explicit.iter().flat_map(|t| t.columns.iter().flatten().copied()).collect();
    let single_guess = |a: usize| actors.list[a].proposed_only && actors.list[a].mentions.len() < 2 && !columns.contains(&a);
    let states_where_named =
        |p: &positions::PositionDraft| actors.list[p.actor].mentions.iter().any(|m| p.sentence.start <= m.start && m.end <= p.sentence.end);
    positions.retain(|p| !single_guess(p.actor) || states_where_named(p));

    // Salience: mentions, with positions weighing double; the top actor has 1.0.
    let mut held = vec![0usize; actors.list.len()];
    for p in &positions {
        held[p.actor] += 1;
    }
    let weight: Vec<f64> = actors.list.iter().zip(&held).map(|(a, &h)| a.mentions.len() as f64 + 2.0 * h as f64).collect();
    let top = weight.iter().cloned().fold(0.0, f64::max).max(1.0);
    // A body named only inside a person's title ("المتحدث باسم وزارة الخارجية ناصر كنعاني",
    // "Foreign Ministry spokesperson Lin Jian") is who the person works for, not an actor of
    // its own, unless it holds a position.
    // Titles by start, each with the furthest end of the titles starting at or before it: a
    // mention lies in a title when that end reaches past it (a binary search, so that a pasted
    // page of many titled people stays linear).
    let mut titles: Vec<(usize, usize)> = mentions
        .iter()
        .zip(&actors.of_mention)
        .filter(|(m, a)| m.role.is_some() && a.is_some_and(|a| actors.list[a].kind == ActorKind::Person))
        .map(|(m, _)| (m.phrase_span.start, m.phrase_span.end))
        .collect();
    crate::sort::sort(&mut titles);
    let mut reach = 0;
    for t in titles.iter_mut() {
        reach = reach.max(t.1);
        t.1 = reach;
    }
    let in_a_title = |m: &std::ops::Range<usize>| titles.partition_point(|t| t.0 <= m.start).checked_sub(1).is_some_and(|i| titles[i].1 >= m.end);
    let in_titles_only = |a: usize| actors.list[a].kind == ActorKind::Organization && held[a] == 0 && actors.list[a].mentions.iter().all(in_a_title);
    // A country named only as where something happens ("talks in Istanbul", "عاد إلى المغرب"),
    // as an attributive noun in a person's title ("US President Donald Trump", "رئيس توغو فور
    // غناسينغبي") or as a modifier of another noun ("US military intervention", "the Paris
    // Agreement") is no actor of its own, unless it holds a position. A possessive before a
    // title stays one ("India's negotiator Chandni Raina": the negotiator speaks for India).
    let possessive = |m: &std::ops::Range<usize>| text[m.end..].starts_with(['\'', '’']);
    // A capital or seat before a common noun or in a title is already a figure for the
    // government ("the Kremlin leader"): only inside another name ("the Paris Agreement") does
    // it modify.
    let metonyms: rustc_hash::FxHashSet<(usize, usize)> = mentions.iter().filter(|m| m.form == mentions::MentionForm::Metonym).map(|m| (m.span.start, m.span.end)).collect();
    let place_only = |a: usize| {
        actors.list[a].kind == ActorKind::Country
            && held[a] == 0
            && actors.list[a].mentions.iter().all(|m| {
                let metonym = metonyms.contains(&(m.start, m.end));
                mentions::is_place(&doc, m.start) || (in_a_title(m) && !possessive(m) && !metonym) || mentions::is_modifier(&doc, m, !metonym)
            })
    };
    // A body or party named only inside a law's name ("the Canada Labour Code") is no actor.
    let in_law_names_only = |a: usize| held[a] == 0 && actors.list[a].mentions.iter().all(|m| mentions::in_a_law_name(&doc, m));
    let kept = |a: usize| (!single_guess(a) || held[a] > 0) && !place_only(a) && !in_titles_only(a) && !in_law_names_only(a);
    let mut order: Vec<usize> = (0..actors.list.len()).filter(|&a| kept(a)).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        weight[b].partial_cmp(&weight[a]).unwrap_or(std::cmp::Ordering::Equal).then(actors.list[a].mentions[0].start.cmp(&actors.list[b].mentions[0].start))
    });
    let id_of: HashMap<usize, String> = order.iter().enumerate().map(|(rank, &a)| (a, format!("a{}", rank + 1))).collect();

    let u16 = Utf16Offsets::new(text);
    let out_actors: Vec<Actor> = order
        .iter()
        .map(|&a| {
            let d = &actors.list[a];
            Actor {
                id: id_of[&a].clone(),
                name: d.name.clone(),
                kind: d.kind,
                role: d.role.clone(),
                aliases: d.aliases.clone(),
                mentions: d.mentions.iter().map(|r| u16.span(r.clone())).collect(),
                salience: (weight[a] / top * 1000.0).round() / 1000.0,
            }
        })
        .collect();
    let out_positions: Vec<Position> = positions
        .iter()
        .map(|p| Position {
            actor: id_of[&p.actor].clone(),
            stance: p.stance,
            text: text[p.text.clone()].to_string(),
            span: u16.span(p.text.clone()),
            sentence: u16.span(p.sentence.clone()),
        })
        .collect();

    let comparison = match explicit {
        Some(t) => ComparisonTable {
            source: TableSource::Explicit,
            aspect_label: t.aspect_label.map(|r| text[r].to_string()),
            // A header that names no actor has no actor id: an empty one.
            columns: t.columns.iter().map(|a| a.and_then(|a| id_of.get(&a).cloned()).unwrap_or_default()).collect(),
            headers: t.headers.iter().map(|r| text[r.clone()].to_string()).collect(),
            rows: t.rows.iter().map(|r| TableRow { aspect: text[r.aspect.clone()].to_string(), cells: r.cells.iter().map(|c| text[c.clone()].to_string()).collect() }).collect(),
        },
        None => {
            let holders: Vec<usize> = order.iter().copied().filter(|&a| held[a] > 0).take(3).collect();
            let columns: Vec<table::derived::Column> = holders
                .iter()
                .map(|&a| table::derived::Column {
                    role: actors.list[a].role.clone().unwrap_or_default(),
                    positions: positions.iter().filter(|p| p.actor == a).map(|p| (p.stance, text[p.text.clone()].to_string())).collect(),
                })
                .collect();
            ComparisonTable {
                source: TableSource::Derived,
                aspect_label: None,
                columns: holders.iter().map(|a| id_of[a].clone()).collect(),
                headers: holders.iter().map(|&a| actors.list[a].name.clone()).collect(),
                rows: table::derived::rows(&columns, arabic).into_iter().map(|(aspect, cells)| TableRow { aspect, cells }).collect(),
            }
        }
    };
    Analysis { language, actors: out_actors, positions: out_positions, table: comparison }
}
