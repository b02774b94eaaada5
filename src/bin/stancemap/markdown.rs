//! The single-article command's Markdown output: the actors, the positions and the comparison
//! table.

use stancemap::Analysis;

/// Markdown: the actors, the positions and the comparison table.
pub fn markdown(a: &Analysis) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let name_of = |id: &str| a.actors.iter().find(|x| x.id == id).map_or(id.to_string(), |x| x.name.clone());
    let mut out = String::new();
    out.push_str("## Actors\n\n| Actor | Kind | Role | Mentions | Salience |\n|---|---|---|---|---|\n");
    for x in &a.actors {
        let kind = serde_json::to_value(x.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        out.push_str(&format!("| {} | {} | {} | {} | {:.2} |\n", cell(&x.name), kind, cell(x.role.as_deref().unwrap_or("")), x.mentions.len(), x.salience));
    }
    out.push_str("\n## Positions\n\n| Actor | Stance | Position |\n|---|---|---|\n");
    for p in &a.positions {
        let stance = serde_json::to_value(p.stance).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        out.push_str(&format!("| {} | {} | {} |\n", cell(&name_of(&p.actor)), stance, cell(&p.text)));
    }
    let t = &a.table;
    let source = if t.source == stancemap::TableSource::Explicit { "explicit" } else { "derived" };
    out.push_str(&format!("\n## Comparison ({source})\n\n"));
    if t.columns.is_empty() {
        out.push_str("No comparison: no actor holds a position.\n");
        return out;
    }
    let label = t.aspect_label.clone().unwrap_or_default();
    out.push_str(&format!("| {} |", cell(&label)));
    for h in &t.headers {
        out.push_str(&format!(" {} |", cell(h)));
    }
    out.push_str(&format!("\n|---|{}\n", "---|".repeat(t.headers.len())));
    for r in &t.rows {
        out.push_str(&format!("| {} |", cell(&r.aspect)));
        for c in &r.cells {
            out.push_str(&format!(" {} |", cell(c)));
        }
        out.push('\n');
    }
    out
}
