//! The output contract of `analyze`, checked on any input: shared by the property tests, the
//! pathological-input tests and the fuzz targets (`fuzz/`, which includes this file by path),
//! so that all three hold the output to the same promises.
//!
//! Encodes the input to UTF-16 once, so checking a 10 MB input with many spans stays linear.

use stancemap::{Analysis, Options};

/// The input as JavaScript sees it: UTF-16 code units.
pub struct Utf16Text<'a> {
    pub text: &'a str,
    pub units: Vec<u16>,
}

impl<'a> Utf16Text<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16Text { text, units: text.encode_utf16().collect() }
    }

    /// `text.slice(start, end)` in JavaScript, or why it is not a valid span: outside the input,
    /// reversed, or cutting a surrogate pair.
    pub fn slice(&self, span: [usize; 2]) -> Result<String, String> {
        self.valid(span)?;
        String::from_utf16(&self.units[span[0]..span[1]]).map_err(|err| format!("span {span:?}: {err}"))
    }

    /// Whether `span` is a valid range, without decoding it: a text that is valid UTF-8 has
    /// no lone surrogates, so a range inside it that cuts no pair decodes. (Sentences of a
    /// text without full stops are megabytes long, and one per position.)
    pub fn valid(&self, [s, e]: [usize; 2]) -> Result<(), String> {
        let n = self.units.len();
        if s > e || e > n {
            return Err(format!("span {s}..{e} outside 0..{n}"));
        }
        let cuts_pair = |at: usize| at > 0 && at < n && (0xDC00..0xE000).contains(&self.units[at]);
        if cuts_pair(s) || cuts_pair(e) {
            return Err(format!("span {s}..{e} cuts a surrogate pair"));
        }
        Ok(())
    }
}

/// Asserts every promise of the output contract of `a = analyze(text, _)`:
/// - every offset (mention, position span, sentence) is a UTF-16 range inside the input on
///   code-point boundaries; mentions are not blank; a position's `text` is its span sliced, and
///   the span lies inside its sentence;
/// - actor ids are `a1`, `a2`, … in order; positions and table columns name existing actors (a column may have "": its header names none);
/// - the table has one header per column and one cell per column in every row;
/// - the language is one of the three codes; salience is finite, within 0..=1, and the
///   first actor's is 1.
///
/// Panics with the offending item and a short excerpt of the input.
pub fn check(text: &Utf16Text, a: &Analysis) {
    let excerpt = || -> String {
        let cut: String = text.text.chars().take(160).collect();
        if cut.len() < text.text.len() { format!("{cut:?}… ({} bytes)", text.text.len()) } else { format!("{cut:?}") }
    };
    assert!(matches!(a.language.as_str(), "ar" | "en" | "und"), "language {:?} in {}", a.language, excerpt());
    for (n, actor) in a.actors.iter().enumerate() {
        assert_eq!(actor.id, format!("a{}", n + 1), "actor ids in order in {}", excerpt());
        assert!(!actor.mentions.is_empty(), "{} has no mentions in {}", actor.name, excerpt());
        assert!(!actor.name.trim().is_empty(), "actor {} has no name in {}", actor.id, excerpt());
        assert!(actor.salience.is_finite() && (0.0..=1.0).contains(&actor.salience), "salience {} of {} in {}", actor.salience, actor.name, excerpt());
        for &m in &actor.mentions {
            let s = text.slice(m).unwrap_or_else(|e| panic!("mention of {:?}: {e} in {}", actor.name, excerpt()));
            assert!(!s.trim().is_empty(), "blank mention {m:?} of {:?} in {}", actor.name, excerpt());
        }
    }
    if let Some(first) = a.actors.first() {
        assert_eq!(first.salience, 1.0, "the most salient actor has salience 1 in {}", excerpt());
    }
    let ids: std::collections::HashSet<&str> = a.actors.iter().map(|x| x.id.as_str()).collect();
    for p in &a.positions {
        let span = text.slice(p.span).unwrap_or_else(|e| panic!("span of {p:?}: {e} in {}", excerpt()));
        assert_eq!(span, p.text, "position text is its span sliced in {}", excerpt());
        text.valid(p.sentence).unwrap_or_else(|e| panic!("sentence of {p:?}: {e} in {}", excerpt()));
        assert!(p.sentence[0] <= p.span[0] && p.span[1] <= p.sentence[1], "span outside its sentence: {p:?} in {}", excerpt());
        assert!(ids.contains(&p.actor.as_str()), "position of unknown actor {} in {}", p.actor, excerpt());
    }
    let t = &a.table;
    for c in &t.columns {
        // "" heads a column whose header names no actor ("Option A").
        assert!(c.is_empty() || ids.contains(&c.as_str()), "table column {c} is no actor in {}", excerpt());
    }
    assert_eq!(t.headers.len(), t.columns.len(), "one header per column in {}", excerpt());
    for r in &t.rows {
        assert_eq!(r.cells.len(), t.columns.len(), "row {:?} has one cell per column in {}", r.aspect, excerpt());
    }
}

/// Analyses `text` twice, checks the contract on the first result and that the second is
/// identical (the analysis is a pure function of its input).
pub fn check_analyze(text: &str, options: &Options) -> Analysis {
    let a = stancemap::analyze(text, options);
    check(&Utf16Text::new(text), &a);
    let again = stancemap::analyze(text, options);
    assert!(a == again, "analysis differs between two runs on {:?}", text.chars().take(160).collect::<String>());
    a
}
