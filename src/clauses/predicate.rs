//! Predicates: the stance cue a clause turns on. A verb (or participle) of the cue lexicon with
//! its particle and negation ("لم يوافق على", "did not support", "called for"), or a noun frame
//! whose genitive or possessive is the holder ("إصرار إيران على", "Brazil's refusal to").

use crate::lexicon::cues::{Cue, Cues};
use crate::mentions::words::{self, class};
use crate::model::Stance;
use crate::text::{arabic, Document, Script};

use super::coref::{Holder, MentionIndex};

/// A cue found at a token: its stance, and the token after it (and after its particle).
pub(super) struct CueAt<'c> {
    pub cue: &'c Cue,
    pub end: usize,
    pub negated: bool,
}

/// An Arabic cue verb or participle at token `k`, possibly with proclitics (و، ف، س) and an
/// object pronoun (أكده).
pub(super) fn arabic_cue(doc: &Document, k: usize) -> Option<CueAt<'static>> {
    let cues = &Cues::builtin().arabic;
    let word = doc.ftok(k);
    // After a preposition the word is a verbal noun, not a verb: "مقابل تعهد بتسليم …" (in
    // return for a pledge), "بعد رفض …".
    // (حتى also takes a verb: حتى يتراجع.)
    if k > 0 && doc.tokens()[k - 1].is_word && doc.ftok(k - 1) != "حتي" && (words::token_is(doc, k - 1, class!("ar.preposition")) || matches!(doc.ftok(k - 1), "مقابل" | "عقب" | "اثر")) {
        return None;
    }
    let cue = arabic::verb_stems(word)
        .into_iter()
        .find_map(|s| cues.get(s).or_else(|| arabic::strip_enclitic(s).and_then(|st| cues.get(st))))
        .or_else(|| doubled_verb_after_conjunction(doc, k))?;
    let mut end = k + 1;
    if end < doc.tokens().len() && cue.particles.iter().any(|p| p == doc.ftok(end)) {
        end += 1;
    }
    if cue.reports_only && !reports_words(doc, k + 1) {
        return None;
    }
    // A verb spelled like a preposition (عبر "expressed" / "via") is the verb only with its
    // particle ahead in the clause: "عبر الوزير، اليوم، عن ثقته", not "عبر منصة إكس".
    if words::token_is(doc, k, class!("ar.preposition")) && !particle_ahead(doc, cue, k + 1) {
        return None;
    }
    let negated = k > 0 && doc.tokens()[k - 1].is_word && words::token_is(doc, k - 1, class!("ar.negation"));
    Some(CueAt { cue, end, negated })
}

/// "وحث الرئيس البرلمان على …": a doubled verb written in two letters (حث، حض) after a
/// conjunction is three letters in all, too short for the conjunction to come off by itself
/// (ورد is "was mentioned" as often as "and replied"); it is the verb when its particle follows.
fn doubled_verb_after_conjunction(doc: &Document, k: usize) -> Option<&'static Cue> {
    let word = doc.ftok(k);
    let rest = word.strip_prefix(['و', 'ف'])?;
    if rest.chars().count() != 2 {
        return None;
    }
    let cue = Cues::builtin().arabic.get(rest)?;
    (!cue.particles.is_empty() && particle_ahead(doc, cue, k + 1)).then_some(cue)
}

/// Whether the cue's particle comes within a few words after `from`, before the clause ends.
fn particle_ahead(doc: &Document, cue: &Cue, from: usize) -> bool {
    const REACH: usize = 10;
    (from..doc.tokens().len().min(from + REACH))
        .take_while(|&t| doc.tokens()[t].is_word || matches!(doc.ftok(t), "،" | ","))
        .any(|t| cue.particles.iter().any(|p| p == doc.ftok(t)))
}

