//! The space-collapsed form: a table copied from a web page into a plain-text field, each row
//! one line with its cells run together by single spaces, or glued with none. The header is
//! read by [`super::header`], each row is cut by [`super::segment`]; what makes the block a
//! table, where it starts and where it ends is decided here.

use std::ops::Range;

use super::explicit::{trim_range, ExplicitTable, Spans, TableRow};
use super::header::{self, ActorNames, Header};
use super::arabic_seams::ArabicWords;
use super::line_words::{line_words, line_words_guessing};
use super::segment::{self, opening, starts_another_name, Opening, RowWord};
use super::vocabulary;
use crate::lexicon::given_names::given_names;
use crate::text::{fold_str, Document};

/// The longest row read: longer lines are prose.
const MAX_ROW_WORDS: usize = 200;
/// Header lines are short.
const MAX_HEADER_WORDS: usize = 12;
/// Headers that are not all actors make a table only with this many columns at most, and
/// this many rows at least: a header of plain words is weaker evidence than one of names.
const MAX_PLAIN_COLUMNS: usize = 4;
const MIN_PLAIN_ROWS: usize = 2;
/// Under such a header, the rows must cut easily: lines of prose under a line of names cut
/// only before prepositions and lowercase words (see [`segment::Split::strain`]).
const MAX_PLAIN_STRAIN: f64 = 1.5;
/// The rows on which such a block is judged.
const CHECKED_ROWS: usize = 100;

/// The table whose header is line `i`, with the number of lines it spans.
pub(crate) fn table_at(doc: &Document, spans: &Spans, known: &ActorNames, arabic: &ArabicWords, lines: &[Range<usize>], i: usize) -> Option<(ExplicitTable, usize)> {
    let text = doc.text;
    let line = &lines[i];
    if text[line.clone()].split_whitespace().count() > MAX_HEADER_WORDS || !row_may_follow(text, lines, i) {
        return None;
    }
    let listed: Vec<(Range<usize>, usize)> = spans.starting_in(line).iter().filter(|(_, a)| !spans.is_guess(*a)).cloned().collect();
    let header = named_header(text, spans, line).or_else(|| header::read(text, line, &listed, known, arabic))?;
    // A header with no sign of one is tried only where a block of lines starts (after a blank
    // line, or after a block's title line): a long block of short lines is not tried again
    // from each of its lines, and a line inside prose heads nothing.
    if !header.signed && !opens_a_block(text, lines, i) {
        return None;
    }
    // With no sign, the first of three words or more may be a label nobody listed
    // ("Proposal Okonjo Faraday"): the rows tell, read under the line as read, then so.
    let first_as_label = (!header.signed && header.label.is_none() && header.cells.len() >= 3).then(|| Header {
        label: Some(header.cells[0].clone()),
        cells: header.cells[1..].to_vec(),
        actors: header.actors[1..].to_vec(),
        ..header.clone()
    });
    table_under(text, spans, arabic, lines, i, header).or_else(|| table_under(text, spans, arabic, lines, i, first_as_label?))
}

/// Whether the line under line `i` could be a first row in this form (not blank, no tab or
/// pipe row): a header with no row under it heads nothing, and [`table_under`] would stop
/// there. Checked before the header is read, since reading it may count every word of the
/// article (to guess glued Arabic words): a headline over a blank line costs nothing then.
fn row_may_follow(text: &str, lines: &[Range<usize>], i: usize) -> bool {
    lines.get(i + 1).is_some_and(|next| may_be_a_row(&text[next.clone()]))
}

/// A blank line ends the table; a tab or pipe row is another form's.
fn may_be_a_row(row_text: &str) -> bool {
    !row_text.trim().is_empty() && !row_text.contains('\t') && row_text.matches('|').count() < 2
}

