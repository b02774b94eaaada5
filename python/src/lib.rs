//! Python bindings: thin, like the CLI and the wasm module.
use pyo3::prelude::*;

#[pymodule]
mod _stancemap {}
