//! Across an archive: for each actor, how many articles name it, its positions by stance and
//! its most frequent claims. Fed one [`Analysis`] at a time (memory grows with the distinct
//! actors and claims, not with the articles), and mergeable, so that partial summaries made
//! in parallel (a Dask partition, a Spark task) add up to the summary of the whole.
//!
//! ```
//! use stancemap::{analyze, summary::ArchiveSummary, Options};
//!
//! let mut summary = ArchiveSummary::default();
//! for text in ["Vladimir Putin rejected the proposal.", "On Monday Putin rejected the proposal."] {
//!     summary.add(&analyze(text, &Options::default()));
//! }
//! let table = summary.table(3, 1);
//! assert_eq!(table.rows[0].name, "Vladimir Putin");
//! assert_eq!(table.rows[0].articles, 2);
//! assert_eq!(table.rows[0].claims[0], ("rejects", "the proposal".to_string(), 2));
//! assert!(table.to_csv().starts_with("actor,kind,role,articles,positions,supports,"));
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{ActorKind, Analysis, Stance};

/// Every stance, in the order of the summary's columns ([`Stance::ALL`]).
pub const STANCES: [Stance; 10] = Stance::ALL;

/// The contract's name of a stance (`"supports"`, …): [`Stance::name`].
pub fn stance_name(stance: Stance) -> &'static str {
    stance.name()
}

fn kind_name(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Country => "country",
        ActorKind::Organization => "organization",
        ActorKind::Group => "group",
    }
}

