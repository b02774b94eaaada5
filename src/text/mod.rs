//! Stage 1, text: the input as the later stages see it — a matching (folded) form with a map
//! back to the original, tokens, sentences with their line structure, and UTF-16 offsets.
//!
//! Everything downstream works in byte offsets of the original input; conversion to the UTF-16
//! offsets of the output contract happens once, at the boundary ([`Utf16Offsets`]).

pub(crate) mod arabic;
mod fold;
mod unicode;
mod sentences;

pub(crate) use fold::{fold_char, fold_str, is_invisible};
pub(crate) use unicode::is_combining_mark;
pub(crate) use sentences::{Sentence, SentenceKind};

use std::ops::Range;

/// Script of a token, which decides which language's rules apply to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Arabic,
    Latin,
    Digit,
    Other,
}

/// A word or a punctuation character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Byte range in the folded text.
    pub fstart: usize,
    pub fend: usize,
    pub is_word: bool,
    pub script: Script,
    /// The token's first character as written is a capital letter (`char::is_uppercase`), or
    /// a lowercase one: asked of most Latin words by several rules each.
    pub upper: bool,
    pub lower: bool,
}

/// The analysed text with its matching form.
pub(crate) struct Document<'a> {
    pub text: &'a str,
    /// Private, as `tokens` is: [`Document::ftok`] relies on every token's folded range
    /// lying on character boundaries of this text, which only [`Document::new`] builds.
    folded: String,
    /// For each byte of `folded`, the byte offset in `text` of the character it came from.
    fold_origin: Vec<u32>,
    tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Each token's closed word classes, one bit a class: filled by `mentions::words` when
    /// first asked, since the rules of every later stage ask about the same tokens, several
    /// times each (some seven look-ups a token in an Arabic article).
    pub(crate) word_classes: std::cell::OnceCell<Vec<u128>>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut fold_origin = Vec::with_capacity(text.len());
        let bytes = text.as_bytes();
        // Offsets of `chars` are relative to `base`, where it was last restarted.
        let (mut base, mut chars) = (0, text.char_indices());
        while let Some((j, c)) = chars.next() {
            let i = base + j;
            if c.is_ascii() {
                // A long run of ASCII (Latin text with its spaces and punctuation) is copied
                // and lower-cased as a block, one byte in, one out.
                if bytes.get(i..i + 8).is_some_and(<[u8]>::is_ascii) {
                    let run_end = bytes[i..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |n| i + n);
                    let start = folded.len();
                    folded.push_str(&text[i..run_end]);
                    folded[start..].make_ascii_lowercase();
                    fold_origin.extend(i as u32..run_end as u32);
                    (base, chars) = (run_end, text[run_end..].char_indices());
                    continue;
                }
                folded.push(c.to_ascii_lowercase());
                fold_origin.push(i as u32);
            } else {
                // A run of Arabic letters that fold to themselves is copied as a block too; each
                // letter's two bytes map back to its first.
                let run_end = fold::plain_arabic_run(bytes, i);
                if run_end > i + 2 {
                    folded.push_str(&text[i..run_end]);
                    fold_origin.extend((i..run_end).map(|b| (i + ((b - i) & !1)) as u32));
                    (base, chars) = (run_end, text[run_end..].char_indices());
                    continue;
                }
                fold::fold_char(c, &mut folded);
                fold_origin.resize(folded.len(), i as u32);
            }
        }
        // Two apostrophes typed for a double quotation mark ('' … ''), byte for byte: the first
        // is the mark, the second a space, so that offsets still map one to one.
        if folded.contains("''") {
            folded = folded.replace("''", "\" ");
        }
        let tokens = tokenize(&folded, &fold_origin, text);
        let sentences = sentences::split(text, &folded, &tokens);
        Document { text, folded, fold_origin, tokens, sentences, word_classes: std::cell::OnceCell::new() }
    }

    /// Maps a folded byte range to the original byte range, keeping trailing combining marks
    /// (tashkeel on the last letter belongs to the word).
    pub fn original_range(&self, frange: Range<usize>) -> Range<usize> {
        if frange.start >= frange.end || frange.start >= self.fold_origin.len() {
            let p = self.fold_origin.get(frange.start).map_or(self.text.len(), |&p| p as usize);
            return p..p;
        }
        let start = self.fold_origin[frange.start] as usize;
        let last = self.fold_origin[frange.end - 1] as usize;
        let end = last + self.text[last..].chars().next().map_or(0, char::len_utf8);
        start..extend_over_marks(self.text, end)
    }

    /// The text the rules match: folded (see `fold.rs`), one character or more for each of
    /// the original's.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// The words and punctuation of the text, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The folded text of a token.
    ///
    /// The rules call this some five hundred places, several times a token: it is the top
    /// entry of the English profile in V8. A checked slice tests both ends for a character
    /// boundary, and inlined at every call that made the web module 18 KB larger; as a call it
    /// cost 5 % of an English article's instructions natively (the web build does not inline
    /// it). Unchecked, it is a bounds check and two loads, inlined for 3 KB.
    #[inline]
    pub fn ftok(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        debug_assert!(t.fstart <= t.fend && self.folded.is_char_boundary(t.fstart) && self.folded.is_char_boundary(t.fend));
        // SAFETY: `tokenize` is the only maker of tokens, and it moves `fstart` and `fend`
        // through `folded` by whole characters, from 0, with `fstart <= fend <= folded.len()`;
        // `tokens` and `folded` are private and never changed after `Document::new`.
        unsafe { self.folded.get_unchecked(t.fstart..t.fend) }
    }

    /// The original text of a token.
    pub fn otok(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Index of the token containing folded byte `f`, if it is inside a token.
    pub fn token_containing(&self, f: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.fend <= f);
        (i < self.tokens.len() && self.tokens[i].fstart <= f).then_some(i)
    }

    /// The token containing byte `b` of the original text.
    pub fn token_at(&self, b: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end <= b);
        (i < self.tokens.len() && self.tokens[i].start <= b).then_some(i)
    }
}

