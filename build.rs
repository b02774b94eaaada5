//! Validates the lexicon TSV files at build time, so that a malformed entry fails the build
//! with its file and line instead of misbehaving at run time. The files themselves are
//! compiled in with `include_str!` by `src/lexicon` and `src/positions/cues.rs`.

use std::fs;
use std::path::Path;

fn main() {
    let dir = Path::new("data/lexicon");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = fs::read_dir(dir).expect("data/lexicon exists").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "tsv")) {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: not UTF-8 text: {e}", path.display()));
        validate(path, &text);
    }
}

fn validate(path: &Path, text: &str) {
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().unwrap_or_else(|| panic!("{}: empty file", path.display()));
    let columns = header.split('\t').count();
    let mut previous: Option<String> = None;
    for (n, line) in lines {
        let at = format!("{}:{}", path.display(), n + 1);
        assert!(!line.trim().is_empty(), "{at}: blank line");
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), columns, "{at}: {} fields, header has {columns}", fields.len());
        for f in &fields {
            assert_eq!(f.trim(), *f, "{at}: field {f:?} has surrounding spaces");
            assert!(!f.split('|').any(|v| v.trim().is_empty()) || f.is_empty(), "{at}: empty variant in {f:?}");
        }
        let key = fields[0].to_string();
        assert!(!key.is_empty(), "{at}: empty first column");
        if let Some(p) = &previous {
            assert!(p.as_bytes() < key.as_bytes(), "{at}: {key:?} is out of order or repeated (after {p:?})");
        }
        previous = Some(key);
    }
}
