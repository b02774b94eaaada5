//! `stancemap ner-eval`: per-type P/R/F1 of the embedded tagger on a CoNLL file, then
//! `micro-F1=XX.XX`. The language is taken from the file's script unless given; types the
//! model does not know (MISC for English, trained on WikiANN) are shown but not scored.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::{input_error, Language};

/// Scores the embedded named-entity tagger on a CoNLL file (conlleval semantics); micro-F1
/// over the given types (default: those the model tags).
#[derive(clap::Args, Debug)]
pub struct NerEvalArgs {
    /// The model of this language (default: the file's script decides).
    #[arg(short, long, value_enum)]
    language: Option<Language>,
    /// Comma-separated entity types to score: PER, LOC, ORG, MISC.
    #[arg(long, value_delimiter = ',', value_parser = entity_type)]
    types: Vec<usize>,
    /// The CoNLL file (token and tag per line, blank line between sentences).
    file: PathBuf,
}

fn entity_type(name: &str) -> Result<usize, String> {
    stancemap::ner::eval::TYPES.iter().position(|t| *t == name).ok_or_else(|| format!("{name:?} is not one of PER, LOC, ORG, MISC"))
}

pub fn run(args: NerEvalArgs) -> ExitCode {
    let path = args.file.display().to_string();
    let text = match std::fs::read_to_string(&args.file) {
        Ok(t) => t,
        Err(e) => return input_error(&format!("cannot read {path}: {e}")),
    };
    let sentences = match stancemap::ner::conll::parse(&text) {
        Ok(s) => s,
        Err(e) => return input_error(&format!("{path}: {e}")),
    };
    let language = match args.language {
        Some(l) => l.code(),
        None => {
            let arabic = text.chars().filter(|c| ('\u{0600}'..='\u{06FF}').contains(c)).count();
            let latin = text.chars().filter(char::is_ascii_alphabetic).count();
            if arabic > latin { "ar" } else { "en" }
        }
    };
    let Some(tagger) = stancemap::ner::Tagger::for_language(language) else {
        return input_error(&format!("no NER model for language {language:?} (ar or en)"));
    };
    // The file is read as one stream of text, as ANERcorp is (articles without marks), so the
    // document hints see the neighbouring sentences.
    let mut scores = stancemap::ner::eval::Scores::default();
    let tokens: Vec<&[String]> = sentences.iter().map(|s| s.tokens.as_slice()).collect();
    for (s, tags) in sentences.iter().zip(tagger.tag_document_bio(&tokens)) {
        scores.add(&s.tags, &tags);
    }
    let types = if !args.types.is_empty() {
        args.types
    } else if tagger.knows_misc() {
        vec![0, 1, 2, 3]
    } else {
        vec![0, 1, 2]
    };
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    println!("{path}: {} sentences, {tokens} tokens, language {language}", sentences.len());
    print!("{}", scores.report(&types));
    ExitCode::SUCCESS
}
