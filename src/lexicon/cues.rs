//! Stance cues: the verbs (and their inflections) whose subject takes a position, read from
//! `data/lexicon/cues_ar.tsv` and `cues_en.tsv`.
//!
//! Arabic rows give the 3rd person masculine singular perfect, imperfect and active participle;
//! the regular inflections are generated here (perfect: ـت، ـوا، ـتا، ـن; imperfect: ي/ت/ن/أ
//! prefixes with ـون، ـان، ـن; participle as a circumstantial accusative or predicate: ـا، ـة،
//! ـين، ـون), and irregular ones (weak verbs such as دعا، نفى) are listed in `extra`.
//! English rows give a lemma; regular -s/-ed/-ing forms are generated unless `forms` lists them.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::lexicon::tsv::{field, variants, Tsv};
use crate::model::Stance;
use crate::text::fold_str;

const CUES_AR: &str = include_str!("../../data/lexicon/cues_ar.tsv");
const CUES_EN: &str = include_str!("../../data/lexicon/cues_en.tsv");

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cue {
    pub stance: Stance,
    /// Reported-speech verbs take a whole proposition (to the sentence end); others an object
    /// (to the clause end).
    pub speech: bool,
    /// Folded particles that may introduce the object (إلى، على / for, to, that).
    pub particles: Vec<String>,
    /// For English multiword cues, the folded words after the first ("for" in "called for").
    pub rest: Vec<String>,
    /// The form is a participle (Arabic ḥāl: مؤكداً), whose subject is the clause's subject.
    pub participle: bool,
    /// The verb is a cue only where it reports words (a complementiser, a colon or a
    /// quotation follows): وتابع: «…» but تابع الملف, "believed that …" but "believed missing".
    /// `report` in the `speech` column.
    pub reports_only: bool,
}

pub(crate) struct Cues {
    pub arabic: HashMap<String, Cue>,
    /// First folded word → candidates (multiword ones first).
    pub english: HashMap<String, Vec<Cue>>,
    /// Verbal nouns whose genitive is the holder: إصرار إسرائيل على …، مطلب الحركة بـ …
    pub arabic_nouns: HashMap<String, Cue>,
    /// Nouns after a possessive holder: Spain's refusal to …, Iran's demand for …
    pub english_nouns: HashMap<String, Cue>,
}

impl Cues {
    pub fn builtin() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| {
            let (ar, en) = (Tsv::parse(CUES_AR), Tsv::parse(CUES_EN));
            Cues { arabic: arabic(&ar), english: english(&en), arabic_nouns: nouns(&ar, "masdar"), english_nouns: nouns(&en, "nouns") }
        })
    }
}

impl Cues {
    /// The English cue at a word, when the words after it (`next(1)`, `next(2)`, …) complete
    /// it: "made it clear" is a cue, "made him" is not.
    pub fn english_at<'w>(&self, word: &str, next: impl Fn(usize) -> Option<&'w str>) -> Option<&Cue> {
        self.english.get(word)?.iter().find(|c| c.rest.iter().enumerate().all(|(n, w)| next(n + 1) == Some(w.as_str())))
    }
}

/// The stance column's value (a name the JSON output uses); a blank is a plain statement. A
/// test keeps every value in the files a known name. Not read with serde: its deserialiser
/// and error messages would be linked into the web module for this alone (13.7 KB gzip).
fn stance(s: &str) -> Stance {
    Stance::from_name(s).unwrap_or(Stance::States)
}

fn arabic(t: &Tsv) -> HashMap<String, Cue> {
    let (perf, imperf, part, extra, particle, st, speech) = (
        t.column("perfect"), t.column("imperfect"), t.column("participle"), t.column("extra"),
        t.column("particle"), t.column("stance"), t.column("speech"),
    );
    let mut map = HashMap::default();
    for row in &t.rows {
        let cue = |participle| Cue {
            stance: stance(field(row, st)),
            speech: matches!(field(row, speech), "yes" | "report"),
            particles: variants(field(row, particle)).map(fold_str).collect(),
            rest: vec![],
            participle,
            reports_only: field(row, speech) == "report",
        };
        let mut add = |form: String, participle: bool| {
            map.entry(fold_str(&form)).or_insert_with(|| cue(participle));
        };
        for p in variants(field(row, part)) {
            for s in ["ا", "ة", "ين", "ون", "ان"] {
                add(format!("{p}{s}"), true);
            }
        }
        for v in variants(field(row, perf)) {
            for s in ["", "ت", "وا", "تا", "ن"] {
                add(format!("{v}{s}"), false);
            }
        }
        for v in variants(field(row, imperf)) {
            let stem: String = v.chars().skip(1).collect();
            for p in ["ي", "ت", "ن", "أ"] {
                for s in ["", "ون", "ان", "ن"] {
                    add(format!("{p}{stem}{s}"), false);
                }
            }
        }
        for v in variants(field(row, extra)) {
            // Participles: نافيا، داعية، داعين; not a plural perfect (دعوا، نفوا) nor an
            // imperfect (تدعوان). A verbal noun in the accusative (احتجاجاً، تنديداً على …) is
            // circumstantial as a participle is: its holder is the clause's subject.
            let accusative_noun = v.starts_with('ت') && v.chars().count() >= 5 && v.ends_with('ا') && !v.ends_with("وا");
            let participle = accusative_noun || (!v.starts_with(['ي', 'ت']) && ((v.ends_with('ا') && !v.ends_with("وا")) || v.ends_with('ة') || v.ends_with("ين")));
            add(v.to_string(), participle);
        }
    }
    map
}

