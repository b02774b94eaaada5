//! Comparison tables pasted into an article: a header line (optionally after an aspect label),
//! then one line per aspect. The forms: tab-separated and pipe/Markdown tables, read here under
//! headers naming actors or plain words (a header naming nobody must be proven by two rows),
//! "A vs B" lists under two or more actors; and the space-collapsed form that copying an HTML
//! table into a plain-text field produces, read by [`super::collapsed`] under any header.
//! Cells become positions of their column's actor; a column headed by no actor gives none.

use std::ops::Range;

use super::arabic_seams::ArabicWords;
use super::collapsed;
use super::header::ActorNames;
use crate::actors::Actors;
use crate::lexicon::cues::Cues;
use crate::mentions::{words::{self, class}, Mention};
use crate::model::Stance;
use crate::positions::PositionDraft;
use crate::text::{arabic, fold_str, is_invisible, Document};

/// A table found in the text, in byte ranges of the original.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExplicitTable {
    pub aspect_label: Option<Range<usize>>,
    /// Actor index of each column; None for a header that names no actor ("Option A").
    pub columns: Vec<Option<usize>>,
    pub headers: Vec<Range<usize>>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableRow {
    pub line: Range<usize>,
    pub aspect: Range<usize>,
    pub cells: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Form {
    Tabs,
    Pipes,
    /// "Aspect: cell vs cell" lines under "A vs B".
    Versus,
    Spaces,
}

/// The separators of the "X vs Y" form, with their surrounding spaces.
const VERSUS: &[&str] = &[" vs. ", " vs ", " versus ", " v. "];

/// Lines of the text as byte ranges (without the line break).
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // A line break is one byte that no other character's UTF-8 contains: no need to decode.
    for (i, _) in text.bytes().enumerate().filter(|&(_, b)| b == b'\n') {
        let end = if text[..i].ends_with('\r') { i - 1 } else { i };
        out.push(start..end);
        start = i + 1;
    }
    out.push(start..text.len());
    out
}

/// Mention spans with their actors, sorted by start, for range look-ups; and which actors
/// only the tagger proposed.
pub(crate) struct Spans(Vec<(Range<usize>, usize)>, Vec<bool>);

impl Spans {
    fn new(mentions: &[Mention], actors: &Actors) -> Spans {
        let mut v: Vec<(Range<usize>, usize)> = mentions.iter().zip(&actors.of_mention).filter_map(|(m, a)| Some((m.span.clone(), (*a)?))).collect();
        crate::sort::sort_by_key(&mut v, |(r, _)| (r.start, std::cmp::Reverse(r.end)));
        Spans(v, actors.list.iter().map(|a| a.proposed_only).collect())
    }

    /// Whether only the tagger proposed this actor: in a table row its "name" may run across
    /// cells ("Currency Renminbi"), so it does not hold the row's words together.
    pub(crate) fn is_guess(&self, actor: usize) -> bool {
        self.1.get(actor).copied().unwrap_or(true)
    }

    /// Spans starting inside `r`.
    pub(crate) fn starting_in(&self, r: &Range<usize>) -> &[(Range<usize>, usize)] {
        let from = self.0.partition_point(|(s, _)| s.start < r.start);
        let to = self.0.partition_point(|(s, _)| s.start < r.end);
        &self.0[from..to]
    }
}

/// The first comparison table in the text, if any.
pub(crate) fn find(doc: &Document, mentions: &[Mention], actors: &Actors) -> Option<ExplicitTable> {
    let spans = Spans::new(mentions, actors);
    let known = ActorNames::new(actors.list.iter().enumerate().flat_map(|(a, d)| std::iter::once(d.name.as_str()).chain(d.aliases.iter().map(String::as_str)).map(move |n| (a, n, d.proposed_only))));
    let lines = lines(doc.text);
    let arabic = ArabicWords::of_folded(doc.folded());
    let mut i = 0;
    while i < lines.len() {
        if let Some((table, used)) = table_at(doc, &spans, &known, &arabic, &lines, i) {
            if !table.rows.is_empty() {
                return Some(table);
            }
            i += used.max(1);
        } else {
            i += 1;
        }
    }
    None
}

