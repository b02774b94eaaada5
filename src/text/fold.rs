//! The matching form of text: canonical decomposition with marks dropped, Latin case folded,
//! Arabic letter variants unified. Each folded character maps back to the original character it
//! came from, so matches in the folded form report honest offsets into the input.

use super::unicode::canonical_bases;

/// Appends the matching form of `c` to `out` (possibly nothing, e.g. for tashkeel).
///
/// Folding one character at a time keeps the offset map trivial and makes the result the same
/// for NFC and NFD input (both decompose to the same base letters).
pub(crate) fn fold_char(c: char, out: &mut String) {
    // Fast path: ASCII needs case folding only.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Fast path, before the table of Arabic foldings: most Arabic letters (ء to غ, ف to ي,
    // but for the hamza seats, ta marbuta and alef maqsura) have no decomposition, no case
    // and are no mark; they fold to themselves (checked against the general path in a test).
    // This runs for every letter of an Arabic article, and again for every word the tagger
    // meets.
    let offset = (c as u32).wrapping_sub(0x0621);
    if offset < 64 && PLAIN_ARABIC_LETTERS >> offset & 1 == 1 {
        out.push(c);
        return;
    }
    if let Some(f) = fold_arabic(c) {
        if let Some(f) = f {
            out.push(f);
        }
        return;
    }
    fold_general(c, out);
}

/// The code point of a two-byte UTF-8 character, from its lead and continuation bytes.
#[inline]
pub(crate) fn two_byte_code_point(lead: u8, next: u8) -> u32 {
    (u32::from(lead) & 0x1F) << 6 | (u32::from(next) & 0x3F)
}

/// The end of the run of Arabic letters that fold to themselves starting at byte `start` of
/// `bytes` (UTF-8): `start` itself when none does. Each is two bytes, D8 A1 to D9 8A; an
/// Arabic article is mostly such runs, which `Document::new` copies as a block instead of
/// decoding and folding letter by letter.
pub(crate) fn plain_arabic_run(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while let Some(&[lead, next]) = bytes.get(end..end + 2) {
        if !matches!(lead, 0xD8 | 0xD9) || next & 0xC0 != 0x80 {
            break;
        }
        let offset = two_byte_code_point(lead, next).wrapping_sub(0x0621);
        if offset >= 64 || PLAIN_ARABIC_LETTERS >> offset & 1 == 0 {
            break;
        }
        end += 2;
    }
    end
}

/// Bit `c - U+0621` is set for the Arabic letters that fold to themselves.
const PLAIN_ARABIC_LETTERS: u64 = {
    let mut mask = 0u64;
    let mut c = 0x0621;
    while c <= 0x064A {
        let folds = matches!(c, 0x0622..=0x0626 | 0x0629 | 0x0649) || (c > 0x063A && c < 0x0641);
        if !folds {
            mask |= 1 << (c - 0x0621);
        }
        c += 1;
    }
    mask
};

/// Folding by canonical decomposition, for everything but ASCII and Arabic letters.
fn fold_general(c: char, out: &mut String) {
    if is_invisible(c) {
        return;
    }
    let mut buf = [char::default(); 4];
    let n = canonical_bases(c, &mut buf);
    for &d in &buf[..n] {
        match d {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => out.push('-'),
            _ => out.extend(d.to_lowercase()),
        }
    }
}

/// Arabic-specific unification. `Some(None)` drops the character; `None` = not handled here.
///
/// The rules follow what Arabic writers vary freely in news text: hamza seats on alef
/// (أ إ آ ٱ → ا), alef maqsura for final ya (ى → ي), ta marbuta written as ha (ة → ه),
/// hamza on waw/ya (ؤ → و, ئ → ي), Persian-keyboard letters (ک ی), tatweel (ـ) and
/// tashkeel (harakat, shadda, sukun, dagger alef), which are optional in Arabic script.
fn fold_arabic(c: char) -> Option<Option<char>> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Some('ا'),
        'ى' | 'ئ' | 'ی' | 'ې' => Some('ي'),
        'ة' | 'ۀ' | 'ە' => Some('ه'),
        'ؤ' => Some('و'),
        'ک' => Some('ك'),
        '\u{0640}' => None,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' => None,
        '٠'..='٩' => Some(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Some(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        _ => return None,
    })
}

/// Format characters that carry no letters: bidi controls, zero-width (non-)joiners, BOM,
/// soft hyphen. Dropped from the matching form so that `بو\u{200C}تين` still matches.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}

/// Folds a whole string (for lexicon entries and cue words).
pub(crate) fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_fast_path_folds_like_the_general_path() {
        for c in '\u{0600}'..='\u{06FF}' {
            let (mut fast, mut general) = (String::new(), String::new());
            fold_char(c, &mut fast);
            match fold_arabic(c) {
                Some(f) => general.extend(f),
                None => fold_general(c, &mut general),
            }
            assert_eq!(fast, general, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn folding_table() {
        let cases = [
            ("tashkeel stripped", "بُوتِينُ", "بوتين"),
            ("shadda stripped", "لوّح", "لوح"),
            ("alef forms unified", "أإآٱ", "اااا"),
            ("ya and ta marbuta", "مصطفى الجامعة", "مصطفي الجامعه"),
            ("tatweel dropped", "روســـيا", "روسيا"),
            ("latin case and accents", "Élysée ÉRDOĞAN", "elysee erdogan"),
            ("NFD input folds like NFC", "E\u{0301}lyse\u{0301}e", "elysee"),
            ("bidi and zero-width dropped", "بو\u{200C}تين\u{200F}", "بوتين"),
            ("curly apostrophe", "Putin\u{2019}s", "putin's"),
            ("arabic digits", "٢٠٢٥", "2025"),
        ];
        for (name, input, expected) in cases {
            assert_eq!(fold_str(input), expected, "{name}");
        }
    }
}
