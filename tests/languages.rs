//! Language per article: Arabic, English, a clear `und` otherwise, and mixed articles that
//! keep working in both scripts.

use stancemap::{analyze, Options};

fn names(text: &str) -> (String, Vec<String>) {
    let a = analyze(text, &Options::default());
    (a.language, a.actors.into_iter().map(|x| x.name).collect())
}

#[test]
fn mixed_arabic_english_article() {
    let text = "قال الرئيس الفرنسي إيمانويل ماكرون إن أوروبا مستعدة للحوار.\n\
                In London, British Prime Minister Keir Starmer said Britain would back the plan.\n\
                ورفضت روسيا المقترح الأوروبي.";
    let (language, actors) = names(text);
    assert_eq!(language, "ar", "the Arabic part dominates");
    for who in ["إيمانويل ماكرون", "كير ستارمر", "روسيا"] {
        assert!(actors.iter().any(|a| a == who), "{who} not in {actors:?}");
    }
    let a = analyze(text, &Options::default());
    let starmer = a.actors.iter().find(|x| x.aliases.iter().any(|s| s == "Keir Starmer")).expect("Starmer by his English name");
    assert!(a.positions.iter().any(|p| p.actor == starmer.id && p.text.contains("Britain would back the plan")), "{:?}", a.positions);
}

#[test]
fn other_languages_are_undetermined_but_analysed() {
    let (language, actors) = names("Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin pour discuter de la guerre en Ukraine.");
    assert_eq!(language, "und");
    assert!(actors.iter().any(|a| a == "Emmanuel Macron"), "best-effort extraction: {actors:?}");
}

#[test]
fn forced_language_option() {
    let a = analyze("Putin", &Options { language: Some("ar".into()), ..Options::default() });
    assert_eq!(a.language, "ar");
    assert_eq!(a.actors[0].name, "فلاديمير بوتين", "names follow the requested language");
}
