//! The cue lexicon indexed for a lookup word by word.
//!
//! The attribution finder wants every cue of an article ("said", "according
//! to", "declined to comment"), as a leftmost-longest scan of the cue forms
//! over the whole text would report them. An automaton reads every byte;
//! this index instead asks of each word token whether a cue starts there, at
//! the cost of one or two table reads for most words. It is hand-made because no
//! crate matches patterns at given word starts: `aho-corasick` and `regex`
//! scan a haystack from one end to the other.
//!
//! The gate is keyed by a word's last two bytes and its length, then by its
//! first two bytes and its length (five low bits of each byte, which ASCII
//! case leaves as they are), so that it needs neither a lower-cased copy nor
//! a hash. About fifteen words in sixteen in news text fail it; most of the rest
//! are the heads of cues (`said`, `has` of `has not responded`), which a
//! lookup of the word's first-word group (a hash of the same bytes, into
//! buckets of about one group) and a comparison settle.

use crate::span::Span;
use crate::words::{folded_key, folded_key_at, length_bit};

/// The table index of two bytes: five low bits of each.
#[inline]
fn pair(first: u8, second: u8) -> usize {
    usize::from(first & 31) << 5 | usize::from(second & 31)
}

/// The number of buckets of [`CueIndex::head_groups`]: a power of two, over
/// six times the number of first words, so that a bucket seldom holds two.
const HEAD_BUCKETS: usize = 1024;

/// The bucket of a first word (or of a word looked up as one) of `len`
/// bytes, whose first and last two bytes give the [`pair`]s `starts` and
/// `ends`: a multiplicative hash of the three. A word equal to a first word in
/// any ASCII case falls in its bucket, as the pairs ignore case.
#[inline]
fn head_bucket(starts: usize, ends: usize, len: usize) -> usize {
    let mixed = ((starts << 10 | ends) << 5 | len.min(31)) as u32;
    (mixed.wrapping_mul(0x9E37_79B9) >> (32 - HEAD_BUCKETS.trailing_zeros())) as usize
}

