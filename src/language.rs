//! Language of an article: Arabic when Arabic letters dominate; English when Latin letters do
//! and English's most frequent words outnumber those of the other major Latin-script
//! languages (French, Spanish, German, Italian, Portuguese, Dutch, Swedish); otherwise `und`
//! (undetermined).

use crate::mentions::words::{self, class};
use crate::text::{Document, Script};

/// The marker words, short function words, each packed into an integer, sorted: a binary
/// search among a few dozen integers per Latin word instead of two hash look-ups.
struct Markers {
    english: Vec<u64>,
    other: Vec<u64>,
}

/// A word of at most eight bytes as an integer (words hold no NUL byte, so no two collide).
fn pack(word: &str) -> Option<u64> {
    (word.len() <= 8).then(|| word.bytes().fold(0, |n, b| n << 8 | u64::from(b)))
}

/// `None` if a marker is too long to pack (then the word classes are asked directly).
fn markers() -> Option<&'static Markers> {
    static MARKERS: std::sync::OnceLock<Option<Markers>> = std::sync::OnceLock::new();
    MARKERS
        .get_or_init(|| {
            let packed = |class: words::Class| -> Option<Vec<u64>> {
                let mut v = words::members(class).iter().map(|w| pack(w)).collect::<Option<Vec<u64>>>()?;
                crate::sort::sort(&mut v);
                Some(v)
            };
            Some(Markers { english: packed(class!("en.marker"))?, other: packed(class!("latin.other_marker"))? })
        })
        .as_ref()
}

/// (English marker, other language's marker) for a Latin word.
fn marker(word: &str) -> (bool, bool) {
    match markers() {
        Some(m) => pack(word).map_or((false, false), |n| (m.english.binary_search(&n).is_ok(), m.other.binary_search(&n).is_ok())),
        None => (words::is(class!("en.marker"), word), words::is(class!("latin.other_marker"), word)),
    }
}

pub(crate) fn detect(doc: &Document) -> &'static str {
    let (mut arabic, mut latin, mut latin_words, mut english_function, mut other_function) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for (i, t) in doc.tokens().iter().enumerate() {
        if !t.is_word {
            continue;
        }
        let letters = doc.ftok(i).chars().count();
        match t.script {
            Script::Arabic => arabic += letters,
            Script::Latin => {
                latin += letters;
                latin_words += 1;
                let (english, other) = marker(doc.ftok(i));
                english_function += usize::from(english);
                other_function += usize::from(other);
            }
            _ => {}
        }
    }
    if arabic == 0 && latin == 0 {
        "und"
    } else if arabic >= latin {
        "ar"
    } else if english_function > other_function || (other_function == 0 && latin_words < 12) {
        "en"
    } else {
        "und"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_table() {
        let cases = [
            ("قال الرئيس إن المحادثات مستمرة", "ar"),
            ("The president said talks would continue.", "en"),
            ("Der Präsident sagte, die Gespräche gingen weiter und würden fortgesetzt", "und"),
            ("قال الرئيس Donald Trump إن المحادثات مستمرة في البيت الأبيض", "ar"),
            ("Le président a rencontré le ministre à Paris pour discuter de la guerre", "und"),
            ("Russian President Vladimir Putin rejected the proposal.", "en"),
            ("!!! ... 123", "und"),
            ("", "und"),
        ];
        for (text, want) in cases {
            assert_eq!(detect(&Document::new(text)), want, "{text}");
        }
    }
}
