//! Complements: what a cue reports, demands or rejects. A reported proposition after a
//! complementiser or a colon, a quotation (after the verb, or before it: '"…," X said'), an
//! object after the cue's particle, or the clause a sentence opens with when the verb of
//! saying closes it; adverbials of time between the verb and its complement are skipped.

use std::ops::Range;

use crate::lexicon::cues::{Cue, Cues};
use crate::mentions::words::{self, class};
use crate::model::Stance;
use crate::text::{arabic, Document, Script};

use super::predicate::{arabic_cue, english_cue, starts_coordinated_clause, starts_coordinated_cue};
use super::quotes::is_quote_at;

/// A claim found after a cue.
pub(super) struct Claim {
    pub text: Range<usize>,
    /// Token after the claim.
    pub end_token: usize,
    /// The claim is a reported proposition (introduced by إن/أن/that or a quotation).
    pub proposition: bool,
}

/// A page pasted without sentence marks is one "sentence" of megabytes; a claim running to its
/// end for every cue in it would be quadratic in time and in output. Well above the longest
/// claim in the evaluation articles (32 words).
pub(super) const MAX_CLAIM_TOKENS: usize = 120;

/// The claim: from `start` to the end of the clause (a reported proposition: to the end of
/// the sentence), without leading complementisers and trailing punctuation. A speech verb may
/// be followed by an adverbial before its proposition ("قال في بيان إن …", "told reporters
/// that …"): the proposition starts after the complementiser. A quote before the cue is the
/// claim when nothing follows it ('"We will not yield," Putin said.').
///
/// A claim ends after [`MAX_CLAIM_TOKENS`] tokens even without punctuation.
pub(super) fn claim(doc: &Document, cue: &Cue, start: usize, sentence: Range<usize>, cue_at: usize) -> Option<Claim> {
    // "أعرب خمسة من الأعضاء —ثلاثة ديمقراطيين وآخر جمهوري— عن …", "said (in a rare move) that
    // …": an aside between dashes or brackets right after the subject is not the complement.
    let start = aside_end(doc, start, sentence.end).unwrap_or(start);
    // 'وقال بيسنت لـ"رويترز" إنه …': whom it was said to, a quoted name after a bare لـ or بـ,
    // comes before what was said.
    // (Not the cue's own particle: 'هددت الحركة بـ"مواصلة التقدم"' quotes the threat.)
    let start = if cue.speech && !takes_particle(cue, doc.ftok(start.min(sentence.end.saturating_sub(1)))) { quoted_addressee_end(doc, start, sentence.end).unwrap_or(start) } else { start };
    // "الرسوم الجمركية التي فرضها ترامب غير قانونية": a relative clause whose verb carries
    // its object as a pronoun has its antecedent as that object; what follows its subject
    // belongs to the main clause.
    if cue_at > sentence.start
        && doc.tokens()[cue_at].script == Script::Arabic
        && matches!(doc.ftok(cue_at - 1), "التي" | "الذي" | "الذين")
        && super::subject::has_object_pronoun(doc.ftok(cue_at))
        // ("التي وصفها بأنها …": what the verb says of its object still follows.)
        && !(start < sentence.end && doc.tokens()[start].is_word && (is_complementiser(doc, start) || takes_particle(cue, doc.ftok(start))))
    {
        return relative_antecedent(doc, sentence.start, cue_at - 1).map(|text| Claim { text, end_token: start, proposition: false });
    }
    // "رفضت السلطة المحلية في محافظة مأرب إغلاق …": where the subject sits comes before the
    // object.
    let start = if start + 3 < sentence.end && doc.ftok(start) == "في" && words::token_is(doc, start + 1, class!("ar.place_noun")) && doc.tokens()[start + 2].is_word {
        // … and where that place lies: "في محافظة الوادي شرقي البلاد".
        let direction = start + 4 < sentence.end && matches!(doc.ftok(start + 3), "شرق" | "شرقي" | "غرب" | "غربي" | "شمال" | "شمالي" | "جنوب" | "جنوبي" | "وسط") && doc.tokens()[start + 4].is_word;
        if direction { start + 5 } else { start + 3 }
    } else {
        start
    };
    let mut s = start;
    // "دعا الوزير الطرفين إلى الحوار", "urged both sides to talk": the demand follows the
    // particle, after the addressee.
    let particle_taken = start > 0 && cue.particles.iter().any(|p| p == doc.ftok(start - 1));
    // An indefinite or possessive noun phrase after the verb is its object, not an addressee
    // ("agreed a package of deals on defence": the "on" is inside the object).
    let object_follows = doc.tokens().get(start).is_some_and(|t| t.script == Script::Latin || t.script == Script::Digit)
        && (matches!(doc.ftok(start), "a" | "an" | "its" | "their" | "his" | "her" | "new") || doc.tokens()[start].script == Script::Digit);
    if !cue.speech && !cue.particles.is_empty() && !particle_taken && !object_follows {
        let window = (start..sentence.end.min(start + 8)).take_while(|&t| !is_hard_stop(doc, t));
        // "ordered the dispatch of two ships to Malta": a "to" before a name or a noun phrase
        // is a preposition inside the object, not the particle ("ordered troops to leave").
        let preposition_to = |t: usize| {
            doc.ftok(t) == "to"
                && doc.tokens().get(t + 1).is_some_and(|n| n.is_word && (doc.tokens()[t + 1].upper || matches!(doc.ftok(t + 1), "the" | "a" | "an" | "its" | "their") || n.script == Script::Digit))
        };
        if let Some(p) = window.filter(|&t| doc.tokens()[t].is_word).find(|&t| cue.particles.iter().any(|p| p == doc.ftok(t)) && !preposition_to(t)) {
            s = p;
        }
    }
    // "قال في تدوينة على حسابه: «…»", "شدد في كلمة ألقاها أمام البرلمان على …", "said in
    // a statement on Tuesday that …": phrases of medium, place and time come between a verb
    // of saying and what it reports.
    if let Some(after) = past_adverbials(doc, cue, start, sentence.end) {
        s = after;
    }
    // "وقال الكعبي خلال جلسة في معرض "أديبك 2025" في أبو ظبي: «…»": however long the
    // adverbials (a quoted name among them), a colon before any complementiser opens what
    // was said.
    // (Not past another verb of saying: "conceded defeat, saying: …" reports twice.)
    if cue.speech {
        const REACH: usize = 30;
        let another_cue = |t: usize| doc.tokens()[t].is_word && is_cue_at(doc, t);
        let before_colon = (s..sentence.end.min(s + REACH)).take_while(|&t| !is_complementiser(doc, t) && !another_cue(t) && !(is_hard_stop(doc, t) && doc.ftok(t) != ":"));
        if let Some(colon) = before_colon.filter(|&t| doc.ftok(t) == ":").next().filter(|&c| c > s && c + 1 < sentence.end) {
            s = colon + 1;
        }
    }
    // (Not when the cue took its complementiser already: "argued that X, while warning that
    // Y" reports X.)
    let complementiser_taken = particle_taken && is_complementiser(doc, start - 1);
    if cue.speech && s == start && !complementiser_taken {
        // The complementiser of the reported clause, not one inside a quotation.
        // Not past another cue verb: in "said the deal was fair, adding that …" the "that" is
        // the second verb's.
        let window = (start..sentence.end.min(start + 10)).take_while(|&t| !is_hard_stop(doc, t) && !is_quote_at(doc, t) && (t == start || !starts_coordinated_cue(doc, t)));
        if let Some(c) = window.filter(|&t| doc.tokens()[t].is_word).find(|&t| is_complementiser(doc, t)) {
            s = c;
        }
    }
    // "told local radio the company had …", "told the BBC it would …": without "that", the
    // claim starts after the addressee, at the first word that can open a clause.
    if cue.speech && s == start && matches!(doc.ftok(cue_at), "told" | "tells" | "tell" | "telling") {
        let opens_clause = |t: usize| {
            doc.tokens()[t].is_word
                && (matches!(doc.ftok(t), "the" | "a" | "an" | "it" | "he" | "she" | "they" | "we" | "i" | "his" | "her" | "their" | "its" | "this" | "these" | "those" | "there")
                    || doc.tokens()[t].upper)
        };
        let words: Vec<usize> = (start..sentence.end.min(start + 6)).take_while(|&t| doc.tokens()[t].is_word).collect();
        let determiner = words.first().is_some_and(|&t| matches!(doc.ftok(t), "the" | "a" | "an"));
        let skip_from = if determiner { 2 } else { 1 };
        if let Some(&c) = words.iter().skip(skip_from).find(|&&t| opens_clause(t)) {
            s = c;
        }
    }
    // "بياناً قال فيه: «…»": "in which" before what was said.
    if s < sentence.end && s == start && matches!(doc.ftok(s), "فيه" | "فيها") {
        s += 1;
    }
    // "طلب ترامب من كييف قبول خطته": a request names whom it is made of (من + one word) before
    // what it asks.
    if cue.stance == Stance::Demands
        && !cue.particles.iter().any(|p| p == "من")
        && s + 2 < sentence.end
        && doc.ftok(s) == "من"
        && doc.tokens()[s + 1].is_word
        && doc.tokens()[s + 2].is_word
    {
        s += 2;
    }
    // "adding that …": the verb took its complementiser as its particle.
    let mut proposition = particle_taken && is_complementiser(doc, start - 1);
    // A time adverbial after the verb ("أعلن يوم الأحد …", "said on Monday that …") is not
    // part of the claim.
    // And manner adverbials: "دانت بأشد العبارات …", "strongly condemned".
    // "this", "last", "on" and "late" only open a time phrase before a word of time ("this
    // week", "on Monday"); "rejected this proposal" has none.
    let english_time_noun = |t: usize| {
        t < sentence.end
            && doc.tokens()[t].is_word
            && (words::token_is(doc, t, class!("en.time")) && !matches!(doc.ftok(t), "this" | "last" | "on" | "late")
                || matches!(doc.ftok(t), "month" | "year" | "morning" | "afternoon" | "evening" | "night" | "weekend")
                || words::token_is(doc, t, class!("en.month")))
    };
    let is_time = |t: usize| {
        doc.tokens()[t].is_word
            && (words::token_is(doc, t, class!("ar.time", "ar.manner"))
                || (doc.tokens()[t].script == Script::Latin
                    && (words::token_is(doc, t, class!("en.manner")) || (words::token_is(doc, t, class!("en.time")) && (!matches!(doc.ftok(t), "this" | "last" | "on" | "late") || english_time_noun(t + 1))))))
    };
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
    while s < sentence.end && (!doc.tokens()[s].is_word || is_complementiser(doc, s) || cue.particles.iter().any(|p| p == doc.ftok(s))) {
        if !doc.tokens()[s].is_word && is_quote_at(doc, s) {
            proposition = true;
            break;
        }
        proposition |= doc.tokens()[s].is_word && is_complementiser(doc, s);
        s += 1;
    }
    let speech = cue.speech && (proposition || doc.tokens().get(start).is_some_and(|t| t.script == Script::Latin));
    let mut e = s;
    let mut words_seen = 0;
    let mut one_word_object = false;
    let mut in_quote = false;
    while e < sentence.end.min(s + MAX_CLAIM_TOKENS) {
        let w = doc.ftok(e);
        let t = &doc.tokens()[e];
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
            let soft = matches!(w, "،" | ",") && !is_decimal_point(doc, e) && !continues_a_list(doc, e, sentence.end);
            // "criticized the decision of the federation, the CGT, to call a strike": an
            // apposition set off by commas inside the object, after which the object goes on.
            if soft && !speech && words_seen >= 1 {
                if let Some(close) = apposition_in_object(doc, e, sentence.end) {
                    e = close + 1;
                    continue;
                }
            }
            if hard || (soft && !speech && words_seen >= 1) {
                break;
            }
        } else {
            if words_seen > 0 && is_clause_break(doc, e) {
                break;
            }
            // A second cue verb coordinated with the first starts a claim of its own
            // ("backed the target and pledged that …", "… وأكد أن …").
            // (Not inside a quotation: the quoted words are the speaker's, verbs and all.)
            if words_seen >= 1 && !in_quote && starts_coordinated_cue(doc, e) {
                // One content word is then a claim of its own (رفضت إسرائيل المبادرة ووصفتها …);
                // a demonstrative is not (نفى الجيش ذلك وأكد …).
                one_word_object = words_seen == 1 && !words::token_is(doc, e - 1, class!("ar.stop", "en.stop"));
                break;
            }
            // "أصدر بياناً قال فيه: …": a verb of saying "in which" opens a clause of its own.
            if words_seen >= 1 && e + 1 < sentence.end && matches!(doc.ftok(e + 1), "فيه" | "فيها") && arabic_cue(doc, e).is_some_and(|c| c.cue.speech) {
                break;
            }
            // So does a new subject with its own verb ("حماس تتمسك بوقف دائم للحرب وإسرائيل
            // تشترط …", "… and Israel demands …").
            if words_seen >= 2 && !in_quote && starts_coordinated_clause(doc, e, sentence.end) {
                break;
            }
            words_seen += 1;
        }
        e += 1;
    }
    let end_token = e;
    // Trim trailing punctuation (but keep a closing quote that opened inside) and a
    // dangling conjunction left by a coordinated cue ("backed the target and").
    while e > s && ((!doc.tokens()[e - 1].is_word && !is_quote_at(doc, e - 1)) || matches!(doc.ftok(e - 1), "and" | "or" | "but" | "و" | "who" | "which" | "التي" | "الذي" | "الذين")) {
        e -= 1;
    }
    // An opening quotation mark whose closing one lies past the claim ('"لن نتراجع." وأضاف')
    // is left out, so that no claim shows half a pair.
    let quotes = (s..e).filter(|&t| !doc.tokens()[t].is_word && is_quote_at(doc, t)).count();
    let s = if s < e && !doc.tokens()[s].is_word && is_quote_at(doc, s) && quotes % 2 == 1 { s + 1 } else { s };
    // A claim does not open with a relative pronoun: "X، الذي كان يقول …" describes X, and
    // "اللتان تشكلان …" the subjects; no stance is stated there.
    let relative_first = s < e && matches!(doc.ftok(s), "الذي" | "التي" | "الذين" | "اللتان" | "اللذان" | "اللتين" | "اللذين" | "who" | "which" | "whose");
    // "وتدعو للتظاهر", "تطالب بالإفراج": one verbal noun carrying the cue's own particle is the
    // whole demand.
    let particle_noun = words_seen == 1
        && s < e
        && doc.tokens()[s].script == Script::Arabic
        && doc.ftok(s).chars().count() >= 5
        && cue.particles.iter().any(|p| p.chars().count() == 1 && doc.ftok(s).starts_with(p.as_str()));
    // "امتنعت الصين عن التصويت": one definite noun after the cue's own particle names the act
    // itself; the verb, its particle and the noun together say what was done.
    let particle_act = words_seen == 1
        && !cue.speech
        && s > cue_at
        && s < e
        && doc.tokens()[s].script == Script::Arabic
        && arabic::has_article(doc.ftok(s))
        && cue.particles.iter().any(|p| p == doc.ftok(s - 1));
    let found = if particle_act {
        Some(doc.tokens()[cue_at].start..doc.tokens()[e - 1].end)
    } else {
        ((words_seen >= 2 || one_word_object || particle_noun) && s < e && !relative_first).then(|| doc.tokens()[s].start..doc.tokens()[e - 1].end)
    };
    // "أصدر بياناً منفصلاً قال فيه: …": a document issued is no stance of its own; what it
    // says follows in a clause of its own.
    let found = found.filter(|_| cue.speech || !(words_seen <= 3 && names_a_document(doc, s)));
    // "تصريحات لرئيسة الوزراء بشأن تايوان", "remarks about Taiwan": a topic names what was
    // spoken about, not what was said.
    let topic_only = s < e && words_seen <= 3 && matches!(doc.ftok(s), "بشان" | "حول" | "about" | "regarding" | "concerning");
    let found = found.filter(|_| !topic_only);
    // '"…," Zelensky said, calling on …' and '"…," he told a rally in Kraków': a verb of saying
    // right after a quotation that a comma closes attributes that quotation, whatever follows.
    if cue.speech && !proposition && doc.tokens()[cue_at].script == Script::Latin && attributes_quote_before(doc, sentence.clone(), cue_at) {
        if let Some(q) = quote_before(doc, sentence.clone(), cue_at) {
            return Some(Claim { text: q, end_token: cue_at, proposition: true });
        }
    }
    // "Indonesia will halt palm oil shipments to the EU, President Prabowo announced on
    // Wednesday, escalating …": a verb of saying with nothing to report after it reports the
    // clause before it.
    if cue.speech && !proposition && doc.tokens()[cue_at].script == Script::Latin {
        if let Some(clause) = clause_before(doc, sentence.clone(), cue_at) {
            return Some(Claim { text: clause, end_token: cue_at, proposition: true });
        }
    }
    // "Sánchez told a news conference" after a quotation: the quotation is the claim.
    if words_seen < 2 || (cue.speech && !proposition && doc.tokens()[cue_at].script == Script::Latin && words_seen < 6) {
        if let Some(q) = quote_before(doc, sentence.clone(), cue_at) {
            return Some(Claim { text: q, end_token: cue_at, proposition: true });
        }
    }
    // '"What happens then?" Gorsuch asked.': a question or an exclamation ends its sentence
    // inside the quotation, so the speaker and the verb that follow report it from the next.
    // (Whatever a comma sets off after the verb is no claim then: '… Gorsuch asked, according
    // to the report'.)
    let set_off = start < sentence.end && matches!(doc.ftok(start), "," | "،");
    if (words_seen < 2 || (!proposition && set_off)) && cue.speech {
        if let Some(q) = question_quoted_before(doc, sentence.clone(), cue_at) {
            return Some(Claim { text: q, end_token: cue_at, proposition: true });
        }
    }
    found.map(|text| Claim { text, end_token, proposition: proposition && speech })
}

