//! Stage 5, clauses: each sentence read as the clauses that a stance cue heads, with
//!
//! - the **predicate**: the cue (a verb of saying or of stance, a participle, a noun frame
//!   such as "Brazil's refusal to", a named source, a list lead-in), its negation;
//! - the **subject**: the actor it stands for, found by syntax (verb–subject and subject–verb
//!   orders, appositives, relative clauses, inversion after a quotation) and resolved through
//!   coreference (pronouns, pro-drop, pair mentions) in one place, [`coref`], with the actors
//!   coordinated with it ("France and Germany urged");
//! - the **complement**: the reported proposition, quotation or object, adverbials skipped;
//! - the **relation** to the clause it hangs on (main, reported inside another's words,
//!   relative, participial).
//!
//! The positions stage reads these clauses; it never walks tokens itself.
//!
//! ```text
//! "France and Germany urged both sides to resume talks."
//!  subject France (+ Germany) · predicate urged (demands) · complement "both sides to resume talks"
//! ```

mod attribution;
pub(crate) mod coref;
mod complement;
mod predicate;
pub(crate) mod quotes;
mod subject;
mod voice;

use std::ops::Range;

use crate::actors::Actors;
use crate::mentions::words::class;
use crate::mentions::Mention;
use crate::model::Stance;
use crate::text::{Document, Script, SentenceKind};

use coref::{MentionIndex, Topic};

/// What heads a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PredicateForm {
    /// A verb or participle of the cue lexicon.
    Verb,
    /// A verbal or position noun whose genitive or possessive is the holder.
    NounFrame,
    /// "according to X", "بحسب X": the sentence's content on a named source's authority.
    Source,
    /// A bullet item under a lead-in that names its holder.
    ListItem,
}

/// The stance-bearing head of a clause.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Predicate {
    pub form: PredicateForm,
    /// The stance the predicate expresses before negation.
    pub stance: Stance,
    /// A verb of saying (said, قال): its complement is reported speech.
    pub speech: bool,
    pub negated: bool,
    /// The verb is passive ("was rejected by"): its holder is the agent, not the subject.
    pub passive: bool,
    /// Tokens of the predicate (with its particle); empty for list items.
    pub tokens: Range<usize>,
}

/// How a clause hangs on the rest of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    Main,
    /// Inside a proposition another clause reports (قال إن الحركة ترفض …).
    Reported,
    /// A relative clause (", who had lobbied …", "الذي جدد …").
    Relative,
    /// A participial or circumstantial clause (", warning that …", "، مؤكداً أن …").
    Participle,
}

/// The subject of a clause, as coreference resolved it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Subject {
    pub actor: usize,
    /// Named in the clause (a name, a title, a pair mention) rather than taken from the
    /// discourse topic (a pronoun, a dropped subject, a participle).
    pub named: bool,
    /// Actors coordinated with it, who hold the claim jointly ("France and Germany urged").
    pub partners: Vec<usize>,
}

/// What the predicate reports, demands or rejects.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Complement {
    /// Byte range of the whole complement.
    pub text: Range<usize>,
    /// A reported proposition (after إن/أن/that, a colon, or a quotation) rather than an object.
    pub proposition: bool,
    /// The proposition has a finite verb of its own ("insisted that the dam would …"): a demand
    /// verb then states it.
    pub finite: bool,
    /// Coordinated objects, one claim each ("to cut taxes and to scrap the levy"); the whole
    /// complement when it is a proposition.
    pub parts: Vec<Range<usize>>,
}

/// One clause of the article that a stance cue heads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Clause {
    /// Byte range of its sentence.
    pub sentence: Range<usize>,
    pub predicate: Predicate,
    pub relation: Relation,
    /// `None`: a subject no actor stands for ("officials said", "ونفى مصدر حكومي").
    pub subject: Option<Subject>,
    /// Found only for clauses with a subject: nobody else's claim is needed.
    pub complement: Option<Complement>,
}

impl Clause {
    /// Whether the clause attributes a claim to someone.
    pub fn attributes(&self) -> bool {
        self.subject.is_some() && self.complement.as_ref().is_some_and(|c| !c.parts.is_empty())
    }
}

