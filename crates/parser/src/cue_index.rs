//! The cue lexicon indexed for a lookup word by word.
//!
//! The attribution finder wants every cue of an article ("said", "according
//! to", "declined to comment"), as a leftmost-longest scan of the cue forms
//! over the whole text would report them. An automaton reads every byte;
//! this index instead asks of each word token whether a cue starts there, at
//! the cost of two table reads for most words. It is hand-made because no
//! crate matches patterns at given word starts: `aho-corasick` and `regex`
//! scan a haystack from one end to the other.
//!
//! The index is keyed by a word's first two bytes and its length (five low
//! bits of each byte, which ASCII case leaves as they are), so that a lookup
//! needs neither a lower-cased copy nor a hash. Two words in three in news
//! text fail at the first table read; most of the rest are the heads of
//! cues (`said`, `has` of `has not responded`), which a comparison settles.

use crate::span::Span;
use crate::words::{folded_key, length_bit};

/// The table index of two bytes: five low bits of each.
#[inline]
fn pair(first: u8, second: u8) -> usize {
    usize::from(first & 31) << 5 | usize::from(second & 31)
}

/// A cue form of several words, for [`CueIndex::hides_cue_start`].
#[derive(Debug, Clone)]
struct MultiWordForm {
    /// The whole form.
    form: &'static [u8],
    /// Length in bytes of its first word.
    head_len: usize,
}