/// The [`pair`]s of the first and of the last two bytes of a word (a byte of
/// 0 standing for the missing one of a word of one byte); `None` for an empty
/// word.
#[inline]
fn start_and_end_pairs(w: &[u8]) -> Option<(usize, usize)> {
    match *w {
        [only] => Some((pair(only, 0), pair(0, only))),
        [first, second, ..] => Some((pair(first, second), pair(w[w.len() - 2], w[w.len() - 1]))),
        [] => None,
    }
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
    /// of one byte), two masks of [`length_bit`]s in one number: in the low
    /// half, the lengths of the first words that are forms on their own; in
    /// the high half, those of the first words of forms of several words
    /// (which need a second word after them).
    head_starts: Box<[u64; 1024]>,
    /// The forms grouped by first word, so that a word is compared once with
    /// each first word that may be it; in the order of their
    /// [`head_bucket`]s.
    head_groups: Vec<HeadGroup>,
    /// By [`head_bucket`]: where its groups start in `head_groups` (and, one
    /// further on, where they end).
    bucket_starts: Box<[u16; HEAD_BUCKETS + 1]>,
    /// By [`pair`] of a word's last two bytes (the first 0 for a word of one
    /// byte), two masks of [`length_bit`]s in one number, so that one read
    /// serves both tests of [`CueIndex::may_hold_cue`]: in the low half, the
    /// lengths of the first words that end so; in the high half, the lengths
    /// of the words that may hide the start of a form of several words
    /// ([`CueIndex::hides_cue_start`]), those longer than its first word.
    word_ends: Box<[u64; 1024]>,
    /// By the same pair: the forms of several words, by their first word's
    /// last two bytes.
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
            head_starts: Box::new([0; 1024]),
            head_groups: Vec::new(),
            bucket_starts: Box::new([0; HEAD_BUCKETS + 1]),
            word_ends: Box::new([0; 1024]),
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
            let alone_or_not = if rest.is_empty() { 0 } else { 32 };
            index.head_starts[key] |= u64::from(length_bit(head_len)) << alone_or_not;
            let before = if head_len > 1 { head[head_len - 2] } else { 0 };
            let end_key = pair(before, last);
            // The gate reads the two bytes that end a word, for a word of
            // one byte the one before it too: a first word of one byte goes
            // under every pair that ends with it.
            let gate_keys = match head_len {
                1 => (0..32).map(|b| pair(b, last)).collect(),
                _ => vec![end_key],
            };
            for k in gate_keys {
                index.word_ends[k] |= u64::from(length_bit(head_len));
            }
            let groups = &mut index.head_groups;
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
                // A word hiding a first word of one byte ends with it after
                // any byte: the form goes under every pair that ends so.
                let hiding_keys = match head_len {
                    1 => (0..32).map(|b| pair(b, last)).collect(),
                    _ => vec![end_key],
                };
                // The lengths over the first word's (saturated as
                // `length_bit` saturates): bits `head_len + 1` to 31.
                let longer = !(length_bit(head_len + 1) - 1);
                for k in hiding_keys {
                    index.word_ends[k] |= u64::from(longer) << 32;
                    index.multi_word_forms[k].push(MultiWordForm { form, head_len });
                }
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
        for group in &mut index.head_groups {
            // A stable sort: lexicon order among forms of one length.
            group
                .forms
                .sort_by_key(|(_, rest)| std::cmp::Reverse(rest.len()));
        }
        let bucket_of = |g: &HeadGroup| {
            start_and_end_pairs(g.head)
                .map(|(starts, ends)| head_bucket(starts, ends, g.head.len()))
        };
        // Groups are never empty words (those forms were skipped above).
        index.head_groups.sort_by_key(bucket_of);
        let mut start = 0;
        for (bucket, slot) in index.bucket_starts.iter_mut().enumerate() {
            *slot = u16::try_from(start).expect("fewer than 65,536 first words");
            start += index.head_groups[start..]
                .iter()
                .take_while(|g| bucket_of(g) == Some(bucket))
                .count();
        }
        index
    }

    /// False when the word token `word` of `text` can neither start a cue
    /// ([`CueIndex::cue_at`]) nor hide the start of one
    /// ([`CueIndex::hides_cue_start`]); true when it may. A table read on
    /// the word's last two bytes, a second on its first two when a first word
    /// of its length ends like it (and a third on what follows when the last
    /// two may end a shorter first word of several): a word passes when a
    /// first word of its length ends and starts like it, or when a shorter
    /// first word of several ends like it and the second word may follow.
    /// About fifteen words in sixteen fail: the cue search asks it of every word first, in the fewest
    /// instructions, and the full tests only of the words it lets through.
    #[inline]
    pub fn may_hold_cue(&self, text: &[u8], word: Span) -> bool {
        // The two bytes that end the word (for a word of one byte, the byte
        // before it and its own; see `word_ends`), read without the word
        // itself as a slice.
        let Some(&[before, last]) = word
            .end
            .checked_sub(2)
            .and_then(|at| text.get(at..word.end))
        else {
            // A word of one byte opening the text, or a span that is no
            // word: the full tests.
            return true;
        };
        // An empty word matches no first word: no length bit of them is 1
        // (of 0 bytes).
        let bit = length_bit(word.end.wrapping_sub(word.start));
        // The word's end first: one read and one test settle most words.
        let ends = self.word_ends[pair(before, last)];
        if ends & (u64::from(bit) * (1 << 32 | 1)) == 0 {
            return false;
        }
        let Some(w @ [first, ..]) = text.get(word.start..word.end) else {
            return true;
        };
        // The low half: first words of the word's length ending like it;
        // then, does one start like it (one that needs a second word, only
        // when one may follow)?
        if ends as u32 & bit != 0 {
            let second = w.get(1).copied().unwrap_or(0);
            let starts = self.head_starts[pair(*first, second)];
            if starts as u32 & bit != 0
                || ((starts >> 32) as u32 & bit != 0 && self.second_word_may_start(text, word.end))
            {
                return true;
            }
        }
        // The high half: first words of several, shorter than the word.
        (ends >> 32) as u32 & bit != 0 && self.second_word_may_start(text, word.end)
    }

    /// The longest cue that starts at the word token `word` of `text` and
    /// whose first word is the whole token: its pattern index and end. Case
    /// is ignored in ASCII.
    #[inline]
    pub fn cue_at(&self, text: &[u8], word: Span) -> Option<(usize, usize)> {
        let w = text.get(word.start..word.end)?;
        let (starts, ends) = start_and_end_pairs(w)?;
        let bucket = head_bucket(starts, ends, w.len());
        let groups = &self.head_groups
            [usize::from(self.bucket_starts[bucket])..usize::from(self.bucket_starts[bucket + 1])];
        if groups.is_empty() {
            return None;
        }
        // The word is at most one group's first word.
        let word_key = folded_key_at(text, word.start, w.len());
        let group = groups.iter().find(|g| {
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
        // First words of several shorter than the word.
        if (self.word_ends[key] >> 32) as u32 & length_bit(w.len()) == 0 {
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

    #[test]
    fn a_first_word_of_one_byte_passes_the_gate_after_any_byte() {
        // The gate reads the byte before a word of one byte too.
        let ix = CueIndex::new(&["x", "says"]);
        for before in 0..=u8::MAX {
            for x in [b'x', b'X'] {
                let text = [before, x, b' ', b'a'];
                let word = Span::new(1, 2);
                assert_eq!(ix.cue_at(&text, word), Some((0, 2)));
                assert!(ix.may_hold_cue(&text, word), "after byte {before}");
            }
        }
        // And it is no first word of two bytes.
        assert!(!ix.may_hold_cue(b" xx ", Span::new(1, 3)));
    }

    /// Checks the index of `forms` at every word of `text` (words split at
    /// single spaces) against a comparison with every form: the longest cue
    /// at each word start, longest first; a hidden start exactly when a form
    /// of several words starts inside the word; and the gate
    /// (`may_hold_cue`) letting through every word at which either is found.
    fn check_against_every_form(
        forms: &[&'static str],
        text: &str,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let ix = CueIndex::new(forms);
        let bytes = text.as_bytes();
        let mut start = 0;
        for w in text.split(' ') {
            let word = Span::new(start, start + w.len());
            let expected = forms
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    let head = f.split(' ').next().unwrap_or(f);
                    head.len() == w.len()
                        && bytes
                            .get(start..start + f.len())
                            .is_some_and(|t| t.eq_ignore_ascii_case(f.as_bytes()))
                })
                .max_by_key(|(i, f)| (f.len(), std::cmp::Reverse(*i)))
                .map(|(i, f)| (i, start + f.len()));
            proptest::prop_assert_eq!(ix.cue_at(bytes, word), expected, "at {:?}", w);
            let hidden = forms.iter().any(|f| {
                let head = f.split(' ').next().unwrap_or(f);
                f.len() > head.len()
                    && (word.start + 1..word.end).any(|at| {
                        at + head.len() == word.end
                            && bytes
                                .get(at..at + f.len())
                                .is_some_and(|t| t.eq_ignore_ascii_case(f.as_bytes()))
                    })
            });
            proptest::prop_assert_eq!(ix.hides_cue_start(bytes, word), hidden, "at {:?}", w);
            if expected.is_some() || hidden {
                proptest::prop_assert!(ix.may_hold_cue(bytes, word), "at {:?}", w);
            }
            start += w.len() + 1;
        }
        Ok(())
    }

    /// The forms of the cue lexicon (first column of `lexicon/cues.txt`).
    fn lexicon_forms() -> Vec<&'static str> {
        include_str!("../lexicon/cues.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(str::trim)
            .collect()
    }

    proptest::proptest! {
        /// The index of a few forms, among words of up to four letters that
        /// share their first or last bytes.
        #[test]
        fn agrees_with_a_comparison_with_every_form(
            parts in proptest::collection::vec(
                "said|SAYS|according to|point out|disappoint out|declined to comment|declined|\
                 to|comment|Said|a|A la|la|x|X|ea|[a-zA-Z]{1,4}",
                1..12,
            ),
        ) {
            let forms = [
                "said", "says", "according to", "point out", "declined", "declined to comment",
                "a la", "x",
            ];
            check_against_every_form(&forms, &parts.join(" "))?;
        }

        /// The index of the whole cue lexicon (whose first words share
        /// buckets), among its words, in any case, and words that nearly
        /// are them.
        #[test]
        fn agrees_with_a_comparison_with_every_lexicon_form(
            parts in proptest::collection::vec(
                (proptest::sample::select(lexicon_forms()), 0..4usize, "[a-zA-Z]{0,3}"),
                1..10,
            ),
        ) {
            let text: Vec<String> = parts
                .iter()
                .map(|(form, how, letters)| match how {
                    0 => form.to_string(),
                    1 => form.to_uppercase(),
                    2 => format!("{letters}{form}"),
                    _ => form.split(' ').next().unwrap_or(form).to_string() + letters,
                })
                .collect();
            check_against_every_form(&lexicon_forms(), &text.join(" "))?;
        }
    }
}