/// The clauses of the document, in text order.
/// `skip`: byte ranges (rows of a pasted table) that are not prose.
pub(crate) fn build(doc: &Document, mentions: &[Mention], actors: &Actors, skip: &[Range<usize>]) -> Vec<Clause> {
    let by_token = MentionIndex::new(doc, mentions, actors);
    let mut topic = Topic::default();
    let mut clauses: Vec<Clause> = Vec::new();
    let mut lead_in: Option<(usize, Stance)> = None;
    let mut in_quote = false;
    let mut quoted = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        // A quotation may run over several sentences of a paragraph ('"… us. We will never
        // let that happen," he said'): its state carries over until a line break.
        let new_paragraph = sentence.tokens.start == 0 || doc.text[doc.tokens()[sentence.tokens.start - 1].end..doc.tokens()[sentence.tokens.start].start].contains('\n');
        let starts_inside = in_quote && !new_paragraph;
        topic.new_sentence(si, starts_inside);
        // `skip` is in text order and disjoint (the rows of one table): a binary search keeps a
        // pasted table of 100k rows linear.
        let row = skip.partition_point(|r| r.end < sentence.range.end);
        if skip.get(row).is_some_and(|r| r.start <= sentence.range.start && sentence.range.end <= r.end) {
            continue;
        }
        // A list whose lead-in names its holder ("the proposal Witkoff carried includes:"):
        // each item is that holder's position.
        if sentence.kind == SentenceKind::Bullet {
            if let Some((actor, stance)) = lead_in {
                if let Some(text) = attribution::bullet_text(doc, sentence.tokens.clone()) {
                    clauses.push(Clause {
                        sentence: sentence.range.clone(),
                        predicate: Predicate { form: PredicateForm::ListItem, stance, speech: false, negated: false, passive: false, tokens: sentence.tokens.start..sentence.tokens.start },
                        relation: Relation::Main,
                        subject: Some(Subject { actor, named: true, partners: vec![] }),
                        complement: Some(Complement { text: text.clone(), proposition: false, finite: false, parts: vec![text] }),
                    });
                }
                continue;
            }
        } else {
            lead_in = attribution::list_lead_in(doc, &by_token, sentence.tokens.clone());
        }
        in_quote = quotes::quoted_tokens(doc, sentence.tokens.clone(), starts_inside, &mut quoted);
        // A sentence that opens a quotation or continues one ('"President Trump wants to break
        // us. …," he said') names someone inside the speaker's words, not the topic.
        let opens_quote = !sentence.tokens.is_empty() && quotes::is_quote_at(doc, sentence.tokens.start);
        if let Some(a) = by_token.opening_subject(doc, sentence.tokens.clone()).filter(|_| !opens_quote && !starts_inside) {
            topic.set(a, si);
        }
        let first_clause = clauses.len();
        // Cues inside a reported proposition (… قال إن الحركة ترفض …) take only subjects of
        // their own, never the topic: the topic is the one reporting.
        let mut proposition_end = 0;
        // The subject of the clause that reports that proposition.
        let mut reporter: Option<usize> = None;
        // The last main clause had a subject no actor stands for ("ونفى مصدر حكومي …"): a
        // participle after it (مؤكداً) is that subject's, not the topic's.
        let mut unnamed_clause_subject = false;
        let mut k = sentence.tokens.start;
        while k < sentence.tokens.end {
            if by_token.at(k).is_some() || quoted[k - sentence.tokens.start] {
                k += 1;
                continue;
            }
            let found = match doc.tokens()[k].script {
                Script::Arabic => predicate::arabic_cue(doc, k).map(|c| (c, None)).or_else(|| predicate::noun_frame(doc, &by_token, k)),
                Script::Latin => predicate::english_cue(doc, k).map(|c| (c, None)).or_else(|| predicate::noun_frame(doc, &by_token, k)),
                _ => None,
            };
            let Some((cue, holder)) = found else {
                k += 1;
                continue;
            };
            // "وهو ما أكده خلال القمة"، "مما اعتبر كبادرة …": a relative clause whose antecedent is
            // the claim already stated; it attributes nothing new after its verb.
            if refers_back(doc, sentence.tokens.start, k) {
                k = cue.end.max(k + 1);
                continue;
            }
            // "threatened to impose …", "calling on Europe to impose …": an infinitive after
            // a cue is that cue's complement, not a clause with a subject of its own.
            if infinitive_of_previous_cue(doc, &clauses[first_clause..], k) {
                k = cue.end.max(k + 1);
                continue;
            }
            // A holder named in a noun frame ("Brussels' rules", "موقف بوتين من …") is not the
            // clause's subject: it does not become the topic.
            let from_frame = holder.is_some();
            let relative = in_relative_clause(doc, sentence.tokens.start, k) || object_relative(doc, &by_token, sentence.tokens.start, k);
            let relation = if k < proposition_end {
                Relation::Reported
            } else if cue.cue.participle || english_participle(doc, sentence.tokens.start, k) {
                Relation::Participle
            } else if relative {
                Relation::Relative
            } else {
                Relation::Main
            };
            // The passive: the agent holds the stance on the patient; with no agent nobody here does.
            if holder.is_none() {
                if let Some(passive) = voice::passive(doc, &by_token, sentence.tokens.clone(), k, cue.end) {
                    let subject = passive.agent.as_ref().map(|&(actor, _)| Subject { actor, named: true, partners: vec![] });
                    let complement = passive.patient.filter(|_| subject.is_some()).map(|text| Complement { text: text.clone(), proposition: false, finite: false, parts: vec![text] });
                    clauses.push(Clause {
                        sentence: sentence.range.clone(),
                        predicate: Predicate { form: PredicateForm::Verb, stance: cue.cue.stance, speech: cue.cue.speech, negated: cue.negated, passive: true, tokens: k..cue.end },
                        relation,
                        subject,
                        complement,
                    });
                    k = passive.agent.map_or(cue.end, |(_, phrase)| phrase.end).max(k + 1);
                    continue;
                }
            }
            // "اتهمت … الحكومة الكينية بتقديم دعم … لقوات …": a cue word inside the object that
            // a clause of the sentence already took is a noun of that object, not a verb (a
            // passive with its agent, "the decree signed by Milei", was read above).
            if holder.is_none() && inside_an_object(doc, &clauses[first_clause..], k) {
                k += 1;
                continue;
            }
            let found_subject = holder.or_else(|| {
                if cue.cue.participle && unnamed_clause_subject {
                    return None;
                }
                // "announced it would cancel the flights, advised travellers not to …, and said
                // …": a verb right after the comma that closed the previous clause's claim is
                // coordinated with that clause and has its subject (not a pronoun inside the
                // reported words).
                if let Some(previous) = coordinated_after_claim(doc, &clauses[first_clause..], k) {
                    return Some((previous, cue.end, false));
                }
                subject::find(doc, &by_token, &actors.list, &topic, sentence.tokens.clone(), k, cue.end, cue.cue)
            });
            if !cue.cue.participle && !from_frame && k >= proposition_end {
                unnamed_clause_subject = found_subject.is_none();
            }
            let mut clause = Clause {
                sentence: sentence.range.clone(),
                predicate: Predicate {
                    form: if from_frame { PredicateForm::NounFrame } else { PredicateForm::Verb },
                    stance: cue.cue.stance,
                    speech: cue.cue.speech,
                    negated: cue.negated,
                    passive: false,
                    tokens: k..cue.end,
                },
                relation,
                subject: None,
                complement: None,
            };
            // "Peskov said Russia would …": a speaker voicing their own side's stance holds it
            // alone; the side is not given the reported clause a second time.
            let own_side = |actor: usize| reporter.is_some_and(|r: usize| r == actor || actors.list[r].home.is_some_and(|h| actors.list[actor].home == Some(h)));
            if let Some((actor, text_start, explicit)) = found_subject.filter(|s| (s.2 && !own_side(s.0)) || k >= proposition_end) {
                // The subject of a clause inside someone's reported words does not become the
                // topic: the one reporting stays it.
                // Nor does the subject of a relative clause ("thanked Trump and bin Salman, who
                // had lobbied …"): the main clause's subject stays it.
                if explicit && k >= proposition_end && !from_frame && !relative {
                    topic.set(actor, si);
                } else if !explicit && k >= proposition_end && doc.tokens()[k].script == Script::Latin {
                    // "… he said. He promised …": a pronoun that takes up the topic keeps it
                    // current. (An Arabic verb without a subject word is no such evidence:
                    // measured, renewing the topic there attributes more claims wrongly.)
                    topic.set(actor, si);
                }
                // Joint holders: "دعت الولايات المتحدة والسعودية …", "France and Germany urged …".
                let (partners, text_start) = if explicit {
                    subject::partners(doc, &by_token, actor, k, text_start)
                } else {
                    // "X and Y are appealing … and suing …", "…، مؤكدين": a verb sharing the
                    // subject of its sentence's previous clause shares that clause's partners.
                    // (A noun frame inside that clause's object, "appealing Biden's disapproval
                    // of …", is no previous clause.)
                    let shared = clauses[first_clause..].iter().rev().filter(|c| c.predicate.form != PredicateForm::NounFrame).find_map(|c| c.subject.as_ref()).filter(|s| s.actor == actor).map(|s| s.partners.clone());
                    (shared.unwrap_or_default(), text_start)
                };
                clause.subject = Some(Subject { actor, named: explicit, partners });
                if let Some(parts) = complement::parenthetical(doc, cue.cue, sentence.tokens.clone(), k, cue.end) {
                    let text = parts[0].start..parts[parts.len() - 1].end;
                    clause.complement = Some(Complement { text, proposition: true, finite: true, parts });
                } else if let Some(c) = complement::claim(doc, cue.cue, text_start, sentence.tokens.clone(), k) {
                    let mut parts = if c.proposition { vec![c.text.clone()] } else { complement::split_coordinated(doc, &c.text) };
                    // "لقاء ثلاثي مع أردوغان والرئيس الروسي بوتين": a part that only names
                    // someone joined to the object is no claim of its own.
                    if parts.len() > 1 {
                        parts.retain(|part| !names_only(doc, &by_token, part));
                    }
                    let claim_tokens = doc.tokens().partition_point(|t| t.start < c.text.start)..c.end_token;
                    parts.extend(complement::listed_items(doc, claim_tokens, sentence.tokens.end));
                    if !c.proposition {
                        parts.extend(complement::further_accusatives(doc, c.end_token, sentence.tokens.end));
                    }
                    // "Ortiz added that he and Lund hope …": the speaker and the one named
                    // with them hold what the reported clause says.
                    if c.proposition {
                        if let Some(partner) = joined_with_the_speaker(doc, &by_token, &c.text).filter(|&p| p != actor) {
                            if let Some(subject) = clause.subject.as_mut() {
                                if !subject.partners.contains(&partner) {
                                    subject.partners.push(partner);
                                }
                            }
                        }
                    }
                    let finite = c.proposition && complement::states_a_fact(doc, &c.text);
                    // "said Russia would …" reports a clause without "that" too.
                    let reports = c.proposition || cue.cue.speech;
                    if reports && k >= proposition_end {
                        reporter = Some(actor);
                    }
                    if reports {
                        proposition_end = proposition_end.max(c.end_token);
                    }
                    // "أكد الناطق رفض المملكة … لمواصلة الاقتحامات": the speaker voices the
                    // stance the noun names, about what the noun is about.
                    if cue.cue.speech && !c.proposition {
                        if let Some((stance, about)) = complement::voiced_stance(doc, &c.text, sentence.tokens.end) {
                            clause.predicate.stance = stance;
                            clause.predicate.speech = false;
                            parts = vec![about];
                        }
                    }
                    clause.complement = Some(Complement { text: c.text, proposition: c.proposition, finite, parts });
                }
            }
            clauses.push(clause);
            k = cue.end.max(k + 1);
        }
        // Holders without a cue verb, tried in turn while no clause of the sentence attributes a
        // claim (see attribution.rs): "According to BEUC, the fine is long overdue";
        // "الحكومة تحرز تقدماً ملموساً، وفق تعبيره" (the speaker of the passage, whom the
        // pronoun points back to); a headline "الخوري: لا انتخابات …" (a subheading of that shape
        // further on titles a section: "أردوغان: زعيم في مرحلة انتقالية"); and
        // '"…," Ortega shot back' (any verb after a quotation closed by a comma and its
        // speaker's name).
        let headline = !doc.text[..sentence.range.start].contains('\n');
        // The words that the attributions below other than by a name and a colon or after a
        // quotation turn on ("according to", وفق تعبيره، وجاء في, "the agreement between",
        // "joined"): a sentence without any is not searched for them, word by word, five times.
        let marked = crate::mentions::words::any_token_is(doc, sentence.tokens.clone(), class!("en.attribution_marker", "ar.attribution_marker"));
        let attributed = |clauses: &[Clause]| clauses[first_clause..].iter().any(Clause::attributes);
        let tokens = sentence.tokens.clone();
        let found = if attributed(&clauses) {
            None
        } else {
            marked
                .then(|| attribution::according_to(doc, &by_token, tokens.clone()))
                .flatten()
                .map(|(actor, source, text)| (PredicateForm::Source, actor, true, source, text))
                .or_else(|| {
                    let (marker, text) = marked.then(|| attribution::in_own_words(doc, tokens.clone())).flatten()?;
                    let actor = topic.agreeing(|a| actors.list[a].kind == crate::model::ActorKind::Person)?;
                    Some((PredicateForm::Source, actor, false, marker, text))
                })
                .or_else(|| {
                    let (actor, colon, text) = attribution::name_and_colon(doc, &by_token, tokens.clone()).filter(|_| headline)?;
                    Some((PredicateForm::Source, actor, true, colon, text))
                })
                .or_else(|| {
                    // "وجاء في بيانهم: …": the document's issuer, named or the current topic.
                    let (named, marker, text) = marked.then(|| attribution::document_says(doc, &by_token, tokens.clone())).flatten()?;
                    let actor = named.or_else(|| topic.current())?;
                    Some((PredicateForm::Source, actor, named.is_some(), marker, text))
                })
                .or_else(|| {
                    let (actor, verb, text) = attribution::quotation_then_speaker(doc, &by_token, tokens.clone())?;
                    Some((PredicateForm::Verb, actor, true, verb, text))
                })
        };
        // The parties to an agreement the sentence names by its parties.
        let agreements = if marked { attribution::agreement_between(doc, &by_token, tokens.clone()) } else { Vec::new() };
        for (first, second, noun, text) in agreements {
            clauses.push(Clause {
                sentence: sentence.range.clone(),
                predicate: Predicate { form: PredicateForm::NounFrame, stance: Stance::Agrees, speech: false, negated: false, passive: false, tokens: noun },
                relation: Relation::Main,
                subject: Some(Subject { actor: first, named: true, partners: vec![second] }),
                complement: Some(Complement { text: text.clone(), proposition: false, finite: false, parts: vec![text] }),
            });
        }
        // Those who vote with a side take its stance on the measure.
        if let Some((stance, holders, verb, text)) = marked.then(|| attribution::votes_with(doc, &by_token, tokens.clone())).flatten() {
            clauses.push(Clause {
                sentence: sentence.range.clone(),
                predicate: Predicate { form: PredicateForm::Verb, stance, speech: false, negated: false, passive: false, tokens: verb },
                relation: Relation::Main,
                subject: Some(Subject { actor: holders[0], named: true, partners: holders[1..].to_vec() }),
                complement: Some(Complement { text: text.clone(), proposition: false, finite: false, parts: vec![text] }),
            });
        }
        if let Some((form, actor, named, predicate_tokens, text)) = found {
            clauses.push(Clause {
                sentence: sentence.range.clone(),
                predicate: Predicate { form, stance: Stance::States, speech: true, negated: false, passive: false, tokens: predicate_tokens },
                relation: Relation::Main,
                subject: Some(Subject { actor, named, partners: vec![] }),
                complement: Some(Complement { text: text.clone(), proposition: true, finite: true, parts: vec![text] }),
            });
        }
    }
    clauses
}

