//! Stage 5, positions: clauses in which an actor is the subject of a stance cue
//! ("رفضت أوكرانيا التنازل عن أراضيها", "Putin rejected the proposal"), with the cue's stance
//! (flipped or weakened under negation) and the claim as the position's text.

mod subject;

use std::ops::Range;

use crate::actors::Actors;
use crate::lexicon::cues::{Cue, Cues};
use crate::mentions::{words, Mention};
use crate::model::Stance;
use crate::text::{arabic, Document, Script, SentenceKind};

/// A position before ids are assigned: actor index, stance, byte ranges.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PositionDraft {
    pub actor: usize,
    pub stance: Stance,
    pub text: Range<usize>,
    pub sentence: Range<usize>,
}

/// A cue found at a token: its stance, and the token after it (and after its particle).
struct CueAt<'c> {
    cue: &'c Cue,
    end: usize,
    negated: bool,
}

/// Finds the positions of the actors in the document.
/// `skip`: byte ranges (rows of a pasted table) that are not prose; their cells are read by
/// the table stage.
pub(crate) fn find(doc: &Document, mentions: &[Mention], actors: &Actors, skip: &[Range<usize>]) -> Vec<PositionDraft> {
    let by_token = subject::MentionIndex::new(doc, mentions, actors);
    let mut topic = subject::Topic::default();
    let mut out: Vec<PositionDraft> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut push = |p: PositionDraft, out: &mut Vec<PositionDraft>| {
        if seen.insert((p.actor, p.text.start, p.text.end)) {
            out.push(p);
        }
    };
    let mut lead_in: Option<(usize, Stance)> = None;
    let mut in_quote = false;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        topic.new_sentence(si);
        // `skip` is in text order and disjoint (the rows of one table): a binary search keeps a
        // pasted table of 100k rows linear.
        let row = skip.partition_point(|r| r.end < sentence.range.end);
        if skip.get(row).is_some_and(|r| r.start <= sentence.range.start && sentence.range.end <= r.end) {
            continue;
        }
        // A list whose lead-in names its holder ("the proposal Witkoff carried includes:"):
        // each item is that holder's position.
        if sentence.kind == SentenceKind::Bullet {
            if let Some((actor, stance)) = lead_in {
                if let Some(text) = bullet_text(doc, sentence.tokens.clone()) {
                    push(PositionDraft { actor, stance, text, sentence: sentence.range.clone() }, &mut out);
                }
                continue;
            }
        } else {
            lead_in = list_lead_in(doc, &by_token, sentence.tokens.clone());
        }
        // A quotation may run over several sentences of a paragraph ('"… us. We will never
        // let that happen," he said'): its state carries over until a line break.
        let new_paragraph = sentence.tokens.start == 0 || doc.text[doc.tokens[sentence.tokens.start - 1].end..doc.tokens[sentence.tokens.start].start].contains('\n');
        let starts_inside = in_quote && !new_paragraph;
        let (quoted, inside_after) = quoted_tokens(doc, sentence.tokens.clone(), starts_inside);
        in_quote = inside_after;
        // A sentence that opens a quotation or continues one ('"President Trump wants to break
        // us. …," he said') names someone inside the speaker's words, not the topic.
        let opens_quote = !sentence.tokens.is_empty() && is_quote(doc.ftok(sentence.tokens.start));
        if let Some(a) = by_token.opening_subject(doc, sentence.tokens.clone()).filter(|_| !opens_quote && !starts_inside) {
            topic.set(a, si);
        }
        // Cues inside a reported proposition (… قال إن الحركة ترفض …) take only subjects of
        // their own, never the topic: the topic is the one reporting.
        let mut proposition_end = 0;
        // The last main clause had a subject no actor stands for ("ونفى مصدر حكومي …"): a
        // participle after it (مؤكداً) is that subject's, not the topic's.
        let mut unnamed_clause_subject = false;
        let mut k = sentence.tokens.start;
        while k < sentence.tokens.end {
            if by_token.at(k).is_some() || quoted[k - sentence.tokens.start] {
                k += 1;
                continue;
            }
            let found = match doc.tokens[k].script {
                Script::Arabic => arabic_cue(doc, k).map(|c| (c, None)).or_else(|| noun_frame(doc, &by_token, k)),
                Script::Latin => english_cue(doc, k).map(|c| (c, None)).or_else(|| noun_frame(doc, &by_token, k)),
                _ => None,
            };
            let Some((cue, holder)) = found else {
                k += 1;
                continue;
            };
            // A holder named in a noun frame ("Brussels' rules", "موقف بوتين من …") is not the
            // clause's subject: it does not become the topic.
            let from_frame = holder.is_some();
            let subject = holder.or_else(|| {
                if cue.cue.participle && unnamed_clause_subject {
                    return None;
                }
                subject::find(doc, &by_token, &actors.list, &topic, sentence.tokens.clone(), k, cue.end, cue.cue)
            });
            if !cue.cue.participle && !from_frame && k >= proposition_end {
                unnamed_clause_subject = subject.is_none();
            }
            if let Some((actor, text_start, explicit)) = subject.filter(|s| s.2 || k >= proposition_end) {
                // The subject of a clause inside someone's reported words does not become the
                // topic: the one reporting stays it.
                // Nor does the subject of a relative clause ("thanked Trump and bin Salman, who
                // had lobbied …"): the main clause's subject stays it.
                if explicit && k >= proposition_end && !from_frame && !in_relative_clause(doc, sentence.tokens.start, k) {
                    topic.set(actor, si);
                } else if !explicit && k >= proposition_end && doc.tokens[k].script == Script::Latin {
                    // "… he said. He promised …": a pronoun that takes up the topic keeps it
                    // current. (An Arabic verb without a subject word is no such evidence:
                    // measured, renewing the topic there attributes more claims wrongly.)
                    topic.set(actor, si);
                }
                // Joint holders: "دعت الولايات المتحدة والسعودية …", "France and Germany urged …".
                let (partners, text_start) = if explicit { subject::partners(doc, &by_token, actor, k, text_start) } else { (vec![], text_start) };
                if let Some(c) = claim(doc, cue.cue, text_start, sentence.tokens.clone(), k) {
                    let stance = if cue.negated { negate(cue.cue.stance) } else { cue.cue.stance };
                    let stance = if stance == Stance::Demands && c.proposition && states_a_fact(doc, &c.text) { Stance::States } else { stance };
                    let parts = if c.proposition { vec![c.text.clone()] } else { split_coordinated(doc, &c.text) };
                    for part in parts {
                        for &holder in partners.iter().chain(std::iter::once(&actor)) {
                            push(PositionDraft { actor: holder, stance, text: part.clone(), sentence: sentence.range.clone() }, &mut out);
                        }
                    }
                    if c.proposition {
                        proposition_end = proposition_end.max(c.end_token);
                    }
                }
            }
            k = cue.end.max(k + 1);
        }
        // "According to BEUC, the fine is long overdue": a sentence no cue gave a holder states
        // what it says on its source's authority.
        if out.last().is_none_or(|p| p.sentence != sentence.range) {
            if let Some((actor, text)) = according_to(doc, &by_token, sentence.tokens.clone()) {
                push(PositionDraft { actor, stance: Stance::States, text, sentence: sentence.range.clone() }, &mut out);
            }
        }
    }
    quotation_sentences(doc, skip, &mut out);
    continued_quotations(doc, &mut out);
    out
}

/// '"We gave them every chance," he said. "Now they will have to listen."': a sentence that is
/// one quotation, right after a sentence of the same paragraph whose quotation one actor was
/// given, continues that actor's words.
fn continued_quotations(doc: &Document, out: &mut Vec<PositionDraft>) {
    // The claims by sentence: indices sorted by where their sentence starts (the pass before
    // appended some out of order), walked alongside the sentences.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| out[i].sentence.start);
    let mut next_claim = 0;
    let quoted_claim = |p: &PositionDraft| {
        doc.text[p.text.clone()].starts_with(['"', '“', '«'])
            || doc.token_at(p.text.start).is_some_and(|t| t > 0 && !doc.tokens[t - 1].is_word && is_quote(doc.ftok(t - 1)))
    };
    let mut added = Vec::new();
    let mut holder: Option<usize> = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let new_paragraph = si == 0 || doc.text[doc.sentences[si - 1].range.end..sentence.range.start].contains('\n');
        while next_claim < order.len() && out[order[next_claim]].sentence.start < sentence.range.start {
            next_claim += 1;
        }
        let from = next_claim;
        while next_claim < order.len() && out[order[next_claim]].sentence.start == sentence.range.start {
            next_claim += 1;
        }
        let own = (next_claim > from).then(|| &order[from..next_claim]);
        let whole_quotation = whole_quotation(doc, sentence.tokens.clone());
        match (own, whole_quotation) {
            (None, Some(text)) if !new_paragraph => {
                if let Some(actor) = holder {
                    added.push(PositionDraft { actor, stance: Stance::States, text, sentence: sentence.range.clone() });
                    continue;
                }
                holder = None;
            }
            (Some(own), _) => {
                let mut quoted = own.iter().map(|&i| &out[i]).filter(|p| quoted_claim(p));
                holder = quoted.next().map(|p| p.actor).filter(|&a| own.iter().all(|&i| out[i].actor == a));
            }
            _ => holder = None,
        }
    }
    out.extend(added);
}

