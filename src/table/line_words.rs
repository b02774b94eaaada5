//! The words of a pasted table line, in byte ranges of the text, including the words that
//! copying glued together. A page's cells are separate boxes; copied as text, neighbouring
//! cells may meet with no space at all ("chartChinaIndia", "won127", "45%38%"). A glue point is
//! where a word-final character meets a word-initial one that cannot continue the same word.

use std::ops::Range;

use super::arabic_seams::{ends_a_word, is_arabic_letter, ArabicWords};
use crate::text::{fold_str, is_invisible};

/// One word of a line as the segmenter reads it.
#[derive(Debug, Clone)]
pub(crate) struct LineWord {
    pub range: Range<usize>,
    /// The word as written (case kept: capitals open names and cells).
    pub text: String,
    pub folded: String,
    /// No space before it: it was glued to the previous word.
    pub glued: bool,
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Words of `line` (a byte range of `text`), split at blanks and at glue points.
pub(crate) fn line_words(text: &str, line: &Range<usize>) -> Vec<LineWord> {
    words_of(text, line, None)
}

/// Words of `line` cut also where Arabic words were probably glued (see [`ArabicWords`]);
/// `definite` adds the weakest guess, for the rows of a table whose header was glued.
pub(crate) fn line_words_guessing(text: &str, line: &Range<usize>, arabic: &ArabicWords, definite: bool) -> Vec<LineWord> {
    words_of(text, line, Some((arabic, definite)))
}

fn words_of(text: &str, line: &Range<usize>, guess: Option<(&ArabicWords, bool)>) -> Vec<LineWord> {
    let mut out = Vec::new();
    let s = &text[line.clone()];
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if is_blank(c) {
            if let Some(a) = start.take() {
                push_glued_parts(text, line.start + a, line.start + i, guess, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

/// Pushes the word `a..b` of the text, cut at its glue points (and at the guessed ones).
fn push_glued_parts(text: &str, a: usize, b: usize, guess: Option<(&ArabicWords, bool)>, out: &mut Vec<LineWord>) {
    let word = &text[a..b];
    let mut cuts = glue_points(word);
    if let Some((arabic, definite)) = guess {
        let mut from = 0;
        let certain = cuts.clone();
        for end in certain.iter().copied().chain(std::iter::once(word.len())) {
            cuts.extend(arabic.seams(&word[from..end], definite).into_iter().map(|c| from + c));
            from = end;
        }
        crate::sort::sort(&mut cuts);
    }
    let mut from = a;
    let mut glued = false;
    for cut in cuts {
        out.push(line_word(text, from..a + cut, glued));
        from = a + cut;
        glued = true;
    }
    out.push(line_word(text, from..b, glued));
}

fn line_word(text: &str, range: Range<usize>, glued: bool) -> LineWord {
    let t = &text[range.clone()];
    LineWord { text: t.to_string(), folded: fold_str(t), glued, range }
}

/// Byte offsets inside `word` where two words were glued:
/// - a lowercase run of two or more letters, then a capital opening a lowercase word
///   ("chartChina", "CandidateAnna"); a single lowercase letter before the capital is a
///   brand or a particle ("iPhone", "dePaul") and stays;
/// - lowercase letters, then a digit ("won127", "Turnout51.2%");
/// - a per-cent sign or a closing bracket, then a letter or a digit ("45%38%", "(PKR)Urdu");
/// - an Arabic letter that only ends a word (ة, ى, tanween), then another Arabic letter
///   ("جديدةإصلاح"); an Arabic letter, then a digit ("المقاعد41"); a per-cent sign, then an
///   Arabic letter.
fn glue_points(word: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut cuts = Vec::new();
    for k in 1..chars.len() {
        let (i, c) = chars[k];
        let prev = chars[k - 1].1;
        let lower_run = k >= 2 && prev.is_lowercase() && chars[k - 2].1.is_lowercase();
        let next_lower = chars.get(k + 1).is_some_and(|(_, n)| n.is_lowercase());
        let glue = (lower_run && c.is_uppercase() && next_lower)
            || (prev.is_lowercase() && c.is_ascii_digit())
            || (matches!(prev, '%' | ')' | ']') && (c.is_ascii_digit() || c.is_uppercase()))
            || (ends_a_word(prev) && is_arabic_letter(c))
            || (is_arabic_letter(prev) && c.is_ascii_digit())
            || (matches!(prev, '%' | '٪') && is_arabic_letter(c));
        if glue {
            cuts.push(i);
        }
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> Vec<(String, bool)> {
        line_words(line, &(0..line.len())).into_iter().map(|w| (w.text, w.glued)).collect()
    }

    #[test]
    fn glue_points_table() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("Compare the plansHarbourline Coastway", &[("Compare", false), ("the", false), ("plans", false), ("Harbourline", true), ("Coastway", false)]),
            ("Seats held41 37", &[("Seats", false), ("held", false), ("41", true), ("37", false)]),
            ("Share 52%48%", &[("Share", false), ("52%", false), ("48%", true)]),
            ("iPhone McAdam", &[("iPhone", false), ("McAdam", false)]),
            ("قائمة النورس 12 ٪", &[("قائمة", false), ("النورس", false), ("12", false), ("٪", false)]),
            ("votes[a] 12(est.)", &[("votes[a]", false), ("12(est.)", false)]),
            ("خطة جديدةإصلاح المقاعد41", &[("خطة", false), ("جديدة", false), ("إصلاح", true), ("المقاعد", false), ("41", true)]),
        ];
        for (line, want) in cases {
            let want: Vec<(String, bool)> = want.iter().map(|(w, g)| (w.to_string(), *g)).collect();
            assert_eq!(split(line), want, "{line}");
        }
    }
}
