//! The `stancemap` binary: JSON by default, Markdown on request, a clear error and exit status
//! 2 for input that is not UTF-8 or cannot be read.

mod common;

fn run(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let (status, out, err) = common::run_binary(args, input);
    (status, String::from_utf8_lossy(&out).into(), err)
}

const ARTICLE: &str = "Russian President Vladimir Putin rejected the proposal. Ukraine demanded a ceasefire.";

#[test]
fn json_on_stdin() {
    let (code, out, _) = run(&[], ARTICLE.as_bytes());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["language"], "en");
    assert!(v["actors"].as_array().unwrap().iter().any(|a| a["name"] == "Vladimir Putin"));
    assert!(v["table"]["source"] == "derived");
}

#[test]
fn markdown_format() {
    let (code, out, _) = run(&["--format", "markdown", "-"], ARTICLE.as_bytes());
    assert_eq!(code, 0);
    assert!(out.contains("## Actors") && out.contains("| Vladimir Putin | person | Russian President |"), "{out}");
    assert!(out.contains("## Comparison (derived)"), "{out}");
}

#[test]
fn non_utf8_input_is_refused_with_exit_2() {
    let (code, out, err) = run(&[], b"Putin \xff\xfe said");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("not valid UTF-8") && err.contains("offset 6"), "{err}");
}

#[test]
fn unreadable_file_is_refused_with_exit_2() {
    let (code, _, err) = run(&["/nonexistent/article.txt"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("cannot read /nonexistent/article.txt"), "{err}");
}

#[test]
fn reads_a_file_argument() {
    let path = std::env::temp_dir().join(format!("stancemap-cli-{}.txt", std::process::id()));
    std::fs::write(&path, "وقال الرئيس الروسي فلاديمير بوتين إن الحوار ممكن.").unwrap();
    let (code, out, _) = run(&[path.to_str().unwrap()], b"");
    std::fs::remove_file(&path).ok();
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["language"], "ar");
    assert_eq!(v["actors"][0]["name"], "فلاديمير بوتين");
}

#[test]
fn ner_eval_scores_a_conll_file() {
    let dir = std::env::temp_dir().join(format!("stancemap-ner-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("tiny.conll");
    std::fs::write(&file, "Vladimir\tB-PER\nPutin\tI-PER\nvisited\tO\nLondon\tB-LOC\n.\tO\n").unwrap();
    let (code, out, err) = run(&["ner-eval", file.to_str().unwrap()], b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("language en") && out.contains("PER") && out.contains("MISC"), "{out}");
    let f1 = out.lines().last().and_then(|l| l.strip_prefix("micro-F1=")).expect("last line micro-F1=XX.XX");
    assert!(f1.parse::<f64>().is_ok_and(|f| (0.0..=100.0).contains(&f)) && f1.split('.').nth(1).map(str::len) == Some(2), "{out}");
    let (code, _, err) = run(&["ner-eval", "--types", "PER,XYZ", file.to_str().unwrap()], b"");
    assert_eq!(code, 2, "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
