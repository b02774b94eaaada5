//! Names the learned tagger found and the lexicon and patterns did not: a Sudanese general, a
//! Lebanese minister, an NGO no list holds.
//!
//! The tagger only proposes spans. The rules keep priority (a span touching a mention they
//! found is dropped, since the lexicon knows the identity, kind and aliases), and a proposal
//! becomes a mention only when it looks like a name as written: an English name starts with a
//! capital, an Arabic one-word name is long enough and is not a function word, and no span runs
//! over a line break. Places and other names are not actors by themselves and are ignored.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use super::{words::{self, class}, LexTokens, Mention, MentionForm, Referent, TokenMap};
use crate::lexicon::given_names::given_names;
use crate::model::ActorKind;
use crate::text::{arabic, Document, Script};

/// What the tagger says a span names; only the kinds that can be actors by themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TaggedKind {
    Person,
    Organization,
}

/// A span proposed by the tagger, in document tokens.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TaggedSpan {
    pub tokens: Range<usize>,
    pub kind: TaggedKind,
    /// The tagger's confidence in the span, from 0 to 1.
    pub confidence: f32,
}

/// A one-word Arabic proposal needs more confidence than a longer one: a lone word is far more
/// often a common noun or an adjective the model misread.
const MIN_CONFIDENCE_SINGLE_ARABIC: f32 = 0.8;
/// Below this the tagger is unsure; the rules' silence is the better guess.
const MIN_CONFIDENCE: f32 = 0.5;

/// The tokens a proposal may not touch: those of the rules' mentions, and the words the lexicon
/// knows (a place, a demonym, a title) that the rules did not make a mention: the rules saw them
/// and decided.
pub(super) fn covered(doc: &Document, existing: &[Mention], at: &TokenMap<usize, LexTokens>) -> Vec<bool> {
    let mut covered = vec![false; doc.tokens().len()];
    for m in existing {
        covered[m.phrase.clone()].iter_mut().for_each(|c| *c = true);
    }
    for (start, lt) in at.iter() {
        covered[start..lt.end.min(doc.tokens().len())].iter_mut().for_each(|c| *c = true);
    }
    covered
}

/// The mentions to add for `spans`, each with the folded byte offset where its name starts when
/// that is after proclitics glued to the first word (ولافروف → لافروف).
pub(super) fn mentions(doc: &Document, spans: &[TaggedSpan], covered: &mut [bool]) -> Vec<(Mention, Option<usize>)> {
    // The folded words of the text that a proposal's first word may read as, to tell a
    // proclitic from a name's first letter: وليد stays whole unless ليد is written on its own
    // somewhere. A reading ends as its word does, so only the words that end as a proposal's
    // first word does are collected (all of them were 1 % of an Arabic article's time).
    // (Collected when the first Arabic proposal needs it: most English articles have none.)
    let written: std::cell::OnceCell<HashSet<&str>> = std::cell::OnceCell::new();
    let written = || {
        written.get_or_init(|| {
            let endings = words::Endings::of(spans.iter().filter_map(|s| trimmed(doc, s.tokens.clone())).map(|r| doc.ftok(r.start)));
            (0..doc.tokens().len())
                .filter(|&i| doc.tokens()[i].is_word && doc.tokens()[i].script == Script::Arabic && endings.may_end(doc.ftok(i)))
                .map(|i| doc.ftok(i))
                .collect()
        })
    };
    let mut out = Vec::new();
    for span in spans {
        let Some(range) = trimmed(doc, span.tokens.clone()) else { continue };
        if range.clone().any(|k| covered[k]) || crosses_line(doc, &range) || has_separator(doc, &range) || is_dateline(doc, &range) || span.confidence < MIN_CONFIDENCE {
            continue;
        }
        let first = range.start;
        let arabic = doc.tokens()[first].script == Script::Arabic;
        let (bare, clipped) = if arabic { strip_proclitics(doc, first, written()) } else { (doc.ftok(first).to_string(), None) };
        if !looks_like_a_name(doc, &range, &bare, span) || names_a_place_or_thing(doc, &range, &bare) {
            continue;
        }
        let word_of = |k: usize| if k == first { bare.clone() } else { doc.ftok(k).to_string() };
        let referent = match span.kind {
            TaggedKind::Person => Referent::Unknown(word_of(range.end - 1)),
            TaggedKind::Organization => {
                let names: Vec<String> = range.clone().filter(|&k| doc.tokens()[k].is_word).map(|k| if arabic { arabic::bare_noun(&word_of(k)).to_string() } else { word_of(k) }).collect();
                let group = names.iter().any(|w| words::is(if arabic { class!("ar.group_head") } else { class!("en.group_head") }, w));
                Referent::Organization { key: names.join(" "), kind: if group { ActorKind::Group } else { ActorKind::Organization } }
            }
        };
        covered[range.clone()].iter_mut().for_each(|c| *c = true);
        let mut m = Mention::plain(range, referent, MentionForm::Name);
        m.proposed = true;
        out.push((m, clipped));
    }
    out
}

