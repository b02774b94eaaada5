//! Stage 2, lexicon: the built-in gazetteer (countries with their names, nisba adjectives,
//! capitals and seats of government; organisations; office holders; titles), compiled in from
//! the TSV files under `data/lexicon/`, and an Aho-Corasick automaton that finds all of their
//! surface forms in a document's folded text in one pass.

pub(crate) mod cues;
pub(crate) mod given_names;
pub(crate) mod tsv;

use std::sync::OnceLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, Input, Match, MatchKind};

use crate::model::ActorKind;
use crate::text::{arabic, fold_str, is_alphanumeric, Document};
use tsv::{field, variants, Tsv};

const COUNTRIES: &str = include_str!("../../data/lexicon/countries.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/lexicon/organizations.tsv");
const PEOPLE: &str = include_str!("../../data/lexicon/people.tsv");
const TITLES: &str = include_str!("../../data/lexicon/titles.tsv");
const SHARED_NAMES: &str = include_str!("../../data/lexicon/shared_names.tsv");

/// Language of a lexicon form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    Ar,
    En,
}

/// A known actor.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// `country:ru`, `org:nato`, `person:vladimir-putin`: names the entry in tests and
    /// diagnostics.
    #[cfg_attr(not(test), allow(dead_code))]
    pub key: String,
    pub kind: ActorKind,
    pub name_ar: String,
    pub name_en: String,
    /// For people and organisations: the country id (or organisation id) they belong to.
    pub affiliation: Option<String>,
    /// For people: 'm' or 'f'.
    pub gender: Option<char>,
    /// For people: roles as the lexicon writes them ("Russian President", "الرئيس الروسي").
    pub roles: Vec<&'static str>,
    /// The country the entity belongs to (itself for a country; for a party leader, the
    /// party's country), as an index into the entities.
    pub home: Option<usize>,
}

/// A title that introduces a person's name.
#[derive(Debug, Clone)]
pub(crate) struct Title {
    pub rank: String,
}

/// How a lexicon form names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameForm {
    /// The name or an alias of the entity itself.
    Name,
    /// A capital standing for its government (موسكو، Washington).
    Capital,
    /// A seat of government standing for it (الكرملين، the White House).
    Seat,
}

/// What a matched form refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Entity { entity: usize, form: NameForm },
    /// A nisba adjective / demonym of a country (الروسي، الروسية / Russian).
    Demonym { country: usize },
    Title { title: usize },
}

/// Case requirement on the original text of a Latin-script match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    Any,
    /// First letter capitalised (names: "Turkey", not "turkey").
    Initial,
    /// Every letter as in the lexicon (acronyms: "US", not "us").
    Exact,
}

#[derive(Debug, Clone)]
struct PatternTarget {
    target: Target,
    lang: Lang,
    case: CaseRule,
    /// The Arabic form starts with the article ال.
    article: bool,
    /// This pattern is an ال-form with its article removed, valid only after fused لل.
    fused_lil: bool,
    /// The lexicon form as written (for aliases when the text shows it fused).
    written: &'static str,
    /// Other bodies bear this name too (`shared_names.tsv`): it names the entity only in an
    /// article that also names its country.
    shared: bool,
}

/// A lexicon form found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LexMatch {
    /// Folded byte range of the form itself (proclitics excluded).
    pub fstart: usize,
    pub fend: usize,
    pub target: Target,
    pub lang: Lang,
    /// When the text fused the article into a preceding لـ (للرئيس), the form as the lexicon
    /// writes it, with ال; `None` when the text's own form can be used.
    pub canonical: Option<&'static str>,
    /// A name other bodies bear too (see [`PatternTarget::shared`]).
    pub shared: bool,
}

/// The compiled gazetteer.
pub(crate) struct Lexicon {
    pub entities: Vec<Entity>,
    pub titles: Vec<Title>,
    /// Forms that have a letter of the Arabic block, which only a text with one can contain,
    /// and the others: an English text never builds or runs the first automaton (most forms
    /// are Arabic: nisba inflections, forms with and without the article).
    arabic: Forms,
    other: Forms,
    /// Rows of `shared_names.tsv` naming a form the entity does not have (a typo there would
    /// otherwise be silently ignored; a test keeps this empty).
    #[cfg_attr(not(test), allow(dead_code))]
    pub unmatched_shared_names: Vec<String>,
}

