//! Gazetteer membership as a feature: which name lists a token, or a run of up to
//! `max_len` tokens, belongs to. Entries live in the model file as 32-bit hashes of their
//! folded tokens, never as text (the lists' licences allow lookup use, and hashes are small).
#![cfg_attr(not(feature = "training"), allow(dead_code))]

use super::hash::{hash_bytes, key32, mix, KeyTable};
use crate::text::fold_str;

/// Name-list classes, one bit each; a hash may carry several.
pub mod class {
    /// Person names (full names and family names).
    pub const PERSON: u16 = 1;
    /// Places: countries, cities, regions.
    pub const LOCATION: u16 = 2;
    /// Organisations.
    pub const ORGANIZATION: u16 = 4;
    /// Given (first) names.
    pub const GIVEN_NAME: u16 = 8;
    /// Titles that introduce a person (وزير, President).
    pub const TITLE: u16 = 16;
    /// Nisba adjectives and demonyms (المصري, Egyptian).
    pub const DEMONYM: u16 = 32;
    /// A token mostly seen inside person names (a first or family name).
    pub const PERSON_PART: u16 = 64;
    /// A token mostly seen inside organisation names.
    pub const ORGANIZATION_PART: u16 = 128;
    /// A token mostly seen inside place names.
    pub const LOCATION_PART: u16 = 256;
    /// Number of classes.
    pub const COUNT: u32 = 9;
    /// Not a class: the token begins a multi-token entry, so the matcher looks further (without
    /// it, every token would cost a lookup per possible entry length).
    pub const PREFIX: u16 = 1 << 15;
}

const SEED: u64 = 0x6761_7a65_7474_6565;

/// A set of hashed name-list entries.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    table: KeyTable<u16>,
    /// Longest entry, in tokens.
    pub max_len: usize,
}

impl Gazetteer {
    /// A gazetteer from `(key, classes)` pairs, the keys made by [`Gazetteer::entry_key`] and
    /// cut to [fingerprints](super::hash::fingerprint) of `bits` bits.
    pub fn new(entries: &[(u32, u16)], max_len: usize, bits: u8) -> Self {
        Gazetteer { table: KeyTable::new(entries.iter().copied(), bits), max_len }
    }

    /// The key of an entry written as text ("الولايات المتحدة", "New York"): its
    /// whitespace-separated tokens folded like the tagger's tokens. `None` for an empty entry.
    pub fn entry_key(text: &str) -> Option<(u32, usize)> {
        let folded: Vec<String> = text.split_whitespace().map(fold_str).filter(|t| !t.is_empty()).collect();
        if folded.is_empty() {
            return None;
        }
        let mut h = SEED;
        for t in &folded {
            h = mix(h, hash_bytes(t.as_bytes()));
        }
        Some((key32(h), folded.len()))
    }

    /// Starts a run at a token whose folded form hashes to `token_hash`.
    #[inline]
    pub(crate) fn start(token_hash: u64) -> u64 {
        mix(SEED, token_hash)
    }

    /// Extends a run by one token.
    #[inline]
    pub(crate) fn extend(run: u64, token_hash: u64) -> u64 {
        mix(run, token_hash)
    }

    /// Classes of the run hashed so far (0: not an entry).
    #[inline]
    pub(crate) fn classes(&self, run: u64) -> u16 {
        self.table.get(key32(run)).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_match_their_tokens_after_folding() {
        let (k, n) = Gazetteer::entry_key("الولايات  المتحدة").unwrap();
        assert_eq!(n, 2);
        let g = Gazetteer::new(&[(k, class::LOCATION)], 2, 32);
        let run = Gazetteer::start(hash_bytes(fold_str("الولايات").as_bytes()));
        assert_eq!(g.classes(run), 0);
        // ة and ه fold together, so a variant spelling still matches.
        let run = Gazetteer::extend(run, hash_bytes(fold_str("المتحده").as_bytes()));
        assert_eq!(g.classes(run), class::LOCATION);
    }
}
