//! Stage 3, mentions: where the text names an actor. Lexicon forms are combined with title
//! patterns ("الرئيس الروسي فلاديمير بوتين", "French President Emmanuel Macron"), role phrases
//! ("نظيره الأمريكي", "the Russian president"), "the X side" phrases and the surnames of people
//! the lexicon does not know, once a title has introduced them.

mod arabic;
mod collective;
mod english;
mod tagged;
pub(crate) mod words;
use words::class;

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::lexicon::{Lexicon, NameForm, Target};
use crate::model::ActorKind;
use crate::text::{arabic as arabic_text, Document, Script};

/// What a mention refers to, before actors are merged.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Referent {
    /// A lexicon entity (index into `Lexicon::entities`).
    Known(usize),
    /// A person the lexicon does not know, keyed by the folded surname.
    Unknown(String),
    /// A role phrase without a name, resolved to a person by the actors stage: the folded role
    /// ("رييس روسي", "russian president"), and for a counterpart phrase ("نظيره الأمريكي",
    /// "his Chinese counterpart") the state whose one named person it designates.
    Role { key: String, country: Option<usize> },
    /// Two actors named together by a dual or "the two …" ("الرئيسان", "both sides"): the
    /// last two people (or states and bodies) named before it.
    Pair { persons: bool },
    /// An organisation or group the lexicon does not know, found by its head noun
    /// ("Scottish Fishermen's Federation", "حزب الشعوب الديمقراطي"), keyed by its folded name.
    Organization { key: String, kind: crate::model::ActorKind },
}

/// How the mention names its referent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionForm {
    Name,
    /// A capital or seat of government standing for the state.
    Metonym,
    /// "الجانب الروسي" / "the Russian side".
    Side,
    /// A title or role phrase alone ("the Russian president", "نظيره الأمريكي").
    RolePhrase,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    /// Token range of the name itself (for role phrases and sides: the whole phrase).
    pub name: Range<usize>,
    /// Token range including the title or role before the name.
    pub phrase: Range<usize>,
    pub referent: Referent,
    pub form: MentionForm,
    /// Token range of a title/role that introduces the name (a true title, not "نظيره").
    pub role: Option<Range<usize>>,
    /// Folded role key (title + nationality) for matching later role phrases.
    pub role_key: Option<String>,
    /// The lexicon's spelling, when the text fused it with a preposition (للولايات المتحدة).
    pub canonical: Option<&'static str>,
    /// The role as a reader writes it (title with its article restored: للرئيس → الرئيس).
    pub role_text: Option<String>,
    /// Byte range of the name in the original text, proclitics excluded (filled by `find`).
    pub span: Range<usize>,
    /// The whole phrase as a reader writes it (filled by `find`).
    pub phrase_text: String,
    /// Byte range of the whole phrase (title + name).
    pub phrase_span: Range<usize>,
    /// Proposed by the learned tagger, not found by the lexicon or a pattern.
    pub proposed: bool,
}

/// A lexicon match expressed in tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LexTokens {
    pub end: usize,
    /// Folded byte range of the form itself (without proclitics).
    pub fstart: usize,
    pub fend: usize,
    pub target: Target,
    pub canonical: Option<&'static str>,
}

/// Lexicon matches by the token they start at, with a map's interface: a vector indexed by
/// token, as the rules look a token up several times each (hashing the index was a tenth of
/// the English mention rules' time).
pub(crate) struct TokenMap<K, V> {
    slots: Vec<Option<V>>,
    key: std::marker::PhantomData<K>,
}

impl<V> TokenMap<usize, V> {
    fn with_tokens(n: usize) -> Self {
        TokenMap { slots: std::iter::repeat_with(|| None).take(n).collect(), key: std::marker::PhantomData }
    }

    fn insert(&mut self, token: usize, value: V) {
        self.slots[token] = Some(value);
    }

    pub(crate) fn get(&self, token: &usize) -> Option<&V> {
        self.slots.get(*token).and_then(Option::as_ref)
    }

    pub(crate) fn contains_key(&self, token: &usize) -> bool {
        self.get(token).is_some()
    }

    /// The entries in token order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, &V)> {
        self.slots.iter().enumerate().filter_map(|(token, slot)| slot.as_ref().map(|v| (token, v)))
    }
}

/// Finds all mentions, in text order, non-overlapping. `language` ("ar", "en") chooses the
/// learned tagger that proposes names the rules miss; any other value uses the rules alone.
pub(crate) fn find(doc: &Document, lexicon: &Lexicon, language: &str) -> Vec<Mention> {
    find_with(doc, lexicon, language, crate::ner::Tagger::for_language(language))
}

/// [`find`] with the learned tagger that proposes names the rules miss (`None`: the rules alone).
pub(crate) fn find_with(doc: &Document, lexicon: &Lexicon, language: &str, tagger: Option<&crate::ner::Tagger>) -> Vec<Mention> {
    let mentions = find_in_order(doc, lexicon, language, tagger);
    // A stable sort of the indices, then one move per mention: a mention is a large value,
    // which a sort of the values copies many times.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| (mentions[i].name.start, mentions[i].name.end));
    let mut slots: Vec<Option<Mention>> = mentions.into_iter().map(Some).collect();
    let mut mentions: Vec<Mention> = order.into_iter().filter_map(|i| slots[i].take()).collect();
    bind_appositive_roles(doc, lexicon, &mut mentions);
    given_name_references(doc, lexicon, &mut mentions);
    mentions
}

