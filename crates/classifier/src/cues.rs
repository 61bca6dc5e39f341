//! One pass over an article that finds every stance cue: denials
//! (`denied`, `rejected the claims`), non-denials (`didn't deny`, `declined
//! to comment`, `would neither confirm nor deny`) and confirmations
//! (`acknowledged`).
//!
//! The article is scanned once, whatever the number of claims; each claim then
//! picks the cues inside its attribution clause (see [`crate::window`]).
//! Negation is composed, not listed: a negator (`did not`, `never`,
//! `refused to`) right before a denial or confirmation verb, or before a verb
//! of responding, makes a non-denial whose cue runs from the negator to the verb.

use aho_corasick::Input;
use claimtrack_parser::Span;

use crate::lexicon::{lexicon, CueKind, Lexicon};
use crate::text::{clause_words, next_word, on_word_boundaries, prev_word, Token};
use crate::Stance;

/// A stance cue found in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StanceCue {
    /// The deciding words, negator included (`didn't deny`).
    pub(crate) span: Span,
    /// Deny, non-denial, or assert for a confirmation.
    pub(crate) stance: Stance,
    /// True for a confirmation (`confirmed`, `admitted`).
    pub(crate) confirmation: bool,
}

/// Words that make a following `-ed` form passive (`was denied bail`, `if confirmed`).
const PASSIVE_MARKERS: &[&str] = &["was", "were", "been", "being", "be", "is", "are", "if"];

/// Words before which `disputed`, `denied` are adjectives (`the disputed region`).
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "its", "their", "his", "her"];

/// Words that close the object of a verb (`dismissed the offer that ...`).
pub(crate) const OBJECT_STOPS: &[&str] = &[
    "that", "which", "who", "and", "but", "or", "saying", "as", "because", "while", "when", "if",
    "whether", "after",
];

/// Auxiliaries that show a pronoun right after a verb is the subject of its
/// content clause (`denied it was`), not its object (`denied it`).
pub(crate) const AUXILIARIES: &[&str] = &[
    "was", "is", "were", "are", "had", "has", "have", "would", "will", "could", "can", "did",
    "does", "do", "should", "might", "may", "must", "wasn't", "isn't",
];

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True when what lies between a negator and the next cue still lets the
/// negator apply: nothing but spaces, or one adverb (`did not explicitly deny`,
/// `did not even deny`, `could not immediately be reached`).
fn negation_reaches(text: &str, neg_end: usize, target_start: usize) -> bool {
    let Some(gap) = text.get(neg_end..target_start) else {
        return false;
    };
    let gap = gap.trim();
    if gap.is_empty() {
        return true;
    }
    let is_adverb = gap.chars().all(char::is_alphabetic)
        && (gap.ends_with("ly") && !gap.eq_ignore_ascii_case("only")
            || is_one_of(gap, &["outright", "even", "yet"]));
    is_adverb
}

/// True when `by` follows within the clause (`was denied by UKIP`).
fn agent_follows(text: &str, from: usize) -> bool {
    clause_words(text, from, text.len())
        .take(8)
        .map_while(|t| match t {
            Token::Word(w) => Some(w),
            Token::Stop => None,
        })
        .any(|w| w.as_str(text).eq_ignore_ascii_case("by"))
}

/// True when a verb ending at `span` is a passive without an agent
/// (`was denied bail`, `would be automatically denied a visa`, `to be
/// confirmed`), which is no speech act.
fn agentless_passive(text: &str, span: Span) -> bool {
    let mut before = prev_word(text, span.start);
    if let Some(adverb) = before.filter(|w| w.as_str(text).ends_with("ly")) {
        before = prev_word(text, adverb.span.start);
    }
    before.is_some_and(|w| is_one_of(w.as_str(text), PASSIVE_MARKERS))
        && !agent_follows(text, span.end)
}

/// True when `dismissed`/`rejected` at `span` takes a claim as object, or an
/// `as <falsity word>` complement: `rejected the allegations`, `dismissed
/// them as a "load of nonsense"`, `rejected ... as baseless`.
fn dismisses_a_claim(lex: &Lexicon, text: &str, span: Span) -> bool {
    let mut words = clause_words(text, span.end, text.len()).take(10).peekable();
    let mut first = true;
    while let Some(Token::Word(w)) = words.next() {
        let s = w.as_str(text);
        if first && lex.is_pronoun(s) {
            let subject = matches!(words.peek(), Some(Token::Word(n)) if is_one_of(n.as_str(text), AUXILIARIES));
            if !subject {
                return true;
            }
        }
        first = false;
        if lex.is_object(w.stem(text)) {
            return true;
        }
        if s.eq_ignore_ascii_case("as") {
            return falsity_follows(lex, text, w.span.end);
        }
        if is_one_of(s, OBJECT_STOPS) {
            return false;
        }
    }
    false
}