/// The words of a sentence that is a single quotation, opening and closing marks excluded.
fn whole_quotation(doc: &Document, sentence: Range<usize>) -> Option<Range<usize>> {
    let first = sentence.start;
    if sentence.is_empty() || !matches!(doc.ftok(first), "\"" | "“" | "«") {
        return None;
    }
    let last_word = sentence.clone().rev().find(|&t| doc.tokens[t].is_word)?;
    // Only punctuation after the last word, including the closing mark; no mark in between.
    let closes = (last_word + 1..sentence.end).any(|t| matches!(doc.ftok(t), "\"" | "”" | "»"));
    let inner_marks = (first + 1..last_word).any(|t| !doc.tokens[t].is_word && matches!(doc.ftok(t), "\"" | "“" | "”" | "«" | "»"));
    let first_word = (first + 1..=last_word).find(|&t| doc.tokens[t].is_word)?;
    (closes && !inner_marks).then(|| doc.tokens[first_word].start..doc.tokens[last_word].end)
}

/// An actor named as the source of a sentence's content ("according to BEUC", "بحسب الوزارة",
/// "وفقاً للجيش"), and that content: what follows the source when the sentence opens with it,
/// else what precedes it ("The fine is overdue, according to BEUC").
fn according_to(doc: &Document, by_token: &subject::MentionIndex, sentence: Range<usize>) -> Option<(usize, Range<usize>)> {
    let n = sentence.end;
    let (marker, source) = sentence.clone().find_map(|t| {
        let w = doc.ftok(t);
        match doc.tokens[t].script {
            Script::Latin if w == "according" && t + 2 < n && doc.ftok(t + 1) == "to" => Some((t, t + 2)),
            Script::Arabic if matches!(w, "بحسب" | "وبحسب" | "حسب" | "وحسب" | "وفق" | "ووفق" | "وفقا" | "ووفقا") && t + 1 < n => Some((t, t + 1)),
            _ => None,
        }
    })?;
    let source = if doc.ftok(source) == "the" { source + 1 } else { source };
    let (actor, phrase) = by_token.at(source).filter(|(_, ph)| ph.start == source || ph.start + 1 == source)?;
    let words = |r: Range<usize>| -> Option<Range<usize>> {
        let first = r.clone().find(|&t| doc.tokens[t].is_word && !matches!(doc.ftok(t), "that" | "فإن" | "فان" | "إن" | "ان"))?;
        let last = r.rev().find(|&t| doc.tokens[t].is_word || is_quote(doc.ftok(t)))?;
        // At least three words: a fragment is no statement.
        ((first..=last).filter(|&t| doc.tokens[t].is_word).count() >= 3).then(|| doc.tokens[first].start..doc.tokens[last].end)
    };
    let opens = (sentence.start..marker).all(|t| !doc.tokens[t].is_word || matches!(doc.ftok(t), "and" | "but" | "و"));
    if opens {
        // Up to the end of the sentence, past the comma after the source.
        let from = (phrase.end..n).find(|&t| doc.tokens[t].is_word && !matches!(doc.ftok(t), "that" | "فإن" | "فان"))?;
        (phrase.end..from).any(|t| matches!(doc.ftok(t), "," | "،")).then_some(())?;
        words(from..n).map(|text| (actor, text))
    } else {
        // Only when the source closes the sentence: "…, according to X." (not inside a clause).
        let tail_words = (phrase.end..n).filter(|&t| doc.tokens[t].is_word).count();
        let comma_before = marker > sentence.start && matches!(doc.ftok(marker - 1), "," | "،");
        (tail_words == 0 && comma_before).then_some(())?;
        words(sentence.start..marker - 1).map(|text| (actor, text))
    }
}

/// A quotation of several sentences is attributed once ('"We are not against machines. We are
/// against throwing people away," said Stam'; 'Stam said: "… . …"'): the sentences of it that
/// hold no position are the speaker's statements too, when everything attributed inside the
/// quotation is one actor's.
fn quotation_sentences(doc: &Document, skip: &[Range<usize>], out: &mut Vec<PositionDraft>) {
    // Binary searches throughout: a pasted page may hold thousands of quotations.
    let mut by_start: Vec<(usize, usize, usize)> = out.iter().map(|p| (p.text.start, p.text.end, p.actor)).collect();
    by_start.sort_unstable();
    let starting_in = |from: usize, to: usize| {
        let a = by_start.partition_point(|p| p.0 < from);
        let b = by_start.partition_point(|p| p.0 < to);
        &by_start[a..b]
    };
    let mut added = Vec::new();
    for quote in multi_sentence_quotations(doc) {
        let (from, to) = (doc.tokens[quote.start].start, doc.tokens[quote.end - 1].end);
        let row = skip.partition_point(|r| r.end <= from);
        if skip.get(row).is_some_and(|r| r.start < to) {
            continue;
        }
        let mut inside = starting_in(from, to).iter().filter(|p| p.1 <= to);
        let Some(&(_, _, actor)) = inside.next() else { continue };
        if inside.any(|p| p.2 != actor) {
            continue;
        }
        let first_sentence = doc.sentences.partition_point(|s| s.tokens.end <= quote.start);
        for sentence in doc.sentences[first_sentence..].iter().take_while(|s| s.tokens.start < quote.end) {
            let piece = sentence.tokens.start.max(quote.start)..sentence.tokens.end.min(quote.end);
            let Some(first_word) = piece.clone().find(|&t| doc.tokens[t].is_word) else { continue };
            let Some(last_word) = piece.clone().rev().find(|&t| doc.tokens[t].is_word) else { continue };
            let text = doc.tokens[first_word].start..doc.tokens[last_word].end;
            // A claim overlapping the piece starts in its sentence.
            if starting_in(sentence.range.start, text.end).iter().any(|p| text.start < p.1) {
                continue;
            }
            added.push(PositionDraft { actor, stance: Stance::States, text, sentence: sentence.range.clone() });
        }
    }
    out.extend(added);
}

/// Token ranges strictly inside quotation marks that open and close within one paragraph and
/// cross a sentence boundary (at most six sentences: an unpaired mark makes no longer one).
fn multi_sentence_quotations(doc: &Document) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in doc.tokens.iter().enumerate() {
        // A line break ends an open quotation (looked for only while one is open).
        if open.is_some() && i > 0 && doc.text[doc.tokens[i - 1].end..t.start].contains('\n') {
            open = None;
        }
        if t.is_word {
            continue;
        }
        let closing = match doc.ftok(i) {
            "«" | "“" => false,
            "»" | "”" => true,
            "\"" => open.is_some(),
            _ => continue,
        };
        match (closing, open) {
            (true, Some(start)) => {
                open = None;
                let inner = start + 1..i;
                let first = doc.sentences.partition_point(|s| s.tokens.end <= inner.start);
                let sentences = doc.sentences[first..].iter().take(7).take_while(|s| s.tokens.start < inner.end).count();
                if (2..=6).contains(&sentences) {
                    found.push(inner);
                }
            }
            (true, None) => {}
            (false, _) => open = Some(i),
        }
    }
    found
}

/// "insisted that the dam would reduce flooding": a demand verb reporting a clause with a
/// finite verb of its own states that clause; "urged that the council act", with a bare verb,
/// demands it.
fn states_a_fact(doc: &Document, text: &Range<usize>) -> bool {
    let Some(first) = doc.token_at(text.start) else { return false };
    (first..doc.tokens.len())
        .take_while(|&t| doc.tokens[t].start < text.end)
        .filter(|&t| doc.tokens[t].is_word && doc.tokens[t].script == Script::Latin)
        .take(6)
        .any(|t| matches!(doc.ftok(t), "would" | "will" | "was" | "were" | "is" | "are" | "had" | "has" | "have" | "could" | "can"))
}

