//! Every offset in the output is a UTF-16 range into the input that slices back to the
//! reported text: mentions to an alias, position spans to the position text, sentences to a
//! part of the text holding the span — for Arabic, English, emoji and combining marks.

use stancemap::{analyze, Analysis, Options};

fn slice(text: &str, [s, e]: [usize; 2]) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert!(s <= e && e <= units.len(), "span {s}..{e} outside 0..{}", units.len());
    String::from_utf16(&units[s..e]).expect("span on UTF-16 boundaries")
}

fn check(text: &str) -> Analysis {
    let a = analyze(text, &Options::default());
    for actor in &a.actors {
        assert!(!actor.mentions.is_empty(), "{} has no mentions", actor.name);
        for &m in &actor.mentions {
            let s = slice(text, m);
            assert!(!s.trim().is_empty(), "empty mention of {}", actor.name);
            assert!(actor.aliases.iter().any(|al| al == &s) || actor.aliases.iter().any(|al| al.contains(&s) || s.contains(al.as_str())),
                "mention {s:?} of {} is none of its aliases {:?}", actor.name, actor.aliases);
        }
    }
    for p in &a.positions {
        assert_eq!(slice(text, p.span), p.text);
        assert!(slice(text, p.sentence).contains(&p.text) || p.sentence[0] <= p.span[0] && p.span[1] <= p.sentence[1]);
        assert!(a.actors.iter().any(|x| x.id == p.actor), "position of unknown actor {}", p.actor);
    }
    for c in &a.table.columns {
        assert!(a.actors.iter().any(|x| x.id == *c), "table column {c} is no actor");
    }
    assert_eq!(a, analyze(text, &Options::default()), "deterministic");
    a
}

#[test]
fn offsets_slice_back_table() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("arabic with clitics", "وقال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة. ورفضت أوكرانيا التنازل عن أراضيها.", &["فلاديمير بوتين", "أوكرانيا"]),
        ("arabic with tashkeel", "وقالَ الرئيسُ الروسيُّ فلاديميرُ بوتينُ إنَّ الحوارَ ممكنٌ.", &["فلاديميرُ بوتينُ"]),
        ("english", "French President Emmanuel Macron rejected the plan. Macron said it was unfair.", &["Emmanuel Macron", "Macron"]),
        ("emoji before names", "🇺🇸🔥 US President Donald Trump 👍 warned Iran against escalation. 🇮🇷 Iran rejected the warning.", &["Donald Trump", "Iran"]),
        ("combining marks", "Pre\u{0301}sident Emmanuel Macron met Recep Tayyip Erdog\u{0306}an. Erdog\u{0306}an rejected the offer.", &["Emmanuel Macron"]),
        ("bidi controls", "\u{202B}قال الرئيس الروسي فلاديمير بوتين\u{202C} إن المحادثات مستمرة.", &["فلاديمير بوتين"]),
    ];
    for (name, text, mentioned) in cases {
        let a = check(text);
        for m in *mentioned {
            let found = a.actors.iter().any(|x| x.mentions.iter().any(|&sp| slice(text, sp) == *m));
            assert!(found, "{name}: no mention slicing to {m:?} in {:?}", a.actors);
        }
    }
}

#[test]
fn hostile_or_empty_input_does_not_panic() {
    for text in ["", " ", "\n\n\n", "<script>alert(1)</script>", "\u{0}\u{0}", "ـــــ", "،،،؛؛؛", "|||\n|---|\n| a | b |", "\t\t\t"] {
        let a = check(text);
        assert!(a.actors.is_empty(), "{text:?} has no actors");
    }
}
