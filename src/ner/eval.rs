//! Scoring with the semantics of CoNLL's `conlleval`: a chunk is correct when its start, end
//! and type all match; per-type and micro-averaged precision, recall and F1.

/// Entity types scored, in report order.
pub const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];

/// Counts for one type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Chunks found in both.
    pub correct: usize,
    /// Chunks in the prediction.
    pub predicted: usize,
    /// Chunks in the gold standard.
    pub gold: usize,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        percent(self.correct, self.predicted)
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        percent(self.correct, self.gold)
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn percent(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Accumulated scores over sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// Counts per entry of [`TYPES`].
    pub per_type: [Counts; 4],
}

impl Scores {
    /// Adds one sentence's gold and predicted tags.
    pub fn add<A: AsRef<str>, B: AsRef<str>>(&mut self, gold: &[A], predicted: &[B]) {
        let g = chunks(gold);
        let p = chunks(predicted);
        for c in &g {
            self.per_type[c.2].gold += 1;
        }
        for c in &p {
            self.per_type[c.2].predicted += 1;
            if g.contains(c) {
                self.per_type[c.2].correct += 1;
            }
        }
    }

    /// Micro-averaged counts over the types in `types` (indices into [`TYPES`]).
    pub fn micro(&self, types: &[usize]) -> Counts {
        types.iter().fold(Counts::default(), |a, &t| {
            let c = self.per_type[t];
            Counts { correct: a.correct + c.correct, predicted: a.predicted + c.predicted, gold: a.gold + c.gold }
        })
    }

    /// The report: a table of the types, then `micro-F1=XX.XX` over `types`.
    pub fn report(&self, types: &[usize]) -> String {
        let mut out = format!("{:<6}{:>9}{:>9}{:>9}{:>8}{:>8}\n", "type", "P", "R", "F1", "gold", "pred");
        for (t, name) in TYPES.iter().enumerate() {
            let c = self.per_type[t];
            let note = if types.contains(&t) { "" } else { "  (not scored)" };
            out.push_str(&format!("{name:<6}{:>9.2}{:>9.2}{:>9.2}{:>8}{:>8}{note}\n", c.precision(), c.recall(), c.f1(), c.gold, c.predicted));
        }
        let m = self.micro(types);
        out.push_str(&format!("{:<6}{:>9.2}{:>9.2}{:>9.2}{:>8}{:>8}\n", "micro", m.precision(), m.recall(), m.f1(), m.gold, m.predicted));
        out.push_str(&format!("micro-F1={:.2}\n", m.f1()));
        out
    }
}

/// Chunks `(start, end exclusive, type index)` of a tag sequence, as conlleval finds them: a
/// chunk starts at a B-, at an I- after O, or at a type change, and ends before a B-, an O or
/// a type change. Unknown types are ignored.
pub fn chunks<A: AsRef<str>>(tags: &[A]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let (prefix, kind) = tag.split_once('-').unwrap_or((tag, ""));
        let starts = match open {
            None => prefix == "B" || prefix == "I",
            Some((_, open_kind)) => prefix == "B" || (prefix == "I" && open_kind != kind),
        };
        let ends = open.is_some() && (prefix == "O" || starts);
        if ends {
            close(&mut out, open.take(), i);
        }
        if starts {
            open = Some((i, kind));
        }
    }
    close(&mut out, open, tags.len());
    out
}

fn close(out: &mut Vec<(usize, usize, usize)>, open: Option<(usize, &str)>, end: usize) {
    if let Some((start, kind)) = open {
        if let Some(t) = TYPES.iter().position(|x| *x == kind) {
            out.push((start, end, t));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Chunk = (usize, usize, usize);

    #[test]
    fn chunk_rules() {
        let cases: [(&str, &[&str], &[Chunk]); 6] = [
            ("plain", &["B-PER", "I-PER", "O"], &[(0, 2, 0)]),
            ("I after O starts a chunk", &["O", "I-LOC", "I-LOC"], &[(1, 3, 1)]),
            ("B after B", &["B-ORG", "B-ORG"], &[(0, 1, 2), (1, 2, 2)]),
            ("type change inside", &["B-PER", "I-LOC"], &[(0, 1, 0), (1, 2, 1)]),
            ("I at sentence start", &["I-MISC"], &[(0, 1, 3)]),
            ("ends at the last token", &["O", "B-LOC"], &[(1, 2, 1)]),
        ];
        for (name, tags, expected) in cases {
            assert_eq!(chunks(tags), expected, "{name}");
        }
    }

    /// Worked by hand as conlleval would:
    /// gold: [PER 0-2] [LOC 3] | [ORG 0-2] [MISC 3]
    /// pred: [PER 0-2] [ORG 3] | [ORG 0-1] [MISC 3] [LOC 4]
    /// correct: PER 1, MISC 1 → 2 of 5 predicted, 2 of 4 gold:
    /// P = 40.00, R = 50.00, F1 = 2·40·50/90 = 44.44.
    #[test]
    fn hand_computed_example() {
        let mut s = Scores::default();
        s.add(&["B-PER", "I-PER", "O", "B-LOC"], &["B-PER", "I-PER", "O", "B-ORG"]);
        s.add(&["B-ORG", "I-ORG", "O", "B-MISC", "O"], &["B-ORG", "O", "O", "I-MISC", "B-LOC"]);
        let m = s.micro(&[0, 1, 2, 3]);
        assert_eq!((m.correct, m.predicted, m.gold), (2, 5, 4));
        assert_eq!(format!("{:.2} {:.2} {:.2}", m.precision(), m.recall(), m.f1()), "40.00 50.00 44.44");
        assert_eq!(s.per_type[2], Counts { correct: 0, predicted: 2, gold: 1 });
        assert!(s.report(&[0, 1, 2, 3]).ends_with("micro-F1=44.44\n"));
    }
}
