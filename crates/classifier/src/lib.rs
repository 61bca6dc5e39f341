//! # claimtrack-classifier
//!
//! Decides the stance of each claim found by `claimtrack-parser`:
//! `assert`, `deny` or `non_denial` (see the CSV contract), the words that
//! decided it, and which earlier claim a denial or non-denial answers.
//!
//! ```
//! use claimtrack_classifier::{classify, Stance};
//! use claimtrack_parser::{Claim, ClaimKind, ResolvedSpeaker, SpeakerKind, Span};
//!
//! let text = "The US said Iran sent drones. A spokesman didn't deny the US claim.";
//! let speaker = |name: &str| ResolvedSpeaker {
//!     name: name.into(),
//!     kind: SpeakerKind::Organization,
//!     role: String::new(),
//! };
//! let claims = [
//!     Claim {
//!         text: Span::new(12, 28), // Iran sent drones
//!         kind: ClaimKind::Indirect,
//!         cue: Some(Span::new(7, 11)),     // said
//!         mention: Some(Span::new(0, 6)),  // The US
//!         speaker: speaker("US"),
//!     },
//!     Claim {
//!         text: Span::new(66, 66), // no content of its own
//!         kind: ClaimKind::Indirect,
//!         cue: Some(Span::new(42, 53)),    // didn't deny
//!         mention: Some(Span::new(30, 41)), // A spokesman
//!         speaker: speaker("spokesman"),
//!     },
//! ];
//! let judgements = classify(text, &claims);
//! assert_eq!(judgements[0].stance, Stance::Assert);
//! assert_eq!(judgements[1].stance, Stance::NonDenial);
//! assert_eq!(judgements[1].stance_cue.map(|s| s.slice(text)), Some("didn't deny"));
//! assert_eq!(judgements[1].responds_to, Some(0));
//! ```
//!
//! ## How a stance is decided
//!
//! A stance belongs to the act of reporting, not to what is reported.
//! `Peskov said there was no discussion` is an assert with negative content;
//! `Peskov denied there was a discussion` is a denial. So each claim is judged
//! on its **attribution clause** (module `window` in the source): from the
//! start of the sentence holding its cue and speaker mention up to its
//! content (or, when the content comes first, from the content's end to the
//! end of the clause: `"...," she said, denying the report` but not `..., but
//! declined to comment`), never the content itself, and never another claim's
//! content. A quotation saying `"we deny nothing"` is content; `"That's
//! false," she denied` is a denial because the cue is. A stance word in that
//! sentence but before the speaker counts only as a passive with the speaker
//! as agent (`the claim was denied by a UKIP spokesman`): in `Attempts to
//! confirm the costs were stymied as city staff said ...` the staff confirm
//! nothing. Nor does a relative clause about the speaker (`Mr Ebbers, who has
//! denied all charges, said ...`) decide the stance of what the speaker says.
//!
//! In that clause, in this order of precedence:
//!
//! 1. the claim's own cue, when it is a stance cue (`she denied`);
//! 2. a content that is itself a response (`declined to comment`, `could not
//!    be reached for comment`, a quote that is only `"No comment."`): non-denial
//!    (the parser reports such sentences as claims whose content is the phrase);
//! 3. the denial or non-denial nearest to the content: `denied`, `disputed`,
//!    `refuted`, `pushed back on`; `rejected`/`dismissed`/`rebuffed` only with a
//!    claim as object or an `as <falsity word>` complement (`rejected a takeover
//!    offer` is no denial); `declined to comment`, `would neither confirm nor
//!    deny`, `refused to say`, `did not respond` ...;
//! 4. a content that opens by calling a claim false (`the claims were false`,
//!    `"That is completely untrue"`): deny;
//! 5. a confirming cue (`confirmed`, `acknowledged`, `admitted`, `conceded`):
//!    assert with [`StanceJudgement::confirmation`] set;
//! 6. otherwise assert.
//!
//! Negation is composed rather than listed: a negator (`did not`, `didn't`,
//! `never`, `refused to`, `stopped short of` ...) right before a denial or
//! confirmation verb, with at most one adverb between, turns it into a
//! non-denial (`didn't deny`, `did not dispute`, `would not confirm`). Straight
//! and curly apostrophes both match; case is ignored. Passives without an
//! agent (`was denied bail`, `to be confirmed`) and adjectives (`the disputed
//! region`) are not speech acts and are skipped.
//!
//! The word lists are data files in `lexicon/`, one entry per line; each
//! file's header says what its entries are for and how often the main ones
//! occur in real news.
//!
//! ## Which claim is answered
//!
//! See [`StanceJudgement::responds_to`]: a stance whose object names a source
//! (`the US claim`) answers that source's latest earlier claim; one that only
//! refers back (`the report`, `the allegations`, `it`) answers the latest
//! earlier assert by another speaker; otherwise nothing.
//!
//! ## Cost
//!
//! The cue lists are looked up (ASCII case-insensitive, longest entry first,
//! all lists at once, in a trie) at the word starts of the parts of the
//! article that some claim reads: the attribution clauses, the first bytes of
//! each content and the surroundings of each cue, merged, each byte walked
//! at most once, and each part only as far as some claim reads cues in it;
//! between the spans read, the walk resumes after the last punctuation mark,
//! across which no cue runs nor negation reaches. The result is that of a
//! leftmost-longest search over every byte of those parts, for the cues
//! that the claims read (see the `cues` module). Each claim then finds the cues of its
//! clause by binary search, and the claims' contents are indexed once so that
//! clauses and answers cost a binary search too: the whole is linear in the
//! article, not quadratic in its claims. Per call, a handful of vectors are
//! allocated (each claim's spans, sanitised once, cues, regions, windows,
//! trimmed contents, decisions, the result), nothing per claim. `cargo
//! bench -p claimtrack-classifier` measures it on the seed article.

