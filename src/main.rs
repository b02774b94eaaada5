//! `stancemap` command line: analyse an article from a file or standard input and print the
//! analysis as JSON (default) or as Markdown tables.

use std::io::Read;
use std::process::ExitCode;

use stancemap::{analyze, Analysis, Options};

const USAGE: &str = "usage: stancemap [--format json|markdown] [--language ar|en] [FILE]
Reads the article from FILE, or from standard input when FILE is absent or '-'.
       stancemap ner-eval [--language ar|en] [--types PER,LOC,ORG,MISC] FILE.conll
Scores the embedded named-entity tagger on a CoNLL file (conlleval semantics); micro-F1
over the given types (default: those the model tags).";

fn main() -> ExitCode {
    let mut format = "json".to_string();
    let mut options = Options::default();
    let mut file: Option<String> = None;
    if std::env::args().nth(1).as_deref() == Some("ner-eval") {
        return ner_eval(std::env::args().skip(2).collect());
    }
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!("stancemap {}", stancemap::VERSION);
                return ExitCode::SUCCESS;
            }
            "--format" | "-f" => format = args.next().unwrap_or_default(),
            "--language" | "-l" => options.language = args.next(),
            a if a.starts_with("--format=") => format = a["--format=".len()..].to_string(),
            a if a.starts_with('-') && a != "-" => return usage_error(&format!("unknown option {a}")),
            _ if file.is_some() => return usage_error("only one input file"),
            _ => file = Some(arg),
        }
    }
    if format != "json" && format != "markdown" {
        return usage_error(&format!("unknown format {format:?} (json or markdown)"));
    }
    let (bytes, source) = match file.as_deref() {
        None | Some("-") => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                return input_error(&format!("cannot read standard input: {e}"));
            }
            (buf, "standard input".to_string())
        }
        Some(path) => match std::fs::read(path) {
            Ok(b) => (b, path.to_string()),
            Err(e) => return input_error(&format!("cannot read {path}: {e}")),
        },
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return input_error(&format!("{source} is not valid UTF-8 text (first invalid byte at offset {at}); convert it to UTF-8 first"));
        }
    };
    // A byte-order mark is not part of the article; offsets stay relative to the text as read
    // by JavaScript, which also drops it when decoding.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    if text.trim().is_empty() {
        eprintln!("stancemap: warning: {source} is empty; nothing to analyse");
    }
    let analysis = analyze(text, &options);
    match format.as_str() {
        "markdown" => print!("{}", markdown(&analysis)),
        _ => match serde_json::to_string(&analysis) {
            Ok(json) => println!("{json}"),
            Err(e) => return input_error(&format!("cannot serialise the analysis: {e}")),
        },
    }
    ExitCode::SUCCESS
}

/// `ner-eval`: per-type P/R/F1 of the embedded tagger on a CoNLL file, then
/// `micro-F1=XX.XX`. The language is taken from the file's script unless given; types the
/// model does not know (MISC for English, trained on WikiANN) are shown but not scored.
fn ner_eval(args: Vec<String>) -> ExitCode {
    let mut language: Option<String> = None;
    let mut types: Option<Vec<usize>> = None;
    let mut file: Option<String> = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--language" | "-l" => language = args.next(),
            "--types" => {
                let list = args.next().unwrap_or_default();
                let parsed: Option<Vec<usize>> = list.split(',').map(|t| stancemap::ner::eval::TYPES.iter().position(|x| *x == t)).collect();
                match parsed {
                    Some(p) if !p.is_empty() => types = Some(p),
                    _ => return usage_error(&format!("--types: a comma-separated list of PER, LOC, ORG, MISC, not {list:?}")),
                }
            }
            a if a.starts_with('-') => return usage_error(&format!("unknown option {a}")),
            _ if file.is_some() => return usage_error("only one input file"),
            _ => file = Some(arg),
        }
    }
    let Some(path) = file else { return usage_error("ner-eval needs a CoNLL file") };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => return input_error(&format!("cannot read {path}: {e}")),
    };
    let sentences = match stancemap::ner::conll::parse(&text) {
        Ok(s) => s,
        Err(e) => return input_error(&format!("{path}: {e}")),
    };
    let language = language.unwrap_or_else(|| {
        let arabic = text.chars().filter(|c| ('\u{0600}'..='\u{06FF}').contains(c)).count();
        let latin = text.chars().filter(char::is_ascii_alphabetic).count();
        if arabic > latin { "ar" } else { "en" }.to_string()
    });
    let Some(tagger) = stancemap::ner::Tagger::for_language(&language) else {
        return usage_error(&format!("no NER model for language {language:?} (ar or en)"));
    };
    // The file is read as one stream of text, as ANERcorp is (articles without marks), so the
    // document hints see the neighbouring sentences.
    let mut scores = stancemap::ner::eval::Scores::default();
    let tokens: Vec<&[String]> = sentences.iter().map(|s| s.tokens.as_slice()).collect();
    for (s, tags) in sentences.iter().zip(tagger.tag_document_bio(&tokens)) {
        scores.add(&s.tags, &tags);
    }
    let types = types.unwrap_or_else(|| if tagger.knows_misc() { vec![0, 1, 2, 3] } else { vec![0, 1, 2] });
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    println!("{path}: {} sentences, {tokens} tokens, language {language}", sentences.len());
    print!("{}", scores.report(&types));
    ExitCode::SUCCESS
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("stancemap: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn input_error(msg: &str) -> ExitCode {
    eprintln!("stancemap: {msg}");
    ExitCode::from(2)
}

/// Markdown: the actors, the positions and the comparison table.
fn markdown(a: &Analysis) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let name_of = |id: &str| a.actors.iter().find(|x| x.id == id).map_or(id.to_string(), |x| x.name.clone());
    let mut out = String::new();
    out.push_str("## Actors\n\n| Actor | Kind | Role | Mentions | Salience |\n|---|---|---|---|---|\n");
    for x in &a.actors {
        let kind = serde_json::to_value(x.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        out.push_str(&format!("| {} | {} | {} | {} | {:.2} |\n", cell(&x.name), kind, cell(x.role.as_deref().unwrap_or("")), x.mentions.len(), x.salience));
    }
    out.push_str("\n## Positions\n\n| Actor | Stance | Position |\n|---|---|---|\n");
    for p in &a.positions {
        let stance = serde_json::to_value(p.stance).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        out.push_str(&format!("| {} | {} | {} |\n", cell(&name_of(&p.actor)), stance, cell(&p.text)));
    }
    let t = &a.table;
    let source = if t.source == stancemap::TableSource::Explicit { "explicit" } else { "derived" };
    out.push_str(&format!("\n## Comparison ({source})\n\n"));
    if t.columns.is_empty() {
        out.push_str("No comparison: no actor holds a position.\n");
        return out;
    }
    let label = t.aspect_label.clone().unwrap_or_default();
    out.push_str(&format!("| {} |", cell(&label)));
    for h in &t.headers {
        out.push_str(&format!(" {} |", cell(h)));
    }
    out.push_str(&format!("\n|---|{}\n", "---|".repeat(t.headers.len())));
    for r in &t.rows {
        out.push_str(&format!("| {} |", cell(&r.aspect)));
        for c in &r.cells {
            out.push_str(&format!(" {} |", cell(c)));
        }
        out.push('\n');
    }
    out
}