/// The span without punctuation at its ends ("U.S." keeps its inner stops).
fn trimmed(doc: &Document, mut range: Range<usize>) -> Option<Range<usize>> {
    range.end = range.end.min(doc.tokens().len());
    while range.start < range.end && !doc.tokens()[range.start].is_word {
        range.start += 1;
    }
    while range.end > range.start && !doc.tokens()[range.end - 1].is_word {
        range.end -= 1;
    }
    (range.start < range.end).then_some(range)
}

fn crosses_line(doc: &Document, range: &Range<usize>) -> bool {
    doc.text[doc.tokens()[range.start].start..doc.tokens()[range.end - 1].end].contains(['\n', '\t'])
}

/// Punctuation inside a name is a stop, hyphen, ampersand or apostrophe ("U.S.", "AT&T");
/// anything else (a table's pipe, a comma) separates two things.
fn has_separator(doc: &Document, range: &Range<usize>) -> bool {
    range.clone().any(|k| !doc.tokens()[k].is_word && !matches!(doc.ftok(k), "." | "-" | "&" | "'"))
}

/// "ISTANBUL (Reuters) -", "BAKU, Nov 20 –": the place line of a wire story, in capitals at
/// the start of a line.
fn is_dateline(doc: &Document, range: &Range<usize>) -> bool {
    let first = doc.tokens()[range.start].start;
    // Only blanks back to a line break (or the start): looked at backwards from the name, so
    // that a page of one line is not scanned once per proposal.
    let before = doc.text[..first].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    let at_line_start = before.is_empty() || before.ends_with('\n');
    let name = &doc.text[first..doc.tokens()[range.end - 1].end];
    at_line_start && name.chars().filter(|c| c.is_alphabetic()).count() > 4 && !name.chars().any(char::is_lowercase)
}

/// The first word of an Arabic name without the proclitics glued to it, and where the name
/// starts in the folded text when any were removed. A reading counts only with evidence: the
/// bare word is written alone elsewhere in the text or is a known given name.
fn strip_proclitics(doc: &Document, i: usize, written: &HashSet<&str>) -> (String, Option<usize>) {
    let word = doc.ftok(i);
    let names = given_names();
    for reading in words::arabic_readings(word).into_iter().skip(1) {
        // Readings that restore an article (للبرهان → البرهان) are not a suffix of the word.
        let Some(prefix_len) = word.len().checked_sub(reading.len()).filter(|&p| word[p..] == reading) else { continue };
        if written.contains(reading.as_str()) || names.contains_key(&reading) {
            return (reading, Some(doc.tokens()[i].fstart + prefix_len));
        }
    }
    (word.to_string(), None)
}

/// An airport, a street or a crossing is a place, and GDP a figure, however much the name
/// looks like an organisation's: neither takes a stance. The head is the first word of an
/// Arabic name (مطار بن غوريون) and the last of an English one (Ben Gurion Airport).
fn names_a_place_or_thing(doc: &Document, range: &Range<usize>, first_bare: &str) -> bool {
    match doc.tokens()[range.start].script {
        Script::Arabic => {
            super::after_place_head(doc, range.start) || words::is(class!("ar.facility_head"), first_bare) || words::is(class!("ar.facility_head"), arabic::bare_noun(first_bare))
        }
        _ => {
            let last = doc.ftok(range.end - 1);
            // A law or a treaty ("the International Emergency Economic Powers Act") is a thing.
            words::is(class!("en.facility_head"), last) || (range.len() > 1 && words::is(class!("en.law_name"), last)) || (range.len() == 1 && words::is(class!("en.not_an_actor"), last))
        }
    }
}