/// Lexicon forms (folded) with what each names, and the automaton that finds them, built on
/// first use.
#[derive(Default)]
struct Forms {
    patterns: Vec<String>,
    targets: Vec<Vec<PatternTarget>>,
    index: rustc_hash::FxHashMap<String, usize>,
    automaton: OnceLock<(NFA, [StateID; 256])>,
}

impl Forms {
    /// The contiguous NFA is what `AhoCorasick` itself picks for more than a hundred patterns;
    /// naming it directly links only its search code into the module (the `AhoCorasick` wrapper
    /// dispatches at run time, so it brings the DFA's and the other NFA's too).
    fn automaton(&self) -> &NFA {
        &self.searcher().0
    }

    /// The automaton, and the state its anchored search reaches from the start on each byte (a
    /// table look-up instead of a search among the start's transitions, at every word start).
    /// The states of the first four bytes (two Arabic letters) have a table of all their
    /// transitions, not the crate's default two: they are where nearly every search step is,
    /// and a sparse state's transitions are searched. The Arabic automaton grows from 593 to
    /// 649 KB; the CLI took 0.975–0.992 of the time on Arabic articles and 0.99 on English
    /// ones, a page in Chromium 0.983 and 0.993. Six bytes (863 KB) was no faster.
    fn searcher(&self) -> &(NFA, [StateID; 256]) {
        self.automaton.get_or_init(|| {
            let nfa = NFA::builder().match_kind(MatchKind::Standard).dense_depth(4).build(&self.patterns).expect("lexicon automaton builds");
            let root = nfa.start_state(Anchored::Yes).expect("an NFA searches anchored");
            let first = std::array::from_fn(|b| nfa.next_state(Anchored::Yes, root, b as u8));
            (nfa, first)
        })
    }

    /// Every occurrence of a form in `hay` that starts where a word does: at the start, or
    /// after a character that is no letter or digit. From each such place, one walk down the
    /// automaton's trie, without its failure transitions, for as long as the text follows a
    /// form's beginning (a letter or two in most words). The unanchored search follows some
    /// form's beginning inside nearly every word too ("pre" of "president", then "re", "e"),
    /// and reports forms there only for them to be dropped: in Chromium, 2 % of an English
    /// article's analysis.
    fn find_at_word_starts(&self, hay: &str) -> Vec<Match> {
        let (automaton, first) = self.searcher();
        let bytes = hay.as_bytes();
        let mut found = Vec::new();
        let mut after_word_character = false;
        let mut next = 0;
        while next < bytes.len() {
            let start = next;
            let starts_word = !after_word_character;
            // Byte by byte through ASCII; other characters are decoded.
            (after_word_character, next) = match bytes[start] {
                b @ 0..0x80 => (b.is_ascii_alphanumeric(), start + 1),
                _ => {
                    let c = hay[start..].chars().next().expect("a character starts here");
                    (is_alphanumeric(c), start + c.len_utf8())
                }
            };
            if !starts_word {
                continue;
            }
            // The walk down the trie: `state` after the bytes up to `at`.
            let (mut state, mut at) = (first[usize::from(bytes[start])], start + 1);
            while !automaton.is_dead(state) {
                if automaton.is_match(state) {
                    // A state also lists the forms that end its path (for an unanchored
                    // search): only those that start here are this walk's.
                    for k in 0..automaton.match_len(state) {
                        let pattern = automaton.match_pattern(state, k);
                        if automaton.pattern_len(pattern) == at - start {
                            found.push(Match::new(pattern, start..at));
                        }
                    }
                }
                let Some(&byte) = bytes.get(at) else { break };
                state = automaton.next_state(Anchored::Yes, state, byte);
                at += 1;
            }
        }
        found
    }

    /// Every occurrence of a form in `input`, overlapping ones included.
    fn find_overlapping<'a, 'h>(&'a self, input: Input<'h>) -> impl Iterator<Item = aho_corasick::Match> + use<'a, 'h> {
        // Refused only for other match semantics or an anchored search: neither is used here.
        self.automaton().try_find_overlapping_iter(input).expect("a standard, unanchored automaton searches overlapping")
    }
}

