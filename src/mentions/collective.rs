//! Unnamed collectives that hold a position: "European leaders have criticised …", "Analysts
//! say …", "Backbench Labour MPs raised concerns …", "أشار المشرعون إلى …", "القادة الأوروبيون
//! يرفضون …", "رفضت المعارضة التونسية …". Journalism attributes stances to such groups as
//! often as to named bodies; they are group actors, named by the phrase the text uses.
//!
//! Only a collective that is the subject of a stance cue is taken: a plural head noun from
//! `*.collective` in `function_words.tsv`, with its modifiers, right before the cue (English;
//! Arabic subject–verb order) or right after it (Arabic verb–subject order). Anonymous
//! sources ("officials", "sources", مصادر) are not in the list: they speak for someone else.

use super::TokenMap as HashMap;

use super::words::{self, class};
use super::{LexTokens, Mention, MentionForm, Referent};
use crate::lexicon::cues::Cues;
use crate::lexicon::Target;
use crate::model::ActorKind;
use crate::text::{arabic, Document, Script};

/// A collective subject whose head noun is at `h`, or `None`. `covered`: tokens other rules
/// have named; a collective's modifiers may be such a name ("Labour" in "Backbench Labour
/// MPs"), its head may not.
pub(super) fn at(doc: &Document, lexicon_at: &HashMap<usize, LexTokens>, covered: &[bool], h: usize) -> Option<Mention> {
    if covered[h] || !doc.tokens()[h].is_word {
        return None;
    }
    let phrase = match doc.tokens()[h].script {
        Script::Latin => english(doc, lexicon_at, h)?,
        Script::Arabic => arabic_phrase(doc, lexicon_at, h)?,
        _ => return None,
    };
    let key = phrase.clone().map(|t| doc.ftok(t)).collect::<Vec<_>>().join(" ");
    Some(Mention::plain(phrase, Referent::Organization { key, kind: ActorKind::Group }, MentionForm::Name))
}

fn english(doc: &Document, lexicon_at: &HashMap<usize, LexTokens>, h: usize) -> Option<std::ops::Range<usize>> {
    let n = doc.tokens().len();
    if !words::token_is(doc, h, class!("en.collective")) {
        return None;
    }
    // A place after the head belongs to the group: "business leaders across Germany", "judges
    // in Rome" (one to three capitalised words).
    let mut end = h + 1;
    if end + 1 < n && matches!(doc.ftok(end), "in" | "across" | "from") {
        let place_end = (end + 1..n.min(end + 4)).take_while(|&t| doc.tokens()[t].is_word && doc.tokens()[t].upper).last();
        if let Some(last) = place_end {
            end = last + 1;
        }
    }
    // The cue, past auxiliaries and adverbs: "have also raised concerns", "say".
    let v = super::english::verb_after_subject(doc, end);
    let cues = Cues::builtin();
    if v >= n || !doc.tokens()[v].is_word || cues.english_at(doc.ftok(v), |d| (v + d < n).then(|| doc.ftok(v + d))).is_none() {
        return None;
    }
    // Modifiers before the head: names, demonyms, adjectives; not determiners or quantifiers
    // ("many farmers" are some farmers, not a group that speaks), and at most three.
    let mut s = h;
    while s > 0 && s + 3 > h {
        let m = s - 1;
        let w = doc.ftok(m);
        let demonym = lexicon_at.get(&m).is_some_and(|lt| matches!(lt.target, Target::Demonym { .. }));
        let modifier = doc.tokens()[m].is_word
            && doc.tokens()[m].script == Script::Latin
            && !words::token_is(doc, m, class!("en.stop", "en.quantifier", "en.time"))
            && !w.chars().all(|c| c.is_ascii_digit())
            && !cues.english.contains_key(w)
            // A sentence adverb is no modifier ("Meanwhile business leaders …").
            && !matches!(w, "meanwhile" | "however" | "separately" | "elsewhere" | "still" | "now" | "then" | "earlier" | "later" | "also")
            && !(w.ends_with("ly") && !demonym)
            && (demonym || doc.tokens()[m].upper || !w.ends_with("ed"));
        if !modifier {
            break;
        }
        s = m;
    }
    // "a choice economists said was …": after an article the first word is the noun a relative
    // clause hangs on, not a modifier.
    if s < h && s > 0 && matches!(doc.ftok(s - 1), "a" | "an") && doc.tokens()[s].lower {
        return None;
    }
    // A bare plural opening no sentence is too vague to be an actor ("… as farmers said"); a
    // modifier or the sentence's first word makes it one ("Farmers said", "Polish farmers").
    let opens = h == 0 || matches!(doc.ftok(h - 1), "." | "\n" | "\"" | "“" | ":" | ",") || doc.tokens()[h].upper;
    (s < h || opens || end > h + 1).then_some(s..end)
}

