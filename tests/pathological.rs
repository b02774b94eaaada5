//! Pathological inputs a reader can paste: megabytes of text, one enormous line, a hundred
//! thousand table rows, fifty thousand names, a title repeated a hundred thousand times,
//! nothing but punctuation, whitespace or NUL, lone surrogates from JavaScript, mixed scripts
//! and bidi marks.
//!
//! Each case asserts behaviour only: no panic, the output contract (`common/contract.rs`),
//! and output sizes that fit the input (no actor or position out of nothing, none lost to
//! the size). Time is not asserted (speed targets are met in benchmarks that print figures):
//! each case runs at two sizes, ten times apart, and prints a `measure:` line with both sizes
//! and times, so that a super-linear stage shows as a ratio far above 10. The sizes in the
//! test names are those of release builds (`npm run fuzz`, or `cargo test --release --test
//! pathological -- --nocapture --test-threads=1` to read the figures undisturbed); a debug
//! build runs a tenth of them (see [`scales`]).

mod common;

use std::time::Instant;

use common::contract::{check, Utf16Text};
use stancemap::{analyze, Analysis, Options, TableSource};

/// The two sizes each case runs at, in percent of its full size: the full size and a tenth of
/// it in release builds; in debug builds (a plain `cargo test`, some twenty times slower) a
/// tenth and a hundredth, so that the suite stays quick there, unless `PATHOLOGICAL_FULL=1`.
/// `npm run fuzz` runs the full sizes in release.
fn scales() -> [usize; 2] {
    if cfg!(debug_assertions) && std::env::var_os("PATHOLOGICAL_FULL").is_none() { [1, 10] } else { [10, 100] }
}

/// Analyses `make(scale)` at both [`scales`], checks the contract on both, prints the sizes
/// and times, and returns (scale, input, analysis), smaller first.
fn measure(name: &str, make: impl Fn(usize) -> String) -> [(usize, String, Analysis); 2] {
    // The lexicon is compiled on first use: not part of any case's time.
    analyze("", &Options::default());
    let run = |scale: usize| {
        let text = make(scale);
        let started = Instant::now();
        let a = analyze(&text, &Options::default());
        let took = started.elapsed();
        check(&Utf16Text::new(&text), &a);
        (text, a, took)
    };
    let [small_scale, full_scale] = scales();
    let (small, a_small, t_small) = run(small_scale);
    let (full, a_full, t_full) = run(full_scale);
    eprintln!(
        "measure: {name}{}: {} bytes in {:.1} ms ({:.1} MB/s); a tenth ({} bytes) in {:.1} ms; ratio {:.1}",
        if full_scale < 100 { " [debug build, a tenth of the full size]" } else { "" },
        full.len(),
        t_full.as_secs_f64() * 1e3,
        full.len() as f64 / 1e6 / t_full.as_secs_f64().max(1e-9),
        small.len(),
        t_small.as_secs_f64() * 1e3,
        t_full.as_secs_f64() / t_small.as_secs_f64().max(1e-9),
    );
    [(small_scale, small, a_small), (full_scale, full, a_full)]
}

/// Whole articles of our own (tests/articles), Arabic and English, with their tables.
fn articles() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("tests/articles").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("UTF-8 article")).collect()
}

/// Text of at least `bytes` bytes: the articles one after another, over and over.
fn repeated_articles(bytes: usize) -> String {
    let all = articles().join("\n\n");
    let mut out = String::with_capacity(bytes + all.len());
    while out.len() < bytes {
        out.push_str(&all);
        out.push_str("\n\n");
    }
    out
}

/// Distinct family names made of syllables, capitalised ("Kalomebi"), `n` of them.
fn latin_family_names(n: usize) -> Vec<String> {
    const SYLLABLES: &[&str] = &["ka", "lo", "me", "bi", "ru", "sa", "ten", "vo", "dra", "nik", "pel", "zu", "mar", "gos", "tiv", "han"];
    (0..n)
        .map(|mut i| {
            let mut name = String::new();
            for _ in 0..4 {
                name.push_str(SYLLABLES[i % SYLLABLES.len()]);
                i /= SYLLABLES.len();
            }
            name.push_str(SYLLABLES[i % SYLLABLES.len()]);
            let mut c = name.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        })
        .collect()
}