/// The table under `header`, the line `i`, with the number of lines it spans.
fn table_under(text: &str, spans: &Spans, arabic: &ArabicWords, lines: &[Range<usize>], i: usize, header: Header) -> Option<(ExplicitTable, usize)> {
    // Rows copied as glued as their header are read with the guessed Arabic cuts.
    let guess = header.glued_arabic.then_some(arabic);
    let all_named = header.signed && header.actors.iter().all(Option::is_some);
    if !all_named && header.cells.len() > MAX_PLAIN_COLUMNS {
        return None;
    }
    let ncols = header.cells.len();
    let mut rows = Vec::new();
    let mut strain = 0.0;
    let mut j = i + 1;
    while j < lines.len() {
        let row_line = &lines[j];
        let row_text = &text[row_line.clone()];
        if !may_be_a_row(row_text) {
            break;
        }
        let Some((cells, row_strain)) = row_cells(text, spans, row_line, ncols + 1, guess) else {
            // "Seats won1294": figures run together with nothing to tell where one ends (12 9 4?
            // 129 4?) cannot be cut into cells; such a row is left out, not mangled, and the
            // table goes on when the next line is a row of it.
            let undecidable = row_text.chars().any(|c| c.is_ascii_digit());
            let next_is_a_row = lines.get(j + 1).is_some_and(|next| !text[next.clone()].trim().is_empty() && row_cells(text, spans, next, ncols + 1, guess).is_some());
            if undecidable && next_is_a_row {
                j += 1;
                continue;
            }
            break;
        };
        strain += row_strain;
        rows.push(TableRow { line: row_line.clone(), aspect: cells[0].clone(), cells: cells[1..].to_vec() });
        j += 1;
        // Judged on its first rows, so that a long block of lines that is no table is not
        // read again from each of its lines (which would grow with the square of its length).
        if !all_named && rows.len() == CHECKED_ROWS && !plain_block_is_a_table(text, &rows, &header.actors, strain / rows.len() as f64) {
            return None;
        }
    }
    let mut table = ExplicitTable { aspect_label: header.label, columns: header.actors, headers: header.cells, rows };
    if !header.signed && !rows_prove_the_header(text, &table) {
        return None;
    }
    take_repeated_header(text, &mut table);
    if rows_end_the_text(text, &table) {
        drop_cut_last_row(text, &mut table);
    }
    let mean_strain = strain / (j - i - 1).max(1) as f64;
    if !all_named && !plain_block_is_a_table(text, &table.rows, &table.columns, mean_strain) {
        // Not a table: the lines below are read again, one of them may head one.
        return None;
    }
    Some((table, j - i))
}

/// A header naming two or more distinct actors found by the mention stage, after an
/// optional label of up to four words, with nothing but separators between them.
fn named_header(text: &str, spans: &Spans, line: &Range<usize>) -> Option<Header> {
    // Mentions may nest (a body inside a title): keep the outermost ones.
    let mut inside: Vec<(Range<usize>, usize)> = Vec::new();
    for (r, a) in spans.starting_in(line).iter().filter(|(r, _)| r.end <= line.end) {
        match inside.last_mut() {
            Some((last, _)) if r.start < last.end => {
                if r.end > last.end {
                    return None;
                }
            }
            _ => inside.push((r.clone(), *a)),
        }
    }
    if inside.len() < 2 {
        return None;
    }
    let first = inside[0].0.start;
    // A name that swallowed the word naming the aspect column ("Indicator France") is read
    // by `header`, which keeps that word out of names.
    let first_word = text[line.clone()].split_whitespace().next().map(fold_str).unwrap_or_default();
    if trim_range(text, line.clone()).start == first && (vocabulary::is("en.aspect_label", &first_word) || vocabulary::is("ar.aspect_label", &first_word)) && text[inside[0].0.clone()].split_whitespace().count() > 1 {
        return None;
    }
    let mut prev_end = first;
    // Compared folded: bidi marks that an editor put between the names (RLM, LRI …)
    // separate nothing.
    for (r, _) in &inside {
        let between = fold_str(&text[prev_end..r.start]);
        if !between.trim().is_empty() && !matches!(between.trim(), "vs" | "و" | "|" | "/" | "-" | "versus") {
            return None;
        }
        prev_end = r.end;
    }
    if !fold_str(&text[prev_end..line.end]).trim().is_empty() {
        return None;
    }
    let mut distinct: Vec<usize> = inside.iter().map(|(_, a)| *a).collect();
    crate::sort::sort(&mut distinct);
    distinct.dedup();
    if distinct.len() != inside.len() || text[line.start..first].split_whitespace().count() > 4 {
        return None;
    }
    let label = Some(trim_range(text, line.start..first)).filter(|r| !r.is_empty());
    Some(Header { label, actors: inside.iter().map(|(_, a)| Some(*a)).collect(), cells: inside.into_iter().map(|(r, _)| r).collect(), glued_arabic: false, signed: true })
}