/// The stretches of folded text between characters of the Arabic block that could hold a
/// form of two letters or digits (an ASCII letter or digit is one byte, any other letter two
/// or more: a stretch with fewer than two such bytes holds none).
fn non_arabic_spans(folded: &str) -> Vec<std::ops::Range<usize>> {
    let b = folded.as_bytes();
    let mut out = Vec::new();
    let mut push = |s: usize, e: usize| {
        if b[s..e].iter().filter(|x| x.is_ascii_alphanumeric() || !x.is_ascii()).count() >= 2 {
            out.push(s..e);
        }
    };
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if (0xD8..=0xDB).contains(&b[i]) {
            // Every character of the block is two bytes long.
            push(start, i);
            i += 2;
            start = i;
        } else {
            i += 1;
        }
    }
    push(start, b.len());
    out
}

/// Whether folded text has a character of the Arabic block (U+0600..U+06FF, whose UTF-8
/// starts with one of the bytes D8..DB).
fn has_arabic_block(folded: &str) -> bool {
    folded.bytes().any(|b| (0xD8..=0xDB).contains(&b))
}

impl Lexicon {
    /// The built-in lexicon, compiled on first use and shared (it is immutable).
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut b = Builder::default();
        b.shared_names(&Tsv::parse(SHARED_NAMES));
        b.countries(&Tsv::parse(COUNTRIES));
        b.organizations(&Tsv::parse(ORGANIZATIONS));
        b.people(&Tsv::parse(PEOPLE));
        b.titles(&Tsv::parse(TITLES));
        b.finish()
    }

    /// The folded Arabic forms the lexicon knows (names of states, capitals, nisbas,
    /// organisations, people, titles), for readers that need to know a word when they see one.
    pub(crate) fn arabic_forms(&self) -> impl Iterator<Item = &str> {
        self.arabic.patterns.iter().map(String::as_str)
    }

    /// All lexicon forms in the document, leftmost-longest, non-overlapping.
    pub fn scan(&self, doc: &Document) -> Vec<LexMatch> {
        let hay = doc.folded();
        let mut found: Vec<LexMatch> = Vec::new();
        let arabic = has_arabic_block(hay).then_some(&self.arabic);
        // A form without an Arabic letter lies in a stretch without one: in an Arabic text
        // only the stretches around Latin words and numbers are searched for them, in full
        // (there a form may follow an Arabic proclitic: وTrump). A text without Arabic letters
        // keeps only the forms that start a word (below: an English form must, and the
        // proclitics an Arabic entity's form may follow are Arabic letters), so only those
        // are looked for.
        let other: Vec<Match> = if arabic.is_some() {
            non_arabic_spans(hay).into_iter().flat_map(|r| self.other.find_overlapping(Input::new(hay).span(r))).collect()
        } else {
            self.other.find_at_word_starts(hay)
        };
        let other = other.into_iter().map(|m| (&self.other, m));
        let arabic = arabic.into_iter().flat_map(|f| f.find_overlapping(Input::new(hay)).map(move |m| (f, m)));
        for (forms, m) in other.chain(arabic) {
            let (s, e) = (m.start(), m.end());
            if hay[e..].chars().next().is_some_and(is_alphanumeric) {
                continue;
            }
            let word_start = hay[..s].char_indices().rev().take_while(|&(_, c)| is_alphanumeric(c)).last().map_or(s, |(i, _)| i);
            let prefix = &hay[word_start..s];
            for pt in &forms.targets[m.pattern().as_usize()] {
                let ok_start = match pt.lang {
                    Lang::Ar => arabic::is_proclitic_prefix(prefix, pt.article, pt.fused_lil),
                    Lang::En => prefix.is_empty(),
                };
                let original = &doc.text[doc.original_range(s..e)];
                if !ok_start || !case_ok(pt.case, pt.written, original) {
                    continue;
                }
                // A compound adjective ("Israel-linked ships", "Iran-aligned group") describes;
                // it does not name the state.
                if pt.lang == Lang::En && matches!(pt.target, Target::Entity { .. }) {
                    let mut after = hay[e..].chars();
                    if after.next() == Some('-') && after.next().is_some_and(|c| c.is_lowercase()) && doc.text[doc.original_range(e..e + 2)].chars().nth(1).is_some_and(char::is_lowercase) {
                        continue;
                    }
                }
                // Tanween marks an indefinite word: روسيًا is "as a Russian", not Russia.
                if pt.lang == Lang::Ar && matches!(pt.target, Target::Entity { .. }) && original.contains(['\u{064B}', '\u{064C}', '\u{064D}']) {
                    continue;
                }
                // A fused form (للولايات) keeps the mention on the stem; its alias is the
                // lexicon form with the article, as a reader would write it.
                let canonical = pt.fused_lil.then_some(pt.written);
                found.push(LexMatch { fstart: s, fend: e, target: pt.target, lang: pt.lang, canonical, shared: pt.shared });
                break;
            }
        }
        // Leftmost-longest selection among overlapping candidates.
        crate::sort::sort_by(&mut found, |a, b| a.fstart.cmp(&b.fstart).then(b.fend.cmp(&a.fend)));
        let mut out: Vec<LexMatch> = Vec::with_capacity(found.len());
        for m in found {
            if out.last().is_some_and(|l| m.fstart < l.fend) {
                continue;
            }
            out.push(m);
        }
        self.drop_shared_names_out_of_context(&mut out);
        out
    }

    /// The country an entity or demonym belongs to.
    fn home(&self, target: Target) -> Option<usize> {
        match target {
            Target::Entity { entity, .. } => self.entities[entity].home,
            Target::Demonym { country } => Some(country),
            Target::Title { .. } => None,
        }
    }

    /// A name other bodies bear too ("حزب العمال": Britain's Labour, Tunisia's Workers' Party)
    /// names the listed entity only when the article also names its country, or something of
    /// that country, by a name of its own (بريطانيا، البريطاني، ستارمر). Otherwise the match
    /// is dropped, and the rules for bodies the lexicon lacks name it as written.
    fn drop_shared_names_out_of_context(&self, found: &mut Vec<LexMatch>) {
        if !found.iter().any(|m| m.shared) {
            return;
        }
        let mut named = vec![false; self.entities.len()];
        for h in found.iter().filter(|m| !m.shared).filter_map(|m| self.home(m.target)) {
            named[h] = true;
        }
        found.retain(|m| !m.shared || self.home(m.target).is_none_or(|h| named[h]));
    }
}