#![deny(missing_docs)]

mod cues;
mod lexicon;
mod respond;
mod text;
mod trie;
mod window;

use std::cell::RefCell;

use claimtrack_parser::{Claim, ClaimKind, Span};

use crate::cues::{falsity_after, Region, StanceCue};
use crate::lexicon::{lexicon, Lexicon};
use crate::respond::{mentions_claim, read_object, ObjectRef};
use crate::text::{clause_words, next_word, trim_content, Token};
use crate::window::ClaimSpans;

/// A speaker's stance towards what the claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Stance {
    /// States, confirms, warns, argues, admits (negative content included).
    #[default]
    Assert,
    /// Rejects or disputes a claim, report or accusation.
    Deny,
    /// Faced with a claim or question, neither confirms nor denies.
    NonDenial,
}

impl Stance {
    /// The word the CSV contract uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Assert => "assert",
            Stance::Deny => "deny",
            Stance::NonDenial => "non_denial",
        }
    }
}

/// The classifier's verdict on one claim.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StanceJudgement {
    /// Assert, deny or non-denial.
    pub stance: Stance,
    /// The words that decided a deny or non-denial (`didn't deny`), or the
    /// confirming cue of a confirmation; `None` for a plain assert. A byte span
    /// into the article, on `char` boundaries.
    pub stance_cue: Option<Span>,
    /// True for an assert whose cue confirms (`confirmed`, `acknowledged`,
    /// `admitted`, `conceded`).
    pub confirmation: bool,
    /// Index (into the claims slice) of the earlier claim this one answers.
    ///
    /// Set only for denials, non-denials and confirmations, and only when the
    /// article makes it clear: the stance's object names a source (`didn't deny
    /// the US claim` -> the latest earlier claim by the US), or refers back
    /// without naming one (`denied the report`, `declined to comment on the
    /// allegations`, `dismissed them`) -> the latest earlier assert by another
    /// speaker. `denied that ...` or a bare `declined to comment` answer nothing
    /// that can be pinned down: `None`.
    pub responds_to: Option<usize>,
}

/// How one claim's stance was decided: the cue and what its object says.
#[derive(Debug, Clone, Copy)]
struct Decision {
    cue: StanceCue,
    object: ObjectRef,
}

