//! The exports of the module that analyses (cargo feature `web`).

use wasm_bindgen::prelude::*;

use crate::{Analysis, Options};

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
    let options = read_options(&options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    let analysis: Analysis = crate::analyze(text, &options);
    serde_json::to_string(&analysis).map_err(|e| JsError::new(&e.to_string()))
}

/// Builds the tables analyses share, for both languages (`stancemap::prepare`): called by the
/// worker once the module is in, so that the first analysis does not wait for them.
#[wasm_bindgen]
pub fn prepare() {
    crate::prepare();
}

/// One step of the worker's warm-up (`www/lib/worker.js`, while no request waits): analyses a
/// text of each language, a sentence repeated twenty times. The point is the engine, not the
/// result. V8 first runs a WebAssembly function as baseline code, compiles it with its
/// optimising tier once it has run a while, and uses that code from the function's next call.
/// A long article is analysed in long loops within a few calls, most of which would otherwise
/// stay in the baseline tier. Measured in Node on this machine: a 1 MB article in a fresh
/// instance took 156–170 ms after `prepare()` alone and 93–122 ms after twenty steps as well
/// (on slower days 340–366 and 162–190 ms), and 74–91 ms once warm. The texts name someone
/// only the name model finds: otherwise the tagger's confidence (computed only for such names)
/// ran as baseline code through the first long article, 8.7 ms of a 1 MB one in Node instead
/// of 1.8 once warm. A step takes 1.2–1.8 ms in Node (the median of twenty).
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    const REPEATS: usize = 20;
    for sentence in crate::SAMPLE_SENTENCES {
        std::hint::black_box(crate::analyze(&vec![sentence; REPEATS].join(" "), &Options::default()));
    }
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


/// The [`Options`] of a JavaScript object (`undefined` or `null`: the defaults). Read field by
/// field: a deserialiser from JavaScript values would be a few KB of the module for two fields.
/// As with serde's defaults, a field left out or `null` takes its default value and other
/// fields are ignored; a field of the wrong type is an error.
fn read_options(options: &JsValue) -> Result<Options, String> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err("expected an object such as { language: \"ar\" }".into());
    }
    let field = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).map(|v| (!v.is_undefined() && !v.is_null()).then_some(v)).map_err(|_| format!("{name} could not be read"));
    let language = match field("language")? {
        None => None,
        Some(v) => Some(v.as_string().ok_or("language: expected a string such as \"ar\" or \"en\"")?),
    };
    let without_name_model = match field("withoutNameModel")? {
        None => false,
        Some(v) => v.as_bool().ok_or("withoutNameModel: expected true or false")?,
    };
    Ok(Options { language, without_name_model })
}
