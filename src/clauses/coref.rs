//! Coreference, in one place: which actor each token's mention stands for (names, role nouns,
//! pair mentions such as الرئيسان / "both sides"), and the discourse topic that pronouns,
//! pro-drop verbs and participles take up.

use std::ops::Range;

use crate::actors::Actors;
use crate::mentions::Mention;
use crate::text::Document;

/// Which actor's mention covers each token.
pub(crate) struct MentionIndex {
    by_token: Vec<Option<(usize, Range<usize>)>>,
    /// Tokens of mentions that name someone unresolved ("زعيم حزب …" with no name in the
    /// text): a subject we cannot attribute.
    unresolved: Vec<bool>,
    /// The second actor of a pair mention ("الرئيسان", "both sides"), by token.
    partner: Vec<Option<usize>>,
}

impl MentionIndex {
    pub fn new(doc: &Document, mentions: &[Mention], actors: &Actors) -> Self {
        let mut by_token = vec![None; doc.tokens().len()];
        let mut unresolved = vec![false; doc.tokens().len()];
        let mut partner = vec![None; doc.tokens().len()];
        for ((m, a), p) in mentions.iter().zip(&actors.of_mention).zip(&actors.partner_of_mention) {
            match a {
                Some(a) => {
                    for t in m.phrase.clone() {
                        by_token[t] = Some((*a, m.phrase.clone()));
                        partner[t] = *p;
                    }
                }
                None => unresolved[m.phrase.start] = true,
            }
        }
        MentionIndex { by_token, unresolved, partner }
    }

    /// The second actor of a pair mention covering token `k`.
    pub fn partner_at(&self, k: usize) -> Option<usize> {
        self.partner.get(k).copied().flatten()
    }

    /// A mention of someone the text does not name starts at token `k`.
    pub fn unresolved_at(&self, k: usize) -> bool {
        self.unresolved.get(k).copied().unwrap_or(false)
    }

    /// The actor and phrase of the mention covering token `k`.
    pub fn at(&self, k: usize) -> Option<(usize, Range<usize>)> {
        self.by_token.get(k).cloned().flatten()
    }

    /// An actor opening the sentence (first or second word) is its topic.
    pub fn opening_subject(&self, doc: &Document, sentence: Range<usize>) -> Option<usize> {
        sentence.filter(|&t| doc.tokens()[t].is_word).take(2).find_map(|t| self.at(t).filter(|(_, p)| p.start == t).map(|(a, _)| a))
    }
}

/// The current topic for unexpressed and pronoun subjects.
#[derive(Default)]
pub(crate) struct Topic {
    actor: Option<usize>,
    /// The sentence that named it.
    sentence: usize,
    /// The sentence being read.
    now: usize,
    /// Earlier topics, newest last, with the sentence that named each: a pronoun that does
    /// not agree with the topic ("Poland had …, he added") takes the latest that does.
    earlier: Vec<(usize, usize)>,
    /// Sentences read since the topic was named that continued a quotation: one speaker's
    /// words, however many sentences they run to, are no change of subject
    /// ('"… . … . …," he said' three sentences after the speaker was named).
    quoted_since: usize,
}

impl Topic {
    /// How many earlier topics are remembered; a pronoun reaches back at most two sentences.
    const MEMORY: usize = 6;

    pub fn set(&mut self, actor: usize, sentence: usize) {
        if let Some(previous) = self.actor.filter(|&p| p != actor) {
            self.earlier.retain(|&(a, _)| a != previous);
            self.earlier.push((previous, self.sentence));
            if self.earlier.len() > Self::MEMORY {
                self.earlier.remove(0);
            }
        }
        self.actor = Some(actor);
        self.sentence = sentence;
        self.quoted_since = 0;
    }

    /// Moves to `sentence`; `continues_quotation`: it starts inside a quotation opened before.
    pub fn new_sentence(&mut self, sentence: usize, continues_quotation: bool) {
        self.now = sentence;
        if continues_quotation && self.actor.is_some() {
            self.quoted_since += 1;
        }
        if sentence > self.sentence + 2 + self.quoted_since {
            self.actor = None;
        }
        self.earlier.retain(|&(_, s)| sentence <= s + 2);
    }

    pub fn current(&self) -> Option<usize> {
        self.actor
    }

    /// The latest topic of the last three sentences for which `agrees` holds: the current one
    /// first, then earlier ones.
    pub fn agreeing(&self, agrees: impl Fn(usize) -> bool) -> Option<usize> {
        self.actor.filter(|&a| agrees(a)).or_else(|| self.earlier.iter().rev().map(|&(a, _)| a).find(|&a| agrees(a)))
    }

    /// The topic, if the sentence being read named it.
    pub fn named_in_this_sentence(&self) -> Option<usize> {
        self.actor.filter(|_| self.sentence == self.now)
    }
}

/// Who holds a position: (actor, the token where the claim starts, named in the clause rather
/// than taken from the current topic).
pub(crate) type Holder = (usize, usize, bool);
