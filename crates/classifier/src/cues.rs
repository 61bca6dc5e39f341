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
//!
//! ## Finding the cues
//!
//! The cues are the matches of a leftmost-longest search for the cue entries
//! over every byte of a region (the next match starting where the last one
//! ended), keeping those on word boundaries. Rather than stepping an automaton
//! through every byte, the scan looks the entries up at word starts only: the
//! only matches kept start there. A match starting inside a word is never
//! kept, but it still consumes what it spans, and it can span the start of
//! the next word only through an entry of several words whose first word ends
//! the current one (`did not` in `candid not comment` hides `not`). Such
//! words are rare, cheap to recognise from their last bytes (and the bytes
//! after them: first the pair around the byte after the word, one table
//! look-up that passes most words over), and scanned byte by byte, so the
//! result is the same as the full search's (tested against `aho-corasick`
//! doing it).

use claimtrack_parser::Span;

use crate::lexicon::{lexicon, CueKind, Lexicon};
use crate::text::{
    clause_words, is_word_char, next_word, on_word_boundaries, prev_word, sanitize, Token,
};
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
        if let Some((_, end)) = lex
            .falsity
            .longest_at(text.as_bytes(), w.span.start, text.len())
        {
            let span = Span::new(w.span.start, end);
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
    scan_region(text, Span::new(0, text.len()), text.len(), &[], &mut cues);
    cues
}

/// A part of an article to scan for cues (see [`scan_regions`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Region {
    /// The bytes scanned: where the scan starts decides where matches start.
    pub(crate) span: Span,
    /// No claim reads a cue starting here or later, so the scan stops here.
    pub(crate) until: usize,
}

/// Puts into `cues` (emptied first) every stance cue lying inside one of
/// `regions` (sorted, disjoint) and starting before its `until`, in order,
/// at least those that touch a span some claim reads cues in: `reads`
/// holds these spans, as (index of their region, span within it), sorted.
/// Only the parts of an article that some claim will read are scanned:
/// attribution windows and the heads of contents.
pub(crate) fn scan_regions(
    text: &str,
    regions: &[Region],
    reads: &[(usize, Span)],
    cues: &mut Vec<StanceCue>,
) {
    cues.clear();
    let mut reads = reads;
    for (k, region) in regions.iter().enumerate() {
        let (mine, later) = reads.split_at(reads.partition_point(|&(r, _)| r <= k));
        reads = later;
        scan_region(text, region.span, region.until, mine, cues);
    }
}

/// Appends the stance cues inside `region` and starting before `until` to
/// `cues`; with `reads` (see [`scan_regions`]), only those that touch one
/// for certain.
fn scan_region(
    text: &str,
    region: Span,
    until: usize,
    reads: &[(usize, Span)],
    cues: &mut Vec<StanceCue>,
) {
    let lex = lexicon();
    // The last negator seen: (span, is a refusal).
    let mut negator: Option<(Span, bool)> = None;
    let region = sanitize(text, region);
    cue_matches(lex, text, region, until, reads, |span, kind| {
        cues.extend(judge(lex, text, span, kind, &mut negator));
        // A negated cue starts at its negator (`declined to comment`).
        negator.map(|(n, _)| n.start)
    });
}

/// The stance cue that the cue entry of `kind` matched at `span` makes, given
/// the last negator seen before it (updated here).
fn judge(
    lex: &Lexicon,
    text: &str,
    span: Span,
    kind: CueKind,
    negator: &mut Option<(Span, bool)>,
) -> Option<StanceCue> {
    let negated = negator.filter(|(n, _)| negation_reaches(text, n.end, span.start));
    let from_negator = |stance| StanceCue {
        span: Span::new(negated.map_or(span.start, |(n, _)| n.start), span.end),
        stance,
        confirmation: false,
    };
    let cue = match kind {
        CueKind::Negator { refusal } => {
            *negator = Some((span, refusal));
            return None;
        }
        _ if negated.is_some() => match kind {
            CueKind::Evasion if !negated.is_some_and(|(_, refusal)| refusal) => None,
            CueKind::Dismiss if !dismisses_a_claim(lex, text, span) => None,
            _ => Some(from_negator(Stance::NonDenial)),
        },
        CueKind::Phrase => Some(from_negator(Stance::NonDenial)),
        CueKind::Response | CueKind::Evasion => None,
        CueKind::Deny => {
            let adjective =
                prev_word(text, span.start).is_some_and(|w| is_one_of(w.as_str(text), DETERMINERS));
            (!adjective && !agentless_passive(text, span)).then_some(StanceCue {
                span,
                stance: Stance::Deny,
                confirmation: false,
            })
        }
        CueKind::Dismiss => (!agentless_passive(text, span) && dismisses_a_claim(lex, text, span))
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
    *negator = None;
    cue
}

/// Whether the character at byte `i` of `text` is a word character, and its
/// length (1 past the end of the text or off a `char` boundary).
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
        _ => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
    }
}

