//! Benchmark inputs, generated at bench time from the project's own example articles
//! (`tests/articles/*.txt`, always present) and, when present, the dev-set articles
//! (`../shared/eval/dev/cases.jsonl`): the articles of one language one after another, over
//! and over, until the text has the wanted size. No large file is committed.

use std::path::Path;

/// The input sizes: 1k words, 10k words, 1 MB.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Size {
    Words1k,
    Words10k,
    Mb1,
}

impl Size {
    pub const ALL: [Size; 3] = [Size::Words1k, Size::Words10k, Size::Mb1];

    pub fn label(self) -> &'static str {
        match self {
            Size::Words1k => "1k words",
            Size::Words10k => "10k words",
            Size::Mb1 => "1 MB",
        }
    }
}

/// One benchmark input.
pub struct Input {
    pub lang: &'static str,
    pub size: Size,
    pub text: String,
}

impl Input {
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// The articles of `lang` ("ar" or "en"): example articles by file-name prefix, dev cases by
/// their `lang` field. Prints a note when the dev set is absent.
pub fn articles(lang: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(root.join("tests/articles"))
        .expect("tests/articles")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&format!("{lang}-")) && n.ends_with(".txt")))
        .collect();
    paths.sort();
    let mut out: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).expect("UTF-8 article")).collect();
    let cases = root.join("../shared/eval/dev/cases.jsonl");
    match std::fs::read_to_string(&cases) {
        Ok(lines) => {
            for line in lines.lines().filter(|l| !l.trim().is_empty()) {
                let case: serde_json::Value = serde_json::from_str(line).expect("cases.jsonl: one JSON object a line");
                if case["lang"].as_str() == Some(lang) {
                    if let Some(text) = case["text"].as_str() {
                        out.push(text.to_string());
                    }
                }
            }
        }
        Err(_) => {
            static NOTE: std::sync::Once = std::sync::Once::new();
            NOTE.call_once(|| eprintln!("note: {} absent; inputs made from tests/articles only", cases.display()));
        }
    }
    out
}

/// The articles of `lang` repeated until `size`, cut at the first whitespace after it.
pub fn input(lang: &'static str, size: Size) -> Input {
    let unit = articles(lang).join("\n\n") + "\n\n";
    let big_enough = |t: &str| match size {
        Size::Words1k => t.split_whitespace().count() >= 1_000,
        Size::Words10k => t.split_whitespace().count() >= 10_000,
        Size::Mb1 => t.len() >= 1_000_000,
    };
    let mut text = String::new();
    while !big_enough(&text) {
        text.push_str(&unit);
    }
    // Cut just after the wanted size: after the 1000th / 10000th word, or the first word
    // ending past 1 MB.
    let cut = match size {
        Size::Mb1 => {
            let from = (1_000_000..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            text[from..].find(char::is_whitespace).map_or(text.len(), |i| from + i)
        }
        Size::Words1k | Size::Words10k => {
            let n = if size == Size::Words1k { 1_000 } else { 10_000 };
            let mut words = 0;
            let mut in_word = false;
            let mut cut = text.len();
            for (i, c) in text.char_indices() {
                if c.is_whitespace() {
                    if in_word {
                        words += 1;
                        if words == n {
                            cut = i;
                            break;
                        }
                    }
                    in_word = false;
                } else {
                    in_word = true;
                }
            }
            cut
        }
    };
    text.truncate(cut);
    Input { lang, size, text }
}

/// All inputs: ar and en at each size (only the smallest when `quick`).
pub fn all(quick: bool) -> Vec<Input> {
    let sizes: &[Size] = if quick { &[Size::Words1k] } else { &Size::ALL };
    ["ar", "en"].iter().flat_map(|&lang| sizes.iter().map(move |&s| input(lang, s))).collect()
}

/// `cargo bench` passes `--bench`; `cargo test --all-targets` runs bench targets without it,
/// as a smoke test, for which the smallest inputs suffice.
pub fn quick() -> bool {
    !std::env::args().any(|a| a == "--bench")
}