/// The falsity word (`baseless`, `a "load of nonsense"`) at most four words
/// after `pos`, with only adverbs, articles, `complete`/`total`/`load of` and
/// quotation marks between.
pub(crate) fn falsity_follows(lex: &Lexicon, text: &str, pos: usize) -> bool {
    falsity_after(lex, text, pos).is_some()
}

/// Span of the falsity word that [`falsity_follows`] finds.
pub(crate) fn falsity_after(lex: &Lexicon, text: &str, pos: usize) -> Option<Span> {
    const FILLER: [&str; 10] = [
        "a",
        "an",
        "complete",
        "completely",
        "total",
        "totally",
        "utter",
        "load",
        "of",
        "pure",
    ];
    for token in clause_words(text, pos, text.len()).take(5) {
        let Token::Word(w) = token else { return None };
        let rest = text.get(w.span.start..)?;
        if let Some(m) = lex
            .falsity
            .find(Input::new(rest).anchored(aho_corasick::Anchored::Yes))
        {
            let span = Span::new(w.span.start, w.span.start + m.end());
            if on_word_boundaries(text, span.start, span.end) {
                return Some(span);
            }
        }
        let s = w.as_str(text);
        let adverb = s.len() > 3 && s.ends_with("ly");
        if !adverb && !is_one_of(s, &FILLER) {
            return None;
        }
    }
    None
}

/// Every stance cue of `text`, in order.
#[cfg(test)]
pub(crate) fn scan(text: &str) -> Vec<StanceCue> {
    let mut cues = Vec::new();
    scan_region(text, Span::new(0, text.len()), &mut cues);
    cues
}

/// Every stance cue lying inside one of `regions` (sorted, disjoint), in
/// order. Only the parts of an article that some claim will read are
/// scanned: attribution windows and the heads of contents.
pub(crate) fn scan_regions(text: &str, regions: &[Span]) -> Vec<StanceCue> {
    let mut cues = Vec::new();
    for &region in regions {
        scan_region(text, region, &mut cues);
    }
    cues
}

/// Appends the stance cues inside `region` to `cues`.
fn scan_region(text: &str, region: Span, cues: &mut Vec<StanceCue>) {
    let lex = lexicon();
    // The last negator seen: (span, is a refusal).
    let mut negator: Option<(Span, bool)> = None;
    let region = crate::text::sanitize(text, region);
    // Matches inside longer words (`not` in `another`) are skipped. A skipped
    // match could only hide a cue starting inside that same word, which no
    // entry does, so a plain non-overlapping iteration is enough (and fast).
    for m in lex
        .cues
        .find_iter(Input::new(text).span(region.start..region.end))
    {
        if !on_word_boundaries(text, m.start(), m.end()) {
            continue;
        }
        let span = Span::new(m.start(), m.end());
        let kind = lex.kinds[m.pattern().as_usize()];
        let negated = negator.filter(|(n, _)| negation_reaches(text, n.end, span.start));
        let from_negator = |stance| StanceCue {
            span: Span::new(negated.map_or(span.start, |(n, _)| n.start), span.end),
            stance,
            confirmation: false,
        };
        let cue = match kind {
            CueKind::Negator { refusal } => {
                negator = Some((span, refusal));
                continue;
            }
            _ if negated.is_some() => match kind {
                CueKind::Evasion if !negated.is_some_and(|(_, refusal)| refusal) => None,
                CueKind::Dismiss if !dismisses_a_claim(lex, text, span) => None,
                _ => Some(from_negator(Stance::NonDenial)),
            },
            CueKind::Phrase => Some(from_negator(Stance::NonDenial)),
            CueKind::Response | CueKind::Evasion => None,
            CueKind::Deny => {
                let adjective = prev_word(text, span.start)
                    .is_some_and(|w| is_one_of(w.as_str(text), DETERMINERS));
                (!adjective && !agentless_passive(text, span)).then_some(StanceCue {
                    span,
                    stance: Stance::Deny,
                    confirmation: false,
                })
            }
            CueKind::Dismiss => (!agentless_passive(text, span)
                && dismisses_a_claim(lex, text, span))
            .then_some(StanceCue {
                span,
                stance: Stance::Deny,
                confirmation: false,
            }),
            CueKind::Confirm => (!agentless_passive(text, span)).then_some(StanceCue {
                span,
                stance: Stance::Assert,
                confirmation: true,
            }),
        };
        negator = None;
        cues.extend(cue);
    }
}