/// The words of a quotation closed by "?" or "!" just before the sentence, when the sentence
/// opens with the speaker and the verb at `cue_at` ('"…?" Gorsuch asked', '"…!" said Ruiz').
pub(super) fn question_quoted_before(doc: &Document, sentence: Range<usize>, cue_at: usize) -> Option<Range<usize>> {
    let start = sentence.start;
    if start < 4 || doc.tokens()[cue_at].script != Script::Latin || !matches!(doc.ftok(start - 1), "\"" | "”") || !matches!(doc.ftok(start - 2), "?" | "!") {
        return None;
    }
    let only_speaker = (start..cue_at).all(|i| doc.tokens()[i].is_word && !matches!(doc.ftok(i), "and" | "but" | "while" | "as") || (doc.ftok(i) == "." && is_initial_dot(doc, i)));
    if !only_speaker || cue_at - start > 6 {
        return None;
    }
    let open = (start.saturating_sub(MAX_CLAIM_TOKENS)..start - 2).rev().find(|&i| matches!(doc.ftok(i), "\"" | "“"))?;
    let inner: Vec<usize> = (open + 1..start - 2).filter(|&i| doc.tokens()[i].is_word).collect();
    (inner.len() >= 2).then(|| doc.tokens()[inner[0]].start..doc.tokens()[*inner.last().expect("two words")].end)
}