/// "Sir Keir Starmer … Sir Keir said", "Anwar Ibrahim … Anwar said": a person called by the
/// given name alone, once named in full, is that person — when only one person named in
/// full has that given name.
fn given_name_references(doc: &Document, lexicon: &Lexicon, mentions: &mut [Mention]) {
    let is_person = |m: &Mention| match m.referent {
        Referent::Known(e) => lexicon.entities[e].kind == ActorKind::Person,
        Referent::Unknown(_) => true,
        _ => false,
    };
    let mut full_names: HashMap<&str, Option<Referent>> = HashMap::default();
    for m in mentions.iter().filter(|m| m.form == MentionForm::Name && m.name.len() >= 2 && is_person(m)) {
        // Every word before the family name (a lexicon form may open with "Sir").
        for t in m.name.start..m.name.end - 1 {
            let slot = full_names.entry(doc.ftok(t)).or_insert_with(|| Some(m.referent.clone()));
            if slot.as_ref() != Some(&m.referent) {
                // Two people share the given name: it names neither.
                *slot = None;
            }
        }
    }
    if full_names.is_empty() {
        return;
    }
    let found: Vec<(usize, Referent)> = mentions
        .iter()
        .enumerate()
        // (A lone capitalised word before a verb of saying was taken for a body: "Karim said".)
        .filter(|(_, m)| m.form == MentionForm::Name && m.name.len() == 1 && matches!(m.referent, Referent::Unknown(_) | Referent::Organization { kind: ActorKind::Organization, .. }))
        .filter_map(|(i, m)| full_names.get(doc.ftok(m.name.start)).cloned().flatten().map(|r| (i, r)))
        .collect();
    for (i, referent) in found {
        mentions[i].referent = referent;
    }
}

/// "وزير الخارجية، الأمير خالد بن سعود، …", "The foreign minister, Anna Berg, said": a role
/// phrase and then, after a comma, the person who holds it (perhaps behind an honorific such
/// as الأمير or السفير). The role phrase names that person, and so does the role wherever the
/// text uses it again ("وأضاف وزير الخارجية").
fn bind_appositive_roles(doc: &Document, lexicon: &Lexicon, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (role, person) = (&mentions[i - 1], &mentions[i]);
        if role.form != MentionForm::RolePhrase || !matches!(role.referent, Referent::Role { .. }) || role.phrase.end >= doc.tokens().len() {
            continue;
        }
        let comma = role.phrase.end;
        if !matches!(doc.ftok(comma), "," | "،") || !(comma + 1..=comma + 2).contains(&person.phrase.start) {
            continue;
        }
        let honorifics = (comma + 1..person.phrase.start).all(|t| doc.tokens()[t].script == Script::Arabic && arabic_text::has_article(doc.ftok(t)));
        let is_person = person.form == MentionForm::Name
            && match person.referent {
                Referent::Known(e) => lexicon.entities[e].kind == ActorKind::Person,
                Referent::Unknown(_) => true,
                _ => false,
            };
        if !honorifics || !is_person {
            continue;
        }
        let (referent, key) = (person.referent.clone(), role.role_key.clone());
        mentions[i - 1].referent = referent;
        if mentions[i].role_key.is_none() {
            mentions[i].role_key = key;
        }
    }
}

fn find_in_order(doc: &Document, lexicon: &Lexicon, language: &str, tagger: Option<&crate::ner::Tagger>) -> Vec<Mention> {
    let (mut mentions, at, clipped) = find_tokens(doc, lexicon, language, tagger);
    // Last, a lone capitalised word speaking for itself ("Greenpeace called it …"), where no
    // rule, surname or tagger proposal has found a name.
    let covered = tagged::covered(doc, &mentions, &at);
    let bodies: Vec<(Mention, bool)> = (0..doc.tokens().len())
        .filter(|&i| !covered[i] && doc.tokens()[i].script == Script::Latin && doc.tokens()[i].is_word)
        .filter_map(|i| english::cue_subject_body(doc, &at, i))
        .collect();
    // Words the article writes in lower case somewhere: a common word capitalised by its
    // place. Built once, and only when a sentence opens with a candidate.
    let lowercase: rustc_hash::FxHashSet<&str> = if bodies.iter().any(|(_, opens)| *opens) {
        (0..doc.tokens().len()).filter(|&i| doc.tokens()[i].is_word && doc.tokens()[i].lower).map(|i| doc.ftok(i)).collect()
    } else {
        Default::default()
    };
    let bodies: Vec<Mention> = bodies.into_iter().filter(|(m, opens)| !opens || !lowercase.contains(doc.ftok(m.name.start))).map(|(m, _)| m).collect();
    // A body whose name ends with a country's ("Greenpeace Indonesia") replaces the country's
    // mention there.
    if bodies.iter().any(|b| b.name.len() > 1) {
        let mut after_first = vec![false; doc.tokens().len()];
        for b in bodies.iter().filter(|b| b.name.len() > 1) {
            after_first[b.name.start + 1..b.name.end].iter_mut().for_each(|x| *x = true);
        }
        mentions.retain(|m| !after_first[m.name.start]);
    }
    mentions.extend(bodies);
    // A photo credit closing a caption line ("AFP/Lucia Ortega", "Tomas Berg/ANP",
    // "Photo: EFE/ Ana Ruiz") names the photographer and the agency, no actor.
    if doc.text.contains('/') {
        let credit = photo_credit_tokens(doc);
        mentions.retain(|m| !m.phrase.clone().any(|t| credit[t]));
    }
    // Unnamed collectives speaking ("European leaders criticised", "أشار المشرعون"): a name
    // among their modifiers ("Backbench Labour MPs") is part of the group's name.
    let collectives: Vec<Mention> = (0..doc.tokens().len()).filter_map(|h| collective::at(doc, &at, &covered, h)).collect();
    if !collectives.is_empty() {
        let mut inside = vec![false; doc.tokens().len()];
        for c in &collectives {
            inside[c.phrase.clone()].iter_mut().for_each(|x| *x = true);
        }
        mentions.retain(|m| !inside[m.phrase.start]);
        mentions.extend(collectives);
    }
    // A journalist's byline ("Anna Berg | 02.01.2026", "القاهرة الإخبارية - سامر خليل") names
    // no actor of the story.
    mentions.retain(|m| !is_byline(doc, m));
    // A news outlet cited as the source ("according to a CNN report", "بحسب وكالة مهر
    // للأنباء", "(With EFE Agency)") or in a byline is no actor.
    mentions.retain(|m| !names_a_news_outlet(doc, m));
    // An excerpt cut in the middle of a word ("… said Ms. Sh") leaves a name that is no name.
    mentions.retain(|m| !cut_by_the_end(doc, m));
    // Byte spans: a range starting on a lexicon form starts where the form does, after any
    // proclitics glued to it (وبوتين → بوتين); so does one starting on a word the rules know
    // (وحزب، ونظيره، وخليل).
    let span_of = |r: &Range<usize>| -> Range<usize> {
        let t = &doc.tokens()[r.start];
        let start = match at.get(&r.start) {
            // Past the proclitics of an Arabic word (وبوتين); a Latin word is named whole
            // ("GreenLeft-Labour alliance", not "Labour").
            Some(lt) if t.script == Script::Arabic => doc.original_range(lt.fstart..lt.fend).start,
            Some(_) => t.start,
            None if clipped.contains_key(&r.start) => doc.original_range(clipped[&r.start]..t.fend).start,
            None if t.script == Script::Arabic => {
                let word = doc.ftok(r.start);
                let bare = arabic_text::without_proclitics(word);
                // (Only the conjunction, when the rest is the known word: وكمال is و + كمال, not
                // و + ك + مال.)
                let after_conjunction = word.strip_prefix(['و', 'ف']).filter(|rest| rest.chars().count() >= 3 && is_known_stem(rest));
                let bare = after_conjunction.unwrap_or(bare);
                if bare != word && is_known_stem(bare) {
                    doc.original_range(t.fstart + (word.len() - bare.len())..t.fend).start
                } else {
                    t.start
                }
            }
            None => t.start,
        };
        start..doc.tokens()[r.end - 1].end
    };
    // A title fused with لـ (للرئيس الأمريكي) is written with its article in roles and aliases.
    let written = |r: &Range<usize>| -> String {
        match at.get(&r.start) {
            Some(lt) if lt.canonical.is_some() && matches!(lt.target, Target::Title { .. }) => {
                let title_end = doc.tokens()[lt.end - 1].end;
                format!("{}{}", lt.canonical.unwrap_or_default(), &doc.text[title_end..doc.tokens()[r.end - 1].end])
            }
            _ => doc.text[span_of(r)].to_string(),
        }
    };
    for m in &mut mentions {
        m.span = span_of(&m.name);
        m.phrase_span = span_of(&m.phrase);
        m.phrase_text = written(&m.phrase);
        m.role_text = m.role.as_ref().map(written);
    }
    mentions
}

