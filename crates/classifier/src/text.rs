//! Small, allocation-free helpers over article text: words, clause and
//! sentence edges, span sanitising. All positions are byte offsets on `char`
//! boundaries.

use claimtrack_parser::Span;

/// True for the characters words are made of (letters and digits, any script).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True for an apostrophe, straight or curly, which may sit inside a word.
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// True for punctuation that ends a clause for the purpose of reading the
/// object of a verb (`denied the report, saying ...`).
fn is_clause_stop(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '\n' | '\r'
    )
}

/// True when `start..end` is a whole word sequence in `text`: no word character
/// touches it on either side. Out-of-range or non-boundary positions are false.
pub(crate) fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let joined = |c: Option<char>| c.is_some_and(is_word_char);
    !joined(before.chars().next_back()) && !joined(after.chars().next())
}

/// How far [`sentence_start`] and [`sentence_end`] look for a sentence edge.
/// Real sentences are well under 1 KB; text with no sentence ends (lists,
/// scrapes without punctuation, hostile input) would otherwise make every
/// claim scan back to the start of the text: quadratic.
pub(crate) const MAX_SENTENCE_BYTES: usize = 2048;

/// Smallest `char` boundary of `text` not below `pos` (clamped to the length).
pub(crate) fn ceil_boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos += 1;
    }
    pos
}

/// Largest `char` boundary of `text` not above `pos` (clamped to the length).
pub(crate) fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// `span` made safe for `text`: ends clamped and floored to `char` boundaries,
/// reversed ends swapped.
pub(crate) fn sanitize(text: &str, span: Span) -> Span {
    let a = floor_boundary(text, span.start);
    let b = floor_boundary(text, span.end);
    Span::new(a.min(b), a.max(b))
}

/// A word of `text`: a run of word characters, with apostrophes inside it
/// (`didn't`, `Tehran’s`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Where it stands.
    pub(crate) span: Span,
}

impl Word {
    /// The word as written.
    pub(crate) fn as_str(self, text: &str) -> &str {
        self.span.slice(text)
    }

    /// The word without a possessive ending (`US's` -> `US`, `Smith’s` -> `Smith`).
    pub(crate) fn stem(self, text: &str) -> &str {
        let w = self.as_str(text);
        for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
            if let Some(stem) = w.strip_suffix(suffix) {
                return stem;
            }
        }
        w
    }

    /// True when the word starts with an uppercase letter (a likely name).
    pub(crate) fn is_capitalized(self, text: &str) -> bool {
        self.as_str(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// One step of [`clause_words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token {
    /// A word.
    Word(Word),
    /// Clause punctuation; the reading stops here.
    Stop,
}

/// The words of `text[from..to]` in order, stopping at clause punctuation.
/// Quotation marks and dashes are skipped, not stops (`as "baseless"`).
pub(crate) fn clause_words(text: &str, from: usize, to: usize) -> impl Iterator<Item = Token> + '_ {
    let from = floor_boundary(text, from);
    let to = floor_boundary(text, to).max(from);
    let slice = &text[from..to];
    let mut chars = slice.char_indices().peekable();
    let mut stopped = false;
    std::iter::from_fn(move || {
        if stopped {
            return None;
        }
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                let start = i;
                let mut end = i + c.len_utf8();
                chars.next();
                while let Some(&(j, d)) = chars.peek() {
                    let inner_apostrophe = is_apostrophe(d)
                        && slice[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(is_word_char);
                    if is_word_char(d) || inner_apostrophe {
                        end = j + d.len_utf8();
                        chars.next();
                    } else if is_apostrophe(d) {
                        // A trailing possessive apostrophe (`Conservatives'`).
                        end = j + d.len_utf8();
                        chars.next();
                        break;
                    } else {
                        break;
                    }
                }
                return Some(Token::Word(Word {
                    span: Span::new(from + start, from + end),
                }));
            }
            chars.next();
            if is_clause_stop(c) {
                stopped = true;
                return Some(Token::Stop);
            }
        }
        None
    })
}

/// The word that starts right after `pos` past whitespace only, if any.
pub(crate) fn next_word(text: &str, pos: usize) -> Option<Word> {
    let rest = text.get(pos..)?;
    let skipped = rest.len() - rest.trim_start().len();
    match clause_words(text, pos + skipped, text.len()).next() {
        Some(Token::Word(w)) if w.span.start == pos + skipped => Some(w),
        _ => None,
    }
}