/// The clause a sentence opens with, when a verb of saying at `cue_at` follows it after a
/// comma and its subject ("…, President Prabowo announced on Wednesday." / "…, said Prabowo.")
/// and reports nothing after itself.
fn clause_before(doc: &Document, sentence: Range<usize>, cue_at: usize) -> Option<Range<usize>> {
    let is_name_word = |t: usize| doc.tokens[t].is_word && (doc.otok(t).starts_with(char::is_uppercase) || matches!(doc.ftok(t), "the" | "its" | "his" | "her" | "their"));
    // The subject between the comma and the verb is a few words: look no further back.
    let comma = (sentence.start.max(cue_at.saturating_sub(8))..cue_at).rev().find(|&t| matches!(doc.ftok(t), "," | ";" | "\"" | "“" | "”"))?;
    if doc.ftok(comma) != "," || cue_at - comma > 7 || !(comma + 1..cue_at).all(is_name_word) {
        return None;
    }
    let inverted = comma + 1 == cue_at;
    let mut after = cue_at + 1;
    if inverted {
        let from = after;
        while after < sentence.end && after < from + 6 && is_name_word(after) {
            after += 1;
        }
        if after == from {
            return None;
        }
    }
    while after < sentence.end && doc.tokens[after].is_word && (words::is("en.time", doc.ftok(after)) || doc.otok(after).starts_with(char::is_uppercase) && after > cue_at + 1 && words::is("en.time", doc.ftok(after - 1))) {
        after += 1;
    }
    if after < sentence.end && !matches!(doc.ftok(after), "," | "." | "!" | "?") {
        return None;
    }
    let clause = sentence.start..comma;
    if (clause.clone()).any(|t| !doc.tokens[t].is_word && is_quote(doc.ftok(t))) || clause.clone().filter(|&t| doc.tokens[t].is_word).count() < 4 {
        return None;
    }
    let first = clause.clone().find(|&t| doc.tokens[t].is_word)?;
    let last = clause.rev().find(|&t| doc.tokens[t].is_word)?;
    Some(doc.tokens[first].start..doc.tokens[last].end)
}

/// Whether the verb at `k` opens a relative clause: "who (had) lobbied", "الذي جدد".
fn in_relative_clause(doc: &Document, sentence_start: usize, k: usize) -> bool {
    let mut p = k;
    while p > sentence_start && doc.tokens[p - 1].is_word && words::is("en.auxiliary", doc.ftok(p - 1)) {
        p -= 1;
    }
    p > sentence_start && matches!(doc.ftok(p - 1), "who" | "which" | "الذي" | "التي" | "الذين")
}

/// Tokens inside quotation marks (« » “ ” and paired straight quotes) in a sentence that
/// starts inside a quotation or not, and whether it ends inside one.
fn quoted_tokens(doc: &Document, sentence: Range<usize>, starts_inside: bool) -> (Vec<bool>, bool) {
    let mut inside = starts_inside;
    let quoted = sentence
        .map(|i| {
            let w = doc.ftok(i);
            match w {
                "«" | "“" => {
                    inside = true;
                    false
                }
                "»" | "”" => {
                    inside = false;
                    false
                }
                "\"" => {
                    inside = !inside;
                    false
                }
                _ => inside,
            }
        })
        .collect();
    (quoted, inside)
}

/// A sentence ending in a colon that names a holder; the stance follows the lead-in's noun
/// (a proposal → proposes, demands/conditions → demands, otherwise states).
fn list_lead_in(doc: &Document, by_token: &subject::MentionIndex, sentence: Range<usize>) -> Option<(usize, Stance)> {
    if sentence.is_empty() || doc.ftok(sentence.end - 1) != ":" {
        return None;
    }
    let holder = sentence.clone().rev().find_map(|t| by_token.at(t).map(|(a, _)| a))?;
    let cues = Cues::builtin();
    let stance = sentence
        .filter(|&t| doc.tokens[t].is_word)
        .find_map(|t| {
            let w = doc.ftok(t);
            cues.arabic_nouns.get(arabic::bare_noun(w)).or_else(|| cues.english_nouns.get(w)).map(|c| c.stance)
        })
        .unwrap_or(Stance::States);
    Some((holder, stance))
}

/// A bullet item's text without the bullet and final punctuation.
fn bullet_text(doc: &Document, sentence: Range<usize>) -> Option<Range<usize>> {
    let first = sentence.clone().find(|&t| doc.tokens[t].is_word && !(doc.tokens[t].script == Script::Digit && t == sentence.start))?;
    let last = sentence.clone().rev().find(|&t| doc.tokens[t].is_word || is_quote(doc.ftok(t)))?;
    (last >= first).then(|| doc.tokens[first].start..doc.tokens[last].end)
}

/// Negation changes what a cue means: "لم يرفض" / "did not reject" is no rejection, and
/// "لم يوافق" / "refused to agree" is one.
fn negate(stance: Stance) -> Stance {
    match stance {
        Stance::Supports | Stance::Agrees | Stance::Proposes | Stance::Demands => Stance::Rejects,
        Stance::Opposes | Stance::Rejects => Stance::Supports,
        s => s,
    }
}

/// An Arabic cue verb or participle at token `k`, possibly with proclitics (و، ف، س) and an
/// object pronoun (أكده).
fn arabic_cue(doc: &Document, k: usize) -> Option<CueAt<'static>> {
    let cues = &Cues::builtin().arabic;
    let word = doc.ftok(k);
    // After a preposition the word is a verbal noun, not a verb: "مقابل تعهد بتسليم …" (in
    // return for a pledge), "بعد رفض …".
    // (حتى also takes a verb: حتى يتراجع.)
    if k > 0 && doc.tokens[k - 1].is_word && doc.ftok(k - 1) != "حتي" && (words::is("ar.preposition", doc.ftok(k - 1)) || matches!(doc.ftok(k - 1), "مقابل" | "عقب" | "اثر")) {
        return None;
    }
    let cue = arabic::verb_stems(word).into_iter().find_map(|s| {
        cues.get(s).or_else(|| arabic::strip_enclitic(s).and_then(|st| cues.get(st)))
    })?;
    let mut end = k + 1;
    if end < doc.tokens.len() && cue.particles.iter().any(|p| p == doc.ftok(end)) {
        end += 1;
    }
    let negated = k > 0 && doc.tokens[k - 1].is_word && words::is("ar.negation", doc.ftok(k - 1));
    Some(CueAt { cue, end, negated })
}

/// A noun frame: a verbal noun or position noun with its holder as genitive (موقف بوتين من
/// …، إصرار إسرائيل على …) or, in English, after a possessive holder (Spain's refusal to …).
/// Returns the cue and the holder (actor, where the claim starts, explicit).
fn noun_frame(doc: &Document, by_token: &subject::MentionIndex, k: usize) -> Option<(CueAt<'static>, Option<subject::Holder>)> {
    static POSITION: std::sync::OnceLock<Cue> = std::sync::OnceLock::new();
    let position = POSITION.get_or_init(|| Cue { stance: Stance::States, speech: false, particles: vec![], rest: vec![], participle: false });
    let cues = Cues::builtin();
    let word = doc.ftok(k);
    match doc.tokens[k].script {
        Script::Arabic => {
            // The construct noun carries no article: "إصرار إسرائيل", not "الإصرار".
            if arabic::has_article(word) {
                return None;
            }
            // The holder's mention is looked up first: it is a vector look-up, and most words
            // have none after them.
            let (actor, phrase) = by_token.at(k + 1).filter(|(_, p)| p.start == k + 1)?;
            let bare = arabic::without_proclitics(word);
            let cue = if words::is("ar.position_noun", word) { Some(position) } else { cues.arabic_nouns.get(bare) }?;
            Some((CueAt { cue, end: phrase.end, negated: false }, Some((actor, phrase.end, true))))
        }
        _ => {
            // X's refusal: mention, apostrophe, s, noun (checked before the noun: most words
            // follow no possessive).
            if k < 3 || doc.ftok(k - 1) != "s" || doc.ftok(k - 2) != "'" {
                return None;
            }
            let cue = if words::is("en.position_noun", word) { Some(position) } else { cues.english_nouns.get(word) }?;
            let (actor, _) = by_token.at(k - 3).filter(|(_, p)| p.end == k - 2)?;
            // The noun must introduce its content ("refusal to", "demand for", "stance on");
            // "dismissed the EU's offer as …" is someone else's claim about it.
            let end = k + 1;
            let next = doc.ftok(end.min(doc.tokens.len() - 1));
            if end >= doc.tokens.len() || !(cue.particles.iter().any(|p| p == next) || matches!(next, "of" | "for" | "to" | "that" | "on" | "against")) {
                return None;
            }
            let end = end + 1;
            Some((CueAt { cue, end, negated: false }, Some((actor, end, true))))
        }
    }
}

