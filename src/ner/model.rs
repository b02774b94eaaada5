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
//! set, the distinct class sets `v` (a count, then each, commonest first), each entry's index
//! into them `v…`; the features: fingerprint bits `u8`, the set of the stages' keys together,
//! then per stage each key's mask of labels with a non-zero weight `v…` (0: not in this stage),
//! then per stage the non-zero weights `i8…`; nothing after.
//!
//! Why so: the gazetteer and the keys are most of a model, and they are sets of hashes. Rice
//! codes of the gaps come within a few percent of the entropy of such a set, which gzip of
//! varint gaps does not (it cannot model the gaps' geometric spread); a fingerprint shorter than
//! 32 bits saves `32 − bits` bits an entry. The two stages share most features, so their keys
//! are stored once. Masks and weights are stored column by column because gzip (which the
//! browser download goes through) codes each byte column's skewed values well.
#![cfg_attr(not(feature = "training"), allow(dead_code))]

use std::fmt;

const MAGIC: &[u8; 5] = b"SMNER";
const VERSION: u8 = 3;

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
        for e in &self.gazetteer {
            write_varint(&mut out, classes.iter().position(|&c| c == e.1).unwrap() as u32);
        }
        out.push(self.key_bits);
        let mut keys: Vec<u32> = stages.iter().flat_map(|s| s.keys.iter().copied()).collect();
        keys.sort_unstable();
        keys.dedup();
        write_set(&mut out, &keys);
        let l = usize::from(self.labels);
        for s in &stages {
            let mut own = s.keys.iter().zip(s.weights.chunks(l)).peekable();
            for &k in &keys {
                let mask = match own.next_if(|(&own, _)| own == k) {
                    Some((_, row)) => row.iter().enumerate().filter(|(_, w)| **w != 0).fold(0u32, |m, (i, _)| m | 1 << i),
                    None => 0,
                };
                write_varint(&mut out, mask);
            }
        }
        for s in &stages {
            out.extend(s.weights.iter().filter(|w| **w != 0).map(|w| *w as u8));
        }
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
        let mut gazetteer = Vec::with_capacity(entries.len());
        for k in entries {
            let c = classes.get(r.varint()? as usize).ok_or(ModelError::Corrupt("gazetteer class index"))?;
            gazetteer.push((k, *c));
        }
        let key_bits = r.bits()?;
        let keys = r.set(key_bits)?;
        let mut masks = vec![0u32; keys.len() * stages.len()];
        for m in masks.iter_mut() {
            *m = r.varint()?;
            if *m >> l != 0 {
                return Err(ModelError::Corrupt("weight mask"));
            }
        }
        let n = keys.len();
        if (0..n).any(|f| (0..stages.len()).all(|s| masks[s * n + f] == 0)) {
            return Err(ModelError::Corrupt("key in no stage"));
        }
        for (i, s) in stages.iter_mut().enumerate() {
            s.key_bits = key_bits;
            s.gazetteer_bits = gazetteer_bits;
            for (&k, &m) in keys.iter().zip(&masks[i * n..][..n]).filter(|(_, &m)| m != 0) {
                s.keys.push(k);
                for y in 0..l {
                    s.weights.push(if m & 1 << y != 0 { r.u8()? as i8 } else { 0 });
                }
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

/// The distinct class sets of the gazetteer, commonest first (so that most indices are one
/// byte, and the commonest the smallest).
fn class_sets(gazetteer: &[(u32, u16)]) -> Vec<u16> {
    let mut counts = std::collections::BTreeMap::<u16, usize>::new();
    for e in gazetteer {
        *counts.entry(e.1).or_default() += 1;
    }
    let mut classes: Vec<(u16, usize)> = counts.into_iter().collect();
    classes.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
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
