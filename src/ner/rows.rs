//! Summing a token's feature weights eight at a time. A token has some thirty features in the
//! model, each with a row of one small weight per label (two rows of nine for the Arabic model's
//! two stages); adding them one by one, each widened to 32 bits, was a fifth of the time of an
//! Arabic article in the browser, whose WebAssembly has no SIMD to do it. Here a row is stored
//! as bytes, each weight offset by 128 (0..=255), and read eight bytes at a time into a `u64`:
//! its even bytes are added into the four 16-bit lanes of one word, its odd bytes into those of
//! another (SWAR, "SIMD within a register"), and the offsets are taken off at the end. The sums
//! are exact: a lane holds at most [`MAX_ROWS`] rows before it is emptied into 32 bits.

/// Every other byte of a word, each in the low half of a 16-bit lane.
const LOW_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn check<const N: usize>(rows: &[[i8; N]]) {
        let mut sums = RowSums::<N>::default();
        for r in rows {
            sums.add(&offset_row::<N>(r));
        }
        for i in 0..N {
            let want: i32 = rows.iter().map(|r| i32::from(r[i])).sum();
            assert_eq!(sums.total(i), want, "weight {i} of {} rows", rows.len());
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