/// Mentions with their lexicon matches by first token, and for names the tagger found with
/// proclitics glued to them, the folded offset where the name itself starts, by first token.
type Found = (Vec<Mention>, TokenMap<usize, LexTokens>, HashMap<usize, usize>);

fn find_tokens(doc: &Document, lexicon: &Lexicon, language: &str, tagger: Option<&crate::ner::Tagger>) -> Found {
    let mut at: TokenMap<usize, LexTokens> = TokenMap::with_tokens(doc.tokens().len());
    for m in lexicon.scan(doc) {
        let (Some(s), Some(e)) = (doc.token_containing(m.fstart), doc.token_containing(m.fend - 1)) else { continue };
        at.insert(s, LexTokens { end: e + 1, fstart: m.fstart, fend: m.fend, target: m.target, canonical: m.canonical });
    }
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < doc.tokens().len() {
        let found = match doc.tokens()[i].script {
            Script::Arabic => arabic::mentions_at(doc, &at, i),
            _ => english::mentions_at(doc, &at, i),
        };
        if let Some(end) = found.iter().map(|m| m.phrase.end).max() {
            i = end.max(i + 1);
            mentions.extend(found);
            continue;
        }
        if let Some(lt) = at.get(&i) {
            if let Target::Entity { entity, form } = lt.target {
                let form = if form == NameForm::Name { MentionForm::Name } else { MentionForm::Metonym };
                if form == MentionForm::Name || !english::is_place_context(doc, i) {
                    mentions.push(Mention {
                        name: i..lt.end,
                        phrase: i..lt.end,
                        referent: Referent::Known(entity),
                        form,
                        role: None,
                        role_key: None,
                        canonical: lt.canonical,
                        role_text: None,
                        phrase_text: String::new(),
                        span: 0..0,
                        phrase_span: 0..0,
                        proposed: false,
                    });
                }
                i = lt.end;
                continue;
            }
        }
        i += 1;
    }
    bare_surnames_of_someone_else(doc, lexicon, &mut mentions);
    // Surnames first, so that a bare surname the rules can tie to a name already found is not
    // proposed again by the tagger as somebody new; then the tagger's names, then their surnames.
    add_surname_mentions(doc, lexicon, &mut mentions);
    let mut clipped = HashMap::default();
    let mut covered = tagged::covered(doc, &mentions, &at);
    let proposals = tagger.map(|tagger| tagged::tag(doc, language, tagger, &covered)).unwrap_or_default();
    if !proposals.is_empty() {
        for (m, start) in tagged::mentions(doc, &proposals, &mut covered) {
            if let Some(f) = start {
                clipped.insert(m.name.start, f);
            }
            mentions.push(m);
        }
        add_surname_mentions(doc, lexicon, &mut mentions);
    }
    (mentions, at, clipped)
}

