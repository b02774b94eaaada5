//! Document hints: a name is usually written the same way throughout an article, and is often
//! easy to recognise once ("وزير الدفاع الأمريكي دونالد رامسفيلد") and hard the next time
//! ("استراتيجية رامسفيلد"). The first-stage model tags every sentence; each token then learns
//! which types its word (or stem) was given elsewhere within `WINDOW` sentences, and the
//! second-stage model uses that as a feature (Krishnan & Manning 2006's two-stage idea).
#![cfg_attr(not(feature = "training"), allow(dead_code))]

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
