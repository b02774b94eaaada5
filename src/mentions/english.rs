//! English mention patterns.
//!
//! Wire copy puts nationality and title before the name: "Russian President Vladimir Putin",
//! "UN Secretary-General Antonio Guterres", "Iran's Foreign Minister Abbas Araghchi", "former
//! President Joe Biden", "Mr Lammy"; alone, "the Russian president" or "his Chinese
//! counterpart" name a person, and "the Russian side" a state.

use std::collections::HashMap;

use super::{country_of, role_key, words, LexTokens, Mention, MentionForm, Referent};
use crate::lexicon::{Lexicon, Target};
use crate::model::ActorKind;
use crate::text::{Document, Script};

/// Mentions starting at token `i` from English patterns (primary first), or none.
pub(super) fn mentions_at(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Vec<Mention> {
    let lexicon = Lexicon::builtin();
    if doc.tokens[i].script != Script::Latin {
        return vec![];
    }
    // Qualifiers, nationality or affiliation, then a title: the role runs from the first.
    let mut j = i;
    let mut country = None;
    let mut nested = Vec::new();
    let mut saw_title = None;
    while j < doc.tokens.len() && j < i + 8 {
        if let Some(lt) = at.get(&j) {
            match lt.target {
                Target::Title { title } => {
                    saw_title = Some(title);
                    j = lt.end;
                    continue;
                }
                Target::Demonym { country: c } if saw_title.is_none() => country = Some(c),
                Target::Entity { entity, .. } if saw_title.is_none() && lexicon.entities[entity].kind != ActorKind::Person => {
                    if lexicon.entities[entity].kind == ActorKind::Country {
                        country = Some(entity);
                    }
                    nested.push(Mention::plain(j..lt.end, Referent::Known(entity), MentionForm::Name));
                }
                _ => break,
            }
            j = lt.end;
            // "Iran's Foreign Minister": the possessive joins the state to the title.
            if doc.ftok(j.min(doc.tokens.len() - 1)) == "'" && j + 1 < doc.tokens.len() && doc.ftok(j + 1) == "s" {
                j += 2;
            }
        } else if doc.tokens[j].is_word && words::is("en.qualifier", doc.ftok(j)) && saw_title.is_none() {
            j += 1;
        } else {
            break;
        }
    }
    let Some(title) = saw_title else {
        return side_phrase(doc, at, i).into_iter().collect();
    };
    let role_end = j;
    let honorific = lexicon.titles[title].rank == "honorific";
    let role = (!honorific).then(|| i..role_end);
    let key = role_key(doc, i..role_end);
    let primary = if let Some(lt) = at.get(&j).filter(|lt| matches!(lt.target, Target::Entity { entity, .. } if lexicon.entities[entity].kind == ActorKind::Person)) {
        let Target::Entity { entity, .. } = lt.target else { unreachable!() };
        Some(Mention { name: j..lt.end, phrase: i..lt.end, referent: Referent::Known(entity), form: MentionForm::Name, role, role_key: Some(key), canonical: None, role_text: None, span: 0..0, phrase_span: 0..0 })
    } else {
        let end = capitalised_name(doc, at, j);
        if end > j {
            Some(Mention { name: j..end, phrase: i..end, referent: Referent::Unknown(doc.ftok(end - 1).to_string()), form: MentionForm::Name, role, role_key: Some(key), canonical: None, role_text: None, span: 0..0, phrase_span: 0..0 })
        } else if country.is_some() || !nested.is_empty() {
            Some(Mention { name: i..role_end, phrase: i..role_end, referent: Referent::Role { key: key.clone(), country }, form: MentionForm::RolePhrase, role: None, role_key: Some(key), canonical: None, role_text: None, span: 0..0, phrase_span: 0..0 })
        } else {
            None
        }
    };
    match primary {
        Some(p) => std::iter::once(p).chain(nested).collect(),
        None => vec![],
    }
}

/// "the Russian side", "the Iranian delegation".
fn side_phrase(doc: &Document, at: &HashMap<usize, LexTokens>, i: usize) -> Option<Mention> {
    let lt = at.get(&i)?;
    let Target::Demonym { country } = lt.target else { return None };
    let next = lt.end;
    (next < doc.tokens.len() && words::is("en.side", doc.ftok(next)) && i > 0 && doc.ftok(i - 1) == "the")
        .then(|| Mention::plain(i..next + 1, Referent::Known(country), MentionForm::Side))
        .or_else(|| {
            // "his Chinese counterpart" names a person of that state.
            (next < doc.tokens.len() && words::is("en.counterpart", doc.ftok(next))).then(|| {
                let key = role_key(doc, i..next + 1);
                Mention::plain(i..next + 1, Referent::Role { key, country: Some(country) }, MentionForm::RolePhrase)
            })
        })
        .filter(|_| country_of(lt, Lexicon::builtin()).is_some())
}

/// End of a run of capitalised words (with name particles such as bin, al-, von, de inside)
/// starting at `j`; at most four words.
pub(super) fn capitalised_name(doc: &Document, at: &HashMap<usize, LexTokens>, j: usize) -> usize {
    let mut k = j;
    let mut words_in_name = 0;
    while k < doc.tokens.len() && words_in_name < 4 {
        let t = &doc.tokens[k];
        if !t.is_word || t.script != Script::Latin || at.contains_key(&k) {
            break;
        }
        if k > j && doc.text[doc.tokens[k - 1].end..t.start].contains('\n') {
            break;
        }
        let original = doc.otok(k);
        let capitalised = original.chars().next().is_some_and(char::is_uppercase);
        let particle = k > j && words::is("en.name_particle", doc.ftok(k)) && k + 1 < doc.tokens.len()
            && doc.otok(k + 1).chars().next().is_some_and(char::is_uppercase);
        if !(capitalised || particle) || (capitalised && words::is("en.stop", doc.ftok(k))) {
            break;
        }
        k += 1;
        words_in_name += 1;
    }
    // A name does not end on a particle.
    while k > j && words::is("en.name_particle", doc.ftok(k - 1)) {
        k -= 1;
    }
    k
}

/// A capital or seat after "in"/"at" is a place, not the government (met in Moscow).
pub(crate) fn is_place_context(doc: &Document, i: usize) -> bool {
    let mut p = i;
    while p > 0 {
        p -= 1;
        let w = doc.ftok(p);
        if w == "the" {
            continue;
        }
        return match doc.tokens[p].script {
            Script::Arabic => words::is("ar.place_preposition", w),
            _ => words::is("en.place_preposition", w),
        };
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;
    use crate::mentions::{find, Referent};
    use crate::text::Document;

    fn described(text: &str) -> Vec<(String, String, String)> {
        let doc = Document::new(text);
        let lex = Lexicon::builtin();
        find(&doc, lex)
            .into_iter()
            .map(|m| {
                let span = |r: std::ops::Range<usize>| doc.text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_string();
                let who = match &m.referent {
                    Referent::Known(e) => lex.entities[*e].key.clone(),
                    Referent::Unknown(s) => format!("unknown:{s}"),
                    Referent::Role { key, .. } => format!("role:{key}"),
                };
                (doc.text[m.span.clone()].to_string(), who, m.role.clone().map(span).unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn english_mention_table() {
        let cases: &[(&str, &str, (&str, &str, &str))] = &[
            ("demonym title known name", "Russian President Vladimir Putin said", ("Vladimir Putin", "person:vladimir-putin", "Russian President")),
            ("unknown name after title", "Finnish Foreign Minister Aino Virtanen said", ("Aino Virtanen", "unknown:virtanen", "Finnish Foreign Minister")),
            ("possessive state before title", "Iran's Foreign Minister Karim Sadeghi said", ("Karim Sadeghi", "unknown:sadeghi", "Iran's Foreign Minister")),
            ("role phrase alone", "the Russian president said", ("Russian president", "role:russian president", "")),
            ("side phrase", "the Russian side insisted", ("Russian side", "country:ru", "")),
            ("honorific has no role", "Mr Okonkwo said", ("Okonkwo", "unknown:okonkwo", "")),
            ("acronym case", "The US and the UN said", ("US", "country:us", "")),
        ];
        for (name, text, want) in cases {
            let got = described(text);
            let want = (want.0.to_string(), want.1.to_string(), want.2.to_string());
            assert!(got.contains(&want), "{name}: {want:?} not in {got:?}");
        }
    }

    #[test]
    fn capital_as_place_is_not_a_mention() {
        let got = described("They met in Moscow. Moscow rejected the plan.");
        assert_eq!(got.iter().filter(|(_, who, _)| who == "country:ru").count(), 1, "{got:?}");
    }
}