/// After a title or a given name has introduced someone ("الفريق أول عبد الفتاح البرهان",
/// "Aino Virtanen"), later bare uses of the surname ("البرهان", "Virtanen") refer to the same
/// person; so do bare surnames of known people once their full name has appeared, even when
/// the surname alone is too common a word for the lexicon to list (نواف سلام … سلام). Likewise a
/// party first named with a lowercase head ("the Confederation party") is then named alone
/// ("Confederation said").
fn add_surname_mentions(doc: &Document, lexicon: &Lexicon, mentions: &mut Vec<Mention>) {
    // Surnames as folded word sequences: the last word, and for names of three words or more
    // the whole family name (كليتشدار أوغلو، von der Leyen), which is tried first.
    // Keyed by the document's own folded words: a name costs one allocation, not one a word.
    let mut surnames: HashMap<Vec<&str>, Referent> = HashMap::default();
    let mut short_companies: Vec<(Vec<&str>, Referent)> = Vec::new();
    for m in mentions.iter() {
        if matches!(m.referent, Referent::Organization { .. }) && m.name.end < m.phrase.end && doc.tokens()[m.name.start].script == Script::Latin {
            let name: Vec<&str> = m.name.clone().filter(|&t| doc.tokens()[t].is_word).map(|t| doc.ftok(t)).collect();
            surnames.entry(name).or_insert_with(|| m.referent.clone());
            continue;
        }
        // "Brenner Steel Corp." then "Brenner Steel": a company is named without its legal form.
        if matches!(m.referent, Referent::Organization { .. }) && doc.tokens()[m.name.start].script == Script::Latin {
            let name: Vec<&str> = m.name.clone().filter(|&t| doc.tokens()[t].is_word).map(|t| doc.ftok(t)).collect();
            if name.len() >= 3 && name.last().is_some_and(|w| words::is(class!("en.legal_form"), w)) {
                short_companies.push((name[..name.len() - 1].to_vec(), m.referent.clone()));
            }
            continue;
        }
        let person = match &m.referent {
            Referent::Unknown(_) => true,
            Referent::Known(e) => lexicon.entities[*e].kind == ActorKind::Person && m.name.len() >= 2,
            _ => false,
        };
        if !person {
            continue;
        }
        let name: Vec<&str> = m.name.clone().filter(|&t| doc.tokens()[t].is_word).map(|t| doc.ftok(t)).collect();
        let Some(&last) = name.last() else { continue };
        if last.chars().count() >= 3 || matches!(m.referent, Referent::Unknown(_)) {
            surnames.entry(vec![last]).or_insert_with(|| m.referent.clone());
        }
        if name.len() >= 3 {
            surnames.entry(name[1..].to_vec()).or_insert_with(|| m.referent.clone());
        }
    }
    // The rules may have taken the short form for a person before ("Brenner Steel added").
    for (short, company) in short_companies {
        for m in mentions.iter_mut().filter(|m| matches!(m.referent, Referent::Unknown(_)) && m.name == m.phrase && m.name.len() == short.len()) {
            if m.name.clone().zip(&short).all(|(t, &w)| doc.ftok(t) == w) {
                m.referent = company.clone();
            }
        }
        surnames.entry(short).or_insert(company);
    }
    if surnames.is_empty() {
        return;
    }
    let longest = surnames.keys().map(Vec::len).max().unwrap_or(1);
    // The first words of the surnames: a word that reads as none of them starts no surname,
    // and most words need no key built.
    let firsts: rustc_hash::FxHashSet<&str> = surnames.keys().filter_map(|k| k.first().copied()).collect();
    // A word that ends as no first word does reads as none of them: no look-up of each of
    // its readings (those look-ups were half a percent of an Arabic article's instructions).
    let endings = words::Endings::of(firsts.iter().copied());
    let mut covered = vec![false; doc.tokens().len()];
    for m in mentions.iter() {
        covered[m.phrase.clone()].iter_mut().for_each(|c| *c = true);
    }
    let mut extra = Vec::new();
    let mut i = 0;
    while i < doc.tokens().len() {
        let t = &doc.tokens()[i];
        if covered[i] || !t.is_word {
            i += 1;
            continue;
        }
        let first_readings = match t.script {
            Script::Arabic if !endings.may_end(doc.ftok(i)) || !words::any_arabic_reading(doc.ftok(i), |r| firsts.contains(r)) => vec![],
            Script::Arabic => words::arabic_readings(doc.ftok(i)),
            // A Latin surname is capitalised: the case first, then the look-up.
            _ if !doc.tokens()[i].upper || !firsts.contains(doc.ftok(i)) => vec![],
            _ => vec![doc.ftok(i).to_string()],
        };
        if first_readings.is_empty() {
            i += 1;
            continue;
        }
        let mut hit = None;
        'len: for n in (1..=longest).rev() {
            if i + n > doc.tokens().len() || (i..i + n).any(|k| covered[k] || !doc.tokens()[k].is_word) {
                continue;
            }
            for first in &first_readings {
                let key: Vec<&str> = std::iter::once(first.as_str()).chain((i + 1..i + n).map(|k| doc.ftok(k))).collect();
                if let Some(referent) = surnames.get(&key) {
                    hit = Some((n, referent.clone()));
                    break 'len;
                }
            }
        }
        match hit {
            Some((n, referent)) => {
                extra.push(Mention::plain(i..i + n, referent, MentionForm::Name));
                i += n;
            }
            None => i += 1,
        }
    }
    mentions.extend(extra);
}

