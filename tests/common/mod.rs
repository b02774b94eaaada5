//! Helpers shared by the integration tests (each test file that needs them has `mod common;`).
#![allow(dead_code)]

pub mod contract;

/// Runs the `stancemap` binary with `args` and `input` on standard input: exit status, standard
/// output, standard error. The input is written from another thread, since the output pipe may
/// fill while the input is still being read.
pub fn run_binary(args: &[&str], input: &[u8]) -> (i32, Vec<u8>, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    (out.status.code().unwrap_or(-1), out.stdout, String::from_utf8_lossy(&out.stderr).into())
}
