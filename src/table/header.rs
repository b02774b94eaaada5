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

use super::arabic_seams::{is_arabic_letter, ArabicWords};
use crate::mentions::words::class;
use super::line_words::{line_words, line_words_guessing, LineWord};
use super::segment::{opening, starts_another_name, Opening};
use super::vocabulary;
use crate::lexicon::given_names::given_names;
use crate::lexicon::Lexicon;
use crate::text::{arabic, fold_str, Document};

/// A header line read: the aspect label and, per column, its text and the actor it names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Header {
    pub label: Option<Range<usize>>,
    pub cells: Vec<Range<usize>>,
    pub actors: Vec<Option<usize>>,
    /// Arabic headers glued to each other or to the label: the rows are glued too.
    pub glued_arabic: bool,
    /// The line shows a sign of a header (see [`shaped_as_a_header`]). A line without one
    /// (names nobody listed, with no label or an unlisted one) heads a table only if the
    /// rows under it prove it, as [`super::collapsed`] decides.
    pub signed: bool,
}

/// Folded names and aliases of the article's actors, to recognise a header that names one
/// where the mention stage could not see it (glued to a neighbour, at a line's start), and
/// whether only the tagger proposed the actor.
///
/// Folded into a map when a line is first read as a header: most articles have no line short
/// enough, and folding every name and alias was a hundred allocations of an English article.
pub(crate) struct ActorNames<'a> {
    names: Vec<(usize, &'a str, bool)>,
    folded: std::cell::OnceCell<FxHashMap<String, (usize, bool)>>,
}