/// An English cue at token `k` ("said", "called for", "ruled out").
fn english_cue(doc: &Document, k: usize) -> Option<CueAt<'static>> {
    let candidates = Cues::builtin().english.get(doc.ftok(k))?;
    let cue = candidates.iter().find(|c| {
        c.rest.iter().enumerate().all(|(n, w)| k + 1 + n < doc.tokens.len() && doc.ftok(k + 1 + n) == w)
    })?;
    let mut end = k + 1 + cue.rest.len();
    if end < doc.tokens.len() && cue.particles.iter().any(|p| p == doc.ftok(end)) {
        end += 1;
    }
    let prev = |n: usize| (k >= n).then(|| doc.ftok(k - n));
    let negated = prev(1).is_some_and(|w| words::is("en.negation", w))
        || (prev(1).is_some_and(|w| matches!(w, "to" | "be" | "have")) && prev(2).is_some_and(|w| words::is("en.negation", w)));
    Some(CueAt { cue, end, negated })
}

/// A claim found after a cue.
struct Claim {
    text: Range<usize>,
    /// Token after the claim.
    end_token: usize,
    /// The claim is a reported proposition (introduced by إن/أن/that or a quotation).
    proposition: bool,
}

/// A page pasted without sentence marks is one "sentence" of megabytes; a claim running to its
/// end for every cue in it would be quadratic in time and in output. Well above the longest
/// claim in the evaluation articles (32 words).
const MAX_CLAIM_TOKENS: usize = 120;

/// The claim: from `start` to the end of the clause (a reported proposition: to the end of
/// the sentence), without leading complementisers and trailing punctuation. A speech verb may
/// be followed by an adverbial before its proposition ("قال في بيان إن …", "told reporters
/// that …"): the proposition starts after the complementiser. A quote before the cue is the
/// claim when nothing follows it ('"We will not yield," Putin said.').
///
/// A claim ends after [`MAX_CLAIM_TOKENS`] tokens even without punctuation.
fn claim(doc: &Document, cue: &Cue, start: usize, sentence: Range<usize>, cue_at: usize) -> Option<Claim> {
    let mut s = start;
    // "دعا الوزير الطرفين إلى الحوار", "urged both sides to talk": the demand follows the
    // particle, after the addressee.
    let particle_taken = start > 0 && cue.particles.iter().any(|p| p == doc.ftok(start - 1));
    // An indefinite or possessive noun phrase after the verb is its object, not an addressee
    // ("agreed a package of deals on defence": the "on" is inside the object).
    let object_follows = doc.tokens.get(start).is_some_and(|t| t.script == Script::Latin || t.script == Script::Digit)
        && (matches!(doc.ftok(start), "a" | "an" | "its" | "their" | "his" | "her" | "new") || doc.tokens[start].script == Script::Digit);
    if !cue.speech && !cue.particles.is_empty() && !particle_taken && !object_follows {
        let window = (start..sentence.end.min(start + 8)).take_while(|&t| !is_hard_stop(doc, t));
        if let Some(p) = window.filter(|&t| doc.tokens[t].is_word).find(|&t| cue.particles.iter().any(|p| p == doc.ftok(t))) {
            s = p;
        }
    }
    if cue.speech {
        // The complementiser of the reported clause, not one inside a quotation.
        // Not past another cue verb: in "said the deal was fair, adding that …" the "that" is
        // the second verb's.
        let window = (start..sentence.end.min(start + 10)).take_while(|&t| !is_hard_stop(doc, t) && !is_quote(doc.ftok(t)) && (t == start || !starts_coordinated_cue(doc, t)));
        if let Some(c) = window.filter(|&t| doc.tokens[t].is_word).find(|&t| is_complementiser(doc, t)) {
            s = c;
        }
    }
    // "told local radio the company had …", "told the BBC it would …": without "that", the
    // claim starts after the addressee, at the first word that can open a clause.
    if cue.speech && s == start && matches!(doc.ftok(cue_at), "told" | "tells" | "tell" | "telling") {
        let opens_clause = |t: usize| {
            doc.tokens[t].is_word
                && (matches!(doc.ftok(t), "the" | "a" | "an" | "it" | "he" | "she" | "they" | "we" | "i" | "his" | "her" | "their" | "its" | "this" | "these" | "those" | "there")
                    || doc.otok(t).starts_with(char::is_uppercase))
        };
        let words: Vec<usize> = (start..sentence.end.min(start + 6)).take_while(|&t| doc.tokens[t].is_word).collect();
        let determiner = words.first().is_some_and(|&t| matches!(doc.ftok(t), "the" | "a" | "an"));
        let skip_from = if determiner { 2 } else { 1 };
        if let Some(&c) = words.iter().skip(skip_from).find(|&&t| opens_clause(t)) {
            s = c;
        }
    }
    // "adding that …": the verb took its complementiser as its particle.
    let mut proposition = particle_taken && is_complementiser(doc, start - 1);
    // A time adverbial after the verb ("أعلن يوم الأحد …", "said on Monday that …") is not
    // part of the claim.
    let is_time = |t: usize| doc.tokens[t].is_word && (words::is("ar.time", doc.ftok(t)) || (doc.tokens[t].script == Script::Latin && words::is("en.time", doc.ftok(t))));
    // … or between commas ("أعلنت الوزارة، مساء الأربعاء، استدعاء …", "said, on Monday, that …").
    if s < sentence.end && matches!(doc.ftok(s), "،" | ",") {
        let mut t = s + 1;
        while t < sentence.end && is_time(t) {
            t += 1;
        }
        if t > s + 1 && t < sentence.end && matches!(doc.ftok(t), "،" | ",") {
            s = t + 1;
        }
    }
    while s < sentence.end && is_time(s) {
        s += 1;
    }
    while s < sentence.end && (!doc.tokens[s].is_word || is_complementiser(doc, s) || cue.particles.iter().any(|p| p == doc.ftok(s))) {
        if !doc.tokens[s].is_word && is_quote(doc.ftok(s)) {
            proposition = true;
            break;
        }
        proposition |= doc.tokens[s].is_word && is_complementiser(doc, s);
        s += 1;
    }
    let speech = cue.speech && (proposition || doc.tokens.get(start).is_some_and(|t| t.script == Script::Latin));
    let mut e = s;
    let mut words_seen = 0;
    let mut one_word_object = false;
    let mut in_quote = false;
    while e < sentence.end.min(s + MAX_CLAIM_TOKENS) {
        let w = doc.ftok(e);
        let t = &doc.tokens[e];
        if !t.is_word {
            match w {
                "\"" => in_quote = !in_quote,
                "«" | "“" => in_quote = true,
                "»" | "”" => in_quote = false,
                // A comma inside a quotation belongs to it ("ambitious, realistic and …"); one
                // that closes it ('as "a betrayal," with …') ends the claim with the quotation.
                "," | "،" if in_quote => {
                    let closes = e + 1 < sentence.end && matches!(doc.ftok(e + 1), "\"" | "”" | "»");
                    if closes && words_seen >= 2 {
                        e += 2;
                        break;
                    }
                    e += 1;
                    continue;
                }
                _ => {}
            }
            let hard = is_hard_stop(doc, e);
            let soft = matches!(w, "،" | ",") && !is_decimal_point(doc, e);
            if hard || (soft && !speech && words_seen >= 1) {
                break;
            }
        } else {
            if words_seen > 0 && is_clause_break(doc, e) {
                break;
            }
            // A second cue verb coordinated with the first starts a claim of its own
            // ("backed the target and pledged that …", "… وأكد أن …").
            if words_seen >= 1 && starts_coordinated_cue(doc, e) {
                // One content word is then a claim of its own (رفضت إسرائيل المبادرة ووصفتها …);
                // a demonstrative is not (نفى الجيش ذلك وأكد …).
                one_word_object = words_seen == 1 && !words::is_any(&["ar.stop", "en.stop"], doc.ftok(e - 1));
                break;
            }
            // So does a new subject with its own verb ("حماس تتمسك بوقف دائم للحرب وإسرائيل
            // تشترط …", "… and Israel demands …").
            if words_seen >= 2 && starts_coordinated_clause(doc, e, sentence.end) {
                break;
            }
            words_seen += 1;
        }
        e += 1;
    }
    let end_token = e;
    // Trim trailing punctuation (but keep a closing quote that opened inside) and a
    // dangling conjunction left by a coordinated cue ("backed the target and").
    while e > s && ((!doc.tokens[e - 1].is_word && !is_quote(doc.ftok(e - 1))) || matches!(doc.ftok(e - 1), "and" | "or" | "but" | "و" | "who" | "which" | "التي" | "الذي" | "الذين")) {
        e -= 1;
    }
    // An opening quotation mark whose closing one lies past the claim ('"لن نتراجع." وأضاف')
    // is left out, so that no claim shows half a pair.
    let quotes = (s..e).filter(|&t| !doc.tokens[t].is_word && is_quote(doc.ftok(t))).count();
    let s = if s < e && !doc.tokens[s].is_word && is_quote(doc.ftok(s)) && quotes % 2 == 1 { s + 1 } else { s };
    let found = ((words_seen >= 2 || one_word_object) && s < e).then(|| doc.tokens[s].start..doc.tokens[e - 1].end);
    // '"…," Zelensky said, calling on …' and '"…," he told a rally in Kraków': a verb of saying
    // right after a quotation that a comma closes attributes that quotation, whatever follows.
    if cue.speech && !proposition && doc.tokens[cue_at].script == Script::Latin && attributes_quote_before(doc, sentence.clone(), cue_at) {
        if let Some(q) = quote_before(doc, sentence.clone(), cue_at) {
            return Some(Claim { text: q, end_token: cue_at, proposition: true });
        }
    }
    // "Indonesia will halt palm oil shipments to the EU, President Prabowo announced on
    // Wednesday, escalating …": a verb of saying with nothing to report after it reports the
    // clause before it.
    if cue.speech && !proposition && doc.tokens[cue_at].script == Script::Latin {
        if let Some(clause) = clause_before(doc, sentence.clone(), cue_at) {
            return Some(Claim { text: clause, end_token: cue_at, proposition: true });
        }
    }
    // "Sánchez told a news conference" after a quotation: the quotation is the claim.
    if words_seen < 2 || (cue.speech && !proposition && doc.tokens[cue_at].script == Script::Latin && words_seen < 6) {
        if let Some(q) = quote_before(doc, sentence.clone(), cue_at) {
            return Some(Claim { text: q, end_token: cue_at, proposition: true });
        }
    }
    found.map(|text| Claim { text, end_token, proposition: proposition && speech })
}