/// Moves `end` past combining marks and tatweel, which belong to the letter before them.
fn extend_over_marks(text: &str, mut end: usize) -> usize {
    for c in text[end..].chars() {
        if !c.is_ascii() && (unicode::is_combining_mark(c) || c == '\u{0640}') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn script_of(c: char) -> Script {
    if c.is_ascii_digit() {
        Script::Digit
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) || ('\u{08A0}'..='\u{08FF}').contains(&c) || ('\u{FB50}'..='\u{FEFC}').contains(&c) {
        Script::Arabic
    } else if c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)) {
        Script::Latin
    } else {
        Script::Other
    }
}

/// `char::is_alphanumeric`, answered from a table for the Arabic block: Unicode's general
/// lookup was a tenth of an Arabic article's analysis. Bit `c - U+0600` is set for the
/// letters and digits of U+0600..U+06FF (checked against the standard library in a test).
const ARABIC_ALPHANUMERIC: [u64; 4] = [0xffffffff07ff0000, 0xffffc3fffeffffff, 0xffffffffffffffff, 0x9fffe1fe1fefffff];

/// Letters and digits, which make up words (see [`ARABIC_ALPHANUMERIC`]).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        arabic_block_alphanumeric(c as u32)
    } else {
        c.is_alphanumeric()
    }
}

/// [`is_alphanumeric`] of a code point of the Arabic block (U+0600..U+06FF).
#[inline]
fn arabic_block_alphanumeric(c: u32) -> bool {
    let bit = (c - 0x600) as usize;
    ARABIC_ALPHANUMERIC[bit / 64] >> (bit % 64) & 1 == 1
}