/// A person the lexicon does not know, named on a line of their own with nothing but a date,
/// separators, the outlet's name or a word such as "By", "Published", بقلم، منشور.
fn is_byline(doc: &Document, m: &Mention) -> bool {
    if !matches!(m.referent, Referent::Unknown(_)) || m.phrase != m.name {
        return false;
    }
    // A byline is short (two dates of three numbers each fit): looking no further than a few
    // tokens each way keeps a long line linear.
    const REACH: usize = 16;
    let breaks_line = |a: usize, b: usize| doc.text[doc.tokens()[a].end..doc.tokens()[b].start].contains('\n');
    let mut first = m.name.start;
    while first > 0 && !breaks_line(first - 1, first) {
        if m.name.start - first >= REACH {
            return false;
        }
        first -= 1;
    }
    let mut last = m.name.end;
    while last < doc.tokens().len() && !breaks_line(last - 1, last) {
        if last - m.name.end >= REACH {
            return false;
        }
        last += 1;
    }
    let around = (first..m.name.start).chain(m.name.end..last);
    let plain = |t: usize| {
        let w = doc.ftok(t);
        !doc.tokens()[t].is_word
            || doc.tokens()[t].script == Script::Digit
            || words::token_is(doc, t, class!("en.month", "en.media", "ar.media", "ar.time"))
            || is_byline_word(w)
    };
    let around: Vec<usize> = around.collect();
    // A name alone on its line, the next line opening with the byline's own word ("Samir
    // Haddad⏎Published Sunday 13 October", "سامر خليل⏎منشور الأحد 13 أكتوبر").
    if around.is_empty() {
        return last < doc.tokens().len() && doc.tokens()[last].is_word && matches!(doc.ftok(last), "published" | "updated" | "منشور" | "نشر" | "محدث" | "تحديث");
    }
    // The outlet's own name may stand beside it ("قناة الغد الإخبارية - …").
    let outlet = around.iter().any(|&t| doc.tokens()[t].is_word && words::token_is(doc, t, class!("en.media", "ar.media")));
    let others = around.iter().filter(|&&t| !plain(t)).count();
    // Not a line of the name alone: a heading may be just a name.
    !around.is_empty() && (others == 0 || (outlet && others <= 3))
}

/// Whether a name the lexicon does not know ends on the text's last word, with nothing after
/// it: a text that stops without punctuation was cut, most likely inside that word (a name the
/// lexicon knows is whole whatever follows).
fn cut_by_the_end(doc: &Document, m: &Mention) -> bool {
    matches!(m.referent, Referent::Unknown(_)) && m.name.end == doc.tokens().len() && doc.tokens()[m.name.end - 1].is_word && doc.tokens()[m.name.end - 1].end == doc.text.len()
}

/// Words that open or fill a byline or credit line: "By", "Published", بقلم، منشور، محدث.
fn is_byline_word(w: &str) -> bool {
    matches!(w, "by" | "published" | "updated" | "edited" | "photo" | "بقلم" | "كتب" | "منشور" | "نشر" | "تحديث" | "محدث" | "تحرير" | "تصوير" | "تصميم" | "اعداد" | "مراجعه")
}

/// An organisation the lexicon does not know whose name has a word of the news trade in it
/// ("CNN", "EFE Agency", "Daily Post"), or, in Arabic, is followed by one (وكالة مهر
/// الإيرانية للأنباء).
fn names_a_news_outlet(doc: &Document, m: &Mention) -> bool {
    let media = |t: usize| doc.tokens()[t].is_word && words::token_is(doc, t, class!("en.media", "ar.media"));
    // Taken for a person's name ("Jakarta Post"): no given name first, a word of the trade last.
    if matches!(m.referent, Referent::Unknown(_)) && m.name.len() >= 2 && doc.tokens()[m.name.start].script == Script::Latin {
        return media(m.name.end - 1) && !crate::lexicon::given_names::given_names().contains_key(doc.ftok(m.name.start));
    }
    // A place the lexicon knows before an adjective of the trade names a channel: "القاهرة
    // الإخبارية"، "الصين للأنباء".
    let adjective_of_the_trade = |t: usize| t < doc.tokens().len() && doc.tokens()[t].script == Script::Arabic && matches!(doc.ftok(t), "الاخباريه" | "الاخباري" | "للانباء");
    if matches!(m.referent, Referent::Known(_)) && adjective_of_the_trade(m.name.end) {
        return true;
    }
    if !matches!(m.referent, Referent::Organization { .. }) {
        return false;
    }
    m.name.clone().any(media) || (m.name.end < doc.tokens().len() && doc.tokens()[m.name.end].script == Script::Arabic && media(m.name.end))
}

/// A given name the rules found ("Volodymyr", "وليام") running into a surname the lexicon
/// knows ("Zelenskiy", "روتو"): one name, not two actors. When the given name is the known
/// person's own (compared without vowels and long-vowel letters, which transliterations
/// write differently: وليام / ويليام) it is that person; otherwise it is somebody else of the
/// same family name ("Mike Johnson" is not Boris Johnson). Returns where the name ends and
/// whom it names.
pub(super) fn known_surname_after(doc: &Document, at: &TokenMap<usize, LexTokens>, given: Range<usize>) -> Option<(usize, Referent)> {
    let end = given.end;
    let lt = at.get(&end)?;
    let Target::Entity { entity, .. } = lt.target else { return None };
    let lexicon = Lexicon::builtin();
    let known = &lexicon.entities[entity];
    let surname = &doc.tokens()[end];
    // The surname written whole (وروتو is "and Ruto"), one or two words, on the same line.
    if known.kind != ActorKind::Person || given.is_empty() || lt.fstart != surname.fstart || lt.end > end + 2 || doc.text[doc.tokens()[end - 1].end..surname.start].contains(['\n', ',', '،']) {
        return None;
    }
    let full = if surname.script == Script::Arabic { &known.name_ar } else { &known.name_en };
    let skeleton = |w: &str| -> String { crate::text::fold_str(w).chars().filter(|c| !"aeiouyاويىءأإآ".contains(*c)).collect() };
    let own_given_name = full.split_whitespace().next().is_some_and(|first| skeleton(first) == skeleton(doc.ftok(given.start)));
    let referent = if own_given_name { Referent::Known(entity) } else { Referent::Unknown(doc.ftok(lt.end - 1).to_string()) };
    Some((lt.end, referent))
}

