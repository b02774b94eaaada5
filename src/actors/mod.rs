//! Stage 4, actors: mentions that refer to the same person, state or body become one actor
//! (بوتين / فلاديمير بوتين / الرئيس الروسي), with its canonical name, role and aliases.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::ops::Range;

use crate::lexicon::Lexicon;
use crate::mentions::{role_key_of, words::{self, class}, Mention, MentionForm, Referent};
use crate::model::ActorKind;
use crate::text::Document;

/// An actor before ids and salience are assigned.
#[derive(Debug, Clone)]
pub(crate) struct ActorDraft {
    pub kind: ActorKind,
    pub name: String,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    /// Byte ranges of its mentions in the original text.
    pub mentions: Vec<Range<usize>>,
    pub gender: Option<char>,
    /// Every mention was proposed by the learned tagger alone.
    pub proposed_only: bool,
    /// The state the actor belongs to or is (a lexicon entity index): Peskov's and the
    /// Kremlin's is Russia. Known only for lexicon entities.
    pub home: Option<usize>,
}

/// Actors, and for each mention the actor it belongs to (None when a role phrase could not
/// be resolved to anyone in the text) and, for a pair ("الرئيسان"), the second actor.
pub(crate) struct Actors {
    pub list: Vec<ActorDraft>,
    pub of_mention: Vec<Option<usize>>,
    pub partner_of_mention: Vec<Option<usize>>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Known(usize),
    Unknown(String),
    Organization(String, ActorKind),
}