/// Words are runs of letters and digits in the folded text; an apostrophe or hyphen between
/// letters stays inside a word (O'Brien, al-Sisi, Secretary-General) except for the English
/// possessive 's, which is split off so that "Putin's" yields the token "putin".
///
/// Works on byte positions of the folded text, decoding characters where it looks: a vector
/// of every character and its position cost sixteen bytes per character.
fn tokenize(folded: &str, origin: &[u32], text: &str) -> Vec<Token> {
    let bytes = folded.as_bytes();
    let at = |p: usize| match bytes.get(p) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => folded.get(p..).and_then(|s| s.chars().next()),
        None => None,
    };
    let mut tokens = Vec::with_capacity(folded.len() / 4);
    let orig_end = |fend: usize| -> usize {
        if fend == 0 {
            return 0;
        }
        let last = origin[fend - 1] as usize;
        // The character's length from its first byte; then marks can follow it only when a
        // character that is not ASCII does (the common case, a space or a letter of the same
        // word, needs no decoding).
        let lead = text.as_bytes()[last];
        let end = last + if lead < 0x80 { 1 } else { (lead.leading_ones() as usize).clamp(2, 4) };
        match text.as_bytes().get(end) {
            Some(b) if b.is_ascii() => end,
            None => end,
            _ => extend_over_marks(text, end),
        }
    };
    let mut fs = 0;
    while let Some(c) = at(fs) {
        if is_alphanumeric(c) {
            let mut fe = fs + c.len_utf8();
            loop {
                // The common letters a byte or two at a time, without decoding a character:
                // ASCII letters and digits, and the letters of the Arabic block (two bytes, the
                // first D8..DB). Anything else takes the general way below.
                match bytes.get(fe..) {
                    Some(&[b, ..]) if b.is_ascii_alphanumeric() => {
                        fe += 1;
                        continue;
                    }
                    Some(&[lead @ 0xD8..=0xDB, next, ..]) => {
                        if !arabic_block_alphanumeric(fold::two_byte_code_point(lead, next)) || ends_an_arabic_word(bytes, fe, text, origin) {
                            // Neither a letter nor a digit (nor an apostrophe or a hyphen, which
                            // are ASCII), or a letter after one that ends a word.
                            break;
                        }
                        fe += 2;
                        continue;
                    }
                    _ => {}
                }
                let Some(d) = at(fe) else { break };
                if is_alphanumeric(d) {
                    // "شديدةودافع": ta marbuta and alef maqsura only end an Arabic word, so a
                    // letter after one starts the next (a heading glued to its paragraph).
                    if !d.is_ascii() && ends_an_arabic_word(bytes, fe, text, origin) {
                        break;
                    }
                    fe += d.len_utf8();
                } else if (d == '\'' || d == '-') && at(fe + 1).is_some_and(is_alphanumeric) {
                    // Both marks are one byte long.
                    let possessive = d == '\'' && at(fe + 1) == Some('s') && at(fe + 2).is_none_or(|e| !is_alphanumeric(e));
                    if possessive {
                        break;
                    }
                    fe += 1;
                } else {
                    break;
                }
            }
            let start = origin[fs] as usize;
            let (upper, lower) = case_of(text[start..].chars().next());
            tokens.push(Token { start, end: orig_end(fe), fstart: fs, fend: fe, is_word: true, script: script_of(c), upper, lower });
            fs = fe;
        } else {
            let fe = fs + c.len_utf8();
            if !c.is_whitespace() {
                let start = origin[fs] as usize;
                let (upper, lower) = case_of(text[start..].chars().next());
                tokens.push(Token { start, end: orig_end(fe), fstart: fs, fend: fe, is_word: false, script: Script::Other, upper, lower });
            }
            fs = fe;
        }
    }
    tokens
}

/// Whether a token's first character is a capital letter, and whether it is a lowercase one
/// (`char::is_uppercase`, `char::is_lowercase`), without Unicode's tables for ASCII and for
/// the Arabic block, which has no case (checked in a test).
fn case_of(first: Option<char>) -> (bool, bool) {
    match first {
        Some(c) if c.is_ascii() => (c.is_ascii_uppercase(), c.is_ascii_lowercase()),
        Some('\u{0600}'..='\u{06FF}') | None => (false, false),
        Some(c) => (c.is_uppercase(), c.is_lowercase()),
    }
}

/// Whether the folded character that ends at byte `fe` was written as one that only ends an
/// Arabic word (ة، ى). They fold to ه and ي: only after those is the original looked at (this
/// runs for every Arabic letter of an article).
#[inline]
fn ends_an_arabic_word(folded: &[u8], fe: usize, text: &str, origin: &[u32]) -> bool {
    // ه is D9 87 and ي D9 8A.
    matches!(folded.get(fe.wrapping_sub(2)..fe), Some(&[0xD9, 0x87 | 0x8A])) && written_as_word_end(fe, text, origin)
}

/// The second half of [`ends_an_arabic_word`], after a folded ه or ي.
fn written_as_word_end(fe: usize, text: &str, origin: &[u32]) -> bool {
    let at = origin[fe - 1] as usize;
    text.get(at..).and_then(|s| s.chars().next()).is_some_and(|c| matches!(c, 'ة' | 'ى'))
}

/// Converts byte offsets of the input to UTF-16 code-unit offsets (the output contract's unit).
pub(crate) struct Utf16Offsets {
    /// UTF-16 offset of every char boundary, indexed by byte; non-boundaries hold the next one.
    table: Vec<u32>,
}

