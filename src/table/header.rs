//! The header line of a space-collapsed table: an optional aspect label, then one header per
//! column. Headers are whatever the page put there: actors the lexicon knows, names nobody
//! listed, parties, plans, plain words, of one word or several, glued to the page's own words
//! or to each other ("Compare the plansHarbourline Coastway").
//!
//! The line is read as a sequence of atoms: a glue point always separates two of them (the
//! page had two boxes there); an actor's name (a mention, or an alias of an actor named
//! elsewhere in the article) is one atom; the loose words left are grouped by what headers
//! share: a word that recurs opens each header ("Option A Option B"), else headers are of
//! one word each unless a given name or Arabic grammar joins words into one.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::line_words::{line_words, LineWord};
use super::segment::{opening, Opening};
use super::vocabulary;
use crate::lexicon::given_names::given_names;
use crate::text::{arabic, fold_str};

/// A header line read: the aspect label and, per column, its text and the actor it names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Header {
    pub label: Option<Range<usize>>,
    pub cells: Vec<Range<usize>>,
    pub actors: Vec<Option<usize>>,
}

/// Folded names and aliases of the article's actors, to recognise a header that names one
/// where the mention stage could not see it (glued to a neighbour, at a line's start).
pub(crate) struct ActorNames(FxHashMap<String, usize>);

impl ActorNames {
    pub(crate) fn new<'a>(actors: impl Iterator<Item = (usize, &'a str)>) -> ActorNames {
        let mut map = FxHashMap::default();
        for (a, name) in actors {
            map.entry(fold_str(name)).or_insert(a);
        }
        ActorNames(map)
    }

    fn get(&self, folded: &str) -> Option<usize> {
        self.0.get(folded).copied()
    }
}

/// Header lines are short.
const MAX_HEADER_WORDS: usize = 14;
/// The longest header made of loose words.
const MAX_CELL_WORDS: usize = 3;
/// Words between two names that separate them without being a header ("A vs B", "A و B").
const SEPARATORS: &[&str] = &["vs", "versus", "و", "|", "/", "-", "–"];

/// One atom of the header line: a run of words that is one header or part of one.
#[derive(Debug, Clone)]
struct Atom {
    words: Range<usize>,
    actor: Option<usize>,
    /// Glued to the atom before it.
    glued: bool,
}

/// Reads `line` as a header with an optional label and 2 or more columns. `names` are the
/// mentions starting in the line with their actors.
pub(crate) fn read(text: &str, line: &Range<usize>, names: &[(Range<usize>, usize)], known: &ActorNames) -> Option<Header> {
    let words = line_words(text, line);
    if words.len() < 2 || words.len() > MAX_HEADER_WORDS || !looks_like_a_header(text, line, &words) {
        return None;
    }
    let atoms = atoms(&words, names, known);
    let (label, cells) = label_and_cells(&words, &atoms)?;
    if cells.len() < 2 || !shaped_as_a_header(&words, &cells) {
        return None;
    }
    let span = |r: &Range<usize>| words[r.start].range.start..words[r.end - 1].range.end;
    Some(Header {
        label: label.map(|r| span(&r)),
        cells: cells.iter().map(|(r, _)| span(r)).collect(),
        actors: cells.iter().map(|(_, a)| *a).collect(),
    })
}

/// A header line is no sentence and no list item: it does not end with a full stop, a
/// question mark or a colon, nor open with a bullet, and its headers open with letters.
fn looks_like_a_header(text: &str, line: &Range<usize>, words: &[LineWord]) -> bool {
    let s = text[line.clone()].trim();
    let ends_sentence = s.ends_with(['.', '?', '!', ':', '؟', '،', ',', ';']);
    let bullet = words[0].text.chars().all(|c| matches!(c, '•' | '*' | '-' | '–' | '—' | '·' | '>' | '#'));
    !ends_sentence && !bullet
}

/// A line of capitalised words is common in prose (a title, a byline); it heads a table only
/// with a sign that it is one: a header naming an actor, a glue point, a first word that
/// names the aspect column, or headers alike (opening with one word, or with given names).
fn shaped_as_a_header(words: &[LineWord], cells: &Cells) -> bool {
    let names_an_actor = cells.iter().any(|(_, a)| a.is_some());
    let glued = words.iter().any(|w| w.glued);
    let labelled = vocabulary::is("en.aspect_label", &words[0].folded) || vocabulary::is("ar.aspect_label", &words[0].folded);
    let opener = |(r, _): &(Range<usize>, Option<usize>)| words[r.start].folded.as_str();
    let alike = cells.len() >= 2 && cells.iter().all(|c| opener(c) == opener(&cells[0])) && cells.iter().all(|(r, _)| r.len() > 1);
    let given = given_names();
    let people = cells.iter().all(|(r, a)| a.is_some() || (r.len() > 1 && given.contains_key(&words[r.start].folded)));
    names_an_actor || glued || labelled || alike || people
}

