//! Any bytes, read as UTF-8 with U+FFFD for invalid sequences (as text from JavaScript reaches
//! the wasm export), must give an analysis that keeps the output contract.
//! Seeds: the hand-written articles in `tests/articles/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap::Options;

#[path = "../../tests/common/contract.rs"]
mod contract;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options, so that forced languages are fuzzed too.
    let Some((&first, rest)) = data.split_first() else { return };
    let language = match first % 8 {
        0 => Some("ar".to_string()),
        1 => Some("en".to_string()),
        _ => None,
    };
    let text = String::from_utf8_lossy(if language.is_some() { rest } else { data });
    contract::check_analyze(&text, &Options { language });
});
