//! Where Arabic cells were glued inside one whitespace token. Copying an HTML table whose
//! cells run together leaves Latin text a mark (a capital after lowercase letters: see
//! [`super::line_words`]); Arabic has no case, and its letters join whatever follows, so
//! "المحورمازن" or "الدخلرفع" look like one word. The cut is guessed from what words are:
//! - a word the reader knows on either side: a given name, a name of the lexicon, a word
//!   naming the aspect column, or a word the article itself writes on its own elsewhere;
//! - the article ال opening the second part ("الحزبالنخيل"): inside a word those two letters
//!   are far rarer than at its start;
//! - in a table whose header was glued (its rows were copied the same way), a definite noun
//!   followed by more letters: after ال and its stem a noun takes only the plural, dual or
//!   nisba endings, so what follows them starts the next cell ("الضرائبخفض"); and two words
//!   of Arabic patterns where the whole fits none (أسنانتاجر: أفعال + فاعل, see
//!   [`super::arabic_patterns`]). Where in the token is decided by the patterns the pieces
//!   fit (المياه|حفر, not الميا|هحفر), then by how Arabic words end and begin (the last two
//!   letters of the words the reader knows, the first two of their stems).
//!
//! Each guess is only a candidate: the row's segmenter cuts there when the row needs it (the
//! same number of cells in every row), and a candidate it does not use leaves the cell's text
//! whole, since a cell is a byte range of the line.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::arabic_patterns::{shape, Shape};
use super::vocabulary;
use crate::lexicon::given_names::given_names;
use crate::lexicon::Lexicon;
use crate::mentions::words::{self, class};
use crate::text::{arabic, fold_str};

/// Longer runs of letters are not cut by guessing (no word or pair of words is that long),
/// which also keeps a line of a megabyte without spaces linear.
const MAX_GUESSED_TOKEN: usize = 30;
/// The shortest part a guess leaves on either side: one or two letters are a proclitic or a
/// particle more often than a cell's word.
const MIN_PART: usize = 3;
/// The shortest word that counts as known, but for given names: shorter pieces match by
/// chance.
const MIN_KNOWN: usize = 4;

/// Endings that continue the word before them (plural, dual, feminine plural, nisba — also
/// of a word in ـان: حوراني، سودانية — pronoun enclitics), never a word of their own.
const CONTINUATIONS: &[&str] = &["ات", "ان", "ون", "ين", "يه", "ي", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "يات", "يين", "يون", "تان", "تين", "ته", "تها", "يا", "اني", "انيه"];

/// Whether a character belongs to the Arabic letters.
pub(crate) fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c) || ('\u{0671}'..='\u{06D3}').contains(&c)
}

/// A letter written only at a word's end, or a tanween mark: ta marbuta (ة) and alef maqsura
/// (ى) become ت and ا or ي inside a word, and tanween ends it. A letter after one begins
/// another word.
pub(crate) fn ends_a_word(c: char) -> bool {
    matches!(c, 'ة' | 'ى' | '\u{064B}' | '\u{064C}' | '\u{064D}')
}

/// Letters no word opens with: a hamza on its seat of ya or waw, or on the line, and the
/// word-final letters.
fn cannot_open(c: char) -> bool {
    matches!(c, 'ئ' | 'ؤ' | 'ء' | 'ة' | 'ى') || ('\u{064B}'..='\u{065F}').contains(&c)
}

/// What the lexicon teaches about Arabic words: the words themselves, and how they end and
/// how their stems begin (pairs of folded letters, counted).
#[derive(Default)]
struct Known {
    words: FxHashSet<String>,
    /// Given names, known from three letters (other words from four).
    names: FxHashSet<String>,
    ends: FxHashMap<(char, char), u32>,
    starts: FxHashMap<(char, char), u32>,
    /// Pairs of letters anywhere in a stem: how often a pair is seen at all, against which
    /// its counts at a word's end or a stem's start are weighed.
    pairs: FxHashMap<(char, char), u32>,
}

