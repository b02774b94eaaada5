//! The accuracy ratchet: scores the binary on the shared evaluation sets with the shared scorer
//! (`../shared/eval/score.py`) and fails when a language's actor or position F1 falls below
//! the floor recorded in `tests/eval/floors.tsv`.
//!
//! The real-news set's texts are third-party and live outside the repository (fetched once per
//! machine into `~/.cache/stancemap-eval/real`, or `$STANCEMAP_EVAL_CACHE`, as
//! `../shared/eval/real/README.md` says); without them, or without `../shared`, the test says
//! `SKIP:` and why.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Floor {
    set: String,
    language: String,
    metric: String,
    floor: f64,
}

fn floors() -> Vec<Floor> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/floors.tsv");
    std::fs::read_to_string(path)
        .expect("tests/eval/floors.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "a floor line has four tab-separated fields: {l:?}");
            Floor { set: f[0].into(), language: f[1].into(), metric: f[2].into(), floor: f[3].parse().expect("a number") }
        })
        .collect()
}

fn shared_eval() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    dir.join("score.py").is_file().then_some(dir)
}

fn real_cache() -> PathBuf {
    match std::env::var_os("STANCEMAP_EVAL_CACHE") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/stancemap-eval/real"),
    }
}

/// Runs the scorer; returns its aggregate figures by language.
fn score(eval: &Path, cases: &Path, cache: Option<&Path>) -> serde_json::Value {
    let out = std::env::temp_dir().join(format!("stancemap-ratchet-{}-{}.json", std::process::id(), cases.parent().unwrap().file_name().unwrap().to_string_lossy()));
    let mut cmd = Command::new("python3");
    cmd.arg(eval.join("score.py")).arg("--cases").arg(cases).arg("--cmd").arg(env!("CARGO_BIN_EXE_stancemap")).arg("--jobs").arg("2").arg("--json-out").arg(&out);
    if let Some(cache) = cache {
        cmd.arg("--cache").arg(cache);
    }
    let run = cmd.output().expect("python3 runs the scorer");
    let printed = String::from_utf8_lossy(&run.stdout);
    println!("{}\n{}", cases.display(), printed);
    assert!(run.status.success(), "the scorer failed: {}", String::from_utf8_lossy(&run.stderr));
    let figures: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).expect("scorer JSON")).expect("JSON");
    let _ = std::fs::remove_file(&out);
    assert!(figures["problems"].as_array().is_none_or(|p| p.is_empty()), "cases skipped or drifted: {}", figures["problems"]);
    figures["aggregate"].clone()
}

fn check(set: &str, aggregate: &serde_json::Value) {
    let mut below = Vec::new();
    for f in floors().iter().filter(|f| f.set == set) {
        let got = aggregate[&f.language][&f.metric].as_f64().unwrap_or_else(|| panic!("no {} {} in the scorer's output", f.language, f.metric));
        println!("{set} {} {}: {got:.3} (floor {:.3})", f.language, f.metric, f.floor);
        if got + 1e-9 < f.floor {
            below.push(format!("{set} {} {} = {got:.3} < floor {:.3}", f.language, f.metric, f.floor));
        }
    }
    assert!(below.is_empty(), "accuracy fell below the recorded floor: {below:?}");
}

#[test]
fn dev_set_stays_above_its_floors() {
    let Some(eval) = shared_eval() else {
        println!("SKIP: ../shared/eval is absent; the dev set cannot be scored");
        return;
    };
    let aggregate = score(&eval, &eval.join("dev/cases.jsonl"), None);
    check("dev", &aggregate);
}

#[test]
fn real_set_stays_above_its_floors() {
    let Some(eval) = shared_eval() else {
        println!("SKIP: ../shared/eval is absent; the real-news set cannot be scored");
        return;
    };
    let cases = eval.join("real/cases.jsonl");
    let cache = real_cache();
    let ids: Vec<String> = std::fs::read_to_string(&cases)
        .expect("real/cases.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["id"].as_str().map(str::to_string))
        .collect();
    let missing = ids.iter().filter(|id| !cache.join(format!("{id}.txt")).is_file()).count();
    if missing > 0 {
        println!(
            "SKIP: {missing} of {} real-news texts are not in {} (fetch them as ../shared/eval/real/README.md says)",
            ids.len(),
            cache.display()
        );
        return;
    }
    let aggregate = score(&eval, &cases, Some(&cache));
    check("real", &aggregate);
}
