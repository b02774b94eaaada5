//! Who holds a position: the subject of the cue.
//!
//! Arabic is verb-initial in news (رفضت أوكرانيا …) but also subject-initial (ترامب يرفض …),
//! and drops pronoun subjects (… ما جعله يتمسك …; participles such as مؤكداً always take the
//! clause's subject), so an unexpressed subject is the current topic: the last explicit
//! subject in this or the previous two sentences. English is subject-initial, inverted after
//! quotes ('…," said Putin'), and uses pronouns (he/she/they) for the topic.

use std::ops::Range;

use crate::actors::ActorDraft;
use crate::lexicon::cues::Cue;
use crate::mentions::words::{self, class};
use crate::model::ActorKind;
use crate::text::{arabic, Document, Script};

use super::coref::{Holder, MentionIndex, Topic};

/// The subject of the cue at `k..cue_end`.
#[allow(clippy::too_many_arguments)]
pub(super) fn find(
    doc: &Document,
    index: &MentionIndex,
    actors: &[ActorDraft],
    topic: &Topic,
    sentence: Range<usize>,
    k: usize,
    cue_end: usize,
    cue: &Cue,
) -> Option<Holder> {
    let (participle, speech) = (cue.participle, cue.speech);
    let gap_is_words = |from: usize, to: usize| (from..to).all(|t| doc.tokens()[t].is_word);
    match doc.tokens()[k].script {
        Script::Arabic => {
            // "نقلت الوكالة عن الوزير قوله إن …": the one quoted is named right before قوله.
            if doc.ftok(k).starts_with("قول") {
                return k.checked_sub(1).and_then(|p| index.at(p)).filter(|(_, ph)| ph.end == k).map(|(a, _)| (a, cue_end, true));
            }
            // "… كلمة للأمين العام سمير حداد، الذي وجه رسالة …، مؤكداً أن …": a participle
            // after a relative clause on a named person continues that person's words.
            if participle {
                if let Some(a) = relative_antecedent(doc, index, sentence.clone(), k) {
                    return Some((a, cue_end, false));
                }
            }
            // "قال المتحدث باسم الخارجية الروسية إن …": an unnamed spokesperson speaks for the
            // body; a name after the body is the spokesperson's own (a title, found earlier).
            if !participle && k + 3 < sentence.end && words::token_is(doc, k + 1, class!("ar.spokesperson")) && doc.ftok(k + 2) == "باسم" {
                if let Some((a, ph)) = index.at(k + 3).filter(|(_, ph)| ph.start == k + 3) {
                    if index.at(ph.end).is_none() {
                        return Some((a, ph.end, true));
                    }
                }
            }
            // "لكنه انتقد حماس", "وأكد أنه رفض …": the pronoun on the particle before the verb is
            // its subject, so a name after the verb is its object.
            if !participle && k > sentence.start && doc.tokens()[k - 1].is_word && PARTICLE_WITH_PRONOUN.contains(&doc.ftok(k - 1)) {
                return topic.current().filter(|&a| agrees_with_verb(doc.ftok(k), &actors[a])).map(|a| (a, cue_end, false));
            }
            // "أعرب الحزب عن تضامنه، واتهم الحكومة بالتنصل …", "…، ودعت العمال إلى العودة": a verb
            // joined by و, after a comma, to a clause whose subject this sentence named has that
            // subject when an object comes before the verb's particle: the words after the
            // verb are that object, named or not.
            if !participle && k >= sentence.start + 2 && matches!(doc.ftok(k - 1), "،" | ",") && doc.ftok(k).starts_with('و') {
                // One object: a single mention ("إسرائيل") or up to two words ("الحكومة"); with
                // two mentions the first is a new subject ("واتهمت بولندا موسكو بـ …").
                let particle_at = (k + 2..sentence.end.min(k + 6)).take_while(|&p| doc.tokens()[p].is_word).find(|&p| takes_particle(doc.ftok(p), cue));
                let object_then_particle = particle_at.is_some_and(|p| match index.at(k + 1) {
                    Some((_, phrase)) => phrase.start == k + 1 && phrase.end == p,
                    None => p - (k + 1) <= 2 && (k + 1..p).all(|t| index.at(t).is_none()),
                });
                // "…، واعتبرته انتهاكاً …": the object is the pronoun on the verb.
                let object_pronoun = has_object_pronoun(doc.ftok(k));
                if let Some(a) = topic.named_in_this_sentence().filter(|&a| (object_then_particle || object_pronoun) && agrees_with_verb(doc.ftok(k), &actors[a])) {
                    return Some((a, cue_end, false));
                }
            }
            // "أصدر الوزير بياناً قال فيه: …": a verb of saying whose place is the document the
            // sentence's subject issued ("in which") has that subject.
            if speech && k + 1 < sentence.end && matches!(doc.ftok(k + 1), "فيه" | "فيها") {
                if let Some(a) = topic.named_in_this_sentence() {
                    return Some((a, cue_end, false));
                }
            }
            // "أما السفارة الأمريكية في بغداد فقد حثت …": the topic that أما sets off is the
            // subject of the verb after ف.
            if !participle {
                if let Some(a) = amma_subject(doc, index, sentence.clone(), k) {
                    return Some((a, cue_end, true));
                }
            }
            if !participle {
                // Subject-verb order first: a subject right before the verb (or one auxiliary
                // before it: "بوتين قد رفض", "حاول ترامب طرح") is the subject even when a
                // mention follows the verb, which is then its object ("… قاليباف قد اتهم
                // الوكالة").
                for gap in [0, 1] {
                    if k < sentence.start + 1 + gap || !gap_is_words(k - gap, k) {
                        break;
                    }
                    if gap == 1 && !words::token_is(doc, k - 1, class!("ar.stop")) {
                        break;
                    }
                    // "حركة إم 23 التي وصفها بأنها …": a verb after a relative pronoun that
                    // carries an object pronoun has the antecedent as its object, not its subject.
                    if gap == 1 && matches!(doc.ftok(k - 1), "التي" | "الذي" | "الذين" | "اللذين" | "اللتين") && has_object_pronoun(doc.ftok(k)) {
                        break;
                    }
                    if let Some((a, ph)) = index.at(k - 1 - gap).filter(|(_, ph)| ph.end == k - gap) {
                        // "القمة الخليجية في الكويت تطالب": a name after a preposition is where,
                        // not who; the subject is the noun before it.
                        let after_preposition = ph.start > sentence.start && doc.tokens()[ph.start - 1].is_word && words::token_is(doc, ph.start - 1, class!("ar.preposition"));
                        if after_preposition || arabic::has_preposition_proclitic(doc.ftok(ph.start)) {
                            break;
                        }
                        return Some((a, cue_end, true));
                    }
                }
                // "… فيصل بن فرحان، الذي جدد دعم …": after a comma, a relative pronoun's verb has
                // the name before it as subject (unless it carries the object pronoun that
                // refers back to the name).
                if k >= sentence.start + 3
                    && matches!(doc.ftok(k - 1), "التي" | "الذي" | "الذين")
                    && matches!(doc.ftok(k - 2), "،" | ",")
                    && !has_object_pronoun(doc.ftok(k))
                {
                    if let Some((a, _)) = index.at(k - 3).filter(|(_, ph)| ph.end == k - 2) {
                        return Some((a, cue_end, true));
                    }
                }
                // Verb-subject order: the subject follows the verb, perhaps after a time word,
                // and may be a noun phrase ending in the name ("وقال رئيس وفد الحركة
                // المفاوض خليل الحية"). A complementiser or a preposition ends the search:
                // what follows is the reported clause or an object ("يرون أن بوتين …").
                let mut p = k + 1;
                while p < sentence.end && p < k + 8 && doc.tokens()[p].is_word {
                    if index.unresolved_at(p) {
                        return None;
                    }
                    // "فرض الخدمة بالجيش": a name behind a preposition is no subject.
                    if arabic::has_preposition_proclitic(doc.ftok(p)) {
                        break;
                    }
                    if let Some((mut a, mut phrase)) = index.at(p) {
                        // "حذر عضو كتلة حزب الوسط النائب فادي الخوري": a body named inside
                        // the speaker's title (a genitive after a noun), then the person: the
                        // person speaks.
                        if p > k + 1 {
                            loop {
                                // The person's own title may stand between (النائب، الأمين العام).
                                let title_gap = (0..=2).find(|&g| {
                                    let q = phrase.end + g;
                                    q < sentence.end
                                        && (phrase.end..q).all(|t| doc.tokens()[t].is_word && arabic::has_article(doc.ftok(t)) && !arabic::has_preposition_proclitic(doc.ftok(t)))
                                        && index.at(q).is_some_and(|(b, ph)| ph.start == q && actors[b].kind == ActorKind::Person)
                                        // (A name joined by و is a second subject, not the holder of a title.)
                                        && !(g == 0 && doc.ftok(q).starts_with('و'))
                                });
                                let Some(g) = title_gap else { break };
                                let (b, next) = index.at(phrase.end + g).expect("checked above");
                                a = b;
                                phrase = next;
                            }
                        }
                        return Some((a, phrase.end, true));
                    }
                    let w = doc.ftok(p);
                    // "طالب ثلاثة من نواب البرلمان": a number or quantifier, then من, then the
                    // subject's noun.
                    let partitive = w == "من" && p == k + 2 && words::token_is(doc, k + 1, class!("ar.quantifier"));
                    // "النواب الذين طالبوا بعزل الحداد": the verb of a relative clause has its
                    // antecedent as subject; a name after the verb is its object.
                    if p == k + 1 && k > sentence.start && matches!(doc.ftok(k - 1), "الذي" | "التي" | "الذين") && !has_object_pronoun(doc.ftok(k)) {
                        return index.at(k - 2).filter(|(_, ph)| ph.end == k - 1).map(|(a, _)| (a, cue_end, true));
                    }
                    // "حمّل النواب الذين طالبوا بعزل الحداد الحكومة …": a relative clause after the
                    // subject noun; a name inside it is not the subject.
                    if p > k + 1 && matches!(w, "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان") {
                        break;
                    }
                    if !partitive && (words::is(class!("ar.complementizer", "ar.preposition"), w) || arabic::has_preposition_proclitic(w)) {
                        break;
                    }
                    // Beyond a time word, only a definite or construct phrase continues.
                    if p > k + 1 && !(words::is(class!("ar.stop"), w) || arabic::has_article(w)) && index.at(p + 1).is_none() {
                        break;
                    }
                    p += 1;
                }
                // "أكد وزير الخارجية، الأمير خالد بن سعود، …": a title then the person it
                // names set off by commas (perhaps after an honorific: الأمير، السفير).
                if p > k + 1 && p < sentence.end && matches!(doc.ftok(p), "،" | ",") {
                    let person = (p + 1..(p + 3).min(sentence.end)).find_map(|q| {
                        let honorifics_only = (p + 1..q).all(|t| doc.tokens()[t].is_word && arabic::has_article(doc.ftok(t)));
                        index.at(q).filter(|(b, ph)| honorifics_only && ph.start == q && actors[*b].kind == ActorKind::Person)
                    });
                    if let Some((a, phrase)) = person {
                        return Some((a, phrase.end, true));
                    }
                }
                // A verb of saying followed by a noun has that noun as its subject ("أكد
                // بيان مشترك أن …"): someone other than the topic is speaking.
                // (Not whom it is said to: "وقال للصحفيين …", "قال لوكالة …", "قال لنا …" keep
                // the topic as the speaker.)
                let next = k + 1;
                if speech && next < sentence.end && doc.tokens()[next].is_word && !words::token_is(doc, next, class!("ar.stop")) && !words::token_is(doc, next, class!("ar.complementizer")) && !names_addressee(doc.ftok(next)) {
                    return None;
                }
            }
            // A definite noun right after the verb is its (non-actor) subject: "يعتبر
            // التحليل أن …" is the analysis speaking, not the topic.
            let next = k + 1;
            if !participle && next < sentence.end && doc.tokens()[next].is_word && arabic::has_article(doc.ftok(next))
                && !words::token_is(doc, next, class!("ar.stop")) && !arabic::has_preposition_proclitic(doc.ftok(next))
                // A dual or plural in the oblique case (الطرفين، المسؤولين) is an object.
                && !doc.ftok(next).ends_with("ين")
            {
                return None;
            }
            // A participle agrees as an adjective does: رافضةً (feminine) is not a man's,
            // مؤكدين (plural) not one person's.
            let participle_agrees = |a: usize| {
                let w = doc.ftok(k);
                let person = actors[a].kind == ActorKind::Person;
                !participle || !(person && ((w.ends_with('ه') && actors[a].gender == Some('m')) || w.ends_with("ين") || w.ends_with("ون")))
            };
            topic.current().filter(|&a| agrees_with_verb(doc.ftok(k), &actors[a]) && participle_agrees(a)).map(|a| (a, cue_end, false))
        }
        _ => {
            let prev_is_punct = k > sentence.start && !doc.tokens()[k - 1].is_word;
            // After an appositive or a participial phrase the subject stands before its opening
            // comma: "Medinsky, the Kremlin aide heading Russia's delegation, said …".
            if k > sentence.start && doc.ftok(k - 1) == "," {
                let floor = sentence.start.max(k.saturating_sub(24));
                if let Some(open) = (floor..k - 1).rev().find(|&q| doc.ftok(q) == ",") {
                    if let Some((a, _)) = open.checked_sub(1).and_then(|q| index.at(q)).filter(|(_, ph)| ph.end == open) {
                        return Some((a, cue_end, true));
                    }
                    // "Its foreign ministry spokesman, Tamim Khallaf, said": the name between the
                    // commas is the role's holder and the subject.
                    if let Some((a, _)) = index.at(k - 2).filter(|(_, ph)| ph.start <= open + 1 && ph.end == k - 1) {
                        return Some((a, cue_end, true));
                    }
                }
            }
            // A participial clause (", threatening to …", ", insisting that …") and a verb
            // coordinated with the previous one ("… but would not accept …") have the main
            // clause's subject.
            // The comma may close a quotation first ('… "ambitious and fair," adding that …').
            let after_comma = prev_is_punct && (doc.ftok(k - 1) == "," || (k >= sentence.start + 2 && matches!(doc.ftok(k - 1), "\"" | "”" | "»") && doc.ftok(k - 2) == ","));
            // So does one a subordinator opens ("while warning that …", "after saying …").
            let subordinated = k > sentence.start && matches!(doc.ftok(k - 1), "while" | "after" | "before" | "when" | "without" | "despite" | "by" | "since");
            if (after_comma || subordinated) && doc.ftok(k).ends_with("ing") {
                return topic.current().map(|a| (a, cue_end, false));
            }
            let mut q = k;
            // (Past auxiliaries and adverbs: "and would also", "and controversially supported";
            // and a quantifier floated off a coordinated subject: "X and Y have both blamed".)
            let floated = |w: &str| matches!(w, "both" | "all");
            while q > sentence.start && (words::token_is(doc, q - 1, class!("en.auxiliary")) || floated(doc.ftok(q - 1)) || (doc.ftok(q - 1).ends_with("ly") && doc.tokens()[q - 1].lower)) {
                q -= 1;
            }
            if q > sentence.start && matches!(doc.ftok(q - 1), "and" | "but") {
                return topic.current().map(|a| (a, cue_end, false));
            }
            // "The Kremlin's spokesman said", "Hamas's spokeswoman warned": a spokesperson
            // speaks for the body that owns them.
            if q >= sentence.start + 3
                && matches!(doc.ftok(q - 1), "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "statement" | "office")
                && doc.ftok(q - 2) == "s"
                && doc.ftok(q - 3) == "'"
            {
                if let Some((a, _)) = q.checked_sub(4).and_then(|p| index.at(p)).filter(|(_, ph)| ph.end == q - 3) {
                    return Some((a, cue_end, true));
                }
            }
            // "the Taliban delegation had sought", "the Kremlin spokesman said": a noun that stands
            // for the body named before it.
            if q >= sentence.start + 2 && matches!(doc.ftok(q - 1), "delegation" | "government" | "negotiators" | "team" | "leadership" | "spokesman" | "spokeswoman" | "spokesperson" | "mission" | "administration" | "cabinet") {
                if let Some((a, _)) = index.at(q - 2).filter(|(_, ph)| ph.end == q - 1) {
                    return Some((a, cue_end, true));
                }
            }
            // A common noun right before the verb is its subject ("what officials described
            // as …", "analysts warned"), one no actor stands for: not a name further back.
            if q > sentence.start && index.at(q - 1).is_none() && is_common_noun(doc, q - 1) && !speech_inverted(doc, sentence.start, q) {
                // "Trump or his officials demanded", "Petro and his ministers said": the one
                // named with their own people speaks through them.
                let owner = (q >= sentence.start + 4 && matches!(doc.ftok(q - 2), "his" | "her" | "its" | "their") && matches!(doc.ftok(q - 3), "or" | "and"))
                    .then(|| index.at(q - 4).filter(|(_, ph)| ph.end == q - 3))
                    .flatten();
                return owner.map(|(a, _)| (a, cue_end, true));
            }
            let inverted = || -> Option<Holder> {
                let mut p = cue_end.min(k + 1);
                if p < sentence.end && doc.ftok(p) == "the" {
                    p += 1;
                }
                // A name with a possessive after it owns what follows ("Says India's position
                // on … is well known"): it is no subject, and the claim does not start at "s".
                let possessor = |ph: &Range<usize>| ph.end + 1 < sentence.end && doc.ftok(ph.end) == "'" && doc.ftok(ph.end + 1) == "s";
                index.at(p).filter(|(_, ph)| ph.start == p && !possessor(ph)).map(|(a, ph)| (a, ph.end, true))
            };
            // Inversion after a quotation is for verbs of saying ('…," said Peskov').
            if prev_is_punct && speech {
                if let Some(s) = inverted() {
                    return Some(s);
                }
            }
            // Subject before the verb, across an appositive or a relative clause
            // ("Zelensky, who attended …, called on …"): a mention inside ", who … ," is not
            // the subject. A relative clause may be long ("The union, which had marched on
            // Friday (12) against the port decree issued by …, claims …").
            let floor = sentence.start.max(k.saturating_sub(40));
            let relative = relative_clauses(doc, floor..k);
            let mut p = k;
            let mut candidate = None;
            while p > floor {
                p -= 1;
                let w = doc.ftok(p);
                if matches!(w, ";" | ":" | "\"" | "“" | "”") {
                    break;
                }
                if relative.iter().any(|r| r.contains(&p)) {
                    continue;
                }
                if let Some((a, _)) = index.at(p) {
                    candidate = Some(a);
                    break;
                }
                let pronoun = if words::token_is(doc, p, class!("en.pronoun_male")) {
                    Some('m')
                } else if words::token_is(doc, p, class!("en.pronoun_female")) {
                    Some('f')
                } else if words::token_is(doc, p, class!("en.pronoun_plural")) {
                    Some('p')
                } else {
                    None
                };
                if let Some(g) = pronoun {
                    return topic.agreeing(|a| agrees(&actors[a], g)).map(|a| (a, cue_end, false));
                }
                // Another verb of saying between: the nearer clause has its own subject.
                if p + 8 < k && crate::lexicon::cues::Cues::builtin().english.contains_key(w) {
                    break;
                }
            }
            if let Some(a) = candidate {
                return Some((a, cue_end, true));
            }
            // A word right before the verb is its subject, one no actor stands for ("officials
            // saying NATO was …", "analysts warned Russia would …"): the name after the verb
            // is not.
            let subject_word_before = q > sentence.start && doc.tokens()[q - 1].is_word;
            if subject_word_before {
                return None;
            }
            // Only a verb of saying comes before its subject ("said Peskov"); a name after
            // any other verb is its object ("summons China's envoy").
            if !speech {
                return None;
            }
            inverted()
        }
    }
}

/// The person a relative clause (", الذي …") describes, when the participle at `k` follows that
/// relative clause in the same sentence with no other clause between.
fn relative_antecedent(doc: &Document, index: &MentionIndex, sentence: Range<usize>, k: usize) -> Option<usize> {
    const REACH: usize = 30;
    let floor = sentence.start.max(k.saturating_sub(REACH));
    let relative = (floor..k).rev().find(|&t| matches!(doc.ftok(t), "الذي" | "التي"))?;
    if relative < floor + 2 || !matches!(doc.ftok(relative - 1), "،" | ",") {
        return None;
    }
    // A main clause of its own between them (a verb after a full stop or a و-verb) ends it.
    if (relative + 1..k).any(|t| matches!(doc.ftok(t), "." | "؛" | ":" | "وهو" | "وهي")) {
        return None;
    }
    // Nor may someone else be named between as a subject (not after a preposition: "وجه
    // خطاباً لرئيس الجمهورية قيس سعيد" names an addressee): "…، وهو ما قلل منه كليتشدار أوغلو".
    let named_subject_between = (relative + 1..k).any(|t| {
        index.at(t).is_some_and(|(_, ph)| {
            // (ل on a title: "لرئيس الجمهورية قيس سعيد".)
            let w = doc.ftok(t);
            ph.start == t
                && !arabic::has_preposition_proclitic(w)
                && !(w.starts_with(['ل', 'ب']) && w.chars().count() > 3 && !w.starts_with("لي"))
                && !(t > 0 && doc.tokens()[t - 1].is_word && (words::token_is(doc, t - 1, class!("ar.preposition")) || arabic::has_preposition_proclitic(doc.ftok(t - 1))))
        })
    });
    if named_subject_between {
        return None;
    }
    index.at(relative - 2).filter(|(_, ph)| ph.end == relative - 1).map(|(a, _)| a)
}

/// لكن، إن، أن، لأن، كما أن with a third-person pronoun, folded (إ/أ → ا, ة → ه).
const PARTICLE_WITH_PRONOUN: &[&str] = &[
    "لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "انه", "انها", "انهم", "لانه", "لانها", "لانهم", "فانه", "فانها", "بانه", "بانها", "وانه", "وانها",
];

/// A cue verb carrying an object pronoun (وصفها، اتهمه، دعاهم): the cue is found only once
/// the pronoun is taken off.
/// A prepositional phrase with ل that names whom a verb of saying addresses: the
/// journalists (للصحفيين), a medium (لوكالة، لقناة) or a pronoun (له، لنا). Not any word that
/// starts with ل: لافروف and لجنة are subjects.
fn names_addressee(word: &str) -> bool {
    arabic::has_preposition_proclitic(word)
        || matches!(word, "له" | "لها" | "لهم" | "لهما" | "لنا" | "لي")
        || word.strip_prefix('ل').is_some_and(|rest| words::is(class!("ar.medium_noun"), rest))
}

pub(super) fn has_object_pronoun(word: &str) -> bool {
    let cues = &crate::lexicon::cues::Cues::builtin().arabic;
    arabic::verb_stems(word).into_iter().any(|s| !cues.contains_key(s) && arabic::strip_enclitic(s).is_some_and(|st| cues.contains_key(st)))
}

/// A lowercase English word that can head a subject: not a function word, pronoun, auxiliary
/// or adverb ("also said", "repeatedly warned", "has long argued").
fn is_common_noun(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens()[i];
    let w = doc.ftok(i);
    t.is_word
        && t.script == Script::Latin
        && doc.tokens()[i].lower
        && !w.ends_with("ly")
        && !matches!(w, "also" | "then" | "later" | "again" | "still" | "already" | "once" | "never" | "not" | "long" | "now" | "earlier" | "meanwhile" | "however" | "too" | "even" | "just" | "only" | "first" | "who" | "which" | "that" | "and" | "but" | "or" | "himself" | "herself" | "itself" | "themselves")
        && !words::token_is(doc, i, class!("en.stop", "en.auxiliary", "en.pronoun_male", "en.pronoun_female", "en.pronoun_plural", "en.time"))
}

/// '"…," said the minister': a verb of saying after a quotation and a comma comes before its
/// subject, so the word before it is no subject.
fn speech_inverted(doc: &Document, sentence_start: usize, q: usize) -> bool {
    q > sentence_start && !doc.tokens()[q - 1].is_word
}

/// Token ranges of relative clauses ", who … ," / ", which … ," inside `range`.
fn relative_clauses(doc: &Document, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // An aside between dashes ("Bolivia — acting for the group of developing countries —
    // proposed …") names no subject either.
    let dashes: Vec<usize> = range.clone().filter(|&q| matches!(doc.ftok(q), "—" | "–")).collect();
    for pair in dashes.chunks_exact(2) {
        out.push(pair[0]..pair[1] + 1);
    }
    for q in range.clone() {
        if matches!(doc.ftok(q), "who" | "which") && q > range.start && doc.ftok(q - 1) == "," {
            let end = (q + 1..range.end).find(|&t| doc.ftok(t) == ",").map_or(range.end, |c| c + 1);
            out.push(q - 1..end);
        }
    }
    out
}

/// Agreement of an Arabic verb with an unexpressed subject: a plural or dual verb (يرون،
/// قالوا، يرفضان) does not take a single person, nor a feminine one (رفضت، ترفض) a man.
/// The mention right after a sentence-opening أما, when the verb at `k` is the first verb of
/// its ف-clause (فقد حثت، فحثت).
fn amma_subject(doc: &Document, index: &MentionIndex, sentence: Range<usize>, k: usize) -> Option<usize> {
    let first = sentence.clone().find(|&t| doc.tokens()[t].is_word)?;
    if !matches!(doc.ftok(first), "اما" | "واما") || first + 1 >= k {
        return None;
    }
    let (a, phrase) = index.at(first + 1).filter(|(_, ph)| ph.start == first + 1)?;
    // The ف that opens the clause: on the verb or on the word just before it, within a few
    // words of the name (a place or a time may come between: في بغداد).
    let fa = |t: usize| doc.ftok(t).starts_with('ف') && doc.ftok(t).chars().count() > 2;
    let opens = fa(k) || (k > phrase.end && fa(k - 1));
    (opens && k >= phrase.end && k - phrase.end <= 6).then_some(a)
}

/// Whether an Arabic word is the cue's particle or begins with it (إلى; بالتنصل for ب).
fn takes_particle(word: &str, cue: &Cue) -> bool {
    cue.particles.iter().any(|p| word == p || (p.chars().count() == 1 && word.starts_with(p.as_str()) && word.chars().count() > 3))
}

fn agrees_with_verb(verb: &str, actor: &ActorDraft) -> bool {
    if actor.kind != ActorKind::Person {
        return true;
    }
    let stem = arabic::verb_stems(verb).last().copied().unwrap_or(verb);
    let stem = arabic::strip_enclitic(stem).filter(|_| !stem.ends_with("وا")).unwrap_or(stem);
    let plural = stem.ends_with("ون") || stem.ends_with("وا") || (stem.ends_with("ان") && stem.starts_with(['ي', 'ت']));
    let feminine = (stem.ends_with('ت') && !stem.starts_with(['ي', 'ت'])) || stem.starts_with('ت');
    !(plural || (feminine && actor.gender == Some('m')))
}

/// Pronoun agreement: he/she for people (of that gender when known), they/it for the rest.
fn agrees(actor: &ActorDraft, pronoun: char) -> bool {
    match pronoun {
        'p' => actor.kind != ActorKind::Person,
        g => actor.kind == ActorKind::Person && actor.gender.is_none_or(|ag| ag == g),
    }
}

/// Actors coordinated with the subject `actor` of the cue at `k`: after a verb-initial
/// subject ("دعت الولايات المتحدة والسعودية"), or before a subject-initial one ("France and
/// Germany urged"). Returns them and where the claim then starts.
pub(super) fn partners(doc: &Document, index: &MentionIndex, actor: usize, k: usize, text_start: usize) -> (Vec<usize>, usize) {
    let mut out = Vec::new();
    let mut start = text_start;
    let verb_first = text_start > 0 && index.at(text_start - 1).is_some_and(|(a, ph)| a == actor && ph.start > k);
    // A pair subject ("الرئيسان", "the two leaders") holds the claim jointly.
    let subject_token = if verb_first { Some(text_start - 1) } else { (0..k).rev().find(|&p| index.at(p).is_some_and(|(a, _)| a == actor)) };
    if let Some(partner) = subject_token.and_then(|t| index.partner_at(t)) {
        out.push(partner);
    }
    if verb_first {
        // Verb-subject: و-prefixed or "and"-joined mentions right after the subject.
        let mut p = text_start;
        loop {
            if p < doc.tokens().len() && abbreviation_stop(doc, p) {
                p += 1;
            }
            let joined = p < doc.tokens().len() && doc.tokens()[p].script == Script::Arabic && doc.ftok(p).starts_with('و');
            let q = if joined { p } else if p + 1 < doc.tokens().len() && doc.ftok(p) == "and" { p + 1 } else { break };
            match index.at(q).filter(|(a, ph)| ph.start == q && *a != actor) {
                Some((a, ph)) => {
                    out.push(a);
                    p = ph.end;
                    start = p;
                }
                None => break,
            }
        }
    } else {
        // Subject-verb: "A and B said", "A, B and C urged".
        let Some((_, phrase)) = (0..k).rev().find_map(|p| index.at(p).filter(|(a, _)| *a == actor)) else { return (out, start) };
        // "Ortiz, joined by Lund, said", "X, along with Y, urged": a partner set off by
        // commas between the subject and its verb.
        let c = phrase.end;
        if c + 3 < k && doc.ftok(c) == "," {
            let after = match (doc.ftok(c + 1), doc.ftok(c + 2)) {
                ("joined", "by") | ("along", "with") | ("together", "with") => Some(c + 3),
                ("alongside", _) => Some(c + 2),
                _ => None,
            };
            if let Some(q) = after {
                let q = if doc.ftok(q) == "the" { q + 1 } else { q };
                if let Some((a, _)) = index.at(q).filter(|(a, ph)| ph.start == q && *a != actor && ph.end < k && doc.ftok(ph.end) == ",") {
                    out.push(a);
                }
            }
        }
        // An article before a name is part of it ("Britain and the European Union agreed").
        let with_article = |p: usize| if p >= 1 && doc.ftok(p - 1) == "the" { p - 1 } else { p };
        let mut p = with_article(phrase.start);
        // A comma joins subjects only in a list that a conjunction closes ("A, B and C
        // urged"); "… at the trade body, Anna Berg, a spokeswoman, said" names one speaker.
        let mut conjunction_seen = false;
        loop {
            // "A and B", "A, B": a separate word; "فرنسا والسعودية": و glued to the second name.
            let joined = p >= 1 && doc.tokens()[p].script == Script::Arabic && doc.ftok(p).starts_with('و');
            let before = if joined || (p >= 2 && doc.ftok(p - 1) == "and") {
                conjunction_seen = true;
                if joined { p } else { p - 1 }
            } else if p >= 2 && doc.ftok(p - 1) == "," && conjunction_seen {
                p - 1
            } else {
                break;
            };
            // "Acme Corp. and Borealis": the abbreviation's full stop closes the first name.
            let name_end = if before >= 2 && abbreviation_stop(doc, before - 1) { before - 1 } else { before };
            match index.at(name_end - 1).filter(|(a, ph)| ph.end == name_end && *a != actor) {
                Some((a, ph)) => {
                    out.push(a);
                    p = with_article(ph.start);
                }
                None => break,
            }
        }
    }
    (out, start)
}

/// A full stop written against the word before it inside a sentence: the end of an
/// abbreviation ("Corp.", "Inc."), since the sentence did not end there.
fn abbreviation_stop(doc: &Document, t: usize) -> bool {
    t > 0 && doc.ftok(t) == "." && doc.tokens()[t].start == doc.tokens()[t - 1].end && t + 1 < doc.tokens().len()
}
