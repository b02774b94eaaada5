//! The model file: a compact binary the core embeds with `include_bytes!` and the web build
//! fetches gzipped.
//!
//! Layout (little-endian; `v` = LEB128 varint; a *set* is a count `v`, a Rice parameter `u8`
//! and that many Rice codes of the gaps between the sorted, distinct, non-zero keys, less one,
//! packed least significant bit first and padded to a byte):
//!
//! `"SMNER"`, version `u8`, language `[u8; 2]`, label count `u8`, stage count `u8` (1 or 2);
//! per stage its template mask `u64`, scale `f32`, start scores `i16 × L` and transitions
//! `i16 × L²`; the gazetteer: longest entry in tokens `u8`, fingerprint bits `u8`, the entry
//! set, the distinct class sets `v` (a count, then each, commonest first); the features:
//! fingerprint bits `u8`, the set of the stages' keys together; then the length `v` of an
//! arithmetic-coded stream (`arith.rs`) and the stream: each gazetteer entry's index into the
//! class sets, then stage by stage, key by key, the key's mask of labels with a non-zero weight
//! (0: not in this stage) and those weights (`Body` and `StageModel` below); nothing after.
//!
//! Why so: the gazetteer and the keys are most of a model, and they are sets of hashes. Rice
//! codes of the gaps come within a few percent of the entropy of such a set, which gzip of
//! varint gaps does not (it cannot model the gaps' geometric spread); a fingerprint shorter than
//! 32 bits saves `32 − bits` bits an entry. The two stages share most features, so their keys
//! are stored once. Class indices, masks and weights are coded with contexts that know what
//! they are (a second-stage weight is coded knowing the first stage's, the last weight of a row
//! knowing the row's sum), which gzip cannot: `ar.model` is 295 KB gzip in version 4 and was
//! 357 KB in version 3, which stored them as byte columns for gzip, with the same weights.
#![cfg_attr(not(feature = "training"), allow(dead_code))]

use std::fmt;

use super::arith::{BitCoder, Counts, Decoder, Encoder};

const MAGIC: &[u8; 5] = b"SMNER";
const VERSION: u8 = 4;

/// A model as stored: hashed features with quantised weights, transitions, gazetteer hashes.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// `"ar"` or `"en"`.
    pub language: [u8; 2],
    /// Number of labels (first `labels` of [`super::decode::LABELS`]).
    pub labels: u8,
    /// Feature templates the model was trained with.
    pub templates: u64,
    /// Quantisation scale: a stored weight `q` stands for `q / scale`.
    pub scale: f32,
    /// Start scores, one per label.
    pub start: Vec<i16>,
    /// Transition scores, `labels × labels`, previous label major.
    pub transitions: Vec<i16>,
    /// Feature keys: [fingerprints](super::hash::fingerprint) of `key_bits` bits, sorted,
    /// distinct, non-zero.
    pub keys: Vec<u32>,
    /// Bits of a feature key's fingerprint (1–32; the second stage's are the first's).
    pub key_bits: u8,
    /// `keys.len() × labels` weights; no row all zero (such a feature is not stored).
    pub weights: Vec<i8>,
    /// Gazetteer entries `(fingerprint, classes)`, sorted by fingerprint.
    pub gazetteer: Vec<(u32, u16)>,
    /// Bits of a gazetteer entry's fingerprint (1–32).
    pub gazetteer_bits: u8,
    /// Longest gazetteer entry, in tokens.
    pub gazetteer_max_len: u8,
    /// The second stage, which also sees document hints (see `document.rs`). It has no
    /// gazetteer of its own (its `gazetteer` is empty) and shares the first's bit widths.
    pub document_stage: Option<Box<Model>>,
}

