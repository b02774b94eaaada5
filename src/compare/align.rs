//! Which actors of different articles are the same one. The lexicon first: it names each known
//! actor in Arabic and English, so بوتين in one article and Putin in another are the same
//! entry. An actor the lexicon does not know is matched by its name or an alias written the
//! same way (folded: case, hamza and ta marbuta variants, diacritics), of the same kind; when
//! that fits several rows (two Bidens), the role decides or the actor stays a row of its own.

use super::{ActorInArticle, AlignedActor, ReportedPosition};
use crate::lexicon::{Lexicon, Target};
use crate::text::{fold_str, Document};
use crate::{Actor, Analysis};

/// The lexicon entry a name stands for, when the whole name is one of the entry's forms (a
/// name, a capital or a seat of government standing for its state).
pub(super) fn lexicon_key(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let lexicon = Lexicon::builtin();
    let doc = Document::new(name);
    let whole = |s: usize, e: usize| {
        let r = doc.original_range(s..e);
        name[..r.start].chars().all(|c| !c.is_alphanumeric()) && name[r.end..].chars().all(|c| !c.is_alphanumeric())
    };
    lexicon.scan(&doc).into_iter().find(|m| whole(m.fstart, m.fend)).and_then(|m| match m.target {
        Target::Entity { entity, .. } => Some(lexicon.entities[entity].key.clone()),
        Target::Demonym { .. } | Target::Title { .. } => None,
    })
}

/// The actor's lexicon entry: by its canonical name, else by the first alias that is one.
fn identity(actor: &Actor) -> Option<String> {
    std::iter::once(&actor.name).chain(&actor.aliases).find_map(|n| lexicon_key(n))
}