/// Once the text has named somebody else with a known person's family name ("Mike Johnson"),
/// the bare family name is that person, unless the text also names the known one in full.
fn bare_surnames_of_someone_else(doc: &Document, lexicon: &Lexicon, mentions: &mut [Mention]) {
    let others: rustc_hash::FxHashSet<&str> = mentions
        .iter()
        .filter_map(|m| match &m.referent {
            Referent::Unknown(key) if m.name.len() >= 2 => Some(key.as_str()),
            _ => None,
        })
        .collect();
    if others.is_empty() {
        return;
    }
    let named_in_full: rustc_hash::FxHashSet<usize> = mentions
        .iter()
        .filter_map(|m| match m.referent {
            Referent::Known(e) if m.name.len() >= 2 => Some(e),
            _ => None,
        })
        .collect();
    let reassigned: Vec<(usize, String)> = mentions
        .iter()
        .enumerate()
        .filter_map(|(i, m)| match m.referent {
            Referent::Known(e) if m.name.len() == 1 && lexicon.entities[e].kind == ActorKind::Person && !named_in_full.contains(&e) => {
                others.get(doc.ftok(m.name.start)).map(|key| (i, key.to_string()))
            }
            _ => None,
        })
        .collect();
    for (i, key) in reassigned {
        mentions[i].referent = Referent::Unknown(key);
    }
}

impl Mention {
    /// A mention whose name is its whole phrase.
    pub(crate) fn plain(range: Range<usize>, referent: Referent, form: MentionForm) -> Mention {
        Mention { name: range.clone(), phrase: range, referent, form, role: None, role_key: None, canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false }
    }
}

/// A word stem the mention rules recognise after proclitics: a given name, an
/// organisation's head noun, نظير with its pronoun, or جانب/طرف.
fn is_known_stem(bare: &str) -> bool {
    crate::lexicon::given_names::given_names().contains_key(bare)
        || words::is(class!("ar.org_head", "ar.group_head", "ar.side"), bare)
        || arabic_text::strip_enclitic(bare).is_some_and(|stem| words::is(class!("ar.counterpart"), stem))
}

/// The role key of a token range: its folded words without qualifiers ("former", السابق),
/// possessive marks or Arabic clitics, so that "الرئيس الروسي" and "للرئيس الروسي" agree.
pub(crate) fn role_key(doc: &Document, range: Range<usize>) -> String {
    let mut out: Vec<&str> = Vec::new();
    for i in range {
        let t = &doc.tokens()[i];
        if !t.is_word {
            continue;
        }
        let w = doc.ftok(i);
        match t.script {
            Script::Arabic if !words::token_is(doc, i, class!("ar.qualifier")) => {
                // bare_noun takes a و off "وزير" as a conjunction but not off "الوزير" (after
                // the article): a leading و is dropped from both, so that the two forms of a
                // title give one key.
                let bare = arabic_text::bare_noun(w);
                out.push(bare.strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(bare))
            }
            Script::Latin if !words::token_is(doc, i, class!("en.qualifier")) && w != "s" && w != "the" => out.push(w),
            _ => {}
        }
    }
    out.join(" ")
}

/// The country (entity index) a lexicon match names, by name or demonym.
pub(crate) fn country_of(lt: &LexTokens, lexicon: &Lexicon) -> Option<usize> {
    match lt.target {
        Target::Demonym { country } => Some(country),
        Target::Entity { entity, .. } if lexicon.entities[entity].kind == crate::model::ActorKind::Country => Some(entity),
        _ => None,
    }
}

/// The role key of a role as the lexicon writes it (see [`role_key`]).
pub(crate) fn role_key_of(role: &str) -> String {
    let doc = Document::new(role);
    role_key(&doc, 0..doc.tokens().len())
}

/// Test helper: each mention as (name as written, referent key, role as written).
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(String, String, String)> {
    let doc = Document::new(text);
    let lex = Lexicon::builtin();
    find(&doc, lex, crate::language::detect(&doc))
        .into_iter()
        .map(|m| {
            let who = match &m.referent {
                Referent::Known(e) => lex.entities[*e].key.clone(),
                Referent::Unknown(s) => format!("unknown:{s}"),
                Referent::Role { key, .. } => format!("role:{key}"),
                Referent::Organization { key, .. } => format!("org:{key}"),
                Referent::Pair { persons } => format!("pair:{persons}"),
            };
            (doc.text[m.span.clone()].to_string(), who, m.role_text.clone().unwrap_or_default())
        })
        .collect()
}

/// Whether the mention starting at byte `start` is governed by a preposition of place or
/// direction ("in Qatar", "to Washington", "في الدوحة", "إلى المغرب", "من تركيا").
pub(crate) fn is_place(doc: &Document, start: usize) -> bool {
    let Some(t) = doc.token_at(start) else { return false };
    // The preposition may be glued to an Arabic name: بالمغرب، لتركيا — not ل of a title.
    let glued = doc.tokens()[t].script == Script::Arabic && doc.tokens()[t].start < start && doc.text[doc.tokens()[t].start..start].ends_with('ب');
    glued || place_at(doc, t, 2)
}

/// Whether the Arabic name at token `t` follows the head of a place's name, which it completes
/// instead of naming a person: "جزر [أبو موسى]"، "الحرم [القدسي الشريف]"، "مطار [بن غوريون]"
/// (past a kunya or بن the name may start after).
pub(super) fn after_place_head(doc: &Document, t: usize) -> bool {
    let mut before = t;
    while before > 0 && doc.tokens()[before - 1].is_word && t - before < 2 && matches!(doc.ftok(before - 1), "ابو" | "بن" | "ام") {
        before -= 1;
    }
    before > 0 && doc.tokens()[before - 1].is_word && {
        let w = arabic_text::without_proclitics(doc.ftok(before - 1));
        words::is(class!("ar.facility_head", "ar.place_noun"), w) || words::is(class!("ar.facility_head"), arabic_text::bare_noun(w))
    }
}