impl Known {
    fn add(&mut self, folded: &str) {
        self.add_times(folded, 1);
    }

    /// Adds a word written `times` times.
    fn add_times(&mut self, folded: &str, times: u32) {
        if words::is(class!("ar.stop", "ar.preposition"), folded) {
            return;
        }
        let n = folded.chars().count();
        if !(MIN_PART..=MAX_GUESSED_TOKEN).contains(&n) || !folded.chars().all(is_arabic_letter) {
            return;
        }
        if let Some(pair) = last_two(folded) {
            *self.ends.entry(pair).or_default() += times;
        }
        let stem = arabic::bare_noun(folded);
        if let Some(pair) = first_two(stem) {
            *self.starts.entry(pair).or_default() += times;
        }
        for pair in stem.chars().zip(stem.chars().skip(1)) {
            *self.pairs.entry(pair).or_default() += times;
        }
        if n >= MIN_KNOWN {
            // Most words of an article come again: look before copying.
            for word in [arabic::without_proclitics(folded), folded] {
                if !self.words.contains(word) {
                    self.words.insert(word.to_string());
                }
            }
        }
    }

    fn lexicon() -> &'static Known {
        static KNOWN: OnceLock<Known> = OnceLock::new();
        KNOWN.get_or_init(|| {
            let mut k = Known::default();
            let forms = Lexicon::builtin().arabic_forms().chain(given_names().keys().map(String::as_str));
            for form in forms {
                for w in form.split_whitespace() {
                    k.add(w);
                }
            }
            k.names = given_names().keys().filter(|n| !n.contains(' ') && n.chars().all(is_arabic_letter)).cloned().collect();
            k
        })
    }
}

fn first_two(s: &str) -> Option<(char, char)> {
    let mut c = s.chars();
    Some((c.next()?, c.next()?))
}

fn last_two(s: &str) -> Option<(char, char)> {
    let mut c = s.chars().rev();
    let b = c.next()?;
    Some((c.next()?, b))
}

/// The Arabic words a reader knows while reading one article: the lexicon's, and the words
/// the article writes on their own.
pub(crate) struct ArabicWords<'a> {
    /// The article's folded text, kept to count its words the first time a guess needs them:
    /// most articles have no glued table, and counting every word of a long one costs more
    /// than the rest of the table stage. Borrowed from the document (a copy was as long as
    /// the article, for a count most articles never need).
    folded: std::borrow::Cow<'a, str>,
    counted: std::cell::OnceCell<ArticleWords>,
}

struct ArticleWords {
    article: Known,
    /// How often the article writes each word between non-letters: a run of letters written
    /// twice or more is one word (two cells glued alike twice are rare).
    written: FxHashMap<String, u32>,
}

/// How sure a guessed cut is.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Cue {
    /// Two pieces shaped like words where the whole is shaped like none, in a glued table.
    Shaped,
    /// A definite noun with letters after it, in a glued table.
    Definite,
    /// The article opens the second part.
    Article,
    /// A known word on one side.
    Known,
}