/// True when `word` (any case) is a confirming cue (`confirmed`,
/// `acknowledged`, `admitted`, `conceded` and their other forms), from the
/// classifier's own `lexicon/confirm_cues.txt`. Reports built from a claims
/// CSV, where the `confirmation` flag is not a column, use it to tell a
/// confirmation from a plain assert.
///
/// ```
/// assert!(claimtrack_classifier::is_confirming_cue("Confirmed"));
/// assert!(!claimtrack_classifier::is_confirming_cue("said"));
/// ```
pub fn is_confirming_cue(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../lexicon/confirm_cues.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_lowercase)
                .collect()
        })
        .contains(&word.to_lowercase())
}

/// Judges every claim of one article; the result is parallel to `claims`.
///
/// Claim spans are byte offsets into `text` (as `claimtrack-parser` makes
/// them). Spans that do not fit `text` are clamped, never trusted: the
/// function does not panic on any input.
pub fn classify(text: &str, claims: &[Claim]) -> Vec<StanceJudgement> {
    if claims.is_empty() {
        return Vec::new();
    }
    // The working vectors of the last article this thread judged, emptied:
    // the pipeline's workers call this for article after article, and
    // reusing them spares a dozen allocations and frees per article. A
    // thread-local rather than a value the caller keeps, so that the
    // one-call API stays as it is.
    thread_local! {
        static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    }
    // Used in place (a `Cell` would copy it out and back in). Nothing here
    // calls back into this function, so the borrow is never taken twice;
    // after a panic it is merely left filled, and every use empties it
    // first.
    SCRATCH.with_borrow_mut(|scratch| {
        let judgements = classify_with(text, claims, scratch);
        // A huge article's vectors are let go rather than kept for the rest
        // of the run: memory stays bounded by what ordinary articles need.
        if claims.len() > KEEP_SCRATCH_UP_TO {
            *scratch = Scratch::default();
        }
        judgements
    })
}

/// The most claims whose working vectors [`classify`] keeps for the next
/// article: some hundred kilobytes of vectors at most.
const KEEP_SCRATCH_UP_TO: usize = 1 << 10;

/// The working vectors of [`classify`], kept between articles (each is
/// emptied before it is filled).
#[derive(Default)]
struct Scratch {
    spans: Vec<ClaimSpans>,
    contents: window::Contents,
    windows: Vec<Option<Span>>,
    trimmed: Vec<Span>,
    regions: Regions,
    cues: Vec<StanceCue>,
    decisions: Vec<Option<Decision>>,
    stances: Vec<Stance>,
}

/// [`classify`] with the working vectors of `scratch`.
// Out of line, as each stage's entry is, so that profiles (and
// scripts/bench-instructions.sh) see the stage whatever the compiler
// inlines: one call per article.
#[inline(never)]
fn classify_with(text: &str, claims: &[Claim], scratch: &mut Scratch) -> Vec<StanceJudgement> {
    let lex = lexicon();
    let Scratch {
        spans,
        contents,
        windows,
        trimmed,
        regions: parts,
        cues,
        decisions,
        stances,
    } = scratch;
    spans.clear();
    spans.extend(claims.iter().map(|c| ClaimSpans::of(text, c)));
    contents.index(spans);
    windows.clear();
    windows.extend(
        spans
            .iter()
            .enumerate()
            .map(|(i, s)| window::attribution_window(text, contents, i, s)),
    );
    // Each content without its quotation marks and punctuation.
    trimmed.clear();
    trimmed.extend(spans.iter().map(|s| trim_content(text, s.content)));
    parts.find(spans, windows, trimmed);
    cues::scan_regions(text, &parts.merged, &parts.reads, cues);
    decisions.clear();
    decisions.extend((0..claims.len()).map(|i| {
        decide(
            lex, text, &claims[i], &spans[i], windows[i], trimmed[i], cues,
        )
    }));
    stances.clear();
    stances.extend(
        decisions
            .iter()
            .map(|d| d.map_or(Stance::Assert, |d| d.cue.stance)),
    );
    decisions
        .iter()
        .enumerate()
        .map(|(i, decision)| match decision {
            None => StanceJudgement::default(),
            Some(d) => StanceJudgement {
                stance: d.cue.stance,
                stance_cue: Some(d.cue.span),
                confirmation: d.cue.confirmation,
                responds_to: respond::responds_to(
                    text, claims, contents, stances, i, d.cue.span, &d.object,
                ),
            },
        })
        .collect()
}

