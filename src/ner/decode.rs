//! Viterbi decoding over BIO labels with the invalid transitions forbidden (an I- label only
//! continues a B- or I- of its own type), and per-token margins for a confidence score.
#![cfg_attr(not(feature = "training"), allow(dead_code))]

/// Tag names. A model with `n` labels uses the first `n` (7 without MISC, 9 with it).
pub const LABELS: [&str; 9] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

/// Index of a tag name in [`LABELS`].
pub fn label_index(tag: &str) -> Option<u8> {
    LABELS.iter().position(|l| *l == tag).map(|i| i as u8)
}

/// The labels that may precede each label: any label before O or a B-, the B- or I- of its
/// own type before an I-.
const PREDECESSORS: [&[usize]; 9] = [&ALL, &ALL, &[1, 2], &ALL, &[3, 4], &ALL, &[5, 6], &ALL, &[7, 8]];
const ALL: [usize; 9] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/// The labels that may precede `y` in a model of `labels` labels.
#[inline]
fn predecessors(y: usize, labels: usize) -> &'static [usize] {
    let p = PREDECESSORS[y];
    if p.len() == 9 {
        &ALL[..labels]
    } else {
        p
    }
}

/// Whether label `cur` may follow `prev` (`None`: sentence start).
#[inline]
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    let inside = cur > 0 && cur % 2 == 0;
    !inside || prev.is_some_and(|p| p == cur || p + 1 == cur)
}

/// A score type: integer at run time (quantised weights), float while training.
pub trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> + std::ops::Sub<Output = Self> {
    /// Minus infinity, for forbidden transitions; adding scores to it must not overflow.
    const FORBIDDEN: Self;
    /// Zero.
    const ZERO: Self;
}

impl Score for i32 {
    const FORBIDDEN: i32 = i32::MIN / 4;
    const ZERO: i32 = 0;
}

impl Score for f32 {
    const FORBIDDEN: f32 = -1e30;
    const ZERO: f32 = 0.0;
}

/// Scores of a linear-chain model for one sentence.
pub struct Lattice<'a, S> {
    /// Number of labels.
    pub labels: usize,
    /// `emissions[t * labels + y]`: score of label `y` at token `t`.
    pub emissions: &'a [S],
    /// `start[y]`: score of starting with `y`.
    pub start: &'a [S],
    /// `transitions[p * labels + y]`: score of `y` after `p`.
    pub transitions: &'a [S],
}

impl<S: Score> Lattice<'_, S> {
    fn tokens(&self) -> usize {
        self.emissions.len() / self.labels
    }

    /// The best label sequence.
    pub fn best_path(&self, path: &mut Vec<u8>, back: &mut Vec<u8>) {
        let (l, n) = (self.labels, self.tokens());
        path.clear();
        if n == 0 {
            return;
        }
        back.clear();
        back.resize(n * l, 0);
        let mut prev = [S::FORBIDDEN; 9];
        let mut cur = [S::FORBIDDEN; 9];
        for (y, p) in prev.iter_mut().enumerate().take(l) {
            *p = if allowed(None, y) { self.start[y] + self.emissions[y] } else { S::FORBIDDEN };
        }
        for t in 1..n {
            let emissions = &self.emissions[t * l..][..l];
            let back = &mut back[t * l..][..l];
            for y in 0..l {
                let mut best = S::FORBIDDEN;
                let mut arg = 0u8;
                for &p in predecessors(y, l) {
                    let s = prev[p] + self.transitions[p * l + y];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                cur[y] = best + emissions[y];
                back[y] = arg;
            }
            prev = cur;
        }
        let mut y = (0..l).fold(0, |b, y| if prev[y] > prev[b] { y } else { b });
        path.resize(n, 0);
        for t in (0..n).rev() {
            path[t] = y as u8;
            y = back[t * l + y] as usize;
        }
    }

    /// For each token, how much the best path's score exceeds the best path that gives the
    /// token another label (max-marginals from a forward and a backward pass).
    pub fn margins(&self, path: &[u8]) -> Vec<S> {
        let (l, n) = (self.labels, self.tokens());
        if n == 0 {
            return Vec::new();
        }
        let mut fwd = vec![S::FORBIDDEN; n * l];
        let mut bwd = vec![S::ZERO; n * l];
        for (y, f) in fwd.iter_mut().enumerate().take(l) {
            if allowed(None, y) {
                *f = self.start[y] + self.emissions[y];
            }
        }
        for t in 1..n {
            for y in 0..l {
                let mut best = S::FORBIDDEN;
                for &p in predecessors(y, l) {
                    let s = fwd[(t - 1) * l + p] + self.transitions[p * l + y];
                    if s > best {
                        best = s;
                    }
                }
                fwd[t * l + y] = best + self.emissions[t * l + y];
            }
        }
        for t in (0..n.saturating_sub(1)).rev() {
            for p in 0..l {
                let mut best = S::FORBIDDEN;
                for y in (0..l).filter(|&y| allowed(Some(p), y)) {
                    let s = self.transitions[p * l + y] + self.emissions[(t + 1) * l + y] + bwd[(t + 1) * l + y];
                    if s > best {
                        best = s;
                    }
                }
                bwd[t * l + p] = best;
            }
        }
        (0..n)
            .map(|t| {
                let own = path[t] as usize;
                let total = |y: usize| fwd[t * l + y] + bwd[t * l + y];
                let rival = (0..l).filter(|&y| y != own).map(total).fold(S::FORBIDDEN, |a, b| if b > a { b } else { a });
                total(own) - rival
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_after_outside_is_never_chosen() {
        // Token 0 prefers O, token 1 prefers I-PER: the best valid path is O B-PER or B-PER I-PER.
        let l = 3;
        let emissions = [5, 0, 0, 0, 1, 4];
        let zeros = [0; 9];
        let lattice = Lattice { labels: l, emissions: &emissions, start: &zeros[..l], transitions: &zeros };
        let (mut path, mut back) = (Vec::new(), Vec::new());
        lattice.best_path(&mut path, &mut back);
        assert_eq!(path, vec![0, 1]);
        let m = lattice.margins(&path);
        assert!(m.iter().all(|&x| x > 0), "{m:?}");
    }

    #[test]
    fn transition_table() {
        assert!(allowed(None, 1) && !allowed(None, 2));
        assert!(allowed(Some(1), 2) && allowed(Some(2), 2) && !allowed(Some(3), 2) && !allowed(Some(0), 2));
    }
}
