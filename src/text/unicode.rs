//! The two Unicode facts the matching form needs, as compact sorted tables that `build.rs`
//! generates from the `unicode-normalization` crate: which characters are combining marks, and
//! what is left of a character's canonical decomposition once its marks are dropped (é → e).
//! The crate's own perfect-hash tables (about 50 KB, which gzip barely shrinks) stayed out of
//! the WebAssembly; a test checks every code point against the crate.

include!(concat!(env!("OUT_DIR"), "/unicode_tables.rs"));

/// Whether `c` is a combining mark (general category Mn, Mc or Me), as
/// `unicode_normalization::char::is_combining_mark` says.
pub(crate) fn is_combining_mark(c: char) -> bool {
    let c = c as u32;
    // Below U+0300 (Combining Grave Accent) there is no mark.
    if c < 0x300 {
        return false;
    }
    // The last range starting at or before `c`: a mark when it reaches `c`.
    let i = COMBINING_MARKS.partition_point(|&(start, _)| start <= c);
    i > 0 && c <= COMBINING_MARKS[i - 1].1
}

// Hangul syllables decompose by arithmetic into their jamo, none of which is a mark
// (Unicode 3.12, "Conjoining Jamo Behavior").
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = 21 * T_COUNT;
const S_COUNT: u32 = 19 * N_COUNT;

/// The first four characters of the canonical decomposition of `c`, its combining marks left
/// out, written to `out`; returns how many. A character without decomposition is itself.
pub(crate) fn canonical_bases(c: char, out: &mut [char; 4]) -> usize {
    let code = c as u32;
    if code.wrapping_sub(S_BASE) < S_COUNT {
        let s = code - S_BASE;
        let jamo = |n: u32| char::from_u32(n).unwrap_or(c);
        out[0] = jamo(L_BASE + s / N_COUNT);
        out[1] = jamo(V_BASE + (s % N_COUNT) / T_COUNT);
        if s % T_COUNT == 0 {
            return 2;
        }
        out[2] = jamo(T_BASE + s % T_COUNT);
        return 3;
    }
    let Ok(i) = DECOMPOSED.binary_search(&code) else {
        // No decomposition: the character itself, unless it is a mark.
        if is_combining_mark(c) {
            return 0;
        }
        out[0] = c;
        return 1;
    };
    let value = BASES[i];
    if value < MANY {
        out[0] = char::from_u32(value).unwrap_or(c);
        return 1;
    }
    // Zero or several bases: `len` of them from `start` in MANY_BASES.
    let (start, len) = ((value & 0xFFFF) as usize, ((value >> 16) & 0xF) as usize);
    for (slot, &b) in out.iter_mut().zip(&MANY_BASES[start..start + len]) {
        *slot = b;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code point against the crate the tables were made from.
    #[test]
    fn tables_agree_with_unicode_normalization_on_every_code_point() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_combining_mark(c), unicode_normalization::char::is_combining_mark(c), "U+{:04X}", c as u32);
            let mut decomposed = Vec::new();
            unicode_normalization::char::decompose_canonical(c, |d| decomposed.push(d));
            let expected: Vec<char> = decomposed.into_iter().take(4).filter(|&d| !unicode_normalization::char::is_combining_mark(d)).collect();
            let mut out = ['\0'; 4];
            let n = canonical_bases(c, &mut out);
            assert_eq!(&out[..n], &expected[..], "U+{:04X}", c as u32);
        }
    }
}