/// ", warning that …", "…," adding that …': an -ing form after a comma opens a participial
/// clause of the main clause's subject.
fn english_participle(doc: &Document, sentence_start: usize, k: usize) -> bool {
    doc.tokens()[k].script == Script::Latin && doc.ftok(k).ends_with("ing") && k > sentence_start && matches!(doc.ftok(k - 1), "," | "\"" | "”")
}

/// Whether token `k` lies inside the object (not a reported proposition) of the sentence's
/// last clause.
fn inside_an_object(doc: &Document, sentence_clauses: &[Clause], k: usize) -> bool {
    // A relative clause with its own subject is a clause of its own: "his speech where he
    // warned …", "البيان الذي أكد …".
    let own_subject = k > 0 && matches!(doc.ftok(k - 1), "he" | "she" | "they" | "it" | "we" | "i" | "who" | "which" | "that" | "where" | "whom" | "الذي" | "التي" | "الذين");
    if own_subject {
        return false;
    }
    // (A verb of saying reports a clause even without "that": "said the EU has imposed …".)
    sentence_clauses.last().filter(|c| !c.predicate.speech).and_then(|c| c.complement.as_ref()).is_some_and(|c| !c.proposition && c.text.contains(&doc.tokens()[k].start))
}

/// Whether a byte range holds nothing but a conjunction and one actor's mention.
fn names_only(doc: &Document, by_token: &MentionIndex, part: &Range<usize>) -> bool {
    let Some(first) = doc.token_at(part.start) else { return false };
    let last = doc.tokens().partition_point(|t| t.end <= part.end);
    by_token.at(first).is_some_and(|(_, phrase)| phrase.start == first && phrase.end >= last)
}

