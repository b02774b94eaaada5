//! Several articles about one event, side by side: which actors each names, which positions
//! each reports for them, and what differs. Reads only the public [`Analysis`] of each article,
//! so it runs after the pipeline and never reaches back into it.
//!
//! Actors are aligned across articles (and across languages) by the lexicon's identity first,
//! then by name and alias, kind and role (`align`); claims are matched across articles by the
//! named actors and content words they share (`claims`).
//!
//! ```
//! use stancemap::{analyze, compare::compare, Options};
//!
//! let arabic = analyze("رفض الرئيس الروسي فلاديمير بوتين الخطة التركية.", &Options::default());
//! let english = analyze("Russian President Vladimir Putin supported the Turkish plan. \
//!                        UN Secretary-General António Guterres welcomed the talks.", &Options::default());
//! let comparison = compare(&[arabic, english]).unwrap();
//! // بوتين and Putin are one row: the lexicon knows them as one person.
//! let putin = comparison.actors.iter().find(|r| r.key.as_deref() == Some("person:vladimir-putin")).unwrap();
//! assert!(putin.articles.iter().all(Option::is_some));
//! // Guterres is named by the English article only; Putin's stances there are opposite.
//! assert!(comparison.differences.iter().any(|d| matches!(d, stancemap::compare::Difference::OnlyIn { article: 1, .. })));
//! assert!(comparison.differences.iter().any(|d| matches!(d, stancemap::compare::Difference::OppositeStances { .. })));
//! ```

mod align;
mod claims;

use serde::{Deserialize, Serialize};

use crate::{ActorKind, Analysis, Stance, Utf16Span};

/// The comparison of two or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The articles in the order given.
    pub articles: Vec<ComparedArticle>,
    /// The actors aligned across the articles, the most widely named first.
    pub actors: Vec<AlignedActor>,
    /// What the articles disagree on or leave out.
    pub differences: Vec<Difference>,
}

/// One article of a comparison and its summary line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparedArticle {
    /// How the article is called in the comparison: `Article 1`, … unless the caller names it
    /// (the CLI uses the file name, the page the article's first line or the reader's name).
    pub label: String,
    /// The article's language as analysed (`ar`, `en`, `und`).
    pub language: String,
    /// Actors the article names.
    pub actors: usize,
    /// Positions the article reports.
    pub positions: usize,
    /// The row (index into [`Comparison::actors`]) of the actor the article gives the most
    /// positions, if it gives any.
    pub quoted_most: Option<usize>,
}

/// An actor as one row of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedActor {
    /// Its name as the first article naming it writes it.
    pub name: String,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// The lexicon entry it was aligned by (`person:vladimir-putin`, `country:ru`), if any.
    pub key: Option<String>,
    /// Its role as the first article giving one writes it.
    pub role: Option<String>,
    /// One entry per article, `None` where the article does not name it.
    pub articles: Vec<Option<ActorInArticle>>,
}

/// What one article says about one actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorInArticle {
    /// The actor's id in that article's analysis (`a1`, …).
    pub actor: String,
    /// Its name as that article writes it.
    pub name: String,
    /// How often the article mentions it.
    pub mentions: usize,
    /// Whether the article gives it a voice: reports at least one position of its.
    pub quoted: bool,
    /// The positions the article attributes to it, in text order.
    pub positions: Vec<ReportedPosition>,
}

/// A position as one article reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportedPosition {
    /// The kind of stance.
    pub stance: Stance,
    /// The claim as written in that article.
    pub text: String,
    /// Where the claim is in that article's text (UTF-16 units), to link back to the evidence.
    pub span: Utf16Span,
}

/// Something the articles disagree on or leave out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Difference {
    /// Only one article names this actor.
    OnlyIn {
        /// The row in [`Comparison::actors`].
        actor: usize,
        /// The article naming it.
        article: usize,
    },
    /// Two articles give the actor opposite stances on overlapping claims (one supports,
    /// agrees, proposes or demands what the other says it opposes or rejects).
    OppositeStances {
        /// The row in [`Comparison::actors`].
        actor: usize,
        /// The position as the first article reports it.
        first: StanceAt,
        /// The opposite position as the second article reports it.
        second: StanceAt,
    },
}

/// A position in one article, named by article and index into the actor's positions there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceAt {
    /// The article.
    pub article: usize,
    /// Index into that article's [`ActorInArticle::positions`] for the actor.
    pub position: usize,
    /// The stance reported.
    pub stance: Stance,
    /// The claim as written.
    pub text: String,
}

/// Why no comparison was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareError {
    /// A comparison needs at least two articles; this many were given.
    TooFew(usize),
}

impl std::fmt::Display for CompareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompareError::TooFew(n) => write!(f, "a comparison needs at least two articles; {n} given"),
        }
    }
}

impl std::error::Error for CompareError {}

/// Compares the analyses of two or more articles about one event: aligned actors, what each
/// article reports for each, and the differences. Labels default to `Article 1`, `Article 2`, …
/// (the fields are public: name them after the call).
pub fn compare(analyses: &[Analysis]) -> Result<Comparison, CompareError> {
    if analyses.len() < 2 {
        return Err(CompareError::TooFew(analyses.len()));
    }
    let actors = align::rows(analyses);
    let mut differences: Vec<Difference> = Vec::new();
    for (row, actor) in actors.iter().enumerate() {
        let named: Vec<usize> = (0..analyses.len()).filter(|&i| actor.articles[i].is_some()).collect();
        if let [article] = named[..] {
            differences.push(Difference::OnlyIn { actor: row, article });
        }
        differences.extend(claims::opposite_stances(&actor.articles).into_iter().map(|(first, second)| Difference::OppositeStances { actor: row, first, second }));
    }
    let articles = analyses
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let given = |row: &AlignedActor| row.articles[i].as_ref().map_or(0, |c| c.positions.len());
            // Ties go to the earlier (more widely named) row.
            let quoted_most = actors.iter().enumerate().filter(|(_, r)| given(r) > 0).fold(None, |best: Option<(usize, usize)>, (row, r)| match best {
                Some((_, n)) if n >= given(r) => best,
                _ => Some((row, given(r))),
            });
            ComparedArticle { label: format!("Article {}", i + 1), language: a.language.clone(), actors: a.actors.len(), positions: a.positions.len(), quoted_most: quoted_most.map(|(row, _)| row) }
        })
        .collect();
    Ok(Comparison { articles, actors, differences })
}