/// "Japan had stood by the fleet from the start, he added, and has paid for every repair",
/// "Rutte, she said, had never answered the letter", "…, the minister added.": a
/// verb of saying set off by commas with only its subject between reports the rest of its
/// sentence. Returns the reported parts (before and after the parenthesis), each of at least
/// two words, or `None` when the verb is not parenthetical.
pub(super) fn parenthetical(doc: &Document, cue: &Cue, sentence: Range<usize>, cue_at: usize, cue_end: usize) -> Option<Vec<Range<usize>>> {
    if !cue.speech || doc.tokens()[cue_at].script != Script::Latin {
        return None;
    }
    // The subject between the opening comma and the verb: a pronoun or a few name words.
    let comma = (sentence.start.max(cue_at.saturating_sub(6))..cue_at).rev().find(|&t| !doc.tokens()[t].is_word)?;
    if doc.ftok(comma) != "," || comma + 1 == cue_at {
        return None;
    }
    let subject_ok = (comma + 1..cue_at).all(|t| {
        doc.tokens()[t].is_word && (doc.tokens()[t].upper || matches!(doc.ftok(t), "he" | "she" | "they" | "it" | "we" | "the" | "his" | "her" | "its" | "their"))
    });
    // After the verb: a comma (the parenthesis closes) or the end of the sentence.
    let mut after = cue_end;
    while after < sentence.end && doc.tokens()[after].is_word && words::token_is(doc, after, class!("en.time")) {
        after += 1;
    }
    let closes = after >= sentence.end || matches!(doc.ftok(after), "," | "." | "!" | "?");
    if !subject_ok || !closes {
        return None;
    }
    let words_of = |r: Range<usize>| -> Option<Range<usize>> {
        let first = r.clone().find(|&t| doc.tokens()[t].is_word && !matches!(doc.ftok(t), "and" | "but" | "that"))?;
        let last = r.rev().find(|&t| doc.tokens()[t].is_word || is_quote_at(doc, t))?;
        // Three words at least: "Rutte, she said, …" opens with a name, not a claim.
        ((first..=last).filter(|&t| doc.tokens()[t].is_word).count() >= 3).then(|| doc.tokens()[first].start..doc.tokens()[last].end)
    };
    let parts: Vec<Range<usize>> = [words_of(sentence.start..comma), (after < sentence.end).then(|| words_of(after + 1..sentence.end)).flatten()].into_iter().flatten().collect();
    // A quotation is attributed by its own rule ('"…," he said').
    let quoted = (sentence.start..comma).any(|t| !doc.tokens()[t].is_word && is_quote_at(doc, t));
    (!parts.is_empty() && !quoted).then_some(parts)
}

