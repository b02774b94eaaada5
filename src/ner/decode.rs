//! Viterbi decoding over BIO labels with the invalid transitions forbidden (an I- label only
//! continues a B- or I- of its own type), and per-token margins for a confidence score.
#![cfg_attr(not(feature = "training"), allow(dead_code))]

/// Tag names. A model with `n` labels uses the first `n` (7 without MISC, 9 with it).
pub const LABELS: [&str; 9] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

/// Index of a tag name in [`LABELS`].
pub fn label_index(tag: &str) -> Option<u8> {
    LABELS.iter().position(|l| *l == tag).map(|i| i as u8)
}

/// The labels that may follow any label: O and the B- labels (a model of `n` labels has the
/// first `(n + 1) / 2` of them).
const OPENING: [usize; 5] = [0, 1, 3, 5, 7];

/// The labels that may follow any label in a model of `labels` labels.
#[inline]
fn opening(labels: usize) -> &'static [usize] {
    &OPENING[..labels.div_ceil(2)]
}

/// The I- label that may follow label `p` besides the [`opening`] ones: that of its own type,
/// after a B- or an I- (`None` after O).
#[inline]
fn inside_after(p: usize) -> Option<usize> {
    (p > 0).then_some(p + p % 2)
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

/// A number of labels: known when compiling ([`Fixed`]) or only when running (`usize`).
trait Width: Copy {
    fn get(self) -> usize;
}

/// A number of labels known when compiling.
#[derive(Clone, Copy)]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
struct Fixed<const N: usize>;

impl<const N: usize> Width for Fixed<N> {
    #[inline(always)]
    fn get(self) -> usize {
        N
    }
}

impl Width for usize {
    #[inline(always)]
    fn get(self) -> usize {
        self
    }
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

    /// The best label sequence, into `path`, and the forward scores (the best score of a path
    /// reaching each label of each token) into `fwd`, which [`Lattice::margins_from`] reads.
    pub fn best_path(&self, path: &mut Vec<u8>, fwd: &mut Vec<S>) {
        self.viterbi(path, fwd);
    }

    /// `transitions` transposed into a fixed 9 × 9 array, `[y][p]`, with forbidden scores for
    /// the labels beyond the model's: the inner loops then run over a fixed number of labels
    /// without bounds checks, and a padded predecessor never wins (its score is below
    /// [`Score::FORBIDDEN`], which the maxima start from).
    fn incoming(&self) -> [[S; 9]; 9] {
        let l = self.labels;
        let mut incoming = [[S::FORBIDDEN; 9]; 9];
        for (p, row) in self.transitions.chunks_exact(l).enumerate() {
            for (y, &s) in row.iter().enumerate() {
                incoming[y][p] = s;
            }
        }
        incoming
    }

    /// The best score of a path reaching label `y` from the scores `prev` of the previous
    /// token (no predecessor better than forbidden: forbidden).
    #[inline(always)]
    fn best_incoming(prev: &[S; 9], incoming: &[S; 9], y: usize) -> S {
        let max = |a: S, b: S| if b > a { b } else { a };
        if y > 0 && y % 2 == 0 {
            // An I- label: only its own B- and I- may precede it.
            max(max(S::FORBIDDEN, prev[y - 1] + incoming[y - 1]), prev[y] + incoming[y])
        } else {
            (0..9).fold(S::FORBIDDEN, |best, p| max(best, prev[p] + incoming[p]))
        }
    }

    /// The label the best path reaching `y` comes from, given the scores `prev` of the
    /// previous token: the first best, in the order [`Lattice::best_incoming`] reads them (no
    /// predecessor better than forbidden: 0).
    fn best_predecessor(prev: &[S], incoming: &[S; 9], y: usize) -> u8 {
        let mut best = S::FORBIDDEN;
        let mut arg = 0u8;
        let from = if y > 0 && y % 2 == 0 { y - 1..y + 1 } else { 0..prev.len() };
        for p in from {
            let s = prev[p] + incoming[p];
            if s > best {
                best = s;
                arg = p as u8;
            }
        }
        arg
    }

    /// Viterbi. The forward pass keeps only the scores; the way back recomputes the one
    /// predecessor each token needs from them, exactly (the same sums, compared in the same
    /// order). Tracking every label's best predecessor on the way forward kept an argument
    /// beside every maximum and stored nine back-pointers a token, of which the way back reads
    /// one: 1.6 % of an Arabic article's instructions.
    fn viterbi(&self, path: &mut Vec<u8>, fwd: &mut Vec<S>) {
        // Natively, the label counts of the shipped models get loops of a fixed length
        // (unrolled, without the test of each label's kind): 1.6 % of an Arabic article's
        // instructions. Not in the web module: there it made no difference in Chromium (one
        // page alternating both builds: English 1.006, Arabic 0.997) and cost 2.4 KB gzip.
        match self.labels {
            #[cfg(not(target_arch = "wasm32"))]
            7 => self.viterbi_over(Fixed::<7>, path, fwd),
            #[cfg(not(target_arch = "wasm32"))]
            9 => self.viterbi_over(Fixed::<9>, path, fwd),
            l => self.viterbi_over(l, path, fwd),
        }
    }

    /// [`Lattice::viterbi`] over `width` labels, `self.labels` as a constant or not.
    #[inline(always)]
    fn viterbi_over(&self, width: impl Width, path: &mut Vec<u8>, fwd: &mut Vec<S>) {
        let (l, n) = (width.get(), self.tokens());
        debug_assert_eq!(l, self.labels);
        path.clear();
        fwd.clear();
        if n == 0 {
            return;
        }
        fwd.reserve(n * l);
        let incoming = self.incoming();
        let mut prev = [S::FORBIDDEN; 9];
        for (y, p) in prev.iter_mut().enumerate().take(l) {
            *p = if allowed(None, y) { self.start[y] + self.emissions[y] } else { S::FORBIDDEN };
        }
        fwd.extend_from_slice(&prev[..l]);
        for emissions in self.emissions.chunks_exact(l).skip(1) {
            let mut cur = [S::FORBIDDEN; 9];
            for y in 0..l {
                cur[y] = Self::best_incoming(&prev, &incoming[y], y) + emissions[y];
            }
            prev = cur;
            fwd.extend_from_slice(&prev[..l]);
        }
        let mut y = (0..l).fold(0, |b, y| if prev[y] > prev[b] { y } else { b });
        path.resize(n, 0);
        for t in (1..n).rev() {
            path[t] = y as u8;
            y = usize::from(Self::best_predecessor(&fwd[(t - 1) * l..t * l], &incoming[y], y));
        }
        path[0] = y as u8;
    }

    /// For each token, how much the best path's score exceeds the best path that gives the
    /// token another label (max-marginals from a forward and a backward pass).
    pub fn margins(&self, path: &[u8]) -> Vec<S> {
        let (mut fwd, mut bwd, mut out) = (Vec::new(), Vec::new(), Vec::new());
        self.best_path(&mut Vec::new(), &mut fwd);
        self.margins_from(0, path, &fwd, &mut bwd, &mut out);
        out
    }

    /// [`Lattice::margins`] for the tokens from `from` on, the others' left at zero, from the
    /// forward scores `fwd` that [`Lattice::best_path`] kept (`bwd` is a buffer for the
    /// backward pass). The backward pass runs from the end down to `from` only: a tagger needs
    /// the margins of the tokens of its spans, and a sentence's first name is often some way in.
    pub fn margins_from(&self, from: usize, path: &[u8], fwd: &[S], bwd: &mut Vec<S>, out: &mut Vec<S>) {
        let (l, n) = (self.labels, self.tokens());
        out.clear();
        bwd.clear();
        if n == 0 {
            return;
        }
        bwd.resize(n * l, S::ZERO);
        let opening = opening(l);
        for t in (from..n - 1).rev() {
            let (emissions, (here, ahead)) = (&self.emissions[(t + 1) * l..][..l], bwd[t * l..].split_at_mut(l));
            // The next token's score of each label from there on, shared by every label here.
            let mut onward = [S::FORBIDDEN; 9];
            for (o, (&e, &a)) in onward.iter_mut().zip(emissions.iter().zip(ahead.iter())) {
                *o = e + a;
            }
            for (p, transitions) in self.transitions.chunks_exact(l).enumerate() {
                let mut best = S::FORBIDDEN;
                for &y in opening {
                    let s = transitions[y] + onward[y];
                    if s > best {
                        best = s;
                    }
                }
                if let Some(y) = inside_after(p) {
                    let s = transitions[y] + onward[y];
                    if s > best {
                        best = s;
                    }
                }
                here[p] = best;
            }
        }
        out.resize(from.min(n), S::ZERO);
        out.extend((from..n).map(|t| {
            let own = path[t] as usize;
            let total = |y: usize| fwd[t * l + y] + bwd[t * l + y];
            let rival = (0..l).filter(|&y| y != own).map(total).fold(S::FORBIDDEN, |a, b| if b > a { b } else { a });
            total(own) - rival
        }));
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
        let (mut path, mut fwd) = (Vec::new(), Vec::new());
        lattice.best_path(&mut path, &mut fwd);
        assert_eq!(path, vec![0, 1]);
        let m = lattice.margins(&path);
        assert!(m.iter().all(|&x| x > 0), "{m:?}");
    }

    #[test]
    fn margins_from_a_token_are_those_of_the_whole_sentence() {
        // Five tokens of three labels (O, B-PER, I-PER), scores in no particular order.
        let l = 3;
        let emissions = [4, 1, 0, 0, 3, 2, 1, 0, 5, 2, 2, 2, 6, 0, 1];
        let transitions = [1, 0, -9, 0, -1, 2, 0, 1, 1];
        let start = [0, 1, 0];
        let lattice = Lattice { labels: l, emissions: &emissions, start: &start, transitions: &transitions };
        let (mut path, mut fwd) = (Vec::new(), Vec::new());
        lattice.best_path(&mut path, &mut fwd);
        let whole = lattice.margins(&path);
        for from in 0..=5 {
            let (mut bwd, mut out) = (Vec::new(), Vec::new());
            lattice.margins_from(from, &path, &fwd, &mut bwd, &mut out);
            assert_eq!(out.len(), 5);
            assert_eq!(out[from..], whole[from..], "from {from}");
            assert!(out[..from].iter().all(|&m| m == 0));
        }
    }

    #[test]
    fn the_path_is_a_best_valid_path() {
        // Every valid labelling of small lattices, scores from a fixed pseudo-random sequence
        // (small integers: many ties, which the way back must resolve to a path as good).
        let mut state = 0x2545_f491_u32;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state % 11) as i32 - 5
        };
        // (7 and 9 labels take the fixed-length loops natively, the others the general ones.)
        for labels in [3, 5, 7, 9] {
            for n in 1..=4 {
                let emissions: Vec<i32> = (0..n * labels).map(|_| next()).collect();
                let transitions: Vec<i32> = (0..labels * labels).map(|_| next()).collect();
                let start: Vec<i32> = (0..labels).map(|_| next()).collect();
                let lattice = Lattice { labels, emissions: &emissions, start: &start, transitions: &transitions };
                let score = |path: &[usize]| {
                    let mut s = start[path[0]] + emissions[path[0]];
                    for t in 1..path.len() {
                        s += transitions[path[t - 1] * labels + path[t]] + emissions[t * labels + path[t]];
                    }
                    s
                };
                let valid = |path: &[usize]| path.iter().enumerate().all(|(t, &y)| allowed(if t == 0 { None } else { Some(path[t - 1]) }, y));
                let mut best = i32::MIN;
                for code in 0..labels.pow(n as u32) {
                    let path: Vec<usize> = (0..n).map(|t| code / labels.pow(t as u32) % labels).collect();
                    if valid(&path) {
                        best = best.max(score(&path));
                    }
                }
                let (mut path, mut fwd) = (Vec::new(), Vec::new());
                lattice.best_path(&mut path, &mut fwd);
                let path: Vec<usize> = path.iter().map(|&y| usize::from(y)).collect();
                assert!(valid(&path), "{path:?}");
                assert_eq!(score(&path), best, "{labels} labels, {n} tokens: {path:?}");
                assert_eq!(fwd.len(), n * labels);
            }
        }
    }

    #[test]
    fn the_labels_after_each_label_are_the_allowed_transitions() {
        for labels in [3, 5, 7, 9] {
            for p in 0..labels {
                let mut listed: Vec<usize> = opening(labels).iter().copied().chain(inside_after(p)).collect();
                listed.sort_unstable();
                let allowed: Vec<usize> = (0..labels).filter(|&y| allowed(Some(p), y)).collect();
                assert_eq!(listed, allowed, "{p} of {labels}");
            }
        }
    }

    #[test]
    fn transition_table() {
        assert!(allowed(None, 1) && !allowed(None, 2));
        assert!(allowed(Some(1), 2) && allowed(Some(2), 2) && !allowed(Some(3), 2) && !allowed(Some(0), 2));
    }
}