/// Merges mentions into actors. `arabic`: name actors in Arabic (else English).
pub(crate) fn merge(doc: &Document, lexicon: &Lexicon, mentions: &[Mention], arabic: bool) -> Actors {
    // Role keys introduced with a name in this text ("الرئيس الروسي فلاديمير بوتين").
    let mut role_owner: HashMap<String, Key> = HashMap::default();
    for m in mentions {
        if let (Some(k), Some(key)) = (&m.role_key, key_of(&m.referent)) {
            // (A role phrase only has a key here when it names the person in apposition.)
            if !k.is_empty() {
                role_owner.entry(k.clone()).or_insert(key);
            }
        }
    }
    let mut mentioned_known: Vec<usize> = mentions.iter().filter_map(|m| match m.referent {
        Referent::Known(e) => Some(e),
        _ => None,
    }).collect();
    crate::sort::sort(&mut mentioned_known);
    mentioned_known.dedup();
    let resolve_role = |key: &str, country: Option<usize>| -> Option<Key> {
        if let Some(k) = role_owner.get(key) {
            return Some(k.clone());
        }
        // A shorter form of a role held by one person in the text: "the president" after
        // "Finnish President Aino Virtanen", "الرئيس" after "الرئيس التونسي سامي الحداد".
        let words: Vec<&str> = key.split(' ').collect();
        let holders: Vec<&Key> = role_owner.iter().filter(|(k, _)| {
            let owner_words: Vec<&str> = k.split(' ').collect();
            words.iter().all(|w| owner_words.contains(w))
        }).map(|(_, v)| v).collect();
        if let Some(&first) = holders.first() {
            if holders.iter().all(|h| *h == first) {
                return Some(first.clone());
            }
        }
        // A known office holder named elsewhere in the text, whose lexicon role this is.
        let by_role = mentioned_known.iter().copied().find(|&e| lexicon_role_keys(lexicon, e).iter().any(|r| r == key));
        if let Some(e) = by_role {
            return Some(Key::Known(e));
        }
        // "نظيره الأمريكي": the one person of that state named in the text.
        let country = country?;
        let iso = lexicon.entities[country].affiliation.as_deref()?;
        let mut people: Vec<usize> = mentioned_known.iter().copied().filter(|&e| {
            lexicon.entities[e].kind == ActorKind::Person && lexicon.entities[e].affiliation.as_deref() == Some(iso)
        }).collect();
        crate::sort::sort(&mut people);
        people.dedup();
        (people.len() == 1).then(|| Key::Known(people[0]))
    };

    let mut index: HashMap<Key, usize> = HashMap::default();
    let mut list: Vec<ActorDraft> = Vec::new();
    let mut of_mention = Vec::with_capacity(mentions.len());
    // The last body named with each head noun (حركة حماس → حركه; Labour Party → party), for
    // anaphors such as الحركة / "the party".
    let mut last_by_head: HashMap<String, Key> = HashMap::default();
    let mut partner_of_mention = Vec::with_capacity(mentions.len());
    // The two actors last mentioned, among people (index 1) and among the rest (index 0), for
    // pairs. Only two per class: a list of every actor, updated at every mention, made 50k
    // distinct names quadratic.
    let mut recent: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    // The last two actors of a class named side by side ("Nippon Steel Corp. and U.S. Steel",
    // "فرنسا والسعودية"): "the companies", "الجانبان" take them up before any two named since
    // in passing. With the token that closed the pair's second name.
    let mut coordinated: [Option<(usize, usize)>; 2] = [None, None];
    let mut group_by_head: HashMap<String, Key> = HashMap::default();
    // People the lexicon lacks are keyed by family name; two given names with one family name
    // ("مصطفى أحمد النعمان" … "فياض النعمان") are two people. The first given name seen for a
    // family name, and the person a bare family name now takes up (the last one named in full).
    let mut first_given: HashMap<String, Vec<String>> = HashMap::default();
    let mut namesake_now: HashMap<String, Key> = HashMap::default();
    let mut previous: Option<(usize, usize)> = None;
    for m in mentions {
        if let Referent::Pair { persons } = m.referent {
            let two: Vec<usize> = match coordinated[usize::from(persons)] {
                Some((first, second)) => vec![second, first],
                None => recent[usize::from(persons)].iter().rev().copied().collect(),
            };
            if let [second, first] = two[..] {
                of_mention.push(Some(first));
                partner_of_mention.push(Some(second));
            } else {
                of_mention.push(None);
                partner_of_mention.push(None);
            }
            continue;
        }
        partner_of_mention.push(None);
        let key = match &m.referent {
            Referent::Role { key, .. } if key.starts_with("head:") => last_by_head.get(&key["head:".len()..]).cloned(),
            Referent::Role { key, country } => resolve_role(key, *country),
            r => key_of(r),
        };
        if let Some(k) = key.as_ref().filter(|_| !matches!(m.referent, Referent::Role { .. })) {
            for t in m.name.clone() {
                let w = doc.ftok(t);
                // Without its proclitics (وحركة → حركه), else as written: وزارة is no و + زارة.
                let is_head = |head: &str| words::is(class!("ar.group_head", "ar.org_head", "en.group_head", "en.org_head"), head);
                let bare = crate::text::arabic::bare_noun(crate::text::arabic::without_proclitics(w));
                let head = [bare, w].into_iter().find(|h| is_head(h));
                if let Some(head) = head {
                    last_by_head.insert(head.to_string(), k.clone());
                }
            }
        }
        let Some(key) = key else {
            of_mention.push(None);
            continue;
        };
        // "المعارضة الموريتانية … وقالت المعارضة", "Polish farmers … the farmers": a group named
        // by its head noun alone after it was named with its modifiers is that group.
        let key = match &key {
            Key::Organization(k, ActorKind::Group) if !k.contains(' ') => group_by_head.get(k.as_str()).cloned().unwrap_or(key),
            Key::Organization(k, ActorKind::Group) => {
                if let Some((head, _)) = k.split_once(' ') {
                    group_by_head.insert(head.to_string(), key.clone());
                }
                key
            }
            _ => key,
        };
        let key = match &key {
            Key::Unknown(family) if m.name.len() >= 2 && m.form == MentionForm::Name => {
                let words: Vec<String> = m.name.clone().filter(|&t| doc.tokens()[t].is_word).map(|t| doc.ftok(t).to_string()).collect();
                let first = first_given.entry(family.clone()).or_insert_with(|| words.clone());
                // The same person named shorter or longer ("شيخ محمود" after "حسن شيخ محمود")
                // shares a word before the family name with the first full name.
                let same = words.first() == first.first() || words.iter().rev().skip(1).any(|w| first.contains(w)) || first.iter().rev().skip(1).any(|w| words.contains(w));
                let person = if same { key.clone() } else { Key::Unknown(format!("{family} {}", words[0])) };
                namesake_now.insert(family.clone(), person.clone());
                person
            }
            Key::Unknown(family) => namesake_now.get(family).cloned().unwrap_or(key),
            _ => key,
        };
        let a = *index.entry(key.clone()).or_insert_with(|| {
            list.push(new_actor(lexicon, &key, arabic));
            list.len() - 1
        });
        let actor = &mut list[a];
        // Borrowed from the text or the lexicon, copied only when it becomes an alias or the name.
        let surface = m.canonical.map(Cow::Borrowed).unwrap_or_else(|| without_invisible_marks(&doc.text[m.span.clone()]));
        // "للحركة الإسلامية": the article that لـ swallowed comes back in the body's name.
        let surface = match (&key, surface.strip_prefix("لل")) {
            (Key::Organization(..), Some(rest)) if rest.chars().count() >= 3 => Cow::Owned(format!("ال{rest}")),
            _ => surface,
        };
        push_unique(&mut actor.aliases, &surface);
        if m.phrase_span != m.span {
            push_unique(&mut actor.aliases, &without_invisible_marks(&m.phrase_text));
        }
        if actor.role.is_none() {
            actor.role = m.role_text.clone();
        }
        // (Not a role phrase in apposition: "وزير الخارجية، خالد بن سعود" is named by the name.)
        if let (Key::Unknown(_) | Key::Organization(..), false) = (&key, m.form == MentionForm::RolePhrase) {
            // The fullest form of an unknown name is its best name.
            if surface.chars().count() > actor.name.chars().count() {
                actor.name = surface.into_owned();
            }
        }
        actor.mentions.push(m.span.clone());
        actor.proposed_only &= m.proposed;
        of_mention.push(Some(a));
        let is_person = usize::from(list[a].kind == ActorKind::Person);
        if let Some((before, mut end)) = previous {
            // (Past the full stop of an abbreviation: "Nippon Steel Corp. and …".)
            if end + 1 < m.phrase.start && doc.ftok(end) == "." {
                end += 1;
            }
            let joined = m.phrase.start == end + 1 && (doc.ftok(end) == "and" || doc.ftok(end) == "و") || (m.phrase.start == end && doc.ftok(m.phrase.start).starts_with('و') && doc.tokens()[end - 1].is_word);
            if joined && before != a && usize::from(list[before].kind == ActorKind::Person) == is_person {
                coordinated[is_person] = Some((before, a));
            }
        }
        previous = Some((a, m.phrase.end));
        let class = &mut recent[is_person];
        class.retain(|&r| r != a);
        class.push(a);
        if class.len() > 2 {
            class.remove(0);
        }
    }
    // A person the lexicon lacks belongs to the state their role names: "وزير الخارجية
    // الأردني", "Ukraine's defence minister".
    for actor in list.iter_mut().filter(|a| a.home.is_none()) {
        let Some(role) = &actor.role else { continue };
        let role_doc = Document::new(role);
        actor.home = lexicon.scan(&role_doc).iter().find_map(|m| match m.target {
            crate::lexicon::Target::Demonym { country } => Some(country),
            crate::lexicon::Target::Entity { entity, .. } => lexicon.entities[entity].home.or((lexicon.entities[entity].kind == ActorKind::Country).then_some(entity)),
            crate::lexicon::Target::Title { .. } => None,
        });
    }
    // A person the lexicon lacks has the gender of their given name, when it is a known one
    // ("Geert Hansen" is "he"): pronouns are resolved by it.
    // (English only: Arabic verbs agree by their own rules, measured worse with it.)
    for actor in list.iter_mut().filter(|a| a.kind == ActorKind::Person && a.gender.is_none() && !arabic) {
        let first = actor.name.split_whitespace().next().map(crate::text::fold_str);
        actor.gender = first.and_then(|f| crate::lexicon::given_names::given_names().get(&f).copied()).filter(|&g| g == 'm' || g == 'f');
    }
    Actors { list, of_mention, partner_of_mention }
}