/// [`BYTE_KINDS`] of a byte that is not part of a word: other ASCII.
const OTHER: u8 = 0;
/// [`BYTE_KINDS`] of an ASCII letter or digit.
const WORD: u8 = 1;
/// [`BYTE_KINDS`] of a byte of a longer character, decoded to tell.
const NON_ASCII: u8 = 2;

/// What each byte is for the word walk: a table lookup beats range tests.
static BYTE_KINDS: [u8; 256] = {
    let mut kinds = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        kinds[b] = if b >= 0x80 {
            NON_ASCII
        } else if (b as u8).is_ascii_alphanumeric() {
            WORD
        } else {
            OTHER
        };
        b += 1;
    }
    kinds
};

/// The high bit of each byte of `x` set where the byte is an ASCII letter or
/// digit: the word test of eight bytes at once.
#[inline]
fn ascii_word_bits(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let low = x & !HIGH;
    let folded = low | (ONES * 0x20);
    // Per byte `v <= 0x7f`: adding `0x80 - lo` sets the high bit where
    // `v >= lo`, without a carry into the next byte.
    let at_least = |v: u64, lo: u8| v + ONES * u64::from(0x80 - lo);
    let above = |v: u64, hi: u8| v + ONES * u64::from(0x7f - hi);
    let letter = at_least(folded, b'a') & !above(folded, b'z');
    let digit = at_least(low, b'0') & !above(low, b'9');
    (letter | digit) & !x & HIGH
}

/// The end of the word characters of `text` from `i` on, at most
/// `hay.len()` (`hay` being a prefix of `text`'s bytes).
#[inline]
fn word_end(text: &str, hay: &[u8], mut i: usize) -> usize {
    loop {
        // Eight ASCII word bytes at a time: most words end in the first eight.
        while let Some(Ok(chunk)) = hay.get(i..i + 8).map(<[u8; 8]>::try_from) {
            let stops = !ascii_word_bits(u64::from_le_bytes(chunk)) & 0x8080_8080_8080_8080;
            if stops != 0 {
                let lane = stops.trailing_zeros() / 8;
                i += lane as usize;
                // An ASCII stop ends the word; a longer character is decoded.
                if chunk[lane as usize] < 0x80 {
                    return i;
                }
                break;
            }
            i += 8;
        }
        let Some(&b) = hay.get(i) else { return i };
        match BYTE_KINDS[usize::from(b)] {
            WORD => i += 1,
            OTHER => return i,
            _ => match word_char_at(text, i) {
                (true, len) => i += len,
                (false, _) => return i,
            },
        }
    }
}

/// False when no cue of several words can run on past the word that ends at
/// `i`: the bytes from `i` on start no cue's rest (` not` of `did not`).
#[inline]
fn may_run_on(lex: &Lexicon, hay: &[u8], i: usize) -> bool {
    match (&lex.cue_tails, hay.get(i..)) {
        (_, Some(&[b'\'', ..])) | (None, _) => true,
        (Some(tails), Some(&[a, b, c, ..])) => tails.can_start(a) && tails.may_start_with(a, b, c),
        (Some(tails), Some(&[a, ..])) => tails.can_start(a),
        (Some(_), _) => false,
    }
}