/// "to secure the borders, close the camps and send refugees home", "بوقف الحرب، ورفع الحصار
/// وإعادة الإعمار": a comma inside a list of coordinated objects, whose last item a conjunction
/// joins before the clause ends, does not end the claim. Not when what follows the comma is
/// a clause of its own (a relative or participle, a quotation, a new subject's verb).
fn continues_a_list(doc: &Document, comma: usize, sentence_end: usize) -> bool {
    const REACH: usize = 14;
    let next = comma + 1;
    if next >= sentence_end || !doc.tokens()[next].is_word {
        return false;
    }
    let w = doc.ftok(next);
    let opens_clause = match doc.tokens()[next].script {
        Script::Latin => {
            matches!(w, "which" | "who" | "whom" | "whose" | "while" | "as" | "but" | "although" | "though" | "because" | "after" | "before" | "when" | "where" | "saying" | "adding" | "according" | "including" | "he" | "she" | "they" | "it" | "the" | "a" | "an"
                | "with" | "in" | "on" | "at" | "for" | "from" | "by" | "during" | "amid" | "despite" | "under" | "to" | "than" | "if" | "unless" | "so")
                || w.ends_with("ing")
                || english_cue(doc, next).is_some()
                || doc.tokens()[next].upper
        }
        Script::Arabic => {
            words::token_is(doc, next, class!("ar.clause_break", "ar.stop")) || arabic_cue(doc, next).is_some() || is_complementiser(doc, next)
        }
        _ => true,
    };
    if opens_clause {
        return false;
    }
    // The conjunction that closes the list, before the clause ends.
    (next + 1..sentence_end.min(next + REACH)).take_while(|&t| !is_hard_stop(doc, t) && !matches!(doc.ftok(t), "," | "،")).any(|t| {
        let v = doc.ftok(t);
        matches!(v, "and" | "or") || (doc.tokens()[t].script == Script::Arabic && v.starts_with('و') && v.chars().count() > 3 && arabic_cue(doc, t).is_none())
    })
}

/// Where the complement starts when adverbial phrases open what follows the verb and its
/// subject: the complementiser (أن، إن، that), the cue's particle (على، to), the colon or the
/// opening quotation mark after them. `None` when `start` opens no adverbial, or when none of
/// those comes within a few phrases (another verb, or the end of the sentence, first).
fn past_adverbials(doc: &Document, cue: &Cue, start: usize, sentence_end: usize) -> Option<usize> {
    /// Longer than a medium, a place and a time together ("في كلمة ألقاها أمام مجلس الأمن
    /// الدولي في نيويورك يوم الثلاثاء"), short enough not to leave the clause.
    const REACH: usize = 24;
    let mut t = start;
    while t < sentence_end && matches!(doc.ftok(t), "," | "،") {
        t += 1;
    }
    // After a verb of saying, an apposition set off by a comma may come first too: "وأكدت
    // سلمى العتيبي، مديرة البنك المركزي، للصحفيين … أن …".
    // (Any verb: "أصدر السيناتور سامي الحداد، رئيس لجنة الدفاع، بياناً …".)
    let apposition = t > start && t < sentence_end && doc.tokens()[t].script == Script::Arabic && !opens_adverbial(doc, t);
    // The cue's own particle opens its complement, not an adverbial ("إصرار إسرائيل على …").
    if t >= sentence_end || !(opens_adverbial(doc, t) || apposition) || takes_particle(cue, doc.ftok(t)) {
        return None;
    }
    // A verb with neither particle nor report ("رفضت الوزارة، في بيان رسمي، تصريحات …") skips
    // only an adverbial that commas set off.
    let set_off_only = !cue.speech && cue.particles.is_empty();
    if set_off_only && t == start {
        return None;
    }
    let mut p = t + 1;
    while p < sentence_end.min(t + REACH) {
        let w = doc.ftok(p);
        if set_off_only {
            if matches!(w, "," | "،") {
                return (p + 1 < sentence_end).then_some(p + 1);
            }
            if is_hard_stop(doc, p) || (doc.tokens()[p].is_word && (is_complementiser(doc, p) || is_clause_break(doc, p))) {
                return None;
            }
            p += 1;
            continue;
        }
        if !doc.tokens()[p].is_word {
            match w {
                ":" => return Some(p + 1),
                // "أكد الوزير، في مؤتمر صحافي، ضرورة …", "said, in a statement, that …": an
                // adverbial that commas set off ends at the second comma; what follows is the
                // complement, unless it is another verb's clause (", مؤكداً أن …").
                // Another adverbial may follow ("، في لقاء إذاعي، مساء الأحد بمدينة صفاقس، إن …").
                "," | "،" if t > start && !apposition && !(p + 1 < sentence_end && (opens_adverbial(doc, p + 1) || words::token_is(doc, p + 1, class!("ar.time", "en.time")))) => {
                    let next = p + 1;
                    return (next < sentence_end && doc.tokens()[next].is_word && !is_cue_at(doc, next)).then_some(next);
                }
                // (Not after an apposition: a quoted nickname is no complement, المعروف بـ"حميدتي".)
                "\"" | "“" | "«" if !apposition => return Some(p),
                _ if is_hard_stop(doc, p) => return None,
                _ => {}
            }
        } else {
            if is_complementiser(doc, p) {
                return Some(p);
            }
            // The cue's own particle after the adverbials: "شدد في كلمة له على ضرورة …".
            if takes_particle(cue, w) {
                return Some(p + 1);
            }
            // Another verb of the cue lexicon or a clause break: the adverbial has ended
            // without a complement of this verb's.
            if is_cue_at(doc, p) || is_clause_break(doc, p) {
                return None;
            }
        }
        p += 1;
    }
    None
}

