//! Attribution without a verb: a sentence whose content is credited to a named source
//! ("according to BEUC, …", "…، بحسب الوزارة"), and a list whose lead-in names its holder
//! ("the proposal Witkoff carried includes:").

use std::ops::Range;

use crate::lexicon::cues::Cues;
use crate::mentions::words::{self, class};
use crate::model::Stance;
use crate::text::{arabic, Document, Script};

use super::coref::MentionIndex;
use super::quotes::is_quote_at;

/// An actor named as the source of a sentence's content ("according to BEUC", "بحسب الوزارة",
/// "وفقاً للجيش"), and that content: what follows the source when the sentence opens with it,
/// else what precedes it ("The fine is overdue, according to BEUC").
pub(super) fn according_to(doc: &Document, by_token: &MentionIndex, sentence: Range<usize>) -> Option<(usize, Range<usize>, Range<usize>)> {
    let n = sentence.end;
    let (marker, source) = sentence.clone().find_map(|t| {
        let w = doc.ftok(t);
        match doc.tokens()[t].script {
            Script::Latin if w == "according" && t + 2 < n && doc.ftok(t + 1) == "to" => Some((t, t + 2)),
            Script::Arabic if matches!(w, "بحسب" | "وبحسب" | "حسب" | "وحسب" | "وفق" | "ووفق" | "وفقا" | "ووفقا") && t + 1 < n => Some((t, t + 1)),
            _ => None,
        }
    })?;
    let source = if doc.ftok(source) == "the" { source + 1 } else { source };
    let (actor, phrase) = by_token.at(source).filter(|(_, ph)| ph.start == source || ph.start + 1 == source)?;
    let words = |r: Range<usize>| -> Option<Range<usize>> {
        let first = r.clone().find(|&t| doc.tokens()[t].is_word && !matches!(doc.ftok(t), "that" | "فإن" | "فان" | "إن" | "ان"))?;
        let last = r.rev().find(|&t| doc.tokens()[t].is_word || is_quote_at(doc, t))?;
        // At least three words: a fragment is no statement.
        ((first..=last).filter(|&t| doc.tokens()[t].is_word).count() >= 3).then(|| doc.tokens()[first].start..doc.tokens()[last].end)
    };
    let opens = (sentence.start..marker).all(|t| !doc.tokens()[t].is_word || matches!(doc.ftok(t), "and" | "but" | "و"));
    if opens {
        // Up to the end of the sentence, past the comma after the source.
        let from = (phrase.end..n).find(|&t| doc.tokens()[t].is_word && !matches!(doc.ftok(t), "that" | "فإن" | "فان"))?;
        (phrase.end..from).any(|t| matches!(doc.ftok(t), "," | "،")).then_some(())?;
        words(from..n).map(|text| (actor, marker..phrase.end, text))
    } else {
        // Only when the source closes the sentence: "…, according to X." (not inside a clause).
        let tail_words = (phrase.end..n).filter(|&t| doc.tokens()[t].is_word).count();
        let comma_before = marker > sentence.start && matches!(doc.ftok(marker - 1), "," | "،");
        (tail_words == 0 && comma_before).then_some(())?;
        words(sentence.start..marker - 1).map(|text| (actor, marker..phrase.end, text))
    }
}

/// A sentence ending in a colon that names a holder; the stance follows the lead-in's noun
/// (a proposal → proposes, demands/conditions → demands, otherwise states).
pub(super) fn list_lead_in(doc: &Document, by_token: &MentionIndex, sentence: Range<usize>) -> Option<(usize, Stance)> {
    if sentence.is_empty() || doc.ftok(sentence.end - 1) != ":" {
        return None;
    }
    let holder = sentence.clone().rev().find_map(|t| by_token.at(t).map(|(a, _)| a))?;
    let cues = Cues::builtin();
    let stance = sentence
        .filter(|&t| doc.tokens()[t].is_word)
        .find_map(|t| {
            let w = doc.ftok(t);
            cues.arabic_nouns.get(arabic::bare_noun(w)).or_else(|| cues.english_nouns.get(w)).map(|c| c.stance)
        })
        .unwrap_or(Stance::States);
    Some((holder, stance))
}

