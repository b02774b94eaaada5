//! JavaScript bindings: convert, call, convert back. No logic lives here.

use wasm_bindgen::prelude::*;

use crate::{Analysis, Options};

/// Installs the panic hook so that a Rust panic shows its message in the browser console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyses `text` and returns the same object the CLI prints as JSON.
///
/// `options` may be `undefined`/`null` or an object such as `{ language: "ar" }`.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    let analysis: Analysis = crate::analyze(text, &options);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

use serde::Serialize;
