//! The embedded NER models scored on the shared corpora (`../shared/data/ner`), with the
//! conlleval semantics of `stancemap ner-eval`. Skipped, visibly, when the corpora are absent.

use std::path::PathBuf;

use stancemap::ner::{conll, eval::Scores, Tagger};

fn corpus(rel: &str) -> Option<Vec<conll::Sentence>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ner").join(rel);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(conll::parse(&text).expect("CoNLL")),
        Err(_) => {
            eprintln!("SKIP: {} is absent", path.display());
            None
        }
    }
}

fn micro_f1(lang: &str, rel: &str, types: &[usize]) -> Option<f64> {
    let sentences = corpus(rel)?;
    let tagger = Tagger::for_language(lang).expect("embedded model");
    let mut scores = Scores::default();
    let tokens: Vec<&[String]> = sentences.iter().map(|s| s.tokens.as_slice()).collect();
    for (s, tags) in sentences.iter().zip(tagger.tag_document_bio(&tokens)) {
        scores.add(&s.tags, &tags);
    }
    let f1 = scores.micro(types).f1();
    eprintln!("{lang} {rel}: micro-F1={f1:.2}");
    Some(f1)
}

/// (language, corpus, scored types, lowest acceptable micro-F1)
const FLOORS: [(&str, &str, &[usize], f64); 4] = [
    ("ar", "anercorp_camel/test_repaired.conll", &[0, 1, 2, 3], 73.0),
    ("ar", "anercorp_camel/test.conll", &[0, 1, 2, 3], 72.0),
    ("en", "wikigold_en/test.conll", &[0, 1, 2], 45.0),
    ("en", "wikiann_en/test.conll", &[0, 1, 2], 70.0),
];

#[test]
fn embedded_models_reach_their_floors() {
    for (lang, rel, types, floor) in FLOORS {
        if let Some(f1) = micro_f1(lang, rel, types) {
            assert!(f1 >= floor, "{lang} {rel}: micro-F1 {f1:.2} < {floor}");
        }
    }
}

#[test]
fn spans_are_well_formed_on_any_tokens() {
    let cases: [&[&str]; 4] = [&[], &[""], &["\u{064B}", "ـ", "\u{200F}"], &["Mr.", "Ban", "Ki-moon", "said", "في", "بيروت"]];
    for lang in ["ar", "en"] {
        let tagger = Tagger::for_language(lang).unwrap();
        for tokens in cases {
            let tags = tagger.tag_bio(tokens);
            assert_eq!(tags.len(), tokens.len());
            for s in tagger.tag(tokens) {
                assert!(s.start < s.end && s.end <= tokens.len());
                assert!((0.5..=1.0).contains(&s.confidence));
            }
        }
    }
}

/// The shipped model files, damaged: a truncated file is refused, and a changed byte gives an
/// error or a model, never a panic (the arithmetic-coded part decodes whatever it is given, so
/// every value it yields must be checked before use).
#[test]
fn damaged_model_files_are_refused_or_read_never_panicked_on() {
    for lang in ["ar", "en"] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/ner").join(format!("{lang}.model"));
        let bytes = std::fs::read(&path).expect("model file");
        assert!(Tagger::from_bytes(&bytes).is_ok(), "{lang}: the file as shipped");
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        for _ in 0..15 {
            let cut = next(bytes.len());
            assert!(Tagger::from_bytes(&bytes[..cut]).is_err(), "{lang}: cut at {cut}");
            let mut changed = bytes.clone();
            let at = next(bytes.len());
            changed[at] ^= 1 << next(8);
            let _ = Tagger::from_bytes(&changed);
        }
    }
}