fn case_ok(rule: CaseRule, written: &str, original: &str) -> bool {
    match rule {
        CaseRule::Any => true,
        CaseRule::Initial => original.chars().next().is_some_and(|c| c.is_uppercase()),
        CaseRule::Exact => {
            let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).collect::<String>();
            letters(written) == letters(original)
        }
    }
}

#[derive(Default)]
struct Builder {
    entities: Vec<Entity>,
    titles: Vec<Title>,
    arabic: Forms,
    other: Forms,
    /// From `shared_names.tsv`: (entity key, form as written) → whether a row of the entity
    /// had the form.
    shared: rustc_hash::FxHashMap<(String, String), bool>,
}

impl Builder {
    fn add(&mut self, written: &'static str, target: Target) {
        let shared = match target {
            Target::Entity { entity, .. } if !self.shared.is_empty() => {
                let key = (self.entities[entity].key.clone(), written.to_string());
                self.shared.get_mut(&key).map(|seen| *seen = true).is_some()
            }
            _ => false,
        };
        let lang = if written.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) { Lang::Ar } else { Lang::En };
        let folded = fold_str(written);
        if folded.chars().filter(|&c| is_alphanumeric(c)).count() < 2 {
            return;
        }
        match lang {
            Lang::Ar => {
                let article = folded.starts_with("ال");
                self.push(folded.clone(), PatternTarget { target, lang, case: CaseRule::Any, article, fused_lil: false, written, shared });
                if article {
                    let stem = folded["ال".len()..].to_string();
                    self.push(stem, PatternTarget { target, lang, case: CaseRule::Any, article, fused_lil: true, written, shared });
                }
            }
            Lang::En => {
                let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
                let case = if matches!(target, Target::Title { .. }) {
                    CaseRule::Any
                } else if letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase()) {
                    CaseRule::Exact
                } else if written.chars().next().is_some_and(char::is_uppercase) {
                    CaseRule::Initial
                } else {
                    CaseRule::Any
                };
                self.push(folded, PatternTarget { target, lang, case, article: false, fused_lil: false, written, shared });
            }
        }
    }

    /// Adds every `|`-variant of the given columns of a row as forms of `target`.
    fn add_columns(&mut self, row: &[&'static str], columns: &[usize], target: Target) {
        for &col in columns {
            for v in variants(field(row, col)) {
                self.add(v, target);
            }
        }
    }

    fn push(&mut self, pattern: String, pt: PatternTarget) {
        let forms = if has_arabic_block(&pattern) { &mut self.arabic } else { &mut self.other };
        let i = *forms.index.entry(pattern.clone()).or_insert_with(|| {
            forms.patterns.push(pattern);
            forms.targets.push(Vec::new());
            forms.targets.len() - 1
        });
        if !forms.targets[i].iter().any(|t| t.target == pt.target && t.fused_lil == pt.fused_lil) {
            forms.targets[i].push(pt);
        }
    }

    fn shared_names(&mut self, t: &Tsv) {
        let (entity, forms) = (t.column("entity"), t.column("forms"));
        for row in &t.rows {
            for form in variants(field(row, forms)) {
                self.shared.insert((field(row, entity).to_string(), form.to_string()), false);
            }
        }
    }

    fn entity(&mut self, e: Entity) -> usize {
        self.entities.push(e);
        self.entities.len() - 1
    }

    fn countries(&mut self, t: &Tsv) {
        let c = |n| t.column(n);
        let (id, name_en, name_ar, al_en, al_ar, dem_en, nisba_ar, cap_en, cap_ar, seat_en, seat_ar) = (
            c("id"), c("name_en"), c("name_ar"), c("aliases_en"), c("aliases_ar"), c("demonym_en"),
            c("nisba_ar"), c("capital_en"), c("capital_ar"), c("seats_en"), c("seats_ar"),
        );
        for row in &t.rows {
            let e = self.entity(Entity {
                key: format!("country:{}", field(row, id)),
                kind: ActorKind::Country,
                name_ar: field(row, name_ar).to_string(),
                name_en: field(row, name_en).to_string(),
                affiliation: Some(field(row, id).to_string()),
                gender: None,
                roles: vec![],
                home: None,
            });
            let name = |form| Target::Entity { entity: e, form };
            self.add_columns(row, &[name_en, name_ar, al_en, al_ar], name(NameForm::Name));
            self.add_columns(row, &[cap_en, cap_ar], name(NameForm::Capital));
            self.add_columns(row, &[seat_en, seat_ar], name(NameForm::Seat));
            for v in variants(field(row, dem_en)) {
                self.add(v, Target::Demonym { country: e });
            }
            for v in variants(field(row, nisba_ar)) {
                for form in nisba_inflections(v) {
                    self.add(leak(form), Target::Demonym { country: e });
                }
            }
        }
    }

    fn organizations(&mut self, t: &Tsv) {
        let c = |n| t.column(n);
        let (id, kind, name_en, name_ar, al_en, al_ar, country) =
            (c("id"), c("kind"), c("name_en"), c("name_ar"), c("aliases_en"), c("aliases_ar"), c("country"));
        for row in &t.rows {
            let e = self.entity(Entity {
                key: format!("org:{}", field(row, id)),
                kind: if field(row, kind) == "group" { ActorKind::Group } else { ActorKind::Organization },
                name_ar: field(row, name_ar).to_string(),
                name_en: field(row, name_en).to_string(),
                affiliation: Some(field(row, country)).filter(|s| !s.is_empty()).map(str::to_string),
                gender: None,
                roles: vec![],
                home: None,
            });
            self.add_columns(row, &[name_en, name_ar, al_en, al_ar], Target::Entity { entity: e, form: NameForm::Name });
        }
    }

    fn people(&mut self, t: &Tsv) {
        let c = |n| t.column(n);
        let (id, country, gender, name_en, name_ar, al_en, al_ar, role_en, role_ar) = (
            c("id"), c("country"), c("gender"), c("name_en"), c("name_ar"), c("aliases_en"), c("aliases_ar"),
            c("role_en"), c("role_ar"),
        );
        for row in &t.rows {
            let e = self.entity(Entity {
                key: format!("person:{}", field(row, id)),
                kind: ActorKind::Person,
                name_ar: field(row, name_ar).to_string(),
                name_en: field(row, name_en).to_string(),
                affiliation: Some(field(row, country)).filter(|s| !s.is_empty()).map(str::to_string),
                gender: field(row, gender).chars().next(),
                roles: [role_en, role_ar].iter().flat_map(|&c| variants(field(row, c))).collect(),
                home: None,
            });
            self.add_columns(row, &[name_en, name_ar, al_en, al_ar], Target::Entity { entity: e, form: NameForm::Name });
        }
    }

    fn titles(&mut self, t: &Tsv) {
        let (en, ar, ar_f, rank) = (t.column("title_en"), t.column("title_ar"), t.column("title_ar_feminine"), t.column("rank"));
        for row in &t.rows {
            self.titles.push(Title { rank: field(row, rank).to_string() });
            let title = self.titles.len() - 1;
            self.add_columns(row, &[en, ar, ar_f], Target::Title { title });
            // The construct form without the article (مفوض التجارة، سفيرة فرنسا) for one-word
            // titles written with it.
            for col in [ar, ar_f] {
                for v in variants(field(row, col)) {
                    if let Some(bare) = v.strip_prefix("ال").filter(|b| !b.contains(' ') && b.chars().count() >= 3) {
                        self.add(bare, Target::Title { title });
                    }
                }
            }
        }
    }

    fn finish(mut self) -> Lexicon {
        // Each entity's country: a country is its own; an organisation's or a person's
        // affiliation is a country or an organisation (a party leader), whose country it is.
        let index: rustc_hash::FxHashMap<String, usize> = self.entities.iter().enumerate().map(|(i, e)| (e.key.clone(), i)).collect();
        let country_of = |affiliation: &str| index.get(&format!("country:{affiliation}")).copied();
        let homes: Vec<Option<usize>> = self
            .entities
            .iter()
            .map(|e| {
                let a = e.affiliation.as_deref()?;
                country_of(a).or_else(|| self.entities[*index.get(&format!("org:{a}"))?].affiliation.as_deref().and_then(country_of))
            })
            .collect();
        for (e, home) in self.entities.iter_mut().zip(homes) {
            e.home = home;
        }
        let mut unmatched: Vec<String> = self.shared.iter().filter(|(_, seen)| !**seen).map(|((key, form), _)| format!("{key} {form}")).collect();
        crate::sort::sort(&mut unmatched);
        Lexicon { entities: self.entities, titles: self.titles, arabic: self.arabic, other: self.other, unmatched_shared_names: unmatched }
    }
}