/// Whitespace and the invisible marks that editors leave around words (RLM, LRI, ZWJ …):
/// neither belongs to a cell.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// `range` of the text without blanks at either end.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let part = &text[range.clone()];
    let lead = part.len() - part.trim_start_matches(is_blank).len();
    range.start + lead..range.start + lead + part.trim_matches(is_blank).len()
}

/// Splits a line into trimmed cells by its separator.
fn split_cells(text: &str, line: &Range<usize>, form: Form) -> Vec<Range<usize>> {
    let s = &text[line.clone()];
    let sep: &[char] = match form {
        Form::Tabs => &['\t'],
        Form::Pipes => &['|'],
        Form::Spaces | Form::Versus => &[' ', '\t', '\u{a0}'],
    };
    let mut out = Vec::new();
    let mut start = 0;
    let push = |a: usize, b: usize, out: &mut Vec<Range<usize>>| {
        let cell = trim_range(text, line.start + a..line.start + b);
        if !cell.is_empty() || (form == Form::Tabs) {
            out.push(cell);
        }
    };
    for (i, c) in s.char_indices() {
        if sep.contains(&c) {
            push(start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push(start, s.len(), &mut out);
    out
}

fn form_of(text: &str) -> Form {
    if text.contains('\t') {
        Form::Tabs
    } else if text.matches('|').count() >= 2 {
        Form::Pipes
    } else if VERSUS.iter().any(|v| text.contains(v)) {
        Form::Versus
    } else {
        Form::Spaces
    }
}

/// Splits `range` of the text at every "vs" separator, trimming the parts.
fn split_versus(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[range.clone()];
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if let Some(v) = VERSUS.iter().find(|v| s[i..].starts_with(**v)) {
            cuts.push((i, i + v.len()));
            i += v.len();
        } else {
            i += s[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (a, b) in cuts.into_iter().chain(std::iter::once((s.len(), s.len()))) {
        out.push(trim_range(text, range.start + start..range.start + a));
        start = b;
    }
    out
}

/// "Aspect: rest" → (aspect, rest) byte ranges, trimmed.
fn split_label(text: &str, line: &Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let s = &text[line.clone()];
    let colon = s.find(':')?;
    let trim = |a: usize, b: usize| trim_range(text, line.start + a..line.start + b);
    Some((trim(0, colon), trim(colon + 1, s.len())))
}

/// The actor whose mention covers (most of) a byte range.
fn actor_covering(spans: &Spans, r: &Range<usize>) -> Option<usize> {
    spans.starting_in(r).iter().find_map(|(m, a)| (m.end <= r.end && (m.end - m.start) * 2 >= (r.end - r.start)).then_some(*a))
}

fn table_at(doc: &Document, spans: &Spans, known: &ActorNames, arabic: &ArabicWords, lines: &[Range<usize>], i: usize) -> Option<(ExplicitTable, usize)> {
    let text = doc.text;
    let header_line = &lines[i];
    let htext = &text[header_line.clone()];
    // More than twelve words: stop counting at the thirteenth (a paragraph is a line).
    if htext.trim().is_empty() || htext.split_whitespace().nth(12).is_some() {
        return None;
    }
    let form = form_of(htext);
    if form == Form::Spaces {
        return collapsed::table_at(doc, spans, known, arabic, lines, i);
    }
    let (label, columns, headers) = header(doc, spans, header_line, form)?;
    let ncols = columns.len();
    let mut rows = Vec::new();
    let mut j = i + 1;
    while j < lines.len() {
        let line = &lines[j];
        let ltext = &text[line.clone()];
        if ltext.trim().is_empty() {
            break;
        }
        if form == Form::Pipes && ltext.trim().chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+')) {
            j += 1;
            continue;
        }
        let cells = match form {
            Form::Versus => {
                let Some((aspect, rest)) = split_label(text, line) else { break };
                let cells = split_versus(text, rest);
                if cells.len() != ncols || aspect.is_empty() {
                    break;
                }
                std::iter::once(aspect).chain(cells).collect()
            }
            Form::Spaces => unreachable!("the space-collapsed form is read by `collapsed`"),
            _ => {
                let cells = split_cells(text, line, form);
                if cells.len() != ncols + 1 {
                    break;
                }
                cells
            }
        };
        rows.push(TableRow { line: line.clone(), aspect: cells[0].clone(), cells: cells[1..].to_vec() });
        j += 1;
    }
    // A header naming no actor is a table's only when two rows or more share its cells.
    if columns.iter().all(Option::is_none) && rows.len() < 2 {
        return None;
    }
    Some((ExplicitTable { aspect_label: label, columns, headers, rows }, j - i))
}

/// A header names two or more distinct actors, after an optional aspect label.
/// A header line read: (the aspect label's span, the actor of each column, each column's span).
type Header = (Option<Range<usize>>, Vec<Option<usize>>, Vec<Range<usize>>);

fn header(doc: &Document, spans: &Spans, line: &Range<usize>, form: Form) -> Option<Header> {
    let text = doc.text;
    match form {
        Form::Versus => {
            // "A vs B" or "A vs B: where they stand".
            let (names, label) = match split_label(text, line) {
                Some((before, after)) => (before, (!after.is_empty()).then_some(after)),
                None => (line.clone(), None),
            };
            let parts = split_versus(text, names);
            let columns: Option<Vec<Option<usize>>> = parts.iter().map(|p| actor_covering(spans, p).map(Some)).collect();
            let columns = columns?;
            (columns.len() >= 2).then_some((label, columns, parts))
        }
        Form::Spaces => unreachable!("the space-collapsed form is read by `collapsed`"),
        _ => {
            let cells = split_cells(text, line, form);
            if cells.len() < 3 {
                return None;
            }
            let (label, rest) = (cells[0].clone(), &cells[1..]);
            // A column may be headed by no actor ("Option A", a place): its id is empty. A
            // header that names nobody at all must be short words, and is proven by its rows
            // (see `table_at`).
            let columns: Vec<Option<usize>> = rest.iter().map(|c| actor_covering(spans, c)).collect();
            if columns.iter().all(Option::is_none) && rest.iter().any(|c| text[c.clone()].split_whitespace().count() > 4) {
                return None;
            }
            let label = (!label.is_empty()).then_some(label);
            Some((label, columns, rest.to_vec()))
        }
    }
}

impl ExplicitTable {
    /// Cells state their column actor's stance, so they are positions too — except in
    /// descriptive rows (the actor's role, the results it obtained, its background). The
    /// stance is the cue the cell opens with ("دافع عن …", "Rejects …"), else `states`.
    pub(crate) fn cell_positions(&self, doc: &Document) -> Vec<PositionDraft> {
        let mut out = Vec::new();
        for row in &self.rows {
            let aspect = fold_str(&doc.text[row.aspect.clone()]);
            let descriptive = aspect.split(|c: char| !c.is_alphanumeric()).any(|w| {
                words::is(class!("ar.descriptive_aspect", "en.descriptive_aspect"), w)
            });
            if descriptive {
                continue;
            }
            for (col, cell) in row.cells.iter().enumerate() {
                // A column headed by no actor ("Option A") gives no position: it would need
                // an actor invented for it.
                let Some(actor) = self.columns[col] else { continue };
                // A figure (seats, votes, a share) is a result, not a stance.
                if cell.is_empty() || !doc.text[cell.clone()].chars().any(char::is_alphabetic) {
                    continue;
                }
                let first = fold_str(doc.text[cell.clone()].split_whitespace().next().unwrap_or(""));
                out.push(PositionDraft {
                    actor,
                    stance: cue_stance(&first).unwrap_or(Stance::States),
                    text: cell.clone(),
                    sentence: row.line.clone(),
                });
            }
        }
        out
    }
}

fn cue_stance(word: &str) -> Option<Stance> {
    let cues = Cues::builtin();
    arabic::verb_stems(word)
        .into_iter()
        .find_map(|s| cues.arabic.get(s))
        .map(|c| c.stance)
        .or_else(|| cues.english.get(word).and_then(|c| c.iter().find(|c| c.rest.is_empty())).map(|c| c.stance))
}

#[cfg(test)]
// Test tables spell out their row types in place.
#[allow(clippy::type_complexity)]
mod tests {
    use crate::{analyze, Options, TableSource};

    /// (header texts, rows) of the table found in a text.
    fn table(text: &str) -> (TableSource, Vec<String>, Vec<(String, Vec<String>)>) {
        let t = analyze(text, &Options::default()).table;
        (t.source, t.headers, t.rows.into_iter().map(|r| (r.aspect, r.cells)).collect())
    }

    fn owned(rows: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        rows.iter().map(|(a, c)| (a.to_string(), c.iter().map(|s| s.to_string()).collect())).collect()
    }

    #[test]
    fn pasted_table_forms() {
        // Tables written for these tests, in each pasted form, with 2 and 3 actor columns.
        let cases: &[(&str, &str, &[&str], &[(&str, &[&str])])] = &[
            ("tab-separated, three columns",
             "Talks resumed in Geneva.\n\nIssue\tFrance\tGermany\tItaly\nBudget\tMore spending\tStrict limits\tFlexible rules\nDefence\tEuropean army\tNATO first\tShared procurement\n\nThe summit ends today.",
             &["France", "Germany", "Italy"],
             &[("Budget", &["More spending", "Strict limits", "Flexible rules"]), ("Defence", &["European army", "NATO first", "Shared procurement"])]),
            ("markdown pipes",
             "| Topic | Iran | Israel |\n|---|---|---|\n| Enrichment | Civil right | Zero enrichment |\n| Sanctions | Full lifting | Snapback |\n",
             &["Iran", "Israel"],
             &[("Enrichment", &["Civil right", "Zero enrichment"]), ("Sanctions", &["Full lifting", "Snapback"])]),
            ("X vs Y list",
             "Lula and Milei clashed again.\n\nLula vs Milei: where they stand\nTrade: protect local industry vs open all markets\nClimate: fund the Amazon vs. leave the Paris deal\n",
             &["Lula", "Milei"],
             &[("Trade", &["protect local industry", "open all markets"]), ("Climate", &["fund the Amazon", "leave the Paris deal"])]),
            ("arabic space-collapsed, two columns",
             "قمة القاهرة\n\nالمحاور مصر إثيوبيا\nملف السد اتفاق ملزم قانونياً حق التنمية الكاملة\nآلية الحل وساطة الاتحاد الأفريقي مفاوضات ثنائية مباشرة\n\nوتستمر المحادثات.",
             &["مصر", "إثيوبيا"],
             &[("ملف السد", &["اتفاق ملزم قانونياً", "حق التنمية الكاملة"]), ("آلية الحل", &["وساطة الاتحاد الأفريقي", "مفاوضات ثنائية مباشرة"])]),
        ];
        for (name, text, headers, rows) in cases {
            let (source, h, r) = table(text);
            assert_eq!(source, TableSource::Explicit, "{name}");
            assert_eq!(h, *headers, "{name}");
            assert_eq!(r, owned(rows), "{name}");
        }
    }

    #[test]
    fn a_header_of_plain_words_is_proven_by_two_rows() {
        let (source, headers, rows) = table("Measure\tNorth Harbour\tOlive Valley\nHotels\t40\t25\nBeaches\t3\t5\n");
        assert_eq!(source, TableSource::Explicit);
        assert_eq!(headers, ["North Harbour", "Olive Valley"]);
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn no_table_without_actor_header() {
        let (source, _, _) = table("Budget\tMore\tLess\nDefence\tArmy\tNavy\n");
        assert_eq!(source, TableSource::Derived);
    }
}