/// The same for Arabic family names (كاليمو…), with the article on every other one.
fn arabic_family_names(n: usize) -> Vec<String> {
    const SYLLABLES: &[&str] = &["كا", "لي", "مو", "بر", "سع", "تن", "ود", "رف", "نج", "هل", "زي", "شم", "قد", "غو", "طب", "خر"];
    (0..n)
        .map(|mut i| {
            let mut name = if i % 2 == 0 { String::new() } else { "ال".to_string() };
            for _ in 0..5 {
                name.push_str(SYLLABLES[i % SYLLABLES.len()]);
                i /= SYLLABLES.len();
            }
            name
        })
        .collect()
}

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn ten_megabytes_of_articles() {
    let [(_, small, a_small), (_, full, a)] = measure("10 MB of articles", |scale| repeated_articles(scale * 100_000));
    // The same actors throughout, and positions in proportion to the text.
    assert!(!a.actors.is_empty() && a.actors.len() <= a_small.actors.len() + 5, "{} actors in 10 MB, {} in 1 MB", a.actors.len(), a_small.actors.len());
    let per_byte = |a: &Analysis, text: &str| a.positions.len() as f64 / text.len() as f64;
    let (p_small, p_full) = (per_byte(&a_small, &small), per_byte(&a, &full));
    assert!(p_full > 0.8 * p_small && p_full < 1.25 * p_small, "positions per byte: {p_small} at 1 MB, {p_full} at 10 MB");
}

#[test]
fn one_megabyte_line() {
    // A single line with no full stop: reported speech after reported speech, quotations,
    // commas and names, the way a pasted page without line breaks looks.
    let unit = "President Vladimir Putin said that the talks would go on, and Ukraine rejected the plan \"as a trap\", while China warned against escalation and France called for a ceasefire، وقال الرئيس الروسي فلاديمير بوتين إن المحادثات مستمرة، ورفضت أوكرانيا الخطة ";
    let [(_, _, a_small), (_, full, a)] = measure("one 1 MB line", |scale| unit.repeat(scale * 10_000 / unit.len() + 1));
    assert!(!full.contains('\n'));
    assert!(a.actors.len() <= a_small.actors.len() + 2, "{} actors", a.actors.len());
    assert!(a.positions.len() <= count(&full, " said ") + count(&full, "rejected") + count(&full, "warned") + count(&full, "called for") + count(&full, "وقال") + count(&full, "ورفضت"));
}

#[test]
fn one_sentence_of_a_hundred_thousand_cues() {
    // Cues whose claims are empty (a hard stop right after) make the rules look back for a
    // quotation; in one sentence without a full stop that look-back must stay bounded.
    for unit in ["Putin said; \"we refuse\" ", "وقال بوتين؛ «نرفض» "] {
        let [_, (_, full, a)] = measure(&format!("{:?} × 100k, one sentence", unit.trim()), |scale| unit.repeat(scale * 1_000));
        assert_eq!(a.actors.len(), 1);
        assert!(a.positions.len() <= count(&full, ";") + count(&full, "؛"));
    }
}

#[test]
fn repeated_bodies_shared_names_and_bare_speech_stay_linear() {
    // Each once quadratic: a body named with its country (every one cleared the country's
    // mention by a scan of all such bodies), a shared name out of context (each dropped match
    // made a tagger proposal, whose dateline check scanned back to the line start), and a
    // verb of saying with no comma before it in one long sentence (looked back to its start).
    let cases = [
        ("Greenpeace Indonesia welcomed the plan. ", 1),
        ("وقال حزب العمال إن الكونغرس يرفض الخطة. ", 2),
        ("Putin said the ", 1),
    ];
    for (unit, actors) in cases {
        let [_, (_, _, a)] = measure(&format!("{:?} repeated, one line", unit.trim()), |scale| unit.repeat(scale * 10_000 / unit.len() + 1));
        assert_eq!(a.actors.len(), actors, "{unit}: {:?}", a.actors.iter().map(|x| &x.name).collect::<Vec<_>>());
    }
}