fn english(t: &Tsv) -> HashMap<String, Vec<Cue>> {
    let (lemma, forms, particle, st, speech) =
        (t.column("lemma"), t.column("forms"), t.column("particle"), t.column("stance"), t.column("speech"));
    let mut map: HashMap<String, Vec<Cue>> = HashMap::default();
    for row in &t.rows {
        let words: Vec<&str> = field(row, lemma).split(' ').collect();
        let (head, rest) = (words[0], &words[1..]);
        let mut heads: Vec<String> = variants(field(row, forms))
            .map(|f| f.split(' ').next().unwrap_or(f).to_string())
            .collect();
        if heads.is_empty() {
            heads = inflect(head);
        }
        heads.push(head.to_string());
        for h in heads {
            let cue = Cue {
                stance: stance(field(row, st)),
                speech: matches!(field(row, speech), "yes" | "report"),
                particles: variants(field(row, particle)).map(fold_str).collect(),
                rest: rest.iter().map(|w| fold_str(w)).collect(),
                participle: false,
                reports_only: field(row, speech) == "report",
            };
            let list = map.entry(fold_str(&h)).or_default();
            if !list.contains(&cue) {
                list.push(cue);
                crate::sort::sort_by_key(list, |c| std::cmp::Reverse(c.rest.len()));
            }
        }
    }
    map
}

/// Noun cues from a column of `|`-separated nouns (Arabic without the article).
fn nouns(t: &Tsv, column: &str) -> HashMap<String, Cue> {
    let (col, particle, st) = (t.column(column), t.column("particle"), t.column("stance"));
    let mut map = HashMap::default();
    for row in &t.rows {
        for v in variants(field(row, col)) {
            map.entry(fold_str(v)).or_insert_with(|| Cue {
                stance: stance(field(row, st)),
                speech: false,
                particles: variants(field(row, particle)).map(fold_str).collect(),
                rest: vec![],
                participle: false,
                reports_only: false,
            });
        }
    }
    map
}

/// Regular English verb forms: 3rd person -s, past -ed, gerund -ing.
fn inflect(lemma: &str) -> Vec<String> {
    let consonant_y = lemma.ends_with('y') && !lemma.ends_with(['a', 'e', 'o', 'u']) && lemma.len() > 2
        && !matches!(lemma.as_bytes()[lemma.len() - 2], b'a' | b'e' | b'o' | b'u');
    let stem = &lemma[..lemma.len() - 1];
    let third = if consonant_y {
        format!("{stem}ies")
    } else if lemma.ends_with(['s', 'x', 'z', 'o']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    let past = if consonant_y {
        format!("{stem}ied")
    } else if lemma.ends_with('e') {
        format!("{lemma}d")
    } else {
        format!("{lemma}ed")
    };
    let gerund = if lemma.ends_with('e') && !lemma.ends_with("ee") { format!("{stem}ing") } else { format!("{lemma}ing") };
    vec![third, past, gerund]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_inflections_are_generated() {
        let cues = Cues::builtin();
        let cases = [
            ("رفضت", Stance::Rejects, false),
            ("يرفضون", Stance::Rejects, false),
            ("تمسكت", Stance::Demands, false),
            ("لوّح", Stance::Threatens, false),
            ("مؤكداً", Stance::States, true),
            ("دعت", Stance::Demands, false),
            ("يدعو", Stance::Demands, false),
            ("عارضاً", Stance::Proposes, true),
            ("يعارض", Stance::Opposes, false),
            ("داعية", Stance::Demands, true),
            ("دعوا", Stance::Demands, false),
        ];
        for (form, stance, participle) in cases {
            let cue = cues.arabic.get(&fold_str(form)).unwrap_or_else(|| panic!("{form} missing"));
            assert_eq!((cue.stance, cue.participle), (stance, participle), "{form}");
        }
    }

    #[test]
    fn every_stance_in_the_files_is_a_known_name() {
        for (file, text) in [("cues_ar.tsv", CUES_AR), ("cues_en.tsv", CUES_EN)] {
            let t = Tsv::parse(text);
            let column = t.column("stance");
            for row in &t.rows {
                let value = field(row, column);
                assert!(value.is_empty() || Stance::from_name(value).is_some(), "{file}: unknown stance {value:?}");
            }
        }
    }

    #[test]
    fn stance_names_are_those_of_the_json_output() {
        for stance in Stance::ALL {
            assert_eq!(serde_json::to_string(&stance).unwrap(), format!("\"{}\"", stance.name()));
            assert_eq!(Stance::from_name(stance.name()), Some(stance));
        }
    }

    #[test]
    fn english_inflections_are_generated() {
        assert_eq!(inflect("deny"), ["denies", "denied", "denying"]);
        assert_eq!(inflect("urge"), ["urges", "urged", "urging"]);
        assert_eq!(inflect("warn"), ["warns", "warned", "warning"]);
        let cues = Cues::builtin();
        let called = &cues.english["called"];
        assert_eq!(called[0].rest, ["for"]);
        assert_eq!(called[0].stance, Stance::Demands);
        assert!(cues.english.contains_key("said"));
        assert!(cues.english.contains_key("ruled"));
        assert_eq!(cues.english_nouns["refusal"].stance, Stance::Rejects);
        assert_eq!(cues.arabic_nouns[&fold_str("إصرار")].stance, Stance::Demands);
    }
}