fn key_of(r: &Referent) -> Option<Key> {
    match r {
        Referent::Known(e) => Some(Key::Known(*e)),
        Referent::Unknown(s) => Some(Key::Unknown(s.clone())),
        Referent::Organization { key, kind } => Some(Key::Organization(without_legal_form(key).to_string(), *kind)),
        Referent::Role { .. } | Referent::Pair { .. } => None,
    }
}

/// A company's name without its legal form: "Nippon Steel Corp." and later "Nippon Steel" are
/// one company. (Keys are folded words joined by spaces.)
fn without_legal_form(key: &str) -> &str {
    // (A key may end with the abbreviation's full stop as a word of its own: "corp .".)
    let key = key.trim_end_matches([' ', '.']);
    match key.rsplit_once(' ') {
        Some((name, last)) if words::is(class!("en.legal_form"), last) => name,
        _ => key,
    }
}

fn new_actor(lexicon: &Lexicon, key: &Key, arabic: bool) -> ActorDraft {
    match key {
        Key::Known(e) => {
            let ent = &lexicon.entities[*e];
            let (first, second) = if arabic { (&ent.name_ar, &ent.name_en) } else { (&ent.name_en, &ent.name_ar) };
            ActorDraft {
                kind: ent.kind,
                name: if first.is_empty() { second.clone() } else { first.clone() },
                role: None,
                aliases: vec![],
                mentions: vec![],
                gender: ent.gender,
                proposed_only: true,
                home: ent.home.or((ent.kind == ActorKind::Country).then_some(*e)),
            }
        }
        Key::Organization(_, kind) => ActorDraft { kind: *kind, name: String::new(), role: None, aliases: vec![], mentions: vec![], gender: None, proposed_only: true, home: None },
        Key::Unknown(_) => ActorDraft { kind: ActorKind::Person, name: String::new(), role: None, aliases: vec![], mentions: vec![], gender: None, proposed_only: true, home: None },
    }
}

