//! Which earlier claim a denial, non-denial or confirmation answers.
//!
//! Two rules, in order:
//!
//! 1. The stance names its source (`didn't deny the US claim`, `denied Ms
//!    Villalba's claims`, `the report by Reuters`): the latest earlier claim
//!    whose speaker's name shares a word with that source. If the source names
//!    nobody who spoke earlier, the answer is `None`: a guess would point at the
//!    wrong person.
//! 2. The stance refers back without naming anyone (`denied the report`,
//!    `declined to comment on the allegations`, `dismissed them`): the latest
//!    earlier claim by another speaker that is itself an assert.
//!
//!    A noun that names how it was said (`confirmed the report`) prefers the
//!    claim whose cue matches it (`... the Times reported`).
//! 3. The stance has no object of its own (`denied that ...`, `declined to
//!    comment`, `confirmed that ...`): the latest assert by another speaker
//!    within about two paragraphs before it, or `None` when there is none.

use claimtrack_parser::{Claim, Span};

use crate::cues::{is_subject_pronoun, OBJECT_STOPS};
use crate::lexicon::Lexicon;
use crate::text::{clause_words, sanitize, Token};
use crate::window::Contents;
use crate::Stance;

/// What the words after (or around) a stance cue say about what it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ObjectRef {
    /// True when the stance clearly refers to something said before.
    pub(crate) refers_back: bool,
    /// Words that may name the source (`the US` in `the US claim`); capitalised
    /// words in it are matched against speaker names.
    pub(crate) modifiers: Option<Span>,
    /// The agent after the noun (`Reuters` in `the report by Reuters`).
    pub(crate) agent: Option<Span>,
}

