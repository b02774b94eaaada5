//! Recovering cell boundaries in a table row whose cells were collapsed into single spaces
//! (what copying an HTML table into a plain-text field produces).
//!
//! The row has a known number of cells (the aspect plus one per header actor). Each possible
//! boundary between two words gets a cost from grammar, and the split with the lowest total
//! cost, plus a small cost for unbalanced cell lengths, wins:
//! - a cell does not start with a preposition (في، من، على … / of, to, in) or a preposition
//!   proclitic (بالقمة، للمحادثة), nor with a و/ف continuation (والدبلوماسية);
//! - a cell does not end with a preposition or conjunction;
//! - noun–adjective agreement: a definite word followed by a definite word (الحرب الأوكرانية)
//!   or a nisba adjective after an indefinite noun (ضغوط محلية) is one phrase;
//! - idafa: a construct noun followed by a definite noun or a proper name (مكانة روسيا) is
//!   one phrase; two indefinite nouns side by side often are (صانع صفقات), a weaker cue.

use crate::mentions::words;
use crate::text::arabic;

/// Word-start indices of cells 2..=k (k-1 boundaries), or None when the row is too short.
pub(crate) fn split(words: &[String], proper: &[bool], cells: usize) -> Option<Vec<usize>> {
    let n = words.len();
    if cells < 2 || n < cells {
        return None;
    }
    let boundary: Vec<f64> = (0..=n).map(|i| if i == 0 || i == n { 0.0 } else { boundary_cost(words, proper, i) }).collect();
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut current = Vec::with_capacity(cells - 1);
    search(n, cells, 1, &boundary, &mut current, &mut best);
    best.map(|(_, b)| b)
}

fn search(n: usize, cells: usize, from: usize, boundary: &[f64], current: &mut Vec<usize>, best: &mut Option<(f64, Vec<usize>)>) {
    if current.len() == cells - 1 {
        let cost = total(n, boundary, current);
        if best.as_ref().is_none_or(|(c, _)| cost < *c - 1e-9) {
            *best = Some((cost, current.clone()));
        }
        return;
    }
    let remaining = cells - 1 - current.len();
    for b in from..=n - remaining {
        current.push(b);
        search(n, cells, b + 1, boundary, current, best);
        current.pop();
    }
}

fn total(n: usize, boundary: &[f64], bounds: &[usize]) -> f64 {
    let mut cost: f64 = bounds.iter().map(|&b| boundary[b]).sum();
    // The aspect label is short; the value cells are of comparable length.
    let aspect_len = bounds[0];
    cost += 0.3 * aspect_len.saturating_sub(4) as f64;
    let mut lens = Vec::new();
    let mut start = bounds[0];
    for &b in bounds[1..].iter().chain(std::iter::once(&n)) {
        lens.push((b - start) as f64);
        start = b;
    }
    let mean = lens.iter().sum::<f64>() / lens.len() as f64;
    cost + 0.05 * lens.iter().map(|l| (l - mean).powi(2)).sum::<f64>()
}

/// Cost of starting a new cell at word `i` (between words i-1 and i).
fn boundary_cost(words: &[String], proper: &[bool], i: usize) -> f64 {
    let (prev, next) = (words[i - 1].as_str(), words[i].as_str());
    let arabic_script = |w: &str| w.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    if arabic_script(next) || arabic_script(prev) {
        arabic_cost(prev, next, proper[i - 1], proper[i])
    } else {
        english_cost(prev, next)
    }
}

fn arabic_cost(prev: &str, next: &str, prev_proper: bool, next_proper: bool) -> f64 {
    let mut cost = 0.0;
    if words::is("ar.preposition", next) || arabic::has_preposition_proclitic(next) {
        cost += 3.0;
    }
    // و before the article is the conjunction (والدبلوماسية); before a bare stem it may be a
    // root letter (وساطة، وزير), a weaker cue.
    if next == "و" || (arabic::starts_with_conjunction(next) && next.chars().nth(1) == Some('ا') && next.chars().nth(2) == Some('ل')) {
        cost += 2.0;
    } else if arabic::starts_with_conjunction(next) {
        cost += 0.5;
    }
    if words::is("ar.preposition", prev) || words::is("ar.stop", prev) || prev == "و" {
        cost += 3.0;
    }
    let prev_definite = arabic::has_article(prev) || prev_proper;
    let next_definite = arabic::has_article(next) && !arabic::starts_with_conjunction(next);
    if prev_definite && next_definite {
        cost += 1.5;
    } else if !prev_definite && (next_definite || next_proper) {
        cost += 1.5;
    } else if !prev_definite && !next_definite {
        // Feminine agreement (ثنائية مباشرة) or a nisba (ضغوط محلية) marks an adjective.
        let agreeing = prev.ends_with('ه') && next.ends_with('ه');
        cost += if is_nisba_shaped(next) || agreeing { 1.5 } else { 0.5 };
    }
    cost
}

/// Indefinite nisba adjectives end in ـي / ـية (folded ـيه): داخلية، محلي، دولي.
fn is_nisba_shaped(word: &str) -> bool {
    word.chars().count() >= 4 && (word.ends_with('ي') || word.ends_with("يه"))
}

fn english_cost(prev: &str, next: &str) -> f64 {
    let mut cost = 0.0;
    if words::is("en.preposition", next) {
        cost += 2.0;
    }
    if words::is("en.preposition", prev) {
        cost += 3.0;
    }
    cost
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_str;

    fn cells(row: &str, n: usize) -> Vec<String> {
        let ws: Vec<&str> = row.split_whitespace().collect();
        let folded: Vec<String> = ws.iter().map(|w| fold_str(w)).collect();
        let bounds = split(&folded, &vec![false; ws.len()], n).unwrap();
        let mut out = Vec::new();
        let mut start = 0;
        for b in bounds.into_iter().chain(std::iter::once(ws.len())) {
            out.push(ws[start..b].join(" "));
            start = b;
        }
        out
    }

    #[test]
    fn segmentation_table() {
        // Rows written for this test (not from any example article): aspect + 2 or 3 cells.
        let cases: &[(&str, &[&str])] = &[
            ("الموقف من الهدنة يرفض وقف القتال دون ضمانات يدعم الهدنة الفورية",
             &["الموقف من الهدنة", "يرفض وقف القتال دون ضمانات", "يدعم الهدنة الفورية"]),
            ("المطالب الرئيسية انسحاب القوات الأجنبية رفع العقوبات الاقتصادية",
             &["المطالب الرئيسية", "انسحاب القوات الأجنبية", "رفع العقوبات الاقتصادية"]),
            ("الحلفاء دول الخليج والأردن إيران وسوريا روسيا والصين",
             &["الحلفاء", "دول الخليج والأردن", "إيران وسوريا", "روسيا والصين"]),
        ];
        for (row, want) in cases {
            assert_eq!(cells(row, want.len()), *want, "{row}");
        }
    }
}
