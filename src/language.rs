//! Language of an article: Arabic when Arabic letters dominate; English when Latin letters do
//! and English's most frequent words outnumber those of the other major Latin-script
//! languages (French, Spanish, German, Italian, Portuguese, Dutch, Swedish); otherwise `und`
//! (undetermined).

use crate::mentions::words::{self, class};
use crate::text::{Document, Script};

pub(crate) fn detect(doc: &Document) -> &'static str {
    let (mut arabic, mut latin, mut latin_words, mut english_function, mut other_function) = (0usize, 0usize, 0usize, 0usize, 0usize);
    // The document's word classes: found once for all its tokens, which the later stages ask
    // of anyway.
    let classes = words::classes_of_tokens(doc);
    for (i, t) in doc.tokens().iter().enumerate() {
        if !t.is_word {
            continue;
        }
        // Its characters, counted as the bytes that start one (an inlined loop: the library's
        // count is a call per word).
        let letters = doc.ftok(i).bytes().filter(|&b| b & 0xC0 != 0x80).count();
        match t.script {
            Script::Arabic => arabic += letters,
            Script::Latin => {
                latin += letters;
                latin_words += 1;
                english_function += usize::from(classes.is(i, class!("en.marker")));
                other_function += usize::from(classes.is(i, class!("latin.other_marker")));
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