/// The forms an actor is written in, folded for matching.
fn forms(actor: &Actor) -> Vec<String> {
    let mut out: Vec<String> = std::iter::once(&actor.name).chain(&actor.aliases).map(|n| fold_str(n.trim())).filter(|n| !n.is_empty()).collect();
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

/// A row under construction: the row and the folded forms its members are written in.
struct Building {
    row: AlignedActor,
    forms: Vec<String>,
    weight: f64,
}

/// The aligned rows, the most widely named first (then the most salient overall).
pub(super) fn rows(analyses: &[Analysis]) -> Vec<AlignedActor> {
    let n = analyses.len();
    let mut rows: Vec<Building> = Vec::new();
    for (i, analysis) in analyses.iter().enumerate() {
        for actor in &analysis.actors {
            let key = identity(actor);
            let forms = forms(actor);
            let found = match &key {
                Some(k) => rows.iter().position(|b| b.row.key.as_ref() == Some(k)),
                None => by_name(&rows, actor, &forms, i),
            };
            let at = found.unwrap_or_else(|| {
                rows.push(Building {
                    row: AlignedActor { name: actor.name.clone(), kind: actor.kind, key: key.clone(), role: None, articles: vec![None; n] },
                    forms: Vec::new(),
                    weight: 0.0,
                });
                rows.len() - 1
            });
            let b = &mut rows[at];
            b.weight += actor.salience;
            if b.row.role.is_none() {
                b.row.role = actor.role.clone().filter(|r| !r.trim().is_empty());
            }
            b.forms.extend(forms);
            crate::sort::sort(&mut b.forms);
            b.forms.dedup();
            let cell = b.row.articles[i].get_or_insert_with(|| ActorInArticle { actor: actor.id.clone(), name: actor.name.clone(), mentions: 0, quoted: false, positions: Vec::new() });
            // Two actors of one article the lexicon knows as one entry are one cell.
            cell.mentions += actor.mentions.len();
            cell.positions.extend(analysis.positions.iter().filter(|p| p.actor == actor.id).map(|p| ReportedPosition { stance: p.stance, text: p.text.clone(), span: p.span }));
            crate::sort::sort_by_key(&mut cell.positions, |p| p.span);
            cell.quoted = !cell.positions.is_empty();
        }
    }
    let named = |b: &Building| b.row.articles.iter().filter(|c| c.is_some()).count();
    crate::sort::sort_by(&mut rows, |a, b| named(b).cmp(&named(a)).then(b.weight.partial_cmp(&a.weight).unwrap_or(std::cmp::Ordering::Equal)));
    rows.into_iter().map(|b| b.row).collect()
}

/// The row an actor the lexicon does not know joins: one of its kind written in one of its
/// forms and not yet filled for this article; among several, the one with its role, else none.
fn by_name(rows: &[Building], actor: &Actor, forms: &[String], article: usize) -> Option<usize> {
    let candidates: Vec<usize> = (0..rows.len())
        .filter(|&r| {
            let b = &rows[r];
            b.row.kind == actor.kind && b.row.articles[article].is_none() && b.forms.iter().any(|f| forms.binary_search(f).is_ok())
        })
        .collect();
    match candidates[..] {
        [only] => Some(only),
        _ => {
            let role = actor.role.as_deref().map(fold_str)?;
            let same_role: Vec<usize> = candidates.into_iter().filter(|&r| rows[r].row.role.as_deref().map(fold_str).as_deref() == Some(role.as_str())).collect();
            (same_role.len() == 1).then(|| same_role[0])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ActorKind;

    fn article(actors: &[(&str, &[&str], ActorKind, Option<&str>)]) -> Analysis {
        let list = actors
            .iter()
            .enumerate()
            .map(|(i, (name, aliases, kind, role))| Actor {
                id: format!("a{}", i + 1),
                name: name.to_string(),
                kind: *kind,
                role: role.map(str::to_string),
                aliases: aliases.iter().map(|s| s.to_string()).collect(),
                mentions: vec![[0, 1]],
                salience: 1.0,
            })
            .collect();
        Analysis {
            language: "en".into(),
            actors: list,
            positions: Vec::new(),
            table: crate::ComparisonTable { source: crate::TableSource::Derived, aspect_label: None, columns: vec![], headers: vec![], rows: vec![] },
        }
    }

    /// The rows as the names each article gives (None: absent), sorted for comparison.
    fn aligned(analyses: &[Analysis]) -> Vec<Vec<Option<String>>> {
        let mut out: Vec<Vec<Option<String>>> = rows(analyses).into_iter().map(|r| r.articles.into_iter().map(|e| e.map(|e| e.name)).collect()).collect();
        crate::sort::sort(&mut out);
        out
    }

    #[test]
    fn actors_no_lexicon_lists_align_by_name_alias_kind_and_role() {
        use ActorKind::*;
        let s = |x: &str| Some(x.to_string());
        type Case<'a> = (&'a str, Analysis, Analysis, Vec<Vec<Option<String>>>);
        let cases: Vec<Case> = vec![
            (
                "an alias written as the other article's name (case and spacing folded)",
                article(&[("Musalia Mudavadi", &["Mudavadi"], Person, None)]),
                article(&[("mudavadi", &[], Person, None)]),
                vec![vec![s("Musalia Mudavadi"), s("mudavadi")]],
            ),
            (
                "same name, another kind: two rows",
                article(&[("Mercury", &[], Organization, None)]),
                article(&[("Mercury", &[], Person, None)]),
                vec![vec![None, s("Mercury")], vec![s("Mercury"), None]],
            ),
            (
                "a short form two namesakes share: the role decides",
                article(&[("Ali Hassan", &["Hassan"], Person, Some("army spokesman")), ("Omar Hassan", &["Hassan"], Person, Some("mayor"))]),
                article(&[("Hassan", &[], Person, Some("Mayor"))]),
                vec![vec![s("Ali Hassan"), None], vec![s("Omar Hassan"), s("Hassan")]],
            ),
            (
                "a short form two namesakes share, no role: a row of its own",
                article(&[("Ali Hassan", &["Hassan"], Person, None), ("Omar Hassan", &["Hassan"], Person, None)]),
                article(&[("Hassan", &[], Person, None)]),
                vec![vec![None, s("Hassan")], vec![s("Ali Hassan"), None], vec![s("Omar Hassan"), None]],
            ),
            (
                "the lexicon before the name: Moscow and Russia are one state",
                article(&[("Moscow", &[], Country, None)]),
                article(&[("روسيا", &["موسكو"], Country, None)]),
                vec![vec![s("Moscow"), s("روسيا")]],
            ),
        ];
        for (name, a, b, expected) in cases {
            assert_eq!(aligned(&[a, b]), expected, "{name}");
        }
    }

    #[test]
    fn lexicon_keys_name_one_entry_in_either_language() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Vladimir Putin", Some("person:vladimir-putin")),
            ("فلاديمير بوتين", Some("person:vladimir-putin")),
            ("بوتين", Some("person:vladimir-putin")),
            ("روسيا", Some("country:ru")),
            ("Moscow", Some("country:ru")),
            ("Russian", None),
            ("Putin's", None),
            ("Musalia Mudavadi", None),
            ("", None),
        ];
        for (name, key) in cases {
            assert_eq!(lexicon_key(name).as_deref(), *key, "{name}");
        }
    }
}