/// Why model bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Not a stancemap NER model.
    BadMagic,
    /// A model of a format version this build does not read.
    UnsupportedVersion(u8),
    /// The bytes end early or hold inconsistent counts.
    Corrupt(&'static str),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::BadMagic => write!(f, "not a stancemap NER model"),
            ModelError::UnsupportedVersion(v) => write!(f, "unsupported NER model version {v}"),
            ModelError::Corrupt(what) => write!(f, "corrupt NER model: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

impl Model {
    /// The stages, first to last.
    fn stages(&self) -> Vec<&Model> {
        std::iter::once(self).chain(self.document_stage.as_deref()).collect()
    }

    /// The file bytes.
    ///
    /// # Panics
    /// If the second stage has a gazetteer or other key bits than the first (the format has
    /// no room for them), or there are more than 2¹⁶ distinct gazetteer class sets.
    pub fn to_bytes(&self) -> Vec<u8> {
        let stages = self.stages();
        for s in &stages[1..] {
            assert!(s.gazetteer.is_empty() && s.key_bits == self.key_bits && s.labels == self.labels, "second stage");
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.extend_from_slice(&self.language);
        out.push(self.labels);
        out.push(stages.len() as u8);
        for s in &stages {
            out.extend_from_slice(&s.templates.to_le_bytes());
            out.extend_from_slice(&s.scale.to_le_bytes());
            for v in s.start.iter().chain(&s.transitions) {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.push(self.gazetteer_max_len);
        out.push(self.gazetteer_bits);
        write_set(&mut out, &self.gazetteer.iter().map(|e| e.0).collect::<Vec<_>>());
        let classes = class_sets(&self.gazetteer);
        write_varint(&mut out, classes.len() as u32);
        for &c in &classes {
            write_varint(&mut out, u32::from(c));
        }
        out.push(self.key_bits);
        let mut keys: Vec<u32> = stages.iter().flat_map(|s| s.keys.iter().copied()).collect();
        crate::sort::sort(&mut keys);
        keys.dedup();
        write_set(&mut out, &keys);
        let l = usize::from(self.labels);
        let mut body = Body {
            classes: self.gazetteer.iter().map(|e| classes.iter().position(|&c| c == e.1).unwrap() as u32).collect(),
            rows: stages
                .iter()
                .map(|s| {
                    let mut own = s.keys.iter().zip(s.weights.chunks(l)).peekable();
                    keys.iter().flat_map(|&k| own.next_if(|(&own, _)| own == k).map_or(vec![0; l], |(_, row)| row.to_vec())).collect()
                })
                .collect(),
        };
        let mut encoder = Encoder::new();
        body.code(&mut encoder, classes.len(), l).expect("a model's own weights code");
        let coded = encoder.finish();
        write_varint(&mut out, coded.len() as u32);
        out.extend_from_slice(&coded);
        out
    }

    /// Reads file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(5)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u8()?;
        if version != VERSION {
            return Err(ModelError::UnsupportedVersion(version));
        }
        let language = [r.u8()?, r.u8()?];
        let labels = r.u8()?;
        if !(1..=9).contains(&labels) {
            return Err(ModelError::Corrupt("label count"));
        }
        let l = usize::from(labels);
        let stage_count = r.u8()?;
        if !(1..=2).contains(&stage_count) {
            return Err(ModelError::Corrupt("stage count"));
        }
        let mut stages = Vec::new();
        for _ in 0..stage_count {
            let templates = u64::from_le_bytes(r.take(8)?.try_into().unwrap());
            let scale = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
            let mut scores = Vec::with_capacity(l + l * l);
            for _ in 0..l + l * l {
                scores.push(i16::from_le_bytes(r.take(2)?.try_into().unwrap()));
            }
            let transitions = scores.split_off(l);
            stages.push(Model {
                language,
                labels,
                templates,
                scale,
                start: scores,
                transitions,
                keys: Vec::new(),
                key_bits: 32,
                weights: Vec::new(),
                gazetteer: Vec::new(),
                gazetteer_bits: 32,
                gazetteer_max_len: 0,
                document_stage: None,
            });
        }
        stages[0].gazetteer_max_len = r.u8()?;
        let gazetteer_bits = r.bits()?;
        let entries = r.set(gazetteer_bits)?;
        let class_count = r.count()?;
        let mut classes = Vec::with_capacity(class_count);
        for _ in 0..class_count {
            classes.push(u16::try_from(r.varint()?).map_err(|_| ModelError::Corrupt("gazetteer class"))?);
        }
        let key_bits = r.bits()?;
        let keys = r.set(key_bits)?;
        let n = keys.len();
        let coded_len = r.count()?;
        let mut decoder = Decoder::new(r.take(coded_len)?);
        let mut body = Body { classes: vec![0; entries.len()], rows: vec![vec![0; n * l]; stages.len()] };
        body.code(&mut decoder, classes.len(), l)?;
        if decoder.overran() {
            return Err(ModelError::Corrupt("truncated"));
        }
        let mut gazetteer = Vec::with_capacity(entries.len());
        for (k, &i) in entries.into_iter().zip(&body.classes) {
            let c = classes.get(i as usize).ok_or(ModelError::Corrupt("gazetteer class index"))?;
            gazetteer.push((k, *c));
        }
        let in_stage = |s: usize, f: usize| body.rows[s][f * l..][..l].iter().any(|&w| w != 0);
        if (0..n).any(|f| (0..stages.len()).all(|s| !in_stage(s, f))) {
            return Err(ModelError::Corrupt("key in no stage"));
        }
        for (i, s) in stages.iter_mut().enumerate() {
            s.key_bits = key_bits;
            s.gazetteer_bits = gazetteer_bits;
            for (f, &k) in keys.iter().enumerate().filter(|&(f, _)| in_stage(i, f)) {
                s.keys.push(k);
                s.weights.extend_from_slice(&body.rows[i][f * l..][..l]);
            }
        }
        if r.at != bytes.len() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        let second = (stages.len() > 1).then(|| Box::new(stages.pop().unwrap()));
        let mut model = stages.pop().unwrap();
        model.gazetteer = gazetteer;
        model.document_stage = second;
        Ok(model)
    }
}

/// The part of a model file coded by `arith.rs`: each gazetteer entry's index into the class
/// sets, then, stage by stage and key by key, the key's mask of labels with a non-zero weight
/// and those weights. Encoding fills it from a model; decoding starts from zeros of the right
/// sizes and fills it from the bytes.
struct Body {
    classes: Vec<u32>,
    /// Per stage, `keys × labels` weights over all the stages' keys (a zero row: the key is
    /// not in that stage).
    rows: Vec<Vec<i8>>,
}

impl Body {
    fn code<C: BitCoder>(&mut self, coder: &mut C, class_count: usize, labels: usize) -> Result<(), ModelError> {
        let class_bits = usize::BITS - class_count.saturating_sub(1).leading_zeros();
        let mut class_nodes = vec![Counts::default(); 1 << class_bits];
        for i in self.classes.iter_mut() {
            *i = coder.tree(&mut class_nodes, class_bits, *i);
        }
        for s in 0..self.rows.len() {
            let (before, rest) = self.rows.split_at_mut(s);
            let previous = before.last().map(Vec::as_slice);
            let mut model = StageModel::new(labels, previous.is_some());
            for (f, row) in rest[0].chunks_mut(labels).enumerate() {
                model.code_row(coder, row, previous.map(|p| &p[f * labels..][..labels])).map_err(ModelError::Corrupt)?;
            }
        }
        Ok(())
    }
}

/// The contexts of one stage's rows.
///
/// - The mask: in the first stage, all its bits as one value (its full distribution); in a
///   later stage bit by bit, each in the context of the previous stage's weight for the same
///   key and label (its sign and magnitude class), the two bits before it, and whether the
///   key is in the previous stage at all (the stages share most features and agree on them:
///   r = 0.92).
/// - Each weight but the last: in the first stage in the context of its label, the sum of the
///   row's weights before it (coarsely) and whether more than one follows; in a later stage
///   in the context of its label and the previous stage's weight for it.
/// - The last weight of a row: as what it adds to the row's sum, which is nearly always
///   −3…3, because a perceptron row sums to zero before quantisation.
struct StageModel {
    labels: usize,
    mask_values: Vec<Counts>,
    mask_bits: Vec<Counts>,
    weights: Vec<Counts>,
    last_is_far: Counts,
    last_near: [Counts; 8],
    last_far: Vec<Counts>,
}

/// Contexts of one weight value (a tree over its 8 bits).
const WEIGHT_NODES: usize = 256;
/// Classes of a previous stage's weight: zero, and four magnitude classes of each sign.
const WEIGHT_CLASSES: usize = 9;
/// Classes of the sum of a row's weights so far.
const SUM_CLASSES: usize = 5;

fn weight_class(w: i8) -> usize {
    let magnitude = (8 - w.unsigned_abs().leading_zeros()).min(4) as usize;
    if w < 0 { 4 - magnitude } else { 4 + magnitude }
}

impl StageModel {
    fn new(labels: usize, after_another: bool) -> StageModel {
        let weight_contexts = if after_another { labels * WEIGHT_CLASSES } else { labels * SUM_CLASSES * 2 };
        StageModel {
            labels,
            mask_values: vec![Counts::default(); if after_another { 0 } else { 1 << labels }],
            mask_bits: vec![Counts::default(); if after_another { labels * WEIGHT_CLASSES * 4 * 2 } else { 0 }],
            weights: vec![Counts::default(); weight_contexts * WEIGHT_NODES],
            last_is_far: Counts::default(),
            last_near: [Counts::default(); 8],
            last_far: vec![Counts::default(); WEIGHT_NODES],
        }
    }

    // Not inlined into the loop over keys: V8 runs a module's functions in its baseline tier
    // first and swaps in optimised code at a later call, so a loop inside one long call stays
    // slow. Called once a key, this is optimised after the first few thousand keys.
    #[inline(never)]
    fn code_row<C: BitCoder>(&mut self, coder: &mut C, row: &mut [i8], previous: Option<&[i8]>) -> Result<(), &'static str> {
        let l = self.labels;
        let mut mask = row.iter().enumerate().filter(|(_, w)| **w != 0).fold(0u32, |m, (y, _)| m | 1 << y);
        match previous {
            None => mask = coder.tree(&mut self.mask_values, l as u32, mask),
            Some(previous) => {
                let previous_empty = usize::from(previous.iter().all(|&w| w == 0));
                let mut before = 0;
                for (y, &previous_weight) in previous.iter().enumerate() {
                    let context = ((y * WEIGHT_CLASSES + weight_class(previous_weight)) * 4 + before) * 2 + previous_empty;
                    let bit = coder.bit(&mut self.mask_bits[context], mask >> y & 1 != 0);
                    mask = mask & !(1 << y) | u32::from(bit) << y;
                    before = (before << 1 | usize::from(bit)) & 3;
                }
            }
        }
        let mut left = mask.count_ones();
        let mut sum = 0i32;
        for y in (0..l).filter(|y| mask >> y & 1 != 0) {
            left -= 1;
            let w = i32::from(row[y]);
            let coded = if left == 0 {
                let excess = w + sum;
                if coder.bit(&mut self.last_is_far, !(-3..=3).contains(&excess)) {
                    coder.tree(&mut self.last_far, 8, w as u8 as u32) as u8 as i8 as i32
                } else {
                    coder.tree(&mut self.last_near, 3, (excess + 3) as u32) as i32 - 3 - sum
                }
            } else {
                let context = match previous {
                    None => (y * SUM_CLASSES + (sum.div_euclid(4).clamp(-2, 2) + 2) as usize) * 2 + usize::from(left >= 2),
                    Some(previous) => y * WEIGHT_CLASSES + weight_class(previous[y]),
                };
                coder.tree(&mut self.weights[context * WEIGHT_NODES..][..WEIGHT_NODES], 8, w as u8 as u32) as u8 as i8 as i32
            };
            row[y] = i8::try_from(coded).ok().filter(|&w| w != 0).ok_or("weight")?;
            sum += coded;
        }
        Ok(())
    }
}

/// The distinct class sets of the gazetteer, commonest first (so that most indices are one
/// byte, and the commonest the smallest).
fn class_sets(gazetteer: &[(u32, u16)]) -> Vec<u16> {
    let mut counts = std::collections::BTreeMap::<u16, usize>::new();
    for e in gazetteer {
        *counts.entry(e.1).or_default() += 1;
    }
    let mut classes: Vec<(u16, usize)> = counts.into_iter().collect();
    crate::sort::sort_by_key(&mut classes, |&(c, n)| (std::cmp::Reverse(n), c));
    classes.into_iter().map(|(c, _)| c).collect()
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The bits of `bytes` from bit `pos` on, least significant first, and how many of them there
/// are (57 to 64, fewer only at the end; the bits beyond are zero).
#[inline]
fn peek(bytes: &[u8], pos: usize) -> (u64, u32) {
    let (at, shift) = (pos / 8, (pos % 8) as u32);
    let rest = bytes.get(at..).unwrap_or_default();
    let mut word = [0u8; 8];
    let n = rest.len().min(8);
    word[..n].copy_from_slice(&rest[..n]);
    let avail = (n as u32 * 8).saturating_sub(shift);
    (u64::from_le_bytes(word) >> shift, avail)
}

/// Writes a set of sorted, distinct, non-zero keys as Rice codes of their gaps.
fn write_set(out: &mut Vec<u8>, keys: &[u32]) {
    write_varint(out, keys.len() as u32);
    // The Rice parameter nearest the optimum for geometric gaps: log2 of the mean gap · ln 2.
    let span = keys.last().map_or(0, |&k| u64::from(k));
    let mean = span / (keys.len() as u64).max(1);
    let k = (mean * 69 / 100).max(1).ilog2();
    out.push(k as u8);
    let mut bits = BitWriter { out, byte: 0, used: 0 };
    let mut last = 0u32;
    for &key in keys {
        let gap = key - last - 1;
        last = key;
        for _ in 0..gap >> k {
            bits.push(true);
        }
        bits.push(false);
        for i in 0..k {
            bits.push(gap >> i & 1 != 0);
        }
    }
    bits.flush();
}

struct BitWriter<'a> {
    out: &'a mut Vec<u8>,
    byte: u8,
    used: u32,
}

impl BitWriter<'_> {
    fn push(&mut self, bit: bool) {
        self.byte |= u8::from(bit) << self.used;
        self.used += 1;
        if self.used == 8 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.used > 0 {
            self.out.push(self.byte);
            self.byte = 0;
            self.used = 0;
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or(ModelError::Corrupt("truncated"))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v = 0u64;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return u32::try_from(v).map_err(|_| ModelError::Corrupt("varint"));
            }
        }
        Err(ModelError::Corrupt("varint"))
    }

    /// A count of things stored after it, each at least a byte or a bit: no larger than the
    /// bits left (so that a damaged count allocates nothing absurd).
    fn count(&mut self) -> Result<usize, ModelError> {
        let n = self.varint()? as usize;
        if n > (self.bytes.len() - self.at) * 8 {
            return Err(ModelError::Corrupt("count"));
        }
        Ok(n)
    }

    fn bits(&mut self) -> Result<u8, ModelError> {
        match self.u8()? {
            b @ 1..=32 => Ok(b),
            _ => Err(ModelError::Corrupt("fingerprint bits")),
        }
    }

    /// A set written by [`write_set`], of fingerprints of `bits` bits.
    fn set(&mut self, bits: u8) -> Result<Vec<u32>, ModelError> {
        let n = self.count()?;
        let k = u32::from(self.u8()?);
        if k > 31 {
            return Err(ModelError::Corrupt("Rice parameter"));
        }
        let max = u64::from(u32::MAX >> (32 - u32::from(bits)));
        let mut keys = Vec::with_capacity(n);
        // Bit position from here; codes are read up to 64 bits at a time (the unary part by
        // counting trailing ones), not bit by bit: the Arabic model holds 1.4 M bits of them.
        let bytes = &self.bytes[self.at..];
        let mut pos = 0usize;
        let mut last = 0u64;
        for _ in 0..n {
            let mut quotient = 0u64;
            loop {
                let (word, avail) = peek(bytes, pos);
                if avail == 0 {
                    return Err(ModelError::Corrupt("truncated"));
                }
                let ones = (!word).trailing_zeros().min(avail);
                quotient += u64::from(ones);
                if quotient << k > max {
                    return Err(ModelError::Corrupt("key overflow"));
                }
                if ones < avail {
                    pos += ones as usize + 1;
                    break;
                }
                pos += avail as usize;
            }
            let (word, avail) = peek(bytes, pos);
            if avail < k {
                return Err(ModelError::Corrupt("truncated"));
            }
            pos += k as usize;
            last += (quotient << k | (word & ((1u64 << k) - 1))) + 1;
            if last > max {
                return Err(ModelError::Corrupt("key overflow"));
            }
            keys.push(last as u32);
        }
        self.at += pos.div_ceil(8);
        Ok(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Model {
        Model {
            language: *b"ar",
            labels: 3,
            templates: 0b1011,
            scale: 12.5,
            start: vec![1, -2, -300],
            transitions: vec![0, 1, 2, 3, 4, 5, 6, 7, -8],
            keys: vec![7, 900, 70000, u32::MAX],
            key_bits: 32,
            weights: vec![1, 0, -1, 0, 2, 0, 127, -128, 3, 0, 0, 9],
            gazetteer: vec![(5, 1), (6, 3), (1 << 31, 256), (1 << 31 | 9, 1)],
            gazetteer_bits: 32,
            gazetteer_max_len: 4,
            document_stage: None,
        }
    }

    #[test]
    fn round_trip() {
        let mut m = sample();
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes), Ok(m.clone()));
        // The second stage shares some keys with the first and has some of its own.
        let second = Model { keys: vec![7, 8, u32::MAX], weights: vec![0, 0, 1, 2, 0, 0, 0, 0, -3], gazetteer: vec![], gazetteer_max_len: 0, templates: 1 << 40, ..sample() };
        m.document_stage = Some(Box::new(second));
        assert_eq!(Model::from_bytes(&m.to_bytes()), Ok(m));
        // Short fingerprints, and no gazetteer at all.
        let short = Model { keys: vec![1, 2, 3, 1000], key_bits: 10, gazetteer: vec![(1, 2), (300, 1)], gazetteer_bits: 9, ..sample() };
        assert_eq!(Model::from_bytes(&short.to_bytes()), Ok(short));
        let bare = Model { gazetteer: vec![], ..sample() };
        assert_eq!(Model::from_bytes(&bare.to_bytes()), Ok(bare));
    }

    /// A model of `n` features whose rows hold `row(f)`, with a second stage of rows
    /// `second(f)`.
    fn rows_model(n: u32, row: impl Fn(u32) -> [i8; 3], second: impl Fn(u32) -> [i8; 3]) -> Model {
        let stage = |f: &dyn Fn(u32) -> [i8; 3]| Model {
            keys: (1..=n).map(|k| k * 7919).collect(),
            weights: (1..=n).flat_map(f).collect(),
            gazetteer: vec![],
            ..sample()
        };
        Model { document_stage: Some(Box::new(stage(&second))), ..stage(&row) }
    }

    fn noise(f: u32, salt: u32) -> i8 {
        let h = f.wrapping_mul(0x9e37_79b9) ^ salt.wrapping_mul(0x85eb_ca6b);
        ((h >> 27) as i8 - 16) | 1
    }

    #[test]
    fn rows_that_sum_to_zero_and_stages_that_agree_cost_less() {
        let n = 4000;
        let independent = rows_model(n, |f| [noise(f, 1), noise(f, 2), noise(f, 3)], |f| [noise(f, 4), noise(f, 5), noise(f, 6)]).to_bytes();
        // Rows that sum to zero, as a perceptron's do: the last weight of each costs little.
        let balanced = |f| {
            let (a, b) = (noise(f, 1), noise(f, 2));
            [a, b, -(a + b)]
        };
        let zero_sum = rows_model(n, balanced, |f| [noise(f, 4), noise(f, 5), noise(f, 6)]).to_bytes();
        // A second stage that agrees with the first: coded knowing it, it costs little too.
        let agreeing = rows_model(n, balanced, balanced).to_bytes();
        assert!(zero_sum.len() * 10 < independent.len() * 9, "{} {}", zero_sum.len(), independent.len());
        assert!(agreeing.len() * 10 < zero_sum.len() * 9, "{} {}", agreeing.len(), zero_sum.len());
        for bytes in [&independent, &zero_sum, &agreeing] {
            assert_eq!(Model::from_bytes(bytes).map(|m| m.to_bytes()).as_ref(), Ok(bytes));
        }
    }

    #[test]
    fn keys_beyond_their_bits_are_refused() {
        let wide = Model { keys: vec![1, 2, 3, 1024], key_bits: 11, ..sample() }.to_bytes();
        assert!(Model::from_bytes(&wide).is_ok());
        let mut narrow = wide.clone();
        // The feature bits byte follows the gazetteer; find it by writing the same model with
        // 10 bits and comparing.
        let other = Model { keys: vec![1, 2, 3, 1023], key_bits: 10, ..sample() }.to_bytes();
        let at = wide.iter().zip(&other).position(|(a, b)| a != b).unwrap();
        narrow[at] = 10;
        assert_eq!(Model::from_bytes(&narrow), Err(ModelError::Corrupt("key overflow")));
    }

    #[test]
    fn damaged_bytes_are_refused_not_panicked_on() {
        let bytes = sample().to_bytes();
        for cut in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert_eq!(Model::from_bytes(b"NOPE!xxxxxxxx"), Err(ModelError::BadMagic));
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Model::from_bytes(&extra).is_err());
        let mut old = bytes.clone();
        old[5] = 2;
        assert_eq!(Model::from_bytes(&old), Err(ModelError::UnsupportedVersion(2)));
        // Every byte changed: an error or a model, never a panic.
        for at in 0..bytes.len() {
            for v in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[at] = v;
                let _ = Model::from_bytes(&b);
            }
        }
    }
}