impl Utf16Offsets {
    pub fn new(text: &str) -> Self {
        // Without decoding characters: a byte that is no continuation byte starts a
        // character, of two UTF-16 units when it is the first of four bytes. Eight bytes at a
        // time where they are ASCII (most of a Latin text): eight characters of one unit each.
        const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
        // A byte's offset is that of the units before it; a byte that starts a character then
        // adds its units (none for a continuation byte, whose offset is so the next
        // character's), without a branch.
        fn one_by_one(bytes: &[u8], next: &mut u32, table: &mut Vec<u32>) {
            table.extend(bytes.iter().map(|&b| {
                let here = *next;
                *next += u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0);
                here
            }));
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut next = 0u32;
        let mut blocks = text.as_bytes().chunks_exact(8);
        for block in blocks.by_ref() {
            if u64::from_le_bytes(block.try_into().expect("eight bytes")) & HIGH_BITS == 0 {
                table.extend(next..next + 8);
                next += 8;
            } else {
                one_by_one(block, &mut next, &mut table);
            }
        }
        one_by_one(blocks.remainder(), &mut next, &mut table);
        table.push(next);
        Utf16Offsets { table }
    }

    pub fn at(&self, byte: usize) -> usize {
        self.table[byte.min(self.table.len() - 1)] as usize
    }

