//! Python bindings, thin like the CLI and the wasm module: text in, the contract's JSON out
//! (`stancemap/__init__.py` turns it into dicts), and the archive summary. The work runs with
//! the GIL released, so that other Python threads (a Dask worker's, say) go on meanwhile.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use stancemap::summary::ArchiveSummary;
use stancemap::{analyze, Options};

// The allocator of the command line, for the same speed in `analyze_many` (see the CLI's
// `main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn options(language: Option<&str>) -> PyResult<Options> {
    match language {
        None | Some("ar") | Some("en") => Ok(Options { language: language.map(str::to_string), ..Options::default() }),
        Some(other) => Err(PyValueError::new_err(format!("language must be 'ar', 'en' or None, not {other:?}"))),
    }
}

/// One article's analysis as JSON, or the panic's message.
fn analysis_json(text: &str, options: &Options) -> Result<String, String> {
    catch_unwind(AssertUnwindSafe(|| analyze(text, options)))
        .map_err(|panic| panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default())
        .and_then(|a| serde_json::to_string(&a).map_err(|e| e.to_string()))
}

#[pymodule]
mod _stancemap {
    use super::*;

    /// The crate's version.
    #[pymodule_export]
    const VERSION: &str = stancemap::VERSION;

    /// The analysis of one article, as the contract's JSON.
    #[pyfunction]
    #[pyo3(signature = (text, language=None))]
    fn analyze_json(py: Python<'_>, text: String, language: Option<&str>) -> PyResult<String> {
        let options = options(language)?;
        py.detach(|| analysis_json(&text, &options)).map_err(|e| PyRuntimeError::new_err(format!("analysis failed: {e}")))
    }

    /// The analyses of many articles, in order, as JSON, on `threads` threads (default: one
    /// per core).
    #[pyfunction]
    #[pyo3(signature = (texts, threads=None, language=None))]
    fn analyze_many_json(py: Python<'_>, texts: Vec<String>, threads: Option<usize>, language: Option<&str>) -> PyResult<Vec<String>> {
        let options = options(language)?;
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        let results: Vec<Result<String, String>> = py.detach(|| {
            let run = || texts.par_iter().map(|t| analysis_json(t, &options)).collect();
            match threads {
                Some(n) => rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(|e| e.to_string()).map(|pool| pool.install(run)),
                None => Ok(run()),
            }
        })
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start the thread pool: {e}")))?;
        results.into_iter().enumerate().map(|(i, r)| r.map_err(|e| PyRuntimeError::new_err(format!("analysis of text {i} failed: {e}")))).collect()
    }

    /// Several analyses (the contract's JSON) compared (`stancemap::compare`), as JSON;
    /// `labels` name the articles.
    #[pyfunction]
    #[pyo3(signature = (analyses, labels=None))]
    fn compare_json(analyses: Vec<String>, labels: Option<Vec<String>>) -> PyResult<String> {
        let parsed: Vec<stancemap::Analysis> = analyses
            .iter()
            .enumerate()
            .map(|(i, a)| serde_json::from_str(a).map_err(|e| PyValueError::new_err(format!("analyses[{i}] is not an analysis: {e}"))))
            .collect::<PyResult<_>>()?;
        let mut comparison = stancemap::compare(&parsed).map_err(|e| PyValueError::new_err(e.to_string()))?;
        for (article, label) in comparison.articles.iter_mut().zip(labels.unwrap_or_default()) {
            article.label = label;
        }
        serde_json::to_string(&comparison).map_err(|e| PyRuntimeError::new_err(e.to_string()))
    }

    /// Per-actor tallies across an archive (`stancemap::summary::ArchiveSummary`).
    #[pyclass(name = "NativeSummary", module = "stancemap._stancemap")]
    #[derive(Default)]
    struct NativeSummary(ArchiveSummary);

    #[pymethods]
    impl NativeSummary {
        #[new]
        fn new() -> Self {
            Self::default()
        }

        /// Adds one analysis given as the contract's JSON.
        fn add_json(&mut self, analysis: &str) -> PyResult<()> {
            let a: stancemap::Analysis = serde_json::from_str(analysis).map_err(|e| PyValueError::new_err(format!("not an analysis: {e}")))?;
            self.0.add(&a);
            Ok(())
        }

        /// Adds another summary's tallies.
        fn merge(&mut self, other: &NativeSummary) {
            self.0.merge(other.0.clone());
        }

        #[getter]
        fn articles(&self) -> u64 {
            self.0.articles
        }

        /// The table as JSON: `{"articles": n, "rows": [...]}`.
        fn table_json(&self, claims: usize, min_articles: u64) -> String {
            serde_json::to_string(&self.0.table(claims, min_articles)).expect("a table serialises")
        }

        fn to_csv(&self, claims: usize, min_articles: u64) -> String {
            self.0.table(claims, min_articles).to_csv()
        }

        fn to_markdown(&self, claims: usize, min_articles: u64) -> String {
            self.0.table(claims, min_articles).to_markdown()
        }

        /// The whole state as JSON, to cross a process boundary (pickling).
        fn state_json(&self) -> String {
            serde_json::to_string(&self.0).expect("a summary serialises")
        }

        #[staticmethod]
        fn from_state_json(state: &str) -> PyResult<Self> {
            serde_json::from_str(state).map(Self).map_err(|e| PyValueError::new_err(format!("not a summary state: {e}")))
        }
    }
}