/// A bullet item's text without the bullet and final punctuation.
pub(super) fn bullet_text(doc: &Document, sentence: Range<usize>) -> Option<Range<usize>> {
    let first = sentence.clone().find(|&t| doc.tokens()[t].is_word && !(doc.tokens()[t].script == Script::Digit && t == sentence.start))?;
    let last = sentence.clone().rev().find(|&t| doc.tokens()[t].is_word || is_quote_at(doc, t))?;
    (last >= first).then(|| doc.tokens()[first].start..doc.tokens()[last].end)
}

/// A quotation closed with a comma inside or after its mark, then a name and a verb in the past
/// tense ('"…," Ortega shot back at her rival', '"…", Holm retorted'): the name's words. Returns the
/// speaker, the verb's token and the quotation's words.
pub(super) fn quotation_then_speaker(doc: &Document, by_token: &MentionIndex, sentence: Range<usize>) -> Option<(usize, Range<usize>, Range<usize>)> {
    let comma_at = |t: usize| t < sentence.end && doc.ftok(t) == ",";
    let close = sentence.clone().find(|&t| matches!(doc.ftok(t), "”" | "\"") && t > sentence.start && (comma_at(t - 1) || comma_at(t + 1)))?;
    let open = (sentence.start..close).rev().find(|&t| matches!(doc.ftok(t), "“" | "\""));
    let speaker_at = if comma_at(close + 1) { close + 2 } else { close + 1 };
    let (actor, phrase) = by_token.at(speaker_at).filter(|(_, ph)| ph.start == speaker_at)?;
    let verb = phrase.end;
    let past = verb < sentence.end
        && doc.tokens()[verb].script == Script::Latin
        && doc.tokens()[verb].lower
        && (doc.ftok(verb).ends_with("ed") || matches!(doc.ftok(verb), "wrote" | "told" | "said" | "shot" | "hit" | "put" | "went" | "spoke" | "took"));
    if !past {
        return None;
    }
    let from = open.map_or(sentence.start, |o| o + 1);
    let first = (from..close).find(|&t| doc.tokens()[t].is_word)?;
    let last = (from..close).rev().find(|&t| doc.tokens()[t].is_word)?;
    ((first..=last).filter(|&t| doc.tokens()[t].is_word).count() >= 3).then(|| (actor, verb..verb + 1, doc.tokens()[first].start..doc.tokens()[last].end))
}

/// "الخوري: لا انتخابات قبل إصلاح القانون", "Holm: the budget is dead on us":
/// a headline or a line that opens with a name and a colon gives the rest to that name.
/// Returns the speaker, the colon's token and the words after it (three at least).
pub(super) fn name_and_colon(doc: &Document, by_token: &MentionIndex, sentence: Range<usize>) -> Option<(usize, Range<usize>, Range<usize>)> {
    let first = sentence.clone().find(|&t| doc.tokens()[t].is_word)?;
    let (actor, phrase) = by_token.at(first).filter(|(_, ph)| ph.start == first)?;
    let colon = phrase.end;
    if colon >= sentence.end || doc.ftok(colon) != ":" {
        return None;
    }
    let from = (colon + 1..sentence.end).find(|&t| doc.tokens()[t].is_word || is_quote_at(doc, t))?;
    let last = (from..sentence.end).rev().find(|&t| doc.tokens()[t].is_word || is_quote_at(doc, t))?;
    ((from..=last).filter(|&t| doc.tokens()[t].is_word).count() >= 3).then(|| (actor, colon..colon + 1, doc.tokens()[from].start..doc.tokens()[last].end))
}

/// "…، وفق تعبيره", "…، بحسب قوله", "…، على حد وصفها": a sentence that says it gives someone's
/// own words without naming them (the pronoun points back to the speaker of the passage).
/// Returns the marker's tokens and the words before it (three at least).
pub(super) fn in_own_words(doc: &Document, sentence: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let marker = sentence.clone().find(|&t| {
        matches!(doc.ftok(t), "وفق" | "حسب" | "بحسب" | "وفقا" | "حد")
            && t + 1 < sentence.end
            && matches!(doc.ftok(t + 1), "تعبيره" | "تعبيرها" | "قوله" | "قولها" | "وصفه" | "وصفها" | "تعبيرهم" | "قولهم")
    })?;
    let start = if doc.ftok(marker) == "حد" && marker > sentence.start && doc.ftok(marker - 1) == "علي" { marker - 1 } else { marker };
    let first = sentence.clone().find(|&t| doc.tokens()[t].is_word || is_quote_at(doc, t))?;
    let last = (first..start).rev().find(|&t| doc.tokens()[t].is_word || is_quote_at(doc, t))?;
    ((first..=last).filter(|&t| doc.tokens()[t].is_word).count() >= 3).then(|| (start..marker + 2, doc.tokens()[first].start..doc.tokens()[last].end))
}

