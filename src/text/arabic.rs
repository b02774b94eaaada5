//! Arabic morphology needed for matching: proclitics, enclitics and definiteness.
//!
//! Arabic attaches conjunctions (و "and", ف "so"), prepositions (ب "with", ل "for", ك "as"),
//! the future particle (س) and the article (ال) to the front of a word, and object/possessive
//! pronouns to its end. A name or cue word must therefore be found inside a longer
//! orthographic word. All functions here take folded text (see `fold`).

/// Conjunction proclitics, which come first.
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
/// Preposition proclitics, after an optional conjunction.
const PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];

/// Pronoun enclitics (object or possessive), longest first: ـهما، ـهم، ـها، ـكم، ـنا، ـه، ـك.
pub(crate) const ENCLITICS: [&str; 8] = ["هما", "هم", "هن", "ها", "كم", "نا", "ه", "ك"];

/// Whether `prefix` is a valid sequence of proclitics before a word.
///
/// `before_article`: the matched word starts with ال, so a preposition ل cannot precede it
/// (ل + ال is written لل, handled by `fused_lil`). `fused_lil`: the match had its article
/// removed and the prefix must end in the fused لل ("for the").
pub(crate) fn is_proclitic_prefix(prefix: &str, before_article: bool, fused_lil: bool) -> bool {
    // At most three proclitic letters (و + لل); a longer prefix is none. Kept on the stack:
    // this runs for every lexicon match and every reading of an Arabic word.
    let mut buf = ['\0'; 3];
    let mut n = 0;
    for c in prefix.chars() {
        if n == buf.len() {
            return false;
        }
        buf[n] = c;
        n += 1;
    }
    let chars = &buf[..n];
    if fused_lil {
        if chars.len() < 2 || chars[chars.len() - 2..] != ['ل', 'ل'] {
            return false;
        }
        let chars = &chars[..chars.len() - 2];
        return chars.is_empty() || (chars.len() == 1 && CONJUNCTIONS.contains(&chars[0]));
    }
    match chars {
        [] => true,
        [c] => CONJUNCTIONS.contains(c) || (PREPOSITIONS.contains(c) && !(before_article && *c == 'ل')),
        [c, p] => CONJUNCTIONS.contains(c) && PREPOSITIONS.contains(p) && !(before_article && *p == 'ل'),
        _ => false,
    }
}

/// Candidate stems of a word with its conjunction (and, for verbs, future س) removed:
/// `وسيؤكد` → `[وسيوكد, سيوكد, يوكد]`. The word itself comes first.
pub(crate) fn verb_stems(word: &str) -> Stems<'_> {
    let mut out = Stems { items: [word; 3], len: 1 };
    let mut rest = word;
    if let Some(c) = rest.chars().next() {
        if CONJUNCTIONS.contains(&c) && rest.chars().count() > 3 {
            rest = &rest[c.len_utf8()..];
            out.items[out.len] = rest;
            out.len += 1;
        }
    }
    if rest.starts_with('س') && rest.chars().count() > 3 {
        let r = &rest['س'.len_utf8()..];
        if r.starts_with(['ي', 'ت', 'ن', 'ا']) {
            out.items[out.len] = r;
            out.len += 1;
        }
    }
    out
}

/// The stems of [`verb_stems`], one to three, kept on the stack: it runs for most Arabic
/// words of an article, several times each.
pub(crate) struct Stems<'a> {
    items: [&'a str; 3],
    len: usize,
}

impl<'a> std::ops::Deref for Stems<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        &self.items[..self.len]
    }
}

impl<'a> IntoIterator for Stems<'a> {
    type Item = &'a str;
    type IntoIter = std::iter::Take<std::array::IntoIter<&'a str, 3>>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

/// Removes a pronoun enclitic if what stays is long enough to be a word: `أكده` → `أكد`.
pub(crate) fn strip_enclitic(word: &str) -> Option<&str> {
    ENCLITICS.iter().find_map(|e| {
        word.strip_suffix(e).filter(|stem| stem.chars().count() >= 2)
    })
}

/// The word without proclitics and article: `وبالرئيس` → `رئيس`, `للحركة` → `حركه`.
pub(crate) fn bare_noun(word: &str) -> &str {
    let long = |w: &str| w.chars().count() > 3;
    let mut w = word;
    if let Some(c) = w.chars().next().filter(|c| CONJUNCTIONS.contains(c)) {
        if long(w) {
            w = &w[c.len_utf8()..];
        }
    }
    if let Some(r) = w.strip_prefix("لل").filter(|r| r.chars().count() >= 2) {
        return r;
    }
    if let Some(c) = w.chars().next().filter(|c| PREPOSITIONS.contains(c)) {
        if w[c.len_utf8()..].starts_with("ال") {
            w = &w[c.len_utf8()..];
        }
    }
    w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w)
}