/// How far into a content its head reaches: enough for the longest response
/// (`was not immediately available for comment`) and a falsity head (`the
/// allegations are completely untrue`).
const HEAD_BYTES: usize = 96;

/// How far around a claim's own cue to look for its negator (`didn't` before
/// `deny`) and the rest of its phrase.
const CUE_MARGIN: usize = 48;

/// The parts of an article that the claims read, to scan for cues (see
/// [`Regions::find`]), with the working vectors that find them.
#[derive(Default)]
struct Regions {
    /// Every part some claim reads, unsorted (scratch space).
    wanted: Vec<Span>,
    /// The spans that a claim reads cues in or at (scratch space).
    read: Vec<Span>,
    /// The parts, sorted and merged.
    merged: Vec<Region>,
    /// The spans read in them (not empty), as (index into `merged`, part of
    /// the span in that region), sorted.
    reads: Vec<(usize, Span)>,
}

impl Regions {
    /// Finds the parts of `text` that the claims read, sorted and merged:
    /// attribution windows, content heads, and the surroundings of each
    /// claim's own cue. Each region's `until` is where the cues that
    /// [`decide`] looks at end: those inside a window, and those overlapping
    /// a claim's own cue or the first character of its content. Every
    /// vector is emptied first.
    fn find(&mut self, claims: &[ClaimSpans], windows: &[Option<Span>], trimmed: &[Span]) {
        let Regions {
            wanted,
            read,
            merged,
            reads,
        } = self;
        wanted.clear();
        wanted.reserve(claims.len() * 3);
        // Spans that a claim reads cues in or at (see `decide`).
        read.clear();
        read.reserve(claims.len() * 3);
        for ((claim, window), &first) in claims.iter().zip(windows).zip(trimmed) {
            wanted.extend(*window);
            read.extend(*window);
            let content = claim.content;
            wanted.push(Span::new(
                content.start,
                content.end.min(content.start + HEAD_BYTES),
            ));
            if !first.is_empty() {
                read.push(Span::new(first.start, first.start + 1));
            }
            if let Some(cue) = claim.cue {
                wanted.push(Span::new(
                    cue.start.saturating_sub(CUE_MARGIN),
                    cue.end + CUE_MARGIN,
                ));
                read.push(Span::new(cue.start, cue.end.max(cue.start + 1)));
            }
        }
        wanted.sort_unstable_by_key(|r| r.start);
        merged.clear();
        merged.reserve(wanted.len());
        for &r in wanted.iter() {
            match merged.last_mut() {
                Some(last) if r.start <= last.span.end => {
                    last.span.end = last.span.end.max(r.end);
                }
                _ => merged.push(Region {
                    span: r,
                    until: r.start,
                }),
            }
        }
        // A cue is read when it starts before the end of a span read that
        // reaches into its region: the scan of each region stops there.
        reads.clear();
        for &r in read.iter() {
            let from = merged.partition_point(|m| m.span.end <= r.start);
            for (k, region) in merged[from..]
                .iter_mut()
                .enumerate()
                .take_while(|(_, m)| m.span.start < r.end)
            {
                region.until = region.until.max(r.end.min(region.span.end));
                let part = Span::new(r.start.max(region.span.start), r.end.min(region.span.end));
                if !part.is_empty() {
                    reads.push((from + k, part));
                }
            }
        }
        // The scan of a region passes over what lies between its reads.
        reads.sort_unstable_by_key(|&(k, r)| (k, r.start));
    }
}

/// The cues of `cues` (sorted, non-overlapping) that lie inside `span`.
fn cues_within(cues: &[StanceCue], span: Span) -> &[StanceCue] {
    let from = cues.partition_point(|c| c.span.start < span.start);
    let to = from + cues[from..].partition_point(|c| c.span.end <= span.end);
    &cues[from..to]
}

/// The cue of `cues` that overlaps `span`, if any.
fn cue_overlapping(cues: &[StanceCue], span: Span) -> Option<StanceCue> {
    let k = cues.partition_point(|c| c.span.end <= span.start);
    cues.get(k)
        .copied()
        .filter(|c| c.span.start < span.end.max(span.start + 1))
}