/// "وجاء في بيانهم: «…»", "وجاء في بيان للخارجية أن …", "جاء في رسالة الحزب: …": what a
/// document says, credited to who issued it — the body named after the document, or, with a
/// possessive pronoun on it, whoever the pronoun takes up (`None` then: the caller resolves
/// it). Returns (the holder when named, the marker's tokens, the content).
pub(super) fn document_says(doc: &Document, by_token: &MentionIndex, sentence: Range<usize>) -> Option<(Option<usize>, Range<usize>, Range<usize>)> {
    let n = sentence.end;
    let first = sentence.clone().find(|&t| doc.tokens()[t].is_word)?;
    if !matches!(doc.ftok(first), "جاء" | "وجاء" | "فجاء") || first + 2 >= n || doc.ftok(first + 1) != "في" {
        return None;
    }
    let noun_at = first + 2;
    let word = doc.ftok(noun_at);
    let (bare, pronoun) = match arabic::strip_enclitic(word) {
        Some(stem) if words::is(class!("ar.document"), stem) => (stem, true),
        _ => (word, false),
    };
    if !words::is(class!("ar.document"), bare) {
        return None;
    }
    // The issuer: a genitive or لـ mention within a few words after the document.
    let named = if pronoun {
        None
    } else {
        let found = (noun_at + 1..n.min(noun_at + 4)).find_map(|t| by_token.at(t).filter(|(_, ph)| ph.start == t).map(|(a, _)| a));
        Some(found?)
    };
    // The content: after a colon, or after أن / إن, within the sentence.
    let opens = (noun_at + 1..n).find(|&t| matches!(doc.ftok(t), ":") || matches!(doc.ftok(t), "ان" | "إن" | "أن"))?;
    let from = (opens + 1..n).find(|&t| doc.tokens()[t].is_word || is_quote_at(doc, t))?;
    let last = (from..n).rev().find(|&t| doc.tokens()[t].is_word || is_quote_at(doc, t))?;
    ((from..=last).filter(|&t| doc.tokens()[t].is_word).count() >= 3).then(|| (named, first..noun_at + 1, doc.tokens()[from].start..doc.tokens()[last].end))
}

/// "the agreement between Italy and Albania", "الاتفاق بين إيطاليا وتونس للحد من الهجرة": the
/// parties to an agreement named as its parties agree to it. Returns the first party, the
/// second, the noun, and the claim (the agreement phrase, up to the clause's end: its purpose
/// is part of it).
pub(super) fn agreement_between(doc: &Document, by_token: &MentionIndex, sentence: Range<usize>) -> Vec<(usize, usize, Range<usize>, Range<usize>)> {
    const REACH: usize = 8;
    let mut found = Vec::new();
    for t in sentence.clone() {
        // "between" first: a comparison of strings, where the noun is a look-up.
        if !doc.tokens()[t].is_word || t + 4 >= sentence.end || !matches!(doc.ftok(t + 1), "between" | "بين") {
            continue;
        }
        let is_noun = match doc.tokens()[t].script {
            Script::Latin => words::token_is(doc, t, class!("en.agreement_noun")),
            Script::Arabic => words::is(class!("ar.agreement_noun"), arabic::bare_noun(doc.ftok(t))),
            _ => false,
        };
        if !is_noun {
            continue;
        }
        let Some((first, phrase)) = by_token.at(t + 2).filter(|(_, ph)| ph.start == t + 2) else { continue };
        // The second party: after "and", or glued to و.
        let second_at = if doc.ftok(phrase.end.min(sentence.end - 1)) == "and" { phrase.end + 1 } else { phrase.end };
        if second_at >= sentence.end {
            continue;
        }
        let joined = doc.ftok(second_at - 1) == "and" || (doc.tokens()[second_at].script == Script::Arabic && doc.ftok(second_at).starts_with('و'));
        let Some((second, second_phrase)) = by_token.at(second_at).filter(|(a, ph)| ph.start == second_at && *a != first && joined) else { continue };
        // The claim runs on over the agreement's purpose, to a clause boundary.
        let mut end = second_phrase.end;
        while end < sentence.end && end < second_phrase.end + REACH && doc.tokens()[end].is_word && !matches!(doc.ftok(end), "that" | "which" | "who" | "التي" | "الذي") && by_token.at(end).is_none() {
            end += 1;
        }
        // "بالاتفاق": the claim starts at the noun, after a preposition glued to its article.
        let written = doc.otok(t);
        let start = doc.tokens()[t].start + if written.starts_with("بال") || written.starts_with("كال") { 'ب'.len_utf8() } else { 0 };
        found.push((first, second, t..t + 1, start..doc.tokens()[end - 1].end));
    }
    found
}