/// The word that ends right before `pos` past whitespace only, if any.
pub(crate) fn prev_word(text: &str, pos: usize) -> Option<Word> {
    let head = text.get(..pos)?;
    let end = head.trim_end().len();
    let word_start = head[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c) || is_apostrophe(c))
        .last()
        .map(|(i, _)| i)?;
    Some(Word {
        span: Span::new(word_start, end),
    })
}

/// True when byte `i` of `text` ends a sentence: a line break, or `.`, `!`,
/// `?` followed by whitespace, a closing quotation mark or the end of the
/// text (so `U.S.` and `2.5` do not end one). Bytes, not chars: every byte
/// tested is ASCII, so this is as fast as a scan can be.
fn ends_sentence_at(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        Some(b'\n') => true,
        Some(b'.') if is_abbreviation(&bytes[..i]) => false,
        Some(b'.' | b'!' | b'?') => match bytes.get(i + 1) {
            None => true,
            Some(&next) => {
                next.is_ascii_whitespace()
                    || next == b'"'
                    || bytes[i + 1..].starts_with("”".as_bytes())
            }
        },
        _ => false,
    }
}

/// Titles whose full stop ends no sentence (`Mr. Smith said`).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen", "lt", "col", "prof",
    "vs", "inc", "corp", "co",
];

/// The longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = 4;

/// True when `head` ends with an initial (`U.S`, `J`) or a title (`Mr`).
fn is_abbreviation(head: &[u8]) -> bool {
    let word = last_letters(head);
    (word.len() == 1 && word[0].is_ascii_uppercase())
        || (word.len() <= LONGEST_ABBREVIATION
            && ABBREVIATION_KEYS.contains(&abbreviation_key(word)))
}

/// The ASCII letters that end `head`, at most one more than
/// [`LONGEST_ABBREVIATION`] (enough to tell that a word is longer).
fn last_letters(head: &[u8]) -> &[u8] {
    let letters = head
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .take(LONGEST_ABBREVIATION + 1)
        .count();
    &head[head.len() - letters..]
}

/// A word of at most [`LONGEST_ABBREVIATION`] ASCII letters as a number,
/// lowercased: one number per word (no letter is a zero byte), so that
/// [`is_abbreviation`] compares numbers, not strings, at every full stop.
const fn abbreviation_key(word: &[u8]) -> u32 {
    let mut key = 0u32;
    let mut k = 0;
    while k < word.len() {
        key = key << 8 | word[k].to_ascii_lowercase() as u32;
        k += 1;
    }
    key
}

/// [`abbreviation_key`] of each of [`ABBREVIATIONS`].
const ABBREVIATION_KEYS: [u32; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut k = 0;
    while k < keys.len() {
        assert!(ABBREVIATIONS[k].len() <= LONGEST_ABBREVIATION);
        keys[k] = abbreviation_key(ABBREVIATIONS[k].as_bytes());
        k += 1;
    }
    keys
};

/// True for the bytes that may end a sentence (checked further by
/// [`ends_sentence_at`]).
fn may_end_sentence(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\n')
}

/// [`may_end_sentence`] of eight bytes at once: the high bit of each byte of
/// `x` (little-endian) that may end a sentence set, exactly.
#[inline]
fn sentence_mark_bits(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = ONES * 0x7F;
    // High bit set where a byte of `v` is zero; no carry crosses bytes.
    let zero = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
    zero(x ^ (ONES * u64::from(b'.')))
        | zero(x ^ (ONES * u64::from(b'!')))
        | zero(x ^ (ONES * u64::from(b'?')))
        | zero(x ^ (ONES * u64::from(b'\n')))
}

/// The eight bytes of `bytes` from `at`, little-endian, if there are eight.
#[inline]
fn eight(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    <[u8; 8]>::try_from(chunk).ok().map(u64::from_le_bytes)
}