/// The forms of a nisba adjective that name a state's side in news: masculine and feminine,
/// singular and sound plural, bare and with the article (روسي → الروسي، الروسية، الروسيين …).
fn nisba_inflections(masculine: &str) -> Vec<String> {
    let mut out = Vec::new();
    for suffix in ["", "ة", "ين", "ون", "تين", "تان", "ان"] {
        let f = format!("{masculine}{suffix}");
        out.push(format!("ال{f}"));
        out.push(f);
    }
    out
}

/// Generated forms live as long as the lexicon, which lives for the whole program.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, String)> {
        let lex = Lexicon::builtin();
        let doc = Document::new(text);
        lex.scan(&doc)
            .into_iter()
            .map(|m| {
                let what = match m.target {
                    Target::Entity { entity, .. } => lex.entities[entity].key.clone(),
                    Target::Demonym { country } => format!("demonym:{}", lex.entities[country].key),
                    Target::Title { .. } => "title".to_string(),
                };
                (doc.text[doc.original_range(m.fstart..m.fend)].to_string(), what)
            })
            .collect()
    }

    #[test]
    fn finds_names_through_clitics_and_spelling_variants() {
        let got = names("وبوتين التقى لترامب في موسكو، وقالت الولايات المتحدة للولايات المتحدة.");
        let want = [
            ("بوتين", "person:vladimir-putin"),
            ("ترامب", "person:donald-trump"),
            ("موسكو", "country:ru"),
            ("الولايات المتحدة", "country:us"),
            ("ولايات المتحدة", "country:us"),
        ];
        for (surface, key) in want {
            assert!(got.iter().any(|(s, k)| s == surface && k == key), "{surface} → {key} not in {got:?}");
        }
    }

    #[test]
    fn case_rules_keep_common_words_out() {
        let got = names("Tell us about the turkey. The US and Turkey met.");
        assert_eq!(got.iter().filter(|(_, k)| k == "country:us").count(), 1, "{got:?}");
        assert_eq!(got.iter().filter(|(_, k)| k == "country:tr").count(), 1, "{got:?}");
    }

    #[test]
    fn nisba_and_titles() {
        let got = names("الرئيس الروسي والسفيرة الأمريكية");
        assert!(got.contains(&("الروسي".to_string(), "demonym:country:ru".to_string())), "{got:?}");
        assert!(got.contains(&("الأمريكية".to_string(), "demonym:country:us".to_string())), "{got:?}");
        assert!(got.iter().any(|(s, k)| s == "الرئيس" && k == "title"), "{got:?}");
    }

    #[test]
    fn tanween_marks_an_adjective_not_a_name() {
        // "رئيسًا روسيًا" is "a Russian president"; روسيا without tanween is Russia.
        let got = names("بصفته رئيسًا روسيًا زار روسيا");
        assert_eq!(got.iter().filter(|(_, k)| k == "country:ru").count(), 1, "{got:?}");
    }

    #[test]
    fn compound_adjectives_do_not_name_states() {
        let got = names("Israel-linked ships and the Iran-aligned group; Israel said so.");
        assert_eq!(got.iter().filter(|(_, k)| k == "country:il").count(), 1, "{got:?}");
        assert!(got.iter().all(|(_, k)| k != "country:ir"), "{got:?}");
    }

    #[test]
    fn the_search_from_word_starts_finds_what_the_full_search_keeps() {
        // Forms at the start, after punctuation, inside words (Oman in Omani, US in business),
        // overlapping (European Union, Union), several words, digits and accents.
        let texts = [
            "US President Joe Biden met European Union leaders; business in Omani ports (UN-backed) and the U.S.-led talks.",
            "Le Président Macron à Paris, l'Élysée: NATO's chief, Türkiye and Côte d'Ivoire, G7/G20 in 2025.",
            "usus US-US, UNHCR UNRWA-run; the Russian-Ukrainian war and Hamas-led Gaza.",
        ];
        let forms = &Lexicon::builtin().other;
        for text in texts {
            let hay = fold_str(text);
            let starts_word = |s: usize| hay[..s].chars().next_back().is_none_or(|c| !is_alphanumeric(c));
            let mut full: Vec<(usize, usize, usize)> =
                forms.find_overlapping(Input::new(&hay)).filter(|m| starts_word(m.start())).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect();
            let mut from_starts: Vec<(usize, usize, usize)> = forms.find_at_word_starts(&hay).iter().map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect();
            full.sort_unstable();
            from_starts.sort_unstable();
            assert!(full.len() >= 5, "{text}: {full:?}");
            assert_eq!(from_starts, full, "{text}");
        }
    }

    #[test]
    fn no_match_inside_words() {
        // "Omani" must not yield Oman, nor "رأيهم" any short form.
        let got = names("Omani officials");
        assert!(got.iter().all(|(_, k)| k != "country:om"), "{got:?}");
    }

    #[test]
    fn a_shared_name_needs_its_country_in_the_article() {
        let labour = |text: &str| names(text).iter().filter(|(_, k)| k == "org:labour").count();
        // Tunisia's Workers' Party is not Britain's Labour ...
        assert_eq!(labour("وأعرب حزب العمال التونسي المعارض عن تضامنه مع المضربين في تونس."), 0);
        // ... which it is once Britain, a British body or a Briton is named.
        assert_eq!(labour("وقال حزب العمال إن بريطانيا لن تتراجع."), 1);
        assert_eq!(labour("ورد حزب العمال على البرلمان البريطاني."), 1);
        // The entity's own full name is not shared and needs nothing.
        assert_eq!(labour("وقال حزب العمال البريطاني إنه سيفوز."), 1);
        let spd = |text: &str| names(text).iter().filter(|(_, k)| k == "org:spd").count();
        assert_eq!(spd("Sweden's Social Democrats won the vote."), 0);
        assert_eq!(spd("In Germany the Social Democrats won the vote."), 1);
        assert_eq!(spd("The SPD won the vote."), 1);
    }

    #[test]
    fn every_shared_name_is_a_name_of_its_entity() {
        assert!(Lexicon::builtin().unmatched_shared_names.is_empty(), "{:?}", Lexicon::builtin().unmatched_shared_names);
    }
}
