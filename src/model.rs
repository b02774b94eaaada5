//! The output contract: what `analyze` returns, identical from the CLI (as JSON) and from WASM.
//!
//! Every offset is a pair `[start, end]` of UTF-16 code units into the input text, so that
//! `input.slice(start, end)` in JavaScript yields the mentioned text.

use serde::{Deserialize, Serialize};

/// A `[start, end)` range of UTF-16 code units into the analysed text.
pub type Utf16Span = [usize; 2];

/// Everything stancemap found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Detected (or requested) language: `"ar"`, `"en"`, or `"und"` when neither.
    pub language: String,
    /// Actors ordered by salience, most salient first; ids are `a1`, `a2`, … in that order.
    pub actors: Vec<Actor>,
    /// Positions in text order.
    pub positions: Vec<Position>,
    /// The comparison table: the one pasted in the article, or one derived from the positions.
    pub table: ComparisonTable,
}

/// A person, country, organisation or group that the article talks about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id within one analysis (`a1`, `a2`, …).
    pub id: String,
    /// Canonical name, in the article's language where known.
    pub name: String,
    /// What kind of actor this is.
    pub kind: ActorKind,
    /// Title or role as written in the text (e.g. `الرئيس الروسي`), if any.
    pub role: Option<String>,
    /// Distinct surface forms in the text that refer to this actor.
    pub aliases: Vec<String>,
    /// Every mention, as UTF-16 spans into the input.
    pub mentions: Vec<Utf16Span>,
    /// Relative prominence in the article, from 0.0 to 1.0 (the top actor has 1.0).
    pub salience: f64,
}

/// The kind of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named individual.
    Person,
    /// A state (also when named by its capital, demonym or "the X side").
    Country,
    /// An international body, ministry, army, company or NGO.
    Organization,
    /// A party, armed movement or coalition.
    Group,
}

/// What an actor stands for, with the evidence in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// The id of the actor holding the position.
    pub actor: String,
    /// The kind of stance.
    pub stance: Stance,
    /// The claim itself (a substring of the input: `span` sliced).
    pub text: String,
    /// Where the claim is in the input.
    pub span: Utf16Span,
    /// The sentence holding the claim.
    pub sentence: Utf16Span,
}

/// The kind of stance a position expresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Backs, welcomes or adopts something.
    Supports,
    /// Disapproves of something.
    Opposes,
    /// Offers, proposes or pledges something.
    Proposes,
    /// Calls for or demands something.
    Demands,
    /// Threatens an action.
    Threatens,
    /// Cautions against something.
    Warns,
    /// Accuses another party.
    Accuses,
    /// Denies or refuses something.
    Rejects,
    /// Accepts a deal or agrees with something.
    Agrees,
    /// A claim or statement.
    States,
}

impl Stance {
    /// Every stance, in declaration order (the columns of [`crate::summary`]).
    pub const ALL: [Stance; 10] = [
        Stance::Supports,
        Stance::Opposes,
        Stance::Proposes,
        Stance::Demands,
        Stance::Threatens,
        Stance::Warns,
        Stance::Accuses,
        Stance::Rejects,
        Stance::Agrees,
        Stance::States,
    ];

    /// The stance's name as the JSON output writes it (`"supports"`, …). The match is
    /// exhaustive so that a new stance cannot be added without a name here (and a place in
    /// [`Stance::ALL`]).
    pub fn name(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Opposes => "opposes",
            Stance::Proposes => "proposes",
            Stance::Demands => "demands",
            Stance::Threatens => "threatens",
            Stance::Warns => "warns",
            Stance::Accuses => "accuses",
            Stance::Rejects => "rejects",
            Stance::Agrees => "agrees",
            Stance::States => "states",
        }
    }

    /// The stance of a name as [`Stance::name`] gives it.
    ///
    /// ```
    /// use stancemap::Stance;
    ///
    /// assert_eq!(Stance::from_name("rejects"), Some(Stance::Rejects));
    /// assert_eq!(Stance::from_name("Rejects"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Where a table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TableSource {
    /// Parsed from a comparison table pasted in the article.
    Explicit,
    /// Built from the extracted actors and positions.
    Derived,
}

/// A side-by-side comparison of actors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonTable {
    /// Explicit (pasted in the article) or derived.
    pub source: TableSource,
    /// Header of the aspect column as written, if the table has one.
    pub aspect_label: Option<String>,
    /// Actor ids, one per column; "" for a pasted table's column whose header names no actor
    /// ("Option A", a name the analysis does not list).
    pub columns: Vec<String>,
    /// Column headers as written (explicit) or the actors' names (derived).
    pub headers: Vec<String>,
    /// One row per aspect.
    pub rows: Vec<TableRow>,
}

/// One aspect compared across the table's columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    /// The aspect as written (explicit) or a label in the article's language (derived).
    pub aspect: String,
    /// One cell per column; an empty string where nothing is known.
    pub cells: Vec<String>,
}