/// One position per distinct claim: coordinated objects become claims of their own —
/// "بالحياد الأوكراني والاعتراف بسيطرة موسكو" (و + article before a new verbal noun),
/// "to cut taxes and to scrap the levy". A part must keep two words, so that coordinated
/// adjectives (العسكرية والدبلوماسية) stay together.
fn split_coordinated(doc: &Document, text: &Range<usize>) -> Vec<Range<usize>> {
    let first = doc.tokens.partition_point(|t| t.start < text.start);
    let last = doc.tokens.partition_point(|t| t.end <= text.end);
    let mut cuts = vec![first];
    let mut in_quote = false;
    for i in first..last {
        let w = doc.ftok(i);
        match w {
            "\"" => in_quote = !in_quote,
            "«" | "“" => in_quote = true,
            "»" | "”" => in_quote = false,
            _ => {}
        }
        if in_quote || !doc.tokens[i].is_word {
            continue;
        }
        let arabic_join = doc.tokens[i].script == Script::Arabic && (w.starts_with("وال") || w.starts_with("وبال")) && w.chars().count() > 4;
        let english_join = w == "and" && i + 1 < last && doc.ftok(i + 1) == "to";
        if arabic_join || english_join {
            cuts.push(i);
        }
    }
    cuts.push(last);
    // Keep only cuts leaving two words on each side.
    let words = |a: usize, b: usize| (a..b).filter(|&t| doc.tokens[t].is_word).count();
    let mut kept = vec![first];
    for w in cuts.windows(2).skip(1) {
        let (cut, next) = (w[0], w[1]);
        if words(*kept.last().unwrap_or(&first), cut) >= 2 && words(cut, next) >= 2 {
            kept.push(cut);
        }
    }
    kept.push(last);
    kept.windows(2)
        .filter_map(|w| {
            let (mut a, b) = (w[0], w[1]);
            // The conjunction itself ("and") opens the next part; drop it and a "to".
            while a < b && matches!(doc.ftok(a), "and" | "to") {
                a += 1;
            }
            let b_word = (a..b).rev().find(|&t| doc.tokens[t].is_word || is_quote(doc.ftok(t)))?;
            (b_word >= a).then(|| doc.tokens[a].start.max(text.start)..doc.tokens[b_word].end.min(text.end))
        })
        .collect()
}

/// Punctuation that ends a claim: a full stop (not a decimal point or an initial's),
/// semicolons, colons, question and exclamation marks.
fn is_hard_stop(doc: &Document, i: usize) -> bool {
    matches!(doc.ftok(i), "." | "؛" | ";" | "!" | "?" | "؟" | ":") && !is_decimal_point(doc, i) && !is_initial_dot(doc, i)
}

/// "U.S.": a full stop right after a single Latin letter.
fn is_initial_dot(doc: &Document, i: usize) -> bool {
    i > 0 && doc.ftok(i) == "." && doc.tokens[i - 1].script == Script::Latin && doc.ftok(i - 1).chars().count() == 1 && doc.tokens[i - 1].fend == doc.tokens[i].fstart
}

/// "2.1", "1,000": a full stop or comma between digits.
fn is_decimal_point(doc: &Document, i: usize) -> bool {
    i > 0 && i + 1 < doc.tokens.len()
        && doc.tokens[i - 1].script == Script::Digit && doc.tokens[i + 1].script == Script::Digit
        && doc.tokens[i - 1].fend == doc.tokens[i].fstart && doc.tokens[i].fend == doc.tokens[i + 1].fstart
}

/// "and pledged", "وأكد", "، مؤكداً": a cue verb joined by a conjunction, or a participle
/// opening a circumstantial clause after a comma.
fn starts_coordinated_cue(doc: &Document, i: usize) -> bool {
    match doc.tokens[i].script {
        Script::Arabic => {
            let w = doc.ftok(i);
            let after_comma = i > 0 && matches!(doc.ftok(i - 1), "،" | ",");
            arabic_cue(doc, i).is_some_and(|c| (w.starts_with('و') && !c.cue.participle) || (after_comma && c.cue.participle))
        }
        _ => i > 0 && matches!(doc.ftok(i - 1), "and" | "but" | ",") && english_cue(doc, i).is_some(),
    }
}

/// "وإسرائيل تشترط", "and Israel demands": a conjunction, one name word, then a cue verb.
fn starts_coordinated_clause(doc: &Document, i: usize, end: usize) -> bool {
    match doc.tokens[i].script {
        Script::Arabic => {
            let w = doc.ftok(i);
            // A definite noun too ("… بارا والجيش ينفي"), before a finite cue verb.
            let definite_ok = !w.starts_with("وال") || (i + 1 < end && arabic_cue(doc, i + 1).is_some_and(|c| !c.cue.participle));
            w.starts_with('و') && definite_ok && w.chars().count() > 3 && i + 1 < end && doc.tokens[i + 1].is_word && arabic_cue(doc, i + 1).is_some() && arabic_cue(doc, i).is_none()
        }
        _ => {
            doc.ftok(i) == "and"
                && i + 2 < end
                && doc.tokens[i + 1].is_word
                && doc.otok(i + 1).starts_with(char::is_uppercase)
                && english_cue(doc, i + 2).is_some()
        }
    }
}

fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "«" | "»" | "“" | "”" | "'")
}

fn is_complementiser(doc: &Document, i: usize) -> bool {
    let w = doc.ftok(i);
    match doc.tokens[i].script {
        Script::Arabic => words::is("ar.complementizer", w),
        _ => words::is("en.complementizer", w),
    }
}

/// Clause breaks are single words (بينما، while) or two-word phrases (في حين، إلا أن).
fn is_clause_break(doc: &Document, i: usize) -> bool {
    let (class, w) = match doc.tokens[i].script {
        Script::Arabic => ("ar.clause_break", doc.ftok(i)),
        _ => ("en.clause_break", doc.ftok(i)),
    };
    if words::is(class, w) {
        return true;
    }
    i + 1 < doc.tokens.len() && words::is_phrase(class, w, doc.ftok(i + 1))
}

/// A closing quotation mark with a comma just inside or after it ('…," Zelensky said',
/// '…", he said') at most five tokens before the verb, with only the speaker between.
fn attributes_quote_before(doc: &Document, sentence: Range<usize>, cue_at: usize) -> bool {
    let from = sentence.start.max(cue_at.saturating_sub(6));
    let Some(close) = (from..cue_at).rev().find(|&i| !doc.tokens[i].is_word && matches!(doc.ftok(i), "\"" | "”")) else { return false };
    let comma = (close > sentence.start && doc.ftok(close - 1) == ",") || (close + 1 < cue_at && doc.ftok(close + 1) == ",");
    // The speaker: words and initials, but no coordinator ('…," and Climate Action Network
    // said …' starts another clause) and no other verb of saying ('…," Poilievre said,
    // insisting …': the quotation is the first verb's).
    let only_speaker = (close + 1..cue_at).all(|i| {
        let w = doc.ftok(i);
        (doc.tokens[i].is_word && !matches!(w, "and" | "but" | "while" | "as" | "whereas" | "although") && english_cue(doc, i).is_none())
            || w == ","
            || (w == "." && is_initial_dot(doc, i))
    });
    comma && only_speaker
}