/// An Arabic cue verb right after a relative ما that takes up the clause before it: "وهو ما
/// أكده"، "مما اعتبر".
fn refers_back(doc: &Document, sentence_start: usize, k: usize) -> bool {
    if doc.tokens()[k].script != Script::Arabic || k < sentence_start + 1 {
        return false;
    }
    let before = doc.ftok(k - 1);
    // (Not فيما alone: "فيما أكد أمير قطر أن …" is "while", with a subject of its own.)
    matches!(before, "مما" | "بما") || (before == "ما" && k >= sentence_start + 2 && matches!(doc.ftok(k - 2), "وهو" | "وهي" | "هو" | "هي" | "وهذا" | "وذلك"))
}

/// An English cue verb after "to" within a few words of the previous cue of its sentence.
/// The actor named with a pronoun at the head of a reported clause ("he and Khanna expect …",
/// "she and the mayor agreed …").
fn joined_with_the_speaker(doc: &Document, by_token: &MentionIndex, claim: &Range<usize>) -> Option<usize> {
    let first = doc.token_at(claim.start)?;
    if first + 2 >= doc.tokens().len() || doc.tokens()[first].script != Script::Latin || !matches!(doc.ftok(first), "he" | "she" | "we") || doc.ftok(first + 1) != "and" {
        return None;
    }
    let at = if doc.ftok(first + 2) == "the" { first + 3 } else { first + 2 };
    by_token.at(at).filter(|(_, ph)| ph.start == at).map(|(a, _)| a)
}