/// The per-actor tallies of an archive. Serialisable, so that a partial summary can cross a
/// process boundary and be [merged](ArchiveSummary::merge) on the other side.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArchiveSummary {
    /// Articles added.
    pub articles: u64,
    actors: BTreeMap<String, ActorTally>,
    /// For each alias key, the actor keys whose articles wrote it and how often: "Putin" as an
    /// alias of "Vladimir Putin" lets an article that only says "Putin" count for him.
    aliases: BTreeMap<String, BTreeMap<String, u64>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct ActorTally {
    names: BTreeMap<String, u64>,
    kinds: BTreeMap<ActorKind, u64>,
    roles: BTreeMap<String, u64>,
    articles: u64,
    stances: BTreeMap<Stance, u64>,
    /// Claims by stance and normalised text: how often, and the form first seen.
    claims: BTreeMap<Stance, BTreeMap<String, Claim>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Claim {
    count: u64,
    text: String,
}

/// One actor's line in the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryRow {
    /// The name most often written in full for it.
    pub name: String,
    /// Its most frequent kind (`person`, `country`, `organization`, `group`).
    pub kind: &'static str,
    /// Its most frequent role, if any article gives one.
    pub role: Option<String>,
    /// Articles that name it.
    pub articles: u64,
    /// Positions it holds, all stances together.
    pub positions: u64,
    /// Positions by stance, in the order of [`STANCES`], as (stance name, count).
    pub stances: Vec<(&'static str, u64)>,
    /// Its most frequent claims, most frequent first: (stance name, claim, count).
    pub claims: Vec<(&'static str, String, u64)>,
}

/// How an actor or a claim is recognised again in another article: case and spacing folded,
/// surrounding punctuation and quotation marks dropped.
fn key(text: &str) -> String {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "«»“”‘’،؛.؟".contains(c));
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn bump<K: Ord>(map: &mut BTreeMap<K, u64>, k: K, by: u64) {
    *map.entry(k).or_insert(0) += by;
}

fn most<K: Ord + Clone>(map: &BTreeMap<K, u64>) -> Option<K> {
    // Ties go to the first key in order, so the summary does not depend on the input order.
    map.iter().fold(None, |best: Option<(&K, u64)>, (k, &n)| match best {
        Some((_, m)) if m >= n => best,
        _ => Some((k, n)),
    }).map(|(k, _)| k.clone())
}

impl ActorTally {
    fn merge(&mut self, other: ActorTally) {
        for (k, n) in other.names {
            bump(&mut self.names, k, n);
        }
        for (k, n) in other.kinds {
            bump(&mut self.kinds, k, n);
        }
        for (k, n) in other.roles {
            bump(&mut self.roles, k, n);
        }
        self.articles += other.articles;
        for (k, n) in other.stances {
            bump(&mut self.stances, k, n);
        }
        for (stance, claims) in other.claims {
            let mine = self.claims.entry(stance).or_default();
            for (k, c) in claims {
                let e = mine.entry(k).or_insert_with(|| Claim { count: 0, text: c.text.clone() });
                e.count += c.count;
            }
        }
    }
}

impl ArchiveSummary {
    /// Adds one article's analysis.
    pub fn add(&mut self, analysis: &Analysis) {
        self.articles += 1;
        for actor in &analysis.actors {
            let k = key(&actor.name);
            if k.is_empty() {
                continue;
            }
            let tally = self.actors.entry(k.clone()).or_default();
            tally.articles += 1;
            bump(&mut tally.names, actor.name.clone(), 1);
            bump(&mut tally.kinds, actor.kind, 1);
            if let Some(role) = actor.role.as_ref().filter(|r| !r.trim().is_empty()) {
                bump(&mut tally.roles, role.clone(), 1);
            }
            for p in analysis.positions.iter().filter(|p| p.actor == actor.id) {
                bump(&mut tally.stances, p.stance, 1);
                let claim_key = key(&p.text);
                if claim_key.is_empty() {
                    continue;
                }
                let claim = tally.claims.entry(p.stance).or_default().entry(claim_key).or_insert_with(|| Claim { count: 0, text: p.text.trim().to_string() });
                claim.count += 1;
            }
            for alias in &actor.aliases {
                let a = key(alias);
                if !a.is_empty() && a != k {
                    bump(self.aliases.entry(a).or_default(), k.clone(), 1);
                }
            }
        }
    }

    /// Adds a partial summary made elsewhere (another thread, process or machine).
    pub fn merge(&mut self, other: ArchiveSummary) {
        self.articles += other.articles;
        for (k, t) in other.actors {
            self.actors.entry(k).or_default().merge(t);
        }
        for (a, owners) in other.aliases {
            let mine = self.aliases.entry(a).or_default();
            for (k, n) in owners {
                bump(mine, k, n);
            }
        }
    }

    /// The table of the actors named in at least `min_articles` articles, most widely named
    /// first, each with its `claims` most frequent claims.
    pub fn table(&self, claims: usize, min_articles: u64) -> SummaryTable {
        let mut rows = self.rows(claims);
        rows.retain(|r| r.articles >= min_articles);
        SummaryTable { articles: self.articles, rows }
    }

    /// Every actor, most widely named first, each with its `claims` most frequent claims.
    ///
    /// An actor named in some articles only by a shorter form ("Putin") that other articles
    /// give as an alias of one fuller name ("Vladimir Putin") is counted under the fuller name.
    /// A form that is an alias of several actors ("Biden" of two people) is left on its own.
    pub fn rows(&self, claims: usize) -> Vec<SummaryRow> {
        let mut merged: BTreeMap<&str, ActorTally> = BTreeMap::new();
        for (k, t) in &self.actors {
            let owner = self
                .aliases
                .get(k)
                .filter(|owners| owners.len() == 1)
                .and_then(|owners| owners.keys().next())
                .filter(|o| self.actors.contains_key(o.as_str()) && !self.aliases.contains_key(o.as_str()))
                .map_or(k.as_str(), String::as_str);
            merged.entry(owner).or_default().merge(t.clone());
        }
        let mut rows: Vec<SummaryRow> = merged.into_iter().map(|(k, t)| t.row(k, claims)).collect();
        crate::sort::sort_by(&mut rows, |a, b| b.articles.cmp(&a.articles).then(b.positions.cmp(&a.positions)).then_with(|| a.name.cmp(&b.name)));
        rows
    }

}

/// The summary as a table: the number of articles and a row per actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryTable {
    /// Articles summarised.
    pub articles: u64,
    /// The actors, most widely named first.
    pub rows: Vec<SummaryRow>,
}

impl SummaryTable {
    /// The summary as CSV: one column per stance, the claims in one cell
    /// (`stance: claim (count)`, separated by ` | `). Cells that a spreadsheet would take for a
    /// formula are prefixed with an apostrophe.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("actor,kind,role,articles,positions");
        for s in STANCES {
            out.push(',');
            out.push_str(stance_name(s));
        }
        out.push_str(",top_claims\n");
        for r in &self.rows {
            let claims: Vec<String> = r.claims.iter().map(|(s, c, n)| format!("{s}: {c} ({n})")).collect();
            let mut cells = vec![csv_cell(&r.name), r.kind.to_string(), csv_cell(r.role.as_deref().unwrap_or("")), r.articles.to_string(), r.positions.to_string()];
            cells.extend(r.stances.iter().map(|(_, n)| n.to_string()));
            cells.push(csv_cell(&claims.join(" | ")));
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }

    /// The summary as a Markdown table, the stances held listed in one cell.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("{} articles.\n\n| Actor | Kind | Role | Articles | Positions | By stance | Most frequent claims |\n|---|---|---|---:|---:|---|---|\n", self.articles);
        for r in &self.rows {
            let stances: Vec<String> = r.stances.iter().filter(|(_, n)| *n > 0).map(|(s, n)| format!("{s} {n}")).collect();
            let claims: Vec<String> = r.claims.iter().map(|(s, c, n)| format!("{s}: {c} ({n})")).collect();
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                md_cell(&r.name),
                r.kind,
                md_cell(r.role.as_deref().unwrap_or("")),
                r.articles,
                r.positions,
                stances.join(", "),
                md_cell(&claims.join("; "))
            ));
        }
        out
    }
}