/// A verb of the cue lexicon at token `t`, in either script.
fn is_cue_at(doc: &Document, t: usize) -> bool {
    match doc.tokens()[t].script {
        Script::Arabic => arabic_cue(doc, t).is_some(),
        Script::Latin => english_cue(doc, t).is_some(),
        _ => false,
    }
}

fn takes_particle(cue: &Cue, word: &str) -> bool {
    cue.particles.iter().any(|q| q == word)
}

/// A preposition, or a word with the prepositional proclitic ب/ل (بحضور، للصحفيين), opening an
/// adverbial phrase.
fn opens_adverbial(doc: &Document, t: usize) -> bool {
    let w = doc.ftok(t);
    match doc.tokens()[t].script {
        Script::Arabic => words::token_is(doc, t, class!("ar.preposition")) || (w.chars().count() > 4 && (w.starts_with("لل") || w.starts_with("بال"))),
        Script::Latin => matches!(w, "in" | "at" | "during" | "on" | "via" | "through" | "after" | "before" | "from" | "while" | "to"),
        _ => false,
    }
}

/// One position per distinct claim: coordinated objects become claims of their own —
/// "بالحياد الأوكراني والاعتراف بسيطرة موسكو" (و + article before a new verbal noun),
/// "to cut taxes and to scrap the levy". A part must keep two words, so that coordinated
/// adjectives (العسكرية والدبلوماسية) stay together.
pub(super) fn split_coordinated(doc: &Document, text: &Range<usize>) -> Vec<Range<usize>> {
    let first = doc.tokens().partition_point(|t| t.start < text.start);
    let last = doc.tokens().partition_point(|t| t.end <= text.end);
    // The conjunctions that may open a new part (most claims have none: nothing is
    // allocated for them then).
    let mut joins = Vec::new();
    let mut in_quote = false;
    for i in first..last {
        let w = doc.ftok(i);
        match w {
            "\"" => in_quote = !in_quote,
            "«" | "“" => in_quote = true,
            "»" | "”" => in_quote = false,
            _ => {}
        }
        if in_quote || !doc.tokens()[i].is_word {
            continue;
        }
        let arabic_join = doc.tokens()[i].script == Script::Arabic && (w.starts_with("وال") || w.starts_with("وبال")) && w.chars().count() > 4;
        let english_join = w == "and" && i + 1 < last && doc.ftok(i + 1) == "to";
        if arabic_join || english_join {
            joins.push(i);
        }
    }
    // Keep only cuts leaving two words on each side: after the last cut kept, and before the
    // next conjunction (or the end).
    let words = |a: usize, b: usize| (a..b).filter(|&t| doc.tokens()[t].is_word).count();
    let mut kept = Vec::new();
    for (n, &cut) in joins.iter().enumerate() {
        let next = joins.get(n + 1).copied().unwrap_or(last);
        if words(kept.last().copied().unwrap_or(first), cut) >= 2 && words(cut, next) >= 2 {
            kept.push(cut);
        }
    }
    let part = |a: usize, b: usize| {
        // The conjunction itself ("and") opens the next part; drop it and a "to".
        let mut a = a;
        while a < b && matches!(doc.ftok(a), "and" | "to") {
            a += 1;
        }
        let b_word = (a..b).rev().find(|&t| doc.tokens()[t].is_word || is_quote_at(doc, t))?;
        (b_word >= a).then(|| doc.tokens()[a].start.max(text.start)..doc.tokens()[b_word].end.min(text.end))
    };
    let mut parts = Vec::with_capacity(kept.len() + 1);
    let mut from = first;
    for to in kept.into_iter().chain([last]) {
        parts.extend(part(from, to));
        from = to;
    }
    parts
}

/// "insisted that the dam would reduce flooding": a demand verb reporting a clause with a
/// finite verb of its own states that clause; "urged that the council act", with a bare verb,
/// demands it.
pub(super) fn states_a_fact(doc: &Document, text: &Range<usize>) -> bool {
    let Some(first) = doc.token_at(text.start) else { return false };
    (first..doc.tokens().len())
        .take_while(|&t| doc.tokens()[t].start < text.end)
        .filter(|&t| doc.tokens()[t].is_word && doc.tokens()[t].script == Script::Latin)
        .take(6)
        .any(|t| matches!(doc.ftok(t), "would" | "will" | "was" | "were" | "is" | "are" | "had" | "has" | "have" | "could" | "can"))
}