/// A row cut into `cells` cells with the strain of the cut, or None when it has too few words
/// or too many.
fn row_cells(text: &str, spans: &Spans, line: &Range<usize>, cells: usize, guess: Option<&ArabicWords>) -> Option<(Vec<Range<usize>>, f64)> {
    let words = match guess {
        Some(arabic) => line_words_guessing(text, line, arabic, true),
        None => line_words(text, line),
    };
    if words.len() < cells || words.len() > MAX_ROW_WORDS {
        return None;
    }
    let names = spans.starting_in(line);
    let given = given_names();
    // A name running from the row's first word into the next ones is the mention stage
    // reading the row as prose ("Party Coast League Hill Union" as one body): it does not
    // hold the row's words together.
    let from_the_aspect = |m: &Range<usize>| m.start == words[0].range.start && m.end > words[0].range.end;
    let row: Vec<RowWord> = words
        .iter()
        .enumerate()
        .map(|(i, w)| RowWord {
            word: w,
            proper: names.iter().any(|(m, _)| m.start >= w.range.start && m.start < w.range.end),
            inside_name: i > 0
                && !starts_another_name(&words[i - 1], w)
                && names.iter().any(|(m, a)| !spans.is_guess(*a) && !from_the_aspect(m) && m.start <= words[i - 1].range.start && w.range.end <= m.end),
            given_name: given.contains_key(&w.folded),
            in_name: names.iter().any(|(m, _)| m.start <= w.range.start && w.range.end <= m.end),
        })
        .collect();
    let split = segment::split(&row, cells)?;
    let mut out = Vec::new();
    let mut start = 0;
    for &b in split.bounds.iter().chain(std::iter::once(&words.len())) {
        out.push(words[start].range.start..words[b - 1].range.end);
        start = b;
    }
    Some((out, split.strain))
}

/// Line `i` opens a block: the text's first line or the one after a blank line, or the line
/// after such a line (a title over the table).
fn opens_a_block(text: &str, lines: &[Range<usize>], i: usize) -> bool {
    let blank = |k: usize| text[lines[k].clone()].trim().is_empty();
    i == 0 || blank(i - 1) || i == 1 || blank(i - 2)
}

/// Rows under a header with no sign of one prove it: three at least (a title over two lines
/// of prose makes none), and not one a sentence; that they cut easily and open alike is
/// checked as for every block under plain words ([`plain_block_is_a_table`]).
fn rows_prove_the_header(text: &str, table: &ExplicitTable) -> bool {
    table.rows.len() >= MIN_PLAIN_ROWS.max(3) && table.rows.iter().all(|r| !text[r.line.clone()].trim_end().ends_with(['.', '!', '?', '؟', ':']))
}

/// Pages often show the names twice: over the candidates' pictures, then as the first row
/// ("Nominee" and the same names). That row is the header proper; its first cell the label.
fn take_repeated_header(text: &str, table: &mut ExplicitTable) {
    let Some(first) = table.rows.first() else { return };
    let same = first.cells.len() == table.headers.len() && first.cells.iter().zip(&table.headers).all(|(c, h)| fold_str(&text[c.clone()]) == fold_str(&text[h.clone()]));
    if same {
        let first = table.rows.remove(0);
        table.aspect_label = Some(first.aspect);
        table.headers = first.cells;
    }
}

/// The last row ends the text: nothing but blanks follows it.
fn rows_end_the_text(text: &str, table: &ExplicitTable) -> bool {
    table.rows.last().is_some_and(|r| text[r.line.end..].trim().is_empty())
}

/// A text cut in the middle of a row leaves a last row whose cells are the wrong kind for
/// their columns (a word where every other row has a figure): it is left out rather than
/// mangled.
fn drop_cut_last_row(text: &str, table: &mut ExplicitTable) {
    let n = table.rows.len();
    if n < 3 {
        return;
    }
    let kind = |r: &Range<usize>| opening(&text[r.clone()]) == Opening::Number;
    let last = &table.rows[n - 1];
    // The text ending in a figure's decimal point or thousands separator ("33.", "4,") cut
    // it short, whatever its column holds.
    let cut_figure = last.cells.last().is_some_and(|r| {
        let t = text[r.clone()].trim_end();
        t.ends_with(['.', ',']) && t[..t.len() - 1].ends_with(|c: char| c.is_ascii_digit())
    });
    let cut = cut_figure || (0..last.cells.len()).any(|c| {
        let column: Vec<bool> = table.rows[..n - 1].iter().map(|r| kind(&r.cells[c])).collect();
        column.iter().all(|&k| k) && !kind(&last.cells[c])
    });
    if cut {
        table.rows.pop();
    }
}