#[test]
fn hundred_thousand_table_rows() {
    // A pasted table of 100k rows under a header naming known actors, in the tab and the
    // Markdown forms: every row is a row of the table, every cell a position.
    for (form, header, sep) in [("tabs", "Issue\tFrance\tGermany", "\t"), ("pipes", "| Issue | France | Germany |\n|---|---|---|", " | ")] {
        let make = |scale: usize| {
            let mut text = format!("Ministers met in Paris.\n\n{header}\n");
            for i in 0..scale * 1_000 {
                let row = [format!("Aspect {i}"), format!("Supports plan {i}"), format!("Rejects plan {i}")].join(sep);
                if sep == " | " { text.push_str(&format!("| {row} |\n")) } else { text.push_str(&row); text.push('\n') }
            }
            text
        };
        for (scale, _, a) in measure(&format!("100k table rows ({form})"), make) {
            let rows = scale * 1_000;
            assert_eq!(a.table.source, TableSource::Explicit, "{form}");
            assert_eq!(a.table.rows.len(), rows, "{form}: every line is a row");
            assert_eq!(a.positions.len(), 2 * rows, "{form}: every cell is a position");
        }
    }
}

#[test]
fn hundred_thousand_lines_that_look_like_rows_without_a_header() {
    // No header names actors, so there is no table and the lines are prose.
    let make = |scale: usize| (0..scale * 1_000).map(|i| format!("Budget {i}\tMore spending\tStrict limits | Defence | NATO vs army\n")).collect::<String>();
    let [_, (_, _, a)] = measure("100k row-like lines, no header", make);
    assert_eq!(a.table.source, TableSource::Derived);
    assert!(a.table.rows.is_empty() && a.positions.is_empty(), "no actor, no position");
}

#[test]
fn lines_of_names_alternating_with_prose() {
    // Every other line could head a table of names nobody listed; the block under each is
    // judged on its first rows, not read again to its end from every line.
    let make = |scale: usize| (0..scale * 500).map(|i| if i % 2 == 0 { "Speakers Karl Brandt Anna Ode\n" } else { "welcome from the host city on the river\n" }).collect::<String>();
    let [_, (_, _, a)] = measure("50k lines: names, prose, names …", make);
    assert_eq!(a.table.source, TableSource::Derived);
}

#[test]
fn space_collapsed_rows_under_a_wide_header() {
    // The space-collapsed form under a header of many actors: each row's cell boundaries are
    // recovered by search, which must not grow with the number of ways to place them.
    let header = "الملفات مصر السودان إثيوبيا السعودية قطر الإمارات الأردن";
    let row = "الموقف من الهدنة يرفض وقف القتال دون ضمانات يدعم الهدنة الفورية مع تبادل الأسرى يطالب بانسحاب كامل من كل المناطق يدعو إلى الحوار الشامل بين الأطراف يؤيد الوساطة المصرية القطرية يرحب بالمبادرة الجديدة للسلام يشترط وقف الاستيطان أولا يدعو إلى مؤتمر دولي عاجل ويطالب بضمانات دولية ملزمة للطرفين";
    let make = |scale: usize| format!("وعقد الوزراء اجتماعا.\n\n{header}\n{}", format!("{row}\n").repeat(scale));
    for (scale, _, a) in measure("space-collapsed rows, 7 columns", make) {
        assert_eq!((a.table.source, a.table.columns.len(), a.table.rows.len()), (TableSource::Explicit, 7, scale));
    }
}