/// The clause a sentence opens with, when a verb of saying at `cue_at` follows it after a
/// comma and its subject ("…, President Prabowo announced on Wednesday." / "…, said Prabowo.")
/// and reports nothing after itself.
pub(super) fn clause_before(doc: &Document, sentence: Range<usize>, cue_at: usize) -> Option<Range<usize>> {
    // A name, or a role around it ("the Malaysian leader Karim Osman", "the head of the
    // bloc"): no function word but those of a role, no verb.
    let is_name_word = |t: usize| {
        doc.tokens()[t].is_word
            && (doc.tokens()[t].upper
                || matches!(doc.ftok(t), "the" | "its" | "his" | "her" | "their" | "of" | "for")
                || (!words::token_is(doc, t, class!("en.stop")) && english_cue(doc, t).is_none() && !doc.ftok(t).ends_with("ed")))
    };
    // The subject between the comma and the verb is a few words: look no further back.
    let mut comma = (sentence.start.max(cue_at.saturating_sub(8))..cue_at).rev().find(|&t| matches!(doc.ftok(t), "," | ";" | "\"" | "“" | "”"))?;
    let mut inverted = comma + 1 == cue_at;
    // "…, Olof Berg, a spokesman for the bloc, said": the comma before the verb closes an
    // appositive; the subject's own comma opens the clause's end.
    if inverted {
        if let Some(open) = subject_with_appositive(doc, sentence.start, comma) {
            comma = open;
            inverted = false;
        }
    }
    if doc.ftok(comma) != "," || (!inverted && cue_at - comma > 7 && doc.ftok(cue_at - 1) != ",") || (cue_at - comma <= 7 && !(comma + 1..cue_at).all(is_name_word)) {
        return None;
    }
    let mut after = cue_at + 1;
    if inverted {
        let from = after;
        let capitalised = |t: usize| doc.tokens()[t].is_word && (doc.tokens()[t].upper || matches!(doc.ftok(t), "the" | "its" | "his" | "her" | "their"));
        while after < sentence.end && after < from + 6 && capitalised(after) {
            after += 1;
        }
        if after == from {
            return None;
        }
    }
    while after < sentence.end && doc.tokens()[after].is_word && (words::token_is(doc, after, class!("en.time")) || doc.tokens()[after].upper && after > cue_at + 1 && words::token_is(doc, after - 1, class!("en.time"))) {
        after += 1;
    }
    after = medium_phrase_end(doc, after, sentence.end).unwrap_or(after);
    if after < sentence.end && !matches!(doc.ftok(after), "," | "." | "!" | "?") {
        return None;
    }
    let clause = sentence.start..comma;
    // A quotation that opens the clause is attributed by its own rule ('"…," he said'); one
    // inside it ("agreed to an "immediate" truce") is part of the clause.
    let opens_with_quote = clause.clone().find(|&t| !matches!(doc.ftok(t), "-" | "—" | "–")).is_some_and(|t| !doc.tokens()[t].is_word && is_quote_at(doc, t));
    if opens_with_quote || clause.clone().filter(|&t| doc.tokens()[t].is_word).count() < 4 {
        return None;
    }
    let first = clause.clone().find(|&t| doc.tokens()[t].is_word)?;
    let last = clause.rev().find(|&t| doc.tokens()[t].is_word)?;
    Some(doc.tokens()[first].start..doc.tokens()[last].end)
}

/// The start of "Name, appositive," before the comma `close` that precedes a verb: the comma
/// opening the name, when one or a few capitalised words stand between it and the
/// appositive's comma, and the appositive reads as a role ("a spokesman for …", "the
/// bloc's envoy").
fn subject_with_appositive(doc: &Document, sentence_start: usize, close: usize) -> Option<usize> {
    const APPOSITIVE: usize = 14;
    let mid = (sentence_start.max(close.saturating_sub(APPOSITIVE))..close).rev().find(|&t| !doc.tokens()[t].is_word && !matches!(doc.ftok(t), "'" | "’" | "-"))?;
    if doc.ftok(mid) != "," || mid + 2 > close || !matches!(doc.ftok(mid + 1), "a" | "an" | "the") {
        return None;
    }
    if (mid + 1..close).any(|t| !doc.tokens()[t].is_word && !matches!(doc.ftok(t), "'" | "’" | "-")) {
        return None;
    }
    let open = (sentence_start.max(mid.saturating_sub(5))..mid).rev().find(|&t| !doc.tokens()[t].is_word)?;
    let name = open + 1..mid;
    (doc.ftok(open) == "," && !name.is_empty() && name.clone().all(|t| doc.tokens()[t].upper)).then_some(open)
}

/// "… said on X", "… announced in a statement", "… told reporters in Geneva": a phrase of
/// medium or place after a verb of saying that closes its sentence (or runs to a comma). Returns
/// where it ends. No complementiser or quotation inside: then the verb reports what follows.
fn medium_phrase_end(doc: &Document, from: usize, sentence_end: usize) -> Option<usize> {
    const REACH: usize = 10;
    if from >= sentence_end || !matches!(doc.ftok(from), "on" | "in" | "at" | "via" | "during" | "through") {
        return None;
    }
    let inside_phrase = |t: usize| doc.tokens()[t].is_word || matches!(doc.ftok(t), "'" | "’" | "-") || is_initial_dot(doc, t);
    let end = (from..sentence_end.min(from + REACH + 1)).find(|&t| !inside_phrase(t)).or((sentence_end <= from + REACH).then_some(sentence_end))?;
    let plain = (from..end).all(|t| !is_complementiser(doc, t));
    (plain && (end >= sentence_end || matches!(doc.ftok(end), "," | "." | "!" | "?"))).then_some(end)
}

/// An Arabic document noun (بيان، تصريحاً، الرسالة), definite, indefinite or accusative.
fn names_a_document(doc: &Document, t: usize) -> bool {
    if doc.tokens()[t].script != Script::Arabic {
        return false;
    }
    let w = doc.ftok(t);
    let w = w.strip_prefix("ال").unwrap_or(w);
    words::is(class!("ar.document"), w) || w.strip_suffix('ا').is_some_and(|stem| words::is(class!("ar.document"), stem))
}

/// Punctuation that ends a claim: a full stop (not a decimal point or an initial's),
/// semicolons, colons, question and exclamation marks.
pub(super) fn is_hard_stop(doc: &Document, i: usize) -> bool {
    matches!(doc.ftok(i), "." | "؛" | ";" | "!" | "?" | "؟" | ":") && !is_decimal_point(doc, i) && !is_initial_dot(doc, i)
}

/// "U.S.": a full stop right after a single Latin letter.
pub(super) fn is_initial_dot(doc: &Document, i: usize) -> bool {
    i > 0 && doc.ftok(i) == "." && doc.tokens()[i - 1].script == Script::Latin && doc.ftok(i - 1).chars().count() == 1 && doc.tokens()[i - 1].fend == doc.tokens()[i].fstart
}

/// "2.1", "1,000": a full stop or comma between digits.
pub(super) fn is_decimal_point(doc: &Document, i: usize) -> bool {
    i > 0 && i + 1 < doc.tokens().len()
        && doc.tokens()[i - 1].script == Script::Digit && doc.tokens()[i + 1].script == Script::Digit
        && doc.tokens()[i - 1].fend == doc.tokens()[i].fstart && doc.tokens()[i].fend == doc.tokens()[i + 1].fstart
}

pub(super) fn is_complementiser(doc: &Document, i: usize) -> bool {
    match doc.tokens()[i].script {
        Script::Arabic => words::token_is(doc, i, class!("ar.complementizer")),
        _ => words::token_is(doc, i, class!("en.complementizer")),
    }
}

/// Clause breaks are single words (بينما، while) or two-word phrases (في حين، إلا أن).
pub(super) fn is_clause_break(doc: &Document, i: usize) -> bool {
    let class = match doc.tokens()[i].script {
        Script::Arabic => class!("ar.clause_break"),
        _ => class!("en.clause_break"),
    };
    words::token_is_or_opens(doc, i, class)
}

