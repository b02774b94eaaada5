//! Averaged structured perceptron (Collins 2002) over the runtime's hashed features, decoded
//! with the runtime's Viterbi, then pruned and quantised into a model file.

use std::collections::{BTreeMap, HashMap};

use stancemap::ner::conll::Sentence;
use stancemap::ner::decode::{label_index, Lattice};
use stancemap::ner::features::{feature_key, template, Extractor, Scratch};
use stancemap::ner::hash::{fingerprint, key32, mix};
use stancemap::ner::model::Model;

/// A training sentence: dense feature ids per token and gold labels.
pub struct Example {
    pub(crate) features: Vec<u32>,
    pub(crate) starts: Vec<u32>,
    pub(crate) gold: Vec<u8>,
}

/// Features seen in training, with dense ids.
pub struct Dictionary {
    pub keys: Vec<u32>,
    ids: HashMap<u32, u32>,
}

/// A feature's copy for one domain (Daumé 2007, "frustratingly easy domain adaptation"):
/// every feature fires twice, once shared and once for the sentence's domain, so that the
/// silver Wikipedia data can teach what news and Wikipedia share without imposing what they
/// do not (WikiANN has no MISC; its fragments are titles).
pub fn domain_key(k: u32, domain: u8) -> u32 {
    key32(mix(u64::from(k), 0xd0_0a1_u64 + u64::from(domain)))
}

/// Extracts features, keeping those seen at least `min_count` times.
/// `hints`: document hints per sentence, for a second-stage model. `domains`: a domain per
/// sentence, to add domain copies of the features (see [`domain_key`]).
pub fn examples(
    x: &Extractor,
    sentences: &[Sentence],
    labels: usize,
    min_count: u32,
    hints: Option<&[Vec<u8>]>,
    domains: Option<&[u8]>,
) -> (Dictionary, Vec<Example>) {
    let mut scratch = Scratch::default();
    let mut counts: HashMap<u32, u32> = HashMap::new();
    let mut raw = Vec::with_capacity(sentences.len());
    for (i, s) in sentences.iter().enumerate() {
        let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        x.analyse(&tokens, &mut scratch);
        if let Some(h) = hints {
            scratch.hints.clone_from(&h[i]);
        }
        x.emit(&mut scratch);
        if let Some(d) = domains {
            let mut keys = Vec::with_capacity(scratch.keys.len() * 2);
            let mut starts = vec![0u32];
            for t in 0..scratch.starts.len() - 1 {
                let own = scratch.token(t);
                keys.extend_from_slice(own);
                keys.extend(own.iter().map(|&k| domain_key(k, d[i])));
                starts.push(keys.len() as u32);
            }
            scratch.keys = keys;
            scratch.starts = starts;
        }
        for &k in &scratch.keys {
            *counts.entry(k).or_default() += 1;
        }
        let gold = s
            .tags
            .iter()
            .map(|t| label_index(t).filter(|&y| usize::from(y) < labels).unwrap_or(0))
            .collect();
        raw.push((scratch.keys.clone(), scratch.starts.clone(), gold));
    }
    let mut keys: Vec<u32> = counts.iter().filter(|(_, &c)| c >= min_count).map(|(&k, _)| k).collect();
    keys.sort_unstable();
    let ids: HashMap<u32, u32> = keys.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
    let examples = raw
        .into_iter()
        .map(|(fkeys, fstarts, gold)| {
            let mut features = Vec::with_capacity(fkeys.len());
            let mut starts = vec![0u32];
            for t in 0..fstarts.len() - 1 {
                features.extend(fkeys[fstarts[t] as usize..fstarts[t + 1] as usize].iter().filter_map(|k| ids.get(k).copied()));
                starts.push(features.len() as u32);
            }
            Example { features, starts, gold }
        })
        .collect();
    (Dictionary { keys, ids }, examples)
}

/// Averaged weights, real-valued.
pub struct Weights {
    pub labels: usize,
    pub features: Vec<f32>,
    pub start: Vec<f32>,
    pub transitions: Vec<f32>,
}

