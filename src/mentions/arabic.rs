//! Arabic mention patterns.
//!
//! Arabic news introduces a person with a title, then the nationality as a nisba adjective
//! agreeing with the title, optional qualifiers, then the name: الرئيس الروسي فلاديمير بوتين،
//! وزير الخارجية الإيراني السابق محمد جواد ظريف. A counterpart is "نظيره" + nisba + name, and
//! a state's delegation "الجانب/الطرف" + nisba.

use super::TokenMap as HashMap;

use super::{country_of, role_key, words::{self, class}, LexTokens, Mention, MentionForm, Referent};
use crate::lexicon::cues::Cues;
use crate::lexicon::given_names::{given_name_words, given_names, GIVEN_NAME, OPENS_COMPOUND_NAME};
use crate::lexicon::{Lexicon, Target};
use crate::model::ActorKind;
use crate::clauses::quotes::is_quote_at;
use crate::text::{arabic, Document, Script};

/// Mentions starting at token `i` from Arabic patterns (primary first), or none.
pub(super) fn mentions_at(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Vec<Mention> {
    let lexicon = Lexicon::builtin();
    let word = doc.ftok(i);
    if let Some(lt) = at.get(&i) {
        if let Target::Title { .. } = lt.target {
            return title_phrase(doc, lexicon, at, i, lt.end, true);
        }
        return vec![];
    }
    // الحكومة اللبنانية، الخارجية الأردنية، وزارة الخارجية الإيرانية: a state's executive named
    // by its nisba is the state acting.
    if let Some(m) = state_body(doc, at, i) {
        return vec![m];
    }
    if let Some(m) = organization(doc, at, i) {
        return vec![m];
    }
    // نظيره / نظيرها الأمريكي …: a counterpart phrase names a person without being a title.
    if is_counterpart(word) {
        return title_phrase(doc, lexicon, at, i, i + 1, false);
    }
    // الجانب الروسي: "the Russian side" stands for the state.
    if words::token_is(doc, i, class!("ar.side")) {
        if let Some(lt) = at.get(&(i + 1)) {
            if let Some(country) = country_of(lt, lexicon).filter(|_| matches!(lt.target, Target::Demonym { .. })) {
                return vec![Mention::plain(i..lt.end, Referent::Known(country), MentionForm::Side)];
            }
        }
    }
    given_name_person(doc, at, i).or_else(|| head_noun_anaphor(doc, at, i)).or_else(|| dual(doc, i)).or_else(|| name_before_apposed_title(doc, at, i)).into_iter().collect()
}

/// "أكدت ريم الحمادي، مستشارة وزير المالية …، على …": two or three name words right after a
/// verb, set off by a comma before a title that describes them, name a person.
fn name_before_apposed_title(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let n = doc.tokens().len();
    // (The cheap tests first: this is tried on every word no other rule took.)
    let q = (i..n.min(i + 4)).find(|&t| matches!(doc.ftok(t), "،" | ","))?;
    if q < i + 2 || q + 1 >= n || !matches!(at.get(&(q + 1)).map(|lt| lt.target), Some(Target::Title { .. })) || !(i..q).all(|t| is_name_word(doc, at, t, t - i)) {
        return None;
    }
    let cues = &crate::lexicon::cues::Cues::builtin().arabic;
    let after_verb = i > 0 && doc.tokens()[i - 1].is_word && arabic::verb_stems(doc.ftok(i - 1)).iter().any(|s| cues.get(*s).is_some_and(|c| !c.participle));
    after_verb.then(|| Mention::plain(i..q, Referent::Unknown(doc.ftok(q - 1).to_string()), MentionForm::Name))
}

/// A state body (one word, or وزارة الخارجية) followed by a country's nisba.
fn state_body(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let lexicon = Lexicon::builtin();
    let n = doc.tokens().len();
    // (The two-word name is looked for only after its first word: most words are no وزارة.
    // Its proclitics are taken off only when وزار follows one or two letters, or none: where
    // `without_proclitics` may leave it.)
    let word = doc.ftok(i);
    let vizar = |at: usize| word.as_bytes().get(at..at + "وزار".len()) == Some("وزار".as_bytes());
    let two = i + 1 < n && (vizar(0) || vizar(2) || vizar(4)) && {
        let bare = arabic::without_proclitics(word);
        bare.starts_with("وزار") && words::is_phrase(class!("ar.state_body"), bare, doc.ftok(i + 1))
    };
    let head_end = if two {
        i + 2
    } else if words::token_is(doc, i, class!("ar.state_body")) {
        i + 1
    } else {
        return None;
    };
    let lt = at.get(&head_end)?;
    // "حكومة نتنياهو"، "إدارة ترامب": a leader's government is their state.
    if let Target::Entity { entity, .. } = lt.target {
        let e = &lexicon.entities[entity];
        if e.kind == ActorKind::Person && !two && matches!(arabic::without_proclitics(word), "حكومه" | "اداره") {
            return e.home.map(|home| Mention::plain(i..lt.end, Referent::Known(home), MentionForm::Side));
        }
    }
    let country = country_of(lt, lexicon).filter(|_| matches!(lt.target, Target::Demonym { .. }))?;
    Some(Mention::plain(i..lt.end, Referent::Known(country), MentionForm::Side))
}

/// A nominative dual (الرئيسان، الطرفان) names the two actors last mentioned; only the
/// nominative, the subject's case, is taken (الطرفين is an object).
fn dual(doc: &Document, i: usize) -> Option<Mention> {
    // Every word of the two classes ends in the dual's ان (a test keeps it so): the proclitics
    // come off, and the classes are looked up, only for such a word.
    if !doc.ftok(i).ends_with("ان") {
        return None;
    }
    let classes = words::classes_of(arabic::without_proclitics(doc.ftok(i)));
    let persons = if classes.has(class!("ar.dual_person")) {
        true
    } else if classes.has(class!("ar.dual_party")) {
        false
    } else {
        return None;
    };
    Some(Mention::plain(i..i + 1, Referent::Pair { persons }, MentionForm::RolePhrase))
}

/// A definite head noun standing alone (الحركة، الحزب، الجماعة) refers back to the body last
/// named with that head (حركة حماس … الحركة), as a reader takes it.
fn head_noun_anaphor(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let word = doc.ftok(i);
    if !arabic::has_article(word) || at.contains_key(&i) {
        return None;
    }
    let head = arabic::bare_noun(word);
    if !words::is(class!("ar.group_head", "ar.org_head"), head) {
        return None;
    }
    // Followed by its own dependent (الحركة الإسلامية) it is a name, not an anaphor.
    let next_dependent = i + 1 < doc.tokens().len() && doc.tokens()[i + 1].is_word && (at.contains_key(&(i + 1)) || arabic::has_article(doc.ftok(i + 1)));
    (!next_dependent).then(|| Mention::plain(i..i + 1, Referent::Role { key: format!("head:{head}"), country: None }, MentionForm::RolePhrase))
}

/// A given name (خليل، عبد الفتاح، فولوديمير) followed by a family name is a person, title or
/// not: خليل الحية، رستم عمروف.
fn given_name_person(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let names = given_names();
    if !doc.tokens()[i].is_word || doc.tokens()[i].script != Script::Arabic {
        return None;
    }
    let word = doc.ftok(i);
    let mut first_end = i + 1;
    // One look-up a reading tells a given name and the start of a compound one; when no
    // reading is a name, every reading has been looked at.
    let mut opens_compound = false;
    let single = words::any_arabic_reading(word, |r| {
        let kinds = given_name_words().get(r).copied().unwrap_or(0);
        opens_compound |= kinds & OPENS_COMPOUND_NAME != 0;
        kinds & GIVEN_NAME != 0
    });
    if !single {
        // Compound given names: عبد الله، عبد الفتاح.
        let mut compound_name = String::new();
        let compound = i + 1 < doc.tokens().len()
            && opens_compound
            && words::any_arabic_reading(word, |r| {
                compound_name.clear();
                compound_name.push_str(r);
                compound_name.push(' ');
                compound_name.push_str(doc.ftok(i + 1));
                names.contains_key(&compound_name)
            });
        if !compound {
            return None;
        }
        first_end = i + 2;
    }
    // A given name after a place's head is part of the place's name (جزر أبو موسى). (Asked
    // once the word is known to open a name: most words do not.)
    if super::after_place_head(doc, i) {
        return None;
    }
    let mut k = first_end;
    let mut particles = 0;
    while k < doc.tokens().len() && k - first_end < 2 + particles && is_name_word(doc, at, k, k - i) {
        if words::token_is(doc, k, class!("ar.name_particle")) {
            particles += 1;
        }
        k += 1;
    }
    while k > first_end && words::token_is(doc, k - 1, class!("ar.name_particle")) {
        k -= 1;
    }
    if let Some((end, referent)) = (k <= first_end + 1).then(|| super::known_surname_after(doc, at, i..k)).flatten() {
        return Some(Mention::plain(i..end, referent, MentionForm::Name));
    }
    (k > first_end).then(|| Mention::plain(i..k, Referent::Unknown(doc.ftok(k - 1).to_string()), MentionForm::Name))
}

/// An organisation or group named by its head noun and what follows it in the construct
/// (idafa) and agreeing adjectives: حزب الشعوب الديمقراطي، وزارة التجارة الصينية، رابطة
/// مصنعي السيارات الأوروبية. The head itself is indefinite in form (definite by the idafa);
/// the first dependent may be indefinite (مصنعي), later ones are definite or lexicon forms.
fn organization(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let lexicon = Lexicon::builtin();
    let word = doc.ftok(i);
    if arabic::has_article(word) {
        return definite_organization(doc, at, i);
    }
    // وزارة starts with و as a root letter, وحزب with the conjunction.
    let head = if words::token_is(doc, i, class!("ar.group_head", "ar.org_head")) {
        word
    } else {
        // Without proclitics to take off, the word was just found to be no head.
        let bare = arabic::without_proclitics(word);
        if bare == word {
            return None;
        }
        bare
    };
    let kind = head_kind(head)?;
    // A name in quotation marks after the head: حزب "النخيل"، حركة «النهضة».
    if i + 3 < doc.tokens().len() && is_quote_at(doc, i + 1) {
        if let Some(close) = (i + 2..doc.tokens().len().min(i + 7)).find(|&t| !doc.tokens()[t].is_word) {
            let words_inside = close > i + 2 && (i + 2..close).all(|t| doc.tokens()[t].script == Script::Arabic);
            if words_inside && is_quote_at(doc, close) {
                let key = std::iter::once(head).chain((i + 2..close).map(|t| arabic::bare_noun(doc.ftok(t)))).collect::<Vec<_>>().join(" ");
                return Some(Mention::plain(i..close + 1, Referent::Organization { key, kind }, MentionForm::Name));
            }
        }
    }
    let mut k = i + 1;
    let mut dependents = 0;
    let mut definite = false;
    let mut coordinated = false;
    while k < doc.tokens().len() && dependents < 4 {
        let t = &doc.tokens()[k];
        if !t.is_word || doc.text[doc.tokens()[k - 1].end..t.start].contains('\n') {
            break;
        }
        // A Latin acronym may close an Arabic name (… KGB); other Latin words end it.
        if t.script != Script::Arabic && !at.contains_key(&k) {
            break;
        }
        if let Some(lt) = at.get(&k) {
            // A coordinated name (وحزب العدالة والتنمية) is another actor: the form the lexicon
            // matched starts after a و or ف glued to the word.
            let glued = &doc.folded()[doc.tokens()[k].fstart..lt.fstart.max(doc.tokens()[k].fstart)];
            if glued.starts_with(['و', 'ف']) || (arabic::starts_with_conjunction(doc.ftok(k)) && !arabic::has_article(doc.ftok(k))) {
                break;
            }
            match lt.target {
                Target::Demonym { .. } => {}
                Target::Entity { entity, .. } if lexicon.entities[entity].kind != ActorKind::Person => {
                    // The full name followed by its known acronym or short name (جهاز
                    // الاستخبارات السوفيتية KGB) is that known body.
                    if lexicon.entities[entity].kind != ActorKind::Country && dependents > 0 {
                        let mut m = Mention::plain(i..lt.end, Referent::Known(entity), MentionForm::Name);
                        m.name = k..lt.end;
                        return Some(m);
                    }
                }
                _ => break,
            }
            k = lt.end;
            dependents += 1;
            definite = true;
            continue;
        }
        let w = doc.ftok(k);
        let cues = &Cues::builtin().arabic;
        // Stance participles (المؤيد، المعارض) describe the body; they are not its name.
        let participle = cues.get(&format!("{}ا", arabic::bare_noun(w))).is_some_and(|c| c.participle);
        if words::token_is(doc, k, class!("ar.stop", "ar.qualifier")) || participle || arabic::verb_stems(w).iter().any(|s| cues.contains_key(*s)) {
            break;
        }
        let article = arabic::has_article(w) && !arabic::has_preposition_proclitic(w) && !arabic::starts_with_conjunction(w);
        // A ministry's name joins its portfolios with و (وزارة الزراعة والثروة السمكية، وزارة
        // الاقتصاد والمالية): once, after a definite dependent, a و-word that is definite itself
        // or is followed by a definite genitive.
        let portfolio = !coordinated
            && definite
            && words::is(class!("ar.portfolio_head"), head)
            && arabic::starts_with_conjunction(w)
            && !arabic::has_preposition_proclitic(&w['و'.len_utf8()..])
            && (arabic::has_article(w) || (k + 1 < doc.tokens().len() && doc.tokens()[k + 1].is_word && arabic::has_article(doc.ftok(k + 1)) && !at.contains_key(&(k + 1))));
        if portfolio {
            coordinated = true;
            dependents += 1;
            k += 1;
            continue;
        }
        if !(article || dependents == 0) {
            break;
        }
        definite |= article;
        dependents += 1;
        k += 1;
    }
    if dependents == 0 || !definite {
        return None;
    }
    let key = std::iter::once(head).chain((i + 1..k).map(|t| arabic::bare_noun(doc.ftok(t)))).collect::<Vec<_>>().join(" ");
    Some(Mention::plain(i..k, Referent::Organization { key, kind }, MentionForm::Name))
}

/// The kind of body a head noun names: a group (حزب، حركة) or an organisation (وزارة، مجلس).
fn head_kind(head: &str) -> Option<ActorKind> {
    let classes = words::classes_of(head);
    if classes.has(class!("ar.group_head")) {
        Some(ActorKind::Group)
    } else if classes.has(class!("ar.org_head")) {
        Some(ActorKind::Organization)
    } else {
        None
    }
}

/// A body named by a definite head noun and agreeing definite adjectives, perhaps closed by
/// what it is for: المجلس الأعلى للانتخابات، الجيش الرواندي، الحركة الإسلامية، المحكمة
/// الدستورية العليا. (The bare head, الحركة, is an anaphor: see `head_noun_anaphor`.)
fn definite_organization(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let head = arabic::bare_noun(doc.ftok(i));
    let kind = head_kind(head)?;
    let cues = &Cues::builtin().arabic;
    let is_qualifier = |w: &str| words::is(class!("ar.qualifier"), w) || w.strip_suffix('ه').is_some_and(|m| words::is(class!("ar.qualifier"), m));
    let word_at = |k: usize| {
        let t = &doc.tokens()[k];
        (t.is_word && t.script == Script::Arabic && !doc.text[doc.tokens()[k - 1].end..t.start].contains(['\n', '\t', '،', ',', '"', '«', '(', ':'])).then(|| doc.ftok(k))
    };
    // The adjective agrees with the head in gender: وفد الحركة المفاوض is the movement's
    // negotiating delegation, not a body called الحركة المفاوض. A feminine head (الحركة،
    // القوات) takes ـة or an elative in ـى/ـا (العليا، الكبرى); a masculine one no ـة.
    let feminine_head = head.ends_with('ه') || head.ends_with("ات");
    let agrees = |w: &str| if feminine_head { w.ends_with(['ه', 'ى', 'ا']) } else { !w.ends_with('ه') };
    let mut k = i + 1;
    let mut adjectives = 0;
    while k < doc.tokens().len() && adjectives < 3 {
        let Some(w) = word_at(k) else { break };
        if let Some(lt) = at.get(&k) {
            // The forces of a state (القوات الروسية) stand for the state; its army (الجيش
            // الرواندي), like the armies the lexicon knows, is an actor of its own.
            let Target::Demonym { .. } = lt.target else { break };
            if kind == ActorKind::Group {
                return None;
            }
            k = lt.end;
            adjectives += 1;
            continue;
        }
        // Agreeing adjectives carry the article and no other proclitic; stance participles
        // (المؤيدة، المعارضة) and qualifiers (الجديدة، السابق) describe, they do not name.
        let article = w.starts_with("ال") && arabic::has_article(w) && agrees(w);
        let participle = cues.get(&format!("{}ا", arabic::bare_noun(w))).is_some_and(|c| c.participle);
        if !article || words::token_is(doc, k, class!("ar.stop", "ar.group_head", "ar.org_head")) || is_qualifier(w) || participle || arabic::verb_stems(w).iter().any(|s| cues.contains_key(*s)) {
            break;
        }
        adjectives += 1;
        k += 1;
    }
    if adjectives == 0 {
        return None;
    }
    // What the body is for: للانتخابات، لحقوق الإنسان (a لـ word, then a definite word or a
    // name the lexicon knows), as in القوات الديمقراطية لتحرير رواندا.
    if let Some(w) = (k < doc.tokens().len()).then(|| word_at(k)).flatten() {
        let follows = |k: usize| k < doc.tokens().len() && (at.contains_key(&k) || word_at(k).is_some_and(|w| w.starts_with("ال") && arabic::has_article(w)));
        if w.starts_with("لل") && w.chars().count() > 4 && !words::token_is(doc, k, class!("ar.stop")) {
            k += 1;
        } else if w.starts_with('ل') && !w.starts_with("لل") && w.chars().count() >= 4 && !words::token_is(doc, k, class!("ar.stop")) && follows(k + 1) {
            k = at.get(&(k + 1)).map_or(k + 2, |lt| lt.end);
        }
    }
    let key = std::iter::once(head).chain((i + 1..k).map(|t| arabic::bare_noun(doc.ftok(t)))).collect::<Vec<_>>().join(" ");
    Some(Mention::plain(i..k, Referent::Organization { key, kind }, MentionForm::Name))
}

fn is_counterpart(word: &str) -> bool {
    // Every form of the class has نظير in it (this is asked of most words): compared eight
    // bytes at a time, where a substring search set itself up for each word.
    if !word.as_bytes().windows("نظير".len()).any(|w| w == "نظير".as_bytes()) {
        return false;
    }
    let w = arabic::verb_stems(word).last().copied().unwrap_or(word);
    let w = w.strip_prefix('ب').or_else(|| w.strip_prefix('ل')).filter(|r| r.starts_with("نظير")).unwrap_or(w);
    arabic::strip_enclitic(w).is_some_and(|stem| words::is(class!("ar.counterpart"), stem))
}

/// Title (or counterpart word) at `ts..te`, then nisba / affiliation / qualifiers, then a name.
fn title_phrase(doc: &Document, lexicon: &Lexicon, at: &HashMap<usize, LexTokens>, ts: usize, te: usize, is_title: bool) -> Vec<Mention> {
    let mut nested = Vec::new();
    let (mut j, mut role_end, mut country) = (te, te, None);
    let mut genitives = 0;
    while j < doc.tokens().len() && j < te + 6 {
        if let Some(lt) = at.get(&j) {
            match lt.target {
                Target::Demonym { country: c } => country = Some(c),
                Target::Title { .. } => {}
                Target::Entity { entity, .. } if lexicon.entities[entity].kind != ActorKind::Person => {
                    // Idafa: أمير قطر، الأمين العام لحلف الناتو — the body inside the title is
                    // itself mentioned.
                    if lexicon.entities[entity].kind == ActorKind::Country {
                        country = Some(entity);
                    }
                    nested.push(Mention { canonical: lt.canonical, ..Mention::plain(j..lt.end, Referent::Known(entity), MentionForm::Name) });
                }
                _ => break,
            }
            j = lt.end;
            role_end = j;
        } else if doc.tokens()[j].is_word && words::token_is(doc, j, class!("ar.qualifier")) {
            j += 1;
            role_end = j;
        } else if is_title && (genitives > 0 || te > ts + 1) && doc.tokens()[j].is_word && doc.ftok(j).starts_with("وال") && doc.ftok(j).chars().count() > 4 && !at.contains_key(&j) {
            // A second portfolio joined by و: وزير الاقتصاد والمالية.
            j += 1;
            role_end = j;
        } else if is_title && genitives < 2 && is_genitive_complement(doc, j) {
            // Idafa: مفوض التجارة، وزير الطاقة — the portfolio belongs to the title.
            genitives += 1;
            j += 1;
            role_end = j;
        } else if is_title && genitives == 0 && j + 1 < doc.tokens().len() && doc.tokens()[j].is_word && words::token_is(doc, j, class!("ar.construct_head")) && is_genitive_complement(doc, j + 1) {
            // A construct chain: رئيس حكومة الإقليم، رئيس هيئة الأركان.
            genitives = 2;
            j += 2;
            role_end = j;
        } else if let Some(org) = organization(doc, at, j).filter(|_| is_title) {
            // زعيم حزب النصر القومي …: a body the lexicon lacks, named by its head noun.
            j = org.phrase.end;
            role_end = j;
            nested.push(org);
        } else if let Some(lt) = at.get(&(j + 1)).filter(|lt| is_title && matches!(doc.ftok(j), "لدي" | "في") && doc.tokens()[j].is_word && matches!(lt.target, Target::Entity { .. }) && (country.is_some() || genitives > 0)) {
            // "مندوب البرازيل لدى مجلس الأمن جواو سيلفا", "سفير مصر في واشنطن": where
            // the post is held belongs to the title.
            j = lt.end;
            role_end = j;
        } else if let Some(end) = lam_complement_before_name(doc, at, j).filter(|_| {
            // (Or a title naming one office by itself: الأمين العام للاتحاد سامي زرنوقي.)
            let office = at.get(&ts).is_some_and(|lt| lt.end > ts + 1 && arabic::has_article(doc.ftok(lt.end - 1)));
            is_title && (genitives > 0 || country.is_some() || !nested.is_empty() || office)
        }) {
            // رئيس الاتحاد التونسي للصناعة والتجارة سمير ماجول: the body's field, after it.
            j = end;
            role_end = j;
        } else {
            break;
        }
    }
    let role = is_title.then_some(ts..role_end);
    let key = role_key(doc, ts..role_end);
    // "وزير الاقتصاد عبد الناصر همتي": a known person's short form (عبد الناصر) followed by
    // another name word is part of someone else's name.
    let part_of_another_name = |lt: &&LexTokens| {
        let Target::Entity { entity, .. } = lt.target else { return false };
        let full_words = lexicon.entities[entity].name_ar.split_whitespace().count();
        let next = lt.end;
        let plain_word = |t: usize| {
            let w = doc.ftok(t);
            doc.tokens()[t].is_word
                && doc.tokens()[t].script == Script::Arabic
                && !at.contains_key(&t)
                && !arabic::has_article(w)
                && !arabic::has_preposition_proclitic(w)
                && !w.starts_with('و')
                && !words::token_is(doc, t, class!("ar.stop", "ar.preposition", "ar.time", "ar.name_particle"))
                && arabic::verb_stems(w).iter().all(|s| crate::lexicon::cues::Cues::builtin().arabic.get(*s).is_none())
                && !doc.text[doc.tokens()[t - 1].end..doc.tokens()[t].start].contains('\n')
        };
        lt.end - j >= 2 && lt.end - j < full_words && next < doc.tokens().len() && plain_word(next)
    };
    let primary = if let Some(lt) = at.get(&j).filter(|lt| is_person(lexicon, lt) && !part_of_another_name(lt)) {
        let Target::Entity { entity, .. } = lt.target else { unreachable!() };
        Some(Mention { name: j..lt.end, phrase: ts..lt.end, referent: Referent::Known(entity), form: MentionForm::Name, role, role_key: Some(key), canonical: lt.canonical, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
    } else if let Some(lt) = at.get(&j).filter(|lt| is_person(lexicon, lt) && part_of_another_name(lt)) {
        let k = lt.end + 1;
        let surname = doc.ftok(k - 1).to_string();
        Some(Mention { name: j..k, phrase: ts..k, referent: Referent::Unknown(surname), form: MentionForm::Name, role, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
    } else {
        let mut k = j;
        // An unqualified common title (زعيم، الدبلوماسية) is too often a plain noun to
        // introduce an unknown name; a state or body in the role, or a definite rank title
        // (الرئيس، الوزير، الفريق، الشيخ …), makes the next words a name.
        // An office named in the construct (رئيس البرلمان) may be followed by its holder or by
        // the rest of its clause ("رفض رئيس البرلمان إدراج القانون"): a known given name
        // tells the holder.
        let office = is_title && at.get(&ts).is_some_and(|lt| lt.end > ts + 1 && arabic::has_article(doc.ftok(lt.end - 1)));
        let names = crate::lexicon::given_names::given_names();
        // (A compound given name too: نور الدين.)
        let given_name_next = j < doc.tokens().len() && (names.contains_key(doc.ftok(j)) || (j + 1 < doc.tokens().len() && names.contains_key(&format!("{} {}", doc.ftok(j), doc.ftok(j + 1)))));
        let introduces_name = country.is_some() || !nested.is_empty() || (is_title && strong_title(doc, at, ts, genitives > 0)) || (office && given_name_next);
        // Up to three name words, not counting the particles of compound names and
        // genealogy (عبد العزيز بن سلمان، محمد ولد الغزواني).
        let mut particles = 0;
        while introduces_name && k < doc.tokens().len() && k - j < 3 + particles && is_name_word(doc, at, k, k - j) {
            if words::token_is(doc, k, class!("ar.name_particle")) {
                particles += 1;
            }
            k += 1;
        }
        while k > j && words::token_is(doc, k - 1, class!("ar.name_particle")) {
            k -= 1;
        }
        // "أوضح مندوب الهند لدى المنظمة، راجيف مينون، أن …": the holder's name set off by
        // commas after the role (two or three name words).
        if k == j && (country.is_some() || !nested.is_empty() || office || genitives > 0) && j + 3 < doc.tokens().len() && matches!(doc.ftok(j), "،" | ",") {
            let mut q = j + 1;
            while q < doc.tokens().len() && q - (j + 1) < 3 && is_name_word(doc, at, q, q - (j + 1)) {
                q += 1;
            }
            if q >= j + 3 && q < doc.tokens().len() && matches!(doc.ftok(q), "،" | ",") {
                let surname = doc.ftok(q - 1).to_string();
                return std::iter::once(Mention { name: j + 1..q, phrase: ts..q, referent: Referent::Unknown(surname), form: MentionForm::Name, role, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false }).chain(nested).collect();
            }
        }
        if let Some((k, referent)) = (k > j && k <= j + 2).then(|| super::known_surname_after(doc, at, j..k)).flatten() {
            Some(Mention { name: j..k, phrase: ts..k, referent, form: MentionForm::Name, role, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
        } else if k > j {
            let surname = doc.ftok(k - 1).to_string();
            Some(Mention { name: j..k, phrase: ts..k, referent: Referent::Unknown(surname), form: MentionForm::Name, role, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
        } else if country.is_some() || !nested.is_empty() {
            let country = country.filter(|_| !is_title);
            Some(Mention { name: ts..role_end, phrase: ts..role_end, referent: Referent::Role { key: key.clone(), country }, form: MentionForm::RolePhrase, role: None, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
        } else if is_title
            && (genitives > 0 || at.get(&ts).is_some_and(|lt| lt.end > ts + 1 && arabic::has_article(doc.ftok(lt.end - 1))))
            && !arabic::has_preposition_proclitic(doc.ftok(ts))
            && (office || !(j < doc.tokens().len() && is_name_word(doc, at, j, 0)))
        {
            // "وأضاف وزير الخارجية: …": a title with its portfolio names one office; the
            // actors stage resolves it to whoever the text names as holding it, or to nobody.
            Some(Mention { name: ts..role_end, phrase: ts..role_end, referent: Referent::Role { key: key.clone(), country: None }, form: MentionForm::RolePhrase, role: None, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
        } else if is_title
            && role_end == ts + 1
            && arabic::has_article(doc.ftok(ts))
            && !arabic::has_preposition_proclitic(doc.ftok(ts))
            && strong_title(doc, at, ts, false)
            && !(j < doc.tokens().len() && is_name_word(doc, at, j, 0))
        {
            // "وشدد الوزير على …": a definite title alone takes up the one person who holds it
            // in the text (the actors stage resolves it, or leaves it to nobody).
            Some(Mention { name: ts..role_end, phrase: ts..role_end, referent: Referent::Role { key: key.clone(), country: None }, form: MentionForm::RolePhrase, role: None, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
        } else {
            None
        }
    };
    match primary {
        Some(p) => std::iter::once(p).chain(nested).collect(),
        None => nested,
    }
}

/// A complement with fused لل ("for the …") ending a title's body, and its coordinated or
/// definite continuation (للصناعة والتجارة), when a name of at least two words follows it:
/// the end of the complement. Without the name after it, the words may well be the sentence's
/// own ("قال وزير الخارجية للصحفيين إن …").
fn lam_complement_before_name(doc: &Document, at: &HashMap<usize, LexTokens>, j: usize) -> Option<usize> {
    let definite_word = |k: usize, prefixes: &[&str]| {
        let t = &doc.tokens()[k];
        t.is_word && t.script == Script::Arabic && !at.contains_key(&k) && prefixes.iter().any(|p| doc.otok(k).starts_with(p)) && doc.otok(k).chars().count() > 4 && !words::token_is(doc, k, class!("ar.stop"))
    };
    if j >= doc.tokens().len() || !definite_word(j, &["لل"]) {
        return None;
    }
    let mut k = j + 1;
    while k < doc.tokens().len() && k < j + 4 && definite_word(k, &["ال", "وال", "لل"]) {
        k += 1;
    }
    let person_next = at.get(&k).is_some_and(|lt| is_person(Lexicon::builtin(), lt));
    let name_next = k + 1 < doc.tokens().len() && is_name_word(doc, at, k, 0) && is_name_word(doc, at, k + 1, 1);
    (person_next || name_next).then_some(k)
}

/// A definite noun completing a title in the construct (التجارة in مفوض التجارة).
fn is_genitive_complement(doc: &Document, j: usize) -> bool {
    let t = &doc.tokens()[j];
    let w = doc.ftok(j);
    // The article is written with a plain alef (أليكسي is a name, not al-).
    t.is_word && t.script == Script::Arabic && doc.otok(j).starts_with("ال") && arabic::has_article(w) && !arabic::starts_with_conjunction(w)
        && !arabic::has_preposition_proclitic(w) && !words::token_is(doc, j, class!("ar.stop"))
        && !arabic::verb_stems(w).iter().any(|s| Cues::builtin().arabic.contains_key(*s))
}

/// Titles whose rank makes the following words a name, written definite (الرئيس، not رئيس).
/// A title in the construct state (وزير الزراعة) is definite through its complement.
fn strong_title(doc: &Document, at: &HashMap<usize, LexTokens>, ts: usize, in_construct: bool) -> bool {
    let Some(Target::Title { title }) = at.get(&ts).map(|lt| lt.target) else { return false };
    let rank = Lexicon::builtin().titles[title].rank.as_str();
    // A title of several words ending in a definite one (وزيرة المالية) is in the construct.
    let construct_title = at.get(&ts).is_some_and(|lt| lt.end > ts + 1 && arabic::has_article(doc.ftok(lt.end - 1)));
    let definite = in_construct || construct_title || arabic::has_article(doc.ftok(ts)) || at.get(&ts).is_some_and(|lt| lt.canonical.is_some());
    // With its portfolio in the construct (مفوض التجارة) any title names a specific office.
    in_construct || (definite && matches!(rank, "head_of_state" | "head_of_government" | "minister" | "military" | "royal" | "honorific" | "religious"))
}

fn is_person(lexicon: &Lexicon, lt: &LexTokens) -> bool {
    matches!(lt.target, Target::Entity { entity, .. } if lexicon.entities[entity].kind == ActorKind::Person)
}

/// Could token `k` be part of a name the lexicon lacks? Not a function word, cue verb or
/// lexicon form; the article only after the first name word (عبد الفتاح البرهان).
fn is_name_word(doc: &Document, at: &HashMap<usize, LexTokens>, k: usize, position: usize) -> bool {
    let t = &doc.tokens()[k];
    // After بن / ابن / آل a lexicon name is part of this one (عبد العزيز بن سلمان).
    let after_particle = k > 0 && words::token_is(doc, k - 1, class!("ar.name_particle")) && position > 0;
    // Inside a name, a title word without the article is a name word when another name word
    // follows (حسن شيخ محمود): as a title it would be written definite (الشيخ).
    let title_word_inside_name = position > 0
        && at.get(&k).is_some_and(|lt| lt.end == k + 1 && matches!(lt.target, Target::Title { .. }))
        && !doc.otok(k).starts_with("ال")
        && k + 1 < doc.tokens().len()
        && !at.contains_key(&(k + 1))
        && is_name_word(doc, at, k + 1, position + 1);
    if !t.is_word || t.script != Script::Arabic || (at.contains_key(&k) && !after_particle && !title_word_inside_name) {
        return false;
    }
    // A name does not run across punctuation or a line break.
    if k > 0 && doc.text[doc.tokens()[k - 1].end..t.start].contains('\n') {
        return false;
    }
    let w = doc.ftok(k);
    // علي (Ali) folds to the spelling of the preposition على; the written ya tells them apart.
    let ali = doc.otok(k) == "علي";
    // Nor a common noun with the article (… مسرور بارزاني الحكومة الاتحادية: the object).
    if w.chars().count() < 2 || (words::token_is(doc, k, class!("ar.stop", "ar.qualifier", "ar.common_noun", "ar.preposition_pronoun")) && !ali) || is_counterpart(w) {
        return false;
    }
    // A name does not start with the conjunction و (… انتخاب الرئيس وتكليف سلام), unless the
    // و is its first letter (وليد، وائل: listed given names).
    // Right after a given name, though, a و word is the family name (ستيف ويتكوف، مايك والتز):
    // a bare given name is seldom followed by a conjunction.
    let family_after_given = position > 0 && given_names().contains_key(doc.ftok(k - 1)) && !w.starts_with("وال");
    if w.starts_with('و') && w.chars().count() > 4 && !given_names().contains_key(w) && !words::token_is(doc, k, class!("ar.name_particle")) && !family_after_given {
        return false;
    }
    // A possessive pronoun (خصمه "his opponent") ends a common noun, not a name; a written
    // ta marbuta (حمزة) folds to the same letter, so the original spelling decides.
    let original = doc.otok(k);
    if original.ends_with('ه') && original.chars().count() >= 4 && !w.ends_with("الله") {
        return false;
    }
    let cues = &Cues::builtin().arabic;
    if arabic::verb_stems(w).iter().any(|s| cues.contains_key(*s)) {
        return false;
    }
    // A family name with the article ends the name: "فادي الخوري انسحاب …" (the noun after it
    // is the verb's object), "حسن الحاج" but not "… الحاج اعلان".
    // (The second half of a compound given name is no family name: نور الدين زرنوقي.)
    let compound_given = k >= 2 && given_names().contains_key(&format!("{} {}", doc.ftok(k - 2), doc.ftok(k - 1)));
    if position > 1 && arabic::has_article(doc.ftok(k - 1)) && !doc.ftok(k - 1).ends_with("الله") && !compound_given && !arabic::has_article(w) && !words::token_is(doc, k, class!("ar.name_particle")) {
        return false;
    }
    if arabic::has_preposition_proclitic(w) {
        return false;
    }
    // A document issued, in the accusative (بيانا، تصريحاً), is the verb's object, not a name
    // word (خطاب alone may well be a family name).
    if w.strip_suffix('ا').is_some_and(|stem| words::is(class!("ar.document"), stem)) {
        return false;
    }
    // A definite verbal noun of the derived forms (الإفراج، الانسحاب، الاجتماع، الاستئناف)
    // is the object after the name, not a family name: "اقترح سامح حداد الإفراج عن …".
    if position > 0 && is_derived_verbal_noun(w) {
        return false;
    }
    // Nunation marks an indefinite common noun (اتفاقًا), never a name.
    if original.contains(['\u{064B}', '\u{064C}', '\u{064D}']) {
        return false;
    }
    // A preposition fused with a common noun (لحرب، بقرار): the words after a title are the
    // clause's own ("إدانات الرئيس التركي لحرب الإبادة"), not a name.
    let fused_preposition = w.strip_prefix(['ل', 'ب', 'ك']).filter(|rest| rest.chars().count() >= 3);
    if fused_preposition.is_some_and(|rest| words::is(class!("ar.common_noun"), &format!("ال{rest}"))) {
        return false;
    }
    // The article is written with a plain alef; أل with hamza begins foreign names
    // (ألكسندر، أليكسي), which folding would otherwise confuse with it.
    position > 0 || !(original.starts_with("ال") && arabic::has_article(w))
}

/// A definite verbal noun of the derived verb forms, by its shape after the article: إفعال
/// (IV), انفعال / افتعال (VII, VIII), استفعال (X). Folded, إ is written ا.
fn is_derived_verbal_noun(word: &str) -> bool {
    let Some(stem) = word.strip_prefix("ال") else { return false };
    let letters: Vec<char> = stem.chars().collect();
    let long_a_before_last = letters.len() >= 2 && letters[letters.len() - 2] == 'ا';
    match letters.len() {
        5 | 6 => letters[0] == 'ا' && long_a_before_last,
        7 => stem.starts_with("است") && long_a_before_last,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{class, words};

    fn described(text: &str) -> Vec<(String, String, String)> {
        crate::mentions::describe(text)
    }

    #[test]
    fn every_dual_of_the_classes_ends_in_the_duals_alef_nun() {
        // `dual` looks its word up only when it ends so.
        for class in [class!("ar.dual_person"), class!("ar.dual_party")] {
            for word in words::members(class) {
                assert!(word.ends_with("ان"), "{word}");
            }
        }
    }

    #[test]
    fn a_ministry_is_found_after_any_proclitics_without_proclitics_can_remove() {
        // `state_body` takes a word's proclitics off only when وزار starts at one of the
        // places they may leave it: after none, one or two letters.
        for text in ["ورحبت ووزارة الخارجية الإيرانية بالقرار", "وقال بيان لوزارة الخارجية الإيرانية إن", "ونقل وبوزارة الخارجية الإيرانية عن"] {
            let found = described(text);
            assert!(found.iter().any(|(_, referent, _)| referent == "country:ir"), "{text}: {found:?}");
        }
    }

    #[test]
    fn arabic_mention_table() {
        let cases: &[(&str, &str, (&str, &str, &str))] = &[
            ("title + nisba + known name", "قال الرئيس الروسي فلاديمير بوتين إن", ("فلاديمير بوتين", "person:vladimir-putin", "الرئيس الروسي")),
            ("title + nisba + qualifier", "وقال الرئيس الأمريكي السابق ترامب", ("ترامب", "person:donald-trump", "الرئيس الأمريكي السابق")),
            ("unknown name after title", "وقال وزير الخارجية الموريتاني سالم ولد باهي في بيان", ("سالم ولد باهي", "unknown:باهي", "وزير الخارجية الموريتاني")),
            ("compound given name then family name", "وقال الوزير نور الدين زرنوقي إن", ("نور الدين زرنوقي", "unknown:زرنوقي", "الوزير")),
            ("office title, compound given name", "خلال كلمة للأمين العام نور الدين الزرنوقي، الذي", ("نور الدين الزرنوقي", "unknown:الزرنوقي", "الأمين العام")),
            ("office title with its body after لل", "وقال الأمين العام للاتحاد سامي زرنوقي إن", ("سامي زرنوقي", "unknown:زرنوقي", "الأمين العام للاتحاد")),
            ("counterpart phrase", "التقى بوتين نظيره الأمريكي دونالد ترامب", ("دونالد ترامب", "person:donald-trump", "")),
            ("side phrase", "وأكد الجانب الروسي أن", ("الجانب الروسي", "country:ru", "")),
            ("role phrase without name", "وقال الرئيس الفرنسي إن بلاده", ("الرئيس الفرنسي", "role:رييس فرنسي", "")),
            ("organisation by head noun", "وقال حزب الشعوب الديمقراطي المؤيد للأكراد إن", ("حزب الشعوب الديمقراطي", "org:حزب شعوب ديمقراطي", "")),
            ("head noun with proclitic", "وانتقدت لوزارة الزراعة الفرنسية", ("وزارة الزراعة الفرنسية", "org:وزاره زراعه فرنسيه", "")),
            ("full name before acronym", "جهاز الاستخبارات السوفيتية KGB", ("KGB", "org:kgb", "")),
            ("foreign name with hamza alef", "وقال السفير الروسي أليكسي بوروديافكين إن", ("أليكسي بوروديافكين", "unknown:بوروديافكين", "السفير الروسي")),
            ("genealogical name with a lexicon word", "وقال وزير المالية الكويتي سالم بن سلمان إن", ("سالم بن سلمان", "unknown:سلمان", "وزير المالية الكويتي")),
            ("possessive noun is no name", "واتهم الرئيس التركي خصمه بالكذب", ("الرئيس التركي", "role:رييس تركي", "")),
            ("given name without title, proclitic stripped", "وصرح ولرستم عمروف بأن الاتفاق ممكن", ("رستم عمروف", "unknown:عمروف", "")),
            ("head-noun anaphor", "وقالت الحركة إن", ("الحركة", "role:head:حركه", "")),
            ("title with a portfolio in idafa", "وقال وزير الزراعة كريستوف هانسن إن", ("كريستوف هانسن", "unknown:هانسن", "وزير الزراعة")),
            ("head noun beginning with و", "وأعلنت وزارة الدفاع اليابانية أن", ("وزارة الدفاع اليابانية", "org:وزاره دفاع يابانيه", "")),
            ("family name with the article after a title", "وقال الفريق أول خالد الشامي إن", ("خالد الشامي", "unknown:الشامي", "الفريق أول")),
            ("clitics on names", "وبوتين ولترامب", ("بوتين", "person:vladimir-putin", "")),
            ("definite head and adjectives", "وأعلنت الجمعية الخيرية الإسلامية أن", ("الجمعية الخيرية الإسلامية", "org:جمعيه خيريه اسلاميه", "")),
            ("definite head, adjective and purpose", "وقالت الهيئة العليا للإغاثة إن", ("الهيئة العليا للإغاثة", "org:هييه عليا اغاثه", "")),
            ("a known body after و is another actor", "مرشح تحالف الجمهور وحزب العدالة والتنمية الحاكم", ("تحالف الجمهور", "org:تحالف جمهور", "")),
            ("an army is its own actor", "وقال الجيش الكيني إن", ("الجيش الكيني", "org:جيش كيني", "")),
            ("a body's field after it, then the name", "وحذر رئيس الاتحاد التونسي للصناعة والتجارة سمير ماجول من", ("سمير ماجول", "unknown:ماجول", "رئيس الاتحاد التونسي للصناعة والتجارة")),
            ("a title of several words before an unknown name", "أكدت وزيرة المالية طيف سامي أن", ("طيف سامي", "unknown:سامي", "وزيرة المالية")),
            ("a construct chain in the title; a common noun ends the name", "اتهم رئيس حكومة الإقليم مسرور بارزاني الحكومة الاتحادية بالمماطلة", ("مسرور بارزاني", "unknown:بارزاني", "رئيس حكومة الإقليم")),
            ("an embassy is a body", "وقالت السفارة الأمريكية في بيان إنها تدعم الاتفاق", ("السفارة الأمريكية", "org:سفاره امريكيه", "")),
            ("a shared name without its country is the body as written", "وأعرب حزب العمال المعارض في تونس عن تضامنه", ("حزب العمال", "org:حزب عمال", "")),
            ("a definite verbal noun after the name is the object", "واقترح وزير الخارجية سامح حداد الإفراج عن الأسرى", ("سامح حداد", "unknown:حداد", "وزير الخارجية")),
            ("a party named in quotation marks after its head", "أعلن حزب \"النخيل\" اليميني أنه سينسحب", ("حزب \"النخيل\"", "org:حزب نخيل", "")),
            ("a given name spelled otherwise before a known family name", "وقال الرئيس الغاني وليام روتو إن", ("وليام روتو", "person:william-ruto", "الرئيس الغاني")),
            ("a title word without the article inside a name", "وأكد الرئيس حسن شيخ محمود أن", ("حسن شيخ محمود", "unknown:محمود", "الرئيس")),
        ];
        for (name, text, want) in cases {
            let got = described(text);
            let want = (want.0.to_string(), want.1.to_string(), want.2.to_string());
            assert!(got.contains(&want), "{name}: {want:?} not in {got:?}");
        }
        // No body where the adjective agrees with another noun, describes, or the head stands
        // alone; a state's forces stand for the state.
        let not_bodies: &[(&str, &str)] = &[
            ("adjective of the noun before", "وقال وفد الحركة المفاوض إن الاتفاق قريب"),
            ("qualifier", "وقالت الحركة الجديدة إن"),
            ("forces of a state", "وقالت القوات الكينية إنها انسحبت"),
        ];
        for (name, text) in not_bodies {
            let got = described(text);
            assert!(!got.iter().any(|(_, who, _)| who.starts_with("org:")), "{name}: {got:?}");
        }
    }

    #[test]
    fn the_clause_after_a_title_is_no_name() {
        // A noun with nunation, a preposition fused with a common noun, a preposition with a
        // pronoun: the title's clause goes on, nobody is named.
        for text in ["وقّعت رئيسة الوزراء الإيطالية اتفاقًا لدعم الطاقة", "ورغم إدانات الرئيس التركي لحرب الإبادة", "ويقوض استخدام الرئيس الجمهوري لها كأداة"] {
            let got = described(text);
            assert!(!got.iter().any(|(_, who, _)| who.starts_with("unknown:")), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_given_name_after_a_place_head_names_the_place() {
        // An island's or an airport's name may open with a given name, behind a kunya too.
        for text in ["قال الوزير إن الوفد زار جزيرة أبو موسى الكبرى أمس.", "قال الوزير إن الطائرة هبطت في مطار محمد الخامس الدولي أمس."] {
            let got = described(text);
            assert!(!got.iter().any(|(_, who, _)| who.starts_with("unknown:")), "{text}: {got:?}");
        }
        let got = described("قال الوزير محمد الخامس إن الوفد وصل.");
        assert!(got.iter().any(|(_, who, _)| who.starts_with("unknown:")), "{got:?}");
    }

    #[test]
    fn surname_of_an_unknown_person_is_followed() {
        let got = described("وقال وزير الخارجية الموريتاني سالم ولد باهي إن الحوار ممكن. وأضاف باهي أن");
        assert_eq!(got.iter().filter(|(_, who, _)| who == "unknown:باهي").count(), 2, "{got:?}");
    }
}