/// A closing quotation mark with a comma just inside or after it ('…," Zelensky said',
/// '…", he said') at most five tokens before the verb, with only the speaker between.
pub(super) fn attributes_quote_before(doc: &Document, sentence: Range<usize>, cue_at: usize) -> bool {
    let from = sentence.start.max(cue_at.saturating_sub(6));
    let Some(close) = (from..cue_at).rev().find(|&i| !doc.tokens()[i].is_word && matches!(doc.ftok(i), "\"" | "”")) else { return false };
    let comma = (close > sentence.start && doc.ftok(close - 1) == ",") || (close + 1 < cue_at && doc.ftok(close + 1) == ",");
    // The speaker: words and initials, but no coordinator ('…," and Climate Action Network
    // said …' starts another clause) and no other verb of saying ('…," Poilievre said,
    // insisting …': the quotation is the first verb's).
    let only_speaker = (close + 1..cue_at).all(|i| {
        let w = doc.ftok(i);
        (doc.tokens()[i].is_word && !matches!(w, "and" | "but" | "while" | "as" | "whereas" | "although") && english_cue(doc, i).is_none())
            || w == ","
            || (w == "." && is_initial_dot(doc, i))
    });
    comma && only_speaker
}

/// The text inside the last quotation before the cue in the same sentence.
pub(super) fn quote_before(doc: &Document, sentence: Range<usize>, cue_at: usize) -> Option<Range<usize>> {
    let from = sentence.start.max(cue_at.saturating_sub(MAX_CLAIM_TOKENS));
    let quotes: Vec<usize> = (from..cue_at).filter(|&i| !doc.tokens()[i].is_word && is_quote_at(doc, i)).collect();
    let (&close, rest) = quotes.split_last()?;
    // A lone closing mark after a comma ('We will never let that happen," he said') closes a
    // quotation opened in an earlier sentence: the claim is its part in this one.
    let inner_start = match rest.last() {
        Some(&open) => open + 1,
        None if close > sentence.start && doc.ftok(close - 1) == "," => sentence.start,
        None => return None,
    };
    let inner: Vec<usize> = (inner_start..close).filter(|&i| doc.tokens()[i].is_word).collect();
    if inner.len() < 2 {
        return None;
    }
    let (first, last) = (inner[0], *inner.last()?);
    Some(doc.tokens()[first].start..doc.tokens()[last].end)
}

/// "demanded that Oslo do more on three fronts, including tightening port controls, handing
/// over smugglers and closing shell companies"; "طالب بإصلاحات، بما في ذلك رفع الأجور وخفض
/// الضرائب": the items a list after the claim spells out are claims of their own, with the
/// claim's holder and stance. `claim`: the claim's tokens and the one after them. Items of one word
/// ("including Spain") only name examples and are left out.
pub(super) fn listed_items(doc: &Document, claim: Range<usize>, sentence_end: usize) -> Vec<Range<usize>> {
    /// A list longer than this has run into the next clause.
    const REACH: usize = 60;
    let marker_len = |t: usize| -> usize {
        let w = |d: usize| if t + d < sentence_end { doc.ftok(t + d) } else { "" };
        match (w(0), w(1), w(2)) {
            ("including", _, _) | ("notably", _, _) => 1,
            ("such", "as", _) => 2,
            ("بما", "في", "ذلك") => 3,
            ("بما", "فيها", _) | ("بما", "فيه", _) | ("ومنها", _, _) | ("منها", _, _) => if w(0) == "بما" { 2 } else { 1 },
            _ => 0,
        }
    };
    // The list may close the claim or lie inside it (a reported clause runs past commas).
    let Some(after) = (claim.start..=claim.end).find(|&t| t + 1 < sentence_end && matches!(doc.ftok(t), "," | "،") && marker_len(t + 1) > 0) else {
        return vec![];
    };
    let n = marker_len(after + 1);
    let start = after + 1 + n;
    let end = (start..sentence_end.min(start + REACH)).find(|&t| is_hard_stop(doc, t) || matches!(doc.ftok(t), "\"" | "“" | "”" | "«" | "»")).unwrap_or(sentence_end.min(start + REACH));
    // Items split at commas and at the conjunction before the last one (and/or; و on a
    // definite noun in Arabic).
    let mut items = Vec::new();
    let mut item_start = start;
    for t in start..=end {
        let w = if t < end { doc.ftok(t) } else { "" };
        let arabic_join = t < end && doc.tokens()[t].script == Script::Arabic && (w.starts_with("وال") || w.starts_with("وبال")) && w.chars().count() > 4;
        let cut = t == end || matches!(w, "," | "،" | "and" | "or") || arabic_join;
        if !cut {
            continue;
        }
        let words: Vec<usize> = (item_start..t).filter(|&q| doc.tokens()[q].is_word).collect();
        if let (true, Some(&first), Some(&last)) = (words.len() >= 2, words.first(), words.last()) {
            items.push(doc.tokens()[first].start..doc.tokens()[last].end);
        }
        // (An Arabic item keeps its و: the next item starts on the joined word.)
        item_start = if arabic_join { t } else { t + 1 };
    }
    // A list spelled out is "A, B and C"; "for beef and poultry" is one phrase of two nouns.
    let has_comma = (start..end).any(|t| matches!(doc.ftok(t), "," | "،"));
    if items.len() < 2 || !has_comma {
        return vec![];
    }
    items
}

/// The token after an aside that opens at `t` (between dashes or in brackets), if one does.
/// The noun phrase before the relative pronoun at `rel`: definite words and a quantifier
/// ("معظم الرسوم الجمركية"), two words at least.
fn relative_antecedent(doc: &Document, sentence_start: usize, rel: usize) -> Option<Range<usize>> {
    let mut first = rel;
    while first > sentence_start && rel - first < 5 && doc.tokens()[first - 1].is_word && doc.tokens()[first - 1].script == Script::Arabic {
        let w = doc.ftok(first - 1);
        if !(arabic::has_article(w) || words::token_is(doc, first - 1, class!("ar.quantifier"))) {
            break;
        }
        first -= 1;
        // The quantifier heads the phrase.
        if words::token_is(doc, first, class!("ar.quantifier")) {
            break;
        }
    }
    (rel - first >= 2).then(|| doc.tokens()[first].start..doc.tokens()[rel - 1].end)
}

/// The comma closing an English apposition that opens at the comma `open` inside an object,
/// when the object goes on after it with "to", "of", "for" or "that" ("the decision of the
/// federation, the CGT, to call a strike").
fn apposition_in_object(doc: &Document, open: usize, sentence_end: usize) -> Option<usize> {
    const REACH: usize = 12;
    if doc.tokens().get(open + 1).is_none_or(|t| t.script != Script::Latin) || !matches!(doc.ftok(open + 1), "the" | "a" | "an") {
        return None;
    }
    let close = (open + 2..sentence_end.min(open + REACH)).find(|&t| doc.ftok(t) == ",")?;
    // Names, brackets and nouns only: no verb of the cue lexicon between.
    if (open + 1..close).any(|t| is_hard_stop(doc, t) || (doc.tokens()[t].is_word && english_cue(doc, t).is_some())) {
        return None;
    }
    (close + 1 < sentence_end && matches!(doc.ftok(close + 1), "to" | "of" | "for" | "that")).then_some(close)
}

