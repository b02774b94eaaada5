//! Reader for the lexicon's TSV files (format: `data/lexicon/README.md`). The build script
//! validates the same files, so a malformed row is a build error, not a runtime surprise.

/// One TSV file: a header row naming the columns, then one entry per line.
pub(crate) struct Tsv {
    header: Vec<&'static str>,
    pub rows: Vec<Vec<&'static str>>,
}

impl Tsv {
    pub fn parse(src: &'static str) -> Tsv {
        let mut lines = src.lines().filter(|l| !l.trim().is_empty());
        let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
        let rows = lines.map(|l| l.split('\t').map(str::trim).collect()).collect();
        Tsv { header, rows }
    }

    /// Index of a column by name; panics on a missing column, which the build script rules out.
    pub fn column(&self, name: &str) -> usize {
        self.header.iter().position(|h| h.trim() == name).unwrap_or_else(|| panic!("lexicon column {name} missing"))
    }
}

/// The `|`-separated variants of a field.
pub(crate) fn variants(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|v| !v.is_empty())
}

/// A row's field by column index ("" when the row is short).
pub(crate) fn field<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("")
}