impl<'a> ArabicWords<'a> {
    /// The words of `text` (none when it has no Arabic letter).
    #[cfg(test)]
    pub(crate) fn of(text: &str) -> ArabicWords<'static> {
        let folded = ArabicWords::of_folded(&fold_str(text)).folded.into_owned();
        ArabicWords { folded: folded.into(), counted: std::cell::OnceCell::new() }
    }

    /// The words of a text already folded (the document's matching form).
    pub(crate) fn of_folded(folded: &'a str) -> ArabicWords<'a> {
        // Every letter of `is_arabic_letter` is two bytes in UTF-8, the first D8 to DB: text
        // without such a byte (most English articles) is not decoded.
        let arabic = folded.bytes().any(|b| (0xD8..=0xDB).contains(&b)) && folded.chars().any(is_arabic_letter);
        ArabicWords { folded: if arabic { folded.into() } else { "".into() }, counted: std::cell::OnceCell::new() }
    }

    /// Whether the article has no Arabic word to guess from (nothing is ever cut).
    pub(crate) fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    fn counted(&self) -> &ArticleWords {
        self.counted.get_or_init(|| {
            let mut written: FxHashMap<&str, u32> = FxHashMap::default();
            for word in self.folded.split(|c: char| !is_arabic_letter(c)).filter(|t| !t.is_empty()) {
                *written.entry(word).or_default() += 1;
            }
            // Each distinct word once, with its count: an article repeats most of its words.
            let mut article = Known::default();
            for (word, &times) in &written {
                article.add_times(word, times);
            }
            let written = written.into_iter().map(|(w, n)| (w.to_string(), n)).collect();
            ArticleWords { article, written }
        })
    }

    fn knows(&self, folded: &str) -> bool {
        let lexicon = Known::lexicon();
        let known = |w: &str| lexicon.words.contains(w) || self.counted().article.words.contains(w) || lexicon.names.contains(w);
        known(folded) || known(arabic::without_proclitics(folded)) || vocabulary::is("ar.aspect_label", folded)
    }

    /// How likely a word ends with `left`'s last two letters and a stem begins with
    /// `right`'s first two, among the lexicon's and the article's words: how often each pair
    /// is seen there against how often it is seen at all. The likelier place for a cut.
    fn boundary_score(&self, left: &str, right: &str) -> f64 {
        let count = |map: fn(&Known) -> &FxHashMap<(char, char), u32>, pair: (char, char)| {
            (map(Known::lexicon()).get(&pair).copied().unwrap_or(0) + map(&self.counted().article).get(&pair).copied().unwrap_or(0)) as f64
        };
        let share = |map: fn(&Known) -> &FxHashMap<(char, char), u32>, pair: Option<(char, char)>| {
            pair.map_or(f64::NEG_INFINITY, |p| ((count(map, p) + 0.1) / (count(|k| &k.pairs, p) + 1.0)).ln())
        };
        share(|k| &k.ends, last_two(left)) + share(|k| &k.starts, first_two(arabic::bare_noun(right)))
    }

    /// Byte offsets in `part` (a run of Arabic letters with no certain cut inside) where two
    /// words were probably glued. `definite` allows the weakest cue, for the rows of a table
    /// known to be glued.
    pub(crate) fn seams(&self, part: &str, definite: bool) -> Vec<usize> {
        let chars: Vec<(usize, char)> = part.char_indices().collect();
        let n = chars.len();
        if !(2 * MIN_PART..=MAX_GUESSED_TOKEN).contains(&n) || !chars.iter().all(|&(_, c)| is_arabic_letter(c)) {
            return Vec::new();
        }
        let whole = fold_str(part);
        if Known::lexicon().words.contains(&whole) || self.counted().written.get(&whole).is_some_and(|&n| n >= 2) {
            return Vec::new();
        }
        let mut candidates: Vec<(Cue, u8, f64, usize)> = Vec::new();
        for (k, &(at, opening)) in chars.iter().enumerate().take(n - MIN_PART + 1).skip(MIN_PART) {
            if let Some(cue) = self.cue(&part[..at], &part[at..], opening, definite, shape(&whole)) {
                let (l, r) = (fold_str(&part[..at]), fold_str(&part[at..]));
                // A cell seldom opens with a preposition proclitic (بخفض): the cut before it
                // is the likelier one.
                let proclitic = if r.starts_with(['ب', 'ل', 'ك']) { 2.0 } else { 0.0 };
                candidates.push((cue, shapes(&l, &r).saturating_sub(takes_ending(&r)), self.boundary_score(&l, &r) - proclitic, k));
            }
        }
        // The surest cues first; among equals, the cut that leaves pieces shaped like words,
        // then where words end and begin most often.
        crate::sort::sort_by(&mut candidates, |a, b| b.0.partial_cmp(&a.0).unwrap().then(b.1.cmp(&a.1)).then(b.2.total_cmp(&a.2)));
        let mut cuts: Vec<usize> = Vec::new();
        for (cue, _, _, k) in candidates {
            // A definite noun has one end, two glued words one seam: one such guess in the
            // part, and none beside a surer one.
            if cue <= Cue::Definite && !cuts.is_empty() {
                break;
            }
            // The pieces this cut leaves between the cuts already made must be words too
            // (after الأبيض|الجزيرة, الج|زيرة would leave الج).
            let before = cuts.iter().filter(|&&c| c < k).max().map_or(0, |&c| chars[c].0);
            let after = cuts.iter().filter(|&&c| c > k).min().map_or(part.len(), |&c| chars[c].0);
            let at = chars[k].0;
            if cuts.iter().all(|&c| c.abs_diff(k) >= MIN_PART) && is_word(&fold_str(&part[before..at])) && is_word(&fold_str(&part[at..after])) {
                cuts.push(k);
            }
        }
        crate::sort::sort(&mut cuts);
        cuts.into_iter().map(|k| chars[k].0).collect()
    }

    /// The cue for a cut between `left` and `right` (as written), if any.
    fn cue(&self, left: &str, right: &str, opening: char, definite: bool, whole: Shape) -> Option<Cue> {
        if cannot_open(opening) {
            return None;
        }
        let (l, r) = (fold_str(left), fold_str(right));
        let (l_len, r_len) = (l.chars().count(), r.chars().count());
        // Each side must be a word, and the right one no ending of the left.
        if !is_word(&l) || !is_word(&r) || CONTINUATIONS.contains(&r.as_str()) {
            return None;
        }
        if self.knows(&r) || (self.knows(&l) && !ends_in_an_ending(&r)) {
            Some(Cue::Known)
        } else if ends_in_an_ending(&r) {
            None
        } else if r.starts_with("ال") && r_len >= 5 && l_len >= 3 {
            Some(Cue::Article)
        } else if !definite || whole != Shape::None || shape(&r) == Shape::None {
            // Outside a glued table, or where the whole is one word or what would open the
            // next cell is none, the weak cues below prove nothing.
            None
        } else if arabic::has_article(&l) || is_nisba_shaped(&l) {
            // (The definite noun itself may be a name or a loanword, of no pattern.)
            Some(Cue::Definite)
        } else if shape(&l) != Shape::None && shapes(&l, &r) >= 3 {
            // Two indefinite words (أسنان|تاجر), one at least of a pattern with letters of
            // its own: three letters fit فعل whatever they are.
            Some(Cue::Shaped)
        } else {
            None
        }
    }
}

