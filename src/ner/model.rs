//! The model file: a compact binary the core embeds with `include_bytes!`.
//!
//! Layout (little-endian; `v` = LEB128 varint):
//! `"SMNER"`, version `u8`, language `[u8; 2]`, label count `u8`, template mask `u64`,
//! scale `f32`, gazetteer max length `u8`, start scores `i16 × L`, transitions `i16 × L²`,
//! feature count `v`, feature keys as sorted deltas `v…`, per feature the mask of labels with a
//! non-zero weight `v…`, the non-zero weights `i8…`, gazetteer entry count `v`, entry keys as
//! sorted deltas `v…`, entry classes `v…`; then `0`, or `1` followed by the second-stage
//! model (same layout, empty gazetteer) up to the end. Keys, masks and weights are stored column by
//! column because gzip (which the browser download goes through) compresses columns better.
#![cfg_attr(not(feature = "training"), allow(dead_code))]

use std::fmt;

const MAGIC: &[u8; 5] = b"SMNER";
const VERSION: u8 = 2;

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
    /// Feature keys, sorted, distinct, non-zero.
    pub keys: Vec<u32>,
    /// `keys.len() × labels` weights.
    pub weights: Vec<i8>,
    /// Gazetteer entries `(key, classes)`, sorted by key.
    pub gazetteer: Vec<(u32, u16)>,
    /// Longest gazetteer entry, in tokens.
    pub gazetteer_max_len: u8,
    /// The second stage, which also sees document hints (see `document.rs`).
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
    /// The file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let l = usize::from(self.labels);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.extend_from_slice(&self.language);
        out.push(self.labels);
        out.extend_from_slice(&self.templates.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.push(self.gazetteer_max_len);
        for s in self.start.iter().chain(&self.transitions) {
            out.extend_from_slice(&s.to_le_bytes());
        }
        write_sorted_keys(&mut out, self.keys.iter().copied());
        for row in self.weights.chunks(l) {
            let mask = row.iter().enumerate().filter(|(_, w)| **w != 0).fold(0u32, |m, (i, _)| m | 1 << i);
            write_varint(&mut out, mask);
        }
        out.extend(self.weights.iter().filter(|w| **w != 0).map(|w| *w as u8));
        write_sorted_keys(&mut out, self.gazetteer.iter().map(|e| e.0));
        for e in &self.gazetteer {
            write_varint(&mut out, u32::from(e.1));
        }
        match &self.document_stage {
            None => out.push(0),
            Some(stage) => {
                out.push(1);
                out.extend(stage.to_bytes());
            }
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
        let templates = u64::from_le_bytes(r.take(8)?.try_into().unwrap());
        let scale = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
        let gazetteer_max_len = r.u8()?;
        let mut scores = Vec::with_capacity(l + l * l);
        for _ in 0..l + l * l {
            scores.push(i16::from_le_bytes(r.take(2)?.try_into().unwrap()));
        }
        let transitions = scores.split_off(l);
        let keys = r.sorted_keys()?;
        let mut weights = vec![0i8; keys.len() * l];
        let mut masks = Vec::with_capacity(keys.len());
        for _ in 0..keys.len() {
            let m = r.varint()?;
            if m >> l != 0 {
                return Err(ModelError::Corrupt("weight mask"));
            }
            masks.push(m);
        }
        for (f, m) in masks.into_iter().enumerate() {
            for y in (0..l).filter(|y| m & 1 << y != 0) {
                weights[f * l + y] = r.u8()? as i8;
            }
        }
        let gaz_keys = r.sorted_keys()?;
        let mut gazetteer = Vec::with_capacity(gaz_keys.len());
        for k in gaz_keys {
            let c = u16::try_from(r.varint()?).map_err(|_| ModelError::Corrupt("gazetteer class"))?;
            gazetteer.push((k, c));
        }
        let document_stage = match r.u8()? {
            0 if r.at == bytes.len() => None,
            1 => {
                let stage = Model::from_bytes(&bytes[r.at..])?;
                if stage.labels != labels || stage.document_stage.is_some() {
                    return Err(ModelError::Corrupt("second stage"));
                }
                Some(Box::new(stage))
            }
            _ => return Err(ModelError::Corrupt("trailing bytes")),
        };
        Ok(Model { language, labels, templates, scale, start: scores, transitions, keys, weights, gazetteer, gazetteer_max_len, document_stage })
    }
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn write_sorted_keys(out: &mut Vec<u8>, keys: impl ExactSizeIterator<Item = u32>) {
    write_varint(out, keys.len() as u32);
    let mut last = 0u32;
    for k in keys {
        write_varint(out, k - last);
        last = k;
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

    fn sorted_keys(&mut self) -> Result<Vec<u32>, ModelError> {
        let n = self.varint()? as usize;
        if n > self.bytes.len() - self.at {
            return Err(ModelError::Corrupt("count"));
        }
        let mut keys = Vec::with_capacity(n);
        let mut last = 0u32;
        for i in 0..n {
            let d = self.varint()?;
            if i > 0 && d == 0 {
                return Err(ModelError::Corrupt("repeated key"));
            }
            last = last.checked_add(d).ok_or(ModelError::Corrupt("key overflow"))?;
            keys.push(last);
        }
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
            weights: vec![1, 0, -1, 0, 0, 0, 127, -128, 3, 0, 0, 9],
            gazetteer: vec![(5, 1), (6, 3), (1 << 31, 256)],
            gazetteer_max_len: 4,
            document_stage: None,
        }
    }

    #[test]
    fn round_trip() {
        let mut m = sample();
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes), Ok(m.clone()));
        m.document_stage = Some(Box::new(Model { gazetteer: vec![], templates: 1 << 40, ..sample() }));
        assert_eq!(Model::from_bytes(&m.to_bytes()), Ok(m));
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
    }
}