fn arabic_phrase(doc: &Document, lexicon_at: &HashMap<usize, LexTokens>, h: usize) -> Option<std::ops::Range<usize>> {
    let n = doc.tokens().len();
    let head = arabic::without_proclitics(doc.ftok(h));
    // Most words are neither (one look-up tells).
    if !words::is(class!("ar.member", "ar.collective"), head) {
        return None;
    }
    if words::is(class!("ar.member"), head) {
        return members_of_a_body(doc, lexicon_at, h);
    }
    if !words::is(class!("ar.collective"), head) {
        return None;
    }
    // Not after a preposition (بالقادة، للدول): a subject carries none.
    if arabic::has_preposition_proclitic(doc.ftok(h)) {
        return None;
    }
    let definite = arabic::has_article(head);
    // Adjectives agreeing with the head: a nisba (الأوروبيون، التونسية، كردية) or a qualifier
    // (السابقون), definite when the head is.
    let mut e = h + 1;
    while e < n && e < h + 3 && doc.tokens()[e].is_word {
        let w = doc.ftok(e);
        let demonym = lexicon_at.get(&e).is_some_and(|lt| matches!(lt.target, Target::Demonym { .. }));
        let nisba = ["ي", "ية", "يه", "يون", "يين", "ون"].iter().any(|s| w.ends_with(s)) && w.chars().count() > 4;
        let agrees = arabic::has_article(w) == definite;
        if !(agrees && (demonym || nisba || words::is(class!("ar.qualifier"), w))) || Cues::builtin().arabic.contains_key(w) {
            break;
        }
        e += 1;
    }
    // An indefinite plural names a group only with its adjective (قوى كردية, not دول).
    if !definite && e == h + 1 {
        return None;
    }
    let cue = |t: usize| t < n && arabic::verb_stems(doc.ftok(t)).iter().any(|s| Cues::builtin().arabic.contains_key(*s));
    // Verb–subject ("وأشار المشرعون"): the verb opens its clause, with no subject of its own
    // before it ("حثت مصر القوى العراقية": the collective is the object); or subject–verb
    // ("القادة الأوروبيون يرفضون").
    let opens_clause = |v: usize| v == 0 || !doc.tokens()[v - 1].is_word || words::token_is(doc, v - 1, class!("ar.clause_opener"));
    let verb_before = h > 0 && cue(h - 1) && opens_clause(h - 1);
    let verb_after = definite && cue(e);
    (verb_before || verb_after).then_some(h..e)
}