/// Whether the English name spanning bytes `span` modifies the noun after it instead of naming
/// an actor of its own: an attributive noun before a common noun ("US military intervention",
/// "the Sudan conflict", "U.S. national security") or a part of a treaty's or code's name ("the
/// Paris Agreement", "the Canada Labour Code"). English puts a verb, an auxiliary, a
/// preposition or punctuation after a name that acts ("the UK risked", "Russia will", "the U.S.
/// but"); a plural or third-person -s word is left alone, since it may be either ("Canada
/// says", "US officials"). `before_common_noun`: whether a common noun after the name counts
/// (not for a capital or seat, see the caller).
pub(crate) fn is_modifier(doc: &Document, span: &Range<usize>, before_common_noun: bool) -> bool {
    let (Some(first), Some(t)) = (doc.token_at(span.start), doc.token_at(span.end.saturating_sub(1))) else { return false };
    let next = t + 1;
    if doc.tokens()[first].script != Script::Latin || next >= doc.tokens().len() || !doc.tokens()[next].is_word || !doc.text[doc.tokens()[t].end..doc.tokens()[next].start].chars().all(|c| c == ' ') {
        return false;
    }
    let (word, original) = (doc.ftok(next), doc.otok(next));
    if original.starts_with(char::is_uppercase) {
        return in_a_law_name(doc, span);
    }
    before_common_noun
        && original.starts_with(char::is_lowercase)
        && !words::is(class!("en.stop", "en.auxiliary"), word)
        && !word.ends_with("ed")
        && !word.ends_with('s')
        && !crate::lexicon::cues::Cues::builtin().english.contains_key(word)
}

/// Whether the English name spanning bytes `span` opens a law's, treaty's or code's name, a
/// capitalised run its head noun closes within a few words: "the Paris Agreement", "the Canada
/// Labour Code" (no party), "the Geneva Conventions".
pub(crate) fn in_a_law_name(doc: &Document, span: &Range<usize>) -> bool {
    let (Some(first), Some(t)) = (doc.token_at(span.start), doc.token_at(span.end.saturating_sub(1))) else { return false };
    let next = t + 1;
    if doc.tokens()[first].script != Script::Latin || next >= doc.tokens().len() || !doc.text[doc.tokens()[t].end..doc.tokens()[next].start].chars().all(|c| c == ' ') {
        return false;
    }
    (next..doc.tokens().len().min(next + 3))
        .take_while(|&k| doc.tokens()[k].is_word && doc.tokens()[k].upper)
        .any(|k| words::token_is(doc, k, class!("en.law_name")) || words::is(class!("en.law_name"), doc.ftok(k).trim_end_matches('s')))
}

/// Whether the name at token `t` follows a preposition of place or topic: directly, after an
/// adjective of place ("in neighbouring Serbia"), as the country after its city ("in Bonn,
/// Germany"), or as the next conjunct of such a place ("in Serbia or Ukraine", "في روسيا
/// وأوكرانيا"). `depth` bounds the conjuncts followed back.
fn place_at(doc: &Document, t: usize, depth: usize) -> bool {
    let word_before = |p: usize| p.checked_sub(1).filter(|&q| doc.tokens()[q].is_word);
    match doc.tokens()[t].script {
        Script::Arabic => {
            let before = word_before(t).map(|p| doc.ftok(p));
            before.is_some_and(|w| matches!(w, "في" | "الي" | "من" | "داخل" | "خارج" | "نحو" | "عبر" | "حول" | "بشان"))
                // "في العاصمة السعودية الرياض"، "بالعاصمة نواكشوط": a name after a noun of place
                // names the place.
                || before.is_some_and(|w| words::is(class!("ar.place_noun"), w) || words::is(class!("ar.place_noun"), crate::text::arabic::without_proclitics(w)))
                // Where an event is held, in the construct after its noun: "معرض ومؤتمر أبوظبي
                // الدولي للبترول"، "قمة بغداد".
                || before.is_some_and(|w| words::is(class!("ar.event_noun"), crate::text::arabic::without_proclitics(w)))
                // "العاصمة السعودية الرياض": the noun of place's nisba adjective comes between.
                || (t >= 2 && doc.tokens()[t - 2].is_word && before.is_some_and(is_definite_nisba) && {
                    let w = doc.ftok(t - 2);
                    words::is(class!("ar.place_noun"), w) || words::is(class!("ar.place_noun"), crate::text::arabic::without_proclitics(w))
                })
                || (depth > 0 && doc.ftok(t).starts_with('و') && word_before(t).is_some_and(|p| place_at(doc, p, depth - 1)))
        }
        _ => {
            let preposition = |p: usize| matches!(doc.ftok(p), "in" | "to" | "from" | "into" | "across" | "near" | "at" | "inside" | "outside" | "throughout" | "via" | "about");
            let Some(p) = word_before(t).or_else(|| t.checked_sub(1)) else { return false };
            if doc.tokens()[p].is_word && preposition(p) {
                return true;
            }
            // A destination: "departing for Kuala Lumpur", "a ship bound for Odessa".
            if doc.ftok(p) == "for" && p > 0 && matches!(doc.ftok(p - 1), "depart" | "departs" | "departed" | "departing" | "leave" | "leaves" | "left" | "leaving" | "bound" | "headed" | "heading" | "sailed" | "flew") {
                return true;
            }
            if doc.tokens()[p].is_word && matches!(doc.ftok(p), "neighbouring" | "neighboring" | "northern" | "southern" | "eastern" | "western" | "central") {
                return p > 0 && preposition(p - 1);
            }
            // "in Bonn, Germany", "in Serbia or Ukraine": the token before is a conjunction or a
            // comma after a capitalised place that itself follows a preposition.
            if depth > 0 && matches!(doc.ftok(p), "," | "or" | "and") && p > 0 && doc.tokens()[p - 1].is_word && doc.tokens()[p - 1].upper {
                let mut first = p - 1;
                while first > 0 && doc.tokens()[first - 1].is_word && doc.tokens()[first - 1].upper && p - first < 3 {
                    first -= 1;
                }
                return place_at(doc, first, depth - 1);
            }
            false
        }
    }
}

/// A definite nisba adjective (السعودية، المصري), as it follows the noun it qualifies.
fn is_definite_nisba(w: &str) -> bool {
    arabic_text::has_article(w) && ["ي", "ية", "يه"].iter().any(|s| w.ends_with(s)) && w.chars().count() > 4
}

