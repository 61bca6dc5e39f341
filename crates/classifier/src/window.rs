//! The attribution clause of a claim: where its stance is read.
//!
//! A claim's stance lives in the words that attribute it, not in what it
//! says: in `Peskov said there was no discussion` the negation belongs to the
//! content, so the claim is an assert; in `An Iranian spokesman didn't deny the
//! US claim, noting that "..."` the non-denial sits between the speaker and the
//! quote. The window is therefore:
//!
//! * content after the cue/mention: from the start of their sentence up to the
//!   content (`An Iranian ... spokesman didn't deny the US claim ..., noting that `);
//! * content before them (`"That's false," she denied.`): from the end of the
//!   content to the end of the sentence;
//!
//! and never overlaps another claim's content.

use claimtrack_parser::{Claim, Span};

use crate::text::{
    clause_words, sanitize, sentence_end, sentence_start, sentence_start_from, Token,
};

/// Words that, after a comma, open a new clause rather than continue the
/// attribution (`..., she said, but declined to ...`).
const NEW_CLAUSE: &[&str] = &[
    "but", "and", "while", "although", "though", "yet", "whereas",
];

/// Where the clause holding `pos` ends, at most at `limit`: a `;`, or a comma
/// followed by a conjunction of [`NEW_CLAUSE`]. A comma before a participle
/// (`, denying the report`) does not end it.
fn clause_end(text: &str, pos: usize, limit: usize) -> usize {
    let bytes = &text.as_bytes()[..limit.min(text.len())];
    let mut from = pos.min(bytes.len());
    while let Some(k) = bytes[from..].iter().position(|&b| b == b';' || b == b',') {
        let at = from + k;
        if bytes[at] == b';' {
            return at;
        }
        let next = clause_words(text, at + 1, limit).next();
        if matches!(next, Some(Token::Word(w)) if NEW_CLAUSE.iter().any(|c| c.eq_ignore_ascii_case(w.as_str(text))))
        {
            return at;
        }
        from = at + 1;
    }
    limit
}

/// The spans of a claim that the rules read, sanitised for the text (see
/// [`sanitize`]): made once per claim, since every step of the
/// classification reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClaimSpans {
    /// The content.
    pub(crate) content: Span,
    /// The claim's own cue.
    pub(crate) cue: Option<Span>,
    /// Where the speaker and cue stand: the smallest span holding both, or
    /// `None` when the claim has neither.
    pub(crate) anchor: Option<Span>,
}

impl ClaimSpans {
    /// The spans of `claim` in `text`.
    pub(crate) fn of(text: &str, claim: &Claim) -> ClaimSpans {
        let cue = claim.cue.map(|s| sanitize(text, s));
        let mention = claim.mention.map(|s| sanitize(text, s));
        let anchor = match (cue, mention) {
            (Some(a), Some(b)) => Some(Span::new(a.start.min(b.start), a.end.max(b.end))),
            (one, other) => one.or(other),
        };
        ClaimSpans {
            content: sanitize(text, claim.text),
            cue,
            anchor,
        }
    }
}

/// The contents of all claims of an article, sorted, for the windows to
/// avoid: built once per article so that each window costs a binary search,
/// not a pass over every claim.
#[derive(Debug, Default)]
pub(crate) struct Contents {
    /// (content span, claim index), sorted by start.
    spans: Vec<(Span, usize)>,
    /// `max_end[k]`: the furthest end among `spans[..=k]`.
    max_end: Vec<usize>,
}

impl Contents {
    /// Indexes the contents of claims whose spans are `spans`.
    #[cfg(test)]
    pub(crate) fn new(spans: &[ClaimSpans]) -> Contents {
        let mut contents = Contents::default();
        contents.index(spans);
        contents
    }

    /// Indexes the contents of claims whose spans are `claims`, in place of
    /// what it held (its vectors kept: see `Scratch` in the crate root).
    pub(crate) fn index(&mut self, claims: &[ClaimSpans]) {
        let spans = &mut self.spans;
        spans.clear();
        spans.extend(claims.iter().enumerate().map(|(i, c)| (c.content, i)));
        // The parser's claims come sorted by start: mostly nothing to sort.
        if !spans.is_sorted_by_key(|&(s, i)| (s.start, s.end, i)) {
            spans.sort_unstable_by_key(|&(s, i)| (s.start, s.end, i));
        }
        self.max_end.clear();
        // (`scan` cannot tell its length: reserved so that `extend` does
        // not grow the vector step by step.)
        self.max_end.reserve(spans.len());
        self.max_end
            .extend(spans.iter().scan(0, |furthest, (s, _)| {
                *furthest = (*furthest).max(s.end);
                Some(*furthest)
            }));
    }

    /// Indices of the claims whose content starts before byte `pos`, the
    /// latest first.
    pub(crate) fn before(&self, pos: usize) -> impl Iterator<Item = usize> + '_ {
        let k = self.spans.partition_point(|(s, _)| s.start < pos);
        self.spans[..k].iter().rev().map(|&(_, i)| i)
    }

    /// `start..end` shrunk so that it holds no content but `own`'s: contents
    /// before the anchor push the start past them, the first content after it
    /// pulls the end back.
    fn clear(&self, own: usize, anchor: Span, mut start: usize, mut end: usize) -> (usize, usize) {
        let first = self.spans.partition_point(|(s, _)| s.start < start);
        if let Some(&furthest) = first.checked_sub(1).and_then(|k| self.max_end.get(k)) {
            // Contents that start before the window: only their ends matter.
            // (`own` is never among them with an end past `start`.)
            start = start.max(furthest);
        }
        for &(span, index) in &self.spans[first..] {
            if span.start >= end {
                break;
            }
            if index == own || span.is_empty() {
                continue;
            }
            if span.start < anchor.start {
                start = start.max(span.end);
            } else {
                end = end.min(span.start);
                break;
            }
        }
        (start, end)
    }
}