    pub fn span(&self, r: Range<usize>) -> [usize; 2] {
        [self.at(r.start), self.at(r.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_slice(text: &str, span: [usize; 2]) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[span[0]..span[1]]).unwrap()
    }

    #[test]
    fn tokens_map_back_to_original_text() {
        let cases = [
            ("arabic with tashkeel", "قالَ بوتينُ إنّ", vec!["قالَ", "بوتينُ", "إنّ"]),
            ("english possessive", "Putin's demand", vec!["Putin", "'", "s", "demand"]),
            ("hyphenated name", "al-Sisi met Secretary-General Guterres.", vec!["al-Sisi", "met", "Secretary-General", "Guterres", "."]),
            ("emoji between words", "Trump 🇺🇸 said", vec!["Trump", "🇺", "🇸", "said"]),
            ("combining marks in latin", "Erdog\u{0306}an said", vec!["Erdog\u{0306}an", "said"]),
        ];
        for (name, text, expected) in cases {
            let doc = Document::new(text);
            let got: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.otok(i)).collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn blocks_copied_fold_as_each_character_alone() {
        let texts = [
            "قالَ الرئيسُ إنّ الاتفاقَ ممكنٌ؛ وأكّد أنّ المؤتمر سيُعقد في آذار — Trump said “yes”, ﻻ ﷲ ١٢٣ 🇺🇸 ئؤإأآة ى",
            "بيانات وزارة الخارجية الأمريكية ابتثجحخدذرزسشصضطظعغفقكلمنهوي ـ ۀ ڤ",
            "A long run of ASCII words, then عربية بلا تشكيل, then É and ß again.",
        ];
        for text in texts {
            let (mut folded, mut origin) = (String::new(), Vec::new());
            for (i, c) in text.char_indices() {
                fold::fold_char(c, &mut folded);
                origin.resize(folded.len(), i as u32);
            }
            let doc = Document::new(text);
            assert_eq!(doc.folded, folded, "{text}");
            assert_eq!(doc.fold_origin, origin, "{text}");
        }
    }

    #[test]
    fn each_folded_token_is_a_checked_slice_of_the_folded_text() {
        // Folding that changes byte lengths (ligatures, presentation forms, ẞ, İ, combining
        // marks), emoji, bidi controls, a lone tatweel, text ending inside a word.
        let text = "ﻻ ﷲ قالَ بوتينُ إنّ ـ Straße İstanbul \u{200F}Trump 🇺🇸 said Erdog\u{0306}an ﬁnal لاٴ ABC";
        let doc = Document::new(text);
        assert!(doc.tokens().len() > 10);
        for (i, t) in doc.tokens().iter().enumerate() {
            assert_eq!(doc.ftok(i), &doc.folded()[t.fstart..t.fend], "token {i}");
        }
    }

    #[test]
    fn words_read_byte_by_byte_are_those_read_character_by_character() {
        // The tokenizer's word loop before its byte-wise fast paths, kept here as the
        // reference: every character decoded, every end looked for marks.
        fn reference(folded: &str, origin: &[u32], text: &str) -> Vec<(usize, usize, usize, usize, bool)> {
            let at = |p: usize| folded.get(p..).and_then(|s| s.chars().next());
            let orig_end = |fend: usize| {
                let last = origin[fend - 1] as usize;
                extend_over_marks(text, last + text[last..].chars().next().map_or(0, char::len_utf8))
            };
            let (mut out, mut fs) = (Vec::new(), 0);
            while let Some(c) = at(fs) {
                let mut fe = fs + c.len_utf8();
                if is_alphanumeric(c) {
                    while let Some(d) = at(fe) {
                        if is_alphanumeric(d) {
                            if !d.is_ascii() && ends_an_arabic_word(folded.as_bytes(), fe, text, origin) {
                                break;
                            }
                            fe += d.len_utf8();
                        } else if (d == '\'' || d == '-') && at(fe + 1).is_some_and(is_alphanumeric) {
                            if d == '\'' && at(fe + 1) == Some('s') && at(fe + 2).is_none_or(|e| !is_alphanumeric(e)) {
                                break;
                            }
                            fe += 1;
                        } else {
                            break;
                        }
                    }
                    out.push((origin[fs] as usize, orig_end(fe), fs, fe, true));
                } else if !c.is_whitespace() {
                    out.push((origin[fs] as usize, orig_end(fe), fs, fe, false));
                }
                fs = fe;
            }
            out
        }
        for text in [
            "وقال الرئيسُ المصريّ عبد الفتاح السيسي، إنّ القاهرة ترفض ـ الخطةَ.",
            "أزمة شديدةودافع الوزير حتىالآن وTrump و٢٠٢٥ و2025م",
            "Putin's aide O'Brien met al-Sisi's Secretary-General; the U.S.-led talks' end.",
            "café naïve Ωmega 😀 emoji 👍🏽 x\u{200F}y مرحبا\u{064B}\u{0651}.",
            "آخر إعلان ى ة ؟ ، ؛ ٪ ۝ ٠١٢ ڤ پ گ",
            "word",
            "ا",
            "",
        ] {
            let doc = Document::new(text);
            let got: Vec<_> = doc.tokens.iter().map(|t| (t.start, t.end, t.fstart, t.fend, t.is_word)).collect();
            assert_eq!(got, reference(&doc.folded, &doc.fold_origin, text), "{text}");
        }
    }

    #[test]
    fn a_letter_after_ta_marbuta_starts_a_word() {
        let doc = Document::new("أزمة شديدةودافع الوزير حتىالآن");
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.otok(i)).collect();
        assert_eq!(words, ["أزمة", "شديدة", "ودافع", "الوزير", "حتى", "الآن"]);
    }

    #[test]
    fn alphanumeric_table_agrees_with_the_standard_library() {
        for c in ('\u{0}'..='\u{0800}').chain(['\u{FB50}', '\u{FEFC}', '\u{1E00}', '\u{10000}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn case_of_agrees_with_the_standard_library() {
        for c in ('\u{0}'..='\u{2000}').chain(['\u{2160}', '\u{24B6}', '\u{1E9E}', '\u{FB50}', '\u{10400}']) {
            assert_eq!(case_of(Some(c)), (c.is_uppercase(), c.is_lowercase()), "U+{:04X}", c as u32);
        }
        assert_eq!(case_of(None), (false, false));
    }

    #[test]
    fn utf16_offsets_of_every_byte() {
        // Short texts, and long ones whose blocks of eight bytes are all ASCII, mixed, or
        // cut through a character, at every alignment.
        let long = "Putin’s envoy 🇺🇸 said — «بوتين» agreed; e\u{0301} and plain ASCII words here.";
        let mut texts = vec!["a🇺é\u{0301}ب€\u{10FFFF}z".to_string(), String::new(), "x".repeat(17)];
        texts.extend((0..8).map(|pad| format!("{}{long}{long}", "-".repeat(pad))));
        for text in &texts {
            let map = Utf16Offsets::new(text);
            let mut units = 0;
            for (i, c) in text.char_indices() {
                assert_eq!(map.at(i), units, "start of {c:?} in {text:?}");
                units += c.len_utf16();
                for inside in i + 1..i + c.len_utf8() {
                    assert_eq!(map.at(inside), units, "inside {c:?} in {text:?}");
                }
            }
            assert_eq!(map.at(text.len()), units);
        }
    }

    #[test]
    fn utf16_offsets_slice_back() {
        let text = "🇺🇸 Trump: «بوتين» e\u{0301}";
        let doc = Document::new(text);
        let map = Utf16Offsets::new(text);
        for t in &doc.tokens {
            let span = map.span(t.start..t.end);
            assert_eq!(utf16_slice(text, span), &text[t.start..t.end]);
        }
        assert_eq!(map.at(text.len()), text.encode_utf16().count());
    }

    #[test]
    fn folded_range_keeps_trailing_tashkeel() {
        let text = "وبوتينُ قال";
        let doc = Document::new(text);
        let f = doc.folded.find("بوتين").unwrap();
        let r = doc.original_range(f..f + "بوتين".len());
        assert_eq!(&text[r], "بوتينُ");
    }
}