impl ActorTally {
    fn row(&self, k: &str, claims: usize) -> SummaryRow {
        let mut top: Vec<(&'static str, String, u64)> =
            self.claims.iter().flat_map(|(s, m)| m.values().map(move |c| (stance_name(*s), c.text.clone(), c.count))).collect();
        crate::sort::sort_by(&mut top, |a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        top.truncate(claims);
        SummaryRow {
            name: most(&self.names).unwrap_or_else(|| k.to_string()),
            kind: self.kinds.iter().max_by_key(|(_, &n)| n).map_or("person", |(k, _)| kind_name(*k)),
            role: most(&self.roles),
            articles: self.articles,
            positions: self.stances.values().sum(),
            stances: STANCES.iter().map(|s| (stance_name(*s), self.stances.get(s).copied().unwrap_or(0))).collect(),
            claims: top,
        }
    }
}

fn csv_cell(s: &str) -> String {
    let s = s.replace(['\r', '\n'], " ");
    let s = if s.starts_with(['=', '+', '-', '@', '\t']) { format!("'{s}") } else { s };
    if s.contains([',', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    fn summary_of(texts: &[&str]) -> ArchiveSummary {
        let mut s = ArchiveSummary::default();
        for t in texts {
            s.add(&analyze(t, &Options::default()));
        }
        s
    }

    #[test]
    fn merged_partial_summaries_equal_the_whole() {
        let texts = ["Vladimir Putin rejected the proposal.", "Ukraine demanded a ceasefire.", "Putin rejected the proposal again.", "Ukraine demanded a ceasefire."];
        let whole = summary_of(&texts);
        let mut parts = summary_of(&texts[..1]);
        parts.merge(summary_of(&texts[1..]));
        assert_eq!(parts.table(3, 1), whole.table(3, 1));
        assert_eq!(parts.articles, 4);
        let ukraine = whole.table(3, 1).rows.into_iter().find(|r| r.name == "Ukraine").expect("Ukraine is a row");
        assert_eq!((ukraine.articles, ukraine.positions), (2, 2));
        assert_eq!(ukraine.claims, vec![("demands", "a ceasefire".to_string(), 2)]);
    }

    fn with_actors(actors: &[(&str, &[&str])]) -> Analysis {
        let mut a = analyze("", &Options::default());
        a.actors = actors
            .iter()
            .enumerate()
            .map(|(i, (name, aliases))| crate::Actor {
                id: format!("a{}", i + 1),
                name: name.to_string(),
                kind: ActorKind::Person,
                role: None,
                aliases: aliases.iter().map(|s| s.to_string()).collect(),
                mentions: vec![[0, 1]],
                salience: 1.0,
            })
            .collect();
        a
    }

    #[test]
    fn a_short_form_counts_for_the_one_full_name_it_is_an_alias_of() {
        let mut s = ArchiveSummary::default();
        s.add(&with_actors(&[("Joe Biden", &["Biden", "Joe Biden"]), ("Hunter Biden", &["Biden", "Hunter Biden"])]));
        s.add(&with_actors(&[("Emmanuel Macron", &["Macron"])]));
        s.add(&with_actors(&[("macron", &["macron"]), ("Biden", &["Biden"])]));
        let rows: Vec<(String, u64)> = s.table(0, 1).rows.into_iter().map(|r| (r.name, r.articles)).collect();
        // "macron" joins Emmanuel Macron; "Biden" names two people and stays on its own.
        assert_eq!(rows, [("Emmanuel Macron".to_string(), 2), ("Biden".to_string(), 1), ("Hunter Biden".to_string(), 1), ("Joe Biden".to_string(), 1)]);
    }

    #[test]
    fn csv_and_markdown_cells_are_defused() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
    }

    #[test]
    fn serialised_state_round_trips() {
        let s = summary_of(&["Ukraine demanded a ceasefire.", "وقال الرئيس الروسي فلاديمير بوتين إن الحوار ممكن."]);
        let back: ArchiveSummary = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
}