/// Tokens of photo credits: the words around a slash that stands among the last few words of
/// a line ("… 2025. AFP/Lucia Ortega⏎").
fn photo_credit_tokens(doc: &Document) -> Vec<bool> {
    const REACH: usize = 4;
    let mut credit = vec![false; doc.tokens().len()];
    let line_end = |t: usize| t + 1 >= doc.tokens().len() || doc.text[doc.tokens()[t].end..doc.tokens()[t + 1].start].contains('\n');
    for (i, t) in doc.tokens().iter().enumerate() {
        if t.is_word || doc.ftok(i) != "/" {
            continue;
        }
        // The line ends within a few words after the slash.
        let Some(end) = (i..doc.tokens().len().min(i + REACH + 1)).find(|&k| line_end(k)) else { continue };
        // The credit's words: back to the sentence's full stop or the line's start, at most a few.
        let mut start = i;
        while start > 0 && i - start < REACH && doc.tokens()[start - 1].is_word && !line_end(start - 1) {
            start -= 1;
        }
        credit[start..=end].iter_mut().for_each(|c| *c = true);
    }
    credit
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the first occurrence of `name` in `text` reads as a place.
    fn place(text: &str, name: &str) -> bool {
        let doc = Document::new(text);
        is_place(&doc, text.find(name).expect("name in text"))
    }

    #[test]
    fn a_surname_is_found_after_a_proclitic_and_alone() {
        let text = "وقال جون دوبوا إن المحادثات مفيدة. وأكد دوبوا ذلك، ولدوبوا رأي آخر.";
        let doc = Document::new(text);
        let found = find(&doc, Lexicon::builtin(), "ar");
        let ending = |w: &str| found.iter().filter(|m| doc.ftok(m.name.end - 1) == w).count();
        assert_eq!((ending("دوبوا"), ending("ولدوبوا")), (2, 1), "{found:?}");
    }

    #[test]
    fn a_byline_names_no_actor() {
        for text in [
            "Talks collapse in Geneva\nSamir Haddad | 02.01.2026\nThe envoy spoke.",
            "انهيار المحادثات\nقناة الغد الإخبارية - سامر خليل\nوقال المبعوث إن المحادثات فشلت.",
            // A name alone on its line, the byline's word opening the next.
            "انهيار المحادثات\nسامر خليل\nمنشور الأحد 13 أكتوبر 2024\nوقال المبعوث إن المحادثات فشلت.",
            // A Latin-script byline in an Arabic article, with two dates.
            "انهيار المحادثات\nSamir Haddad  | 02.01.2026 - محدث : 02.01.2026\nوقال المبعوث إن المحادثات فشلت.",
        ] {
            let got = describe(text);
            assert!(!got.iter().any(|(_, who, _)| who.starts_with("unknown:")), "{text}: {got:?}");
        }
        // A name with words of its own on the line is no byline.
        let got = describe("Talks collapse\nSamir Haddad said the talks failed.");
        assert!(got.iter().any(|(_, who, _)| who == "unknown:haddad"), "{got:?}");
    }

    #[test]
    fn a_name_before_a_common_noun_or_a_law_modifies_it() {
        // (text, name, modifies)
        let cases = [
            ("Officials opposed any US military intervention in the region.", "US", true),
            ("The dispute touches U.S. national security.", "U.S.", true),
            ("Aid was cut by the effects of the Sudan conflict.", "Sudan", true),
            ("Both signed the Paris Agreement in 2016.", "Paris", true),
            ("The board invoked the Canada Labour Code on Sunday.", "Canada", true),
            ("The minister warned the UK risked losing its place.", "UK", false),
            ("Russia will respond, the envoy said.", "Russia", false),
            ("The deal with the U.S. but not with Japan", "U.S.", false),
            ("Canada says the tariffs must go.", "Canada", false),
            ("Mexico rejected the offer.", "Mexico", false),
            ("Talks with Mexico. Later", "Mexico", false),
            ("Workers cited the Canada Labour Code.", "Canada", true),
        ];
        for (text, name, modifies) in cases {
            let doc = Document::new(text);
            let s = text.find(name).expect("name in text");
            assert_eq!(is_modifier(&doc, &(s..s + name.len()), true), modifies, "{name} in {text}");
        }
    }

    #[test]
    fn a_country_after_a_preposition_of_place_or_topic_is_a_place() {
        let places = [
            ("Migrants cross from neighbouring Serbia or Ukraine.", "Ukraine"),
            ("Migrants cross from neighbouring Serbia or Ukraine.", "Serbia"),
            ("Talks in Bonn, Germany, were delayed.", "Germany"),
            ("تستمر الحرب في روسيا وأوكرانيا منذ سنوات", "وأوكرانيا"),
            ("وتختلف الدولتان حول سوريا", "سوريا"),
            ("تصريحات الوزيرة بشأن تايوان", "تايوان"),
            // After a noun of place: the Saudi capital, the capital Nouakchott.
            ("عقد الاجتماع في العاصمة السعودية الرياض", "السعودية"),
            ("قال في مؤتمر صحفي بالعاصمة نواكشوط", "نواكشوط"),
            // The capital after the noun of place and its nisba.
            ("عقد الاجتماع في العاصمة السعودية الرياض", "الرياض"),
            // Where an event is held, after the event's noun.
            ("قال الوزير خلال جلسة في معرض ومؤتمر أبوظبي الدولي للبترول", "أبوظبي"),
            ("اختتمت أعمال قمة بغداد أمس", "بغداد"),
            // A destination.
            ("Before departing for Kuala Lumpur, the minister spoke.", "Kuala Lumpur"),
        ];
        for (text, name) in places {
            assert!(place(text, name), "{name} in {text}");
        }
        let actors = [("Serbia and Hungary agreed.", "Hungary"), ("The envoy met Serbia's president.", "Serbia"), ("وقالت روسيا وأوكرانيا إن", "وأوكرانيا")];
        for (text, name) in actors {
            assert!(!place(text, name), "{name} in {text}");
        }
    }
}
