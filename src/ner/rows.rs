//! Summing a token's feature weights. A token has some thirty features in the model, each with
//! a row of one small weight per label (two rows of nine for the Arabic model's two stages).
//! A row is stored as bytes, each weight offset by 128 (0..=255), and summed into 16-bit lanes;
//! the offsets are taken off at the end. The sums are exact: a lane holds at most [`MAX_ROWS`]
//! rows before it is emptied into 32 bits.
//!
//! Natively ([`lanes`]) each weight has a lane of its own, which the compiler adds sixteen at a
//! time with the processor's vector instructions. The web module's WebAssembly has no vector
//! instructions, and adding the weights one by one, each widened to 32 bits, was a fifth of the
//! time of an Arabic article in the browser. There ([`swar`]) a row is read eight bytes at a
//! time into a `u64`: its even bytes are added into the four 16-bit lanes of one word, its odd
//! bytes into those of another ("SIMD within a register"). Natively that version cost more: on
//! a 1k-word Arabic article its lines took 8 % of all instructions.

/// Rows a 16-bit lane holds without overflow: 257 × 255 > 65,535 ≥ 256 × 255.
const MAX_ROWS: u32 = 256;
/// The longest row: two stages of nine labels.
pub const MAX_ROW: usize = 18;

/// A row of weights as the table stores it: each weight plus 128, as a byte.
pub fn offset_row<const N: usize>(weights: &[i8]) -> [u8; N] {
    let mut row = [0x80u8; N];
    for (byte, &w) in row.iter_mut().zip(weights) {
        *byte = (w as u8) ^ 0x80;
    }
    row
}

#[cfg(not(target_arch = "wasm32"))]
pub use lanes::RowSums;
#[cfg(target_arch = "wasm32")]
pub use swar::RowSums;

#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
mod lanes {
    use super::MAX_ROWS;

    /// The sums, weight by weight, of rows of `N` offset bytes: one 16-bit lane per weight, which
    /// the compiler adds sixteen at a time with vector instructions (SSE2 on x86-64, NEON on ARM).
    #[derive(Debug, Clone, Copy)]
    pub struct RowSums<const N: usize> {
        lanes: [u16; N],
        /// Rows in the lanes, and the totals emptied from them so far.
        rows: u32,
        emptied: [i32; N],
        emptied_rows: u32,
    }

    impl<const N: usize> Default for RowSums<N> {
        fn default() -> Self {
            RowSums { lanes: [0; N], rows: 0, emptied: [0; N], emptied_rows: 0 }
        }
    }

    impl<const N: usize> RowSums<N> {
        /// Adds one row.
        #[inline]
        pub fn add(&mut self, row: &[u8; N]) {
            if self.rows == MAX_ROWS {
                self.empty();
            }
            for (lane, &b) in self.lanes.iter_mut().zip(row) {
                *lane += u16::from(b);
            }
            self.rows += 1;
        }

        /// The sum of the weights at index `i` of the rows added.
        #[inline]
        pub fn total(&self, i: usize) -> i32 {
            self.emptied[i] + i32::from(self.lanes[i]) - 128 * (self.rows + self.emptied_rows) as i32
        }

        /// Inlined, though no token has the 256 rows that make it run: as a call it took the
        /// sums' address, so the lanes and the row count lived on the stack instead of in
        /// registers, and each row's adds were a load and a store (Arabic 10.62M → 10.50M
        /// instructions an article, time 0.99).
        #[inline(always)]
        fn empty(&mut self) {
            for (e, lane) in self.emptied.iter_mut().zip(&mut self.lanes) {
                *e += i32::from(std::mem::take(lane));
            }
            self.emptied_rows += self.rows;
            self.rows = 0;
        }
    }
}

#[cfg(any(target_arch = "wasm32", test))]
mod swar {
    use super::{MAX_ROW, MAX_ROWS};

    /// Every other byte of a word, each in the low half of a 16-bit lane.
    const LOW_BYTES: u64 = 0x00FF_00FF_00FF_00FF;

