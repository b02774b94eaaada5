//! JavaScript bindings: convert, call, convert back. No logic lives here.
//!
//! The web build makes two modules of the crate (`scripts/build-wasm.sh`): the one that
//! analyses (cargo feature `web`: `analyze`, `loadModel`, …), which a page needs before its
//! first result, and the one that compares analyses (feature `web-compare`), which the worker
//! fetches only when the reader first compares articles. Each module links only what its
//! exports reach: the comparison, and the reading of analyses back from JSON, are about 21 KB
//! of the first module's gzip that a reader who never compares would wait for.

use wasm_bindgen::prelude::*;

#[cfg(feature = "web")]
mod analyse;
#[cfg(feature = "web-compare")]
mod compare;

/// Installs the panic hook so that a Rust panic shows its message in the browser console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
