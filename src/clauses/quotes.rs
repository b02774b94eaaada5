//! Quotation marks: which tokens a quotation covers, quotations over several sentences, and
//! sentences that are one quotation.

use std::ops::Range;

use crate::text::Document;

/// Tokens inside quotation marks (« » “ ” and paired straight quotes) in a sentence that
/// starts inside a quotation or not, into `quoted` (one flag a token; a buffer the caller
/// keeps from sentence to sentence), and whether it ends inside one.
pub(crate) fn quoted_tokens(doc: &Document, sentence: Range<usize>, starts_inside: bool, quoted: &mut Vec<bool>) -> bool {
    let mut inside = starts_inside;
    quoted.clear();
    quoted.extend(sentence.map(|i| {
        let w = doc.ftok(i);
        match w {
            "«" | "“" => {
                inside = true;
                false
            }
            "»" | "”" => {
                inside = false;
                false
            }
            "\"" => {
                inside = !inside;
                false
            }
            _ => inside,
        }
    }));
    inside
}

pub(crate) fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "«" | "»" | "“" | "”" | "'")
}

/// Whether token `t` is a quotation mark: an apostrophe glued between letters ("India’s",
/// "don't") is none, so no claim starts inside a word ("s position on …").
pub(crate) fn is_quote_at(doc: &Document, t: usize) -> bool {
    let w = doc.ftok(t);
    if !is_quote(w) {
        return false;
    }
    let glued = |a: usize, b: usize| doc.tokens()[a].fend == doc.tokens()[b].fstart;
    let apostrophe = w == "'" && t > 0 && t + 1 < doc.tokens().len() && doc.tokens()[t - 1].is_word && doc.tokens()[t + 1].is_word && glued(t - 1, t) && glued(t, t + 1);
    !apostrophe
}

/// The words of a sentence that is a single quotation, opening and closing marks excluded.
pub(crate) fn whole_quotation(doc: &Document, sentence: Range<usize>) -> Option<Range<usize>> {
    let first = sentence.start;
    if sentence.is_empty() || !matches!(doc.ftok(first), "\"" | "“" | "«") {
        return None;
    }
    let last_word = sentence.clone().rev().find(|&t| doc.tokens()[t].is_word)?;
    // Only punctuation after the last word, including the closing mark; no mark in between.
    let closes = (last_word + 1..sentence.end).any(|t| matches!(doc.ftok(t), "\"" | "”" | "»"));
    let inner_marks = (first + 1..last_word).any(|t| !doc.tokens()[t].is_word && matches!(doc.ftok(t), "\"" | "“" | "”" | "«" | "»"));
    let first_word = (first + 1..=last_word).find(|&t| doc.tokens()[t].is_word)?;
    (closes && !inner_marks).then(|| doc.tokens()[first_word].start..doc.tokens()[last_word].end)
}

/// Token ranges strictly inside quotation marks that open and close within one paragraph and
/// cross a sentence boundary (at most six sentences: an unpaired mark makes no longer one).
pub(crate) fn multi_sentence_quotations(doc: &Document) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in doc.tokens().iter().enumerate() {
        // A line break ends an open quotation (looked for only while one is open), unless the
        // new paragraph opens with a quotation mark: a quotation of several paragraphs opens
        // each of them again and closes only at its end ('said: "… .¶"… .¶"… ."').
        if open.is_some() && i > 0 && doc.text[doc.tokens()[i - 1].end..t.start].contains('\n') {
            if !t.is_word && matches!(doc.ftok(i), "“" | "«" | "\"") {
                continue;
            }
            open = None;
        }
        if t.is_word {
            continue;
        }
        let closing = match doc.ftok(i) {
            "«" | "“" => false,
            "»" | "”" => true,
            "\"" => open.is_some(),
            _ => continue,
        };
        match (closing, open) {
            (true, Some(start)) => {
                open = None;
                let inner = start + 1..i;
                let first = doc.sentences.partition_point(|s| s.tokens.end <= inner.start);
                let sentences = doc.sentences[first..].iter().take(9).take_while(|s| s.tokens.start < inner.end).count();
                if (2..=8).contains(&sentences) {
                    found.push(inner);
                }
            }
            (true, None) => {}
            (false, _) => open = Some(i),
        }
    }
    found
}
