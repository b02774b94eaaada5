//! The `stancemap` binary: JSON by default, Markdown on request, a clear error and exit status
//! 2 for input that is not UTF-8 or cannot be read.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
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