/// The word without its conjunction and preposition proclitics, keeping the article:
/// `وبالرئيس` → `الرئيس`, `وحزب` → `حزب`, `للحركة` → `الحركه` is not restored (→ `لحركه`).
/// Only strips when a stem of three or more letters remains.
pub(crate) fn without_proclitics(word: &str) -> &str {
    let long = |w: &str| w.chars().count() >= 3;
    let mut w = word;
    if let Some(c) = w.chars().next().filter(|c| CONJUNCTIONS.contains(c)) {
        if long(&w[c.len_utf8()..]) {
            w = &w[c.len_utf8()..];
        }
    }
    if let Some(c) = w.chars().next().filter(|c| PREPOSITIONS.contains(c)) {
        let rest = &w[c.len_utf8()..];
        if rest.starts_with("ال") || (long(rest) && c != 'ل') || (c == 'ل' && long(rest) && !rest.starts_with('ل')) {
            w = rest;
        }
    }
    w
}

/// Definite by the article (after any proclitics): الحرب، والحرب، بالقمة، للمحادثة.
pub(crate) fn has_article(word: &str) -> bool {
    let strip = |w: &str| -> bool { w.starts_with("ال") && w.chars().count() > 3 };
    if strip(word) || (word.starts_with("لل") && word.chars().count() > 3) {
        return true;
    }
    let mut chars = word.chars();
    match (chars.next(), chars.as_str()) {
        (Some(c), rest) if CONJUNCTIONS.contains(&c) || PREPOSITIONS.contains(&c) => {
            strip(rest)
                || (rest.starts_with("لل") && c != 'ل')
                || rest.chars().next().is_some_and(|p| PREPOSITIONS.contains(&p) && strip(&rest[p.len_utf8()..]))
        }
        _ => false,
    }
}

/// The word starts with a preposition proclitic (ب ل ك, possibly after و/ف) that is not part
/// of the stem — judged only when what follows is the article or the rest is long enough.
pub(crate) fn has_preposition_proclitic(word: &str) -> bool {
    let mut w = word;
    if let Some(c) = w.chars().next() {
        if CONJUNCTIONS.contains(&c) && w.chars().count() > 3 {
            w = &w[c.len_utf8()..];
        }
    }
    match w.chars().next() {
        Some(p) if PREPOSITIONS.contains(&p) => {
            let rest = &w[p.len_utf8()..];
            rest.starts_with("ال") || (p == 'ل' && rest.starts_with('ل'))
        }
        _ => false,
    }
}

/// The word begins with the conjunction و/ف followed by the article or a long stem: a
/// continuation of the previous phrase ("والدبلوماسية", "ومصالح").
pub(crate) fn starts_with_conjunction(word: &str) -> bool {
    match word.chars().next() {
        Some(c) if CONJUNCTIONS.contains(&c) => {
            let rest = &word[c.len_utf8()..];
            rest.starts_with("ال") || rest.chars().count() >= 4
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_str;

    #[test]
    fn proclitic_prefixes() {
        let cases = [
            ("", false, false, true),
            ("و", false, false, true),
            ("وب", false, false, true),
            ("ل", false, false, true),
            ("ل", true, false, false),
            ("لل", false, true, true),
            ("ولل", false, true, true),
            ("كل", false, false, false),
            ("بو", false, false, false),
            ("وبل", false, false, false),
        ];
        for (prefix, article, fused, ok) in cases {
            assert_eq!(is_proclitic_prefix(prefix, article, fused), ok, "{prefix:?} article={article} fused={fused}");
        }
    }

    #[test]
    fn definiteness_and_clitics() {
        let cases = [
            ("الحرب", true), ("والدبلوماسية", true), ("بالقمة", true), ("للمحادثة", true),
            ("وللحركة", true), ("زعيم", false), ("مبادرات", false), ("لضغوط", false), ("البرهان", true),
        ];
        for (w, def) in cases {
            assert_eq!(has_article(&fold_str(w)), def, "{w}");
        }
        assert!(has_preposition_proclitic(&fold_str("بالقمة")));
        assert!(has_preposition_proclitic(&fold_str("للمحادثة")));
        assert!(!has_preposition_proclitic(&fold_str("بوتين")));
        assert!(starts_with_conjunction(&fold_str("ومصالح")));
        assert!(!starts_with_conjunction(&fold_str("وزير")));
        assert_eq!(bare_noun(&fold_str("وبالرئيس")), "رييس");
        assert_eq!(bare_noun(&fold_str("للحركة")), "حركه");
        assert_eq!(strip_enclitic(&fold_str("أكده")), Some("اكد"));
        assert_eq!(verb_stems(&fold_str("وسيؤكد")).to_vec(), vec!["وسيوكد", "سيوكد", "يوكد"]);
    }
}
