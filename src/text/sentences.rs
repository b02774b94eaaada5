//! Sentence splitting that knows Arabic punctuation and the line structure of pasted articles.
//!
//! A sentence ends at `.` `!` `?` `؟` `…` and at every line break: pasted news keeps headings,
//! bullet items and table rows on lines of their own, and none of them should run into the
//! next line. `،` and `؛` are clause separators inside a sentence (Arabic news strings long
//! clauses together with them), so they are left to the positions stage.

use std::ops::Range;

use super::{Script, Token};

/// What kind of line a sentence sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SentenceKind {
    /// Running text.
    Prose,
    /// A short line without final punctuation, standing alone (a title or subheading).
    Heading,
    /// A line introduced by a bullet or a list number.
    Bullet,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Byte range in the original text (first token start to last token end).
    pub range: Range<usize>,
    /// Token index range.
    pub tokens: Range<usize>,
    pub kind: SentenceKind,
    /// Index of the line (0-based) the sentence starts on.
    pub line: usize,
}

/// English abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "sens", "rep", "reps", "gov", "prof", "sgt", "capt",
    "adm", "maj", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

const BULLETS: &[char] = &['•', '▪', '●', '◦', '‣', '-', '*', '–', '—', '·', '■', '□', '►', '✓', '✔'];

pub(crate) fn split(text: &str, folded: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line = 0usize;
    let mut start_tok = 0usize;
    let mut start_line = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Only punctuation ends a sentence.
        let ftext = if t.is_word { "" } else { &folded[t.fstart..t.fend] };
        let mut ends = matches!(ftext, "!" | "?" | "؟" | "…");
        if ftext == "." {
            ends = !is_abbreviation_dot(folded, tokens, i);
        }
        // Runs of closing punctuation stay with the sentence they close (`."` `.»` `..`):
        // written against it, for a quotation mark after a space opens the next sentence
        // (`arrived. "We will …," he said.`).
        if ends {
            while i + 1 < tokens.len()
                && !tokens[i + 1].is_word
                && tokens[i].end == tokens[i + 1].start
                && matches!(&folded[tokens[i + 1].fstart..tokens[i + 1].fend], "." | "!" | "?" | "؟" | "\"" | "'" | "»" | "”" | ")" | "]" | "…")
            {
                i += 1;
            }
        }
        // Counted by byte: the gap is mostly one space, too short for a string searcher.
        let next_gap = tokens.get(i + 1).map(|n| &text.as_bytes()[tokens[i].end..n.start]);
        let newlines = next_gap.map_or(0, |g| g.iter().filter(|&&b| b == b'\n').count());
        if ends || newlines > 0 || i + 1 == tokens.len() {
            push(&mut out, text, folded, tokens, start_tok..i + 1, start_line, newlines > 0 || i + 1 == tokens.len());
            start_tok = i + 1;
            line += newlines;
            start_line = line;
        }
        i += 1;
    }
    out
}

fn is_abbreviation_dot(folded: &str, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else { return false };
    // A decimal point (2.1%) sits between digits with no space.
    let next = tokens.get(i + 1);
    if prev.script == Script::Digit && prev.fend == tokens[i].fstart && next.is_some_and(|n| n.script == Script::Digit && n.fstart == tokens[i].fend) {
        return true;
    }
    if !prev.is_word || prev.fend != tokens[i].fstart {
        return false;
    }
    let word = &folded[prev.fstart..prev.fend];
    // A list number at the start of a line ("1. elections").
    let line_start = i < 2 || folded[tokens[i - 2].fend..prev.fstart].contains('\n');
    if prev.script == Script::Digit && line_start {
        return true;
    }
    // Initials (U.S., J. K.) and known abbreviations; a Latin single letter only.
    (prev.script == Script::Latin && word.chars().count() == 1) || ABBREVIATIONS.contains(&word)
}