/// Decides the stance of `claim`, whose spans are `spans`, whose attribution
/// clause is `window` and whose content, trimmed (see [`trim_content`]), is
/// `trimmed`; `None` for a plain assert.
fn decide(
    lex: &Lexicon,
    text: &str,
    claim: &Claim,
    spans: &ClaimSpans,
    window: Option<Span>,
    trimmed: Span,
    cues: &[StanceCue],
) -> Option<Decision> {
    let content = spans.content;
    let with_object = |cue: StanceCue| {
        let mut object = read_object(lex, text, cue.span.end);
        if !object.refers_back && cue.stance != Stance::Assert {
            // `Asked about the reports, a spokesman declined to comment.`
            object.refers_back = window.is_some_and(|w| {
                mentions_claim(lex, text, Span::new(w.start, cue.span.start.max(w.start)))
            });
        }
        Decision { cue, object }
    };

    // 1. The claim's own cue is a stance cue: `"That's false," she denied`.
    if let Some(own) = spans.cue {
        if let Some(cue) = cue_overlapping(cues, own) {
            return Some(with_object(cue));
        }
    }
    // 2. The content is itself a response: `declined to comment`.
    if let Some(cue) = response_content(claim, content, trimmed, cues) {
        return Some(with_object(cue));
    }
    let in_window = window.map_or(&[][..], |w| cues_within(cues, w));
    let anchor = spans.anchor;
    let attributes = |c: &StanceCue| {
        anchor.is_some_and(|a| c.span.start >= a.start || agent_is(text, c.span.end, a.start))
            && !in_relative_clause(text, window.map_or(0, |w| w.start), c.span)
    };
    let nearest = |pick: &dyn Fn(&StanceCue) -> bool| {
        let mut found = in_window.iter().filter(|c| pick(c) && attributes(c));
        // Nearest to the content: the last before it, or the first after it.
        if window.is_some_and(|w| content.start >= w.end) {
            found.next_back().copied()
        } else {
            found.next().copied()
        }
    };
    // 3. A denial or non-denial in the attribution clause.
    if let Some(cue) = nearest(&|c| c.stance != Stance::Assert) {
        return Some(with_object(cue));
    }
    // 4. The content opens by calling a claim false: `the claims were false`.
    if let Some(decision) = falsity_head(lex, text, trimmed) {
        return Some(decision);
    }
    // 5. A confirmation.
    nearest(&|c| c.confirmation).map(with_object)
}

/// True when the words from `from` to `to` are `by` and then the speaker, in
/// one clause: a stance cue before the speaker counts only as a passive with
/// that speaker as agent (`the claim was denied by a UKIP spokesman`), not
/// when it belongs to an earlier clause (`Attempts to confirm the costs were
/// stymied as city staff said ...`).
fn agent_is(text: &str, from: usize, to: usize) -> bool {
    let mut words = clause_words(text, from, to);
    matches!(words.next(), Some(Token::Word(w)) if w.as_str(text).eq_ignore_ascii_case("by"))
        && words.all(|t| t != Token::Stop)
}

/// True when `cue` sits in a relative clause opened by a comma (`Mr Ebbers,
/// who has denied all charges, said ...`, `..., said Smith, who denied it.`):
/// background on the speaker, not the stance of this claim.
fn in_relative_clause(text: &str, window_start: usize, cue: Span) -> bool {
    let Some(head) = text.get(window_start..cue.start) else {
        return false;
    };
    let Some(comma) = head.rfind(',') else {
        return false;
    };
    let first = clause_words(text, window_start + comma + 1, cue.start).next();
    matches!(first, Some(Token::Word(w)) if is_one_of(w.as_str(text), &["who", "which", "whose"]))
}

/// The non-denial that a claim's content itself is: an indirect content that
/// opens with a response (`declined to comment on the report`, `could not be
/// reached`), or a quote that is nothing but one (`"No comment."`).
fn response_content(
    claim: &Claim,
    content: Span,
    trimmed: Span,
    cues: &[StanceCue],
) -> Option<StanceCue> {
    if trimmed.is_empty() {
        return None;
    }
    let cue = cue_overlapping(cues, Span::new(trimmed.start, trimmed.start + 1))?;
    // Non-denials only: a content opening with `disputes between ...` is no
    // denial (a denying cue would be the claim's own cue, rule 1).
    let fits = cue.span.start == trimmed.start
        && cue.span.end <= content.end
        && cue.stance == Stance::NonDenial;
    let whole = cue.span == trimmed && cue.stance == Stance::NonDenial;
    let accepted = match claim.kind {
        ClaimKind::Direct => whole,
        ClaimKind::Indirect | ClaimKind::Mixed => fits,
    };
    accepted.then_some(cue)
}

