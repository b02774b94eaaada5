//! A comparison table built from the extracted positions, for articles without one: the most
//! salient actors that hold positions as columns; their role, then one row per kind of stance.
//! A cell with nothing to say stays empty rather than invented.

use crate::model::Stance;

/// Row labels per stance group, in the article's language.
const GROUPS: &[(&[Stance], &str, &str)] = &[
    (&[Stance::Demands], "Demands", "المطالب"),
    (&[Stance::Proposes], "Proposals", "المقترحات"),
    (&[Stance::Supports, Stance::Agrees], "Supports", "المواقف المؤيدة"),
    (&[Stance::Opposes, Stance::Rejects], "Rejects", "الرفض والمعارضة"),
    (&[Stance::Threatens, Stance::Warns], "Threats and warnings", "التهديدات والتحذيرات"),
    (&[Stance::Accuses], "Accusations", "الاتهامات"),
    (&[Stance::States], "Statements", "التصريحات"),
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