/// A noun frame: a verbal noun or position noun with its holder as genitive (موقف بوتين من
/// …، إصرار إسرائيل على …) or, in English, after a possessive holder (Spain's refusal to …).
/// Returns the cue and the holder (actor, where the claim starts, explicit).
pub(super) fn noun_frame(doc: &Document, by_token: &MentionIndex, k: usize) -> Option<(CueAt<'static>, Option<Holder>)> {
    static POSITION: std::sync::OnceLock<Cue> = std::sync::OnceLock::new();
    let position = POSITION.get_or_init(|| Cue { stance: Stance::States, speech: false, particles: vec![], rest: vec![], participle: false, reports_only: false });
    let cues = Cues::builtin();
    let word = doc.ftok(k);
    match doc.tokens()[k].script {
        Script::Arabic => {
            // The construct noun carries no article: "إصرار إسرائيل", not "الإصرار".
            if arabic::has_article(word) {
                return None;
            }
            // The holder's mention is looked up first: it is a vector look-up, and most words
            // have none after them.
            let (actor, phrase) = by_token.at(k + 1).filter(|(_, p)| p.start == k + 1)?;
            let bare = arabic::without_proclitics(word);
            let position_noun = words::is(class!("ar.position_noun"), word);
            // "موقف روسيا من الأزمة": a position noun introduces its content with a preposition;
            // "الخلاف بين مواقف أردوغان وماكرون ما يزال …" names the positions, states none.
            if position_noun && !(phrase.end < doc.tokens().len() && matches!(doc.ftok(phrase.end), "من" | "تجاه" | "ازاء" | "بشان" | "حول" | "علي")) {
                return None;
            }
            let cue = if position_noun { Some(position) } else { cues.arabic_nouns.get(bare) }?;
            Some((CueAt { cue, end: phrase.end, negated: false }, Some((actor, phrase.end, true))))
        }
        _ => {
            // X's refusal: mention, apostrophe, s, noun (checked before the noun: most words
            // follow no possessive).
            if k < 3 || doc.ftok(k - 1) != "s" || doc.ftok(k - 2) != "'" {
                return None;
            }
            let cue = if words::is(class!("en.position_noun"), word) { Some(position) } else { cues.english_nouns.get(word) }?;
            let (actor, _) = by_token.at(k - 3).filter(|(_, p)| p.end == k - 2)?;
            // The noun must introduce its content ("refusal to", "demand for", "stance on");
            // "dismissed the EU's offer as …" is someone else's claim about it.
            let end = k + 1;
            let next = doc.ftok(end.min(doc.tokens().len() - 1));
            if end >= doc.tokens().len() || !(cue.particles.iter().any(|p| p == next) || matches!(next, "of" | "for" | "to" | "that" | "on" | "against")) {
                return None;
            }
            let end = end + 1;
            Some((CueAt { cue, end, negated: false }, Some((actor, end, true))))
        }
    }
}

/// An English cue at token `k` ("said", "called for", "ruled out").
pub(super) fn english_cue(doc: &Document, k: usize) -> Option<CueAt<'static>> {
    if !words::token_starts_english_cue(doc, k) {
        return None;
    }
    let cue = Cues::builtin().english_at(doc.ftok(k), |d| (k + d < doc.tokens().len()).then(|| doc.ftok(k + d)))?;
    // A cue word after a determiner is a noun ("ahead of the vote", "its support"); after a
    // preposition too, unless it is a gerund ("on state television", but "after saying").
    if k > 0 && doc.tokens()[k - 1].is_word {
        let before = doc.ftok(k - 1);
        let determiner = matches!(before, "the" | "a" | "an" | "this" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "my" | "your" | "every" | "each" | "no");
        let preposition = matches!(before, "of" | "on" | "in" | "at" | "for" | "with" | "from" | "by" | "about" | "under" | "over" | "during" | "against" | "without" | "between" | "into" | "amid");
        if determiner || (preposition && !doc.ftok(k).ends_with("ing")) {
            return None;
        }
    }
    // "questioned the legality of …" doubts something; "questioned attorney Neal Katyal" or
    // "questioned him" interrogates someone, which takes no stance.
    if doc.ftok(k).starts_with("question") && k + 1 < doc.tokens().len() && doc.tokens()[k + 1].is_word {
        let next = doc.ftok(k + 1);
        let interrogates = doc.tokens()[k + 1].upper || matches!(next, "him" | "her" | "them" | "me" | "us" | "attorney" | "lawyer" | "witness" | "witnesses" | "suspect" | "suspects");
        if interrogates {
            return None;
        }
    }
    let mut end = k + 1 + cue.rest.len();
    if end < doc.tokens().len() && cue.particles.iter().any(|p| p == doc.ftok(end)) {
        end += 1;
    }
    // (A particle right after the verb opens the reported words too: "asked whether …"; and a
    // question quoted just before: '"…?" Gorsuch asked'.)
    let particle_follows = end > k + 1 + cue.rest.len();
    if cue.reports_only && !particle_follows && !reports_words(doc, k + 1 + cue.rest.len()) && !reports_question_before(doc, k) {
        return None;
    }
    let prev = |n: usize| (k >= n).then(|| doc.ftok(k - n));
    let negation = |n: usize| k >= n && words::token_is(doc, k - n, class!("en.negation"));
    let negated = negation(1) || (prev(1).is_some_and(|w| matches!(w, "to" | "be" | "have")) && negation(2));
    Some(CueAt { cue, end, negated })
}

