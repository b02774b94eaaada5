//! The export of the module that compares analyses (cargo feature `web-compare`).

use wasm_bindgen::prelude::*;

use crate::Analysis;

/// Compares the analyses of two or more articles (`stancemap::compare`). `analyses` is the JSON
/// of an array of analyses as `analyze` returns them; `labels`, when not empty, the JSON of an
/// array of names for the articles (a string or null each). Returns the comparison as JSON.
///
/// JSON text both ways: the worker has the analyses as objects and writes them with
/// `JSON.stringify`; reading that with serde_json needs no second deserialiser in the module.
#[wasm_bindgen(js_name = compare)]
pub fn compare_js(analyses: &str, labels: &str) -> Result<String, JsError> {
    let analyses: Vec<Analysis> = serde_json::from_str(analyses).map_err(|e| JsError::new(&format!("invalid analyses: {e}")))?;
    let labels: Vec<Option<String>> =
        if labels.is_empty() { Vec::new() } else { serde_json::from_str(labels).map_err(|e| JsError::new(&format!("invalid labels: {e}")))? };
    let mut comparison = crate::compare(&analyses).map_err(|e| JsError::new(&e.to_string()))?;
    for (article, label) in comparison.articles.iter_mut().zip(labels) {
        if let Some(label) = label.filter(|l| !l.trim().is_empty()) {
            article.label = label;
        }
    }
    serde_json::to_string(&comparison).map_err(|e| JsError::new(&e.to_string()))
}