#[test]
fn fifty_thousand_distinct_names() {
    let given = ["John", "Maria", "Ahmed", "Elena", "David", "Sara"];
    let make = |scale: usize| {
        latin_family_names(scale * 500)
            .iter()
            .enumerate()
            .map(|(i, family)| format!("{} {family} said the plan was fair. ", given[i % given.len()]))
            .collect::<String>()
    };
    for (scale, _, a) in measure("50k distinct Latin names", make) {
        let n = scale * 500;
        assert!(a.actors.len() <= n, "no more actors ({}) than names ({n})", a.actors.len());
        assert!(a.actors.len() >= n / 2, "most names are found: {} of {n}", a.actors.len());
    }

    let given = ["خالد", "محمد", "فاطمة", "أحمد"];
    let make = |scale: usize| {
        arabic_family_names(scale * 500)
            .iter()
            .enumerate()
            .map(|(i, family)| format!("وقال {} {family} إن الخطة عادلة. ", given[i % given.len()]))
            .collect::<String>()
    };
    for (scale, _, a) in measure("50k distinct Arabic names", make) {
        let n = scale * 500;
        assert!(a.actors.len() <= n, "no more actors ({}) than names ({n})", a.actors.len());
        assert!(a.actors.len() >= n / 2, "most names are found: {} of {n}", a.actors.len());
    }
}

#[test]
fn fifty_thousand_capitalised_words() {
    // Capitalised words that name no one: a heading in title case, very long.
    let make = |scale: usize| latin_family_names(scale * 500).join(" ");
    let [_, (_, _, a)] = measure("50k capitalised words, one line", make);
    assert!(a.positions.is_empty());
}

#[test]
fn title_repeated_a_hundred_thousand_times() {
    for (title, prose) in [("الرئيس ", false), ("President ", false), ("الرئيس الروسي ", false), ("Russian President ", false), ("President ", true)] {
        let make = |scale: usize| {
            let mut text = title.repeat(scale * 1_000);
            if prose {
                text.push_str("Vladimir Putin said that the talks had failed.");
            }
            text
        };
        let [_, (_, _, a)] = measure(&format!("{:?} × 100k{}", title.trim(), if prose { " then a name" } else { "" }), make);
        // A title introduces at most one person; a lone title repeated names no one new.
        assert!(a.actors.len() <= 2, "{title:?}: {} actors", a.actors.len());
        for actor in &a.actors {
            assert!(actor.mentions.len() <= 2, "{title:?}: {} has {} mentions", actor.name, actor.mentions.len());
        }
    }
}

#[test]
fn only_punctuation_whitespace_or_nul() {
    let cases: [(&str, &str); 5] = [
        ("punctuation", ".,;:!?،؛؟…«»\"'()[]{}-–—/\\|*•"),
        ("whitespace", " \t\n\r\u{a0}\u{2003}\u{3000}\u{2028}\u{2029}\n\n"),
        ("NUL bytes", "\u{0}"),
        ("control characters", "\u{1}\u{7}\u{8}\u{1b}\u{7f}\u{85}\u{9f}"),
        ("bidi controls and joiners", "\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200B}\u{200C}\u{200D}\u{FEFF}\u{061C}"),
    ];
    for (name, unit) in cases {
        let [_, (_, _, a)] = measure(&format!("only {name}"), |scale| unit.repeat(scale * 10_000 / unit.len() + 1));
        assert!(a.actors.is_empty() && a.positions.is_empty() && a.table.rows.is_empty(), "{name}: nothing to find");
        assert_eq!(a.language, "und", "{name}");
    }
}

#[test]
fn nul_bytes_between_sentences_change_no_actor() {
    // NULs after every full stop and as whole lines between paragraphs. (Elsewhere a NUL is a
    // symbol like any other: inside a name it separates its words, "البرلمان \0الأوروبي" is
    // not the European Parliament, and before a dateline it makes "\0BRUSSELS —" no dateline.)
    for text in articles() {
        let with_nul = text.replace(". ", ".\u{0} ").replace("\n\n", "\n\u{0}\u{0}\u{0}\n");
        let (a, b) = (analyze(&text, &Options::default()), analyze(&with_nul, &Options::default()));
        check(&Utf16Text::new(&with_nul), &b);
        let names = |a: &Analysis| { let mut v: Vec<String> = a.actors.iter().map(|x| x.name.clone()).collect(); v.sort(); v };
        assert_eq!(names(&a), names(&b), "NULs between the sentences of {text:?}");
    }
}