fn looks_like_a_name(doc: &Document, range: &Range<usize>, first_bare: &str, span: &TaggedSpan) -> bool {
    let first = range.start;
    let t = &doc.tokens()[first];
    match t.script {
        Script::Arabic => {
            if range.len() == 1 {
                span.confidence >= MIN_CONFIDENCE_SINGLE_ARABIC
                    && first_bare.chars().count() >= 3
                    && !words::is(class!("ar.stop", "ar.qualifier", "ar.preposition", "ar.time", "ar.negation"), first_bare)
            } else {
                !words::is(class!("ar.stop"), first_bare)
            }
        }
        Script::Latin => {
            // Every word of an English name but its particles is capitalised ("Bank of England").
            range.clone().filter(|&k| doc.tokens()[k].is_word).all(|k| {
                let w = doc.otok(k);
                w.chars().next().is_some_and(char::is_uppercase) || words::token_is(doc, k, class!("en.name_particle")) || matches!(doc.ftok(k), "of" | "for" | "and" | "the")
            }) && !words::token_is(doc, first, class!("en.stop"))
                && doc.tokens()[range.end - 1].upper
                // One word alone is a name only with three letters or more and no apostrophe,
                // and not a pronoun or a party adjective ("I", "We’re", "Sh", "Republican").
                && (range.len() > 1
                    || (doc.ftok(first).chars().count() >= 3
                        && !doc.otok(first).contains(['\'', '’'])
                        && !words::token_is(doc, first, class!("en.pronoun_male", "en.pronoun_female", "en.pronoun_plural", "en.quantifier", "en.collective"))
                        && !matches!(doc.ftok(first), "you" | "we" | "republican" | "democrat" | "democratic" | "conservative" | "liberal" | "opposition")))
        }
        _ => false,
    }
}