/// The subject of the clause whose claim the comma before `k` closed, when the verb at `k`
/// (a past tense: "…, advised travellers …") is coordinated with that clause.
fn coordinated_after_claim(doc: &Document, sentence_clauses: &[Clause], k: usize) -> Option<usize> {
    if doc.tokens()[k].script != Script::Latin || k < 2 || doc.ftok(k - 1) != "," || !doc.otok(k).ends_with("ed") {
        return None;
    }
    let last = sentence_clauses.last()?;
    let claim_end = last.complement.as_ref()?.text.end;
    let comma = doc.tokens().partition_point(|t| t.start < claim_end);
    (comma == k - 1 && last.relation == Relation::Main).then_some(())?;
    last.subject.as_ref().map(|s| s.actor)
}

fn infinitive_of_previous_cue(doc: &Document, sentence_clauses: &[Clause], k: usize) -> bool {
    const REACH: usize = 8;
    doc.tokens()[k].script == Script::Latin
        && k > 0
        && doc.ftok(k - 1) == "to"
        && sentence_clauses.last().is_some_and(|c| c.predicate.form == PredicateForm::Verb && c.predicate.tokens.start + REACH >= k)
}

/// "a bill that President Duda had blocked", "the plan which Hamas rejected": a relative
/// clause whose antecedent is the verb's object; its subject, named after the relative pronoun,
/// is not the sentence's topic.
fn object_relative(doc: &Document, by_token: &MentionIndex, sentence_start: usize, k: usize) -> bool {
    let mut p = k;
    while p > sentence_start && doc.tokens()[p - 1].is_word && crate::mentions::words::token_is(doc, p - 1, class!("en.auxiliary")) {
        p -= 1;
    }
    let Some((_, phrase)) = p.checked_sub(1).and_then(|q| by_token.at(q)).filter(|(_, ph)| ph.end == p) else { return false };
    let mut before = phrase.start;
    if before > sentence_start && doc.ftok(before - 1) == "the" {
        before -= 1;
    }
    before > sentence_start && doc.tokens()[before - 1].script == Script::Latin && matches!(doc.ftok(before - 1), "that" | "which" | "whom")
        // "said that Duda had blocked it": after a verb of saying "that" is a complementiser.
        && !(before >= sentence_start + 2 && crate::lexicon::cues::Cues::builtin().english.contains_key(doc.ftok(before - 2)))
}