/// "Four Republicans joined Democrats in favor of the measure", "Joining Democrats in support
/// of the bill were Sens. Ana Ruiz and Tom Lee": those who vote with a side take its stance on
/// the measure. Returns the stance (supports, or opposes for "against"), the actors who hold
/// it (the side joined first, then those named as joining it), the phrase that names the
/// alignment, and the claim ("in favor of the measure").
pub(super) fn votes_with(doc: &Document, by_token: &MentionIndex, sentence: Range<usize>) -> Option<(Stance, Vec<usize>, Range<usize>, Range<usize>)> {
    let n = sentence.end;
    let join = sentence.clone().find(|&t| doc.tokens()[t].script == Script::Latin && matches!(doc.ftok(t), "joined" | "joining" | "join" | "joins"))?;
    // The side joined: a name right after the verb, perhaps after "all" or "the".
    let mut side_at = join + 1;
    while side_at < n && matches!(doc.ftok(side_at), "all" | "the" | "fellow" | "most") {
        side_at += 1;
    }
    let (side, side_phrase) = by_token.at(side_at).filter(|(_, ph)| ph.start == side_at)?;
    // "in (voting) in favor of", "in support of", "in voting against", "in opposing".
    let mut t = side_phrase.end;
    if t < n && doc.ftok(t) == "in" && t + 1 < n && matches!(doc.ftok(t + 1), "voting" | "backing" | "opposing") {
        t += 2;
    }
    let (stance, claim_start) = match (doc.ftok(t.min(n - 1)), doc.ftok((t + 1).min(n - 1)), doc.ftok((t + 2).min(n - 1))) {
        ("in", "favor" | "favour" | "support", "of") => (Stance::Supports, t),
        ("against", _, _) => (Stance::Opposes, t),
        ("for", _, _) if t > side_phrase.end => (Stance::Supports, t),
        _ => return None,
    };
    // The claim: to a comma or the end of the sentence, at most a few words of object.
    let mut end = claim_start;
    while end < n && end < claim_start + 10 && doc.tokens()[end].is_word && !matches!(doc.ftok(end), "were" | "was") {
        end += 1;
    }
    if end <= claim_start + 2 {
        return None;
    }
    let mut holders = vec![side];
    // Inverted: "Joining Democrats … were A, B and C": the names after the copula join them.
    if doc.ftok(join) == "joining" && end < n && matches!(doc.ftok(end), "were" | "was") {
        let mut q = end + 1;
        while q < n && !matches!(doc.ftok(q), "who" | "which" | ";") {
            if let Some((a, ph)) = by_token.at(q).filter(|(_, ph)| ph.start == q) {
                // ("Lisa Murkowski of Alaska": the place after "of" is where she is from.)
                let place = q > 0 && doc.ftok(q - 1) == "of";
                // ("Republican Sens. Ana Ruiz", "GOP leader Bo Chan": a name that qualifies the
                // next words is no voter; a voter's name ends at a comma, "of", "and" or the end.)
                let qualifies = ph.end < n && doc.tokens()[ph.end].is_word && !matches!(doc.ftok(ph.end), "of" | "and" | "along" | "who" | "from");
                if !place && !qualifies && !holders.contains(&a) {
                    holders.push(a);
                }
                q = ph.end.max(q + 1);
            } else {
                q += 1;
            }
        }
    }
    Some((stance, holders, join..join + 1, doc.tokens()[claim_start].start..doc.tokens()[end - 1].end))
}