/// Words never taken for a source name: articles, determiners and titles (as the contract's
/// speaker matching ignores them) and the capitalised words of dates
/// (`declined to comment on Tuesday on the reports`).
const NAME_NOISE: &[&str] = &[
    "the",
    "a",
    "an",
    "mr",
    "mrs",
    "ms",
    "dr",
    "of",
    "these",
    "those",
    "this",
    "that",
    "such",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "all",
    "any",
    "some",
    "recent",
    "latest",
    "new",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn is_noise(word: &str) -> bool {
    NAME_NOISE.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Reads the object of a stance verb that ends at `from`: `the US claim`,
/// `reports that ...`, `it`, `on the allegations`. At most eight words, up to
/// clause punctuation or a word that opens new content (`that`, `and`, `saying`).
pub(crate) fn read_object(lex: &Lexicon, text: &str, from: usize) -> ObjectRef {
    let mut words = clause_words(text, from, text.len()).take(9).peekable();
    let mut first = true;
    while let Some(Token::Word(w)) = words.next() {
        let s = w.as_str(text);
        if first && lex.is_pronoun(s) {
            if is_subject_pronoun(text, w.span.end) {
                break;
            }
            return ObjectRef {
                refers_back: true,
                modifiers: None,
                agent: None,
            };
        }
        first = false;
        if lex.is_object(w.stem(text)) {
            let agent = match words.next() {
                Some(Token::Word(by))
                    if ["by", "from"]
                        .iter()
                        .any(|p| by.as_str(text).eq_ignore_ascii_case(p)) =>
                {
                    agent_phrase(text, by.span.end)
                }
                _ => None,
            };
            return ObjectRef {
                refers_back: true,
                modifiers: Some(Span::new(from, w.span.end)),
                agent,
            };
        }
        if OBJECT_STOPS.iter().any(|stop| stop.eq_ignore_ascii_case(s)) {
            break;
        }
    }
    ObjectRef::default()
}

/// The agent phrase after `by`/`from` (`Associated Press`, `media outlets
/// including the Financial Times and CNBC`): up to eight words in the clause,
/// stopping at a word that opens new content (`saying`, `that`). Naming an
/// agent names a source, even when no capitalised word is in it: then no
/// earlier claim can be matched, and the answer is `None` rather than a guess.
fn agent_phrase(text: &str, from: usize) -> Option<Span> {
    const ENDS: [&str; 4] = ["saying", "that", "which", "who"];
    let mut span: Option<Span> = None;
    for token in clause_words(text, from, text.len()).take(8) {
        match token {
            Token::Word(w) if !ENDS.iter().any(|s| w.as_str(text).eq_ignore_ascii_case(s)) => {
                span = Some(Span::new(
                    span.map_or(w.span.start, |s| s.start),
                    w.span.end,
                ));
            }
            _ => break,
        }
    }
    span
}

/// True when a claim noun (not a pronoun) stands in `text[span]`: `Asked
/// about the reports, a spokesman declined to comment`.
pub(crate) fn mentions_claim(lex: &Lexicon, text: &str, span: Span) -> bool {
    let mut found = false;
    for token in clause_words(text, span.start, span.end) {
        if let Token::Word(w) = token {
            found |= lex.is_object(w.stem(text));
        }
    }
    found
}

/// The name words of a source (`US` in `the US claim`; `Financial`, `Times`
/// in `media outlets including the Financial Times`): capitalised, not noise.
/// At most [`SourceWords::MAX`] of them; gathered once per stance, no allocation.
struct SourceWords<'t> {
    words: [&'t str; SourceWords::MAX],
    len: usize,
}

impl<'t> SourceWords<'t> {
    const MAX: usize = 8;

    fn new(text: &'t str, spans: impl IntoIterator<Item = Span>) -> SourceWords<'t> {
        let mut found = SourceWords {
            words: [""; Self::MAX],
            len: 0,
        };
        for span in spans {
            for token in clause_words(text, span.start, span.end) {
                if let (Token::Word(w), true) = (token, found.len < Self::MAX) {
                    if is_name_word(text, token) {
                        found.words[found.len] = w.stem(text);
                        found.len += 1;
                    }
                }
            }
        }
        found
    }

    /// True when the speaker `name` shares a word with the source (`US` ~
    /// `US`, `Conservative` ~ `Conservatives`, `Villalba` ~ `Stephanie Villalba`).
    fn name(&self, name: &str) -> bool {
        // The cheap comparison first: the noise test only runs on a match.
        name.split(|c: char| !c.is_alphanumeric()).any(|token| {
            !token.is_empty()
                && self.words[..self.len]
                    .iter()
                    .any(|s| same_name_word(token, s))
                && !is_noise(token)
        })
    }
}

/// Equal ignoring case, or one a short inflection of the other (`Conservative`
/// / `Conservatives`, `Tory` stays apart from `Tories`).
fn same_name_word(a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 4
        && long.len() - short.len() <= 2
        && long
            .get(..short.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(short))
}

/// True for a capitalised word that is not noise: a likely name.
fn is_name_word(text: &str, token: Token) -> bool {
    matches!(token, Token::Word(w) if w.is_capitalized(text) && !is_noise(w.stem(text)))
}

/// True when the object names its source: an agent (`by Reuters`), or a
/// capitalised word before the noun (`the US claim`).
fn has_source(text: &str, object: &ObjectRef) -> bool {
    object.agent.is_some()
        || object.modifiers.is_some_and(|span| {
            clause_words(text, span.start, span.end).any(|t| is_name_word(text, t))
        })
}

/// How many earlier claims a denial looks back through for the claim it
/// answers (the nearest first). An answer follows its claim within a few
/// paragraphs; without a bound, a text of thousands of "denied the report"
/// sentences is quadratic (found by the pathological-input tests).
const MAX_LOOKBACK: usize = 100;

/// The claim that `claims[index]` answers, given the object of its stance cue
/// (at `cue`) and the stances already decided for every claim.
pub(crate) fn responds_to(
    text: &str,
    claims: &[Claim],
    contents: &Contents,
    stances: &[Stance],
    index: usize,
    cue: Span,
    object: &ObjectRef,
) -> Option<usize> {
    let own = claims.get(index)?;
    let before = sanitize(text, own.text).start.min(cue.start);
    let own_name = own.speaker.name.trim();
    let by_other_speaker = |j: usize| {
        claims
            .get(j)
            .is_some_and(|c| !c.speaker.name.trim().eq_ignore_ascii_case(own_name))
            && stances.get(j).copied().unwrap_or_default() == Stance::Assert
    };
    let own_cue = own.cue.is_some_and(|c| c.overlaps(cue));
    if !object.refers_back {
        if stances.get(index).copied().unwrap_or_default() == Stance::Assert && !own_cue {
            // A confirmation word near a plain statement answers nothing.
            return None;
        }
        // A stance with no object of its own ("confirmed that ...",
        // "declined to comment") answers what someone else said just before
        // it, if anything was said close enough to be what was put to them.
        // Among those, the one whose words it shares most ("confirmed that
        // the main had ruptured" answers "a gas main ruptured").
        let mut nearby = contents
            .before(before)
            .filter(|&j| j != index)
            .take_while(|&j| {
                claims
                    .get(j)
                    .is_some_and(|c| c.text.end + NEARBY_BYTES >= before)
            })
            .filter(|&j| by_other_speaker(j))
            .peekable();
        let first = nearby.next()?;
        if nearby.peek().is_none() {
            // The only one: no words to compare.
            return Some(first);
        }
        let own_words = content_words(own.text.slice(text));
        let shared = |j: usize| shared_words(&own_words, claims[j].text.slice(text));
        let mut best = (first, shared(first));
        for j in nearby {
            let words = shared(j);
            if words > best.1 {
                best = (j, words);
            }
        }
        return Some(best.0);
    }
    // Latest first; the first that fits is the answer.
    let mut earlier = contents
        .before(before)
        .filter(|&j| j != index)
        .take(MAX_LOOKBACK);
    if has_source(text, object) {
        let source = SourceWords::new(text, [object.modifiers, object.agent].into_iter().flatten());
        return earlier.find(|&j| claims.get(j).is_some_and(|c| source.name(&c.speaker.name)));
    }
    // "confirmed the report": the claim that was reported, when one was.
    let noun = object
        .modifiers
        .and_then(|m| m.slice(text).split_whitespace().last())
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        });
    let candidates: Vec<usize> = earlier.filter(|&j| by_other_speaker(j)).collect();
    if let Some(noun) = noun.filter(|n| n.len() >= 4) {
        let stem = noun.trim_end_matches('s');
        let cue_matches = |j: &usize| {
            claims[*j]
                .cue
                .is_some_and(|c| c.slice(text).to_ascii_lowercase().starts_with(stem))
        };
        if let Some(&j) = candidates.iter().find(|j| cue_matches(j)) {
            return Some(j);
        }
    }
    candidates.first().copied()
}

/// The lower-case words of four letters or more in `text`: enough to tell
/// what two claims share without a stop list.
fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// How many of the [`content_words`] of `text` are among `words` (counted
/// with repeats), without making a string of each: an ASCII word is compared
/// as it stands, lowercased byte by byte.
fn shared_words(words: &[String], text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .filter(|w| {
            if w.is_ascii() {
                words.iter().any(|o| {
                    o.len() == w.len()
                        && o.bytes()
                            .zip(w.bytes())
                            .all(|(a, b)| a == b.to_ascii_lowercase())
                })
            } else {
                words.contains(&w.to_lowercase())
            }
        })
        .count()
}

/// How far back (in bytes) a stance with no object looks for the claim it
/// answers: about two paragraphs of news text.
const NEARBY_BYTES: usize = 1200;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    fn object(text: &str) -> ObjectRef {
        read_object(lexicon(), text, 0)
    }

    #[test]
    fn objects_that_refer_back() {
        let text = " the US claim in comments on Tuesday";
        let o = object(text);
        assert!(o.refers_back);
        assert_eq!(o.modifiers.map(|s| s.slice(text)), Some(" the US claim"));
        assert!(object(" it, saying").refers_back);
        assert!(object(" on reports that it may be").refers_back);
        let text = " the report by Associated Press";
        assert_eq!(
            object(text).agent.map(|s| s.slice(text)),
            Some("Associated Press")
        );
    }

    #[test]
    fn objects_that_do_not() {
        assert!(!object(" that it was behind the purchase").refers_back);
        assert!(!object(" it was his fault").refers_back);
        assert!(!object(" any wrongdoing in a statement").refers_back);
        assert!(!object(" to a request for comment").refers_back);
        assert!(!object(", claims").refers_back);
    }

    #[test]
    fn shared_words_count_as_lowercased_strings_do() {
        let own = content_words("The Élysée said ΣΟΦΙΑ's gas MAIN had ruptured near Paris");
        for other in [
            "a gas main ruptured",
            "élysée ÉLYSÉE Élysée",
            "σοφια ΣΟΦΙΑ σοφιας",
            "Paris, paris; PARIS near-by",
            "",
        ] {
            let expected = content_words(other)
                .iter()
                .filter(|w| own.contains(w))
                .count();
            assert_eq!(shared_words(&own, other), expected, "{other:?}");
        }
    }

    #[test]
    fn source_names() {
        let text = "the US claim; Conservative claims; Ms Villalba's claims";
        let names = |a, b| SourceWords::new(text, [Span::new(a, b)]);
        assert!(names(0, 12).name("US"));
        assert!(!names(0, 12).name("White House"));
        assert!(names(14, 33).name("Conservatives"));
        assert!(names(35, text.len()).name("Stephanie Villalba"));
        assert!(!names(35, text.len()).name("Ms Jones"));
    }
}