/// How well both pieces of a cut are shaped like words: 0 to 4.
fn shapes(left: &str, right: &str) -> u8 {
    let score = |s: Shape| match s {
        Shape::None => 0,
        Shape::Bare => 1,
        Shape::Patterned => 2,
    };
    score(shape(left)) + score(shape(right))
}

/// 1 when the piece after a cut opens with a dual or plural ending (ـان، ـات، ـين، ـون) and is
/// a word without it: the ending is likelier the end of the word before (الروبيان|حساء, not
/// الروبي|انحساء), whose cut then lies after it.
fn takes_ending(right: &str) -> u8 {
    let ending = ["ان", "ات", "ين", "ون"].iter().any(|e| right.strip_prefix(e).is_some_and(|rest| shape(rest) != Shape::None));
    u8::from(ending)
}

/// A nisba adjective (بحري، محلي) takes after its ي only the endings: more letters start
/// another word.
fn is_nisba_shaped(folded: &str) -> bool {
    folded.ends_with('ي') && folded.chars().count() >= 4
}

/// Whether a piece of a token can be a word: more than its proclitics and article, with a
/// stem of three letters after the article (الم of المالية is none).
fn is_word(folded: &str) -> bool {
    stem_after_article(folded).is_none_or(|stem| stem >= 3) && arabic::bare_noun(folded).chars().count() >= MIN_PART
}

