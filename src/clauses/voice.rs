//! Voice: a cue in the passive has its holder in an agent phrase, not in its subject. "Hungary
//! was ordered to pay" names no holder; "the plan rejected by the union" and "was praised by
//! Macron" name it after "by", and what the agent took a stance on is the patient before the
//! verb. Arabic news marks the agent the same way (من قبل، من جانب، من طرف) after a passive
//! participle or verb: "المرفوضة من قبل الوزير".

use std::ops::Range;

use crate::mentions::words::{self, class};
use crate::text::{Document, Script};

use super::coref::MentionIndex;

/// A passive cue: its agent (actor, phrase) when one is named, and the patient's words.
pub(super) struct Passive {
    pub agent: Option<(usize, Range<usize>)>,
    /// Byte range of the noun phrase the stance is about.
    pub patient: Option<Range<usize>>,
}

/// The passive reading of the English cue at `k` (ending at `cue_end`), if it is one: a past
/// participle after a form of "be" ("was rejected"), or right after a noun with "by" after it
/// ("a plan rejected by the union").
pub(super) fn passive(doc: &Document, index: &MentionIndex, sentence: Range<usize>, k: usize, cue_end: usize) -> Option<Passive> {
    if doc.tokens()[k].script != Script::Latin {
        return None;
    }
    let w = doc.ftok(k);
    let participle = w.ends_with("ed") || matches!(w, "told" | "sought" | "written" | "made" | "said" | "held" | "brought");
    if !participle {
        return None;
    }
    // Adverbs and "not" may stand between the auxiliary and the participle.
    let mut b = k;
    while b > sentence.start && doc.tokens()[b - 1].is_word && (doc.ftok(b - 1).ends_with("ly") || matches!(doc.ftok(b - 1), "not" | "also" | "never" | "widely" | "being")) {
        b -= 1;
    }
    let be = b > sentence.start && matches!(doc.ftok(b - 1), "is" | "are" | "was" | "were" | "be" | "been");
    let by_at = (cue_end..sentence.end.min(cue_end + 3)).find(|&t| doc.ftok(t) == "by");
    let agent = by_at.and_then(|t| {
        let p = if t + 1 < sentence.end && doc.ftok(t + 1) == "the" { t + 2 } else { t + 1 };
        index.at(p).filter(|(_, ph)| ph.start == p)
    });
    // A participle right after a noun is a reduced relative only with its agent named: "the
    // levy threatened by the president"; "Hungary rejected the plan" is active.
    // (The noun may close with an abbreviation in brackets: "the Port Decree (PD) signed by".)
    let noun_before = b > sentence.start && (doc.tokens()[b - 1].is_word || doc.ftok(b - 1) == ")");
    let reduced = !be && noun_before && agent.is_some() && !words::token_is(doc, b - 1, class!("en.auxiliary")) && !matches!(doc.ftok(b - 1), "has" | "have" | "had");
    if !(be || reduced) {
        return None;
    }
    let mut head = if be { b - 1 } else { b };
    if !be && doc.ftok(head - 1) == ")" {
        if let Some(open) = (sentence.start.max(head.saturating_sub(8))..head - 1).rev().find(|&t| doc.ftok(t) == "(") {
            head = open;
        }
    }
    Some(Passive { agent, patient: patient_before(doc, sentence.start, head) })
}

/// The noun phrase that ends right before token `end`: back over words to a clause opener,
/// punctuation or a few words' reach.
fn patient_before(doc: &Document, sentence_start: usize, end: usize) -> Option<Range<usize>> {
    const REACH: usize = 8;
    let mut s = end;
    // (A preposition before the noun phrase governs it: "to protest against the decree".)
    while s > sentence_start && s + REACH > end && doc.tokens()[s - 1].is_word && !is_clause_opener(doc.ftok(s - 1)) && !matches!(doc.ftok(s - 1), "to" | "against" | "on" | "for" | "from" | "in" | "at" | "over" | "about" | "into" | "without" | "between") {
        s -= 1;
    }
    // Leading determiners stay; at least two words make a patient.
    let words = (s..end).filter(|&t| doc.tokens()[t].is_word).count();
    (words >= 2).then(|| doc.tokens()[s].start..doc.tokens()[end - 1].end)
}

fn is_clause_opener(w: &str) -> bool {
    matches!(w, "that" | "which" | "who" | "and" | "but" | "or" | "said" | "after" | "as" | "while" | "when" | "because" | "if" | "since" | "although" | "was" | "were" | "is" | "are" | "has" | "have" | "had" | "with" | "under" | "of")
}
