//! Binary arithmetic coding with adaptive contexts, for the parts of a model file that gzip
//! codes poorly: gazetteer class indices, label masks and weights (see `model.rs`).
//!
//! Why here and not gzip: gzip sees bytes, not what they mean. A weight of the second stage
//! is much more likely near the first stage's weight of the same feature and label, and the
//! last non-zero weight of a row nearly cancels the others (a perceptron update adds to one
//! label what it takes from another, so a row sums to about zero). A context model states
//! that directly; with the same weights, `ar.model` falls from 357 to 295 KB gzip.
//!
//! The coder is the range coder of LZMA (32-bit range, byte output with a pending carry),
//! with each context's probability estimated as from counts of its zeros and ones (`Counts`),
//! which learns a rarely used context faster than the fixed-rate update LZMA uses. No crate
//! was taken for it: the coder is about 60 lines, and what matters is the model around it
//! (which contexts, which values), which is this crate's own.
//!
//! Encoding and decoding run the same modelling code through [`BitCoder`]: an encoder takes
//! each value and returns it, a decoder ignores it and returns what it reads. So the two
//! cannot disagree on a context.

/// Probabilities have this many bits of precision.
const PROBABILITY_BITS: u32 = 15;
/// Renormalise when the range drops below this (one byte of it left).
const TOP: u32 = 1 << 24;

/// A context's estimate of the probability of a zero: the Krichevsky–Trofimov estimate
/// (each count plus one half) while the context has seen fewer than `RATES` bits, updated as
/// `p += (bit's target − p) / (seen + 2)`, which is that estimate exactly, without a division:
/// decoding the Arabic model codes 2.5 M bits, and a division each made loading it 3 times
/// slower. From then on the rate stays at its last value (a slowly moving average).
#[derive(Debug, Clone, Copy)]
pub(super) struct Counts {
    /// Probability of a zero, in units of 2^-`STATE_BITS`.
    zero: u32,
    seen: u16,
}

/// Bits of precision of a context's state (more than the coder's, so that small steps add up).
const STATE_BITS: u32 = 24;
/// How many bits a context counts before its rate stops falling.
const RATES: usize = 1024;
/// `RATE[n]` = 2^16 / (n + 2): the step after `n` bits.
const RATE: [u32; RATES] = {
    let mut rate = [0u32; RATES];
    let mut n = 0;
    while n < RATES {
        rate[n] = (1 << 16) / (n as u32 + 2);
        n += 1;
    }
    rate
};

impl Default for Counts {
    fn default() -> Counts {
        Counts { zero: 1 << (STATE_BITS - 1), seen: 0 }
    }
}

impl Counts {
    /// The probability of a zero, in units of 2^-15, never 0 or 1.
    #[inline]
    fn zero_probability(self) -> u32 {
        (self.zero >> (STATE_BITS - PROBABILITY_BITS)).clamp(1, (1 << PROBABILITY_BITS) - 1)
    }

    #[inline]
    fn update(&mut self, bit: bool) {
        let rate = u64::from(RATE[usize::from(self.seen)]);
        if bit {
            self.zero -= ((u64::from(self.zero) * rate) >> 16) as u32;
        } else {
            self.zero += ((u64::from((1 << STATE_BITS) - self.zero) * rate) >> 16) as u32;
        }
        if usize::from(self.seen) < RATES - 1 {
            self.seen += 1;
        }
    }
}

/// One side of the coder: [`Encoder`] or [`Decoder`].
pub(super) trait BitCoder {
    /// Codes `bit` in the context `counts` (encoder), or reads a bit from it and ignores
    /// `bit` (decoder); returns the bit coded.
    fn bit(&mut self, counts: &mut Counts, bit: bool) -> bool;

    /// Codes the low `bits` bits of `value` most significant first, each in the context of
    /// the bits before it (a binary tree of `nodes`, at least `2^bits` long): the full
    /// distribution of a small value. Returns the value coded.
    fn tree(&mut self, nodes: &mut [Counts], bits: u32, value: u32) -> u32 {
        let mut node = 1usize;
        for i in (0..bits).rev() {
            let bit = self.bit(&mut nodes[node], value >> i & 1 != 0);
            node = node << 1 | usize::from(bit);
        }
        node as u32 - (1 << bits)
    }
}

/// Writes coded bits to a byte vector.
pub(super) struct Encoder {
    out: Vec<u8>,
    low: u64,
    range: u32,
    /// The byte not yet written (a carry may still add one to it) and how many 0xFF bytes
    /// follow it, also pending.
    cache: u8,
    pending: u64,
}

impl Encoder {
    pub(super) fn new() -> Encoder {
        Encoder { out: Vec::new(), low: 0, range: u32::MAX, cache: 0, pending: 1 }
    }

