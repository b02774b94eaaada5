//! Language of an article: Arabic when Arabic letters dominate, English when Latin letters do
//! and English function words occur, otherwise `und` (undetermined).

use crate::mentions::words;
use crate::text::{Document, Script};

pub(crate) fn detect(doc: &Document) -> &'static str {
    let (mut arabic, mut latin, mut latin_words, mut english_function) = (0usize, 0usize, 0usize, 0usize);
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
                if words::is("en.stop", doc.ftok(i)) {
                    english_function += 1;
                }
            }
            _ => {}
        }
    }
    if arabic == 0 && latin == 0 {
        "und"
    } else if arabic >= latin {
        "ar"
    } else if english_function * 20 >= latin_words || latin_words < 5 {
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
            ("!!! ... 123", "und"),
            ("", "und"),
        ];
        for (text, want) in cases {
            assert_eq!(detect(&Document::new(text)), want, "{text}");
        }
    }
}
