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
    // Built as JSON and parsed by the engine: one call across the boundary instead of hundreds
    // building the object field by field (median on a 1k-word English article in Chromium:
    // 1.035 → 0.963 ms).
    let json = analyze_json_js(text, options)?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("analysis JSON not parsed"))
}

/// [`analyze_js`] as the JSON text the CLI prints: for a long article, whose result a worker
/// posts as a string anyway.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json_js(text: &str, options: JsValue) -> Result<String, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    let analysis: Analysis = crate::analyze(text, &options);
    serde_json::to_string(&analysis).map_err(|e| JsError::new(&e.to_string()))
}

/// Builds the tables analyses share, for both languages (`stancemap::prepare`): called by the
/// worker once the module is in, so that the first analysis does not wait for them.
#[wasm_bindgen]
pub fn prepare() {
    crate::prepare();
}

/// The language `analyze` would detect for `text`: `"ar"`, `"en"` or `"und"`.
#[wasm_bindgen(js_name = detectLanguage)]
pub fn detect_language_js(text: &str) -> String {
    crate::detect_language(text).to_string()
}

/// Installs an NER model file (`ar.model`, `en.model`) and returns its language. The web build
/// embeds no model: without one, names no lexicon or pattern knows are not found.
#[wasm_bindgen(js_name = loadModel)]
pub fn load_model_js(bytes: &[u8]) -> Result<String, JsError> {
    crate::ner::Tagger::install(bytes).map(str::to_string).map_err(|e| JsError::new(&e.to_string()))
}

/// Whether an NER model for `lang` is installed (or embedded).
#[wasm_bindgen(js_name = hasModel)]
pub fn has_model_js(lang: &str) -> bool {
    crate::ner::Tagger::available(lang)
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}


/// Compares the analyses of two or more articles (`stancemap::compare`): `analyses` is an array
/// of analyses as `analyze` returns them, `labels` an optional array of names for the articles.
#[wasm_bindgen(js_name = compare)]
pub fn compare_js(analyses: JsValue, labels: JsValue) -> Result<JsValue, JsError> {
    let analyses: Vec<Analysis> = serde_wasm_bindgen::from_value(analyses).map_err(|e| JsError::new(&format!("invalid analyses: {e}")))?;
    let labels: Vec<Option<String>> =
        if labels.is_undefined() || labels.is_null() { Vec::new() } else { serde_wasm_bindgen::from_value(labels).map_err(|e| JsError::new(&format!("invalid labels: {e}")))? };
    let mut comparison = crate::compare(&analyses).map_err(|e| JsError::new(&e.to_string()))?;
    for (article, label) in comparison.articles.iter_mut().zip(labels) {
        if let Some(label) = label.filter(|l| !l.trim().is_empty()) {
            article.label = label;
        }
    }
    let json = serde_json::to_string(&comparison).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("comparison JSON not parsed"))
}