    fn shift_low(&mut self) {
        if self.low < 0xFF00_0000 || self.low >= 1 << 32 {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            while self.pending > 0 {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xFF;
                self.pending -= 1;
            }
            self.cache = (self.low >> 24) as u8;
        }
        self.pending += 1;
        self.low = (self.low & 0x00FF_FFFF) << 8;
    }

    /// The coded bytes.
    pub(super) fn finish(mut self) -> Vec<u8> {
        for _ in 0..5 {
            self.shift_low();
        }
        self.out
    }
}

impl BitCoder for Encoder {
    #[inline]
    fn bit(&mut self, counts: &mut Counts, bit: bool) -> bool {
        let bound = (self.range >> PROBABILITY_BITS) * counts.zero_probability();
        if bit {
            self.low += u64::from(bound);
            self.range -= bound;
        } else {
            self.range = bound;
        }
        counts.update(bit);
        while self.range < TOP {
            self.range <<= 8;
            self.shift_low();
        }
        bit
    }
}

/// Reads bits coded by [`Encoder`].
pub(super) struct Decoder<'a> {
    bytes: &'a [u8],
    at: usize,
    code: u32,
    range: u32,
}

impl<'a> Decoder<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Decoder<'a> {
        let mut d = Decoder { bytes, at: 0, code: 0, range: u32::MAX };
        // The encoder's first byte is its initial (zero) cache byte.
        for _ in 0..5 {
            d.code = d.code << 8 | u32::from(d.next_byte());
        }
        d
    }

    /// The next byte; zero past the end (a damaged stream then decodes to garbage, which
    /// [`Decoder::overran`] and the caller's checks of each value refuse).
    #[inline]
    fn next_byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    /// Whether more bytes were read than there are.
    pub(super) fn overran(&self) -> bool {
        self.at > self.bytes.len()
    }
}

impl BitCoder for Decoder<'_> {
    #[inline]
    fn bit(&mut self, counts: &mut Counts, _: bool) -> bool {
        let bound = (self.range >> PROBABILITY_BITS) * counts.zero_probability();
        let bit = self.code >= bound;
        if bit {
            self.code -= bound;
            self.range -= bound;
        } else {
            self.range = bound;
        }
        counts.update(bit);
        while self.range < TOP {
            self.range <<= 8;
            self.code = self.code << 8 | u32::from(self.next_byte());
        }
        bit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value sequence with skewed and uniform parts, coded in a few contexts.
    fn values() -> Vec<(usize, u32)> {
        let mut state = 0x1234_5678u32;
        (0..20_000)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                let context = i % 3;
                let value = match context {
                    0 => u32::from(state % 100 == 0), // rare ones
                    1 => state % 7,                   // uniform small values
                    _ => (state % 16).min(3),         // skewed towards 3
                };
                (context, value)
            })
            .collect()
    }

    fn code_all<C: BitCoder>(coder: &mut C, values: &[(usize, u32)]) -> Vec<u32> {
        let mut nodes = [[Counts::default(); 8]; 3];
        values.iter().map(|&(c, v)| coder.tree(&mut nodes[c], 3, v)).collect()
    }

    #[test]
    fn decodes_what_was_encoded() {
        let values = values();
        let mut encoder = Encoder::new();
        let echoed = code_all(&mut encoder, &values);
        let bytes = encoder.finish();
        let mut decoder = Decoder::new(&bytes);
        let decoded = code_all(&mut decoder, &values.iter().map(|&(c, _)| (c, 0)).collect::<Vec<_>>());
        let expected: Vec<u32> = values.iter().map(|v| v.1).collect();
        assert_eq!(echoed, expected);
        assert_eq!(decoded, expected);
        assert_eq!(decoder.at, bytes.len(), "the decoder reads exactly the bytes written");
        assert!(!decoder.overran());
    }

    #[test]
    fn skewed_bits_cost_less_than_a_bit() {
        let values = values();
        let mut encoder = Encoder::new();
        code_all(&mut encoder, &values);
        // 20,000 values of 3 bits would be 7,500 bytes raw; their entropy here is about
        // (0.08 + 2.81 + 0.81) / 3 bits a bit, about 3,100 bytes.
        let len = encoder.finish().len();
        assert!(len < 3_400, "{len} bytes");
    }

    #[test]
    fn a_carry_through_pending_ff_bytes_is_kept() {
        // Long runs of very probable bits push `low` towards a carry through 0xFF bytes.
        let bits: Vec<bool> = (0..200_000).map(|i| i % 5000 == 4999).collect();
        let mut counts = Counts::default();
        let mut encoder = Encoder::new();
        for &b in &bits {
            encoder.bit(&mut counts, b);
        }
        let bytes = encoder.finish();
        let mut counts = Counts::default();
        let mut decoder = Decoder::new(&bytes);
        let decoded: Vec<bool> = bits.iter().map(|_| decoder.bit(&mut counts, false)).collect();
        assert_eq!(decoded, bits);
    }
}