impl<'a> ActorNames<'a> {
    pub(crate) fn new(actors: impl Iterator<Item = (usize, &'a str, bool)>) -> ActorNames<'a> {
        ActorNames { names: actors.collect(), folded: std::cell::OnceCell::new() }
    }

    fn folded(&self) -> &FxHashMap<String, (usize, bool)> {
        self.folded.get_or_init(|| {
            let mut map = FxHashMap::default();
            for &(a, name, guessed) in &self.names {
                map.entry(fold_str(name)).or_insert((a, guessed));
            }
            map
        })
    }

    /// An actor the lexicon or the article establishes: its name may bound a header.
    fn listed(&self, folded: &str) -> Option<usize> {
        self.folded().get(folded).filter(|(_, guessed)| !guessed).map(|(a, _)| *a)
    }

    /// Any actor by that name, a tagger's guess too: once the headers are cut, a header
    /// that is exactly its name is its column.
    fn any(&self, folded: &str) -> Option<usize> {
        self.folded().get(folded).map(|(a, _)| *a)
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
    /// A name: a mention, an actor's alias or a name the lexicon knows.
    name: bool,
    actor: Option<usize>,
    /// Glued to the atom before it.
    glued: bool,
}

/// Reads `line` as a header with an optional label and 2 or more columns. `names` are the
/// mentions starting in the line with their actors, of actors more than a tagger's guess (a
/// guess may run across two headers: "Anna Kowal Jonas").
pub(crate) fn read(text: &str, line: &Range<usize>, names: &[(Range<usize>, usize)], known: &ActorNames, arabic: &ArabicWords) -> Option<Header> {
    // Guessing glued Arabic words only adds words, and a line that is no header without
    // them is none with them: most lines of an article stop here, before any guess.
    let plain = line_words(text, line);
    if plain.is_empty() || plain.len() > MAX_HEADER_WORDS || !looks_like_a_header(text, line, &plain) {
        return None;
    }
    let words = if arabic.is_empty() { plain } else { line_words_guessing(text, line, arabic, false) };
    if words.len() < 2 || words.len() > MAX_HEADER_WORDS || !looks_like_a_header(text, line, &words) {
        return None;
    }
    let atoms = atoms(&words, names, &lexicon_names(text, line), known);
    let (mut label, mut cells) = label_and_cells(&words, &atoms)?;
    let label_is_a_header = || label.as_ref().and_then(|r| group_loose(&words, &r.clone().collect::<Vec<_>>(), false)).is_some_and(|c| c.len() == 1 && c[0].0.len() > 1);
    if cells.len() < 2 && !opens_label(&words[0]) && label_is_a_header() {
        // Words before the one name the article knows that make one name-like header are no
        // label but the other header: "قيصر الدباغ نوال الحوراني" heads two columns.
        label = None;
        cells = group(&words, &atoms)?;
    }
    for (r, actor) in cells.iter_mut().filter(|(_, a)| a.is_none()) {
        *actor = known.any(&joined(&words[r.clone()]));
    }
    if cells.len() < 2 {
        return None;
    }
    let signed = shaped_as_a_header(&words, &atoms, &cells);
    let span = |r: &Range<usize>| words[r.start].range.start..words[r.end - 1].range.end;
    // Two Arabic words met with no space: the page's boxes were copied glued, and its rows
    // will be too.
    let glued_arabic = words.windows(2).any(|w| w[1].glued && w[0].text.ends_with(is_arabic_letter) && w[1].text.starts_with(is_arabic_letter));
    Some(Header {
        glued_arabic,
        signed,
        label: label.map(|r| span(&r)),
        cells: cells.iter().map(|(r, _)| span(r)).collect(),
        actors: cells.iter().map(|(_, a)| *a).collect(),
    })
}

/// A header line is no sentence and no list item: it does not end with a full stop, a
/// question mark, a colon or a comma, nor open with a bullet.
fn looks_like_a_header(text: &str, line: &Range<usize>, words: &[LineWord]) -> bool {
    let s = text[line.clone()].trim();
    let ends_sentence = s.ends_with(['.', '?', '!', ':', '؟', '،', ',', ';']);
    let bullet = words[0].text.chars().all(|c| matches!(c, '•' | '*' | '-' | '–' | '—' | '·' | '>' | '#'));
    !ends_sentence && !bullet
}

/// A line of capitalised words is common in prose (a title, a byline); it heads a table only
/// with a sign that it is one: a header naming an actor, a glue point, a first word that
/// names the aspect column, or headers alike (opening with one word, or with given names).
fn shaped_as_a_header(words: &[LineWord], atoms: &[Atom], cells: &Cells) -> bool {
    let names_an_actor = atoms.iter().any(|a| a.name) || cells.iter().any(|(_, a)| a.is_some());
    let glued = words.iter().any(|w| w.glued);
    let labelled = opens_label(&words[0]);
    let opener = |(r, _): &(Range<usize>, Option<usize>)| words[r.start].folded.as_str();
    let alike = cells.len() >= 2 && cells.iter().all(|c| opener(c) == opener(&cells[0])) && cells.iter().all(|(r, _)| r.len() > 1);
    let given = given_names();
    let people = cells.iter().all(|(r, a)| a.is_some() || (r.len() > 1 && given.contains_key(&words[r.start].folded)));
    names_an_actor || glued || labelled || alike || people
}

/// Byte ranges of the names the lexicon knows in the line: the mention stage may have joined
/// one to the label before it ("Issue United Kingdom"), which a header keeps apart.
fn lexicon_names(text: &str, line: &Range<usize>) -> Vec<Range<usize>> {
    let doc = Document::new(&text[line.clone()]);
    Lexicon::builtin().scan(&doc).into_iter().map(|m| {
        let r = doc.original_range(m.fstart..m.fend);
        line.start + r.start..line.start + r.end
    }).collect()
}

/// The line's atoms: names (mentions, outermost first, aliases of known actors, longest first,
/// or names the lexicon knows), then the loose words, one atom each.
fn atoms(words: &[LineWord], names: &[(Range<usize>, usize)], lexicon: &[Range<usize>], known: &ActorNames) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let glued = words[i].glued;
        // A mention that starts at this word and ends at a word's end, not across a glue point.
        // A word naming the aspect column is no part of a name ("Indicator France").
        let label_word = i == 0 && opens_label(&words[0]);
        // A capitalised word that opened a box (glued to what precedes it) is a name's first
        // part, and the capitalised word after it in the same box its family name, even when
        // an actor bears that name ("…SolbergTeodor Vance").
        let same_box = i > 0 && !words[i].glued && opening(&words[i].text) == Opening::Capital && atoms.last().is_some_and(|a: &Atom| !a.name && a.glued && a.words.len() == 1 && opening(&words[a.words.start].text) == Opening::Capital);
        let mention = names.iter().filter(|(m, _)| m.start == words[i].range.start && !label_word && !same_box).filter_map(|(m, a)| {
            let end = (i..words.len()).take_while(|&j| j == i || (!words[j].glued && !restarts_name(words, i, j + 1))).find(|&j| words[j].range.end == m.end)?;
            Some((end + 1, *a))
        }).max_by_key(|(end, _)| *end);
        let alias = (i + 1..=words.len().min(i + 4)).rev().filter(|_| !label_word && !same_box).find_map(|end| {
            if words[i + 1..end].iter().any(|w| w.glued || restarts_name(words, i, end)) {
                return None;
            }
            known.listed(&joined(&words[i..end])).map(|a| (end, a))
        });
        // A name the lexicon knows after a capitalised word is most likely that word's family
        // name ("Teodor Vance"), unless the word names the aspect column.
        let after_a_name_part = i > 0 && !words[i].glued && opening(&words[i - 1].text) == Opening::Capital && atoms.last().is_some_and(|a: &Atom| !a.name) && !(i == 1 && opens_label(&words[0]));
        let listed = lexicon.iter().filter(|r| r.start == words[i].range.start && !after_a_name_part).find_map(|r| {
            let end = (i..words.len()).take_while(|&j| j == i || !words[j].glued).find(|&j| words[j].range.end == r.end)?;
            Some((end + 1, known.any(&joined(&words[i..end + 1]))))
        });
        match (mention.or(alias), listed) {
            (Some((end, a)), _) => {
                atoms.push(Atom { words: i..end, name: true, actor: Some(a), glued });
                i = end;
            }
            (None, Some((end, actor))) => {
                atoms.push(Atom { words: i..end, name: true, actor, glued });
                i = end;
            }
            (None, None) => {
                atoms.push(Atom { words: i..i + 1, name: false, actor: None, glued });
                i += 1;
            }
        }
    }
    atoms
}

type Cells = Vec<(Range<usize>, Option<usize>)>;

/// Whether words `from..to` hold two people's names ("Anna Kowal Jonas …").
fn restarts_name(words: &[LineWord], from: usize, to: usize) -> bool {
    (from + 1..to).any(|j| starts_another_name(&words[j - 1], &words[j]))
}

/// Words joined folded, as names are kept.
fn joined(words: &[LineWord]) -> String {
    words.iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ")
}

/// The word names the aspect column ("Issue", "المحور").
fn opens_label(word: &LineWord) -> bool {
    vocabulary::is("en.aspect_label", &word.folded) || vocabulary::is("ar.aspect_label", &word.folded)
}

/// The aspect label and the header cells (word ranges, actor).
fn label_and_cells(words: &[LineWord], atoms: &[Atom]) -> Option<(Option<Range<usize>>, Cells)> {
    let first_glue = atoms.iter().position(|a| a.glued);
    let first_name = atoms.iter().position(|a| a.name);
    // Where the headers start: after the page's words a glue point ends, or at the first
    // name, or after a word that names the aspect column; else at the line's start.
    let opens_label = opens_label(&words[0]);
    let head_start = match (first_glue, first_name) {
        (Some(g), Some(n)) => g.min(n),
        (Some(g), None) => g,
        (None, Some(n)) => n,
        (None, None) => usize::from(opens_label && atoms.len() > 2),
    };
    let mut label_words = atoms.first().map_or(0, |_| atoms.get(head_start).map_or(words.len(), |a| a.words.start));
    if opens_label && first_glue.is_none() {
        // The word naming the aspect column, with the lowercase words of its phrase
        // ("Issue", "Running order"); the capitalised words after it are headers.
        let phrase = 1 + words[1..label_words.max(1)].iter().take_while(|w| opening(&w.text) == Opening::Lowercase).count();
        label_words = label_words.min(phrase).max(1);
    }
    let head_start = atoms.iter().position(|a| a.words.start >= label_words).unwrap_or(atoms.len());
    // Before the headers: an aspect label of up to four words, or, before a glue point, words
    // of the page with function words in them ("Edit this chart", "Compare the plans"), which
    // are no label.
    let page_words = first_glue == Some(head_start) && words[..label_words].iter().any(|w| crate::mentions::words::is(class!("en.stop", "ar.stop"), &w.folded));
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
    // A separator stands between two names ("A vs B"); after a name and before plain words it
    // is a dateline's dash ("CAIRO - staff").
    let is_separator = |a: &Atom| !a.name && SEPARATORS.contains(&words[a.words.start].folded.as_str());
    for (k, atom) in atoms.iter().enumerate() {
        let between_names = k > 0 && atoms[k - 1].name && atoms.get(k + 1).is_some_and(|a| a.name);
        if is_separator(atom) && !between_names {
            return None;
        }
    }
    let mut cells = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    // A run of loose words that begins at a glue point filled one box of the page.
    let mut run_glued = false;
    for atom in atoms {
        let separator = !atom.name && SEPARATORS.contains(&words[atom.words.start].folded.as_str());
        if atom.name || atom.glued || separator {
            cells.extend(group_loose(words, &run, run_glued)?);
            run.clear();
            run_glued = atom.glued;
        }
        if atom.name {
            cells.push((atom.words.clone(), atom.actor));
        } else if !separator {
            run.push(atom.words.start);
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
    if named.first() == Some(&0) {
        return named;
    }
    if run.iter().all(|w| opening(&w.text) == Opening::Arabic) {
        let phrases: Vec<usize> = (0..run.len()).filter(|&i| i == 0 || (arabic::has_article(&run[i - 1].folded) && !arabic::has_article(&run[i].folded))).collect();
        // One phrase from an indefinite word to a definite one is one header too (a name
        // nobody listed beside one the article knows: قيصر الدباغ).
        let one_phrase = run.len() > 1 && !arabic::has_article(&run[0].folded) && arabic::has_article(&run[run.len() - 1].folded);
        if phrases.len() >= 2 || one_phrase {
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
    let function_word = written_lower && crate::mentions::words::is(class!("en.stop", "ar.stop", "en.name_particle", "ar.name_particle"), &word.folded);
    !initial && !function_word
}

#[cfg(test)]
// Test tables spell out their row types in place.
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;

    fn header(line: &str, known: &[&str]) -> Option<(Option<String>, Vec<String>)> {
        let names = ActorNames::new(known.iter().enumerate().map(|(i, n)| (i, *n, false)));
        let h = read(line, &(0..line.len()), &[], &names, &ArabicWords::of(line)).filter(|h| h.signed)?;
        Some((h.label.map(|r| line[r].to_string()), h.cells.into_iter().map(|r| line[r].to_string()).collect()))
    }

    #[test]
    fn header_forms() {
        // Header lines written for this test: (line, actors named elsewhere, label, headers).
        let cases: &[(&str, &[&str], Option<&str>, &[&str])] = &[
            ("Policy Alvarez Brennan", &[], Some("Policy"), &["Alvarez", "Brennan"]),
            ("CandidateMira SolbergTeodor Vance", &[], Some("Candidate"), &["Mira Solberg", "Teodor Vance"]),
            // A family name that an actor of the article bears, in the box its given name opened.
            ("See how they compareMira SolbergTeodor Vance", &["Vance"], None, &["Mira Solberg", "Teodor Vance"]),
            ("Compare the plansHarbourlineCoastway", &["Harbourline"], None, &["Harbourline", "Coastway"]),
            ("Option A Option B Option C", &[], None, &["Option A", "Option B", "Option C"]),
            ("Topic Pensions Housing Transport Schools", &[], Some("Topic"), &["Pensions", "Housing", "Transport", "Schools"]),
            ("Anna Kowal Jonas Reed", &[], None, &["Anna Kowal", "Jonas Reed"]),
            ("Nominee Anna Kowal Jonas Reed", &[], Some("Nominee"), &["Anna Kowal", "Jonas Reed"]),
            ("Nominee Karl T. Obst Ina Wolde", &["Karl T. Obst", "Ina Wolde"], Some("Nominee"), &["Karl T. Obst", "Ina Wolde"]),
            ("  Tarvonia Quellmark", &["Tarvonia", "Quellmark"], None, &["Tarvonia", "Quellmark"]),
            ("البند الخطة أ الخطة ب", &[], Some("البند"), &["الخطة أ", "الخطة ب"]),
            ("المحور حزب النخيل تيار الساحل", &[], Some("المحور"), &["حزب النخيل", "تيار الساحل"]),
            ("المحور قيصر الدباغ نوال الحوراني", &["نوال الحوراني"], Some("المحور"), &["قيصر الدباغ", "نوال الحوراني"]),
            ("قيصر الدباغ نوال الحوراني", &["نوال الحوراني"], None, &["قيصر الدباغ", "نوال الحوراني"]),
            ("المؤشرالمرفأ القديمالخليج الأزرقالرأس الأبيضالجزيرة الخضراء", &[], Some("المؤشر"), &["المرفأ القديم", "الخليج الأزرق", "الرأس الأبيض", "الجزيرة الخضراء"]),
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

    #[test]
    fn lines_without_a_sign_are_headers_only_on_trial() {
        // Names nobody listed, with no label or an unlisted one, and plain words: read as
        // headers that the rows under them must prove.
        let names = ActorNames::new(std::iter::empty());
        for (line, cells) in [("Okonjo Faraday Lindqvist", 3), ("Proposal Okonjo Faraday", 3), ("Pensions Housing Transport", 3), ("قيصر الدباغ نوال الحوراني", 2)] {
            let h = read(line, &(0..line.len()), &[], &names, &ArabicWords::of(line)).expect(line);
            assert_eq!((h.signed, h.cells.len()), (false, cells), "{line}");
        }
    }
}