/// xorshift64*: a fixed-seed shuffle that needs no crate and gives the same order everywhere.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Trains for `epochs` passes in a seeded random order. `margin`: during training every wrong
/// label gets this much extra score (loss-augmented decoding), so the weights must beat the
/// gold labelling by a margin that grows with the number of wrong tokens, not just beat it.
pub fn train(examples: &[Example], features: usize, labels: usize, epochs: usize, seed: u64, margin: f32) -> Weights {
    let l = labels;
    let mut w = vec![0f32; features * l];
    let mut u = vec![0f32; features * l];
    let (mut start, mut ustart) = (vec![0f32; l], vec![0f32; l]);
    let (mut trans, mut utrans) = (vec![0f32; l * l], vec![0f32; l * l]);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng(seed | 1);
    let mut c = 1f32;
    let (mut emissions, mut path, mut back) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            let ex = &examples[e];
            let n = ex.gold.len();
            emissions.clear();
            emissions.resize(n * l, 0f32);
            for t in 0..n {
                for &f in &ex.features[ex.starts[t] as usize..ex.starts[t + 1] as usize] {
                    let row = &w[f as usize * l..][..l];
                    for y in 0..l {
                        emissions[t * l + y] += row[y];
                    }
                }
            }
            if margin != 0.0 {
                for t in 0..n {
                    for y in (0..l).filter(|&y| y != usize::from(ex.gold[t])) {
                        emissions[t * l + y] += margin;
                    }
                }
            }
            Lattice { labels: l, emissions: &emissions, start: &start, transitions: &trans }.best_path(&mut path, &mut back);
            if path != ex.gold {
                for t in 0..n {
                    let (g, p) = (usize::from(ex.gold[t]), usize::from(path[t]));
                    if g != p {
                        for &f in &ex.features[ex.starts[t] as usize..ex.starts[t + 1] as usize] {
                            let f = f as usize * l;
                            w[f + g] += 1.0;
                            u[f + g] += c;
                            w[f + p] -= 1.0;
                            u[f + p] -= c;
                        }
                    }
                    let (gp, pp) = if t == 0 { (None, None) } else { (Some(usize::from(ex.gold[t - 1])), Some(usize::from(path[t - 1]))) };
                    if (gp, g) != (pp, p) {
                        let mut bump = |prev: Option<usize>, y: usize, d: f32| match prev {
                            None => {
                                start[y] += d;
                                ustart[y] += d * c;
                            }
                            Some(q) => {
                                trans[q * l + y] += d;
                                utrans[q * l + y] += d * c;
                            }
                        };
                        bump(gp, g, 1.0);
                        bump(pp, p, -1.0);
                    }
                }
            }
            c += 1.0;
        }
    }
    let avg = |w: &[f32], u: &[f32]| w.iter().zip(u).map(|(w, u)| w - u / c).collect::<Vec<f32>>();
    Weights { labels: l, features: avg(&w, &u), start: avg(&start, &ustart), transitions: avg(&trans, &utrans) }
}

/// The weights a `domain` sentence sees, under the shared keys: each shared feature's weights
/// plus those of its copy for `domain`.
pub fn merge_domain(weights: &Weights, dict: &Dictionary, domain: u8, copies: &[u8]) -> (Weights, Dictionary) {
    let l = weights.labels;
    let copy_keys: std::collections::HashSet<u32> = dict.keys.iter().flat_map(|&k| copies.iter().map(move |&d| domain_key(k, d))).collect();
    let mut keys = Vec::new();
    let mut features = Vec::new();
    for (f, &k) in dict.keys.iter().enumerate() {
        if copy_keys.contains(&k) {
            continue;
        }
        let mut row = weights.features[f * l..][..l].to_vec();
        if let Some(&c) = dict.ids.get(&domain_key(k, domain)) {
            for (r, w) in row.iter_mut().zip(&weights.features[c as usize * l..][..l]) {
                *r += w;
            }
        }
        keys.push(k);
        features.extend(row);
    }
    let ids = keys.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
    (Weights { labels: l, features, start: weights.start.clone(), transitions: weights.transitions.clone() }, Dictionary { keys, ids })
}

/// How a model is made compact.
#[derive(Debug, Clone, Copy)]
pub struct Compaction {
    /// Drop features whose largest absolute weight is below this (real units).
    pub threshold: f32,
    /// Weight bits (2–8): the largest weight maps to 2^(bits−1) − 1.
    pub bits: u32,
    /// Subtracted from the prior of O: the perceptron stops updating once it is right, which
    /// leaves it cautious (precision well above recall); a lower O prior trades some
    /// precision for recall, tuned on held-out data.
    pub outside_penalty: f32,
    /// Bits of a feature key's fingerprint (see `stancemap::ner::hash::fingerprint`).
    pub key_bits: u8,
    /// Bits of a gazetteer entry's fingerprint.
    pub gazetteer_bits: u8,
}