/// After 'لـ"رويترز"' at `t`: a preposition written apart from the quoted name it governs.
fn quoted_addressee_end(doc: &Document, t: usize, sentence_end: usize) -> Option<usize> {
    if t + 3 >= sentence_end || doc.tokens()[t].script != Script::Arabic || !matches!(doc.ftok(t), "ل" | "ب") || !is_quote_at(doc, t + 1) {
        return None;
    }
    // The name is short: a closing mark within three words.
    (t + 2..sentence_end.min(t + 6)).find(|&q| is_quote_at(doc, q)).map(|q| q + 1).filter(|&q| q < sentence_end)
}

fn aside_end(doc: &Document, t: usize, sentence_end: usize) -> Option<usize> {
    /// An aside longer than this is no aside: the dash opened the rest of the sentence.
    const REACH: usize = 16;
    let close = match doc.ftok(t.min(sentence_end.saturating_sub(1))) {
        "—" | "–" => ["—", "–"],
        "(" => [")", ")"],
        _ => return None,
    };
    (t + 1..sentence_end.min(t + REACH)).find(|&q| close.contains(&doc.ftok(q))).map(|q| q + 1).filter(|&q| q < sentence_end)
}

/// "واعتبرته انتهاكاً صارخاً للوضع القائم، وتدنيساً لحرمته، وتصعيداً مداناً واستفزازاً غير
/// مقبول": further charges, each an indefinite accusative joined by a comma and و, continue the
/// claim that ends at `after` as claims of their own (an accusative adjective such as مداناً
/// follows its noun with no و). Arabic only.
pub(super) fn further_accusatives(doc: &Document, after: usize, sentence_end: usize) -> Vec<Range<usize>> {
    /// Past this many items the commas are no longer a list of charges.
    const MAX_ITEMS: usize = 8;
    let starts_item = |t: usize| {
        let w = doc.ftok(t);
        t < sentence_end
            && doc.tokens()[t].script == Script::Arabic
            && w.starts_with('و')
            && w.ends_with('ا')
            && !w.ends_with("وا")
            && w.chars().count() >= 5
            && !words::token_is(doc, t, class!("ar.stop", "ar.time", "ar.manner"))
            && arabic_cue(doc, t).is_none()
    };
    // An item is shown without the conjunction glued to it.
    let item = |a: usize, b: usize| {
        let start = doc.tokens()[a].start;
        let start = if doc.text[start..].starts_with('و') { start + 'و'.len_utf8() } else { start };
        start..doc.tokens()[b].end
    };
    let mut items = Vec::new();
    // The list goes on after "، و…" and after a bare "و…" item ("… مداناً واستفزازاً …").
    let mut t = after;
    loop {
        let start = if t + 1 < sentence_end && matches!(doc.ftok(t), "،" | ",") && starts_item(t + 1) {
            t + 1
        } else if t > after && starts_item(t) {
            t
        } else {
            break;
        };
        if items.len() == MAX_ITEMS {
            break;
        }
        let mut e = start + 1;
        while e < sentence_end && !is_hard_stop(doc, e) && !matches!(doc.ftok(e), "،" | ",") && !starts_item(e) && doc.tokens()[e].is_word {
            e += 1;
        }
        items.push(item(start, e - 1));
        t = e;
    }
    items
}

/// "أكد الناطق رفض المملكة المطلق وإدانتها الشديدة لمواصلة الاقتحامات …": a verb of saying
/// whose object is a verbal noun of stance (رفض، إدانة، دعم) voices that stance. Returns the
/// noun's stance and what the noun is about: what follows its holder, its adjectives and the
/// stance nouns joined to it, from the ل or the particle that opens it. `None` when the object
/// opens with no such noun, or nothing of the kind follows within a few words.
pub(super) fn voiced_stance(doc: &Document, claim: &Range<usize>, sentence_end: usize) -> Option<(Stance, Range<usize>)> {
    const REACH: usize = 10;
    let first = doc.token_at(claim.start)?;
    let word = doc.ftok(first);
    if doc.tokens()[first].script != Script::Arabic || arabic::has_article(word) {
        return None;
    }
    let cues = Cues::builtin();
    let noun = cues.arabic_nouns.get(arabic::bare_noun(word))?;
    if noun.stance == Stance::States {
        return None;
    }
    let last = sentence_end;
    for t in first + 1..last.min(first + REACH) {
        let w = doc.ftok(t);
        if !doc.tokens()[t].is_word {
            return None;
        }
        // What the stance is about: "لمواصلة …", or the noun's own particle ("على", "عن").
        let opens_object = (w.starts_with('ل') && !arabic::has_article(w) && w.chars().count() >= 4) || noun.particles.iter().any(|p| p == w);
        if opens_object {
            let particle = noun.particles.iter().any(|p| p == w);
            let from = if particle { doc.tokens().get(t + 1).filter(|_| t + 1 < last)?.start } else { doc.tokens()[t].start + 'ل'.len_utf8() };
            // To the end of the clause.
            let end = (t + 1..last.min(t + MAX_CLAIM_TOKENS))
                .find(|&e| is_hard_stop(doc, e) || (doc.tokens()[e].is_word && is_clause_break(doc, e)) || (matches!(doc.ftok(e), "،" | ",") && !continues_a_list(doc, e, last)))
                .unwrap_or(last.min(t + MAX_CLAIM_TOKENS));
            let to = (t..end).rev().find(|&e| doc.tokens()[e].is_word)?;
            return (from < doc.tokens()[to].end).then(|| (noun.stance, from..doc.tokens()[to].end));
        }
        // The holder (المملكة، الحكومة الأردنية), adjectives (المطلق، الشديدة) and stance
        // nouns joined to the first with their pronoun (وإدانتها).
        // (Before a pronoun the noun's ة is written ت: إدانتها is إدانة + ها.)
        let stance_noun = |stem: &str| {
            let bare = arabic::bare_noun(stem);
            cues.arabic_nouns.get(bare).is_some() || bare.strip_suffix('ت').is_some_and(|b| cues.arabic_nouns.get(format!("{b}ه").as_str()).is_some())
        };
        let joined_noun = w.starts_with('و') && arabic::strip_enclitic(&w['و'.len_utf8()..]).is_some_and(stance_noun);
        if !(arabic::has_article(w) || joined_noun) {
            return None;
        }
    }
    None
}
