//! The word lists in `lexicon/`, parsed once and compiled into tries for
//! anchored lookup (see [`crate::trie`]).
//!
//! Every list is a data file, one entry per line, `#` starting a comment, so
//! that a linguist can extend it without touching the code. Entries with a
//! straight apostrophe (`didn't`) are also compiled with the curly one
//! (`didn’t`), since news text uses both. Matching ignores ASCII case.

use std::sync::OnceLock;

use crate::trie::Trie;

/// What a matched entry of the cue trie is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// Denies on its own (`denied`, `disputed`); non-denial after a negator.
    Deny,
    /// Denies only with a claim object or an `as <falsity>` complement (`rejected`).
    Dismiss,
    /// Confirms (`confirmed`, `admitted`); non-denial after a negator.
    Confirm,
    /// Non-denial on its own (`no comment`, `confirm or deny`).
    Phrase,
    /// Non-denial after any negator (`comment`, `respond`, `be reached`).
    Response,
    /// Non-denial after a refusal only (`say`, `discuss`, `be drawn`).
    Evasion,
    /// Negates what follows (`did not`, `never`); `refusal` also licenses evasions.
    Negator {
        /// True for `declined to`, `refused to`, `would not` and the like.
        refusal: bool,
    },
}

/// A set of pairs of bytes, as 2^16 bits.
pub(crate) struct BytePairs(Box<[u64; 1024]>);

impl BytePairs {
    fn new() -> BytePairs {
        BytePairs(Box::new([0; 1024]))
    }

    fn key(a: u8, b: u8) -> usize {
        usize::from(u16::from_le_bytes([b, a]))
    }

    /// Adds (`a`, `b`) in every ASCII case.
    fn add(&mut self, a: u8, b: u8) {
        for a in [a.to_ascii_lowercase(), a.to_ascii_uppercase()] {
            for b in [b.to_ascii_lowercase(), b.to_ascii_uppercase()] {
                let k = BytePairs::key(a, b);
                self.0[k / 64] |= 1 << (k % 64);
            }
        }
    }

