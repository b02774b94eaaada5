//! One job of `batch` to one output line: the article's analysis with its other fields passed
//! through, or an error record in its place saying why it could not be analysed.

use std::panic::{catch_unwind, AssertUnwindSafe};

use serde_json::{Map, Value};
use stancemap::{analyze, Options};

use super::input::{Job, Origin, Payload, MAX_RECORD_BYTES};

/// How records are read and written, the same for every job.
pub struct Settings {
    pub options: Options,
    pub id_field: String,
    pub text_field: String,
    pub keep_text: bool,
}

/// An output line (without its newline) and whether it is an error record.
pub struct Outcome {
    pub line: String,
    pub failed: bool,
}

pub fn process(job: &Job, settings: &Settings) -> Outcome {
    let result = match (&job.origin, &job.payload) {
        (_, Payload::TooLarge(n)) => Err((Value::Null, format!("over 10 MB ({n} bytes; the limit is {MAX_RECORD_BYTES})"))),
        (_, Payload::Unreadable(e)) => Err((Value::Null, format!("cannot read: {e}"))),
        (Origin::Line { .. }, Payload::Bytes(b)) => json_record(b, settings),
        (Origin::File(path), Payload::Bytes(b)) => text_file(path, b, settings),
    };
    match result {
        Ok(line) => Outcome { line, failed: false },
        Err((id, reason)) => Outcome { line: error_record(&job.origin, id, reason), failed: true },
    }
}

type Failure = (Value, String);

fn json_record(bytes: &[u8], settings: &Settings) -> Result<String, Failure> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err((Value::Null, "empty line".to_string()));
    }
    let line = match std::str::from_utf8(bytes) {
        Ok(l) => l,
        Err(e) => {
            // The id is still worth reporting when the rest of the record parses.
            let lossy = String::from_utf8_lossy(bytes);
            let id = serde_json::from_str::<Value>(&lossy).ok().and_then(|v| v.get(&settings.id_field).cloned()).unwrap_or(Value::Null);
            return Err((id, format!("not valid UTF-8 (first invalid byte at byte {} of the line)", e.valid_up_to())));
        }
    };
    let record: Map<String, Value> = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return Err((Value::Null, "not a JSON object".to_string())),
        Err(e) => return Err((Value::Null, format!("invalid JSON: {e}"))),
    };
    let id = record.get(&settings.id_field).cloned().unwrap_or(Value::Null);
    let text = match record.get(&settings.text_field) {
        Some(Value::String(t)) => t,
        Some(_) => return Err((id, format!("\"{}\" is not a string", settings.text_field))),
        None => return Err((id, format!("missing \"{}\"", settings.text_field))),
    };
    let analysis = analysed(text, &settings.options).map_err(|e| (id.clone(), e))?;
    // The id first, then the other fields in the order they came, then the analysis.
    let mut out = Map::with_capacity(record.len() + 1);
    out.insert("id".to_string(), id);
    for (k, v) in record {
        if k == "id" || k == "analysis" || (k == settings.text_field && !settings.keep_text) {
            continue;
        }
        out.insert(k, v);
    }
    Ok(with_analysis(out, &analysis))
}

fn text_file(path: &str, bytes: &[u8], settings: &Settings) -> Result<String, Failure> {
    let id = Value::String(path.to_string());
    let text = std::str::from_utf8(bytes).map_err(|e| (id.clone(), format!("not valid UTF-8 (first invalid byte at offset {})", e.valid_up_to())))?;
    let analysis = analysed(text, &settings.options).map_err(|e| (id.clone(), e))?;
    let mut out = Map::new();
    out.insert("id".to_string(), id);
    if settings.keep_text {
        out.insert(settings.text_field.clone(), Value::String(text.to_string()));
    }
    Ok(with_analysis(out, &analysis))
}

/// The analysis, or why there is none: a panic in the pipeline fails this article only.
fn analysed(text: &str, options: &Options) -> Result<stancemap::Analysis, String> {
    // A byte-order mark is not part of the article (as for a single file).
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    catch_unwind(AssertUnwindSafe(|| analyze(text, options))).map_err(|panic| {
        let message = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default();
        format!("analysis failed: {message}")
    })
}

/// `record` with `"analysis": {…}` as its last field, serialised straight from the analysis.
fn with_analysis(record: Map<String, Value>, analysis: &stancemap::Analysis) -> String {
    let mut line = serde_json::to_string(&record).expect("a JSON map serialises");
    line.pop(); // the closing brace
    if !record.is_empty() {
        line.push(',');
    }
    line.push_str("\"analysis\":");
    line.push_str(&serde_json::to_string(analysis).expect("an analysis serialises"));
    line.push('}');
    line
}

fn error_record(origin: &Origin, id: Value, reason: String) -> String {
    let mut out = Map::new();
    match origin {
        Origin::Line { file, line } => {
            out.insert("id".to_string(), id);
            out.insert("line".to_string(), Value::from(*line));
            if let Some(f) = file {
                out.insert("file".to_string(), Value::String(f.to_string()));
            }
        }
        Origin::File(path) => {
            out.insert("id".to_string(), Value::String(path.clone()));
        }
    }
    out.insert("error".to_string(), Value::String(reason));
    serde_json::to_string(&out).expect("a JSON map serialises")
}