/// Words that link a claim noun to a falsity word (`the claims were false`).
const COPULAS: &[&str] = &["is", "are", "was", "were", "been", "remain", "remains"];

/// Words that may stand between subject and copula (`the report had been false`).
const AUX_BEFORE_COPULA: &[&str] = &["has", "have", "had", "would", "will"];

/// Pronouns that can be the subject of `... is false`.
const PRONOUN_SUBJECTS: &[&str] = &["it", "this", "that"];

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Verbs of saying: `it is false to say ...` still denies what is said.
const SAYING: &[&str] = &[
    "say", "suggest", "claim", "imply", "allege", "assert", "argue",
];

/// True when `to <verb>` after a falsity word makes an opinion (`it was
/// absurd to charge farmers`) rather than a denial (`it is false to suggest
/// ...`).
fn opinion_follows(text: &str, pos: usize) -> bool {
    let Some(to) = next_word(text, pos).filter(|w| w.as_str(text).eq_ignore_ascii_case("to"))
    else {
        return false;
    };
    !next_word(text, to.span.end).is_some_and(|verb| is_one_of(verb.as_str(text), SAYING))
}

/// A denial by a content that opens by calling a claim false: `the claims were
/// false`, `"These allegations are unfounded"`, `"That's completely untrue."`.
/// A pronoun subject followed by `to` (`it was absurd to charge farmers`) is
/// an opinion, not a denial, unless a verb of saying follows (`it is false to
/// say ...`). `trimmed` is the content, trimmed (see [`trim_content`]).
fn falsity_head(lex: &Lexicon, text: &str, trimmed: Span) -> Option<Decision> {
    // Cheap gate: most contents have no falsity word near their head at all.
    let head_end = crate::text::floor_boundary(text, trimmed.end.min(trimmed.start + HEAD_BYTES));
    if !lex
        .falsity
        .occurs_in(text.as_bytes(), trimmed.start, head_end)
    {
        return None;
    }
    let mut subject_start = trimmed.start;
    let mut last = None;
    for (k, token) in clause_words(text, trimmed.start, trimmed.end)
        .take(7)
        .enumerate()
    {
        let Token::Word(w) = token else { return None };
        let word = w.as_str(text);
        if k == 0
            && word.eq_ignore_ascii_case("that")
            && !next_word(text, w.span.end).is_some_and(|n| is_one_of(n.as_str(text), COPULAS))
        {
            // `that the claims were false`: the complementiser, not a subject.
            subject_start = next_word(text, w.span.end).map_or(w.span.end, |n| n.span.start);
            continue;
        }
        let contracted =
            word.len() > w.stem(text).len() && is_one_of(w.stem(text), PRONOUN_SUBJECTS);
        let (subject, after) = if contracted {
            (w, w.span.end) // `That's false`
        } else if is_one_of(word, COPULAS) {
            (last?, w.span.end)
        } else {
            if !is_one_of(word, AUX_BEFORE_COPULA) {
                last = Some(w);
            }
            continue;
        };
        let noun = lex.is_object(subject.stem(text));
        let pronoun =
            is_one_of(subject.stem(text), PRONOUN_SUBJECTS) && subject.span.start == subject_start;
        if !noun && !pronoun {
            return None;
        }
        let falsity = falsity_after(lex, text, after).filter(|f| f.end <= trimmed.end)?;
        if pronoun && opinion_follows(text, falsity.end) {
            return None;
        }
        let object = ObjectRef {
            refers_back: true,
            modifiers: noun.then(|| Span::new(subject_start, subject.span.end)),
            agent: None,
        };
        let cue = StanceCue {
            span: falsity,
            stance: Stance::Deny,
            confirmation: false,
        };
        return Some(Decision { cue, object });
    }
    None
}

#[cfg(test)]
mod tests;