    /// True when (`a`, `b`) was added.
    #[inline]
    pub(crate) fn holds(&self, a: u8, b: u8) -> bool {
        let k = BytePairs::key(a, b);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// The pairs of bytes around the bytes of `entries` that are no ASCII
/// letter or digit, past their first (see [`Lexicon::cue_joins`]); `None`
/// when an entry ends with such a byte.
fn joins<S: AsRef<[u8]>>(entries: &[S]) -> Option<BytePairs> {
    let mut pairs = BytePairs::new();
    for entry in entries {
        let entry = entry.as_ref();
        for (j, &b) in entry.iter().enumerate().skip(1) {
            if !b.is_ascii_alphanumeric() {
                pairs.add(entry[j - 1], *entry.get(j + 1)?);
            }
        }
    }
    Some(pairs)
}

/// All lexicons, ready to match.
pub(crate) struct Lexicon {
    /// Stance cues of every [`CueKind`], ASCII case-insensitive.
    pub(crate) cues: Trie,
    /// The kind of each entry of `cues`, by entry number.
    pub(crate) kinds: Vec<CueKind>,
    /// The first word of each cue of several words, with the byte after it
    /// (`did ` of `did not`, `didn'` of `didn't`), spelled backwards: a word
    /// that ends with one (`candid not`) may hide the next word's cue (see
    /// [`crate::cues`]).
    pub(crate) cue_heads_reversed: Trie,
    /// The rest of each cue of several words from its first separator on
    /// (` not` of `did not`): what follows a word that such a cue could run
    /// out of. `None` when one after a space or curly apostrophe is shorter
    /// than three bytes, since only its first three are tested.
    pub(crate) cue_tails: Option<Trie>,
    /// Every pair (the byte before, the byte after) around a byte of a cue
    /// entry that is no ASCII letter or digit, past its first byte (`d`, `n`
    /// around the space of `did not`), in every ASCII case: a match running
    /// out of a word through the byte after it has such a pair around that
    /// byte. `None` when some entry ends with such a byte.
    pub(crate) cue_joins: Option<BytePairs>,
    /// The bytes that no cue runs through and no negation reaches across
    /// (`,`, `.`, `"`: ASCII, neither word characters nor spaces, in no cue
    /// entry): the scan for cues may start afresh after one (see
    /// [`crate::cues`]).
    pub(crate) cue_breaks: [bool; 256],
    /// Words that call a claim false (`untrue`, `baseless`, `fake news`).
    pub(crate) falsity: Trie,
    /// Nouns naming something said (`claim`, `report`, `allegations`).
    pub(crate) objects: Vec<&'static str>,
    /// Pronouns that refer back to something said (`it`, `them`).
    pub(crate) pronouns: Vec<&'static str>,
}

/// The lexicons, built on first use and shared by every thread.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

/// The entries of one lexicon file: trimmed, comments and blank lines dropped.
pub(crate) fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

/// `entry`, plus its curly-apostrophe spelling when it has a straight one.
fn spellings(entry: &str) -> impl Iterator<Item = String> {
    let curly = entry
        .contains('\'')
        .then(|| entry.replace('\'', "\u{2019}"));
    std::iter::once(entry.to_string()).chain(curly)
}

/// The cue entries of all lists (lowercase, straight and curly apostrophes,
/// each once) and the kind of each.
pub(crate) fn cue_entries() -> (Vec<String>, Vec<CueKind>) {
    let files: [(&'static str, CueKind); 8] = [
        (include_str!("../lexicon/deny_cues.txt"), CueKind::Deny),
        (
            include_str!("../lexicon/dismiss_cues.txt"),
            CueKind::Dismiss,
        ),
        (
            include_str!("../lexicon/confirm_cues.txt"),
            CueKind::Confirm,
        ),
        (
            include_str!("../lexicon/non_denial_phrases.txt"),
            CueKind::Phrase,
        ),
        (
            include_str!("../lexicon/comment_verbs.txt"),
            CueKind::Response,
        ),
        (
            include_str!("../lexicon/evasion_verbs.txt"),
            CueKind::Evasion,
        ),
        // Refusals first: an entry in both negator lists is a refusal.
        (
            include_str!("../lexicon/refusals.txt"),
            CueKind::Negator { refusal: true },
        ),
        (
            include_str!("../lexicon/negators.txt"),
            CueKind::Negator { refusal: false },
        ),
    ];
    let mut patterns: Vec<String> = Vec::new();
    let mut kinds = Vec::new();
    for (file, kind) in files {
        for entry in entries(file) {
            for spelling in spellings(entry) {
                let lower = spelling.to_ascii_lowercase();
                // Leftmost-longest needs distinct patterns; the first list wins.
                if !patterns.contains(&lower) {
                    patterns.push(lower);
                    kinds.push(kind);
                }
            }
        }
    }
    (patterns, kinds)
}

/// `entry` from the byte after its first word on (` not` of `did not`);
/// `None` for a one-word entry.
fn tail(entry: &str) -> Option<&[u8]> {
    let word = entry.bytes().position(|b| !b.is_ascii_alphanumeric())?;
    entry.as_bytes().get(word..)
}

/// `entry` up to and including the first byte after its first word (`did `
/// of `did not`), reversed; `None` for a one-word entry.
fn head_reversed(entry: &str) -> Option<Vec<u8>> {
    let word = entry.bytes().position(|b| !b.is_ascii_alphanumeric())?;
    let mut head = entry.as_bytes()[..=word].to_vec();
    head.reverse();
    Some(head)
}

impl Lexicon {
    fn build() -> Lexicon {
        let (patterns, kinds) = cue_entries();
        let heads: Vec<Vec<u8>> = patterns.iter().filter_map(|p| head_reversed(p)).collect();
        // Straight apostrophes are not filtered (`'t` is too short).
        let tails: Vec<&[u8]> = patterns
            .iter()
            .filter_map(|p| tail(p))
            .filter(|t| t.first() != Some(&b'\''))
            .collect();
        let cue_tails = tails
            .iter()
            .all(|t| t.len() >= 3)
            .then(|| Trie::new(&tails));
        let falsity: Vec<String> = entries(include_str!("../lexicon/falsity_words.txt"))
            .flat_map(spellings)
            .collect();
        let cues = Trie::new(&patterns);
        let cue_breaks = std::array::from_fn(|b| {
            let b = u8::try_from(b).unwrap_or(u8::MAX);
            b.is_ascii()
                && !b.is_ascii_alphanumeric()
                && !char::from(b).is_whitespace()
                && !cues.uses(b)
        });
        Lexicon {
            cues,
            cue_breaks,
            kinds,
            cue_heads_reversed: Trie::new(&heads),
            cue_tails,
            cue_joins: joins(&patterns),
            falsity: Trie::searchable(&falsity),
            objects: entries(include_str!("../lexicon/response_objects.txt")).collect(),
            pronouns: entries(include_str!("../lexicon/response_pronouns.txt")).collect(),
        }
    }

    /// True when `word` is a claim noun (`report`, `allegations`), any case.
    pub(crate) fn is_object(&self, word: &str) -> bool {
        self.objects.iter().any(|o| o.eq_ignore_ascii_case(word))
    }

    /// True when `word` is a pronoun that can refer back to a claim, any case.
    pub(crate) fn is_pronoun(&self, word: &str) -> bool {
        self.pronouns.iter().any(|o| o.eq_ignore_ascii_case(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blanks() {
        let got: Vec<_> = entries("# head\n\ndeny  # trailing\n  no comment \n").collect();
        assert_eq!(got, ["deny", "no comment"]);
    }

    /// The cue entry starting at byte `at` of `text`, as (text, kind).
    fn cue_at(text: &str, at: usize) -> Option<(&str, CueKind)> {
        let lex = lexicon();
        let (id, end) = lex.cues.longest_at(text.as_bytes(), at, text.len())?;
        Some((&text[at..end], lex.kinds[id as usize]))
    }

    #[test]
    fn curly_apostrophes_are_compiled_too() {
        assert_eq!(
            cue_at("he didn’t deny", 3),
            Some(("didn’t", CueKind::Negator { refusal: false }))
        );
    }

    #[test]
    fn refusal_wins_over_plain_negator() {
        assert_eq!(
            cue_at("It Would Not say", 3),
            Some(("Would Not", CueKind::Negator { refusal: true }))
        );
    }

    #[test]
    fn longest_phrase_wins() {
        let text = "would neither confirm nor deny";
        assert_eq!(cue_at(text, 0), Some((text, CueKind::Phrase)));
    }

    #[test]
    fn cue_entries_start_with_a_word_character() {
        // The scan tries entries at word characters only (see `cues`).
        let (patterns, _) = cue_entries();
        assert!(patterns
            .iter()
            .all(|p| p.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())));
    }
}