/// Index of the first byte of `bytes` that may end a sentence: the search of
/// [`sentence_end`], eight bytes at a time.
fn first_sentence_mark(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(x) = eight(bytes, at) {
        let bits = sentence_mark_bits(x);
        if bits != 0 {
            return Some(at + (bits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let tail = bytes.get(at..)?;
    tail.iter()
        .position(|&b| may_end_sentence(b))
        .map(|k| at + k)
}

/// Index of the last byte of `bytes` that may end a sentence: the search of
/// [`sentence_start`], eight bytes at a time.
fn last_sentence_mark(bytes: &[u8]) -> Option<usize> {
    let mut end = bytes.len();
    while let Some(x) = end.checked_sub(8).and_then(|at| eight(bytes, at)) {
        let bits = sentence_mark_bits(x);
        if bits != 0 {
            return Some(end - 8 + (7 - bits.leading_zeros() / 8) as usize);
        }
        end -= 8;
    }
    bytes.get(..end)?.iter().rposition(|&b| may_end_sentence(b))
}

/// Start of the sentence holding `pos`: its first non-space character after
/// the last sentence end (see [`ends_sentence_at`]) before `pos`.
pub(crate) fn sentence_start(text: &str, pos: usize) -> usize {
    sentence_start_from(text, pos, 0)
}

/// `sentence_start(text, pos).max(floor)`, for a `floor` on a `char`
/// boundary, without searching for sentence ends before `floor` (but for
/// the spaces and quotation marks right before it): the sentence of a
/// speaker after a quote (`"...," she said`) is read from the end of the
/// quote on, and quotes are long.
pub(crate) fn sentence_start_from(text: &str, pos: usize, floor: usize) -> usize {
    let pos = floor_boundary(text, pos);
    if floor >= pos {
        return floor;
    }
    let reach = ceil_boundary(text, pos.saturating_sub(MAX_SENTENCE_BYTES));
    // The last sentence end in `from..to`.
    let last_end = |from: usize, mut to: usize| loop {
        // A tight search for candidate bytes; the full test only on those.
        match last_sentence_mark(&text.as_bytes()[from..to]) {
            Some(i) if ends_sentence_at(text, from + i) => return Some(from + i),
            Some(i) => to = from + i,
            None => return None,
        }
    };
    // The sentence starts at its first word, not at the space or closing
    // quotation mark before it.
    let first_word = |from: usize| pos - text[from..pos].trim_start_matches(leads_sentence).len();
    if floor <= reach {
        return first_word(last_end(reach, pos).map_or(reach, |i| i + 1)).max(floor);
    }
    if let Some(i) = last_end(floor, pos) {
        return first_word(i + 1);
    }
    // The sentence starts by `floor`. Its first word lies before `floor`
    // unless only spaces and quotation marks come between its start and
    // `floor`: unless a sentence ends right before those (or the reach of
    // the search does).
    let lead = reach + text[reach..floor].trim_end_matches(leads_sentence).len();
    if lead == reach || last_end(lead - 1, floor).is_some() {
        first_word(floor)
    } else {
        floor
    }
}

/// True for what may come between a sentence end and its first word:
/// spaces and closing quotation marks.
fn leads_sentence(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '\u{201D}')
}

/// End of the sentence holding `pos`: the first sentence end (see
/// [`ends_sentence_at`]) from `pos` on, but no further than `limit` (nor the
/// end of the text), which is returned when no end comes first.
pub(crate) fn sentence_end(text: &str, pos: usize, limit: usize) -> usize {
    let pos = floor_boundary(text, pos);
    let limit = floor_boundary(text, limit.min(pos.saturating_add(MAX_SENTENCE_BYTES))).max(pos);
    let bytes = &text.as_bytes()[..limit];
    let mut from = pos;
    loop {
        match first_sentence_mark(&bytes[from..]) {
            Some(k) if ends_sentence_at(text, from + k) => return from + k,
            Some(k) => from += k + 1,
            None => return limit,
        }
    }
}

/// Span of `text[span]` without surrounding whitespace, quotation marks and
/// trailing punctuation (`"No comment," ` -> `No comment`).
pub(crate) fn trim_content(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    // What is trimmed is a few quotation marks and stops, mostly ASCII:
    // bytes first, and from a non-ASCII one on the trims by characters.
    // (`from` and `to` stand next to ASCII bytes: `char` boundaries.)
    let bytes = s.as_bytes();
    let mut from = 0;
    while bytes
        .get(from)
        .is_some_and(|&b| b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'\'')
    {
        from += 1;
    }
    if bytes.get(from).is_some_and(|b| !b.is_ascii()) {
        from = s.len() - s[from..].trim_start_matches(content_junk).len();
    }
    let mut to = bytes.len();
    while to > from && bytes[to - 1].is_ascii() && !bytes[to - 1].is_ascii_alphanumeric() {
        to -= 1;
    }
    if to > from && !bytes[to - 1].is_ascii() {
        to = from
            + s[from..to]
                .trim_end_matches(|c: char| content_junk(c) || is_apostrophe(c))
                .len();
    }
    Span::new(span.start + from, span.start + to)
}

/// What [`trim_content`] trims from the start of a content: spaces and
/// anything but word characters and apostrophes.
fn content_junk(c: char) -> bool {
    c.is_whitespace() || (!is_word_char(c) && !is_apostrophe(c))
}

/// [`trim_content`] as it was before its ASCII fast path: the reference of
/// its tests.
#[cfg(test)]
fn trim_content_by_chars(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let trimmed_start = s.trim_start_matches(content_junk);
    let start = span.start + (s.len() - trimmed_start.len());
    let trimmed = trimmed_start.trim_end_matches(|c: char| content_junk(c) || is_apostrophe(c));
    Span::new(start, start + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        clause_words(text, 0, text.len())
            .map_while(|t| match t {
                Token::Word(w) => Some(w.as_str(text)),
                Token::Stop => None,
            })
            .collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_stop_at_commas() {
        assert_eq!(
            words("didn’t deny the US's \"claim\", said"),
            ["didn’t", "deny", "the", "US's", "claim"]
        );
        assert_eq!(
            words("the Conservatives' plan"),
            ["the", "Conservatives'", "plan"]
        );
    }

    #[test]
    fn stems_drop_possessives() {
        let text = "Smith’s";
        let w = next_word(text, 0).expect("word");
        assert_eq!(w.stem(text), "Smith");
    }

    #[test]
    fn neighbours() {
        let text = "he did  not deny";
        assert_eq!(next_word(text, 6).map(|w| w.as_str(text)), Some("not"));
        assert_eq!(prev_word(text, 12).map(|w| w.as_str(text)), Some("not"));
        assert_eq!(prev_word(text, 0), None);
    }

    #[test]
    fn sentences() {
        let text = "One. Two said it. Three";
        assert_eq!(sentence_end("the U.S. said 2.5 times.", 0, 99), 23);
        assert_eq!(sentence_end("the U.S. said 2.5 times.", 0, 12), 12);
        assert_eq!(sentence_start("He said \"no.\" Then", 18), 14);
        assert_eq!(sentence_start(text, 9), 5);
        assert_eq!(sentence_end(text, 9, text.len()), 16);
        assert_eq!(sentence_start(text, 2), 0);
        assert_eq!(sentence_end(text, 20, text.len()), text.len());
    }

    #[test]
    fn sentence_starts_from_a_floor_as_clamped_ones() {
        let texts = [
            "\"We won.\" She said. \"No,\" he said, \u{201C}it is.\u{201D}  Then x",
            "A U.S. aide. \n \"Fine\"\n said Mr. Smith! ... é? \" \u{201D} ok",
            "no ends at all here, \"just quotes\" and words",
        ];
        for text in texts {
            let bounds = (0..=text.len()).filter(|&i| text.is_char_boundary(i));
            for pos in bounds.clone() {
                for floor in bounds.clone().filter(|&f| f <= pos + 2) {
                    assert_eq!(
                        sentence_start_from(text, pos, floor),
                        sentence_start(text, pos).max(floor),
                        "{text:?} at {pos} from {floor}"
                    );
                }
            }
        }
        // Sentences longer than the search reaches.
        let long = format!(
            "Start. {}. \"  \" {} end",
            "a \" ".repeat(700),
            "b ".repeat(900)
        );
        for pos in (0..long.len()).step_by(61) {
            for floor in (0..=pos).step_by(37) {
                assert_eq!(
                    sentence_start_from(&long, pos, floor),
                    sentence_start(&long, pos).max(floor),
                    "at {pos} from {floor}"
                );
            }
        }
    }

    #[test]
    fn sentence_marks_eight_at_a_time() {
        let text = b"ab.cd!ef?gh\nij... x.y U.S. 3.5!?\n\nend";
        for from in 0..text.len() {
            for to in from..=text.len() {
                let part = &text[from..to];
                let naive_first = part.iter().position(|&b| may_end_sentence(b));
                let naive_last = part.iter().rposition(|&b| may_end_sentence(b));
                assert_eq!(first_sentence_mark(part), naive_first);
                assert_eq!(last_sentence_mark(part), naive_last);
            }
        }
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'a', b'.', 0, b'!', 0x8A, b'?', b'\n', 0xAE];
                bytes[lane] = b;
                let bits = sentence_mark_bits(u64::from_le_bytes(bytes));
                for (k, &byte) in bytes.iter().enumerate() {
                    assert_eq!(bits >> (8 * k + 7) & 1 == 1, may_end_sentence(byte));
                }
            }
        }
        assert!(ABBREVIATIONS
            .iter()
            .all(|a| a.len() <= LONGEST_ABBREVIATION));
    }

    #[test]
    fn abbreviations_by_key_are_abbreviations_by_name() {
        // Every word of one or two letters, of three lowercase ones, and
        // each title in every case, with a letter before or after it, and
        // cut short.
        let alphabet: Vec<u8> = (b'a'..=b'z').chain(b'A'..=b'Z').collect();
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for &a in &alphabet {
            words.push(vec![a]);
            for &b in &alphabet {
                words.push(vec![a, b]);
                for c in b'a'..=b'z' {
                    if a.is_ascii_lowercase() && b.is_ascii_lowercase() {
                        words.push(vec![a, b, c]);
                    }
                }
            }
        }
        for title in ABBREVIATIONS {
            let title = title.as_bytes();
            for case in 0..1u32 << title.len() {
                let cased: Vec<u8> = title
                    .iter()
                    .enumerate()
                    .map(|(k, b)| {
                        if case >> k & 1 == 1 {
                            b.to_ascii_uppercase()
                        } else {
                            *b
                        }
                    })
                    .collect();
                for &extra in &alphabet {
                    words.push([&cased[..], &[extra]].concat());
                    words.push([&[extra][..], &cased[..]].concat());
                }
                words.push(cased[..cased.len() - 1].to_vec());
                words.push(cased);
            }
        }
        let by_name = |head: &[u8]| {
            let word = last_letters(head);
            (word.len() == 1 && word[0].is_ascii_uppercase())
                || (word.len() <= LONGEST_ABBREVIATION
                    && ABBREVIATIONS
                        .iter()
                        .any(|a| a.as_bytes().eq_ignore_ascii_case(word)))
        };
        let mut titles = 0;
        for word in &words {
            for before in [&b""[..], b" ", b"U.", b"x"] {
                let head = [before, &word[..]].concat();
                assert_eq!(is_abbreviation(&head), by_name(&head), "{head:?}");
                titles += usize::from(is_abbreviation(&head));
            }
        }
        assert!(titles > ABBREVIATIONS.len());
    }

    #[test]
    fn boundaries() {
        assert!(on_word_boundaries("a deny b", 2, 6));
        assert!(!on_word_boundaries("undeny", 2, 6));
        assert!(on_word_boundaries("“deny”", 3, 7));
        assert!(!on_word_boundaries("é", 1, 2));
    }

    #[test]
    fn sanitize_clamps_and_swaps() {
        assert_eq!(sanitize("aé", Span::new(9, 2)), Span::new(1, 3));
    }

    proptest::proptest! {
        /// The byte loops of `trim_content` against its reference by
        /// characters, on text made of what it trims and what it keeps.
        #[test]
        fn content_trim_by_bytes_is_content_trim_by_chars(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "\"", "'", "\u{2019}", "\u{201C}", "\u{201D}", ",", ".", "a", "Z", "7",
                    "é", "\u{00A0}", "\n", "-", "\u{2014}", "日",
                ]),
                0..10,
            ),
            from in 0usize..4,
            to in 0usize..4,
        ) {
            let text = parts.concat();
            let end = floor_boundary(&text, text.len().saturating_sub(to));
            let start = floor_boundary(&text, from.min(end));
            let span = Span::new(start, end);
            proptest::prop_assert_eq!(trim_content(&text, span), trim_content_by_chars(&text, span));
        }
    }

    #[test]
    fn content_trim() {
        let text = " \"No comment,\" ";
        assert_eq!(
            trim_content(text, Span::new(0, text.len())).slice(text),
            "No comment"
        );
    }
}
