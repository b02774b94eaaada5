//! When two articles report opposite stances of one actor on the same matter. Claims are
//! matched by what they are about, not by wording, which differs between outlets and between
//! languages: two claims overlap when they name the same lexicon entity (a state, a body, a
//! person, or a state through its demonym: "the Turkish plan" and «الخطة التركية»), or share a
//! content word once function words, the Arabic article and proclitics are set aside.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::{ActorInArticle, StanceAt};
use crate::lexicon::tsv::{field, variants, Tsv};
use crate::lexicon::{Lexicon, Target};
use crate::text::{arabic, fold_str, is_alphanumeric, Document};
use crate::Stance;

const FUNCTION_WORDS: &str = include_str!("../../data/lexicon/function_words.tsv");

/// Which way a stance points on its claim: for it, against it, or neither (a statement, a
/// warning, an accusation or a threat says nothing for or against the claim itself).
fn polarity(stance: Stance) -> i8 {
    match stance {
        Stance::Supports | Stance::Agrees | Stance::Proposes | Stance::Demands => 1,
        Stance::Opposes | Stance::Rejects => -1,
        Stance::States | Stance::Warns | Stance::Accuses | Stance::Threatens => 0,
    }
}

/// Words that say nothing of what a claim is about: the stop words and prepositions of both
/// languages in `function_words.tsv`.
fn function_words() -> &'static FxHashSet<String> {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let t = Tsv::parse(FUNCTION_WORDS);
        let (id, words) = (t.column("id"), t.column("words"));
        t.rows
            .iter()
            .filter(|r| matches!(field(r, id), "ar.stop" | "en.stop" | "ar.preposition" | "en.preposition"))
            .flat_map(|r| variants(field(r, words)).map(fold_str))
            .collect()
    })
}

/// What a claim is about: the lexicon entities it names (`@` + key) and its content words.
pub(super) fn topics(claim: &str) -> FxHashSet<String> {
    let lexicon = Lexicon::builtin();
    let doc = Document::new(claim);
    let mut out: FxHashSet<String> = lexicon
        .scan(&doc)
        .into_iter()
        .filter_map(|m| match m.target {
            Target::Entity { entity, .. } => Some(entity),
            Target::Demonym { country } => Some(country),
            Target::Title { .. } => None,
        })
        .map(|e| format!("@{}", lexicon.entities[e].key))
        .collect();
    let stop = function_words();
    for word in doc.folded().split(|c: char| !is_alphanumeric(c)).filter(|w| !stop.contains(*w)) {
        let stem = arabic::bare_noun(word);
        // An English plural and its singular are one topic ("ships", "ship").
        let stem = if stem.is_ascii() && stem.len() > 4 { stem.strip_suffix('s').unwrap_or(stem) } else { stem };
        if stem.chars().count() >= 4 && !stop.contains(stem) && !stem.chars().all(|c| c.is_numeric()) {
            out.insert(stem.to_string());
        }
    }
    out
}

/// For each pair of articles, the first pair of overlapping claims on which they give the
/// actor opposite stances.
pub(super) fn opposite_stances(cells: &[Option<ActorInArticle>]) -> Vec<(StanceAt, StanceAt)> {
    let topics: Vec<Vec<FxHashSet<String>>> = cells.iter().map(|c| c.iter().flat_map(|c| c.positions.iter().map(|p| topics(&p.text))).collect()).collect();
    let at = |article: usize, position: usize| {
        let p = &cells[article].as_ref().expect("a cell with positions").positions[position];
        StanceAt { article, position, stance: p.stance, text: p.text.clone() }
    };
    let mut out = Vec::new();
    for i in 0..cells.len() {
        for j in i + 1..cells.len() {
            let (Some(a), Some(b)) = (&cells[i], &cells[j]) else { continue };
            let opposite = a.positions.iter().enumerate().find_map(|(x, p)| {
                b.positions.iter().enumerate().find_map(|(y, q)| {
                    let opposed = polarity(p.stance) * polarity(q.stance) < 0;
                    (opposed && !topics[i][x].is_disjoint(&topics[j][y])).then_some((x, y))
                })
            });
            if let Some((x, y)) = opposite {
                out.push((at(i, x), at(j, y)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_overlap_by_entity_or_content_word() {
        let cases: &[(&str, &str, &str, bool)] = &[
            ("demonym and nisba", "the Turkish plan", "الخطة التركية لممر الحبوب", true),
            ("same word", "the ceasefire proposal", "a ceasefire", true),
            ("plural", "guarantees for ships", "a ship convoy", true),
            ("arabic article and proclitic", "بالمبادرة التركية", "المبادرة", true),
            ("only function words shared", "the talks in the capital", "a deal with the rebels", false),
            ("different matters", "the Turkish plan", "sanctions on Iran", false),
        ];
        for (name, a, b, overlap) in cases {
            assert_eq!(!topics(a).is_disjoint(&topics(b)), *overlap, "{name}: {:?} / {:?}", topics(a), topics(b));
        }
    }
}
