//! `stancemap batch` and `stancemap summarize` end to end: an archive of generated articles
//! with bad records injected comes out line for line, in order, with each bad record reported
//! in its place; the same output on one thread or two; folders of .txt files; the summary.

mod common;

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

fn stancemap(args: &[&str], input: &[u8]) -> (i32, Vec<u8>, String) {
    common::run_binary(args, input)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stancemap-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Article `i` of a generated archive: a few sentences from templates in both languages, so
/// that no two neighbours are alike and the analysis has actors and positions to find.
fn article(i: usize) -> (String, &'static str) {
    const EN_PEOPLE: [&str; 4] = ["Russian President Vladimir Putin", "French President Emmanuel Macron", "Egyptian Foreign Minister Sameh Shoukry", "UN Secretary-General Antonio Guterres"];
    const EN_CLAIMS: [&str; 4] = ["the proposal", "the new sanctions", "a ceasefire in the north", "the agreement on grain exports"];
    const EN_VERBS: [&str; 4] = ["rejected", "welcomed", "called for", "warned against"];
    const AR_SENTENCES: [&str; 4] = [
        "قال الرئيس الروسي فلاديمير بوتين إن الحوار ممكن.",
        "وطالبت وزارة الخارجية المصرية بوقف فوري لإطلاق النار.",
        "ورفض الرئيس الفرنسي إيمانويل ماكرون المقترح الجديد.",
        "وحذرت الأمم المتحدة من تدهور الأوضاع الإنسانية.",
    ];
    if i % 3 == 2 {
        let text: Vec<&str> = (0..3).map(|k| AR_SENTENCES[(i + k) % 4]).collect();
        (text.join(" "), "ar")
    } else {
        let text: Vec<String> = (0..3).map(|k| format!("{} {} {}.", EN_PEOPLE[(i + k) % 4], EN_VERBS[(i / 4 + k) % 4], EN_CLAIMS[(i / 16 + k) % 4])).collect();
        (text.join(" "), "en")
    }
}

/// What a bad record at line `n` is, and the reason its error record must give.
fn bad_record(n: usize) -> Option<(Vec<u8>, &'static str)> {
    match n {
        17 => Some((b"{\"id\": \"broken\", \"text\": \"unterminated".to_vec(), "invalid JSON")),
        230 => Some((br#"{"id": "no-text", "body": "Putin rejected the proposal."}"#.to_vec(), "missing \"text\"")),
        499 => Some((b"{\"id\": \"latin1\", \"text\": \"caf\xe9 owners rejected the proposal\"}".to_vec(), "not valid UTF-8")),
        777 => Some((format!("{{\"id\": \"huge\", \"text\": \"{}\"}}", "a ".repeat(5_000_001)).into_bytes(), "over 10 MB")),
        1001 => Some((b"   ".to_vec(), "empty line")),
        1500 => Some((b"[\"an array\"]".to_vec(), "not a JSON object")),
        1999 => Some((br#"{"id": "number", "text": 42}"#.to_vec(), "\"text\" is not a string")),
        _ => None,
    }
}

const LINES: usize = 2000;

fn archive() -> Vec<u8> {
    let mut input = Vec::new();
    for n in 1..=LINES {
        match bad_record(n) {
            Some((bytes, _)) => input.extend_from_slice(&bytes),
            None => {
                let (text, lang) = article(n);
                input.extend_from_slice(json!({"id": format!("art-{n}"), "outlet": "generated", "lang": lang, "text": text}).to_string().as_bytes());
            }
        }
        input.push(b'\n');
    }
    input
}

#[test]
fn every_line_comes_out_in_order_with_bad_records_in_place() {
    let input = archive();
    // A small window, so that order is kept across many windows.
    let (code, out, err) = stancemap(&["batch", "--threads", "2", "--window", "97"], &input);
    assert_eq!(code, 1, "a failed record makes the exit status 1; stderr: {err}");
    assert!(err.contains("7 of 2000 records failed"), "{err}");
    let lines: Vec<Value> = out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).expect("each output line is JSON")).collect();
    assert_eq!(lines.len(), LINES);
    for (i, record) in lines.iter().enumerate() {
        let n = i + 1;
        match bad_record(n) {
            Some((_, reason)) => {
                assert_eq!(record["line"], n, "{record}");
                let error = record["error"].as_str().unwrap_or_else(|| panic!("line {n} is an error record: {record}"));
                assert!(error.starts_with(reason), "line {n}: {error:?} should start with {reason:?}");
                assert!(record.get("analysis").is_none());
            }
            None => {
                assert_eq!(record["id"], format!("art-{n}"), "order kept");
                assert_eq!(record["outlet"], "generated", "other fields passed through");
                assert!(record.get("text").is_none(), "the text is left out unless --keep-text");
                let analysis = &record["analysis"];
                assert_eq!(analysis["language"], record["lang"], "{record}");
                assert!(!analysis["actors"].as_array().unwrap().is_empty(), "line {n}: {record}");
            }
        }
    }
    // The ids that could be read are reported with the error.
    assert_eq!(lines[229]["id"], "no-text");
    assert_eq!(lines[498]["id"], "latin1");
    assert_eq!(lines[1998]["id"], "number");
}

#[test]
fn one_thread_and_two_give_the_same_bytes() {
    let input: Vec<u8> = archive().split(|&b| b == b'\n').take(300).flat_map(|l| l.iter().copied().chain([b'\n'])).collect();
    let (code1, one, _) = stancemap(&["batch", "-j", "1"], &input);
    let (code2, two, _) = stancemap(&["batch", "-j", "2", "--window", "10"], &input);
    assert_eq!((code1, code2), (1, 1));
    assert!(one == two, "output depends on the number of threads");
}

#[test]
fn folders_of_text_files_and_the_summary() {
    let dir = scratch("folders");
    let nested = dir.join("2024/05");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::write(dir.join("a.txt"), "Ukraine demanded a ceasefire. Vladimir Putin rejected the proposal.").unwrap();
    std::fs::write(nested.join("b.txt"), "Putin rejected the proposal again.").unwrap();
    std::fs::write(nested.join("c.txt"), b"Putin \xff rejected").unwrap();
    std::fs::write(nested.join("notes.md"), "not an article").unwrap();
    let out_file = dir.join("out.jsonl");
    let (code, _, err) = stancemap(&["batch", "-o", out_file.to_str().unwrap(), dir.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{err}");
    let out = std::fs::read_to_string(&out_file).unwrap();
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<String> = lines.iter().map(|l| l["id"].as_str().unwrap().to_string()).collect();
    let rel = |p: &Path| p.to_str().unwrap().to_string();
    assert_eq!(ids, [rel(&nested.join("b.txt")), rel(&nested.join("c.txt")), rel(&dir.join("a.txt"))], "every .txt, in path order");
    assert!(lines[1]["error"].as_str().unwrap().starts_with("not valid UTF-8"), "{}", lines[1]);

    let (code, csv, err) = stancemap(&["summarize", "--format", "csv", out_file.to_str().unwrap()], b"");
    assert_eq!(code, 0, "{err}");
    let csv = String::from_utf8(csv).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with("actor,kind,role,articles,positions,supports,opposes"), "{csv}");
    assert_eq!(rows[1], "Vladimir Putin,person,,2,2,0,0,0,0,0,0,0,2,0,0,rejects: the proposal (1) | rejects: the proposal again (1)", "{csv}");
    assert!(err.contains("1 error records"), "{err}");

    let (code, md, _) = stancemap(&["summarize", "--min-articles", "2", out_file.to_str().unwrap()], b"");
    assert_eq!(code, 0);
    let md = String::from_utf8(md).unwrap();
    assert!(md.starts_with("2 articles.") && md.contains("| Vladimir Putin | person |") && !md.contains("Ukraine"), "{md}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_input_is_a_usage_error_and_a_clean_archive_exits_0() {
    let (code, _, err) = stancemap(&["batch", "/nonexistent/archive.jsonl"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("cannot read /nonexistent/archive.jsonl"), "{err}");
    let (code, out, err) = stancemap(&["batch", "--keep-text", "--id-field", "url"], br#"{"url": "https://example.org/1", "text": "Ukraine demanded a ceasefire."}"#);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["id"], "https://example.org/1");
    assert_eq!(v["text"], "Ukraine demanded a ceasefire.");
    assert!(err.is_empty(), "quiet when stderr is not a terminal: {err}");
}

#[test]
fn an_output_of_dash_is_standard_output() {
    let record = br#"{"id": "1", "text": "Vladimir Putin rejected the proposal."}"#;
    let (code, out, err) = stancemap(&["batch", "-o", "-", "-"], record);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_slice(&out).expect("the record on standard output");
    assert_eq!(v["id"], "1");
    let (code, table, err) = stancemap(&["summarize", "--format", "csv", "-o", "-"], &out);
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8(table).unwrap().contains("Vladimir Putin,person"), "the table on standard output");
    assert!(!Path::new("-").exists(), "no file named '-' written");
}
