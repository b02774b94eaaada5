//! Stage 6, positions: what each actor stands for, read off the clauses — a clause whose
//! subject is an actor and whose complement is a claim gives that actor a position, with the
//! predicate's stance (flipped or weakened under negation) — and off quotations that carry a
//! speaker's words past the clause that attributed them.

use std::ops::Range;

use crate::clauses::quotes::{is_quote_at, multi_sentence_quotations, whole_quotation};
use crate::clauses::Clause;
use crate::model::Stance;
use crate::text::Document;

/// A position before ids are assigned: actor index, stance, byte ranges.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PositionDraft {
    pub actor: usize,
    pub stance: Stance,
    pub text: Range<usize>,
    pub sentence: Range<usize>,
}

/// The positions that the clauses attribute, then the sentences of quotations they attributed.
/// `skip`: byte ranges (rows of a pasted table) that are not prose.
pub(crate) fn find(doc: &Document, clauses: &[Clause], skip: &[Range<usize>]) -> Vec<PositionDraft> {
    let mut out: Vec<PositionDraft> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for clause in clauses {
        let (Some(subject), Some(complement)) = (&clause.subject, &clause.complement) else { continue };
        let predicate = &clause.predicate;
        let stance = if predicate.negated { negate(predicate.stance) } else { predicate.stance };
        // "insisted that the dam would reduce flooding" states; "demanded that Kenya withdraw" demands.
        let stance = if stance == Stance::Demands && complement.finite { Stance::States } else { stance };
        for part in &complement.parts {
            for &holder in subject.partners.iter().chain(std::iter::once(&subject.actor)) {
                if seen.insert((holder, part.start, part.end)) {
                    out.push(PositionDraft { actor: holder, stance, text: part.clone(), sentence: clause.sentence.clone() });
                }
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
    crate::sort::sort_by_key(&mut order, |&i| out[i].sentence.start);
    let mut next_claim = 0;
    let quoted_claim = |p: &PositionDraft| {
        doc.text[p.text.clone()].starts_with(['"', '“', '«'])
            || doc.token_at(p.text.start).is_some_and(|t| t > 0 && !doc.tokens()[t - 1].is_word && is_quote_at(doc, t - 1))
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

/// A quotation of several sentences is attributed once ('"We are not against machines. We are
/// against throwing people away," said Stam'; 'Stam said: "… . …"'): the sentences of it that
/// hold no position are the speaker's statements too, when everything attributed inside the
/// quotation is one actor's.
fn quotation_sentences(doc: &Document, skip: &[Range<usize>], out: &mut Vec<PositionDraft>) {
    // Binary searches throughout: a pasted page may hold thousands of quotations.
    let mut by_start: Vec<(usize, usize, usize)> = out.iter().map(|p| (p.text.start, p.text.end, p.actor)).collect();
    crate::sort::sort(&mut by_start);
    let starting_in = |from: usize, to: usize| {
        let a = by_start.partition_point(|p| p.0 < from);
        let b = by_start.partition_point(|p| p.0 < to);
        &by_start[a..b]
    };
    let mut added = Vec::new();
    for quote in multi_sentence_quotations(doc) {
        let (from, to) = (doc.tokens()[quote.start].start, doc.tokens()[quote.end - 1].end);
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
            let Some(first_word) = piece.clone().find(|&t| doc.tokens()[t].is_word) else { continue };
            let Some(last_word) = piece.clone().rev().find(|&t| doc.tokens()[t].is_word) else { continue };
            let text = doc.tokens()[first_word].start..doc.tokens()[last_word].end;
            // A claim overlapping the piece starts in its sentence.
            if starting_in(sentence.range.start, text.end).iter().any(|p| text.start < p.1) {
                continue;
            }
            added.push(PositionDraft { actor, stance: Stance::States, text, sentence: sentence.range.clone() });
        }
    }
    out.extend(added);
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
    fn a_quotation_of_several_sentences_keeps_the_speaker_named_before_it() {
        // The pronoun after the quotation reaches back past the quotation's own sentences.
        let text = "Minister Anna Berg told reporters that the talks would resume.\n\
                    \u{201c}We do not trust the other side. Their promises mean nothing. They must show the maps first,\u{201d} she said.";
        let got = positions(text);
        for claim in ["We do not trust the other side", "Their promises mean nothing", "They must show the maps first"] {
            assert!(got.iter().any(|(who, _, c)| who == "Anna Berg" && c == claim), "{claim}: {got:?}");
        }
    }

    #[test]
    fn a_quotation_of_several_paragraphs_is_its_speakers_to_the_end() {
        // Each paragraph of the quotation opens with a mark again; only the last one closes.
        let text = "Minister Anna Berg told the chamber: \u{201c}The ministry once promised open talks.\n\
                    \u{201c}Now it speaks of walls and quotas. The farmers deserve better.\n\
                    \u{201c}So I ask again whether the plan survives a single winter.\u{201d}\n\
                    The session ended early.";
        let got = positions(text);
        for claim in ["Now it speaks of walls and quotas", "The farmers deserve better", "So I ask again whether the plan survives a single winter"] {
            assert!(got.iter().any(|(who, _, c)| who == "Anna Berg" && c == claim), "{claim}: {got:?}");
        }
        assert!(!got.iter().any(|(_, _, c)| c.contains("session")), "{got:?}");
    }

    #[test]
    fn two_apostrophes_quote_as_a_double_mark_does() {
        let text = "Minister Anna Berg argued, ''The levy hurts farmers. It was drafted in haste.''";
        let got = positions(text);
        for claim in ["The levy hurts farmers", "It was drafted in haste"] {
            assert!(got.iter().any(|(who, _, c)| who == "Anna Berg" && c == claim), "{claim}: {got:?}");
        }
    }

    #[test]
    fn a_name_behind_a_preposition_after_the_verb_is_not_its_subject() {
        let got = positions("احتج الحزب على محاولات فرض الخدمة بالجيش الإسرائيلي على الطلاب.");
        assert!(!got.iter().any(|(who, _, _)| who == "الجيش الإسرائيلي"), "{got:?}");
    }

    #[test]
    fn what_remarks_were_about_is_not_what_they_said() {
        for text in ["أعلنت كندا أنها استدعت السفير بعد تصريحات لوزيرة الخارجية سلمى ناصر بشأن الجزر.", "Canada summoned the envoy after remarks by Foreign Minister Salma Nasser about the islands."] {
            let got = positions(text);
            assert!(!got.iter().any(|(who, _, _)| who == "سلمى ناصر" || who == "Salma Nasser"), "{text}: {got:?}");
        }
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
            ("arabic doubled verb after و", "التقى أردوغان الوفد، وحث الحكومة على إطلاق سراح المعتقلين.", ("رجب طيب أردوغان", Stance::Demands, "إطلاق سراح المعتقلين")),
            ("arabic heading glued to its paragraph", "أزمة شديدةوطالب أردوغان بإطلاق سراح المعتقلين.", ("رجب طيب أردوغان", Stance::Demands, "بإطلاق سراح المعتقلين")),
            ("arabic parties to an agreement, first", "وأشاد الوزير بالاتفاق بين مصر والسودان لتقاسم مياه النيل.", ("مصر", Stance::Agrees, "الاتفاق بين مصر والسودان لتقاسم مياه النيل")),
            ("arabic parties to an agreement, second", "وأشاد الوزير بالاتفاق بين مصر والسودان لتقاسم مياه النيل.", ("السودان", Stance::Agrees, "الاتفاق بين مصر والسودان لتقاسم مياه النيل")),
            ("english parties to an agreement", "The ruling is a setback for the deal between Greece and Turkey on migrants.", ("Turkey", Stance::Agrees, "deal between Greece and Turkey on migrants")),
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
            ("arabic joint subject before the verb", "وكانت مصر والأردن قد حثتا القوى العراقية على الإسراع في تشكيل الحكومة.", ("مصر", Stance::Demands, "الإسراع في تشكيل الحكومة")),
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
            ("english possessive disapproval", "Chile and Peru are appealing Ana Ruiz's disapproval of their merger and suing the regulator.", ("Ana Ruiz", Stance::Opposes, "their merger")),
            ("english second verb keeps partners past a noun frame", "Chile and Peru are appealing Ana Ruiz's disapproval of their merger and suing the regulator.", ("Peru", Stance::Opposes, "the regulator")),
            ("english apposition inside the object", "Chile criticized the decision of the largest union, the Workers' Front, to call a general strike.", ("Chile", Stance::Opposes, "the decision of the largest union, the Workers' Front, to call a general strike")),
            ("english speaker named with their own people", "Ana Ruiz or her officials publicly demanded that Chile withdraw the levy.", ("Ana Ruiz", Stance::Demands, "Chile withdraw the levy")),
            ("english insist upon", "Chile insists upon the release of the fishermen.", ("Chile", Stance::Demands, "the release of the fishermen")),
            ("english quantifier floated off a coordinated subject", "Chile and Peru have both rejected the lithium framework.", ("Peru", Stance::Rejects, "the lithium framework")),
            ("arabic speaker voicing a stance noun", "وأكد المتحدث باسم الحكومة سامر حداد رفض المملكة القاطع وإدانتها الشديدة لإغلاق المعابر، مشيراً إلى خطورة الوضع.", ("سامر حداد", Stance::Rejects, "إغلاق المعابر")),
            ("arabic quoted addressee after a bare lam", "وقال سامر حداد لـ\"الإذاعة\" إن الحكومة ستعيد فتح المعابر.", ("سامر حداد", Stance::States, "الحكومة ستعيد فتح المعابر")),
            ("arabic relative verb carrying its object", "وقضت المحكمة بأن معظم الرسوم الجمركية التي فرضها سامر حداد غير قانونية.", ("سامر حداد", Stance::Supports, "معظم الرسوم الجمركية")),
            ("arabic relative verb describing its object", "وهاجم سامر حداد يوم الأحد الحركة التي وصفها بأنها \"واجهة للجيش\".", ("سامر حداد", Stance::States, "\"واجهة للجيش\"")),
            ("arabic allowing something supports it", "وسمحت سوريا بدخول المساعدات الإنسانية عبر المعبر.", ("سوريا", Stance::Supports, "بدخول المساعدات الإنسانية عبر المعبر")),
            ("arabic act named by one noun after the particle", "وصوّت أحد عشر عضواً لصالح القرار، بينما امتنعت الهند عن التصويت.", ("الهند", Stance::Rejects, "امتنعت الهند عن التصويت")),
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
            ("arabic medium before a quotation", "وقال ماكرون في تدوينة على حسابه: «لن نقبل بهذا الاتفاق».", ("إيمانويل ماكرون", Stance::States, "«لن نقبل بهذا الاتفاق»")),
            ("arabic place before the particle", "وشدد أردوغان في كلمة ألقاها أمام البرلمان على ضرورة وقف الحرب.", ("رجب طيب أردوغان", Stance::States, "ضرورة وقف الحرب")),
            ("arabic call and addressee before أن", "وأكد أردوغان، خلال اتصال هاتفي مع نظيره، أن الحوار هو الحل الوحيد.", ("رجب طيب أردوغان", Stance::States, "الحوار هو الحل الوحيد")),
            ("english medium before that", "Peru said in a televised address that the talks had failed.", ("Peru", Stance::States, "the talks had failed")),
            ("arabic person in apposition to a title", "أكد وزير الخارجية، الأمير خالد بن سعود، على أهمية التعاون الاقتصادي.", ("خالد بن سعود", Stance::States, "أهمية التعاون الاقتصادي")),
            ("arabic adverbial set off by commas", "أكد خالد بن سعود، في مؤتمر صحافي، ضرورة فتح المعابر.", ("خالد بن سعود", Stance::States, "ضرورة فتح المعابر")),
            ("arabic title taken up again after an apposition", "قال وزير المالية، الدكتور سامي الحداد، إن العجز تراجع. وأضاف وزير المالية: \"لن نرفع الضرائب\".", ("سامي الحداد", Stance::States, "\"لن نرفع الضرائب\"")),
            ("arabic adverbials in a row set off by commas", "وقال رئيس اللجنة سامي الحداد، في مؤتمر صحفي، مساء الأحد في العاصمة، إن النتائج نهائية.", ("سامي الحداد", Stance::States, "النتائج نهائية")),
            ("english verb coordinated after a reported clause", "Nordwind Airlines announced it would suspend the flights, urged passengers to stay away from the terminal, and said it expected services to resume.", ("Nordwind Airlines", Stance::Demands, "passengers to stay away from the terminal")),
            ("english reported clause closed by a coordinated verb", "Nordwind Airlines announced it would suspend the flights, urged passengers to stay away from the terminal, and said it expected services to resume.", ("Nordwind Airlines", Stance::States, "it would suspend the flights")),
            ("english items of a listed demand", "Olaf Brenner demanded that Oslo act on three fronts, including tightening port controls, handing over smugglers to Dutch courts and closing shell companies.", ("Olaf Brenner", Stance::Demands, "handing over smugglers to Dutch courts")),
            ("arabic items of a listed demand", "وطالب سامي الحداد بإصلاحات عاجلة، بما في ذلك رفع الأجور، وخفض الضرائب على الفلاحين.", ("سامي الحداد", Stance::Demands, "رفع الأجور")),
            ("arabic verbal noun of protest", "أعلن النائب كمال الخطيب أنه سينسحب من الحكومة، احتجاجا على قرار رفع أسعار الوقود.", ("كمال الخطيب", Stance::Opposes, "قرار رفع أسعار الوقود")),
            ("arabic members of a body, after a number and من, past an aside between dashes", "وأعرب خمسة من أعضاء مجلس النواب —اثنان من المستقلين، وآخر من المعارضة— عن قلقهم من الخطة.", ("أعضاء مجلس النواب", Stance::States, "قلقهم من الخطة")),
            ("arabic local authority as a body", "رفضت السلطة المحلية في محافظة مأرب إغلاق الطريق الساحلي.", ("السلطة المحلية", Stance::Rejects, "إغلاق الطريق الساحلي")),
            ("arabic topic of remarks is no claim of the remarks' author", "أعلنت كندا أنها استدعت السفير بعد تصريحات لوزيرة الخارجية سلمى ناصر بشأن الجزر.", ("كندا", Stance::States, "استدعت السفير بعد تصريحات لوزيرة الخارجية سلمى ناصر بشأن الجزر")),
            ("arabic adverbials with a quoted name before the colon", "وقال الوزير سامر حداد خلال جلسة في معرض \"الطاقة 2025\" في الدوحة: \"لن نورد الغاز إلى أوروبا\".", ("سامر حداد", Stance::States, "\"لن نورد الغاز إلى أوروبا\"")),
            ("english participle of saying keeps the first verb's object", "Mr Lund on Monday conceded defeat, saying: \"We were alone against everyone.\"", ("Lund", Stance::States, "defeat")),
            ("arabic place of the subject with its direction, then a time between commas", "استنكرت السلطة المحلية في محافظة الوادي شرقي البلاد، الجمعة، منع الوفد من زيارة المدينة.", ("السلطة المحلية", Stance::Opposes, "منع الوفد من زيارة المدينة")),
            ("arabic office in the construct taken up inside a verbal noun's complement", "دعا رئيس البرلمان كمال الخطيب إلى الهدوء. وغادر النائب سامي الحداد القاعة، اعتراضاً على رفض رئيس البرلمان مناقشة موازنة البلديات.", ("كمال الخطيب", Stance::Rejects, "مناقشة موازنة البلديات")),
            ("english subject before a long relative clause", "The Dockers Union, which had already gathered outside the harbour office on Friday (12) in anger at the Port Efficiency Decree (PED) issued in May by Anna Korhonen, claims that the measures are unlawful.", ("Dockers Union", Stance::States, "the measures are unlawful")),
            ("english reduced passive after a bracketed abbreviation", "The Dockers Union marched against the Port Efficiency Decree (PED) signed last week by Anna Korhonen.", ("Anna Korhonen", Stance::Agrees, "the Port Efficiency Decree")),
            ("arabic verb with an object pronoun after a comma keeps the subject", "ودانت وزارة الخارجية الأردنية اقتحام الوزير المسجد، واعتبرته انتهاكا صارخا للوضع القائم.", ("وزارة الخارجية الأردنية", Stance::States, "انتهاكا صارخا للوضع القائم")),
            ("arabic further charges in the accusative", "ودانت وزارة الخارجية الأردنية اقتحام الوزير المسجد، واعتبرته انتهاكا صارخا للوضع القائم، وتدنيسا لحرمته، وتصعيدا مدانا واستفزازا غير مقبول.", ("وزارة الخارجية الأردنية", Stance::States, "استفزازا غير مقبول")),
            ("arabic one verbal noun with the demand's particle glued", "المعارضة التونسية ترفض نتائج الانتخابات وتدعو للتظاهر", ("المعارضة التونسية", Stance::Demands, "للتظاهر")),
            ("english aside between dashes before the verb", "Peru — speaking for the Group of Seven as its chair this year — proposed a fund for river towns.", ("Peru", Stance::Proposes, "a fund for river towns")),
            ("english coordinated cue after an adverb", "Anna Korhonen praised the mayor and controversially supported a naval blockade of the island.", ("Anna Korhonen", Stance::Supports, "a naval blockade of the island")),
            ("english participle after while", "Senator Tim Kaine argued that the levy is not needed, while warning that the tariffs on Canada will raise food prices.", ("Tim Kaine", Stance::Warns, "the tariffs on Canada will raise food prices")),
            ("english complementiser taken by the cue", "Senator Tim Kaine argued that the levy is not needed, while warning that the tariffs on Canada will raise food prices.", ("Tim Kaine", Stance::States, "the levy is not needed")),
            ("english cue word as a noun after a determiner", "Anna Korhonen put pressure on the party ahead of the vote, urging that senators keep the tariffs in place.", ("Anna Korhonen", Stance::Demands, "senators keep the tariffs in place")),
            ("english to before a name is inside the object", "The regional bloc ECOWAS ordered the dispatch of two ships to Malta last month.", ("ECOWAS", Stance::Demands, "the dispatch of two ships to Malta last month")),
            ("english partner joined by the subject", "Carla Ortiz, joined by Peter Lund, said that the toll road is going to hurt farmers.", ("Peter Lund", Stance::States, "the toll road is going to hurt farmers")),
            ("english demonstrative object is no time phrase", "The OSCE turned down this plan. Brazil rejected this offer.", ("Brazil", Stance::Rejects, "this offer")),
            ("arabic verb of saying in the statement the subject issued", "كما أصدر السيناتور سامي الحداد، رئيس لجنة الدفاع، بيانا منفصلا قال فيه: \"الخطة تنطوي على مشاكل حقيقية\".", ("سامي الحداد", Stance::States, "\"الخطة تنطوي على مشاكل حقيقية\"")),
            ("arabic apposition after the subject of any verb", "كما أصدر السيناتور سامي الحداد، رئيس لجنة الدفاع، قرارا بتجميد الأموال.", ("سامي الحداد", Stance::Supports, "قرارا بتجميد الأموال")),
            ("arabic what their statement says", "وأعرب أعضاء مجلس النواب عن قلقهم من الخطة. وجاء في بيانهم: \"الخطة لا تحمي صغار المزارعين من الديون\".", ("أعضاء مجلس النواب", Stance::States, "\"الخطة لا تحمي صغار المزارعين من الديون\"")),
            ("arabic request names whom it asks", "وطلب الرئيس الأمريكي دونالد ترامب من كييف قبول خطته بحلول الخميس.", ("دونالد ترامب", Stance::Demands, "قبول خطته بحلول الخميس")),
            ("arabic envoy's name set off by commas after the post", "قال مندوب البرازيل لدى الأمم المتحدة، جواو سيلفا، إن بلاده امتنعت عن التصويت.", ("جواو سيلفا", Stance::States, "بلاده امتنعت عن التصويت")),
            ("arabic envoy named after the post", "وذكر مندوب البرازيل لدى مجلس الأمن جواو سيلفا أن بلاده دعمت المشروع.", ("جواو سيلفا", Stance::States, "بلاده دعمت المشروع")),
            ("arabic unknown name after the verb described by an apposed title", "أكدت ريم الحمادي، مستشارة وزير المالية لشؤون الضرائب، أن الرسوم الجديدة مؤقتة.", ("ريم الحمادي", Stance::States, "الرسوم الجديدة مؤقتة")),
            ("english speaker and the one named with them in the reported clause", "Carla Ortiz added that she and Peter Lund hope to win over the rural towns.", ("Peter Lund", Stance::States, "she and Peter Lund hope to win over the rural towns")),
            ("arabic verbs inside a quotation do not cut the claim", "وأضاف سامي الحداد أن «هذا القرار سيؤدي إلى تجميد الأرصدة وتعرض النظام المالي للخلل وانهيار العملة».", ("سامي الحداد", Stance::States, "«هذا القرار سيؤدي إلى تجميد الأرصدة وتعرض النظام المالي للخلل وانهيار العملة»")),
            ("arabic each of two named subjects", "واعتبر كل من سامي الحداد وكمال الخطيب أن النتائج مزورة.", ("سامي الحداد", Stance::States, "النتائج مزورة")),
            ("arabic the second of two named subjects", "واعتبر كل من سامي الحداد وكمال الخطيب أن النتائج مزورة.", ("كمال الخطيب", Stance::States, "النتائج مزورة")),
            ("arabic participle of explaining", "رحب سامي الحداد بالقرار، مبينا أن الميزانية ستتحسن.", ("سامي الحداد", Stance::States, "الميزانية ستتحسن")),
            ("arabic body inside the speaker's title", "وحذر عضو كتلة حزب الوسط النائب فادي الخوري، من تأجيل الانتخابات البلدية مرة أخرى.", ("فادي الخوري", Stance::Warns, "تأجيل الانتخابات البلدية مرة أخرى")),
            ("english parenthetical verb of saying, before", "Japanese Prime Minister Kenji Sato met fishermen. Japan had stood by the fleet from the start, he added, and has paid for every repair since.", ("Kenji Sato", Stance::States, "Japan had stood by the fleet from the start")),
            ("english parenthetical verb of saying, after", "Japanese Prime Minister Kenji Sato met fishermen. Japan had stood by the fleet from the start, he added, and has paid for every repair since.", ("Kenji Sato", Stance::States, "has paid for every repair since")),
            ("english pronoun takes the latest agreeing topic", "Foreign Minister Aino Virtanen spoke to reporters. Mark Rutte, she said, had never answered the letter.", ("Aino Virtanen", Stance::States, "had never answered the letter")),
            ("english quotation then speaker and any verb", "\"The numbers do not add up at all,\" Finnish Foreign Minister Aino Virtanen shot back.", ("Aino Virtanen", Stance::States, "The numbers do not add up at all")),
            ("arabic ministry with two portfolios, manner skipped", "دانت وزارة الزراعة والثروة السمكية بأشد العبارات إغلاق الميناء أمام الصيادين.", ("وزارة الزراعة والثروة السمكية", Stance::Opposes, "إغلاق الميناء أمام الصيادين")),
            ("arabic family name with the article ends the name", "وأعلن النائب فادي الخوري انسحاب حزبه من الجلسة.", ("فادي الخوري", Stance::States, "انسحاب حزبه من الجلسة")),
            ("english list of objects across commas", "Japanese Prime Minister Kenji Sato wanted to hire more teachers to cut class sizes, open night schools and raise pay for nurses.", ("Kenji Sato", Stance::Demands, "hire more teachers to cut class sizes, open night schools and raise pay for nurses")),
            ("arabic list of objects across commas", "وطالبت حركة حماس بوقف الحرب، ورفع الحصار وإعادة الإعمار.", ("حركة حماس", Stance::Demands, "بوقف الحرب، ورفع الحصار وإعادة الإعمار")),
            ("headline opening with a name and a colon", "Ayman Safadi: any displacement of Palestinians is a declaration of war\n\nThe minister spoke in Amman.", ("Ayman Safadi", Stance::States, "any displacement of Palestinians is a declaration of war")),
            ("an apostrophe is no quotation mark", "Japanese Prime Minister Kenji Sato said Japan’s view on whaling quotas is unchanged.", ("Kenji Sato", Stance::States, "Japan’s view on whaling quotas is unchanged")),
            ("a title opening a body's name", "The General Confederation of Farmers called a national tractor march for March 3.", ("General Confederation of Farmers", Stance::States, "a national tractor march for March 3")),
            ("arabic adverbial set off by commas before an object", "رفضت وزارة الصحة المصرية، في مؤتمر صحفي، اتهامات المنظمة الدولية بشأن الدواء.", ("وزارة الصحة المصرية", Stance::Rejects, "اتهامات المنظمة الدولية بشأن الدواء")),
            ("arabic participle after a relative clause on a person", "وجاء البيان في كلمة للأمين العام بدر عبد العاطي، الذي وجه رسالة لرئيس الوزراء مصطفى مدبولي، مؤكداً أن الوزارة لن تتراجع.", ("بدر عبد العاطي", Stance::States, "الوزارة لن تتراجع")),
            ("english speech claim ends at a coordinated clause with a titled subject", "Japan's foreign ministry said it remained wary of the new leaders, and Defence Minister Kenji Sato warned that ships would stay near the islands.", ("Kenji Sato", Stance::Warns, "ships would stay near the islands")),
            ("arabic sentence in the speaker's own words", "والتقى وزير الخارجية المصري بدر عبد العاطي وزير الري في بغداد. الحكومة العراقية تحرز تقدماً ملموساً، وفق تعبيره.", ("بدر عبد العاطي", Stance::States, "الحكومة العراقية تحرز تقدماً ملموساً")),
            ("english leader's government is the state", "Erdogan’s government insisted that the court's decision was void.", ("Turkey", Stance::States, "the court's decision was void")),
            ("arabic leader's administration is the state", "وقالت إدارة ترامب إن القيود على الموانئ مؤقتة.", ("الولايات المتحدة", Stance::States, "القيود على الموانئ مؤقتة")),
            ("a company named with a country is not the country", "Air Chile has countered that it offered a ten percent raise to cabin crews.", ("Air Chile", Stance::States, "it offered a ten percent raise to cabin crews")),
            ("arabic apposition before the complementiser", "وأكدت سلمى العتيبي، مديرة البنك المركزي، للصحفيين يوم الخميس خلال الاجتماعات السنوية في الرباط أن التضخم تراجع بشكل واضح.", ("سلمى العتيبي", Stance::States, "التضخم تراجع بشكل واضح")),
            ("arabic definite title alone is its one holder", "التقى وزير الخارجية المصري بدر عبد العاطي نظيره الألماني. وشدد الوزير على ضرورة فتح المعابر.", ("بدر عبد العاطي", Stance::States, "ضرورة فتح المعابر")),
            ("english two bodies joined by and after a head noun", "Orion Mining Corporation and Delta Copper Corporation said the review had been unfair.", ("Delta Copper Corporation", Stance::States, "the review had been unfair")),
            ("a coordinated verb shares its clause's joint holders", "دعت فرنسا وألمانيا الطرفين إلى الحوار، وأكدتا أن الحل سياسي.", ("ألمانيا", Stance::States, "الحل سياسي")),
            ("the companies after two bodies named together", "Orion Mining Corporation and Delta Copper Corporation filed two appeals. The companies said the review had been unfair.", ("Orion Mining Corporation", Stance::States, "the review had been unfair")),
            ("english state body by its adjective", "The Lebanese government rejected the new border plan.", ("Lebanon", Stance::Rejects, "the new border plan")),
            ("english state body by a possessive", "Poland's foreign ministry condemned the attack on the convoy.", ("Poland", Stance::Opposes, "the attack on the convoy")),
            ("arabic state body by its nisba", "وأعلنت الرئاسة التونسية رفضها للقرار الأوروبي.", ("تونس", Stance::States, "رفضها للقرار الأوروبي")),
            ("english passive with its agent", "The plan was rejected by Germany on Monday.", ("Germany", Stance::Rejects, "The plan")),
            ("english reduced relative with its agent", "The levy threatened by Donald Trump would hit car parts.", ("Donald Trump", Stance::Threatens, "The levy")),
            ("arabic continuation verb reporting words", "وتابع ماكرون: «لن نتراجع عن الإصلاح».", ("إيمانويل ماكرون", Stance::States, "«لن نتراجع عن الإصلاح»")),
            ("english belief reported", "Emmanuel Macron believes that the deal is fair to farmers.", ("Emmanuel Macron", Stance::States, "the deal is fair to farmers")),
            ("english infinitive is the cue's complement", "Donald Trump threatened to impose tariffs on Mexico.", ("Donald Trump", Stance::Threatens, "impose tariffs on Mexico")),
        ];
        for (name, text, (holder, stance, claim)) in cases {
            let got = positions(text);
            let want = (holder.to_string(), *stance, claim.to_string());
            assert!(got.contains(&want), "{name}: {want:?} not in {got:?}");
        }
    }

    #[test]
    fn two_nouns_after_including_are_no_list_of_claims() {
        let got = positions("Olaf Brenner said Oslo wanted access for its farmers, including for beef and poultry that Brussels bans.");
        assert!(got.iter().all(|(_, _, claim)| claim != "for beef" && !claim.starts_with("poultry")), "{got:?}");
    }

    #[test]
    fn a_name_in_a_relative_clause_after_the_subject_noun_holds_nothing() {
        let got = positions("حمّل النواب الذين طالبوا بعزل سامي الحداد الحكومة مسؤولية الأزمة.");
        assert!(got.iter().all(|(holder, _, _)| holder != "سامي الحداد"), "{got:?}");
    }

    #[test]
    fn a_cue_word_after_a_preposition_is_a_noun() {
        // "state" and "support" are nouns here; nobody states or supports anything.
        let got = positions("Anna Korhonen spoke on state radio. Malta asked Italy for some naval support.");
        assert!(got.iter().all(|(_, stance, _)| *stance != Stance::States && *stance != Stance::Supports), "{got:?}");
    }

    #[test]
    fn a_question_is_reported_and_a_doubt_is_held() {
        let got = positions("Judge Ana Ruiz spoke first. \"Who pays when the levy fails?\" Ruiz asked, according to the transcript.");
        assert!(got.iter().any(|(who, stance, c)| who == "Ana Ruiz" && *stance == Stance::States && c == "Who pays when the levy fails"), "{got:?}");
        let got = positions("Judge Ana Ruiz asked whether Congress could take the power back.");
        assert!(got.iter().any(|(who, _, c)| who == "Ana Ruiz" && c == "Congress could take the power back"), "{got:?}");
        let got = positions("Judge Ana Ruiz questioned the legality of the levy.");
        assert!(got.iter().any(|(who, stance, c)| who == "Ana Ruiz" && *stance == Stance::Opposes && c == "the legality of the levy"), "{got:?}");
        // Questioning someone, or asking them about something, takes no stance.
        for text in ["Judge Ana Ruiz questioned attorney Tom Lee for an hour.", "Reporters asked Ana Ruiz about the levy."] {
            assert!(positions(text).is_empty(), "{text}: {:?}", positions(text));
        }
    }

    #[test]
    fn a_cue_that_reports_only_is_no_cue_without_reported_words() {
        for text in ["وتابع ماكرون الملف عن كثب مع الحكومة.", "Emmanuel Macron believes in the power of talks with Berlin."] {
            let got = positions(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_passive_without_an_agent_has_no_holder() {
        let got = positions("Hungary was ordered to pay a fine of 200 million euros.");
        assert!(got.is_empty(), "{got:?}");
        // Nor is the infinitive after a cue a clause of its own: Mexico holds nothing.
        let got = positions("Donald Trump threatened to impose tariffs on Mexico.");
        assert!(got.iter().all(|(who, _, _)| who == "Donald Trump"), "{got:?}");
    }

    #[test]
    fn the_subject_of_an_object_relative_is_not_the_topic() {
        let got = positions("Rafał Trzaskowski vowed to sign a bill that President Andrzej Duda had blocked. \"We need a president who builds,\" he said.");
        assert!(got.iter().any(|(who, _, c)| who == "Rafał Trzaskowski" && c == "We need a president who builds"), "{got:?}");
    }

    #[test]
    fn a_country_named_only_as_a_place_is_no_actor() {
        for (text, place, actor) in [
            ("Talks were held in Qatar on Monday. Russia rejected the plan.", "Qatar", "Russia"),
            ("عقدت المحادثات في قطر يوم الاثنين. ورفضت روسيا الخطة الأمريكية.", "قطر", "روسيا"),
        ] {
            let a = analyze(text, &Options::default());
            let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
            assert!(names.contains(&actor) && !names.contains(&place), "{text}: {names:?}");
        }
    }

    #[test]
    fn a_subheading_with_a_name_and_a_colon_quotes_nobody() {
        let got = positions("The summit ended.\n\nPutin: a pivotal figure in world politics\n\nPutin arrived late.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_speaker_voicing_their_own_side_holds_it_alone() {
        for (text, speaker, side) in [
            ("Kremlin spokesman Dmitry Peskov said Russia would not accept the plan.", "Dmitry Peskov", "Russia"),
            ("وقال وزير الخارجية المغربي سامر النعيمي إن المغرب يرفض أي تدخل في شؤونه.", "سامر النعيمي", "المغرب"),
        ] {
            let got = positions(text);
            assert!(got.iter().any(|(who, _, _)| who == speaker), "{text}: {got:?}");
            assert!(got.iter().all(|(who, _, _)| who != side), "{text}: {got:?}");
        }
        // Another side's stance, reported, is that side's.
        let got = positions("Kremlin spokesman Dmitry Peskov said Ukraine had rejected the plan.");
        assert!(got.iter().any(|(who, _, _)| who == "Ukraine"), "{got:?}");
    }

    #[test]
    fn a_participle_agrees_with_its_subject_and_a_claim_opens_no_relative_clause() {
        // رافضةً is feminine: not Trump's (a man), who is the topic.
        let got = positions("وقال الرئيس الأمريكي دونالد ترامب إن الخطة سيئة. وجددت القوى الكردية تمسكها بالخطة، رافضةً أي ضغوط خارجية.");
        assert!(got.iter().all(|(who, _, c)| !(who == "دونالد ترامب" && c.contains("ضغوط"))), "{got:?}");
        // A clause that opens with a relative pronoun states nothing of its own.
        let got = positions("وحثت مصر والأردن، اللتان تستضيفان معا آلاف اللاجئين، الاتحاد الأوروبي على زيادة الدعم.");
        assert!(got.iter().all(|(_, _, c)| !c.starts_with("اللتان")), "{got:?}");
    }

    #[test]
    fn a_relative_on_the_previous_clause_and_a_named_coordinate_are_no_claims() {
        let got = positions("وتمسك أردوغان بإنشاء منطقة عازلة وسحب المقاتلين من الحدود، وهو ما أكده خلال قمة أنقرة.");
        assert!(got.iter().all(|(_, _, c)| !c.starts_with("خلال")), "{got:?}");
        assert!(got.iter().any(|(_, _, c)| c.contains("منطقة عازلة")), "{got:?}");
        let got = positions("وطرح ماكرون مبادرة تشمل لقاء ثلاثيا مع أردوغان والرئيس الروسي فلاديمير بوتين.");
        assert!(got.iter().all(|(_, _, c)| !c.starts_with("والرئيس")), "{got:?}");
        // A position noun names positions unless a preposition introduces their content.
        let got = positions("الخلاف بين مواقف أردوغان وماكرون ما يزال يعطل أي اتفاق.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_apostrophe_starts_no_claim() {
        let got = positions("Japanese Prime Minister Kenji Sato said Japan’s view on whaling quotas is unchanged.");
        assert!(got.iter().all(|(_, _, c)| c != "whaling quotas is unchanged" && !c.starts_with("s ")), "{got:?}");
    }

    #[test]
    fn a_photo_credit_names_no_actor() {
        for text in [
            "Protesters gather in Lima, Peru, May 2, 2025. AFP/Lucia Ortega\nChile and Peru said the talks were useful.",
            "The bloc set new rules for fishing by 2030. Tomas Berg/ANP\n\nNorway announced new quotas for cod.",
        ] {
            let a = analyze(text, &Options::default());
            let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
            assert!(names.iter().all(|n| !n.contains("Ortega") && !n.contains("Berg")), "{text}: {names:?}");
        }
        // A slash inside prose is no credit.
        let a = analyze("Britain said the Israel/Gaza talks were useful and would go on next week in Cairo.", &Options::default());
        assert!(a.actors.iter().any(|x| x.name == "United Kingdom"), "{:?}", a.actors);
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