/// The line's atoms: names (mentions, outermost first, or aliases of known actors, longest
/// first), then the loose words, one atom each.
fn atoms(words: &[LineWord], names: &[(Range<usize>, usize)], known: &ActorNames) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let glued = words[i].glued;
        // A mention that starts at this word and ends at a word's end, not across a glue point.
        let mention = names.iter().filter(|(m, _)| m.start == words[i].range.start).filter_map(|(m, a)| {
            let end = (i..words.len()).take_while(|&j| j == i || !words[j].glued).find(|&j| words[j].range.end == m.end)?;
            Some((end + 1, *a))
        }).max_by_key(|(end, _)| *end);
        let alias = (i + 1..=words.len().min(i + 4)).rev().find_map(|end| {
            if words[i + 1..end].iter().any(|w| w.glued) {
                return None;
            }
            let joined = words[i..end].iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ");
            known.get(&joined).map(|a| (end, a))
        });
        match mention.or(alias) {
            Some((end, a)) => {
                atoms.push(Atom { words: i..end, actor: Some(a), glued });
                i = end;
            }
            None => {
                atoms.push(Atom { words: i..i + 1, actor: None, glued });
                i += 1;
            }
        }
    }
    atoms
}

type Cells = Vec<(Range<usize>, Option<usize>)>;

/// The aspect label and the header cells (word ranges, actor).
fn label_and_cells(words: &[LineWord], atoms: &[Atom]) -> Option<(Option<Range<usize>>, Cells)> {
    let first_glue = atoms.iter().position(|a| a.glued);
    let first_name = atoms.iter().position(|a| a.actor.is_some());
    // Where the headers start: after the page's words a glue point ends, or at the first
    // name, or after a word that names the aspect column; else at the line's start.
    let opens_label = vocabulary::is("en.aspect_label", &words[0].folded) || vocabulary::is("ar.aspect_label", &words[0].folded);
    let head_start = match (first_glue, first_name) {
        (Some(g), Some(n)) => g.min(n),
        (Some(g), None) => g,
        (None, Some(n)) => n,
        (None, None) => usize::from(opens_label && atoms.len() > 2),
    };
    let label_words = atoms.first().map_or(0, |_| atoms.get(head_start).map_or(words.len(), |a| a.words.start));
    // Before the headers: an aspect label of up to four words, or words of the page (a
    // button's caption glued to the headers), which are no label.
    // Before a glue point, words of a sentence ("Edit this chart", "Compare the plans") are
    // the page's, not a label.
    let page_words = first_glue == Some(head_start) && words[..label_words].iter().any(|w| crate::mentions::words::is_any(&["en.stop", "ar.stop"], &w.folded));
    let label = (label_words > 0 && label_words <= 4 && !page_words).then_some(0..label_words);
    if label_words > 4 && first_glue != Some(head_start) {
        return None;
    }
    let cells = group(words, &atoms[head_start..])?;
    Some((label, cells))
}

/// Groups atoms into header cells: a name is a cell, separators between names are dropped,
/// and runs of loose words between names or glue points are grouped as headers are alike.
fn group(words: &[LineWord], atoms: &[Atom]) -> Option<Cells> {
    let mut cells = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    // A run of loose words that begins at a glue point filled one box of the page.
    let mut run_glued = false;
    for atom in atoms {
        let separator = atom.actor.is_none() && SEPARATORS.contains(&words[atom.words.start].folded.as_str());
        if atom.actor.is_some() || atom.glued || separator {
            cells.extend(group_loose(words, &run, run_glued)?);
            run.clear();
            run_glued = atom.glued;
        }
        match atom.actor {
            Some(a) => cells.push((atom.words.clone(), Some(a))),
            None if separator => {}
            None => run.push(atom.words.start),
        }
    }
    cells.extend(group_loose(words, &run, run_glued)?);
    Some(cells)
}

/// Header cells from a run of loose words (word indices, consecutive).
fn group_loose(words: &[LineWord], run: &[usize], one_box: bool) -> Option<Cells> {
    let Some(&first) = run.first() else { return Some(Vec::new()) };
    let n = run.len();
    let starts = if one_box && n <= MAX_CELL_WORDS { vec![0] } else { cell_starts(&words[first..first + n]) };
    let mut bounds = starts.clone();
    bounds.push(n);
    let cells: Cells = bounds.windows(2).map(|w| (first + w[0]..first + w[1], None)).collect();
    // Headers open with a letter (not a figure or a bracket) and are short.
    let well_formed = cells.iter().all(|(r, _)| {
        matches!(opening(&words[r.start].text), Opening::Capital | Opening::Arabic) && r.len() <= MAX_CELL_WORDS && closes_name(&words[r.end - 1])
    });
    well_formed.then_some(cells)
}

