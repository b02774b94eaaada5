//! Random and mutated input never panics and keeps every offset honest. A deterministic
//! generator (no dependency) builds texts from the pieces that drive the rules: Arabic and
//! Latin words, clitics, titles, names, table separators, quotes, bidi controls, emoji,
//! combining marks and line breaks.

use stancemap::{analyze, Options};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "الرئيس", "الروسي", "فلاديمير", "بوتين", "وبوتين", "لترامب", "للولايات", "المتحدة", "قال", "إن", "أن",
    "رفضت", "أوكرانيا", "حزب", "الله", "نظيره", "الأمريكي", "الجانب", "موقف", "عبد", "بن", "«", "»", "،", "؛", "؟",
    "President", "Putin", "Putin's", "said", "that", "rejected", "the", "Russian", "side", "vs", "Party", "Mr",
    "\"", "“", "”", "'", ",", ".", ":", "|", "\t", "\n", "\n\n", " ", " ", " ", "-", "•", "1.", "2.1",
    "\u{200F}", "\u{202B}", "\u{2066}", "\u{200D}", "🇺🇸", "👍🏽", "e\u{0301}", "\u{064E}", "ـ", "\u{0}", "<script>", "&amp;",
];

fn utf16_slice(text: &str, [s, e]: [usize; 2]) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    (s <= e && e <= units.len()).then(|| String::from_utf16(&units[s..e]).ok()).flatten()
}

fn check(text: &str) {
    let a = analyze(text, &Options::default());
    for actor in &a.actors {
        for &m in &actor.mentions {
            assert!(utf16_slice(text, m).is_some(), "mention {m:?} of {:?} off a boundary in {text:?}", actor.name);
        }
    }
    for p in &a.positions {
        assert_eq!(utf16_slice(text, p.span).as_deref(), Some(p.text.as_str()), "span of {p:?} in {text:?}");
        assert!(utf16_slice(text, p.sentence).is_some());
        assert!(a.actors.iter().any(|x| x.id == p.actor));
    }
    for c in &a.table.columns {
        assert!(c.is_empty() || a.actors.iter().any(|x| &x.id == c), "column {c} in {text:?}");
    }
    for r in &a.table.rows {
        assert_eq!(r.cells.len(), a.table.columns.len(), "row width in {text:?}");
    }
    assert_eq!(a, analyze(text, &Options::default()), "deterministic on {text:?}");
}

#[test]
fn random_texts_keep_the_contract() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for _ in 0..3000 {
        let n = (rng.next() % 40) as usize;
        let text: String = (0..n).map(|_| rng.pick(PIECES).to_string() + if rng.next() % 3 == 0 { "" } else { " " }).collect();
        check(&text);
    }
}

#[test]
fn mutated_articles_keep_the_contract() {
    let articles = [
        "وقال الرئيس الروسي فلاديمير بوتين إن بلاده لن تتنازل. ورفضت أوكرانيا التنازل عن أراضيها.\n\nالعناصر بوتين ترامب\nالدور زعيم قوي صانع صفقات\n",
        "Russian President Vladimir Putin said talks had failed. \"We will not yield,\" said Ukraine's foreign minister, Andrii Sybiha.\n\n| Issue | Russia | Ukraine |\n|---|---|---|\n| Land | Keep it | Return it |\n",
    ];
    let mut rng = Rng(42);
    for article in articles {
        let chars: Vec<char> = article.chars().collect();
        for _ in 0..1500 {
            let mut c = chars.clone();
            for _ in 0..(1 + rng.next() % 4) {
                let at = (rng.next() as usize) % (c.len() + 1);
                match rng.next() % 3 {
                    0 if at < c.len() => {
                        c.remove(at);
                    }
                    1 => c.insert(at.min(c.len()), rng.pick(PIECES).chars().next().unwrap_or(' ')),
                    _ => {
                        let piece: Vec<char> = rng.pick(PIECES).chars().collect();
                        for (k, ch) in piece.into_iter().enumerate() {
                            c.insert((at + k).min(c.len()), ch);
                        }
                    }
                }
            }
            check(&c.into_iter().collect::<String>());
        }
    }
}