/// The text inside the last quotation before the cue in the same sentence.
fn quote_before(doc: &Document, sentence: Range<usize>, cue_at: usize) -> Option<Range<usize>> {
    let from = sentence.start.max(cue_at.saturating_sub(MAX_CLAIM_TOKENS));
    let quotes: Vec<usize> = (from..cue_at).filter(|&i| !doc.tokens[i].is_word && is_quote(doc.ftok(i))).collect();
    let (&close, rest) = quotes.split_last()?;
    // A lone closing mark after a comma ('We will never let that happen," he said') closes a
    // quotation opened in an earlier sentence: the claim is its part in this one.
    let inner_start = match rest.last() {
        Some(&open) => open + 1,
        None if close > sentence.start && doc.ftok(close - 1) == "," => sentence.start,
        None => return None,
    };
    let inner: Vec<usize> = (inner_start..close).filter(|&i| doc.tokens[i].is_word).collect();
    if inner.len() < 2 {
        return None;
    }
    let (first, last) = (inner[0], *inner.last()?);
    Some(doc.tokens[first].start..doc.tokens[last].end)
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options, Stance};

    /// (holder, stance, claim) triples found in a text, holders by name.
    fn positions(text: &str) -> Vec<(String, Stance, String)> {
        let a = analyze(text, &Options::default());
        a.positions
            .iter()
            .map(|p| (a.actors.iter().find(|x| x.id == p.actor).unwrap().name.clone(), p.stance, p.text.clone()))
            .collect()
    }

    #[test]
    fn a_name_after_the_verb_of_an_unnamed_subject_is_not_its_holder() {
        // "officials" and "analysts" say it, not NATO or Russia.
        for text in ["Russia dismissed the summit, with officials saying NATO was preparing for war.", "Analysts warned Russia would respond."] {
            let got = positions(text);
            assert!(got.iter().all(|(holder, _, claim)| !(holder == "NATO" || (holder == "Russia" && claim.contains("respond")))), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_common_noun_before_the_verb_is_its_subject() {
        // "officials" describe it, not Germany; "himself" is no such noun.
        let got = positions("Germany sent its envoy to what officials described as a make-or-break round.");
        assert!(got.is_empty(), "{got:?}");
        let got = positions("Donald Trump himself told reporters that nothing would happen soon.");
        assert!(got.iter().any(|(holder, _, claim)| holder == "Donald Trump" && claim == "nothing would happen soon"), "{got:?}");
    }

    #[test]
    fn a_place_before_the_verb_is_not_its_subject() {
        let got = positions("القمة الخليجية في الكويت تطالب بوقف الحرب على غزة");
        assert!(got.iter().all(|(holder, _, _)| holder != "الكويت"), "{got:?}");
    }

    #[test]
    fn a_quotation_before_another_clause_is_not_its_claim() {
        let got = positions("Italy called it \"a betrayal,\" and Spain said rich nations had \"arrived with empty pockets.\"");
        assert!(got.iter().all(|(holder, _, claim)| !(holder == "Spain" && claim.contains("betrayal"))), "{got:?}");
    }

    #[test]
    fn position_rule_table() {
        // Sentences written for these tests; each names the rule it exercises.
        let cases: &[(&str, &str, (&str, Stance, &str))] = &[
            ("arabic VSO with negation-free cue", "رفضت فرنسا المقترح الأمريكي بشأن الرسوم.", ("فرنسا", Stance::Rejects, "المقترح الأمريكي بشأن الرسوم")),
            ("arabic SVO after auxiliary", "وحاول ماكرون طرح مبادرة جديدة للسلام.", ("إيمانويل ماكرون", Stance::Proposes, "مبادرة جديدة للسلام")),
            ("arabic pro-drop takes the topic", "التقى أردوغان الوفد، ثم لوّح بفرض رسوم على الواردات.", ("رجب طيب أردوغان", Stance::Threatens, "بفرض رسوم على الواردات")),
            ("arabic speech with adverbial before إن", "وقال الرئيس الفرنسي إيمانويل ماكرون في بيان إن أوروبا ستدافع عن مصالحها.", ("إيمانويل ماكرون", Stance::States, "أوروبا ستدافع عن مصالحها")),
            ("arabic negation flips", "لم توافق ألمانيا على خطة التقشف.", ("ألمانيا", Stance::Rejects, "خطة التقشف")),
            ("arabic participle takes the clause subject", "وأكد أردوغان دعمه للحوار، محذراً من تصعيد عسكري في المنطقة.", ("رجب طيب أردوغان", Stance::Warns, "تصعيد عسكري في المنطقة")),
            ("arabic masdar frame", "وتواجه المفاوضات إصرار إيران على رفع العقوبات كاملة.", ("إيران", Stance::Demands, "رفع العقوبات كاملة")),
            ("arabic joint holders, first", "دعت فرنسا وألمانيا الطرفين إلى وقف إطلاق النار.", ("فرنسا", Stance::Demands, "وقف إطلاق النار")),
            ("arabic joint holders, second", "دعت فرنسا وألمانيا الطرفين إلى وقف إطلاق النار.", ("ألمانيا", Stance::Demands, "وقف إطلاق النار")),
            ("english joint holders", "France and Germany urged both sides to resume talks.", ("France", Stance::Demands, "both sides to resume talks")),
            ("english particle already taken", "Peru vowed to cut taxes and to return to growth.", ("Peru", Stance::Proposes, "cut taxes")),
            ("english initials do not end a claim", "Beijing called on the U.S. side to lift export controls.", ("China", Stance::Demands, "lift export controls")),
            ("arabic dual subject, first", "التقى ماكرون وشولتس في باريس. وأكد الزعيمان دعمهما للحوار.", ("إيمانويل ماكرون", Stance::States, "دعمهما للحوار")),
            ("arabic dual subject, second", "التقى ماكرون وشولتس في باريس. وأكد الزعيمان دعمهما للحوار.", ("أولاف شولتس", Stance::States, "دعمهما للحوار")),
            ("english pair subject", "Japan met South Korea in Seoul. The two countries rejected the tariff plan.", ("Japan", Stance::Rejects, "the tariff plan")),
            ("arabic coordinated claims split, first", "وتمسك الوفد الإيراني بالحياد الكامل والانسحاب من المعاهدة الدولية.", ("إيران", Stance::Demands, "بالحياد الكامل")),
            ("arabic coordinated claims split, second", "وتمسك الوفد الإيراني بالحياد الكامل والانسحاب من المعاهدة الدولية.", ("إيران", Stance::Demands, "والانسحاب من المعاهدة الدولية")),
            ("english coordinated infinitives split", "Peru vowed to cut taxes and to scrap the levy.", ("Peru", Stance::Proposes, "scrap the levy")),
            ("arabic position frame موقف X من", "ويقوم موقف روسيا من الأزمة على رفض أي وجود عسكري أجنبي.", ("روسيا", Stance::States, "من الأزمة على رفض أي وجود عسكري أجنبي")),
            ("arabic quotation after a verb of saying", "وقال وزير الخارجية الجزائري أحمد عطاف: «لن نقبل بأي تدخل خارجي».", ("أحمد عطاف", Stance::States, "«لن نقبل بأي تدخل خارجي»")),
            ("english quoted claim after a particle", "Italy warned against \"a tariff war that would hurt everyone\".", ("Italy", Stance::Warns, "\"a tariff war that would hurt everyone\"")),
            ("english SVO", "French President Emmanuel Macron rejected the tariff plan on Monday.", ("Emmanuel Macron", Stance::Rejects, "the tariff plan on Monday")),
            ("arabic verb of writing reports a proposition", "وكتب ماكرون على منصته أن الاتفاق \"خطوة إلى الأمام\".", ("إيمانويل ماكرون", Stance::States, "الاتفاق \"خطوة إلى الأمام\"")),
            ("arabic vote", "وصوتت فرنسا ضد الرسوم الجديدة.", ("فرنسا", Stance::States, "ضد الرسوم الجديدة")),
            ("english push for", "Germany pushed for a quick settlement with Beijing.", ("Germany", Stance::Demands, "a quick settlement with Beijing")),
            ("a relative verb with an object pronoun is the topic's", "وقال ماكرون إن الحوار ممكن، لكنه انتقد حركة حماس التي وصفها بأنها \"عقبة أمام السلام\".", ("إيمانويل ماكرون", Stance::States, "\"عقبة أمام السلام\"")),
            ("a quotation attributed, then a participle", "Kenji Sato spoke in Osaka. \"The deal is dead,\" Sato said, calling on Tokyo to walk away.", ("Kenji Sato", Stance::States, "The deal is dead")),
            ("a quotation attributed, then an addressee", "Japanese Prime Minister Kenji Sato spoke in Osaka. \"We will not give in,\" he told a rally in Osaka on Friday.", ("Kenji Sato", Stance::States, "We will not give in")),
            ("an indefinite object keeps its preposition", "Britain and the European Union agreed a package of deals on defence and trade.", ("United Kingdom", Stance::Agrees, "a package of deals on defence and trade")),
            ("arabic joint subject before the verb", "وكانت فرنسا والسعودية قد حثتا القوى اللبنانية على الإسراع في تشكيل الحكومة.", ("فرنسا", Stance::Demands, "الإسراع في تشكيل الحكومة")),
            ("arabic relative clause after a comma", "والتقى الوفد الرئيس الفرنسي إيمانويل ماكرون، الذي جدد دعم بلاده لحل الدولتين.", ("إيمانويل ماكرون", Stance::States, "دعم بلاده لحل الدولتين")),
            ("a relative clause's subject is not the topic", "Ahmed al-Sharaa thanked Donald Trump and Mohammed bin Salman, who had lobbied Washington to drop the sanctions. He pledged to rebuild power plants.", ("Ahmed al-Sharaa", Stance::Proposes, "rebuild power plants")),
            ("english voice", "Israel voiced alarm over the new government in Damascus.", ("Israel", Stance::States, "alarm over the new government in Damascus")),
            ("a name opening a quotation is not the topic", "Mark Carney spoke in Ottawa. \"President Trump wants to break us. We will never let that happen,\" he said. He promised to match the tariffs dollar for dollar.", ("Mark Carney", Stance::Proposes, "match the tariffs dollar for dollar")),
            ("a quotation over two sentences", "Mark Carney spoke in Ottawa. \"Tariffs hurt us. We will never let that happen,\" he said.", ("Mark Carney", Stance::States, "We will never let that happen")),
            ("a verbal noun after a preposition is no verb", "وأعلن أوميت أوزداغ تأييده للمرشح مقابل تعهد بتسليم حزبه وزارة الداخلية.", ("أوميت أوزداغ", Stance::States, "تأييده للمرشح مقابل تعهد بتسليم حزبه وزارة الداخلية")),
            ("arabic claim stops at a new subject with its verb", "حماس تتمسك بوقف دائم للحرب وإسرائيل تشترط نزع السلاح", ("حركة حماس", Stance::Demands, "بوقف دائم للحرب")),
            ("english claim stops at a new subject with its verb", "Hamas insists on a permanent ceasefire and Israel demands full disarmament.", ("Israel", Stance::Demands, "full disarmament")),
            ("failing to agree is no agreement", "Chile and Peru failed to agree a joint lithium framework on Tuesday.", ("Chile", Stance::Rejects, "a joint lithium framework on Tuesday")),
            ("a claim does not end on a relative pronoun", "وقال ماكرون إن الحوار ممكن، لكنه انتقد الحكومة الإسرائيلية التي وصفها بأنها \"عقبة\".", ("إيمانويل ماكرون", Stance::Opposes, "الحكومة الإسرائيلية")),
            ("a speech verb's claim stops at the next cue", "Kenji Sato said the deal was fair, adding that talks would go on.", ("Kenji Sato", Stance::States, "the deal was fair")),
            ("a participle after a quotation closed by a comma", "Kenji Sato called the deal \"fair, if late,\" adding that talks would go on.", ("Kenji Sato", Stance::States, "talks would go on")),
            ("a quotation closed by a comma ends the claim", "Russia dismissed the summit as \"a provocation,\" with officials saying more.", ("Russia", Stance::Rejects, "the summit as \"a provocation,\"")),
            ("english quote after an earlier sentence", "Kenji Sato arrived in Osaka. \"We will not accept this deal,\" Sato said.", ("Kenji Sato", Stance::States, "We will not accept this deal")),
            ("arabic quotation closed past the full stop", "قال ماكرون: \"لن نقبل هذا الاتفاق.\" ثم غادر.", ("إيمانويل ماكرون", Stance::States, "لن نقبل هذا الاتفاق")),
            ("english inverted after quote", "\"We will not accept this deal,\" said Japanese Prime Minister Kenji Sato.", ("Kenji Sato", Stance::States, "We will not accept this deal")),
            ("english demand verb reporting a fact", "Abiy Ahmed insisted that the dam would reduce flooding in Kenya.", ("Abiy Ahmed", Stance::States, "the dam would reduce flooding in Kenya")),
            ("english demand with a bare verb", "Abiy Ahmed demanded that Kenya withdraw its troops.", ("Abiy Ahmed", Stance::Demands, "Kenya withdraw its troops")),
            ("english lead clause before the speaker", "Indonesia will halt palm oil shipments to the EU from next month, President Prabowo Subianto announced on Wednesday, escalating the dispute.", ("Prabowo Subianto", Stance::States, "Indonesia will halt palm oil shipments to the EU from next month")),
            ("english second cue after but", "Johari Abdul Ghani said Kuala Lumpur preferred to negotiate but warned that patience was running thin.", ("Johari Abdul Ghani", Stance::Warns, "patience was running thin")),
            ("english body named with its country", "Greenpeace Indonesia welcomed pressure on the industry.", ("Greenpeace Indonesia", Stance::Supports, "pressure on the industry")),
            ("english addressee of told", "Amador Pantoja told local radio the company had insulted workers.", ("Amador Pantoja", Stance::States, "the company had insulted workers")),
            ("english body's spokesperson", "Hamas's spokeswoman warned that the truce was over.", ("Hamas", Stance::Warns, "the truce was over")),
            ("english name between commas after a role", "Its foreign ministry spokesman, Tamim Khallaf, said Cairo stood ready to help.", ("Tamim Khallaf", Stance::States, "Cairo stood ready to help")),
            ("arabic time between commas", "أعلنت وزارة الخارجية الجزائرية، مساء الأربعاء، استدعاء سفيرها.", ("وزارة الخارجية الجزائرية", Stance::States, "استدعاء سفيرها")),
            ("arabic headline of two clauses", "قوات الدعم السريع تعلن سيطرتها على مدينة بارا والجيش ينفي", ("قوات الدعم السريع", Stance::States, "سيطرتها على مدينة بارا")),
            ("arabic second verb after one word", "فيما نفى الجيش السوداني ذلك وأكد أن قواته ما زالت تقاتل داخل المدينة.", ("الجيش السوداني", Stance::States, "قواته ما زالت تقاتل داخل المدينة")),
            ("arabic unnamed spokesperson of a body", "وقال المتحدث باسم الخارجية الروسية إن موسكو لن تقبل بذلك.", ("وزارة الخارجية الروسية", Stance::States, "موسكو لن تقبل بذلك")),
            ("arabic quoted through an agency", "ونقلت وكالة الأنباء الرسمية عن وزير الخارجية المصري بدر عبد العاطي قوله إن القاهرة ترفض التهجير.", ("بدر عبد العاطي", Stance::States, "القاهرة ترفض التهجير")),
            ("arabic appeal", "وناشد الأمين العام للأمم المتحدة أنطونيو غوتيريش الطرفين ضبط النفس.", ("أنطونيو غوتيريش", Stance::Demands, "الطرفين ضبط النفس")),
            ("english pronoun subject", "German Chancellor Friedrich Merz met the envoy. He called for new sanctions on Iran.", ("Friedrich Merz", Stance::Demands, "new sanctions on Iran")),
            ("english appositive before the verb", "Dmitry Peskov, the spokesman of the Russian presidency, denied that Moscow was stalling.", ("Dmitry Peskov", Stance::Rejects, "Moscow was stalling")),
            ("english negated cue", "Spain did not support the new target.", ("Spain", Stance::Rejects, "the new target")),
            ("english possessive noun frame", "Brazil's refusal to sign the pact angered its partners.", ("Brazil", Stance::Rejects, "sign the pact angered its partners")),
            ("english coordinated verb shares the subject", "Mexico said it would keep talking but would not accept new tariffs.", ("Mexico", Stance::Rejects, "new tariffs")),
            ("english comma inside a quotation", "Canada defended the plan as \"fair, firm and final\" on Monday.", ("Canada", Stance::Supports, "the plan as \"fair, firm and final\" on Monday")),
            ("english call X Y", "Norway called the deal \"a fragile start\".", ("Norway", Stance::States, "the deal \"a fragile start\"")),
            ("english participial clause", "Canada backed the plan, warning that delays would cost lives.", ("Canada", Stance::Warns, "delays would cost lives")),
        ];
        for (name, text, (holder, stance, claim)) in cases {
            let got = positions(text);
            let want = (holder.to_string(), *stance, claim.to_string());
            assert!(got.contains(&want), "{name}: {want:?} not in {got:?}");
        }
    }

    #[test]
    fn attributed_bullet_list() {
        let text = "Under the plan presented by Marco Rubio, the proposal includes:\n- a ceasefire of 30 days\n- the exchange of all prisoners\n\nThe talks resume on Monday.";
        let got = positions(text);
        for item in ["a ceasefire of 30 days", "the exchange of all prisoners"] {
            assert!(got.contains(&("Marco Rubio".to_string(), Stance::Proposes, item.to_string())), "{item} not in {got:?}");
        }
    }

    #[test]
    fn plural_verb_does_not_take_a_single_person_as_topic() {
        // يرون (they see) cannot have Erdogan, the topic, as its unexpressed subject.
        let got = positions("وأكد أردوغان أن الاقتصاد قوي. ويرون أن الانتخابات ستكون صعبة.");
        assert!(got.iter().all(|(who, _, text)| !(who == "رجب طيب أردوغان" && text.contains("الانتخابات"))), "{got:?}");
        assert!(got.iter().any(|(who, _, text)| who == "رجب طيب أردوغان" && text.contains("الاقتصاد قوي")), "{got:?}");
    }

    #[test]
    fn a_verb_joined_after_a_comma_keeps_the_clause_subject_before_its_object() {
        let got = positions("أعرب حزب العمال عن تضامنه مع المضربين، واتهم الحكومة بالتنصل من اتفاقات سابقة.");
        assert!(got.iter().any(|(who, s, c)| who == "حزب العمال" && *s == Stance::Accuses && c.contains("بالتنصل")), "{got:?}");
        // A named object too: the party accuses Israel, not Israel the government.
        let got = positions("أعرب حزب العمال عن تضامنه مع المضربين، واتهم إسرائيل بالتنصل من اتفاقات سابقة.");
        assert!(got.iter().any(|(who, s, _)| who == "حزب العمال" && *s == Stance::Accuses), "{got:?}");
        assert!(got.iter().all(|(who, _, _)| who != "إسرائيل"), "{got:?}");
        let got = positions("اعتبرت وزارة النقل أن الإضراب غير قانوني، ودعت العمال إلى العودة إلى العمل فورا.");
        assert!(got.iter().any(|(who, s, c)| who == "وزارة النقل" && *s == Stance::Demands && c.contains("العودة")), "{got:?}");
        // أما … ف: the name after أما is the subject, a place between notwithstanding.
        let got = positions("أما السفارة الأمريكية في بغداد فقد حثت الجانبين على التوصل إلى اتفاق دائم.");
        assert!(got.iter().any(|(who, s, _)| who == "السفارة الأمريكية" && *s == Stance::Demands), "{got:?}");
        // A new subject after the comma is still the subject, before an object of its own too.
        let got = positions("ولم يوافق البرلمان الأوروبي على الخطة، واتهمت بولندا موسكو بتهديد أمن القارة.");
        assert!(got.iter().any(|(who, s, _)| who == "بولندا" && *s == Stance::Accuses), "{got:?}");
        let got = positions("قال بوتين إن الاتفاق قريب، وأكد ترامب أن المحادثات مثمرة.");
        assert!(got.iter().any(|(who, _, c)| who == "دونالد ترامب" && c.contains("مثمرة")), "{got:?}");
        // A noun with a preposition after the verb is no subject: the topic demands.
        let got = positions("قال قيس سعيد إن الحكومة فشلت. وطالب بالحوار مع النقابات.");
        assert!(got.iter().any(|(who, s, _)| who == "قيس سعيد" && *s == Stance::Demands), "{got:?}");
    }

    #[test]
    fn a_named_source_states_what_its_sentence_says() {
        let got = positions("According to the European Commission, the fine is long overdue.");
        assert!(got.iter().any(|(who, s, c)| who == "European Commission" && *s == Stance::States && c == "the fine is long overdue"), "{got:?}");
        let got = positions("Russia lost 5,000 troops last month, according to Ukraine.");
        assert!(got.iter().any(|(who, _, c)| who == "Ukraine" && c == "Russia lost 5,000 troops last month"), "{got:?}");
        let got = positions("وبحسب وزارة الصحة الفلسطينية، فإن عدد الضحايا ارتفع إلى مئة.");
        assert!(got.iter().any(|(who, _, c)| who == "وزارة الصحة الفلسطينية" && c == "عدد الضحايا ارتفع إلى مئة"), "{got:?}");
        // A sentence whose own subject holds a claim keeps it; the source adds nothing.
        let got = positions("Saudi Arabia threatened a price war, according to Reuters sources close to Iran.");
        assert!(got.iter().all(|(who, _, _)| who == "Saudi Arabia"), "{got:?}");
    }

    #[test]
    fn a_participle_after_an_unnamed_subject_is_not_the_topics() {
        let got = positions("وأكد ألباريس أن بلاده تحترم الجزائر. ونفى مصدر حكومي إسباني أن تكون مدريد قد غيرت موقفها، مؤكداً أن \"لا جديد\" في السياسة الإسبانية.");
        assert!(got.iter().all(|(_, _, c)| !c.contains("لا جديد")), "{got:?}");
        // With the subject named, the participle is its.
        let got = positions("ونفى ألباريس أن تكون مدريد قد غيرت موقفها، مؤكداً أن \"لا جديد\" في السياسة الإسبانية.");
        assert!(got.iter().any(|(who, _, c)| who == "خوسيه مانويل ألباريس" && c.contains("لا جديد")), "{got:?}");
    }

    #[test]
    fn a_quotation_after_an_attributed_one_continues_it() {
        let got = positions("Finnish Foreign Minister Aino Virtanen spoke on radio. \"We gave them every chance,\" he said. \"Now they will have to listen.\"");
        assert!(got.iter().any(|(who, _, c)| who == "Aino Virtanen" && c == "Now they will have to listen"), "{got:?}");
        let got = positions("وقال سامي الطاهري: \"لن نتراجع\". \"سنواصل الإضراب حتى النهاية\".");
        assert!(got.iter().any(|(who, _, c)| who == "سامي الطاهري" && c == "سنواصل الإضراب حتى النهاية"), "{got:?}");
        // Not across a paragraph, and not after a sentence with no quoted claim.
        let got = positions("\"We gave them every chance,\" said Aino Virtanen.\n\"Now they will have to listen.\"");
        assert!(got.iter().all(|(_, _, c)| c != "Now they will have to listen"), "{got:?}");
        let got = positions("Finnish Foreign Minister Aino Virtanen said the offer was low. \"Now they will have to listen.\"");
        assert!(got.iter().all(|(_, _, c)| c != "Now they will have to listen"), "{got:?}");
    }

    #[test]
    fn every_sentence_of_an_attributed_quotation_is_the_speakers() {
        let cases = [
            "\"We are not against machines. We are against throwing people away,\" said Niek Stam, the union negotiator.",
            "Niek Stam, the union negotiator, said: \"We are not against machines. We are against throwing people away.\"",
        ];
        for text in cases {
            let got = positions(text);
            for claim in ["We are not against machines", "We are against throwing people away"] {
                assert!(got.iter().any(|(who, s, c)| who == "Niek Stam" && *s == Stance::States && c == claim), "{claim} in {text}: {got:?}");
            }
        }
        let got = positions("وقال سامي الطاهري: \"لن نتراجع. سنواصل الإضراب حتى النهاية\".");
        assert!(got.iter().any(|(who, _, c)| who == "سامي الطاهري" && c == "سنواصل الإضراب حتى النهاية"), "{got:?}");
        // Two speakers inside one quotation: nobody is given the rest.
        let got = positions("\"Kenji Sato said no. Aino Virtanen said yes. Nobody agreed.\"");
        assert!(got.iter().all(|(_, _, c)| c != "Nobody agreed"), "{got:?}");
    }

    #[test]
    fn cues_inside_quotes_are_not_positions() {
        let got = positions("وأعرب الوزير الفرنسي جان بارو عن \"تفاؤل حذر\" بشأن المحادثات.");
        assert!(got.iter().all(|(_, s, _)| *s != Stance::Warns), "{got:?}");
    }
}