/// The role keys of a known person's lexicon roles. A role key is made by analysing the role
/// as a little document: made once a process for the built-in lexicon (the only one), not once
/// an article (some thirty little documents an article did that).
fn lexicon_role_keys(lexicon: &Lexicon, entity: usize) -> Cow<'static, [String]> {
    static BUILTIN: std::sync::OnceLock<Vec<std::sync::OnceLock<Vec<String>>>> = std::sync::OnceLock::new();
    let make = |lexicon: &Lexicon| lexicon.entities[entity].roles.iter().map(|r| role_key_of(r)).collect::<Vec<String>>();
    if !std::ptr::eq(lexicon, Lexicon::builtin()) {
        return Cow::Owned(make(lexicon));
    }
    let keys = BUILTIN.get_or_init(|| (0..lexicon.entities.len()).map(|_| std::sync::OnceLock::new()).collect());
    Cow::Borrowed(keys[entity].get_or_init(|| make(Lexicon::builtin())))
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !s.is_empty() && !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}

/// A name as a reader sees it: without the invisible direction marks an editor may have put
/// in it (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF), nor zero-width spaces and
/// joiners standing next to a space (inside a word a joiner shapes Persian spelling: kept).
fn without_invisible_marks(text: &str) -> Cow<'_, str> {
    // Nearly every name has none: no second pass, no buffer of chars, no copy.
    if !text.contains(|c| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let direction = matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
        let zero_width = matches!(c, '\u{200B}'..='\u{200D}');
        let by_space = i == 0 || i + 1 == chars.len() || chars[i - 1].is_whitespace() || chars[i + 1].is_whitespace();
        if !(direction || (zero_width && by_space)) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions;

    #[test]
    fn a_known_persons_role_keys_are_made_once_and_are_those_of_each_role() {
        let lexicon = Lexicon::builtin();
        let with_roles: Vec<usize> = (0..lexicon.entities.len()).filter(|&e| !lexicon.entities[e].roles.is_empty()).take(40).collect();
        assert!(!with_roles.is_empty());
        for e in with_roles {
            let keys = lexicon_role_keys(lexicon, e);
            assert_eq!(*keys, lexicon.entities[e].roles.iter().map(|r| role_key_of(r)).collect::<Vec<_>>()[..]);
            // The second time, the same list: kept, not made again.
            assert!(matches!((&keys, lexicon_role_keys(lexicon, e)), (Cow::Borrowed(a), Cow::Borrowed(b)) if std::ptr::eq(*a, b)));
        }
    }

    fn actors(text: &str) -> Vec<(String, Option<String>, Vec<String>, usize)> {
        let doc = Document::new(text);
        let lex = Lexicon::builtin();
        let ms = mentions::find(&doc, lex, crate::language::detect(&doc));
        let arabic = text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        merge(&doc, lex, &ms, arabic).list.into_iter().map(|a| (a.name, a.role, a.aliases, a.mentions.len())).collect()
    }

    #[test]
    fn a_body_named_only_in_a_persons_title_is_no_actor() {
        let names = |text: &str| crate::analyze(text, &crate::Options::default()).actors.into_iter().map(|a| a.name).collect::<Vec<_>>();
        let got = names("قال المتحدث باسم وزارة الزراعة الكينية سامي أوتينو إن الموسم جيد.");
        assert!(got.contains(&"سامي أوتينو".to_string()) && !got.iter().any(|n| n.contains("وزارة")), "{got:?}");
        let got = names("Agriculture Ministry spokesperson Lena Ortiz said the harvest was good.");
        assert!(got.contains(&"Lena Ortiz".to_string()) && !got.iter().any(|n| n.contains("Ministry")), "{got:?}");
        // Named again on its own, or holding a position, it is one.
        let got = names("Agriculture Ministry spokesperson Lena Ortiz said the harvest was good. The Agriculture Ministry later denied any shortage.");
        assert!(got.iter().any(|n| n.contains("Agriculture Ministry")), "{got:?}");
    }

    #[test]
    fn aliases_are_written_as_a_reader_would() {
        // Proclitics dropped (ونظيره → نظيره), a title fused with لـ restored (للرئيس → الرئيس).
        let got = actors("التقى بوتين ونظيره الفرنسي إيمانويل ماكرون. وقال للرئيس الفرنسي السابق ماكرون إن");
        let macron = got.iter().find(|a| a.0 == "إيمانويل ماكرون").expect("Macron");
        assert!(macron.2.contains(&"نظيره الفرنسي إيمانويل ماكرون".to_string()), "{:?}", macron.2);
        assert!(macron.2.contains(&"الرئيس الفرنسي السابق ماكرون".to_string()), "{:?}", macron.2);
    }

    #[test]
    fn two_given_names_with_one_family_name_are_two_people() {
        let got = actors("وقال وزير الخارجية سامر أحمد الحداد إن الحوار ممكن. من جانبه، أكد وكيل وزارة الإعلام اليمنية فياض الحداد أن القوات ستنتصر. وأضاف الحداد أن المعركة لن تطول.");
        let samer = got.iter().find(|a| a.0 == "سامر أحمد الحداد").expect("Samer");
        let fayyad = got.iter().find(|a| a.0 == "فياض الحداد").expect("Fayyad");
        assert_eq!(samer.3, 1, "{got:?}");
        // The bare family name takes up the one named last.
        assert_eq!(fayyad.3, 2, "{got:?}");
        // Named shorter, the same person stays one.
        let got = actors("وقال الرئيس حسن شيخ محمود إن الانتخابات ستجرى. وأكد الرئيس الصومالي شيخ محمود أن");
        assert_eq!(got.iter().filter(|a| a.0.ends_with("محمود")).count(), 1, "{got:?}");
    }

    #[test]
    fn a_pair_takes_up_the_two_named_side_by_side() {
        // "the companies" are the two coordinated, not the two bodies named last in passing.
        let doc = Document::new("Brenner Steel Corp. and Osaka Metals Corp. appealed. They cited a report by the Trade Commission. The companies said the review was flawed.");
        let lex = Lexicon::builtin();
        let ms = mentions::find(&doc, lex, "en");
        let merged = merge(&doc, lex, &ms, false);
        let pair = ms.iter().position(|m| matches!(m.referent, Referent::Pair { .. })).expect("a pair mention");
        let names: Vec<&str> = [merged.of_mention[pair], merged.partner_of_mention[pair]].iter().map(|a| merged.list[a.expect("resolved")].name.as_str()).collect();
        assert!(names.contains(&"Brenner Steel Corp") && names.contains(&"Osaka Metals Corp"), "{names:?}");
    }

    #[test]
    fn alias_merging_table() {
        let cases: &[(&str, &str, &str, Option<&str>, usize)] = &[
            ("arabic full name, surname and role phrase", "قال الرئيس الروسي فلاديمير بوتين إن الحوار ممكن. وأكد بوتين أن بلاده مستعدة. وقال الرئيس الروسي إن",
             "فلاديمير بوتين", Some("الرئيس الروسي"), 3),
            ("english title, surname, role phrase", "Russian President Vladimir Putin said talks were possible. Putin added that the Russian president would attend.",
             "Vladimir Putin", Some("Russian President"), 3),
            ("unknown person followed by surname", "Finnish Foreign Minister Aino Virtanen said the plan was fair. Virtanen added that it was final.",
             "Aino Virtanen", Some("Finnish Foreign Minister"), 2),
            ("head-noun anaphor refers back", "وقالت حركة حماس إن المحادثات متعثرة. وأضافت الحركة أن الوسطاء يعملون.", "حركة حماس", None, 2),
            ("english head-noun anaphor", "The Labour Party said it would win. The party rejected the claim.", "Labour Party", None, 2),
            ("a head noun beginning with و", "أعلنت وزارة الخارجية الجزائرية استدعاء سفيرها. وقالت الوزارة في بيان إن الموقف خطير.", "وزارة الخارجية الجزائرية", None, 2),
            ("direction marks are not part of a name", "وقالت \u{200F}الهيئة \u{200F}الخيرية \u{200F}الأردنية إنها مستعدة. وأكدت الهيئة الخيرية الأردنية أن القوافل جاهزة.", "الهيئة الخيرية الأردنية", None, 2),
            ("the article لـ swallowed is written back", "وجه الوزير انتقادات للحركة الإسلامية. وقالت الحركة الإسلامية إنها ترفض.", "الحركة الإسلامية", None, 2),
            ("a company with and without its legal form", "Brenner Steel Corp. said it would appeal. Brenner Steel added that the ruling was unfair.", "Brenner Steel Corp", None, 2),
            ("a body named after its state's possessive", "Ankara's Defence Ministry said the drill was over. The Defence Ministry added that no shots were fired.", "Defence Ministry", None, 2),
            ("a known person's short form inside another name", "صوت المجلس على إقالة وزير الطاقة والمياه عبد الناصر كريمي. ودافع الرئيس عن كريمي.", "عبد الناصر كريمي", Some("وزير الطاقة والمياه"), 2),
            ("a group named by its head noun after its full name", "رفضت المعارضة التونسية النتائج. وقالت المعارضة إنها ستطعن فيها.", "المعارضة التونسية", None, 2),
            ("a company named by its country", "China Mobile said it would appeal. China Mobile added that the ruling was unfair.", "China Mobile", None, 2),
            ("a title bound to the person in apposition", "أكد وزير الخارجية، الأمير خالد بن سعود، دعم بلاده. وأضاف وزير الخارجية أن",
             "خالد بن سعود", Some("الأمير"), 3),
            ("counterpart resolved to the one person of that state", "التقى بوتين بالرئيس الأمريكي دونالد ترامب. وقال نظيره الأمريكي إن",
             "دونالد ترامب", Some("الرئيس الأمريكي"), 2),
        ];
        for (name, text, actor, role, count) in cases {
            let got = actors(text);
            let a = got.iter().find(|a| a.0 == *actor).unwrap_or_else(|| panic!("{name}: {actor} not in {got:?}"));
            assert_eq!(a.1.as_deref(), *role, "{name}: role");
            assert_eq!(a.3, *count, "{name}: mentions of {actor} in {got:?}");
        }
    }
}
