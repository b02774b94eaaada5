//! Document hints: a name is usually written the same way throughout an article, and is often
//! easy to recognise once ("وزير الدفاع الأمريكي دونالد رامسفيلد") and hard the next time
//! ("استراتيجية رامسفيلد"). The first-stage model tags every sentence; each token then learns
//! which types its word (or stem) was given elsewhere within `WINDOW` sentences, and the
//! second-stage model uses that as a feature (Krishnan & Manning 2006's two-stage idea).
#![cfg_attr(not(feature = "training"), allow(dead_code))]

use rustc_hash::FxHashMap;

/// Sentences on each side that count as the same document (ANERcorp has no document marks;
/// ten sentences is about a news article's length).
pub const WINDOW: usize = 10;

/// One first-stage entity token: its word and stem hashes and type (0 PER … 3 MISC).
#[derive(Debug, Clone, Copy)]
pub struct Tagged {
    /// Token index in its sentence.
    pub position: usize,
    /// Folded word hash.
    pub word: u64,
    /// Stem hash.
    pub stem: u64,
    /// Entity type index.
    pub kind: u8,
}

/// Hints for every token of sentence `i`: `words[i]` are its tokens' (word, stem) hashes,
/// `tagged[j]` the first-stage entity tokens of sentence `j`.
pub fn hints(i: usize, words: &[(u64, u64)], tagged: &[Vec<Tagged>]) -> Vec<u8> {
    let mut bounds = vec![0];
    let mut flat = Vec::new();
    for sentence in tagged {
        flat.extend_from_slice(sentence);
        bounds.push(flat.len());
    }
    let mut out = Vec::new();
    hints_into(i, words, &flat, &bounds, &mut out);
    out
}

/// [`hints`] with the entity tokens of all sentences in one slice, sentence `j`'s being
/// `tagged[bounds[j]..bounds[j + 1]]`, into `out` (cleared first): the tokens of the window
/// are then one contiguous run, and the tagger allocates nothing per sentence.
pub fn hints_into(i: usize, words: &[(u64, u64)], tagged: &[Tagged], bounds: &[usize], out: &mut Vec<u8>) {
    let sentences = bounds.len() - 1;
    let lo = i.saturating_sub(WINDOW);
    let hi = (i + WINDOW + 1).min(sentences);
    let window = if lo < hi { &tagged[bounds[lo]..bounds[hi]] } else { &[] };
    // The sentence's own entity tokens, as indices into `window`: a token is no hint to itself.
    let own = if i < sentences { bounds[i] - bounds[lo]..bounds[i + 1] - bounds[lo] } else { 0..0 };
    out.clear();
    out.extend(words.iter().enumerate().map(|(p, &(word, stem))| {
        let mut bits = 0u8;
        for (k, e) in window.iter().enumerate() {
            if e.position == p && own.contains(&k) {
                continue;
            }
            if e.word == word {
                bits |= 1 << e.kind;
            }
            if e.stem == stem {
                bits |= 1 << (4 + e.kind);
            }
        }
        bits
    }));
}

/// [`hints_into`] for the sentences of a document taken in order, counting the window's
/// entity tokens by word and by stem as the window slides (each sentence's entities are added
/// once and taken away once) instead of comparing every token with every entity token of
/// twenty sentences. The answers are the same: a token's own entity is taken off the counts.
#[derive(Debug, Default)]
pub struct SlidingHints {
    /// Sentences `lo..hi` are counted.
    lo: usize,
    hi: usize,
    /// Entity tokens of the window by word hash and by stem hash, per type.
    words: FxHashMap<u64, [u32; 4]>,
    stems: FxHashMap<u64, [u32; 4]>,
}

impl SlidingHints {
    /// The hints of sentence `i` into `out`, as [`hints_into`] gives them. Fastest when called
    /// for `i` = 0, 1, 2 …; any other order recounts the window.
    pub fn hints_into(&mut self, i: usize, words: &[(u64, u64)], tagged: &[Tagged], bounds: &[usize], out: &mut Vec<u8>) {
        let sentences = bounds.len() - 1;
        let (lo, hi) = (i.saturating_sub(WINDOW), (i + WINDOW + 1).min(sentences));
        if lo < self.lo || hi < self.hi || lo > self.hi {
            // Not the next window of a pass in order: start again.
            self.words.clear();
            self.stems.clear();
            (self.lo, self.hi) = (lo, lo);
        }
        while self.hi < hi {
            self.count(&tagged[bounds[self.hi]..bounds[self.hi + 1]], 1);
            self.hi += 1;
        }
        while self.lo < lo {
            self.count(&tagged[bounds[self.lo]..bounds[self.lo + 1]], -1);
            self.lo += 1;
        }
        let own = if i < sentences { &tagged[bounds[i]..bounds[i + 1]] } else { &[] };
        out.clear();
        out.extend(words.iter().enumerate().map(|(p, &(word, stem))| {
            // A token is no hint to itself (entity tokens are in position order).
            let itself = own.binary_search_by_key(&p, |e| e.position).ok().map(|k| own[k].kind);
            let bits = |counts: Option<&[u32; 4]>| {
                counts.map_or(0u8, |c| (0..4u8).filter(|&k| c[usize::from(k)] > u32::from(itself == Some(k))).fold(0, |b, k| b | 1 << k))
            };
            bits(self.words.get(&word)) | bits(self.stems.get(&stem)) << 4
        }));
    }

    fn count(&mut self, entities: &[Tagged], by: i32) {
        for e in entities {
            for (map, key) in [(&mut self.words, e.word), (&mut self.stems, e.stem)] {
                let c = &mut map.entry(key).or_default()[usize::from(e.kind)];
                *c = c.wrapping_add_signed(by);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliding_counts_give_the_hints_of_comparing_every_pair() {
        // Thirty sentences of few distinct words, entities of every type, repeated words
        // inside a sentence, sentences with no entity: small hashes so that they meet often.
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut words: Vec<Vec<(u64, u64)>> = Vec::new();
        let mut tagged: Vec<Tagged> = Vec::new();
        let mut bounds = vec![0];
        for _ in 0..30 {
            let len = next(12) as usize;
            let sentence: Vec<(u64, u64)> = (0..len).map(|_| (next(9), next(5))).collect();
            for (position, &(word, stem)) in sentence.iter().enumerate() {
                if next(3) == 0 {
                    tagged.push(Tagged { position, word, stem, kind: next(4) as u8 });
                }
            }
            bounds.push(tagged.len());
            words.push(sentence);
        }
        let mut sliding = SlidingHints::default();
        let (mut want, mut got) = (Vec::new(), Vec::new());
        // In order, then out of order (which recounts).
        for i in (0..30).chain([5, 29, 0, 17]) {
            hints_into(i, &words[i], &tagged, &bounds, &mut want);
            sliding.hints_into(i, &words[i], &tagged, &bounds, &mut got);
            assert_eq!(got, want, "sentence {i}");
        }
    }
}