/// The tagger's spans for a whole document, sentence by sentence, in document tokens.
pub(super) fn tag(doc: &Document, language: &str, tagger: &crate::ner::Tagger, covered: &[bool]) -> Vec<TaggedSpan> {
    // A sentence in the other script (an English quote in an Arabic article) is left to the
    // rules: the model has never seen it.
    let script = if language == "ar" { Script::Arabic } else { Script::Latin };
    // The whole article at once: a name the tagger recognised in one sentence is a hint in
    // the others (worth about two points of F1 on the Arabic test set).
    //
    // An English sentence without a capitalised word that is neither covered nor a stop word
    // cannot give a name that `mentions` accepts; with a model that tags each sentence on its
    // own (no document stage) it is skipped, which changes no result and saves most of the
    // tagger's time on English text. A figure's acronym (GDP) alone does not make a sentence
    // worth tagging either: a proposal of it alone is dropped, and one with other uncovered
    // capitalised words is tagged for those.
    let independent = !tagger.uses_document_context();
    let may_hold_a_name = |s: &&crate::text::Sentence| {
        script != Script::Latin
            || !independent
            || s.tokens.clone().any(|i| {
                doc.tokens()[i].is_word
                    && !covered[i]
                    && doc.tokens()[i].upper
                    && !words::token_is(doc, i, class!("en.stop"))
                    // A figure's acronym alone (GDP) is never taken as a name (see below).
                    && !words::token_is(doc, i, class!("en.not_an_actor"))
            })
    };
    let sentences: Vec<&crate::text::Sentence> =
        doc.sentences.iter().filter(|s| s.tokens.clone().any(|i| doc.tokens()[i].script == script)).filter(may_hold_a_name).collect();
    let tokens: Vec<Vec<&str>> = sentences.iter().map(|s| s.tokens.clone().map(|i| doc.otok(i)).collect()).collect();
    // Only the spans `mentions` may keep get a confidence: a person or an organisation, in the
    // article's script, over no word the rules have covered (most of the tagger's names in a
    // news article are ones the lexicon knows).
    let wanted = |i: usize, e: &crate::ner::EntitySpan| {
        let start = sentences[i].tokens.start;
        matches!(e.kind, crate::ner::EntityKind::Person | crate::ner::EntityKind::Organization)
            && doc.tokens()[start + e.start].script == script
            && trimmed(doc, start + e.start..start + e.end).is_some_and(|mut range| !range.any(|k| covered[k]))
    };
    let mut out = Vec::new();
    for (s, entities) in sentences.iter().zip(tagger.tag_document_where(&tokens, wanted)) {
        for e in entities {
            let kind = if e.kind == crate::ner::EntityKind::Person { TaggedKind::Person } else { TaggedKind::Organization };
            out.push(TaggedSpan { tokens: s.tokens.start + e.start..s.tokens.start + e.end, kind, confidence: e.confidence });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proposals(text: &str, spans: &[(usize, usize, TaggedKind, f32)]) -> Vec<(String, String)> {
        let doc = Document::new(text);
        let spans: Vec<TaggedSpan> = spans.iter().map(|&(s, e, kind, confidence)| TaggedSpan { tokens: s..e, kind, confidence }).collect();
        let lexicon = crate::lexicon::Lexicon::builtin();
        let (existing, at, _) = super::super::find_tokens(&doc, lexicon, "und", None);
        mentions(&doc, &spans, &mut covered(&doc, &existing, &at))
            .into_iter()
            .map(|(m, clipped)| {
                let start = clipped.map_or(doc.tokens()[m.name.start].start, |f| doc.original_range(f..f + 1).start);
                let who = match m.referent {
                    Referent::Unknown(k) => format!("person:{k}"),
                    Referent::Organization { key, kind } => format!("{kind:?}:{key}"),
                    _ => "other".into(),
                };
                (doc.text[start..doc.tokens()[m.name.end - 1].end].to_string(), who)
            })
            .collect()
    }

    #[test]
    fn proclitics_come_off_only_with_evidence() {
        // وزرنوقي: زرنوقي is written alone later, so و is a conjunction.
        let text = "وقال وزرنوقي كلاما. وأكد زرنوقي ذلك.";
        assert_eq!(proposals(text, &[(1, 2, TaggedKind::Person, 0.95)]), vec![("زرنوقي".to_string(), "person:زرنوقي".to_string())]);
        // وهبان alone: nothing shows و is a clitic, so the name keeps it.
        let text = "قال وهبان الزرنوقي إن الاتفاق صامد.";
        assert_eq!(proposals(text, &[(1, 3, TaggedKind::Person, 0.9)]), vec![("وهبان الزرنوقي".to_string(), "person:الزرنوقي".to_string())]);
    }

    #[test]
    fn rules_keep_priority_and_weak_or_odd_spans_are_dropped() {
        // Putin is in the lexicon: the tagger's span over him adds nothing.
        assert!(proposals("Vladimir Putin spoke on Monday.", &[(0, 2, TaggedKind::Person, 0.99)]).is_empty());
        // Lowercase words are not an English name, whatever the tagger says.
        assert!(proposals("The farmers union spoke on Monday.", &[(1, 3, TaggedKind::Organization, 0.99)]).is_empty());
        // An unsure one-word Arabic proposal is dropped, a confident one kept.
        let text = "وصل زرنوقي إلى المدينة.";
        assert!(proposals(text, &[(1, 2, TaggedKind::Person, 0.6)]).is_empty());
        assert_eq!(proposals(text, &[(1, 2, TaggedKind::Person, 0.9)]).len(), 1);
        // A span running over a line break is two things, not one name.
        assert!(proposals("Aino\nVirtanen left.", &[(0, 2, TaggedKind::Person, 0.99)]).is_empty());
    }

    #[test]
    fn a_name_after_a_noun_of_place_is_the_place() {
        // Islands, a shrine, a city: past a kunya the tagger left out of the span.
        assert!(proposals("زار الوفد جزر أبو ظليم الكبرى أمس.", &[(4, 6, TaggedKind::Person, 0.9)]).is_empty());
        assert!(proposals("دخل المستوطنون الحرم الزرنوقي الشريف.", &[(3, 5, TaggedKind::Person, 0.9)]).is_empty());
        assert!(proposals("وصل إلى مدينة زرنوق الجديدة.", &[(3, 5, TaggedKind::Organization, 0.9)]).is_empty());
        assert_eq!(proposals("وصل أبو زرنوق الجديد إلى المدينة.", &[(2, 4, TaggedKind::Person, 0.9)]).len(), 1);
    }

    #[test]
    fn organisations_and_datelines() {
        let got = proposals("Officials at Medair said the camp was full.", &[(2, 3, TaggedKind::Organization, 0.9)]);
        assert_eq!(got, vec![("Medair".to_string(), "Organization:medair".to_string())]);
        // The place line of a wire story is not an organisation, nor a place the lexicon knows.
        assert!(proposals("KORHOLM (Reuters) - Officials met.", &[(0, 1, TaggedKind::Organization, 0.9)]).is_empty());
        assert!(proposals("Officials in Brazil met.", &[(2, 3, TaggedKind::Organization, 0.9)]).is_empty());
        // Cells of a pasted table are separate things.
        assert!(proposals("Medair\tOxfam said", &[(0, 2, TaggedKind::Organization, 0.9)]).is_empty());
    }
}