    /// The sums, weight by weight, of rows of `N` offset bytes (`N` ≤ [`MAX_ROW`]).
    #[derive(Debug, Clone, Copy)]
    pub struct RowSums<const N: usize> {
        /// Lane `j` of `even[c]` sums byte `2j` of chunk `c` (bytes `8c..8c + 8`), of `odd[c]` byte
        /// `2j + 1`.
        even: [u64; 2],
        odd: [u64; 2],
        /// The bytes after the last whole chunk, one by one.
        tail: [u32; 7],
        /// Rows in the lanes, and the totals emptied from them so far.
        rows: u32,
        emptied: [i32; MAX_ROW],
        emptied_rows: u32,
    }

    impl<const N: usize> Default for RowSums<N> {
        fn default() -> Self {
            RowSums { even: [0; 2], odd: [0; 2], tail: [0; 7], rows: 0, emptied: [0; MAX_ROW], emptied_rows: 0 }
        }
    }

    impl<const N: usize> RowSums<N> {
        const CHUNKS: usize = N / 8;

        /// Adds one row.
        #[inline]
        pub fn add(&mut self, row: &[u8; N]) {
            if self.rows == MAX_ROWS {
                self.empty();
            }
            for c in 0..Self::CHUNKS {
                let x = u64::from_le_bytes(row[8 * c..8 * c + 8].try_into().expect("eight bytes"));
                self.even[c] += x & LOW_BYTES;
                self.odd[c] += (x >> 8) & LOW_BYTES;
            }
            for (t, &b) in row[8 * Self::CHUNKS..].iter().enumerate() {
                self.tail[t] += u32::from(b);
            }
            self.rows += 1;
        }

        /// The sum of the weights at index `i` of the rows added.
        #[inline]
        pub fn total(&self, i: usize) -> i32 {
            self.emptied[i] + self.in_lanes(i) as i32 - 128 * (self.rows + self.emptied_rows) as i32
        }

        /// The sum of the offset bytes at index `i` still in the lanes.
        #[inline]
        fn in_lanes(&self, i: usize) -> u32 {
            let c = i / 8;
            if c >= Self::CHUNKS {
                return self.tail[i - 8 * Self::CHUNKS];
            }
            let word = if i % 2 == 0 { self.even[c] } else { self.odd[c] };
            ((word >> (16 * (i % 8 / 2))) & 0xFFFF) as u32
        }

        fn empty(&mut self) {
            for i in 0..N {
                self.emptied[i] += self.in_lanes(i) as i32;
            }
            (self.even, self.odd, self.tail) = ([0; 2], [0; 2], [0; 7]);
            self.emptied_rows += self.rows;
            self.rows = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both versions against the weights summed one by one.
    fn check<const N: usize>(rows: &[[i8; N]]) {
        let mut native = lanes::RowSums::<N>::default();
        let mut web = swar::RowSums::<N>::default();
        for r in rows {
            native.add(&offset_row::<N>(r));
            web.add(&offset_row::<N>(r));
        }
        for i in 0..N {
            let want: i32 = rows.iter().map(|r| i32::from(r[i])).sum();
            assert_eq!(native.total(i), want, "native: weight {i} of {} rows", rows.len());
            assert_eq!(web.total(i), want, "web: weight {i} of {} rows", rows.len());
        }
    }

    #[test]
    fn sums_are_those_of_the_weights_one_by_one() {
        // Extremes, mixed signs, more rows than a lane holds, and no row at all.
        let mut seed = 3u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as i8
        };
        let rows18: Vec<[i8; 18]> = (0..700).map(|_| std::array::from_fn(|_| next())).collect();
        let rows9: Vec<[i8; 9]> = (0..300).map(|_| std::array::from_fn(|_| next())).collect();
        for n in [0, 1, 2, 255, 256, 257, 700] {
            check(&rows18[..n]);
        }
        check(&rows9);
        check(&[[i8::MAX; 18]; 600]);
        check(&[[i8::MIN; 18]; 600]);
        check(&[[i8::MIN; 9]; 513]);
    }
}
