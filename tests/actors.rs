//! Which names are actors, end to end, on sentences written for these tests: places, modifiers
//! and bylines are not; a country or body that holds a position always is.

use stancemap::{analyze, Options};

/// The names of the actors found in `text`.
fn actors(text: &str) -> Vec<String> {
    analyze(text, &Options::default()).actors.into_iter().map(|a| a.name).collect()
}

#[test]
fn names_that_only_modify_or_locate_are_no_actors() {
    // (text, a name that must not be an actor, a name that must be one)
    let cases = [
        ("Analysts said US President Donald Trump rejected the offer.", "United States", "Donald Trump"),
        ("Oxfam said US military intervention would deepen the crisis.", "United States", "Oxfam"),
        ("Oxfam said the Sudan conflict had displaced millions.", "Sudan", "Oxfam"),
        ("Greenpeace urged governments to honour the Paris Agreement.", "France", "Greenpeace"),
        ("أعلن الاتحاد الأفريقي تعيين رئيس توغو فور غناسينغبي وسيطا في النزاع.", "توغو", "الاتحاد الأفريقي"),
        ("وقال وزير الخارجية الأردني أيمن الصفدي إن الاجتماع عقد في العاصمة السعودية الرياض أمس.", "السعودية", "أيمن الصفدي"),
    ];
    for (text, absent, present) in cases {
        let got = actors(text);
        assert!(!got.iter().any(|n| n == absent), "{absent} in {text}: {got:?}");
        assert!(got.iter().any(|n| n == present), "{present} missing in {text}: {got:?}");
    }
    // A party's name inside a code's name; a name cut by the end of the excerpt.
    let got = actors("Unifor said the board invoked the Canada Labour Code on Sunday.");
    assert!(!got.iter().any(|n| n == "Labour Party"), "{got:?}");
    let got = actors("Unifor said the board had acted. \"At each step, Ms. Sh");
    assert!(got.iter().all(|n| n != "Sh"), "{got:?}");
    // A capital before an adjective of the news trade names a channel, not its state.
    let got = actors("المصدر | القاهرة الإخبارية\nقالت وزارة الخارجية المصرية إن الحوار مستمر.");
    assert!(!got.iter().any(|n| n == "مصر"), "{got:?}");
    // A possessive before a title speaks for the country; a country that holds a position is
    // an actor whatever else it modifies.
    let got = actors("India's negotiator Chandni Raina said the text was unbalanced.");
    assert!(got.iter().any(|n| n == "India"), "{got:?}");
    let got = actors("Canada rejected the proposal. The Canada tariffs stay.");
    assert!(got.iter().any(|n| n == "Canada"), "{got:?}");
    // A seat of government before a noun is the government's ("the Kremlin leader").
    let got = actors("Erdogan said after a call with the Kremlin leader that talks would resume.");
    assert!(got.iter().any(|n| n == "Russia"), "{got:?}");
}