/// Where each header of a run of loose words starts (offsets into the run):
/// - a word that recurs opens every header ("Plan North Plan South", "الخطة أ الخطة ب");
/// - else a known given name opens a person's name ("Anna Berg Jonas Falk");
/// - else, in Arabic, a word without the article after one with it opens a new phrase: a
///   construct or a noun–adjective phrase ends with its definite word (حزب النخيل تيار الساحل);
/// - else every word is a header ("Alvarez Brennan", "Pensions Housing").
fn cell_starts(run: &[LineWord]) -> Vec<usize> {
    let recurring: Vec<usize> = (0..run.len()).filter(|&i| run[i].folded == run[0].folded).collect();
    if recurring.len() >= 2 {
        return recurring;
    }
    let given = given_names();
    let named: Vec<usize> = (0..run.len()).filter(|&i| given.contains_key(&run[i].folded)).collect();
    if named.first() == Some(&0) && named.len() >= 2 {
        return named;
    }
    if run.iter().all(|w| opening(&w.text) == Opening::Arabic) {
        let phrases: Vec<usize> = (0..run.len()).filter(|&i| i == 0 || (arabic::has_article(&run[i - 1].folded) && !arabic::has_article(&run[i].folded))).collect();
        if phrases.len() >= 2 {
            return phrases;
        }
    }
    (0..run.len()).collect()
}

/// Whether a header may end with this word: not an initial, a particle or a function word.
fn closes_name(word: &LineWord) -> bool {
    let initial = word.text.chars().count() <= 2 && word.text.ends_with('.');
    // A capital letter is a name's last part ("Option A"), not the article "a".
    let written_lower = matches!(opening(&word.text), Opening::Lowercase | Opening::Arabic);
    let function_word = written_lower && crate::mentions::words::is_any(&["en.stop", "ar.stop", "en.name_particle", "ar.name_particle"], &word.folded);
    !initial && !function_word
}

#[cfg(test)]
// Test tables spell out their row types in place.
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;

    fn header(line: &str, known: &[&str]) -> Option<(Option<String>, Vec<String>)> {
        let names = ActorNames::new(known.iter().enumerate().map(|(i, n)| (i, *n)));
        let h = read(line, &(0..line.len()), &[], &names)?;
        Some((h.label.map(|r| line[r].to_string()), h.cells.into_iter().map(|r| line[r].to_string()).collect()))
    }

    #[test]
    fn header_forms() {
        // Header lines written for this test: (line, actors named elsewhere, label, headers).
        let cases: &[(&str, &[&str], Option<&str>, &[&str])] = &[
            ("Policy Alvarez Brennan", &[], Some("Policy"), &["Alvarez", "Brennan"]),
            ("CandidateMira SolbergTeodor Vance", &[], Some("Candidate"), &["Mira Solberg", "Teodor Vance"]),
            ("Compare the plansHarbourlineCoastway", &["Harbourline"], None, &["Harbourline", "Coastway"]),
            ("Option A Option B Option C", &[], None, &["Option A", "Option B", "Option C"]),
            ("Topic Pensions Housing Transport Schools", &[], Some("Topic"), &["Pensions", "Housing", "Transport", "Schools"]),
            ("Anna Kowal Jonas Reed", &[], None, &["Anna Kowal", "Jonas Reed"]),
            ("Nominee Anna Kowal Jonas Reed", &[], Some("Nominee"), &["Anna Kowal", "Jonas Reed"]),
            ("Nominee Karl T. Obst Ina Wolde", &["Karl T. Obst", "Ina Wolde"], Some("Nominee"), &["Karl T. Obst", "Ina Wolde"]),
            ("  Tarvonia Quellmark", &["Tarvonia", "Quellmark"], None, &["Tarvonia", "Quellmark"]),
            ("البند الخطة أ الخطة ب", &[], Some("البند"), &["الخطة أ", "الخطة ب"]),
            ("المحور حزب النخيل تيار الساحل", &[], Some("المحور"), &["حزب النخيل", "تيار الساحل"]),
        ];
        for (line, known, label, cells) in cases {
            let want = (label.map(str::to_string), cells.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(header(line, known), Some(want), "{line}");
        }
    }

    #[test]
    fn not_headers() {
        // A title of capitalised words, plain words with no label, a byline.
        for line in ["Harbour Towns Weekly", "Pensions Housing Transport", "By Nadia Orsini", "The talks ended.", "• Housing Transport", "Turnout 61.5% (est.)", "Read more:", "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"] {
            assert_eq!(header(line, &[]), None, "{line}");
        }
    }
}