/// Calls `found` with each match of the cue entries in `region` that lies on
/// word boundaries, in order: the matches a leftmost-longest search over the
/// region keeps (see the module docs), up to those that make no cue starting
/// before `until`. `found` returns where a cue made by a later match would
/// start when that is before the match: at a negator (`declined to comment`).
///
/// With `reads` (the spans some claim reads cues in, sorted by start, see
/// [`scan_regions`]), the stretches that no read span touches are passed
/// over from the last of the lexicon's `cue_breaks` before the next read
/// span: no match runs through such a byte (`,`, `"`, `.`) and no negator
/// reaches across one, so the search from there keeps what the search from
/// the start keeps after it, and what it drops touches no read span.
fn cue_matches(
    lex: &Lexicon,
    text: &str,
    region: Span,
    until: usize,
    mut reads: &[(usize, Span)],
    mut found: impl FnMut(Span, CueKind) -> Option<usize>,
) {
    let end = region.end.min(text.len());
    let hay = &text.as_bytes()[..end];
    // Words from `until` on still to look at: the one or two after a
    // negator that starts before `until` (`did not explicitly deny`, see
    // `negation_reaches`).
    let mut grace = 0u8;
    // The end of the last match when it is a negator still waiting for
    // the verb it negates.
    let mut pending: Option<usize> = None;
    // Where `reads` is next looked at: the end of the read span in
    // progress, before which nothing is passed over.
    let mut due = region.start;
    let mut keep = |grace: &mut u8, pending: &mut Option<usize>, at: usize, id: u32, to: usize| {
        if let (true, Some(&kind)) = (on_word_boundaries(text, at, to), lex.kinds.get(id as usize))
        {
            let negator = found(Span::new(at, to), kind);
            *grace = if negator.is_some_and(|n| n < until) {
                2
            } else {
                0
            };
            *pending = negator.map(|_| to);
        }
    };
    let breaks = |from: usize, to: usize| {
        hay.get(from..to)
            .and_then(|gap| gap.iter().rposition(|&b| lex.cue_breaks[usize::from(b)]))
            .map(|k| from + k)
    };
    // No match starts before `pos`: the end of the last one.
    let mut pos = region.start;
    let mut i = region.start;
    // True when the word at `i` starts there (no word character before it).
    let mut word_start = !text
        .get(..i)
        .and_then(|head| head.chars().next_back())
        .is_some_and(is_word_char);
    loop {
        // Past what no claim reads, from the last break before the next
        // read span on (`i` is not inside a word here); not while a negator
        // before `i` may still make a cue with a verb after it, that is,
        // until a break has come since.
        while let Some(((_, read), rest)) = reads.split_first().filter(|_| i >= due) {
            if read.end <= i {
                reads = rest;
                continue;
            }
            if pending.is_some_and(|from| breaks(from, i).is_none()) {
                // Looked at again after the next word.
                due = i + 1;
                break;
            }
            if let Some(at) = breaks(i, read.start) {
                i = at + 1;
                word_start = true;
                pending = None;
            }
            due = read.end;
        }
        // Past the characters between words.
        loop {
            let Some(&b) = hay.get(i) else { return };
            match BYTE_KINDS[usize::from(b)] {
                WORD => break,
                OTHER => i += 1,
                _ => match word_char_at(text, i) {
                    (true, _) => break,
                    (false, len) => i += len,
                },
            }
            word_start = true;
        }
        let start = i;
        if start >= until {
            if grace == 0 {
                return;
            }
            if start >= pos {
                grace -= 1;
            }
        }
        let mut inner = start;
        if word_start {
            // Most words start no entry: their first byte says so.
            let quick = match hay.get(start..) {
                Some(&[a, b, c, ..]) => lex.cues.can_start(a) && lex.cues.may_start_with(a, b, c),
                Some(&[a, ..]) => lex.cues.can_start(a),
                _ => false,
            };
            if start >= pos && quick {
                if let Some((id, to)) = lex.cues.longest_at(hay, start, end) {
                    keep(&mut grace, &mut pending, start, id, to);
                    pos = to;
                }
            }
            inner = start + 1;
        }
        // Past the word: `start..i`, followed by a non-word character.
        i = word_end(text, hay, i);
        if i >= hay.len() {
            return;
        }
        // Matches inside the word are never kept; they matter only when
        // they run into the next word, and that only when it is still read.
        // One that runs past the byte after the word has the bytes around
        // that byte as a pair of `cue_joins` (one ending at it would make
        // `cue_joins` `None`): most words are passed here.
        let before = i.checked_sub(1).and_then(|k| hay.get(k));
        let joins = match (&lex.cue_joins, before, hay.get(i + 1)) {
            (None, _, _) => true,
            (Some(pairs), Some(&last), Some(&next)) => pairs.holds(last, next),
            (Some(_), _, _) => false,
        };
        if !joins {
            word_start = true;
            continue;
        }
        let inner = inner.max(pos);
        let bound = if start < until && grace == 0 {
            i.min(until)
        } else {
            i
        };
        if inner < bound
            && may_run_on(lex, hay, i)
            && lex.cue_heads_reversed.ends_before(hay, inner, i)
        {
            // As the full search does: every byte inside the word.
            let mut at = inner;
            while at < bound {
                match lex.cues.longest_at(hay, at, end) {
                    Some((id, to)) => {
                        keep(&mut grace, &mut pending, at, id, to);
                        pos = to;
                        at = to;
                    }
                    None => at += 1,
                }
            }
        }
        word_start = true;
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

    /// The cue matches that a leftmost-longest Aho-Corasick search over every
    /// byte of `region` finds and keeps: what [`cue_matches`] must report.
    fn reference_matches(text: &str, region: Span) -> Vec<(Span, CueKind)> {
        use aho_corasick::{AhoCorasick, Input, MatchKind};
        static REFERENCE: std::sync::OnceLock<(AhoCorasick, Vec<CueKind>)> =
            std::sync::OnceLock::new();
        let (ac, kinds) = REFERENCE.get_or_init(|| {
            let (patterns, kinds) = crate::lexicon::cue_entries();
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(patterns)
                .expect("reference automaton");
            (ac, kinds)
        });
        ac.find_iter(Input::new(text).span(region.start..region.end))
            .filter(|m| on_word_boundaries(text, m.start(), m.end()))
            .map(|m| (Span::new(m.start(), m.end()), kinds[m.pattern().as_usize()]))
            .collect()
    }

    fn fast_matches(text: &str, region: Span) -> Vec<(Span, CueKind)> {
        let mut matches = Vec::new();
        cue_matches(lexicon(), text, region, text.len(), &[], |span, kind| {
            matches.push((span, kind));
            None
        });
        matches
    }

    #[test]
    fn eight_bytes_at_once_agree_with_one_at_a_time() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'a', b' ', b'Z', 0xC3, b'9', b'-', 0x80, b'q'];
                bytes[lane] = b;
                let bits = ascii_word_bits(u64::from_le_bytes(bytes));
                for (k, &byte) in bytes.iter().enumerate() {
                    assert_eq!(
                        bits >> (8 * k + 7) & 1 == 1,
                        byte.is_ascii_alphanumeric(),
                        "{byte:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_entry_runs_out_of_a_word_as_the_full_search_finds() {
        // Each entry glued to the end of a word (`xdid not`), in each case:
        // the walk passes a word over only when no entry can run out of it
        // (`cue_joins`), so it must find what the full search finds here.
        let (patterns, _) = crate::lexicon::cue_entries();
        for pattern in &patterns {
            for entry in [pattern.clone(), pattern.to_ascii_uppercase()] {
                for text in [
                    format!("x{entry} it"),
                    format!("can{entry}"),
                    format!("x{entry}"),
                ] {
                    let region = Span::new(0, text.len());
                    assert_eq!(
                        fast_matches(&text, region),
                        reference_matches(&text, region),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn matches_hidden_inside_words_stay_hidden() {
        for text in [
            "the candid not deny",
            "Anno comment; undid not confirm",
            "xdidn't deny, xdidn\u{2019}t deny",
            "éwould not say",
            "he did not deny",
            "probe reached; tribe be reached",
            "couldn't be reached for comment",
        ] {
            for start in 0..=text.len() {
                if !text.is_char_boundary(start) {
                    continue;
                }
                let region = Span::new(start, text.len());
                assert_eq!(
                    fast_matches(text, region),
                    reference_matches(text, region),
                    "{text:?} from {start}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn passing_over_unread_stretches_keeps_the_cues_read(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "did not ", "didn't ", "never ", "declined to ", "refused to ", " ", "comment",
                    "deny ", "denied ", "explicitly ", "the report ", "confirm ", "x", ", ", ". ",
                    "\"", "would neither confirm nor deny ", "say ", "it ", "candid not ",
                    "rejected the claims ", "was denied bail ", "\u{201C}", "no comment ",
                ]),
                0..16,
            ),
            spans in proptest::collection::vec((0usize..200, 1usize..30), 0..5),
            cut in 0usize..30,
        ) {
            let text: String = parts.concat();
            let start = crate::text::floor_boundary(&text, cut);
            let region = Span::new(start, text.len());
            let mut reads: Vec<(usize, Span)> = spans
                .iter()
                .map(|&(at, len)| {
                    let from = crate::text::floor_boundary(&text, start + at % (text.len() - start + 1));
                    (0, Span::new(from, crate::text::floor_boundary(&text, from + len)))
                })
                .filter(|(_, r)| !r.is_empty())
                .collect();
            reads.sort_unstable_by_key(|&(_, r)| r.start);
            let until = reads.iter().map(|(_, r)| r.end).max().unwrap_or(start);
            let mut full = Vec::new();
            scan_region(&text, region, text.len(), &[], &mut full);
            let mut passing = Vec::new();
            scan_region(&text, region, until, &reads, &mut passing);
            for (_, r) in &reads {
                let touching = |cues: &[StanceCue]| {
                    cues.iter()
                        .filter(|c| c.span.start < r.end && c.span.end > r.start)
                        .copied()
                        .collect::<Vec<_>>()
                };
                proptest::prop_assert_eq!(touching(&passing), touching(&full), "{:?} in {:?}", r, text);
            }
        }

        #[test]
        fn stopping_early_keeps_the_cues_before_the_stop(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "did not ", "didn't ", "never ", "declined to ", "refused to ", " ",
                    "comment ", "deny ", "denied ", "explicitly ", "the report ", "confirm ",
                    "x", ", ", ". ", "would neither confirm nor deny ", "say ", "it ",
                ]),
                0..12,
            ),
        ) {
            let text: String = parts.concat();
            let region = Span::new(0, text.len());
            let mut full = Vec::new();
            scan_region(&text, region, text.len(), &[], &mut full);
            for until in (0..=text.len()).filter(|&u| text.is_char_boundary(u)) {
                let before = |cues: &[StanceCue]| {
                    cues.iter().filter(|c| c.span.start < until).copied().collect::<Vec<_>>()
                };
                let mut early = Vec::new();
                scan_region(&text, region, until, &[], &mut early);
                proptest::prop_assert_eq!(before(&early), before(&full), "until {}", until);
            }
        }

        #[test]
        fn word_end_agrees_with_a_walk_by_chars(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "9", "abcdefgh", " ", "-", "'", "\u{2019}", "é", "ü", "\u{00A0}",
                    "\u{201C}", "x", ".", "\u{4E2D}",
                ]),
                0..20,
            ),
            from in 0usize..40,
            cut in 0usize..40,
        ) {
            let text: String = parts.concat();
            let i = crate::text::floor_boundary(&text, from.min(text.len()));
            let end = crate::text::floor_boundary(&text, text.len() - cut.min(text.len() - i));
            let hay = &text.as_bytes()[..end];
            // One `char` at a time: where the word characters from `i` stop.
            let expected = text[i..end]
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(end, |(k, _)| i + k);
            proptest::prop_assert_eq!(word_end(&text, hay, i), expected, "{:?} from {}", text, i);
        }

        #[test]
        fn same_matches_as_a_full_search(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "did", "not", "n't", "n\u{2019}t", "no", " ", " ", "comment", "deny",
                    "would", "neither", "confirm", "nor", "be", "reached", "x", "é", "'",
                    "\u{2019}", ", ", ". ", "declined to", "an", "can", "refused", "say",
                ]),
                0..24,
            ),
            cut in 0usize..8,
            stop in 0usize..200,
        ) {
            let text: String = parts.concat();
            let start = crate::text::floor_boundary(&text, cut);
            let region = Span::new(start, text.len());
            proptest::prop_assert_eq!(fast_matches(&text, region), reference_matches(&text, region));
            // Stopping early keeps the matches that start before the stop.
            let until = start + stop % (text.len() - start + 1);
            let mut early = Vec::new();
            cue_matches(lexicon(), &text, region, until, &[], |span, kind| {
                early.push((span, kind));
                None
            });
            let mut expected = reference_matches(&text, region);
            expected.retain(|(span, _)| span.start < until);
            proptest::prop_assert_eq!(early, expected);
        }
    }
}