/// A block under a header of plain words is a table only when it looks like one: enough rows
/// that cut easily, most of them no list item, sentence, "Key: value" line or dateline; and
/// when no header names an actor, most rows with value cells that open alike (all figures,
/// all capitals …).
fn plain_block_is_a_table(text: &str, rows: &[TableRow], columns: &[Option<usize>], mean_strain: f64) -> bool {
    if rows.len() < MIN_PLAIN_ROWS || mean_strain > MAX_PLAIN_STRAIN {
        return false;
    }
    let none_named = columns.iter().all(Option::is_none);
    let sentence_like = |r: &TableRow| {
        let line = text[r.line.clone()].trim();
        let first_word = line.split_whitespace().next().unwrap_or("");
        // A sentence, a list item, a "Key: value" line of a byline or a form, a dateline.
        line.ends_with(['.', '!', '?', ':', '؟']) || line.starts_with(['•', '*', '-', '–', '—', '·', '>']) || first_word.ends_with(':') || line.contains(" — ")
    };
    let alike = |r: &TableRow| r.cells.iter().all(|c| opening(&text[c.clone()]) == opening(&text[r.cells[0].clone()]));
    rows.iter().filter(|r| sentence_like(r)).count() * 2 < rows.len() && (!none_named || rows.iter().filter(|r| alike(r)).count() * 2 >= rows.len())
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options, TableSource};

    /// (source, label, headers, rows as "aspect | cell …") of the table found in a text.
    fn table(text: &str) -> (TableSource, Option<String>, Vec<String>, Vec<String>) {
        let t = analyze(text, &Options::default()).table;
        let rows = t.rows.iter().map(|r| std::iter::once(r.aspect.as_str()).chain(r.cells.iter().map(String::as_str)).collect::<Vec<_>>().join(" | ")).collect();
        (t.source, t.aspect_label, t.headers, rows)
    }

    #[test]
    fn names_shown_twice_make_one_header() {
        let (source, label, headers, rows) = table("  Karl Brandt Anna Ode\nCandidate Karl Brandt Anna Ode\nParty Coast League Hill Union\nVotes 5,120 4,870\n");
        assert_eq!(source, TableSource::Explicit);
        assert_eq!(label.as_deref(), Some("Candidate"));
        assert_eq!(headers, ["Karl Brandt", "Anna Ode"]);
        assert_eq!(rows, ["Party | Coast League | Hill Union", "Votes | 5,120 | 4,870"]);
    }

    #[test]
    fn a_row_cut_by_the_end_of_the_text_is_left_out() {
        // The last row has a word where its column has figures everywhere else.
        let (_, _, _, rows) = table("Item Plan North Plan South\nCost 12 9\nStaff 40 31\nOffices 3 2\nSites 7 fi");
        assert_eq!(rows, ["Cost | 12 | 9", "Staff | 40 | 31", "Offices | 3 | 2"]);
        // A figure cut after its decimal point.
        let (_, _, _, rows) = table("Item Plan North Plan South\nCost 12 9\nStaff 40 31\nOffices 3 2\nShare 41.2% 33.");
        assert_eq!(rows, ["Cost | 12 | 9", "Staff | 40 | 31", "Offices | 3 | 2"]);
        // A complete last row stays.
        let (_, _, _, rows) = table("Item Plan North Plan South\nCost 12 9\nStaff 40 31\nOffices 3 2\n");
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn figures_run_together_leave_their_row_out_not_the_table() {
        // "Seats1294" cannot be told apart (12 9 4? 1 29 4?): that row is left out.
        let (source, _, headers, rows) = table("Compare the candidatesHelga MornayJonas ReedPia Castellane\nPartyHarbour UnionGreen Valley PartyCivic Front\nSeats1294\nVote share41.2%33.5%18%\nHome town Elsin Maraby Dunholt\n\nThe assembly meets next week.\n");
        assert_eq!(source, TableSource::Explicit);
        assert_eq!(headers, ["Helga Mornay", "Jonas Reed", "Pia Castellane"]);
        assert_eq!(rows, ["Party | Harbour Union | Green Valley Party | Civic Front", "Vote share | 41.2% | 33.5% | 18%", "Home town | Elsin | Maraby | Dunholt"]);
    }

    #[test]
    fn prose_under_a_line_of_names_is_no_table() {
        // Names, then lines that cut only before prepositions and lowercase words.
        for text in [
            "Speakers\nKarl Brandt Anna Ode\nWelcome from the host city\nPanel on river rights and trade\n",
            "Topics Trade Climate\nMinisters meet in the capital\nTalks expected to last days\n",
            "Harbour Towns Weekly\nNews from the coast\nLetters to the editor\n",
        ] {
            assert_eq!(table(text).0, TableSource::Derived, "{text}");
        }
    }
}