/// A word of fewer than three letters before an ending ("ارات", "رات"): the tail of one
/// word, not a word glued to it.
fn ends_in_an_ending(folded: &str) -> bool {
    CONTINUATIONS.iter().any(|e| folded.strip_suffix(e).is_some_and(|stem| stem.chars().count() < 3))
}

/// The letters after the article, when the word has one (after و، ف، ب، ك, or fused لل).
fn stem_after_article(folded: &str) -> Option<usize> {
    let rest = folded.strip_prefix(['و', 'ف']).unwrap_or(folded);
    let after = rest.strip_prefix(['ب', 'ك']).unwrap_or(rest).strip_prefix("ال").or_else(|| rest.strip_prefix("لل"))?;
    Some(after.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(words: &ArabicWords, token: &str, definite: bool) -> Vec<String> {
        let mut out = Vec::new();
        let mut from = 0;
        for at in words.seams(token, definite).into_iter().chain(std::iter::once(token.len())) {
            out.push(token[from..at].to_string());
            from = at;
        }
        out
    }

    #[test]
    fn an_arabic_letter_begins_with_a_byte_the_quick_check_looks_for() {
        for c in (char::MIN..=char::MAX).filter(|&c| is_arabic_letter(c)) {
            let first = c.to_string().as_bytes()[0];
            assert!((0xD8..=0xDB).contains(&first), "{c} U+{:04X}", c as u32);
        }
        assert!(ArabicWords::of_folded("the minister — “said” ✓ ١٢٣ ۝").is_empty());
        assert!(!ArabicWords::of_folded("the minister — قال").is_empty());
    }

    #[test]
    fn seams_table() {
        // Tokens written for this test; the article text gives the words it knows.
        let words = ArabicWords::of("قال نادر البستاني إن الأرصفة تحتاج إلى صيانة.");
        let cases: &[(&str, bool, &[&str])] = &[
            // A given name after a word naming the aspect column.
            ("المحورطارق", false, &["المحور", "طارق"]),
            // A name the article writes on its own.
            ("البستانيماجد", false, &["البستاني", "ماجد"]),
            // The article opens the second part.
            ("الحزبالمستقل", false, &["الحزب", "المستقل"]),
            // Plain words stay whole outside glued tables.
            ("الاستثمارات", false, &["الاستثمارات"]),
            ("المالية", false, &["المالية"]),
            // A definite noun followed by more letters, in a glued table only.
            ("الضرائبخفض", false, &["الضرائبخفض"]),
            ("الضرائبخفض", true, &["الضرائب", "خفض"]),
            ("الدخلرفع", true, &["الدخل", "رفع"]),
            // An ending continues its word.
            ("الشركات", true, &["الشركات"]),
            ("الحوراني", false, &["الحوراني"]),
            // Where a definite noun ends: the cut that leaves two words of Arabic patterns
            // (مياه: فعال، حفر: فعل) against a shapeless piece (هحفر).
            ("المياهحفر", true, &["المياه", "حفر"]),
            ("المرفأتدريب", true, &["المرفأ", "تدريب"]),
            // A word of a pattern as a whole (أفاعيل) was not glued.
            ("الأنابيب", true, &["الأنابيب"]),
            // Two indefinite words, both of patterns (أفعال، فاعل); not outside glued tables.
            ("أسنانتاجر", true, &["أسنان", "تاجر"]),
            ("أسنانتاجر", false, &["أسنانتاجر"]),
            // A plural or dual ending belongs to the word before (a loanword of no pattern).
            ("بالروبيانحساء", true, &["بالروبيان", "حساء"]),
        ];
        for (token, definite, want) in cases {
            assert_eq!(cut(&words, token, *definite), *want, "{token}");
        }
    }
}
