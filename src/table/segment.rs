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
    best_split(n, cells, &boundary)
}

/// Costs within this of each other are a tie, won by the split whose cells start earliest.
const TIE: f64 = 1e-9;

/// The split with the lowest cost (the boundaries' costs, a short aspect label, value cells of
/// comparable length), by dynamic programming: once the aspect cell is fixed, the mean length
/// of the value cells is known and the cost is a sum over cells. (Trying every placement of the boundaries grew as C(n, cells): minutes for one row
/// of 60 words under a header of seven actors.) Ties go to the split that is first in
/// lexicographic order of its boundaries.
fn best_split(n: usize, cells: usize, boundary: &[f64]) -> Option<Vec<usize>> {
    let values = cells - 1;
    let mut best: Option<(f64, usize)> = None;
    for aspect_end in 1..=n - values {
        let cost = boundary[aspect_end] + aspect_cost(aspect_end) + value_cells(n, values, aspect_end, boundary)[values][aspect_end];
        if best.is_none_or(|(c, _)| cost < c - TIE) {
            best = Some((cost, aspect_end));
        }
    }
    let (_, aspect_end) = best?;
    let table = value_cells(n, values, aspect_end, boundary);
    let length_cost = length_cost(n, values, aspect_end);
    let mut bounds = vec![aspect_end];
    let mut start = aspect_end;
    for left in (2..=values).rev() {
        let mut next: Option<(f64, usize)> = None;
        for b in start + 1..=n - left + 1 {
            let cost = length_cost(b - start) + boundary[b] + table[left - 1][b];
            if next.is_none_or(|(c, _)| cost < c - TIE) {
                next = Some((cost, b));
            }
        }
        start = next?.1;
        bounds.push(start);
    }
    Some(bounds)
}

/// The aspect label is short.
fn aspect_cost(aspect_len: usize) -> f64 {
    0.3 * aspect_len.saturating_sub(4) as f64
}

/// The value cells are of comparable length: the cost of one of `len` words, given the
/// aspect cell's end (which fixes their mean length).
fn length_cost(n: usize, values: usize, aspect_end: usize) -> impl Fn(usize) -> f64 {
    let mean = (n - aspect_end) as f64 / values as f64;
    move |len| 0.05 * (len as f64 - mean).powi(2)
}

/// `table[j][p]`: the lowest cost of words `p..n` as `j` value cells (boundaries inside and
/// lengths), for `p >= aspect_end`; infinite where they do not fit.
fn value_cells(n: usize, values: usize, aspect_end: usize, boundary: &[f64]) -> Vec<Vec<f64>> {
    let length_cost = length_cost(n, values, aspect_end);
    let mut table = vec![vec![f64::INFINITY; n + 1]; values + 1];
    for (p, cost) in table[1].iter_mut().enumerate().take(n).skip(aspect_end) {
        *cost = length_cost(n - p);
    }
    for j in 2..=values {
        for p in aspect_end..=n - j {
            table[j][p] = (p + 1..=n - j + 1).map(|b| length_cost(b - p) + boundary[b] + table[j - 1][b]).fold(f64::INFINITY, f64::min);
        }
    }
    table
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
    if words::is_any(&["ar.preposition", "ar.stop"], prev) || prev == "و" {
        cost += 3.0;
    }
    let prev_definite = arabic::has_article(prev) || prev_proper;
    let next_definite = arabic::has_article(next) && !arabic::starts_with_conjunction(next);
    // A definite word after the boundary, or a proper name after an indefinite word: not an
    // adjective agreeing with the word before.
    if next_definite || (!prev_definite && next_proper) {
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

    /// The cost that `best_split` minimises, written out for one split.
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

    /// Every split, in lexicographic order of its boundaries: the reference for `best_split`.
    fn exhaustive(n: usize, cells: usize, boundary: &[f64]) -> Option<Vec<usize>> {
        fn search(n: usize, cells: usize, from: usize, boundary: &[f64], current: &mut Vec<usize>, best: &mut Option<(f64, Vec<usize>)>) {
            if current.len() == cells - 1 {
                let cost = total(n, boundary, current);
                if best.as_ref().is_none_or(|(c, _)| cost < *c - TIE) {
                    *best = Some((cost, current.clone()));
                }
                return;
            }
            for b in from..=n - (cells - 1 - current.len()) {
                current.push(b);
                search(n, cells, b + 1, boundary, current, best);
                current.pop();
            }
        }
        let mut best = None;
        search(n, cells, 1, boundary, &mut Vec::new(), &mut best);
        best.map(|(_, b)| b)
    }

    #[test]
    fn best_split_agrees_with_trying_every_split() {
        // Boundary costs drawn from the values the grammar rules add up to, so that ties occur.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let n = 2 + (next() % 11) as usize;
            let cells = 2 + (next() % (n as u64 - 1).min(5)) as usize;
            let boundary: Vec<f64> = (0..=n).map(|i| if i == 0 || i == n { 0.0 } else { [0.0, 0.5, 1.5, 2.0, 3.0, 3.5, 4.5][(next() % 7) as usize] }).collect();
            assert_eq!(best_split(n, cells, &boundary), exhaustive(n, cells, &boundary), "n {n}, cells {cells}, boundary {boundary:?}");
        }
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