#[test]
fn lone_surrogates_from_javascript() {
    // A JavaScript string may hold unpaired surrogates; wasm-bindgen hands Rust a String with
    // U+FFFD in their place, one UTF-16 unit for one, so every offset still indexes the
    // original JavaScript string: slicing it there (lossily) gives the reported text.
    let article = articles().concat();
    let mut js: Vec<u16> = Vec::new();
    for (i, unit) in article.encode_utf16().enumerate() {
        js.push(unit);
        match i % 97 {
            0 => js.push(0xD800),
            13 => js.push(0xDFFF),
            41 => js.extend([0xDC00, 0xD83D]), // reversed pair
            _ => {}
        }
    }
    let as_rust = String::from_utf16_lossy(&js);
    assert_eq!(as_rust.encode_utf16().count(), js.len(), "U+FFFD replaces each lone surrogate by one unit");
    let a = analyze(&as_rust, &Options::default());
    check(&Utf16Text::new(&as_rust), &a);
    assert!(!a.actors.is_empty() && !a.positions.is_empty());
    for p in &a.positions {
        assert_eq!(String::from_utf16_lossy(&js[p.span[0]..p.span[1]]), p.text, "{p:?}");
    }
    for actor in &a.actors {
        for &[s, e] in &actor.mentions {
            assert!(!String::from_utf16_lossy(&js[s..e]).trim().is_empty(), "mention of {}", actor.name);
        }
    }
    let [_, (_, _, a)] = measure("1 MB of lone surrogates (as U+FFFD)", |scale| String::from_utf16_lossy(&vec![0xD800; scale * 3_000]));
    assert!(a.actors.is_empty());
}

#[test]
fn mixed_scripts() {
    let unit = "Putin Путин 普京 بوتين पुतिन Πούτιν 푸틴 said قال сказал 说 «» ١٢٣ 123 ０１ ";
    let [_, (_, _, a)] = measure("mixed scripts", |scale| unit.repeat(scale * 10_000 / unit.len() + 1));
    assert!(a.actors.len() <= 1, "only Putin is known: {:?}", a.actors.iter().map(|x| &x.name).collect::<Vec<_>>());
}

#[test]
fn bidi_marks_between_every_word_change_nothing() {
    // Marks that a right-to-left editor inserts are invisible to matching: the same actors
    // and positions, only the offsets move.
    for text in articles() {
        // Known gap: the "A vs B" table form needs plain spaces around "vs".
        if text.contains(" vs ") {
            continue;
        }
        for mark in ["\u{200F}", "\u{200E}", "\u{2067}", "\u{200C}"] {
            let marked = text.replace(' ', &format!(" {mark}"));
            let (a, b) = (analyze(&text, &Options::default()), analyze(&marked, &Options::default()));
            check(&Utf16Text::new(&marked), &b);
            let names = |a: &Analysis| { let mut v: Vec<String> = a.actors.iter().map(|x| x.name.clone()).collect(); v.sort(); v };
            assert_eq!(names(&a), names(&b), "{mark:?} after every space in {text:?}");
            assert_eq!(a.positions.len(), b.positions.len(), "{mark:?} after every space in {text:?}");
        }
    }
    let unit = "\u{202B}قال الرئيس الروسي فلاديمير بوتين\u{202C} \u{2066}Putin said\u{2069}\u{200F}. ";
    let [_, (_, _, a)] = measure("bidi-wrapped sentences", |scale| unit.repeat(scale * 10_000 / unit.len() + 1));
    assert_eq!(a.actors.len(), 1, "{:?}", a.actors.iter().map(|x| &x.name).collect::<Vec<_>>());
}