/// Whether the verb at `k` opens a relative clause: "who (had) lobbied", "الذي جدد".
fn in_relative_clause(doc: &Document, sentence_start: usize, k: usize) -> bool {
    let mut p = k;
    while p > sentence_start && doc.tokens()[p - 1].is_word && crate::mentions::words::token_is(doc, p - 1, class!("en.auxiliary")) {
        p -= 1;
    }
    p > sentence_start && matches!(doc.ftok(p - 1), "who" | "which" | "الذي" | "التي" | "الذين")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{actors, lexicon, mentions};

    /// A clause as the tests read it: subject, partners, predicate words, relation, complement.
    type Read = (Option<String>, Vec<String>, String, Relation, Option<String>);

    /// The clauses of `text`, with subject names, predicate words and complement texts.
    fn clauses(text: &str) -> Vec<Read> {
        let doc = Document::new(text);
        let language = crate::language::detect(&doc);
        let lexicon = lexicon::Lexicon::builtin();
        let found = mentions::find(&doc, lexicon, language);
        let actors = actors::merge(&doc, lexicon, &found, language == "ar");
        let name = |a: usize| actors.list[a].name.clone();
        build(&doc, &found, &actors, &[])
            .into_iter()
            .map(|c| {
                let words = c.predicate.tokens.clone().map(|t| doc.otok(t).to_string()).collect::<Vec<_>>().join(" ");
                (
                    c.subject.as_ref().map(|s| name(s.actor)),
                    c.subject.as_ref().map(|s| s.partners.iter().map(|&p| name(p)).collect()).unwrap_or_default(),
                    words,
                    c.relation,
                    c.complement.map(|m| text[m.text].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn a_clause_has_subject_predicate_complement_and_relation() {
        let got = clauses("France and Germany urged both sides to resume talks.");
        assert_eq!(got, vec![(Some("Germany".into()), vec!["France".into()], "urged".into(), Relation::Main, Some("both sides to resume talks".into()))]);
    }

    #[test]
    fn a_clause_inside_reported_words_is_reported() {
        let got = clauses("وقال ماكرون إن ألمانيا ترفض الخطة.");
        assert!(got.iter().any(|c| c.3 == Relation::Main && c.0.as_deref() == Some("إيمانويل ماكرون")), "{got:?}");
        assert!(got.iter().any(|c| c.3 == Relation::Reported && c.0.as_deref() == Some("ألمانيا")), "{got:?}");
    }

    #[test]
    fn an_unnamed_subject_holds_nothing() {
        let got = clauses("Officials warned that the talks would fail.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, None);
        assert_eq!(got[0].4, None);
    }

    #[test]
    fn coordinated_companies_hold_each_coordinated_verb() {
        // The abbreviation's full stop does not part the two subjects; "appealing" (a ruling)
        // is a measure against it.
        let got = clauses("Acme Corp. and Borealis Ltd. are appealing the minister's veto and suing the union, contending that it colluded.");
        for verb in ["appealing", "suing", "contending that"] {
            assert!(got.iter().any(|c| c.2 == verb && c.0.as_deref() == Some("Borealis Ltd") && c.1 == vec!["Acme Corp".to_string()]), "{verb}: {got:?}");
        }
    }

    #[test]
    fn a_claim_before_its_speaker_survives_an_appositive_and_a_medium_phrase() {
        let cases = [
            ("The bloc will challenge the duties at the World Trade Organization, Anna Berg, a spokeswoman for the bloc's executive, said on X.", "Anna Berg", "The bloc will challenge the duties at the World Trade Organization"),
            ("Both sides have agreed to an \"immediate and unconditional\" truce, the Malaysian leader Karim Osman announced on Monday.", "Karim Osman", "Both sides have agreed to an \"immediate and unconditional\" truce"),
            ("The plan is dead, Berg said in a statement.", "Berg", "The plan is dead"),
        ];
        for (text, speaker, claim) in cases {
            let got = clauses(text);
            // (The name before the speaker's comma is no partner: no conjunction closes a list.)
            assert!(got.iter().any(|c| c.0.as_deref() == Some(speaker) && c.1.is_empty() && c.4.as_deref() == Some(claim)), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_name_with_a_possessive_after_an_inverted_verb_is_no_subject() {
        // A headline with no subject: the verb of saying's "subject" after it would be the
        // possessor, and the claim would start at the possessive's "s".
        let got = clauses("Says Norway’s stance on the border question is well known");
        assert!(!got.iter().any(|c| c.2 == "Says" && c.0.is_some()), "{got:?}");
        assert!(got.iter().all(|c| !c.4.as_deref().is_some_and(|t| t.starts_with("s "))), "{got:?}");
        // A person named after their state's possessive is still the speaker.
        let got = clauses("\"We will not back down,\" said Russia's Foreign Minister Sergei Lavrov.");
        assert!(got.iter().any(|c| c.0.as_deref() == Some("Sergei Lavrov") && c.4.as_deref() == Some("We will not back down")), "{got:?}");
    }

    #[test]
    fn a_cue_word_inside_an_object_is_a_noun_of_it() {
        // دعم inside the accusation's object is "support", not "supported"; the participle
        // after it is the accuser's.
        let got = clauses("اتهمت مصر الحكومة الكينية بتقديم دعم كبير لقوات الدعم السريع، مشيرة إلى أن نيروبي أصبحت مركزا لها.");
        assert!(!got.iter().any(|c| c.2 == "دعم"), "{got:?}");
        assert!(got.iter().any(|c| c.2 == "مشيرة إلى" && c.0.as_deref() == Some("مصر")), "{got:?}");
        // A relative clause with its own subject, and a passive with its agent, are read.
        let got = clauses("Keir Starmer defended his speech where he warned the country risked division.");
        assert!(got.iter().any(|c| c.2 == "warned" && c.0.as_deref() == Some("Keir Starmer")), "{got:?}");
    }

    #[test]
    fn a_verb_spelled_like_a_preposition_needs_its_particle() {
        let got = clauses("عبر وزير الخزانة سامر حداد، اليوم الاثنين، عن ثقته بأن المحكمة ستؤيد القرار، لكنه قال إن الإدارة لديها خطة بديلة. وقال حداد عبر منصة إكس إن الخطة جاهزة.");
        assert!(got.iter().any(|c| c.2 == "عبر" && c.0.as_deref() == Some("سامر حداد")), "{got:?}");
        // The pronoun of "لكنه قال" takes up the minister, not the court inside his words.
        assert!(got.iter().any(|c| c.2 == "قال" && c.0.as_deref() == Some("سامر حداد") && c.4.as_deref() == Some("الإدارة لديها خطة بديلة")), "{got:?}");
        // "عبر منصة إكس" (via) heads no clause.
        assert_eq!(got.iter().filter(|c| c.2 == "عبر").count(), 1, "{got:?}");
    }

    #[test]
    fn a_delegation_speaks_for_the_body_named_before_it() {
        let got = clauses("Berg added that the Hamas delegation had sought written guarantees.");
        assert!(got.iter().any(|c| c.2 == "sought" && c.0.as_deref() == Some("Hamas") && c.3 == Relation::Reported), "{got:?}");
    }

    #[test]
    fn a_document_issued_is_no_claim_what_it_says_is() {
        let got = clauses("كما أصدر النائب سامر حداد بيانا منفصلاً قال فيه: \"الخطة تنطوي على مشاكل حقيقية\".");
        assert!(got.iter().any(|c| c.2 == "أصدر" && c.0.as_deref() == Some("سامر حداد") && c.4.is_none()), "{got:?}");
        assert!(got.iter().any(|c| c.2 == "قال" && c.0.as_deref() == Some("سامر حداد") && c.4.as_deref() == Some("\"الخطة تنطوي على مشاكل حقيقية\"")), "{got:?}");
    }

    #[test]
    fn a_participle_hangs_on_its_main_clause() {
        let got = clauses("Canada backed the plan, warning that delays would cost lives.");
        assert!(got.iter().any(|c| c.3 == Relation::Participle && c.0.as_deref() == Some("Canada") && c.4.as_deref() == Some("delays would cost lives")), "{got:?}");
    }

    #[test]
    fn whom_a_verb_of_saying_addresses_is_not_its_subject() {
        for second in ["وقال للصحفيين في العاصمة إن الحوار هو الطريق الوحيد.", "وقال لوكالة الأنباء إن الحوار هو الطريق الوحيد.", "وأضاف لنا إن الحوار هو الطريق الوحيد."] {
            let text = format!("أكد الوزير سامر حداد أن بلاده ترفض التصعيد. {second}");
            let got = clauses(&text);
            assert!(got.iter().any(|c| c.0.as_deref() == Some("سامر حداد") && c.4.as_deref() == Some("الحوار هو الطريق الوحيد")), "{second}: {got:?}");
        }
        // A name after the verb is still its subject, even one that starts with ل.
        let got = clauses("أكد الوزير سامر حداد أن بلاده ترفض التصعيد. وقال لافروف إن الحوار هو الطريق الوحيد.");
        assert!(got.iter().all(|c| !(c.0.as_deref() == Some("سامر حداد") && c.4.as_deref() == Some("الحوار هو الطريق الوحيد"))), "{got:?}");
    }

    #[test]
    fn those_who_vote_with_a_side_take_its_stance() {
        let got = clauses("Three Republicans joined all Democrats in voting against the bill.");
        assert!(got.iter().any(|c| c.0.as_deref() == Some("Democratic Party") && c.4.as_deref() == Some("against the bill")), "{got:?}");
        let got = clauses("Joining Democrats in support of the resolution were Republican Sens. Ana Ruiz of Alaska and GOP leader Bo Chan, along with Sen. Ed Park.");
        let voters = got.iter().find(|c| c.4.as_deref() == Some("in support of the resolution")).expect("a vote clause");
        assert_eq!(voters.0.as_deref(), Some("Democratic Party"), "{got:?}");
        assert_eq!(voters.1, ["Ana Ruiz", "Bo Chan", "Ed Park"], "{got:?}");
        // Joining a meeting is no vote.
        assert!(clauses("Ana Ruiz joined Democrats at the dinner.").is_empty());
    }
}
