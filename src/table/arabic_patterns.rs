//! Whether a run of Arabic letters is shaped like a word, by the patterns (awzan) of Arabic
//! morphology. An Arabic noun or verbal noun is a root of three consonants poured into a
//! pattern (تفعيل → تدريب، أفعال → أسنان، مفعول → مسقوف), after its proclitics and article
//! and before its ending (ـة، ـات، ـين، the nisba ـي …). Where cells were glued with no
//! separator, a guessed cut that leaves two such words is likelier than one that leaves a
//! shapeless piece (المياه|حفر against الميا|هحفر), and a run that is one such word as a
//! whole (الأنابيب: أفاعيل) was not glued. The patterns and endings are the lists
//! `ar.word_pattern` and `ar.word_ending` of `data/lexicon/table_words.tsv`, written in the
//! grammarians' notation: ف، ع، ل stand for the root's letters, any other letter is itself.
//! (Quadriliteral roots, فعلل, fit any four letters and are left out: a shape that proves
//! nothing.)

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::vocabulary;
use crate::text::arabic;

/// How well a piece is shaped like a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Shape {
    /// Fits no pattern.
    None,
    /// A stem of three letters: فعل fits any, which says little.
    Bare,
    /// A stem of four letters or more fits a pattern with letters of its own.
    Patterned,
}

/// The patterns by length, as folded letters (None for a root slot).
fn patterns() -> &'static FxHashMap<usize, Vec<Vec<Option<char>>>> {
    static PATTERNS: OnceLock<FxHashMap<usize, Vec<Vec<Option<char>>>>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let mut by_len: FxHashMap<usize, Vec<Vec<Option<char>>>> = FxHashMap::default();
        for p in vocabulary::members("ar.word_pattern") {
            let slots: Vec<Option<char>> = p.chars().map(|c| (!matches!(c, 'ف' | 'ع' | 'ل')).then_some(c)).collect();
            by_len.entry(slots.len()).or_default().push(slots);
        }
        by_len
    })
}

fn fits(stem: &[char]) -> Shape {
    if stem.len() == 3 {
        return Shape::Bare;
    }
    let fit = patterns().get(&stem.len()).is_some_and(|ps| ps.iter().any(|p| p.iter().zip(stem).all(|(slot, c)| slot.is_none_or(|l| l == *c))));
    if fit {
        Shape::Patterned
    } else {
        Shape::None
    }
}

/// The best shape of a folded piece, with or without one of its possible endings.
pub(crate) fn shape(folded: &str) -> Shape {
    let bare: Vec<char> = arabic::bare_noun(folded).chars().collect();
    let mut best = fits(&bare);
    for ending in vocabulary::members("ar.word_ending") {
        let ending: Vec<char> = ending.chars().collect();
        if bare.len() >= ending.len() + 3 && bare.ends_with(&ending) {
            best = best.max(fits(&bare[..bare.len() - ending.len()]));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_str;

    #[test]
    fn shapes_table() {
        // Words written for this test, and pieces that glued words leave.
        let cases: &[(&str, Shape)] = &[
            ("حفر", Shape::Bare),
            ("المياه", Shape::Patterned),
            ("تدريب", Shape::Patterned),
            ("الأسواق", Shape::Patterned),
            ("المتجولين", Shape::Patterned),
            ("مسقوف", Shape::Patterned),
            ("طبيبة", Shape::Patterned),
            ("الأنابيب", Shape::Patterned),
            ("هحفر", Shape::None),
            ("أتدريب", Shape::None),
            ("نتاجر", Shape::None),
            ("أسنانتاجر", Shape::None),
        ];
        for (word, want) in cases {
            assert_eq!(shape(&fold_str(word)), *want, "{word}");
        }
    }
}
