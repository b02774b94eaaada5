//! End to end: articles written for these tests about one event (Turkey's Black Sea grain
//! corridor, `tests/articles/*grain-corridor*`), two Arabic and one English, compared by the
//! library and by `stancemap compare`.

mod common;

use stancemap::compare::{compare, Comparison, Difference};
use stancemap::{analyze, Options, Stance};

const AR_REJECTS: &str = include_str!("articles/ar-grain-corridor-rejects.txt");
const AR_OFFER: &str = include_str!("articles/ar-grain-corridor-offer.txt");
const EN: &str = include_str!("articles/en-grain-corridor.txt");

fn comparison(texts: &[&str]) -> Comparison {
    let analyses: Vec<_> = texts.iter().map(|t| analyze(t, &Options::default())).collect();
    compare(&analyses).expect("two or more articles compare")
}

fn row<'a>(c: &'a Comparison, key: &str) -> (usize, &'a stancemap::compare::AlignedActor) {
    c.actors.iter().enumerate().find(|(_, r)| r.key.as_deref() == Some(key)).unwrap_or_else(|| panic!("no row for {key}: {:#?}", c.actors))
}

#[test]
fn shared_actors_align_across_arabic_and_english() {
    let c = comparison(&[AR_REJECTS, EN]);
    assert_eq!(c.articles.iter().map(|a| a.language.as_str()).collect::<Vec<_>>(), ["ar", "en"]);
    // Each row: the lexicon entry, then the name each article writes (None: not named).
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("person:vladimir-putin", Some("فلاديمير بوتين"), Some("Vladimir Putin")),
        ("person:recep-tayyip-erdogan", Some("رجب طيب أردوغان"), Some("Recep Tayyip Erdogan")),
        ("person:volodymyr-zelensky", Some("فولوديمير زيلينسكي"), Some("Volodymyr Zelensky")),
        ("country:ru", Some("روسيا"), Some("Russia")),
        ("person:antonio-guterres", None, Some("António Guterres")),
    ];
    for (key, ar, en) in cases {
        let (_, r) = row(&c, key);
        let names: Vec<Option<&str>> = r.articles.iter().map(|e| e.as_ref().map(|e| e.name.as_str())).collect();
        assert_eq!(names, [*ar, *en], "{key}");
    }
    // One row per lexicon entry: nothing the two articles share is left in two rows.
    let mut keys: Vec<&str> = c.actors.iter().filter_map(|r| r.key.as_deref()).collect();
    keys.sort();
    let before = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), before, "a lexicon entry in two rows: {:#?}", c.actors);
    // The shared actors come first: named by both articles.
    let named = |r: &stancemap::compare::AlignedActor| r.articles.iter().flatten().count();
    assert!(c.actors.windows(2).all(|w| named(&w[0]) >= named(&w[1])));
    // Each cell holds what that article reports, with the evidence's place in its text.
    let (_, zelensky) = row(&c, "person:volodymyr-zelensky");
    for (entry, text) in zelensky.articles.iter().zip([AR_REJECTS, EN]) {
        let e = entry.as_ref().unwrap();
        assert!(e.quoted);
        let p = &e.positions[0];
        assert_eq!(p.stance, Stance::Demands);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[p.span[0]..p.span[1]]).unwrap(), p.text);
    }
}

#[test]
fn an_actor_only_one_article_names_is_reported() {
    let c = comparison(&[AR_REJECTS, AR_OFFER, EN]);
    let only: Vec<(String, usize)> = c
        .differences
        .iter()
        .filter_map(|d| match d {
            Difference::OnlyIn { actor, article } => Some((c.actors[*actor].key.clone().unwrap_or_default(), *article)),
            _ => None,
        })
        .collect();
    assert!(only.contains(&("person:sergei-lavrov".to_string(), 1)), "{only:?}");
    assert!(only.contains(&("person:antonio-guterres".to_string(), 2)), "{only:?}");
    // Named by every article, Erdogan is no difference; Putin (two of three) is not "only" either.
    for key in ["person:recep-tayyip-erdogan", "person:vladimir-putin"] {
        assert!(!only.iter().any(|(k, _)| k == key), "{key} in {only:?}");
    }
    // The summary line: Putin is quoted most in the article that leads with his rejection.
    let (putin, _) = row(&c, "person:vladimir-putin");
    assert_eq!(c.articles[0].quoted_most, Some(putin));
}

