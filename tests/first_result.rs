//! The first result the web page shows before a name model has arrived (issue 19): analysis with
//! the lexicon and patterns alone works, finds the actors they know with their positions, and
//! leaves to the model only the names no rule knows.
use stancemap::{analyze, Options};

/// (language, text, an actor the lexicon knows, a name only the learned tagger finds)
const CASES: &[(&str, &str, &str, &str)] = &[
    ("ar", "وصرح مارتي ميوس بيرسن بأن المدينة ترفض الخطة، ورفضت فرنسا الخطة أيضا.", "فرنسا", "مارتي ميوس بيرسن"),
    ("en", "The mayor of Bergen, Marte Mjøs Persen, rejected the plan. France also rejected the plan.", "France", "Marte Mjøs Persen"),
];

fn names(text: &str, without_name_model: bool) -> (Vec<String>, Vec<String>) {
    let analysis = analyze(text, &Options { without_name_model, ..Options::default() });
    let actors: Vec<String> = analysis.actors.iter().map(|a| a.name.clone()).collect();
    let holders: Vec<String> = analysis.positions.iter().map(|p| analysis.actors.iter().find(|a| a.id == p.actor).map(|a| a.name.clone()).unwrap_or_default()).collect();
    (actors, holders)
}

#[test]
fn without_the_name_model_the_lexicon_answers_and_the_model_adds_names() {
    for &(language, text, known, learned) in CASES {
        let (first, first_holders) = names(text, true);
        assert!(first.iter().any(|n| n == known), "{language}: {known} missing without the model: {first:?}");
        assert!(first_holders.iter().any(|n| n == known), "{language}: {known} holds no position without the model: {first_holders:?}");
        assert!(!first.iter().any(|n| n == learned), "{language}: {learned} found without the model: {first:?}");
        let (refined, _) = names(text, false);
        assert!(refined.iter().any(|n| n == known) && refined.iter().any(|n| n == learned), "{language}: the model's analysis: {refined:?}");
    }
}

#[test]
fn without_the_name_model_is_an_option_of_the_json_interface() {
    let options: Options = serde_json::from_str(r#"{"language": "en", "withoutNameModel": true}"#).unwrap();
    assert!(options.without_name_model);
    assert_eq!(options.language.as_deref(), Some("en"));
}