/// The model file contents.
pub fn compact(weights: &Weights, dict: &Dictionary, base: Model, how: Compaction) -> Model {
    let l = weights.labels;
    let max = weights.features.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
    let qmax = ((1i32 << (how.bits - 1)) - 1) as f32;
    let scale = qmax / max;
    let q = |w: f32| (w * scale).round().clamp(-qmax, qmax) as i8;
    let bias = dict.ids.get(&feature_key(template::BIAS, 0)).map(|&i| i as usize);
    // Features that share a fingerprint share a row at run time: it holds the sum of their
    // weights, as a model trained with those keys (the hashing trick) would learn it.
    let mut rows: BTreeMap<u32, Vec<f32>> = BTreeMap::new();
    for (f, &key) in dict.keys.iter().enumerate() {
        let mut row = weights.features[f * l..][..l].to_vec();
        if Some(f) == bias {
            row[0] -= how.outside_penalty;
        }
        if row.iter().fold(0f32, |m, w| m.max(w.abs())) < how.threshold {
            continue;
        }
        let sum = rows.entry(fingerprint(key, how.key_bits)).or_insert_with(|| vec![0.0; l]);
        for (s, w) in sum.iter_mut().zip(row) {
            *s += w;
        }
    }
    let mut keys = Vec::new();
    let mut qweights = Vec::new();
    for (key, row) in rows {
        let qrow: Vec<i8> = row.iter().map(|&w| q(w)).collect();
        if qrow.iter().all(|&x| x == 0) {
            continue;
        }
        keys.push(key);
        qweights.extend(qrow);
    }
    // Entries that share a fingerprint are one entry of all their classes.
    let mut gazetteer: BTreeMap<u32, u16> = BTreeMap::new();
    for &(key, classes) in &base.gazetteer {
        *gazetteer.entry(fingerprint(key, how.gazetteer_bits)).or_default() |= classes;
    }
    let q16 = |w: &f32| (w * scale).round().clamp(-30000.0, 30000.0) as i16;
    Model {
        scale,
        start: weights.start.iter().map(q16).collect(),
        transitions: weights.transitions.iter().map(q16).collect(),
        keys,
        key_bits: how.key_bits,
        weights: qweights,
        gazetteer: gazetteer.into_iter().collect(),
        gazetteer_bits: how.gazetteer_bits,
        ..base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stancemap::ner::conll;
    use stancemap::ner::gazetteer::Gazetteer;
    use stancemap::ner::Tagger;

    const TINY: &str = "زار\tO\nمحمد\tB-PER\nعلي\tI-PER\nالقاهرة\tB-LOC\n\n\
وصل\tO\nمحمد\tB-PER\nإلى\tO\nبيروت\tB-LOC\n\n\
قالت\tO\nالأمم\tB-ORG\nالمتحدة\tI-ORG\nإن\tO\nبيروت\tB-LOC\nهادئة\tO\n";

    fn tiny_model(seed: u64) -> Vec<u8> {
        let sentences = conll::parse(TINY).unwrap();
        let g = Gazetteer::default();
        let x = Extractor { arabic: true, templates: template::ALL, gazetteer: &g };
        let (dict, examples) = examples(&x, &sentences, 9, 1, None, None);
        let w = train(&examples, dict.keys.len(), 9, 10, seed, 0.0);
        let base = Model {
            language: *b"ar",
            labels: 9,
            templates: template::ALL,
            scale: 1.0,
            start: vec![],
            transitions: vec![],
            keys: vec![],
            key_bits: 32,
            weights: vec![],
            gazetteer: vec![],
            gazetteer_bits: 32,
            gazetteer_max_len: 0,
            document_stage: None,
        };
        compact(&w, &dict, base, Compaction { threshold: 0.0, bits: 8, outside_penalty: 0.0, key_bits: 32, gazetteer_bits: 32 }).to_bytes()
    }

    #[test]
    fn training_on_a_tiny_corpus_learns_it() {
        let tagger = Tagger::from_bytes(&tiny_model(1)).unwrap();
        for s in conll::parse(TINY).unwrap() {
            let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            assert_eq!(tagger.tag_bio(&tokens), s.tags, "{tokens:?}");
        }
    }

    #[test]
    fn training_is_deterministic() {
        assert_eq!(tiny_model(7), tiny_model(7));
    }
}
