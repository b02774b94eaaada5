//! Hashing of feature strings and gazetteer entries, and the open-addressing table both are
//! looked up in. Features are hashed from byte slices as they are extracted (no string is
//! built per feature); the model stores only 32-bit keys, never the strings.
#![cfg_attr(not(feature = "training"), allow(dead_code))]

/// FNV-1a over bytes, 64-bit. Chosen for being tiny, dependency-free and identical on every
/// target (native training and wasm32 runtime must agree bit for bit).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    /// A hasher started from `seed`.
    pub const fn new(seed: u64) -> Self {
        Fnv(0xcbf2_9ce4_8422_2325 ^ seed)
    }

    /// Feeds bytes.
    #[inline]
    pub fn bytes(mut self, bytes: &[u8]) -> Self {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }

    /// Feeds one byte.
    #[inline]
    pub fn byte(mut self, b: u8) -> Self {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        self
    }

    /// The hash.
    #[inline]
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// Hash of a byte string.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    Fnv::new(0).bytes(bytes).finish()
}

/// Combines two hashes, order-sensitive (a feature template with its value, a word with its
/// neighbour). A multiply-xorshift finaliser, so that similar inputs spread over the table.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 31)
}

/// The 32-bit key stored in a model file. Zero marks an empty slot, so it is never a key.
#[inline]
pub fn key32(h: u64) -> u32 {
    let k = (h ^ (h >> 32)) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

/// The top `bits` bits of a 32-bit key (1–32): what a model file stores of a feature or a
/// gazetteer entry. Fewer bits make the sorted key sets smaller (about `bits − log2(n) + 2`
/// bits an entry, Rice-coded), at the price of an absent key matching a stored one with
/// probability `n / 2^bits`. Never zero, the empty-slot mark.
#[inline]
pub fn fingerprint(key: u32, bits: u8) -> u32 {
    (key >> (32 - u32::from(bits))).max(1)
}

/// A lookup in a [`KeyTable`] half done: the key's fingerprint and its first slot.
#[derive(Debug, Clone, Copy, Default)]
pub struct Probe {
    key: u32,
    slot: u32,
}

/// Open-addressing table from 32-bit keys to small values, linear probing, load ≤ 1/2 (or
/// less: [`KeyTable::with_room`]). A feature's weights live in its slot, so a lookup touches
/// one cache line (two when the slot straddles one): the slots are megabytes, and their loads
/// are most of a lookup's time.
#[derive(Debug, Clone, Default)]
pub struct KeyTable<V> {
    slots: Vec<(u32, V)>,
    mask: usize,
    /// One bit per 16th of a key: most looked-up features are not in the model, and this
    /// bitmap (a sixteenth the size of the slots, so it stays in cache) turns ~95% of those
    /// misses away without touching the slots.
    present: Vec<u64>,
    /// A key's bit is the top bits of a multiplicative hash: these many are dropped.
    present_shift: u32,
    /// Keys are looked up by their [`fingerprint`] of `32 − shift` bits.
    shift: u32,
}

impl<V: Copy + Default> KeyTable<V> {
    /// A table holding `pairs`, whose keys are distinct non-zero fingerprints of `bits` bits;
    /// [`KeyTable::get`] takes whole keys.
    pub fn new(pairs: impl ExactSizeIterator<Item = (u32, V)>, bits: u8) -> Self {
        Self::with_room(pairs, bits, 2)
    }

    /// [`KeyTable::new`] with at least `slots_per_key` slots for each key (2 at the least; a
    /// power of two in all, so up to twice that): the emptier the table, the fewer lookups walk
    /// past their first slot, a branch the processor cannot predict.
    pub fn with_room(pairs: impl ExactSizeIterator<Item = (u32, V)>, bits: u8, slots_per_key: usize) -> Self {
        let capacity = (pairs.len() * slots_per_key.max(2)).next_power_of_two().max(8);
        let present_bits = (pairs.len() * 16).next_power_of_two().max(64);
        let mut t = KeyTable {
            slots: vec![(0, V::default()); capacity],
            mask: capacity - 1,
            present: vec![0; present_bits / 64],
            present_shift: 32 - present_bits.trailing_zeros(),
            shift: 32 - u32::from(bits),
        };
        for (k, v) in pairs {
            let b = t.bit(k);
            t.present[b / 64] |= 1 << (b % 64);
            let mut i = t.slot(k);
            while t.slots[i].0 != 0 && t.slots[i].0 != k {
                i = (i + 1) & t.mask;
            }
            t.slots[i] = (k, v);
        }
        t
    }

    /// The top bits of the product depend on every bit of the key: a fingerprint shorter than
    /// 32 bits has its top bits zero, and low bits of a product (as this took before) then
    /// spread it over too few positions (26-bit keys: 2^14 of 2^20), letting more misses through
    /// to the slots (12 % slower tagging).
    #[inline]
    fn bit(&self, k: u32) -> usize {
        (k.wrapping_mul(0x85EB_CA6B) >> self.present_shift) as usize
    }

    #[inline]
    fn slot(&self, k: u32) -> usize {
        (k.wrapping_mul(0x9E37_79B1) as usize ^ (k as usize >> 16)) & self.mask
    }

    /// The value stored for the fingerprint of key `k`.
    #[inline]
    pub fn get(&self, k: u32) -> Option<&V> {
        match self.probe(k) {
            (probe, true) => self.finish(probe),
            _ => None,
        }
    }

    /// The first half of [`KeyTable::get`]: where to look for key `k`, and whether the bitmap
    /// lets it through (`false`: absent). Looking up many keys, first the bitmap for all, then
    /// the slots of those that pass, lets the processor fetch the slots of several keys at
    /// once (their addresses no longer wait on the branch of the bitmap of each key): the
    /// slots are megabytes, and their loads are most of a lookup's time.
    #[inline]
    pub fn probe(&self, k: u32) -> (Probe, bool) {
        let k = (k >> self.shift).max(1);
        let b = self.bit(k);
        let present = self.present[b / 64] & (1 << (b % 64)) != 0;
        (Probe { key: k, slot: self.slot(k) as u32 }, present)
    }

    /// The second half of [`KeyTable::get`]: the value at the end of a probe that passed the
    /// bitmap.
    #[inline]
    pub fn finish(&self, probe: Probe) -> Option<&V> {
        let (k, mut i) = (probe.key, probe.slot as usize);
        loop {
            let (key, value) = &self.slots[i];
            if *key == k {
                return Some(value);
            }
            if *key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_finds_what_it_holds_and_nothing_else() {
        let pairs: Vec<(u32, u32)> = (1..1000u32).map(|i| (key32(hash_bytes(&i.to_le_bytes())), i)).collect();
        for room in [2, 3, 4, 8] {
            let t = KeyTable::with_room(pairs.iter().copied(), 32, room);
            assert!(t.slots.len() >= pairs.len() * room, "{room}");
            for &(k, v) in &pairs {
                assert_eq!(t.get(k), Some(&v));
            }
            assert_eq!(t.get(key32(hash_bytes(b"absent"))), None);
        }
    }

    #[test]
    fn a_table_of_fingerprints_is_looked_up_with_whole_keys() {
        let keys: Vec<u32> = (1..1000u32).map(|i| key32(hash_bytes(&i.to_le_bytes()))).collect();
        let mut pairs: Vec<(u32, u32)> = keys.iter().map(|&k| (fingerprint(k, 20), k)).collect();
        crate::sort::sort(&mut pairs);
        pairs.dedup_by_key(|p| p.0);
        let t = KeyTable::new(pairs.iter().copied(), 20);
        for &k in &keys {
            assert_eq!(t.get(k).map(|&v| fingerprint(v, 20)), Some(fingerprint(k, 20)));
        }
        assert_eq!(fingerprint(5, 32), 5);
        assert_eq!(fingerprint(5, 8), 1, "zero marks an empty slot");
    }

    #[test]
    fn mix_is_order_sensitive() {
        assert_ne!(mix(1, 2), mix(2, 1));
    }
}