/// Whether the verb at `k` reports a question or an exclamation quoted just before its
/// sentence ('"…?" Gorsuch asked').
fn reports_question_before(doc: &Document, k: usize) -> bool {
    // The sentence starts after the closing mark, within a few words of the verb.
    let Some(close) = (k.saturating_sub(7)..k).rev().find(|&i| !doc.tokens()[i].is_word && doc.ftok(i) != ".") else { return false };
    super::complement::question_quoted_before(doc, close + 1..k + 1, k).is_some()
}

/// Whether reported words follow token `from` within the clause: a complementiser (أن، إن،
/// that), a colon or an opening quotation mark before the sentence ends, past a subject and
/// adverbials of a few words ("وتابع الوزير في كلمته: «…»", "believes the deal …" does not).
fn reports_words(doc: &Document, from: usize) -> bool {
    const REACH: usize = 16;
    for t in from..doc.tokens().len().min(from + REACH) {
        let w = doc.ftok(t);
        if doc.tokens()[t].is_word {
            let complementiser = match doc.tokens()[t].script {
                Script::Arabic => words::token_is(doc, t, class!("ar.complementizer")),
                _ => words::token_is(doc, t, class!("en.complementizer")),
            };
            if complementiser {
                return true;
            }
        } else if w == ":" || (t == from && matches!(w, "\"" | "“" | "«")) {
            // A quotation right after the verb is what it reports; one further on may be
            // a phrase quoted inside an object ("ستواصل جهود الوساطة "ما دام …"").
            return true;
        } else if matches!(w, "." | "!" | "?" | "؟" | "؛" | ";") {
            return false;
        }
    }
    false
}

/// "and pledged", "وأكد", "، مؤكداً": a cue verb joined by a conjunction, or a participle
/// opening a circumstantial clause after a comma.
pub(super) fn starts_coordinated_cue(doc: &Document, i: usize) -> bool {
    match doc.tokens()[i].script {
        Script::Arabic => {
            let w = doc.ftok(i);
            let after_comma = i > 0 && matches!(doc.ftok(i - 1), "،" | ",");
            arabic_cue(doc, i).is_some_and(|c| (w.starts_with('و') && !c.cue.participle) || (after_comma && c.cue.participle))
        }
        _ => {
            // (An adverb may come between: "and controversially supported".)
            let before = if i > 1 && doc.ftok(i - 1).ends_with("ly") && doc.tokens()[i - 1].is_word { i - 1 } else { i };
            before > 0 && matches!(doc.ftok(before - 1), "and" | "but" | ",") && english_cue(doc, i).is_some()
        }
    }
}

/// "وإسرائيل تشترط", "and Israel demands": a conjunction, one name word, then a cue verb.
pub(super) fn starts_coordinated_clause(doc: &Document, i: usize, end: usize) -> bool {
    match doc.tokens()[i].script {
        Script::Arabic => {
            let w = doc.ftok(i);
            // A definite noun too ("… بارا والجيش ينفي"), before a finite cue verb.
            let definite_ok = !w.starts_with("وال") || (i + 1 < end && arabic_cue(doc, i + 1).is_some_and(|c| !c.cue.participle));
            w.starts_with('و') && definite_ok && w.chars().count() > 3 && i + 1 < end && doc.tokens()[i + 1].is_word && arabic_cue(doc, i + 1).is_some() && arabic_cue(doc, i).is_none()
        }
        _ => {
            // "and Defence Minister Kenji Sato warned": a subject of capitalised words (a title
            // and a name, up to six) then a cue verb.
            if !matches!(doc.ftok(i), "and" | "but") {
                return false;
            }
            let mut v = i + 1;
            while v < end && v < i + 7 && doc.tokens()[v].is_word && doc.tokens()[v].upper {
                v += 1;
            }
            v > i + 1 && v < end && doc.tokens()[v].is_word && english_cue(doc, v).is_some()
        }
    }
}
