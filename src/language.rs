//! Language of an article: Arabic when Arabic letters dominate; English when Latin letters do
//! and English's most frequent words outnumber those of the other major Latin-script
//! languages (French, Spanish, German, Italian, Portuguese, Dutch, Swedish); otherwise `und`
//! (undetermined).

use crate::mentions::words;
use crate::text::{Document, Script};

pub(crate) fn detect(doc: &Document) -> &'static str {
    // The markers are short function words: a longer word is none of them (one look-up saved
    // for most words).
    static LONGEST_MARKER: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let longest = *LONGEST_MARKER.get_or_init(|| {
        words::class("en.marker").iter().chain(words::class("latin.other_marker")).map(String::len).max().unwrap_or(0)
    });
    let (mut arabic, mut latin, mut latin_words, mut english_function, mut other_function) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for (i, t) in doc.tokens.iter().enumerate() {
        if !t.is_word {
            continue;
        }
        let letters = doc.ftok(i).chars().count();
        match t.script {
            Script::Arabic => arabic += letters,
            Script::Latin => {
                latin += letters;
                latin_words += 1;
                if doc.ftok(i).len() <= longest {
                    if words::is("en.marker", doc.ftok(i)) {
                        english_function += 1;
                    }
                    if words::is("latin.other_marker", doc.ftok(i)) {
                        other_function += 1;
                    }
                }
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