/// The cue forms that share a first word.
#[derive(Debug, Clone)]
struct HeadGroup {
    /// The first word, as written in the lexicon.
    head: &'static [u8],
    /// Its [`folded_key`].
    key: Option<u128>,
    /// Each form as (pattern index, the rest of the form after the first
    /// word), the longest form first, then in lexicon order: what a
    /// leftmost-longest scan prefers among forms that start at one place.
    forms: Vec<(usize, &'static [u8])>,
}

/// The cue forms, indexed for [`CueIndex::cue_at`] and
/// [`CueIndex::hides_cue_start`].
#[derive(Debug, Clone)]
pub struct CueIndex {
    /// By [`pair`] of a first word's first two bytes (the second 0 for a word
    /// of one byte): bit [`length_bit`] set for each first-word length.
    head_lengths: Box<[u32; 1024]>,
    /// By the same pair: the forms grouped by first word, so that a word is
    /// compared once with each first word that may be it.
    heads: Vec<Vec<HeadGroup>>,
    /// By [`pair`] of the last two bytes of the first word of each form of
    /// several words: bit [`length_bit`] set for the length of that word.
    multi_word_tails: Box<[u32; 1024]>,
    /// By the same pair: those forms.
    multi_word_forms: Vec<Vec<MultiWordForm>>,
    /// The first two bytes of the second word of each form of several
    /// words: by the first byte (lower case), bit `b % 32` for the second
    /// byte `b` (lower case). `None` when a second word is shorter.
    second_word_starts: Option<[u32; 256]>,
}

impl CueIndex {
    /// Indexes `forms` (cue forms of words of ASCII letters and digits, with
    /// single spaces between words and apostrophes only between letters).
    pub fn new(forms: &[&'static str]) -> Self {
        let mut index = CueIndex {
            head_lengths: Box::new([0; 1024]),
            heads: vec![Vec::new(); 1024],
            multi_word_tails: Box::new([0; 1024]),
            multi_word_forms: vec![Vec::new(); 1024],
            second_word_starts: Some([0; 256]),
        };
        for (pattern, form) in forms.iter().map(|f| f.as_bytes()).enumerate() {
            let head_len = form.iter().position(|&b| b == b' ').unwrap_or(form.len());
            let (head, rest) = form.split_at(head_len);
            let (Some(&first), Some(&last)) = (head.first(), head.last()) else {
                continue;
            };
            let second = if head_len > 1 { head[1] } else { 0 };
            let key = pair(first, second);
            index.head_lengths[key] |= length_bit(head_len);
            let groups = &mut index.heads[key];
            match groups
                .iter_mut()
                .find(|g| g.head.eq_ignore_ascii_case(head))
            {
                Some(group) => group.forms.push((pattern, rest)),
                None => groups.push(HeadGroup {
                    head,
                    key: folded_key(head),
                    forms: vec![(pattern, rest)],
                }),
            }
            if !rest.is_empty() {
                let before = if head_len > 1 { head[head_len - 2] } else { 0 };
                index.multi_word_tails[pair(before, last)] |= length_bit(head_len);
                index.multi_word_forms[pair(before, last)].push(MultiWordForm { form, head_len });
                let starts = index.second_word_starts.as_mut();
                match (rest.get(1..3), starts) {
                    (Some(&[a, b]), Some(starts)) => {
                        starts[usize::from(a.to_ascii_lowercase())] |=
                            1 << (b.to_ascii_lowercase() % 32);
                    }
                    _ => index.second_word_starts = None,
                }
            }
        }
        for group in index.heads.iter_mut().flatten() {
            // A stable sort: lexicon order among forms of one length.
            group
                .forms
                .sort_by_key(|(_, rest)| std::cmp::Reverse(rest.len()));
        }
        index
    }

    /// False when the word token `word` of `text` can neither start a cue
    /// ([`CueIndex::cue_at`]) nor hide the start of one
    /// ([`CueIndex::hides_cue_start`]); true when it may. Two table reads on
    /// the word's first and last two bytes (and a third on what follows
    /// when the last two may end a first word), which about six words in
    /// seven fail: the cue search asks it of every word first, in the fewest
    /// instructions, and the full tests only of the words it lets through.
    #[inline]
    pub fn may_hold_cue(&self, text: &[u8], word: Span) -> bool {
        let Some(w @ [first, second, ..]) = text.get(word.start..word.end) else {
            // Words of one byte (and spans that are no words) take the
            // full tests.
            return true;
        };
        let [.., before, last] = w else {
            return true;
        };
        let len = w.len();
        self.head_lengths[pair(*first, *second)] & length_bit(len) != 0
            || (self.multi_word_tails[pair(*before, *last)] & (length_bit(len) - 1) != 0
                && self.second_word_may_start(text, word.end))
    }

    /// The longest cue that starts at the word token `word` of `text` and
    /// whose first word is the whole token: its pattern index and end. Case
    /// is ignored in ASCII.
    #[inline]
    pub fn cue_at(&self, text: &[u8], word: Span) -> Option<(usize, usize)> {
        let w = text.get(word.start..word.end)?;
        let first = *w.first()?;
        let second = w.get(1).copied().unwrap_or(0);
        let key = pair(first, second);
        if self.head_lengths[key] & length_bit(w.len()) == 0 {
            return None;
        }
        // The word is at most one group's first word.
        let word_key = folded_key(w);
        let group = self.heads[key].iter().find(|g| {
            g.head.len() == w.len()
                && match word_key {
                    Some(k) => g.key == Some(k),
                    None => g.head.eq_ignore_ascii_case(w),
                }
        })?;
        let after = text.get(word.end..).unwrap_or(&[]);
        group.forms.iter().find_map(|&(pattern, rest)| {
            after
                .get(..rest.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(rest))
                .then_some((pattern, word.end + rest.len()))
        })
    }

    /// True when a cue of several words starts inside the word token `word`
    /// (not at its start) and runs on past its end: the word ends with the
    /// first word of such a cue and the rest of the cue follows. Such a match
    /// is invisible to [`CueIndex::cue_at`].
    #[inline]
    pub fn hides_cue_start(&self, text: &[u8], word: Span) -> bool {
        let Some(key) = self.hidden_start_key(text, word) else {
            return false;
        };
        self.multi_word_forms[key].iter().any(|m| {
            word.end.checked_sub(m.head_len).is_some_and(|at| {
                at > word.start
                    && text
                        .get(at..at + m.form.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(m.form))
            })
        })
    }

    /// The [`pair`] of the last two bytes of the word, when
    /// [`CueIndex::hides_cue_start`] may be true: the word ends with those
    /// of a first word shorter than itself, and what follows is a space and
    /// the start of a second word. `None` rules it out, as it does for
    /// nearly every word.
    #[inline]
    fn hidden_start_key(&self, text: &[u8], word: Span) -> Option<usize> {
        let w = text.get(word.start..word.end)?;
        let [.., before, last] = w else {
            return None;
        };
        let key = pair(*before, *last);
        // First words shorter than the word: bits 1 to len - 1.
        if self.multi_word_tails[key] & (length_bit(w.len()) - 1) == 0 {
            return None;
        }
        self.second_word_may_start(text, word.end).then_some(key)
    }

    /// False when the text at `at` is not a space and the start of the
    /// second word of a form of several words.
    #[inline]
    fn second_word_may_start(&self, text: &[u8], at: usize) -> bool {
        let Some(starts) = &self.second_word_starts else {
            return true;
        };
        match text.get(at..at.saturating_add(3)) {
            Some(&[b' ', a, b]) => {
                starts[usize::from(a.to_ascii_lowercase())] & (1 << (b.to_ascii_lowercase() % 32))
                    != 0
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> CueIndex {
        CueIndex::new(&[
            "said",
            "says",
            "according to",
            "point out",
            "declined",
            "declined to comment",
        ])
    }

    fn span_of(text: &str, word: &str) -> Span {
        let start = text.find(word).unwrap();
        Span::new(start, start + word.len())
    }

    #[test]
    fn finds_the_longest_cue_at_a_word_in_any_case() {
        let ix = index();
        let text = "He SAID it, According to them.";
        assert_eq!(
            ix.cue_at(text.as_bytes(), span_of(text, "SAID")),
            Some((0, 7))
        );
        let at = span_of(text, "According");
        assert_eq!(ix.cue_at(text.as_bytes(), at), Some((2, at.start + 12)));
        // The longest of the forms that start with one word.
        let text = "She declined to comment; he declined.";
        assert_eq!(ix.cue_at(text.as_bytes(), Span::new(4, 12)), Some((5, 23)));
        assert_eq!(ix.cue_at(text.as_bytes(), Span::new(28, 36)), Some((4, 36)));
        // The first word must be the whole token.
        let text = "saids according";
        assert_eq!(ix.cue_at(text.as_bytes(), span_of(text, "saids")), None);
        assert_eq!(ix.cue_at(text.as_bytes(), span_of(text, "according")), None);
    }

    #[test]
    fn a_cue_starting_inside_a_word_is_seen() {
        let ix = index();
        let text = "They disappoint out of habit.";
        assert!(ix.hides_cue_start(text.as_bytes(), span_of(text, "disappoint")));
        // Starting at the word itself is not hidden.
        let text = "They point out things.";
        assert!(!ix.hides_cue_start(text.as_bytes(), span_of(text, "point")));
        let text = "They disappoint others.";
        assert!(!ix.hides_cue_start(text.as_bytes(), span_of(text, "disappoint")));
    }

    proptest::proptest! {
        /// At every word start, the index finds what a comparison with every
        /// form finds, longest first; and it reports a hidden start exactly
        /// when a form of several words starts inside the word.
        #[test]
        fn agrees_with_a_comparison_with_every_form(
            parts in proptest::collection::vec(
                "said|SAYS|according to|point out|disappoint out|declined to comment|declined|\
                 to|comment|Said|a|[a-zA-Z]{1,4}",
                1..12,
            ),
        ) {
            let forms = [
                "said", "says", "according to", "point out", "declined", "declined to comment",
            ];
            let ix = CueIndex::new(&forms);
            let text = parts.join(" ");
            let bytes = text.as_bytes();
            let words: Vec<&str> = text.split(' ').collect();
            let mut start = 0;
            for w in &words {
                let word = Span::new(start, start + w.len());
                let expected = forms
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| {
                        let head = f.split(' ').next().unwrap_or(f);
                        head.len() == w.len()
                            && bytes.get(start..start + f.len())
                                .is_some_and(|t| t.eq_ignore_ascii_case(f.as_bytes()))
                    })
                    .max_by_key(|(i, f)| (f.len(), std::cmp::Reverse(*i)))
                    .map(|(i, f)| (i, start + f.len()));
                proptest::prop_assert_eq!(ix.cue_at(bytes, word), expected);
                let hidden = forms.iter().any(|f| {
                    let head = f.split(' ').next().unwrap_or(f);
                    f.len() > head.len()
                        && (word.start + 1..word.end).any(|at| {
                            at + head.len() == word.end
                                && bytes.get(at..at + f.len())
                                    .is_some_and(|t| t.eq_ignore_ascii_case(f.as_bytes()))
                        })
                });
                proptest::prop_assert_eq!(ix.hides_cue_start(bytes, word), hidden);
                start += w.len() + 1;
            }
        }
    }
}
