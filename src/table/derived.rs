//! A comparison table built from the extracted positions, for articles without one: the most
//! salient actors that hold positions as columns; their role, then one row per kind of stance.
//! A cell with nothing to say stays empty rather than invented.

use crate::model::Stance;

/// The aspects a reader expects in a comparison, with the stances that fill them, in the
/// article's language. A cell with nothing to say stays empty.
const GROUPS: &[(&[Stance], &str, &str)] = &[
    (&[Stance::Supports, Stance::Opposes, Stance::Rejects, Stance::States], "Position", "الموقف"),
    (&[Stance::Demands], "Demands", "المطالب"),
    (&[Stance::Proposes], "Proposals", "المقترحات"),
    (&[Stance::Threatens, Stance::Warns], "Threats and warnings", "التهديدات والتحذيرات"),
    (&[Stance::Accuses], "Accusations", "الاتهامات"),
    (&[Stance::Agrees], "Outcomes", "النتائج"),
];

/// One column's inputs: the actor's role (or kind label) and its positions as (stance, text).
pub(crate) struct Column {
    pub role: String,
    pub positions: Vec<(Stance, String)>,
}

/// Rows (aspect, cells) for the given columns.
pub(crate) fn rows(columns: &[Column], arabic: bool) -> Vec<(String, Vec<String>)> {
    if columns.is_empty() {
        return vec![];
    }
    let separator = if arabic { "؛ " } else { "; " };
    let mut rows = vec![(if arabic { "الدور" } else { "Role" }.to_string(), columns.iter().map(|c| c.role.clone()).collect())];
    for (stances, en, ar) in GROUPS {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| {
                let texts: Vec<&str> = c.positions.iter().filter(|(s, _)| stances.contains(s)).map(|(_, t)| t.as_str()).collect();
                texts.join(separator)
            })
            .collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push((if arabic { ar } else { en }.to_string(), cells));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options, TableSource};

    #[test]
    fn derived_table_from_positions() {
        let text = "French President Emmanuel Macron rejected the tariff plan. German Chancellor Friedrich Merz called for new talks with Washington.";
        let a = analyze(text, &Options::default());
        let t = &a.table;
        assert_eq!(t.source, TableSource::Derived);
        assert_eq!(t.headers, ["Emmanuel Macron", "Friedrich Merz"]);
        let row = |aspect: &str| t.rows.iter().find(|r| r.aspect == aspect).unwrap_or_else(|| panic!("no row {aspect}: {:?}", t.rows)).cells.clone();
        assert_eq!(row("Role"), ["French President", "German Chancellor"]);
        assert_eq!(row("Position"), ["the tariff plan", ""]);
        assert_eq!(row("Demands"), ["", "new talks with Washington"]);
    }

    #[test]
    fn derived_labels_follow_the_article_language() {
        let a = analyze("ورفضت فرنسا الخطة الأمريكية.", &Options::default());
        assert_eq!(a.table.rows.iter().map(|r| r.aspect.as_str()).collect::<Vec<_>>(), ["الدور", "الموقف"]);
    }
}