/// True when a pronoun at `word_end` is the subject of a following clause.
pub(crate) fn is_subject_pronoun(text: &str, word_end: usize) -> bool {
    next_word(text, word_end).is_some_and(|n| is_one_of(n.as_str(text), AUXILIARIES))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Stance, bool)> {
        scan(text)
            .iter()
            .map(|c| (c.span.slice(text), c.stance, c.confirmation))
            .collect()
    }

    #[test]
    fn plain_and_negated_denials() {
        assert_eq!(
            found("Gazprom denied it."),
            [("denied", Stance::Deny, false)]
        );
        assert_eq!(
            found("he didn't deny it"),
            [("didn't deny", Stance::NonDenial, false)]
        );
        assert_eq!(
            found("he didn’t deny it"),
            [("didn’t deny", Stance::NonDenial, false)]
        );
        assert_eq!(
            found("she never denied it"),
            [("never denied", Stance::NonDenial, false)]
        );
        assert_eq!(
            found("Brown refused to deny claims"),
            [("refused to deny", Stance::NonDenial, false)]
        );
        assert_eq!(
            found("did not explicitly dispute"),
            [("did not explicitly dispute", Stance::NonDenial, false)]
        );
        assert_eq!(found("did not only deny"), [("deny", Stance::Deny, false)]);
    }

    #[test]
    fn passives_and_adjectives_are_not_denials() {
        assert!(found("Khodorkovsky was denied bail.").is_empty());
        assert!(found("people will be automatically denied a visa").is_empty());
        assert!(found("in the disputed region").is_empty());
        assert!(found("Release date to be confirmed on PS2.").is_empty());
        assert_eq!(
            found("the claim was denied by a spokesman"),
            [("denied", Stance::Deny, false)]
        );
    }

    #[test]
    fn dismissals_need_a_claim() {
        assert!(found("Southcorp has rejected a takeover offer").is_empty());
        assert!(found("it dismissed the offer as inadequate").is_empty());
        assert_eq!(
            found("Mr Ebbers rejected allegations he pressured"),
            [("rejected", Stance::Deny, false)]
        );
        assert_eq!(
            found("dismissed them as a \"load of nonsense\""),
            [("dismissed", Stance::Deny, false)]
        );
        assert_eq!(
            found("rejected the move as baseless"),
            [("rejected", Stance::Deny, false)]
        );
    }

    #[test]
    fn responses_need_a_negator() {
        assert_eq!(
            found("HP declined to comment."),
            [("declined to comment", Stance::NonDenial, false)]
        );
        assert_eq!(
            found("Apple did not immediately respond to a message"),
            [("did not immediately respond", Stance::NonDenial, false)]
        );
        assert_eq!(
            found("Smith could not be reached for comment"),
            [("could not be reached", Stance::NonDenial, false)]
        );
        assert_eq!(
            found("Apple was not immediately available for comment."),
            [(
                "was not immediately available for comment",
                Stance::NonDenial,
                false
            )]
        );
        assert!(found("he commented on the match").is_empty());
        assert!(found("he did not say why").is_empty());
        assert_eq!(
            found("Mr Balls refused to say whether"),
            [("refused to say", Stance::NonDenial, false)]
        );
    }

    #[test]
    fn fixed_phrases() {
        assert_eq!(
            found("It would neither confirm nor deny the report"),
            [("would neither confirm nor deny", Stance::NonDenial, false)]
        );
        assert_eq!(
            found("did not confirm or deny"),
            [("did not confirm or deny", Stance::NonDenial, false)]
        );
        assert_eq!(
            found("She had no comment."),
            [("no comment", Stance::NonDenial, false)]
        );
    }

    #[test]
    fn confirmations() {
        assert_eq!(
            found("the Kremlin confirmed"),
            [("confirmed", Stance::Assert, true)]
        );
        assert_eq!(
            found("he would not confirm"),
            [("would not confirm", Stance::NonDenial, false)]
        );
    }

    #[test]
    fn words_inside_words_do_not_match() {
        assert!(found("undeniable cannoted notable").is_empty());
    }
}
