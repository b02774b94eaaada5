//! English mention patterns.
//!
//! Wire copy puts nationality and title before the name: "Russian President Vladimir Putin",
//! "UN Secretary-General Antonio Guterres", "Iran's Foreign Minister Abbas Araghchi", "former
//! President Joe Biden", "Mr Lammy"; alone, "the Russian president" or "his Chinese
//! counterpart" name a person, and "the Russian side" a state.

use super::TokenMap as HashMap;

use super::{country_of, role_key, words::{self, class}, LexTokens, Mention, MentionForm, Referent};
use crate::lexicon::{Lexicon, NameForm, Target};
use crate::model::ActorKind;
use crate::text::{Document, Script};

/// Mentions starting at token `i` from English patterns (primary first), or none.
pub(super) fn mentions_at(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Vec<Mention> {
    if opens_no_pattern(doc, at, i) {
        debug_assert!(patterns_at(doc, at, i).is_empty(), "token {i} ({:?}) opens a pattern", doc.otok(i));
        return vec![];
    }
    patterns_at(doc, at, i)
}

/// Whether no pattern of [`patterns_at`] can start at token `i`: a token without a lexicon
/// form that is not capitalised opens a pattern only as a qualifier before a title ("former
/// President …"), as a body's head noun after "the" ("the party"), or as "the", "both" or
/// "two" of a pair. That is most tokens of a text, and running every pattern on each was 5 %
/// of an English article's instructions. (Debug builds check the answer against the
/// patterns, so every test run over an article checks it.)
fn opens_no_pattern(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> bool {
    doc.tokens()[i].script == Script::Latin
        && !doc.tokens()[i].upper
        && !at.contains_key(&i)
        && !words::token_is(doc, i, class!("en.qualifier", "en.group_head", "en.org_head"))
        && !matches!(doc.ftok(i), "the" | "both" | "two")
}

/// The patterns of [`mentions_at`], tried in turn.
fn patterns_at(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Vec<Mention> {
    let lexicon = Lexicon::builtin();
    if doc.tokens()[i].script != Script::Latin {
        return vec![];
    }
    // Qualifiers, nationality or affiliation, then a title: the role runs from the first.
    let mut j = i;
    let mut country = None;
    let mut nested = Vec::new();
    let mut saw_title = None;
    // An organisation named from token `i`, once looked for (both paths below ask).
    let mut org_at_i: Option<Option<Mention>> = None;
    while j < doc.tokens().len() && j < i + 8 {
        if let Some(lt) = at.get(&j) {
            match lt.target {
                Target::Title { title } => {
                    saw_title = Some(title);
                    j = lt.end;
                    continue;
                }
                Target::Demonym { country: c } if saw_title.is_none() => country = Some(c),
                Target::Entity { entity, form } if saw_title.is_none() && lexicon.entities[entity].kind != ActorKind::Person => {
                    if lexicon.entities[entity].kind == ActorKind::Country {
                        country = Some(entity);
                    }
                    // A capital or seat in a title ("the Kremlin leader") stands for its state.
                    let form = if form == NameForm::Name { MentionForm::Name } else { MentionForm::Metonym };
                    nested.push(Mention { canonical: lt.canonical, ..Mention::plain(j..lt.end, Referent::Known(entity), form) });
                }
                _ => break,
            }
            j = lt.end;
            // "Iran's Foreign Minister": the possessive joins the state to the title.
            if doc.ftok(j.min(doc.tokens().len() - 1)) == "'" && j + 1 < doc.tokens().len() && doc.ftok(j + 1) == "s" {
                j += 2;
            }
        } else if doc.tokens()[j].is_word
            && words::token_is(doc, j, class!("en.qualifier"))
            && saw_title.is_none()
            // "New" opening a body's name ("New Democratic Party leader") is no qualifier.
            && !(j == i && doc.tokens()[j].upper && org_at_i.get_or_insert_with(|| organization(doc, at, i)).is_some())
        {
            j += 1;
        } else if let Some(org) = (if j == i { org_at_i.get_or_insert_with(|| organization(doc, at, i)).clone() } else { organization(doc, at, j) }).filter(|o| saw_title.is_none() && at.get(&past_acronym(doc, o.phrase.end)).is_some_and(|lt| matches!(lt.target, Target::Title { .. }))) {
            // "Commerce Ministry spokesperson He Yadong": a body the lexicon lacks, then a title
            // (past the body's acronym: "Ministry of External Affairs (MEA) spokesperson").
            j = past_acronym(doc, org.phrase.end);
            nested.push(org);
        } else {
            break;
        }
    }
    // "the General Court in Luxembourg": a title opening a body's name is no person's.
    if saw_title.is_some() && at.get(&i).is_some_and(|lt| matches!(lt.target, Target::Title { .. })) {
        // Not when a person is named after the title ("Prime Minister Donald Tusk's Civic
        // Coalition": Tusk, then his party).
        let lexicon = Lexicon::builtin();
        let names_someone = |o: &Mention| {
            (j..o.phrase.end).any(|k| (k > j && doc.ftok(k) == "'") || at.get(&k).is_some_and(|lt| matches!(lt.target, Target::Entity { entity, .. } if lexicon.entities[entity].kind == ActorKind::Person)))
        };
        if let Some(org) = organization(doc, at, i).filter(|o| o.phrase.end >= j && !names_someone(o)) {
            return vec![org];
        }
    }
    let Some(title) = saw_title else {
        return side_phrase(doc, at, i)
            .or_else(|| head_noun_anaphor(doc, at, i))
            .or_else(|| pair(doc, i))
            .or_else(|| org_at_i.unwrap_or_else(|| organization(doc, at, i)))
            .or_else(|| cue_subject_person(doc, at, i))
            .or_else(|| given_name_person(doc, at, i))
            .or_else(|| company_named_with_a_country(doc, at, i))
            .or_else(|| company_named_after_a_country(doc, at, i))
            .into_iter()
            .collect();
    };
    let role_end = j;
    let honorific = lexicon.titles[title].rank == "honorific";
    let role = (!honorific).then_some(i..role_end);
    let key = role_key(doc, i..role_end);
    let primary = if let Some(lt) = at.get(&j).filter(|lt| matches!(lt.target, Target::Entity { entity, .. } if lexicon.entities[entity].kind == ActorKind::Person)) {
        let Target::Entity { entity, .. } = lt.target else { unreachable!() };
        Some(Mention { name: j..lt.end, phrase: i..lt.end, referent: Referent::Known(entity), form: MentionForm::Name, role, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
    } else {
        let end = capitalised_name(doc, at, j);
        if let Some((end, referent)) = (end > j && end <= j + 2).then(|| super::known_surname_after(doc, at, j..end)).flatten() {
            Some(Mention { name: j..end, phrase: i..end, referent, form: MentionForm::Name, role, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
        } else if end > j {
            Some(Mention { name: j..end, phrase: i..end, referent: Referent::Unknown(doc.ftok(end - 1).to_string()), form: MentionForm::Name, role, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
        } else if let Some(m) = appositive_name(doc, at, i, role_end, &role, &key) {
            Some(m)
        } else if country.is_some() || !nested.is_empty() || (!honorific && i > 0 && doc.ftok(i - 1) == "the") {
            // "the Russian president", "the UN chief", "the president": someone named elsewhere.
            Some(Mention { name: i..role_end, phrase: i..role_end, referent: Referent::Role { key: key.clone(), country: None }, form: MentionForm::RolePhrase, role: None, role_key: Some(key), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
        } else {
            None
        }
    };
    match primary {
        Some(p) => std::iter::once(p).chain(nested).collect(),
        None => vec![],
    }
}

/// A role in apposition before the name: "Ukraine's defence minister, Rustem Umerov, …".
fn appositive_name(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize, role_end: usize, role: &Option<std::ops::Range<usize>>, key: &str) -> Option<Mention> {
    let lexicon = Lexicon::builtin();
    let n = doc.tokens().len();
    if role_end + 1 >= n || doc.ftok(role_end) != "," {
        return None;
    }
    let j = role_end + 1;
    let (referent, end) = match at.get(&j) {
        Some(lt) => match lt.target {
            Target::Entity { entity, .. } if lexicon.entities[entity].kind == ActorKind::Person => (Referent::Known(entity), lt.end),
            _ => return None,
        },
        None => {
            let end = capitalised_name(doc, at, j);
            if end < j + 2 {
                return None;
            }
            (Referent::Unknown(doc.ftok(end - 1).to_string()), end)
        }
    };
    // The apposition closes with a comma or the sentence.
    if end < n && !matches!(doc.ftok(end), "," | "." | ";") {
        return None;
    }
    Some(Mention { name: j..end, phrase: i..end, referent, form: MentionForm::Name, role: role.clone(), role_key: Some(key.to_string()), canonical: None, role_text: None, phrase_text: String::new(), span: 0..0, phrase_span: 0..0, proposed: false })
}

/// "the Russian side", "the U.S. side": the state; "his Chinese counterpart": a person of it.
fn side_phrase(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let lt = at.get(&i)?;
    let lexicon = Lexicon::builtin();
    // "Erdogan's government", "Netanyahu's cabinet": a leader's government is their state.
    if let Target::Entity { entity, .. } = lt.target {
        let e = &lexicon.entities[entity];
        if e.kind == ActorKind::Person && lt.end + 1 < doc.tokens().len() && matches!(doc.ftok(lt.end), "'" | "’") {
            if let (Some(home), Some(end)) = (e.home, state_body_after(doc, lt.end)) {
                return Some(Mention::plain(i..end, Referent::Known(home), MentionForm::Side));
            }
        }
    }
    let country = country_of(lt, lexicon)?;
    let next = lt.end;
    if next < doc.tokens().len() && words::token_is(doc, next, class!("en.side")) && i > 0 && doc.ftok(i - 1) == "the" {
        return Some(Mention::plain(i..next + 1, Referent::Known(country), MentionForm::Side));
    }
    // "the Lebanese government", "Ankara's defence ministry": a state's executive named by its
    // adjective or possessive is the state acting.
    if let Some(end) = state_body_after(doc, next) {
        return Some(Mention::plain(i..end, Referent::Known(country), MentionForm::Side));
    }
    (next < doc.tokens().len() && words::token_is(doc, next, class!("en.counterpart"))).then(|| {
        let key = role_key(doc, i..next + 1);
        Mention::plain(i..next + 1, Referent::Role { key, country: Some(country) }, MentionForm::RolePhrase)
    })
}

/// "U.S. Steel", "China Mobile": a country's name then one capitalised word the lexicon lacks,
/// ending the name (a lower-case word or punctuation follows), is a company's name. Not a
/// title or a body the lexicon or the rules know ("U.S. President …", "U.S. Army"), nor a day
/// or a month ("Ukraine Monday").
fn company_named_after_a_country(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let lt = at.get(&i)?;
    let lexicon = Lexicon::builtin();
    let Target::Entity { entity, form: NameForm::Name } = lt.target else { return None };
    if lexicon.entities[entity].kind != ActorKind::Country {
        return None;
    }
    let (word, n) = (lt.end, doc.tokens().len());
    if word >= n || at.contains_key(&word) || !doc.tokens()[word].is_word || doc.tokens()[word].script != Script::Latin || !doc.tokens()[word].upper {
        return None;
    }
    // One space between, on one line.
    if &doc.text[doc.tokens()[word - 1].end..doc.tokens()[word].start] != " " {
        return None;
    }
    let w = doc.ftok(word);
    if w.chars().count() < 3 || w.ends_with('s') || words::token_is(doc, word, class!("en.stop", "en.time", "en.qualifier", "en.preposition", "en.place_preposition", "en.org_head", "en.group_head", "en.side", "en.counterpart", "en.collective")) {
        return None;
    }
    let closes = word + 1 >= n || !doc.tokens()[word + 1].is_word || doc.tokens()[word + 1].lower;
    let key = (i..word + 1).filter(|&t| doc.tokens()[t].is_word).map(|t| doc.ftok(t)).collect::<Vec<_>>().join(" ");
    closes.then(|| Mention::plain(i..word + 1, Referent::Organization { key, kind: ActorKind::Organization }, MentionForm::Name))
}

/// "Air Chile", "Air India", "Royal Jordanian": a capitalised word the lexicon lacks right
/// before a country's name, inside a sentence, makes a company's name; the country is not
/// the one acting.
fn company_named_with_a_country(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let n = doc.tokens().len();
    if i + 1 >= n || at.contains_key(&i) || !doc.tokens()[i].is_word || !doc.tokens()[i].upper {
        return None;
    }
    let w = doc.ftok(i);
    if w.chars().count() < 3 || words::token_is(doc, i, class!("en.stop", "en.time", "en.qualifier", "en.preposition", "en.place_preposition")) || matches!(w, "north" | "south" | "east" | "west" | "northern" | "southern" | "eastern" | "western" | "central" | "greater" | "new" | "mainland" | "democratic" | "republic") {
        return None;
    }
    // At the start of a sentence any word is capitalised: not an adverb there ("Meanwhile
    // Canada …", "Today Canada …").
    let inside = i > 0 && (doc.tokens()[i - 1].is_word || matches!(doc.ftok(i - 1), "," | "(")) && !doc.text[doc.tokens()[i - 1].end..doc.tokens()[i].start].contains('\n');
    let adverb = w.ends_with("ly") || matches!(w, "meanwhile" | "today" | "yesterday" | "tomorrow" | "however" | "still" | "now" | "then" | "there" | "here" | "also" | "only" | "even" | "since" | "while" | "when" | "after" | "before" | "why" | "how" | "what" | "where" | "once" | "if" | "unlike" | "like" | "both" | "all" | "neither" | "either");
    if !inside && adverb {
        return None;
    }
    // One space between: a tab or a line break separates cells ("Issue\tUnited Kingdom").
    if &doc.text[doc.tokens()[i].end..doc.tokens()[i + 1].start] != " " {
        return None;
    }
    let lt = at.get(&(i + 1))?;
    let lexicon = Lexicon::builtin();
    match lt.target {
        Target::Entity { entity, form: NameForm::Name } if lexicon.entities[entity].kind == ActorKind::Country => {
            let key = (i..lt.end).map(|t| doc.ftok(t)).collect::<Vec<_>>().join(" ");
            Some(Mention::plain(i..lt.end, Referent::Organization { key, kind: ActorKind::Organization }, MentionForm::Name))
        }
        _ => None,
    }
}

/// The end of a state body's name ("government", "foreign ministry") starting at `k`, or at
/// `k + 2` after a possessive 's.
fn state_body_after(doc: &Document, k: usize) -> Option<usize> {
    let n = doc.tokens().len();
    let k = if k + 1 < n && matches!(doc.ftok(k), "'" | "’") && doc.ftok(k + 1) == "s" { k + 2 } else { k };
    if k >= n || !doc.tokens()[k].is_word || doc.tokens()[k].upper {
        return None;
    }
    if k + 1 < n && words::token_opens_phrase(doc, k, class!("en.state_body")) {
        return Some(k + 2);
    }
    // Not a modifier of another noun: "government forces", "government bonds".
    let followed_by_noun = k + 1 < n && doc.tokens()[k + 1].is_word && !words::token_is(doc, k + 1, class!("en.stop")) && doc.tokens()[k + 1].lower
        && crate::lexicon::cues::Cues::builtin().english_at(doc.ftok(k + 1), |d| (k + 1 + d < n).then(|| doc.ftok(k + 1 + d))).is_none()
        && !matches!(doc.ftok(k + 1), "has" | "have" | "had" | "was" | "is" | "will" | "would" | "also" | "on" | "in" | "said");
    (words::token_is(doc, k, class!("en.state_body")) && !followed_by_noun).then_some(k + 1)
}

/// End of a run of capitalised words (with name particles such as bin, al-, von, de inside)
/// starting at `j`; at most four words.
pub(super) fn capitalised_name(doc: &Document, at: &HashMap<usize, LexTokens>, j: usize) -> usize {
    let mut k = j;
    let mut words_in_name = 0;
    while k < doc.tokens().len() && words_in_name < 4 {
        let t = &doc.tokens()[k];
        // A lexicon form inside a name word ("al-Houthi") does not end the name; one that is
        // the word does.
        let lexicon_word = at.get(&k).is_some_and(|lt| lt.fstart == t.fstart);
        if !t.is_word || t.script != Script::Latin || lexicon_word {
            break;
        }
        if k > j && doc.text[doc.tokens()[k - 1].end..t.start].contains(['\n', '\t']) {
            break;
        }
        let original = doc.otok(k);
        // "al-Houthi", "bin-Salman": a lowercase particle joined to a capitalised name.
        let joined_particle = original.split_once('-').is_some_and(|(p, rest)| {
            words::is(class!("en.name_particle"), &p.to_lowercase()) && rest.chars().next().is_some_and(char::is_uppercase)
        });
        let capitalised = original.chars().next().is_some_and(char::is_uppercase) || joined_particle;
        let next_capitalised = k + 1 < doc.tokens().len() && doc.tokens()[k + 1].is_word && doc.tokens()[k + 1].upper;
        // Particles inside a name, also chained: "bin Salman", "van der Leyen", "de la Cruz".
        let particle_chain_ends_capitalised = (k + 1..doc.tokens().len().min(k + 4))
            .find(|&n| !words::token_is(doc, n, class!("en.name_particle")))
            .is_some_and(|n| doc.tokens()[n].is_word && doc.tokens()[n].upper);
        let particle = k > j && words::token_is(doc, k, class!("en.name_particle")) && particle_chain_ends_capitalised;
        // A Chinese family name may look like a function word ("Vice Premier He Lifeng"):
        // right after a title and before another capitalised word it is a name.
        let family_name = k == j && next_capitalised && !at.contains_key(&(k + 1));
        if !(capitalised || particle) || (capitalised && words::token_is(doc, k, class!("en.stop")) && !family_name) {
            break;
        }
        // "Solicitor General D. John Sauer": an initial and its full stop, then the name goes on.
        let initial = original.chars().count() == 1
            && k + 2 < doc.tokens().len()
            && doc.ftok(k + 1) == "."
            && doc.tokens()[k].end == doc.tokens()[k + 1].start
            && doc.tokens()[k + 2].is_word
            && doc.tokens()[k + 2].upper;
        k += if initial { 2 } else { 1 };
        words_in_name += 1;
    }
    // A name does not end on a particle.
    while k > j && words::token_is(doc, k - 1, class!("en.name_particle")) {
        k -= 1;
    }
    k
}

/// The token after a body's acronym in brackets at `k` ("(MEA)"), or `k` when there is none.
fn past_acronym(doc: &Document, k: usize) -> usize {
    let acronym = k + 2 < doc.tokens().len() && doc.ftok(k) == "(" && doc.ftok(k + 2) == ")" && doc.tokens()[k + 1].is_word && doc.otok(k + 1).chars().all(|c| c.is_ascii_uppercase());
    if acronym {
        k + 3
    } else {
        k
    }
}

/// A capital or seat after "in"/"at" is a place, not the government (met in Moscow); so is
/// a dateline ("BAKU —", "القاهرة –" at the start of a line).
pub(crate) fn is_place_context(doc: &Document, i: usize) -> bool {
    let line_start = i == 0 || doc.text[doc.tokens()[i - 1].end..doc.tokens()[i].start].contains('\n');
    let dash_follows = (i + 1..(i + 4).min(doc.tokens().len())).find(|&t| !doc.tokens()[t].is_word).is_some_and(|t| matches!(doc.ftok(t), "—" | "–" | "-" | "(" | ":"));
    if line_start && dash_follows {
        return true;
    }
    let mut p = i;
    while p > 0 {
        p -= 1;
        let w = doc.ftok(p);
        if w == "the" {
            continue;
        }
        return match doc.tokens()[p].script {
            Script::Arabic => words::token_is(doc, p, class!("ar.place_preposition")),
            _ => words::token_is(doc, p, class!("en.place_preposition")),
        };
    }
    false
}

/// Words that may join a capitalised run: "Chamber of Commerce", "Fishermen's Federation".
fn capitalised_run(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> usize {
    let lexicon = Lexicon::builtin();
    let n = doc.tokens().len();
    let (mut k, mut last) = (i, i);
    while k < n && k < i + 10 {
        // A name does not run across a line break or a table cell.
        if k > i && doc.text[doc.tokens()[k - 1].end..doc.tokens()[k].start].contains(['\n', '\t']) {
            break;
        }
        if let Some(lt) = at.get(&k) {
            let modifier = match lt.target {
                Target::Demonym { .. } => true,
                Target::Entity { entity, .. } => lexicon.entities[entity].kind != ActorKind::Person,
                // A title opening a body's name: "General Court", "Prime Minister's Office".
                Target::Title { .. } => k == i,
            };
            if !modifier {
                break;
            }
            k = lt.end;
            last = k;
            continue;
        }
        let t = &doc.tokens()[k];
        let w = doc.ftok(k);
        let capitalised = t.is_word && t.script == Script::Latin && doc.tokens()[k].upper;
        if capitalised && !words::token_is(doc, k, class!("en.stop")) {
            k += 1;
            last = k;
        } else if k > i && matches!(w, "of" | "for" | "and" | "&" | "on" | "the") && k + 1 < n && doc.tokens()[k + 1].upper {
            k += 1;
        } else if k > i && w == "'" && k + 2 < n && doc.ftok(k + 1) == "s" {
            k += 2;
        } else {
            break;
        }
    }
    last
}

fn starts_run(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens()[i];
    if !(t.is_word && t.script == Script::Latin && doc.tokens()[i].upper) || words::token_is(doc, i, class!("en.stop")) {
        return false;
    }
    i == 0 || {
        let p = &doc.tokens()[i - 1];
        !(p.is_word && p.script == Script::Latin && doc.tokens()[i - 1].upper && !words::token_is(doc, i - 1, class!("en.stop")))
            || doc.text[p.end..t.start].contains('\n')
    }
}

/// An organisation named by a head noun at the end of a capitalised run: "the Scottish
/// Fishermen's Federation", "U.S. Chamber of Commerce", "Least Developed Countries group".
pub(super) fn organization(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    if !starts_run(doc, i) && !at.contains_key(&i) {
        return None;
    }
    let mut end = capitalised_run(doc, at, i);
    // "Orion Mining Corporation and Delta Copper Corp.": an "and" right after a head
    // noun joins two bodies, not the words of one name ("Law and Justice").
    if let Some(and) = (i + 1..end).find(|&k| doc.ftok(k) == "and" && words::token_is(doc, k - 1, class!("en.org_head"))) {
        end = and;
    }
    // "the Law and Justice party", "the FNV union", "the Maersk company".
    let lowercase_head = end < doc.tokens().len() && end > i && words::token_is(doc, end, class!("en.named_by_lowercase_head")) && doc.tokens()[end].lower;
    if lowercase_head {
        end += 1;
    }
    // Head nouns outside the lexicon forms of the run ("Union" of "European Union" is not one).
    let mut in_lexicon = vec![false; end - i];
    for k in i..end {
        if let Some(lt) = at.get(&k) {
            if extends_known_body(doc, at, i, k, end) {
                continue;
            }
            for c in k..lt.end.min(end) {
                in_lexicon[c - i] = true;
            }
        }
    }
    let heads: Vec<usize> = (i..end)
        .filter(|&k| !in_lexicon[k - i] && (words::token_is(doc, k, class!("en.org_head", "en.group_head")) || (lowercase_head && k == end - 1)))
        .collect();
    let &head = heads.last()?;
    // A head alone ("Ministry") is generic; a name needs a modifier or an "of" complement.
    // A name ending in "Act" or "Treaty" names a law, whatever body it mentions
    // ("the International Emergency Economic Powers Act").
    if end - i < 2 || words::token_is(doc, end - 1, class!("en.law_name")) {
        return None;
    }
    let kind = if words::token_is(doc, head, class!("en.group_head")) { ActorKind::Group } else { ActorKind::Organization };
    // "the Law and Justice party": the party's name is the capitalised part, which the article
    // then uses alone ("accused Law and Justice of …"); "party" is part of the phrase only.
    let name_end = if lowercase_head && end - 1 > i { end - 1 } else { end };
    // "Beijing's Commerce Ministry": a state's possessive before the body's name is whose it is,
    // not part of the name ("the Commerce Ministry" later).
    let name_start = at
        .get(&i)
        .filter(|lt| country_of(lt, Lexicon::builtin()).is_some() && lt.end + 2 < name_end && matches!(doc.ftok(lt.end), "'" | "’") && doc.ftok(lt.end + 1) == "s")
        .map_or(i, |lt| lt.end + 2);
    let key = (name_start..name_end).filter(|&k| doc.tokens()[k].is_word).map(|k| doc.ftok(k)).collect::<Vec<_>>().join(" ");
    let mut mention = Mention::plain(i..end, Referent::Organization { key, kind }, MentionForm::Name);
    mention.name = name_start..name_end;
    Some(mention)
}

/// Whether the lexicon's body at `k` is only the end of a longer name that starts at `i`
/// with plain capitalised words: Canada's "New Democratic Party" is not the US "Democratic
/// Party". Not at the start of a sentence, where any word is capitalised.
fn extends_known_body(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize, k: usize, end: usize) -> bool {
    let lexicon = Lexicon::builtin();
    let Some(Target::Entity { entity, .. }) = at.get(&k).map(|lt| lt.target) else { return false };
    let body = matches!(lexicon.entities[entity].kind, ActorKind::Organization | ActorKind::Group);
    let sentence_start = i == 0 || {
        let p = i - 1;
        (!doc.tokens()[p].is_word && matches!(doc.ftok(p), "." | "!" | "?" | ":" | "\"" | "“")) || doc.text[doc.tokens()[p].end..doc.tokens()[i].start].contains('\n')
    };
    body && k > i
        && at.get(&k).is_some_and(|lt| lt.end == end)
        && !sentence_start
        && (i..k).all(|p| !at.contains_key(&p) && doc.tokens()[p].is_word && !words::token_is(doc, p, class!("en.stop")))
}

/// A person the lexicon lacks, named by two or three capitalised words as the subject of a
/// stance cue: "Rustem Umerov said", "Evans Njewa, who chairs …, warned", "said Vladimir
/// Medinsky".
pub(super) fn cue_subject_person(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    if !starts_run(doc, i) || at.contains_key(&i) {
        return None;
    }
    let n = doc.tokens().len();
    let mut end = i;
    while end < n && end - i < 6 {
        let t = &doc.tokens()[end];
        let ok = t.is_word && t.script == Script::Latin && !at.contains_key(&end) && doc.tokens()[end].upper
            && !words::token_is(doc, end, class!("en.stop", "en.org_head", "en.group_head"));
        if !ok || (end > i && doc.text[doc.tokens()[end - 1].end..t.start].contains('\n')) {
            break;
        }
        end += 1;
    }
    if end - i < 2 || (end < n && doc.tokens()[end].is_word && doc.tokens()[end].upper) {
        return None;
    }
    let cues = crate::lexicon::cues::Cues::builtin();
    let is_cue = |k: usize| k < n && cues.english_at(doc.ftok(k), |d| (k + d < n).then(|| doc.ftok(k + d))).is_some();
    // (Past auxiliaries and adverbs: "Jamieson Greer also said".)
    let after = is_cue(verb_after_subject(doc, end))
        || (end < n && doc.ftok(end) == "," && (end + 1..(end + 12).min(n)).find(|&k| doc.ftok(k) == ",").is_some_and(|c| is_cue(c + 1)));
    let before = i >= 1 && is_cue(i - 1) && i >= 2 && matches!(doc.ftok(i - 2), "," | "\"" | "”" | "'");
    if !(after || before) {
        return None;
    }
    // A longer run is a role the lexicon lacks, then the name: "Trade Representative Jamieson
    // Greer said" — the name is the last two words.
    let name_start = if end - i > 3 { end - 2 } else { i };
    let mut m = Mention::plain(name_start..end, Referent::Unknown(doc.ftok(end - 1).to_string()), MentionForm::Name);
    if name_start > i {
        m.phrase = i..end;
        m.role = Some(i..name_start);
        m.role_key = Some(role_key(doc, i..name_start));
    }
    Some(m)
}

/// Where the verb of a subject that ends before token `from` is, past auxiliaries and adverbs
/// ("have also raised", "later warned", "has repeatedly said", "will now"): at most three such
/// words.
pub(super) fn verb_after_subject(doc: &Document, from: usize) -> usize {
    let n = doc.tokens().len();
    let mut v = from;
    while v < n
        && v < from + 4
        && doc.tokens()[v].is_word
        && (words::token_is(doc, v, class!("en.auxiliary"))
            || matches!(doc.ftok(v), "have" | "has" | "had" | "are" | "were" | "already" | "also" | "still" | "now" | "later" | "again" | "then")
            || (doc.ftok(v).ends_with("ly") && v + 1 < n && doc.tokens()[v + 1].is_word))
    {
        v += 1;
    }
    v
}

/// One capitalised word the lexicon lacks, right before a stance cue, is a body speaking for
/// itself: "Greenpeace called it a betrayal", "…, while Tesla warned". Returns the mention and
/// whether it opens a sentence: there any word is capitalised ("Officials said", "Police
/// said"), so the caller keeps it only if the article never writes the word in lower case;
/// plurals and a few collective nouns are not taken there at all. Never after a dateline
/// ("WARSAW — Poles vote"). A person is named with a given name first (see
/// `cue_subject_person`). The last resort: tried only on words that no rule, surname or tagger
/// proposal has taken.
pub(super) fn cue_subject_body(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<(Mention, bool)> {
    let n = doc.tokens().len();
    if !starts_run(doc, i) || at.contains_key(&i) || i + 1 >= n {
        return None;
    }
    let w = doc.ftok(i);
    // The token before, past control characters (a NUL pasted after a full stop).
    let mut before = i;
    while before > 0 && doc.ftok(before - 1).chars().all(char::is_control) {
        before -= 1;
    }
    let line_start = before == 0 || doc.text[doc.tokens()[before - 1].end..doc.tokens()[i].start].contains('\n');
    let inside_sentence = !line_start && (doc.tokens()[before - 1].is_word || matches!(doc.ftok(before - 1), "," | ":" | ";"));
    let sentence_start = line_start || matches!(doc.ftok(before - 1), "." | "!" | "?" | "\"" | "“");
    let opener_ok = !w.ends_with('s')
        && !matches!(
            w,
            "police" | "military" | "government" | "army" | "everyone" | "nobody" | "someone" | "somebody" | "many" | "few" | "both" | "neither"
                | "either" | "each" | "most" | "some" | "another" | "other" | "along" | "such" | "every" | "all" | "none" | "one" | "several"
        );
    // A capitalised word ("Greenpeace") or an acronym ("FNV said"): no ordinary word is
    // written all in capitals, even at the start of a sentence.
    let original = doc.otok(i);
    let acronym = (2..=6).contains(&original.len()) && original.bytes().all(|b| b.is_ascii_uppercase());
    // "We’re introducing": a pronoun with a contracted verb is no body.
    let contraction = w.split_once('\'').is_some_and(|(head, _)| words::is(class!("en.stop", "en.pronoun_male", "en.pronoun_female", "en.pronoun_plural"), head));
    let plain = doc.tokens()[i].script == Script::Latin
        && !contraction
        && (acronym || (w.chars().count() >= 3 && original.chars().nth(1).is_some_and(char::is_lowercase)))
        && !words::token_is(doc, i, class!("en.stop", "en.org_head", "en.group_head", "en.qualifier", "en.time", "en.pronoun_male", "en.pronoun_female", "en.pronoun_plural"));
    // "Greenpeace Indonesia welcomed …": a country's name ending the body's.
    let lexicon = Lexicon::builtin();
    let name_end = match at.get(&(i + 1)).map(|lt| (lt.end, lt.target)) {
        Some((end, Target::Entity { entity, form: NameForm::Name })) if lexicon.entities[entity].kind == ActorKind::Country && end < n => end,
        _ => i + 1,
    };
    // "Codelco, which produces a tenth of the world's copper, said …": a relative clause
    // between the name and its verb.
    let next = if doc.ftok(name_end) == "," && name_end + 1 < n && matches!(doc.ftok(name_end + 1), "which" | "who") {
        match (name_end + 2..n.min(name_end + 30)).take_while(|&t| !matches!(doc.ftok(t), "." | ";" | ":" | "\"" | "“" | "”")).find(|&t| doc.ftok(t) == ",") {
            Some(close) if close + 1 < n => close + 1,
            _ => return None,
        }
    } else {
        name_end
    };
    // "Greenpeace also called …", "Kast has repeatedly warned …".
    let next = verb_after_subject(doc, next);
    if next >= n {
        return None;
    }
    // The verb is written in lower case: "Other Voices" is a title, not a body voicing.
    let cue = doc.tokens()[next].is_word
        && !at.contains_key(&next)
        && doc.tokens()[next].lower
        && crate::lexicon::cues::Cues::builtin().english_at(doc.ftok(next), |d| (next + d < doc.tokens().len()).then(|| doc.ftok(next + d))).is_some();
    let placed = inside_sentence || (sentence_start && opener_ok);
    (placed && plain && cue).then(|| {
        let key = (i..name_end).map(|t| doc.ftok(t)).collect::<Vec<_>>().join(" ");
        (Mention::plain(i..name_end, Referent::Organization { key, kind: ActorKind::Organization }, MentionForm::Name), !inside_sentence)
    })
}

/// A known given name followed by one or two capitalised words is a person ("Rustem
/// Umerov", "Chandni Raina"), title or not.
fn given_name_person(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    if !starts_run(doc, i) || at.contains_key(&i) || !crate::lexicon::given_names::given_names().contains_key(doc.ftok(i)) {
        return None;
    }
    let end = capitalised_name(doc, at, i);
    if end == i + 1 {
        if let Some((end, referent)) = super::known_surname_after(doc, at, i..end) {
            return Some(Mention::plain(i..end, referent, MentionForm::Name));
        }
    }
    let end = end.min(i + 3);
    let blocked = (i + 1..end).any(|k| words::token_is(doc, k, class!("en.org_head", "en.group_head")));
    (end >= i + 2 && !blocked).then(|| Mention::plain(i..end, Referent::Unknown(doc.ftok(end - 1).to_string()), MentionForm::Name))
}

/// "the party", "the movement", "the group" refer back to the body last named with that
/// head noun.
fn head_noun_anaphor(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let w = doc.ftok(i);
    if i == 0 || doc.ftok(i - 1) != "the" || at.contains_key(&i) || !doc.tokens()[i].lower {
        return None;
    }
    if !words::token_is(doc, i, class!("en.group_head", "en.org_head")) {
        return None;
    }
    // "the party leadership": a modifier, not the body itself.
    let next_is_noun = i + 1 < doc.tokens().len() && doc.tokens()[i + 1].is_word && !words::token_is(doc, i + 1, class!("en.stop")) && !crate::lexicon::cues::Cues::builtin().english.contains_key(doc.ftok(i + 1));
    (!next_is_noun).then(|| Mention::plain(i..i + 1, Referent::Role { key: format!("head:{w}"), country: None }, MentionForm::RolePhrase))
}

/// "the two leaders", "both sides": the two actors last mentioned.
fn pair(doc: &Document, i: usize) -> Option<Mention> {
    let w = doc.ftok(i);
    // "The companies said …" after two bodies named together: the pair (the noun is checked
    // below to be a pair noun; "the" alone is only taken before companies and firms).
    if w == "the" && i + 1 < doc.tokens().len() && matches!(doc.ftok(i + 1), "companies" | "firms") {
        return Some(Mention::plain(i..i + 2, Referent::Pair { persons: false }, MentionForm::RolePhrase));
    }
    let start = match w {
        "both" => i,
        "two" if i > 0 && doc.ftok(i - 1) == "the" => i - 1,
        _ => return None,
    };
    let noun = doc.ftok((i + 1).min(doc.tokens().len() - 1));
    let persons = if i + 1 < doc.tokens().len() && words::is(class!("en.pair_person"), noun) {
        true
    } else if i + 1 < doc.tokens().len() && words::is(class!("en.pair_party"), noun) {
        false
    } else {
        return None;
    };
    Some(Mention::plain(start..i + 2, Referent::Pair { persons }, MentionForm::RolePhrase))
}

#[cfg(test)]
mod tests {

    fn described(text: &str) -> Vec<(String, String, String)> {
        crate::mentions::describe(text)
    }

    #[test]
    fn english_mention_table() {
        let cases: &[(&str, &str, (&str, &str, &str))] = &[
            ("demonym title known name", "Russian President Vladimir Putin said", ("Vladimir Putin", "person:vladimir-putin", "Russian President")),
            ("unknown name after title", "Finnish Foreign Minister Aino Virtanen said", ("Aino Virtanen", "unknown:virtanen", "Finnish Foreign Minister")),
            ("body and its acronym before a title", "said Ministry of Coastal Affairs (MCA) spokesperson Ravi Menon.", ("Ravi Menon", "unknown:menon", "Ministry of Coastal Affairs (MCA) spokesperson")),
            ("possessive state before title", "Iran's Foreign Minister Karim Sadeghi said", ("Karim Sadeghi", "unknown:sadeghi", "Iran's Foreign Minister")),
            ("role phrase alone", "the Russian president said", ("Russian president", "role:russian president", "")),
            ("side phrase", "the Russian side insisted", ("Russian side", "country:ru", "")),
            ("honorific has no role", "Mr Okonkwo said", ("Okonkwo", "unknown:okonkwo", "")),
            ("organisation by head noun", "the Scottish Fishermen's Federation said", ("Scottish Fishermen's Federation", "org:scottish fishermen s federation", "")),
            ("organisation with of-complement", "the U.S. Chamber of Commerce warned", ("U.S. Chamber of Commerce", "org:u s chamber of commerce", "")),
            ("lowercase group head is not part of the name", "the Least Developed Countries group demanded", ("Least Developed Countries", "org:least developed countries", "")),
            ("one unknown word before a cue, inside a sentence", "Campaigners were angry: Greenpeace called it a betrayal", ("Greenpeace", "org:greenpeace", "")),
            ("one unknown word before a cue, opening a sentence", "The talks ended. Oxfam urged both sides to protect water rights.", ("Oxfam", "org:oxfam", "")),
            ("a longer name ending in a known body's name", "Voters backed the New Democratic Party in Quebec", ("New Democratic Party", "org:new democratic party", "")),
            ("a longer body's name before a title", "while New Democratic Party leader Jagmeet Singh warned", ("New Democratic Party", "org:new democratic party", "")),
            ("unknown person as cue subject", "Evans Njoroge said the deal was weak.", ("Evans Njoroge", "unknown:njoroge", "")),
            ("unknown person, adverbs before the cue", "Evans Njoroge later said the deal was weak.", ("Evans Njoroge", "unknown:njoroge", "")),
            ("one unknown word, auxiliary and adverb before the cue", "The talks ended. Oxfam has repeatedly urged both sides to talk.", ("Oxfam", "org:oxfam", "")),
            ("one unknown word, an adverb before the cue", "The vote passed, and Tarrow also criticised the plan.", ("Tarrow", "org:tarrow", "")),
            ("unknown person after inverted cue", "\"It is weak,\" said Amara Diallo.", ("Amara Diallo", "unknown:diallo", "")),
            ("given name without title", "Talks led by Olena Kovalenko ended.", ("Olena Kovalenko", "unknown:kovalenko", "")),
            ("family name that looks like a pronoun", "talks with Chinese Vice Premier He Lifeng in Geneva", ("He Lifeng", "unknown:lifeng", "Chinese Vice Premier")),
            ("body then title", "Trade Ministry spokeswoman Anna Berg said", ("Anna Berg", "unknown:berg", "Trade Ministry spokeswoman")),
            ("the president alone", "the president said", ("president", "role:president", "")),
            ("long capitalised run before a verb of saying", "Senior Trade Coordinator Mara Lind said the deal was weak.", ("Mara Lind", "unknown:lind", "Senior Trade Coordinator")),
            ("lexicon word inside a hyphenated name", "Yemeni Foreign Minister Ahmed Saleh al-Houthi said", ("Ahmed Saleh al-Houthi", "unknown:al-houthi", "Yemeni Foreign Minister")),
            ("acronym case", "The US and the UN said", ("US", "country:us", "")),
            ("an ampersand inside a body's name", "The Computer & Communications Industry Association welcomed it.", ("Computer & Communications Industry Association", "org:computer communications industry association", "")),
            ("a title, a person, then the person's party", "the candidate of Prime Minister Aino Virtanen's Civic Coalition", ("Aino Virtanen", "unknown:virtanen", "Prime Minister")),
            ("a title opening a body's name", "It will appeal at the General Court in Luxembourg.", ("General Court", "org:general court", "")),
            ("one word, a relative clause, then a cue", "Codelco, which produces a tenth of the world's copper, said it regretted the vote.", ("Codelco", "org:codelco", "")),
            ("an acronym opening a sentence before a cue", "Workers are angry. FNV said the operator refused.", ("FNV", "org:fnv", "")),
            ("a name and a lowercase head", "The FNV union, which represents most workers, said so.", ("FNV", "org:fnv", "")),
            ("a given name before a known family name in another spelling", "Ukraine's President Volodymyr Zelenskiy said", ("Volodymyr Zelenskiy", "person:volodymyr-zelensky", "Ukraine's President")),
            ("another given name before a known family name is somebody else", "Speaker Mike Johnson said", ("Mike Johnson", "unknown:johnson", "Speaker")),
            ("the same without a title", "Then Mike Johnson said", ("Mike Johnson", "unknown:johnson", "")),
            ("a hyphenated name ending in a known body's name", "The opposition GreenLeft-Labour alliance backed them.", ("GreenLeft-Labour", "org:greenleft-labour", "")),
        ];
        for (name, text, want) in cases {
            let got = described(text);
            let want = (want.0.to_string(), want.1.to_string(), want.2.to_string());
            assert!(got.contains(&want), "{name}: {want:?} not in {got:?}");
        }
    }

    #[test]
    fn a_news_outlet_cited_as_a_source_is_no_actor() {
        for text in ["As CNN noted, the case is weak.", "The court may rule soon, according to a Daily Post report.", "Union leaders backed the strike. (With EFE Agency)"] {
            let got = described(text);
            assert!(!got.iter().any(|(name, _, _)| ["CNN", "Daily Post", "EFE Agency"].contains(&name.as_str())), "{text}: {got:?}");
        }
        let arabic = crate::mentions::describe("وقال المتحدث، بحسب وكالة مهر الإيرانية للأنباء، إن الجزر إيرانية.");
        assert!(!arabic.iter().any(|(_, who, _)| who.starts_with("org:")), "{arabic:?}");
    }

    #[test]
    fn a_given_name_alone_follows_the_one_person_named_in_full_with_it() {
        let got = described("Malaysian leader Karim Osman said talks would resume. Karim said both sides agreed.");
        assert_eq!(got.iter().filter(|(_, who, _)| who == "unknown:osman").count(), 2, "{got:?}");
        // Two people with that given name: the given name alone names neither.
        let got = described("Karim Osman and Karim Haddad met. Karim said both sides agreed.");
        assert!(!got.iter().any(|(name, who, _)| name == "Karim" && (who == "unknown:osman" || who == "unknown:haddad")), "{got:?}");
    }

    #[test]
    fn a_known_family_name_alone_follows_the_namesake_the_text_introduced() {
        let got = described("Speaker Mike Johnson said no. Johnson added that the vote would wait.");
        assert_eq!(got.iter().filter(|(_, who, _)| who == "unknown:johnson").count(), 2, "{got:?}");
    }

    #[test]
    fn multiword_family_names_are_followed() {
        let got = described("Finnish Foreign Minister Aino van der Berg said so. Van der Berg added more.");
        assert!(got.iter().any(|(s, who, _)| s == "Van der Berg" && who == "unknown:berg"), "{got:?}");
    }

    #[test]
    fn a_capitalised_word_opening_a_sentence_is_no_body() {
        for text in [
            "Officials said the talks failed.",
            "WARSAW — Poles vote on Sunday.",
            // (Analysts opening a sentence are a group speaking: see mentions/collective.rs.)
            "The talks ended. Sources warned of delays.",
            "Police said the road was closed.",
            "The rally was large. Rally speakers called for calm, and the rally ended.",
            "He hosted the show Other Voices on Friday.",
            "\u{201c}We’re filing a petition today,\u{201d} she said.",
            "The fine is due under the Northern Waters Protection Act, the court said.",
        ] {
            let got = described(text);
            assert!(got.iter().all(|(_, who, _)| !who.starts_with("org:")), "{text}: {got:?}");
        }
    }

    #[test]
    fn an_initial_inside_a_name_does_not_end_it() {
        let got = described("Solicitor General D. Marek Lund defended the levy.");
        assert!(got.iter().any(|(s, who, _)| s == "D. Marek Lund" && who == "unknown:lund"), "{got:?}");
        assert!(!got.iter().any(|(s, _, _)| s == "D"), "{got:?}");
    }

    #[test]
    fn party_named_with_a_lowercase_head_is_followed() {
        let got = described("He is backed by the opposition Law and Justice party. Tusk accused Law and Justice of lying.");
        assert_eq!(got.iter().filter(|(s, who, _)| s == "Law and Justice" && who == "org:law and justice").count(), 2, "{got:?}");
        // At the start of a sentence any word is capitalised: the known party stays itself.
        let got = described("Former Democratic Party chairman Tom Perez said so.");
        assert!(got.iter().any(|(s, who, _)| s == "Democratic Party" && who == "org:democratic-party"), "{got:?}");
    }

    #[test]
    fn capital_as_place_is_not_a_mention() {
        let got = described("They met in Moscow. Moscow rejected the plan.");
        assert_eq!(got.iter().filter(|(_, who, _)| who == "country:ru").count(), 1, "{got:?}");
        let got = described("NAIROBI — Kenya said on Monday that Nairobi would host the talks.");
        assert_eq!(got.iter().filter(|(_, who, _)| who == "country:ke").count(), 2, "dateline is a place: {got:?}");
    }
}