/// "طالب ثلاثة من أعضاء مجلس النواب بـ …", "وحذر أعضاء البرلمان الأوروبي من …": the
/// members of a body the lexicon knows, in the construct, speaking as a group of their own
/// (the body itself has not spoken). The subject of a cue before it (perhaps after a number
/// and من) or after it.
fn members_of_a_body(doc: &Document, lexicon_at: &HashMap<usize, LexTokens>, h: usize) -> Option<std::ops::Range<usize>> {
    let n = doc.tokens().len();
    if arabic::has_preposition_proclitic(doc.ftok(h)) && !doc.ftok(h).starts_with("و") {
        return None;
    }
    let cue = |t: usize| t < n && doc.tokens()[t].is_word && arabic::verb_stems(doc.ftok(t)).iter().any(|s| Cues::builtin().arabic.contains_key(*s));
    // A body the lexicon knows, or one named by its head noun and definite words (مجلس الشيوخ).
    let mut e = match lexicon_at.get(&(h + 1)) {
        Some(lt) if matches!(lt.target, Target::Entity { .. }) => lt.end,
        _ if h + 1 < n && words::token_is(doc, h + 1, class!("ar.org_head", "ar.group_head")) => {
            let mut e = h + 2;
            while e < n && e < h + 5 && doc.tokens()[e].is_word && arabic::has_article(doc.ftok(e)) && !cue(e) && !words::token_is(doc, e, class!("ar.stop")) && !arabic::has_preposition_proclitic(doc.ftok(e)) {
                e += 1;
            }
            if e == h + 2 {
                return None;
            }
            e
        }
        _ => return None,
    };
    // The body's adjective (الأميركي) when the lexicon's name stops before it.
    if e < n && doc.tokens()[e].is_word && lexicon_at.get(&e).is_some_and(|lt| matches!(lt.target, Target::Demonym { .. })) {
        e += 1;
    }
    // "أعرب خمسة من أعضاء": a number and من between the verb and the members.
    let mut v = h;
    if v >= 2 && doc.ftok(v - 1) == "من" && doc.tokens()[v - 2].is_word && !cue(v - 2) {
        v -= 2;
    }
    let verb_before = v > 0 && cue(v - 1);
    (verb_before || cue(e)).then_some(h..e)
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options};

    /// Group actors and the claims they hold.
    fn groups(text: &str) -> Vec<(String, Vec<String>)> {
        let a = analyze(text, &Options::default());
        a.actors
            .iter()
            .filter(|x| x.kind == crate::ActorKind::Group)
            .map(|x| (x.name.clone(), a.positions.iter().filter(|p| p.actor == x.id).map(|p| p.text.clone()).collect()))
            .collect()
    }

    #[test]
    fn a_collective_subject_is_a_group_actor() {
        let cases: &[(&str, &str, &str)] = &[
            ("modifier and plural head", "European leaders have criticised the tariff deal with Washington.", "European leaders"),
            ("adverbs before the cue", "Dairy farmers have already rejected the quota.", "Dairy farmers"),
            ("a place after the head, a ruling", "Judges in Turin ruled against the transfer.", "Judges in Turin"),
            ("a place after the head, a sentence adverb before it", "Meanwhile business leaders across Germany have criticised the deal.", "business leaders across Germany"),
            ("a city after the head", "Judges in Rome rejected the transfer plan.", "Judges in Rome"),
            ("a name among the modifiers", "Backbench Labour MPs raised concerns about the budget plan.", "Backbench Labour MPs"),
            ("sentence-initial bare plural", "Analysts say the pact avoids a costly price war.", "Analysts"),
            ("arabic verb–subject", "وأشار المشرعون إلى ارتفاع أسعار الخبز في الأسواق.", "المشرعون"),
            ("arabic subject–verb with nisba", "المعارضة التونسية ترفض نتائج الانتخابات البلدية.", "المعارضة التونسية"),
            ("arabic indefinite with its adjective", "وجددت قوى كردية تمسكها بمرشحها لرئاسة البرلمان.", "قوى كردية"),
        ];
        for (name, text, group) in cases {
            let got = groups(text);
            assert!(got.iter().any(|(g, claims)| g == group && !claims.is_empty()), "{name}: {got:?}");
        }
    }

    #[test]
    fn collectives_that_are_not_subjects_or_are_too_vague_are_not_actors() {
        for text in [
            "The plan was backed by many farmers in the north.",
            "وكانت مصر والأردن قد حثتا القوى العراقية على الإسراع في تشكيل الحكومة.",
            "Farmers could be hit hardest, a choice economists said was meant to send a message.",
            "وقالت دول إن الاتفاق قريب.",
        ] {
            assert!(groups(text).is_empty(), "{text}: {:?}", groups(text));
        }
    }
}