/// The attribution window in `text` (see the module docs) of the claim
/// numbered `index`, whose spans are `spans`; `None` when the claim has no
/// cue and no speaker mention.
pub(crate) fn attribution_window(
    text: &str,
    contents: &Contents,
    index: usize,
    spans: &ClaimSpans,
) -> Option<Span> {
    let content = spans.content;
    let anchor = spans.anchor?;
    let (start, end) = if content.start >= anchor.end {
        // `X said (that) CONTENT`: stop at the content, and at the sentence end
        // when the content lies further on.
        (
            sentence_start(text, anchor.start),
            sentence_end(text, anchor.end, content.start),
        )
    } else if content.end <= anchor.start {
        // `"CONTENT," X said, denying the report.`: to the end of the clause,
        // not into a new one (`..., X said, but declined to comment on ...`).
        (
            sentence_start_from(text, anchor.start, content.end),
            clause_end(text, anchor.end, sentence_end(text, anchor.end, text.len())),
        )
    } else {
        // The cue or mention lies inside the content (`declined to comment`):
        // only what precedes the content is attribution.
        (
            sentence_start(text, content.start.min(anchor.start)),
            content.start,
        )
    };
    // Never read another claim's content as this one's attribution.
    let (start, end) = contents.clear(index, anchor, start, end);
    Some(Span::new(start, end.max(start)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrack_parser::{ClaimKind, ResolvedSpeaker};

    fn claim(text: &str, content: &str, cue: &str, mention: &str) -> Claim {
        let at = |s: &str| {
            let start = text.find(s).expect("in text");
            Span::new(start, start + s.len())
        };
        Claim {
            text: at(content),
            kind: ClaimKind::Indirect,
            cue: Some(at(cue)),
            mention: Some(at(mention)),
            speaker: ResolvedSpeaker::default(),
        }
    }

    /// The windows of `claims`, each as `classify` finds it.
    fn windows(text: &str, claims: &[Claim]) -> Vec<Option<Span>> {
        let spans: Vec<ClaimSpans> = claims.iter().map(|c| ClaimSpans::of(text, c)).collect();
        let contents = Contents::new(&spans);
        spans
            .iter()
            .enumerate()
            .map(|(i, s)| attribution_window(text, &contents, i, s))
            .collect()
    }

    fn window_of(text: &str, claims: &[Claim], index: usize) -> Span {
        windows(text, claims)[index].expect("window")
    }

    #[test]
    fn claim_spans_are_the_sanitised_spans() {
        let text = "“Ça,” dit Zoë.";
        for (content, cue, mention) in [
            (
                Span::new(0, 7),
                Some(Span::new(10, 13)),
                Some(Span::new(14, 18)),
            ),
            (Span::new(99, 1), Some(Span::new(12, 11)), None),
            (Span::new(2, 5), None, Some(Span::new(15, 40))),
            (Span::new(3, 3), None, None),
        ] {
            let claim = Claim {
                text: content,
                kind: ClaimKind::Indirect,
                cue,
                mention,
                speaker: ResolvedSpeaker::default(),
            };
            let spans = ClaimSpans::of(text, &claim);
            assert_eq!(spans.content, sanitize(text, content));
            assert_eq!(spans.cue, cue.map(|c| sanitize(text, c)));
            let both = cue.into_iter().chain(mention).map(|s| sanitize(text, s));
            let anchor = both.reduce(|a, b| Span::new(a.start.min(b.start), a.end.max(b.end)));
            assert_eq!(spans.anchor, anchor);
        }
    }

    #[test]
    fn content_after_the_cue() {
        let text = "Earlier. Then Peskov said there was no discussion.";
        let c = claim(text, "there was no discussion", "said", "Peskov");
        let w = window_of(text, &[c], 0);
        assert_eq!(w.slice(text), "Then Peskov said ");
    }

    #[test]
    fn content_before_the_cue() {
        let text = "\"That's false,\" she denied. Next.";
        let c = claim(text, "\"That's false,\"", "denied", "she");
        let w = window_of(text, &[c], 0);
        assert_eq!(w.slice(text), " she denied");
    }

    #[test]
    fn content_before_stops_at_a_new_clause() {
        let text = "\"We won,\" Smith said, denying the report, but declined to comment. Next.";
        let c = claim(text, "\"We won,\"", "said", "Smith");
        assert_eq!(
            window_of(text, &[c], 0).slice(text),
            " Smith said, denying the report"
        );
    }

    #[test]
    fn other_claims_are_cut_out() {
        let text = "A said x, and B said y.";
        let a = claim(text, "x", "said", "A");
        let mut b = claim(text, "y", "said y", "B");
        b.cue = Some(Span::new(16, 20));
        let claims = [a, b];
        let w = window_of(text, &claims, 1);
        assert_eq!(w.slice(text), ", and B said ");
    }

    #[test]
    fn no_anchor_no_window() {
        let text = "\"Floating.\"";
        let mut c = claim(text, "\"Floating.\"", "F", "F");
        c.cue = None;
        c.mention = None;
        let claims = [c];
        assert_eq!(windows(text, &claims)[0], None);
    }
}