fn push(out: &mut Vec<Sentence>, text: &str, folded: &str, tokens: &[Token], toks: Range<usize>, line: usize, line_ends: bool) {
    if toks.is_empty() {
        return;
    }
    let first = &tokens[toks.start];
    let last = &tokens[toks.end - 1];
    // The sentence starts a line when only whitespace with a line break (or the start of the
    // text) precedes its first token.
    let gap_start = toks.start.checked_sub(1).map_or(0, |p| tokens[p].end);
    let starts_line = toks.start == 0 || text[gap_start..first.start].contains('\n');
    let first_text = &folded[first.fstart..first.fend];
    let is_bullet = starts_line
        && (first_text.chars().next().is_some_and(|c| BULLETS.contains(&c))
            || (first.script == Script::Digit
                && tokens.get(toks.start + 1).is_some_and(|n| matches!(&folded[n.fstart..n.fend], "." | ")" | "-"))));
    let words = tokens[toks.clone()].iter().filter(|t| t.is_word).count();
    let kind = if is_bullet {
        SentenceKind::Bullet
    } else if starts_line && line_ends && words <= 14 && last.is_word {
        SentenceKind::Heading
    } else {
        SentenceKind::Prose
    };
    out.push(Sentence { range: first.start..last.end, tokens: toks, kind, line });
}

#[cfg(test)]
// Test tables spell out their row types in place.
#[allow(clippy::type_complexity)]
mod tests {
    use crate::text::{Document, SentenceKind};

    fn sentences(text: &str) -> Vec<(String, SentenceKind)> {
        let doc = Document::new(text);
        doc.sentences.iter().map(|s| (text[s.range.clone()].to_string(), s.kind)).collect()
    }

    #[test]
    fn sentence_table() {
        use SentenceKind::*;
        let cases: &[(&str, &str, &[(&str, SentenceKind)])] = &[
            ("arabic question mark and full stop", "هل يلتقي الزعيمان؟ قال المتحدث إن اللقاء قريب.",
             &[("هل يلتقي الزعيمان؟", Prose), ("قال المتحدث إن اللقاء قريب.", Prose)]),
            ("arabic comma does not split", "رفض الوزير المقترح، وقال إنه غير مقبول.",
             &[("رفض الوزير المقترح، وقال إنه غير مقبول.", Prose)]),
            ("heading then paragraph", "Talks stall in Geneva\n\nThe envoy said talks would resume. Both sides agreed.",
             &[("Talks stall in Geneva", Heading), ("The envoy said talks would resume.", Prose), ("Both sides agreed.", Prose)]),
            ("decimal point", "Spending rose to 2.1% of GDP. It fell.", &[("Spending rose to 2.1% of GDP.", Prose), ("It fell.", Prose)]),
            ("abbreviations and initials", "Mr. Smith met U.S. officials on Friday. He left.",
             &[("Mr. Smith met U.S. officials on Friday.", Prose), ("He left.", Prose)]),
            ("plural titles", "Backing it were Sens. Ana Ruiz and Tom Lee and Reps. Bo Chan. It passed.",
             &[("Backing it were Sens. Ana Ruiz and Tom Lee and Reps. Bo Chan.", Prose), ("It passed.", Prose)]),
            ("bullets", "The plan:\n• وقف إطلاق النار\n- a prisoner swap\n1. elections",
             &[("The plan:", Prose), ("• وقف إطلاق النار", Bullet), ("- a prisoner swap", Bullet), ("1. elections", Bullet)]),
            ("closing quote stays", "\"We refuse.\" He said so.", &[("\"We refuse.\"", Prose), ("He said so.", Prose)]),
            ("opening quote after a space starts the next sentence", "He arrived. \"We refuse,\" he said. «لن نتراجع» قال.",
             &[("He arrived.", Prose), ("\"We refuse,\" he said.", Prose), ("«لن نتراجع» قال.", Prose)]),
        ];
        for (name, text, expected) in cases {
            let got = sentences(text);
            let want: Vec<(String, SentenceKind)> = expected.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(got, want, "{name}");
        }
    }
}