#[test]
fn opposite_stances_on_the_same_claim_are_flagged() {
    let c = comparison(&[AR_REJECTS, AR_OFFER, EN]);
    let (putin, _) = row(&c, "person:vladimir-putin");
    let opposite: Vec<_> = c
        .differences
        .iter()
        .filter_map(|d| match d {
            Difference::OppositeStances { actor, first, second } => Some((*actor, first, second)),
            _ => None,
        })
        .collect();
    assert_eq!(opposite.len(), 1, "{opposite:#?}");
    let (actor, first, second) = opposite[0];
    assert_eq!(actor, putin);
    assert_eq!((first.article, first.stance), (0, Stance::Rejects));
    assert!(first.text.contains("الخطة التركية"), "{}", first.text);
    assert_eq!((second.article, second.stance, second.text.as_str()), (2, Stance::Supports, "the Turkish plan"));
    // Same stances on the same matter are no difference: Erdogan proposes the corridor in all three.
    let (erdogan, _) = row(&c, "person:recep-tayyip-erdogan");
    assert!(!c.differences.iter().any(|d| matches!(d, Difference::OppositeStances { actor, .. } if *actor == erdogan)));
}

#[test]
fn fewer_than_two_articles_is_an_error() {
    assert_eq!(compare(&[]).unwrap_err().to_string(), "a comparison needs at least two articles; 0 given");
    assert!(compare(&[analyze(EN, &Options::default())]).is_err());
}

#[test]
fn the_cli_compares_files_as_json_and_markdown() {
    let dir = std::env::temp_dir().join(format!("stancemap-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (ar, en, bad) = (dir.join("ahram.txt"), dir.join("reuters.txt"), dir.join("latin1.txt"));
    std::fs::write(&ar, AR_REJECTS).unwrap();
    std::fs::write(&en, EN).unwrap();
    std::fs::write(&bad, b"Caf\xe9 talks").unwrap();
    let path = |p: &std::path::Path| p.to_str().unwrap().to_string();

    let (code, out, err) = common::run_binary(&["compare", &path(&ar), &path(&en)], b"");
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["articles"][0]["label"], "ahram.txt");
    assert_eq!(json["articles"][1]["language"], "en");
    let putin = json["actors"].as_array().unwrap().iter().find(|r| r["key"] == "person:vladimir-putin").unwrap();
    assert_eq!(putin["articles"][1]["positions"][0]["stance"], "supports");
    let guterres = json["actors"].as_array().unwrap().iter().find(|r| r["key"] == "person:antonio-guterres").unwrap();
    assert!(guterres["articles"][0].is_null());
    assert!(json["differences"].as_array().unwrap().iter().any(|d| d["kind"] == "opposite-stances"));

    let (code, out, _) = common::run_binary(&["compare", "--format", "markdown", &path(&ar), &path(&en)], b"");
    assert_eq!(code, 0);
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("| Actor | ahram.txt | reuters.txt |"), "{md}");
    assert!(md.contains("Only reuters.txt names António Guterres."), "{md}");
    assert!(md.contains("rejects in ahram.txt"), "{md}");
    assert!(md.contains("| روسيا | named (1 mention), not quoted | named (1 mention), not quoted |"), "{md}");

    let (code, _, err) = common::run_binary(&["compare", &path(&ar)], b"");
    assert_eq!(code, 2, "one file is refused: {err}");
    let (code, out, err) = common::run_binary(&["compare", &path(&ar), &path(&bad)], b"");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("latin1.txt is not valid UTF-8") && err.contains("offset 3"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
