//! stancemap: who the actors in a news article are, what each one stands for, and a
//! side-by-side comparison table. Arabic first, English second; runs natively and in WASM.

mod model;

pub use model::*;

#[cfg(target_arch = "wasm32")]
mod wasm;

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Options for [`analyze`].
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// Force a language (`"ar"` or `"en"`) instead of detecting it.
    pub language: Option<String>,
}

/// Analyses one article.
pub fn analyze(_text: &str, _options: &Options) -> Analysis {
    Analysis {
        language: "und".into(),
        actors: vec![],
        positions: vec![],
        table: ComparisonTable { source: TableSource::Derived, aspect_label: None, columns: vec![], headers: vec![], rows: vec![] },
    }
}
