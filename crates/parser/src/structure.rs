//! Stage 1: text -> document structure (paragraphs, quotation spans, word
//! tokens, sentences).
//!
//! Quotations are found per paragraph with a small state machine rather than
//! a grammar: real news text has unbalanced marks, apostrophes that look like
//! closing single quotes, and quotes that run over paragraphs, and the scanner
//! must recover from all of them without ever swallowing the rest of the
//! article. A quote therefore never crosses a paragraph break; a quote that
//! runs on is a chain of pieces ([`Quote::continues`]).

use crate::dateline::dateline;
use crate::lexicon::Lexicon;
use crate::span::Span;
use crate::words::{is_in, DETERMINERS, SUBJECT_PRONOUNS};

/// A quotation span, marks included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark (or the paragraph's end).
    pub span: Span,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// True when this unclosed quote runs on into the next paragraph's quote.
    pub continues: bool,
    /// Number of words inside, counted up to [`Quote::WORDS_COUNTED`]: the
    /// rules ask only whether a quotation holds one, two or three words, and
    /// counting on would read every quotation to its end.
    pub words: usize,
    /// True when the quoted text ends with `.`, `!`, `?` or `…` (inside the marks).
    pub ends_sentence: bool,
}

impl Quote {
    /// The most words that [`Quote::words`] counts.
    pub const WORDS_COUNTED: usize = 3;
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word (letters, digits, inner apostrophes and hyphens, `U.S.`).
    Word,
    /// One punctuation character (a stray quotation mark included).
    Punct,
    /// A whole quotation, by index into [`Document::quotes`] (a `u32`,
    /// which keeps a token at 24 bytes instead of 32: the tokenizer writes
    /// one per word).
    Quote(u32),
}

/// A quotation's index as a [`TokenKind::Quote`] holds it. An article would
/// need over 8 GB of text to hold more quotations than a `u32` counts; the
/// readers refuse far smaller ones, so saturating never happens in practice.
fn quote_index(q: usize) -> u32 {
    u32::try_from(q).unwrap_or(u32::MAX)
}

/// A token of the article outside quotations; a quotation is one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it stands.
    pub span: Span,
    /// Word, punctuation or quotation.
    pub kind: TokenKind,
}

/// A sentence: a run of tokens within one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Index of its first token in [`Document::tokens`].
    pub first: usize,
    /// One past the index of its last token.
    pub end: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// The structure of one article.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The article as given.
    pub text: &'a str,
    /// Paragraph spans (non-empty lines), in order.
    pub paragraphs: Vec<Span>,
    /// Quotation spans, in order.
    pub quotes: Vec<Quote>,
    /// All tokens, in order.
    pub tokens: Vec<Token>,
    /// All sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Indices (into [`Document::tokens`]) of the word tokens that start with
    /// a capital letter, in order: the candidates for names, which the later
    /// stages look for again and again (surnames, organisations, acronyms),
    /// so that they need not walk every token to find them.
    pub capitals: Vec<usize>,
}

/// The vectors of a [`Document`], for the next article's parse (which
/// empties them first).
///
/// A thread that parses article after article (see [`crate::extract_claims`])
/// keeps them, so that it allocates, grows and frees them once rather than
/// once per article: allocation was a tenth of all the work.
#[derive(Debug, Default)]
pub(crate) struct DocumentBuffers {
    paragraphs: Vec<Span>,
    quotes: Vec<Quote>,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    capitals: Vec<usize>,
}

impl<'a> Document<'a> {
    /// Splits `text` into paragraphs, quotations, tokens and sentences.
    pub fn parse(text: &'a str) -> Document<'a> {
        Document::parse_into(text, DocumentBuffers::default())
    }

    /// [`Document::parse`] into the (emptied) vectors of an earlier parse.
    // Out of line, as each stage's entry is, so that profiles (and
    // scripts/bench-instructions.sh) see the stage whatever the compiler
    // inlines: one call per article.
    #[inline(never)]
    pub(crate) fn parse_into(text: &'a str, buffers: DocumentBuffers) -> Document<'a> {
        let DocumentBuffers {
            mut paragraphs,
            mut quotes,
            mut tokens,
            mut sentences,
            mut capitals,
        } = buffers;
        // Emptied here, the one place they are filled: whatever an earlier
        // use left in them (a parse cut short by a panic) cannot leak in.
        paragraphs.clear();
        quotes.clear();
        tokens.clear();
        sentences.clear();
        capitals.clear();
        let body = dateline(text);
        find_paragraphs(text, body, &mut paragraphs);
        // Sized from the text (news runs about six bytes a token, twenty
        // tokens a sentence, a quotation or two a paragraph) so that the
        // vectors seldom grow and copy.
        quotes.reserve(text.len() / 256 + 4);
        tokens.reserve(text.len() / 5 + 8);
        sentences.reserve(text.len() / 100 + 4);
        capitals.reserve(text.len() / 40 + 4);
        let mut marks = MarkFinder::default();
        for (p, &para) in paragraphs.iter().enumerate() {
            let first_quote = quotes.len();
            scan_quotes(text, para, &mut marks, &mut quotes);
            let runs_on = paragraphs
                .get(p + 1)
                .is_some_and(|next| opens_with_quote_mark(next.slice(text)));
            if !runs_on {
                recover_unclosed(text, &mut quotes[first_quote..]);
            }
            let first_token = tokens.len();
            tokenize(
                text,
                para,
                (&quotes[first_quote..], first_quote),
                &mut tokens,
                &mut capitals,
            );
            split_sentences(text, &quotes, &tokens, first_token, p, &mut sentences);
        }
        mark_continuations(&paragraphs, &mut quotes);
        Document {
            text,
            paragraphs,
            quotes,
            tokens,
            sentences,
            capitals,
        }
    }

    /// Its vectors, for [`Document::parse_into`].
    pub(crate) fn into_buffers(self) -> DocumentBuffers {
        DocumentBuffers {
            paragraphs: self.paragraphs,
            quotes: self.quotes,
            tokens: self.tokens,
            sentences: self.sentences,
            capitals: self.capitals,
        }
    }

    /// The capitalised word tokens (see [`Document::capitals`]) whose index
    /// lies in `tokens`, in order.
    pub fn capitals_in(&self, tokens: std::ops::Range<usize>) -> &[usize] {
        let from = self.capitals.partition_point(|&k| k < tokens.start);
        let to = self.capitals.partition_point(|&k| k < tokens.end);
        self.capitals.get(from..to).unwrap_or(&[])
    }

    /// The text of a token.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map(|t| t.span.slice(self.text))
            .unwrap_or("")
    }
}

/// Appends the non-empty lines of `text` from `start`, trimmed of
/// surrounding whitespace, to `out`.
fn find_paragraphs(text: &str, start: usize, out: &mut Vec<Span>) {
    // Sized from the text (news runs a few hundred bytes a paragraph) so
    // that the vector seldom grows.
    out.reserve(text.len() / 128 + 4);
    let mut line_start = start;
    // Line breaks are ASCII, so a byte search cannot split a character.
    for i in memchr::memchr2_iter(b'\n', b'\r', &text.as_bytes()[start..]) {
        push_trimmed(text, Span::new(line_start, start + i), out);
        line_start = start + i + 1;
    }
    push_trimmed(text, Span::new(line_start, text.len()), out);
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    // A byte-order mark from a Windows editor is not part of the text.
    let blank = |c: char| c.is_whitespace() || c == '\u{feff}';
    // Most lines start and end with a visible ASCII character: no trimming
    // to do, and no characters to decode.
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_graphic());
    let s = span.slice(text);
    let lead = if visible(s.as_bytes().first()) {
        0
    } else {
        s.len() - s.trim_start_matches(blank).len()
    };
    let trail = if visible(s.as_bytes().last()) {
        0
    } else {
        s.len() - s.trim_end_matches(blank).len()
    };
    if lead + trail < s.len() {
        out.push(Span::new(span.start + lead, span.end - trail));
    }
}

/// How a quotation mark can act at its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Opens a double quotation (`“`, `„`, `«`, `‘‘`, or `"` before a word).
    OpenDouble,
    /// Closes a double quotation (`”`, `»`, `’’`, or `"` after a word).
    CloseDouble,
    /// A single mark at the start of a word (`‘` or `'`): may open a quotation.
    OpenSingle,
    /// A single mark not followed by a letter: may close a single quotation.
    CloseSingle,
}

/// Classifies the mark at byte `i` of `text`; returns it with its length.
fn mark_at(text: &str, i: usize) -> Option<(Mark, usize)> {
    let rest = &text[i..];
    // An apostrophe between ASCII letters or digits (`Iran's`, `don’t`), the
    // commonest mark of all, can neither open nor close: decided without
    // decoding the characters around it.
    let apostrophe = match rest.as_bytes() {
        [b'\'', ..] => Some(1),
        [0xE2, 0x80, 0x99, ..] => Some(3),
        _ => None,
    };
    let bytes = text.as_bytes();
    if let Some(n) = apostrophe {
        let alnum = |j: Option<usize>| {
            j.and_then(|j| bytes.get(j))
                .is_some_and(u8::is_ascii_alphanumeric)
        };
        if alnum(i.checked_sub(1)) && alnum(Some(i + n)) {
            return None;
        }
    }
    let c = rest.chars().next()?;
    let prev = char_before(text, i);
    let next_of = |n: usize| rest[n..].chars().next();
    let opens_before = |p: Option<char>| {
        p.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
        })
    };
    if rest.starts_with("‘‘") || (rest.starts_with("''") && opens_before(prev)) {
        return Some((Mark::OpenDouble, 2 * c.len_utf8()));
    }
    if rest.starts_with("’’") || rest.starts_with("''") {
        return Some((Mark::CloseDouble, 2 * c.len_utf8()));
    }
    let n = c.len_utf8();
    match c {
        '“' | '„' | '«' | '‟' => Some((Mark::OpenDouble, n)),
        '”' | '»' => Some((Mark::CloseDouble, n)),
        '"' => {
            let next = next_of(n);
            if opens_before(prev) && next.is_some_and(|c| !c.is_whitespace()) {
                Some((Mark::OpenDouble, n))
            } else {
                Some((Mark::CloseDouble, n))
            }
        }
        '‘' | '\'' | '’' => {
            let next = next_of(n);
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            let prev_alnum = prev.is_some_and(char::is_alphanumeric);
            // `'90s` is an elision, not an opening mark.
            let next_alpha = next.is_some_and(char::is_alphabetic);
            if !prev_alnum && opens_before(prev) && next_alpha && c != '’' {
                Some((Mark::OpenSingle, n))
            } else if !next_alnum && prev.is_some_and(|p| !p.is_whitespace()) {
                Some((Mark::CloseSingle, n))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The character that ends just before byte `i` of `text`, if any; an ASCII
/// byte (the usual case) is read without decoding backwards.
fn char_before(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i.checked_sub(1)?) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(..i)?.chars().next_back(),
    }
}

/// Finds the bytes that can start a quotation mark: `"`, `'`, the lead byte
/// of `“ ” ‘ ’ „ ‟ ‹ ›` (0xE2) and that of `« »` (0xC2, rare: also the no-break
/// space and `£`, so searched for apart from the other three).
///
/// Each search runs to the end of the article, not of the paragraph, and its
/// result is kept until the scan passes it: the searches then number one per
/// mark and one per article, rather than one more per paragraph (most
/// paragraphs hold no mark, or end well past their last).
#[derive(Default)]
struct MarkFinder {
    /// The first `"`, `'` or 0xE2 byte at or after where it was last sought
    /// (the text's length if none), and where that was.
    common: Option<(usize, usize)>,
    /// The same for the 0xC2 byte.
    rare: Option<(usize, usize)>,
}

impl MarkFinder {
    /// The first byte at or after `i` of `bytes` (the whole article, the same
    /// at every call) that can start a mark, if any.
    fn next(&mut self, bytes: &[u8], i: usize) -> Option<usize> {
        // A kept result answers for every `i` from where it was sought up to
        // itself: no candidate lies between.
        let fresh = |kept: Option<(usize, usize)>| kept.filter(|&(from, at)| from <= i && i <= at);
        let rest = bytes.get(i..).unwrap_or(&[]);
        let common = match fresh(self.common) {
            Some((_, at)) => at,
            None => i + memchr::memchr3(b'"', b'\'', 0xE2, rest).unwrap_or(rest.len()),
        };
        let rare = match fresh(self.rare) {
            Some((_, at)) => at,
            None => i + memchr::memchr(0xC2, rest).unwrap_or(rest.len()),
        };
        self.common = Some((i, common));
        self.rare = Some((i, rare));
        Some(common.min(rare)).filter(|&at| at < bytes.len())
    }
}

/// Finds the quotations of one paragraph and appends them to `out`.
fn scan_quotes(text: &str, para: Span, marks: &mut MarkFinder, out: &mut Vec<Quote>) {
    #[derive(Clone, Copy)]
    enum State {
        Out,
        InDouble(usize),
        InSingle(usize),
    }
    let mut state = State::Out;
    let mut i = para.start;
    let end = para.end;
    while i < end {
        // Jump to the next byte that can start a quotation mark.
        match marks.next(text.as_bytes(), i) {
            Some(at) if at < end => i = at,
            _ => break,
        }
        let Some(c) = text[i..end].chars().next() else {
            break;
        };
        let Some((mark, len)) = mark_at(&text[..end], i) else {
            i += c.len_utf8();
            continue;
        };
        match (state, mark) {
            (State::Out, Mark::OpenDouble) => state = State::InDouble(i),
            (State::Out, Mark::OpenSingle) if has_single_closer(text, i + len, end) => {
                state = State::InSingle(i);
            }
            (State::InDouble(s), Mark::CloseDouble) => {
                push_quote(text, Span::new(s, i + len), true, out);
                state = State::Out;
            }
            (State::InDouble(s), Mark::OpenDouble) => {
                // An opening mark while open: the earlier quote was never
                // closed. End it here rather than lose what follows.
                push_quote(text, Span::new(s, i), false, out);
                state = State::InDouble(i);
            }
            (State::InSingle(s), Mark::CloseSingle) => {
                push_quote(text, Span::new(s, i + len), true, out);
                state = State::Out;
            }
            (State::InSingle(s), Mark::OpenDouble) => {
                push_quote(text, Span::new(s, i), false, out);
                state = State::InDouble(i);
            }
            _ => {}
        }
        i += len;
    }
    if let State::InDouble(s) | State::InSingle(s) = state {
        push_quote(text, Span::new(s, end), false, out);
    }
}

/// True when a mark that can close a single quotation follows in the paragraph.
fn has_single_closer(text: &str, from: usize, end: usize) -> bool {
    let mut i = from;
    while i < end {
        let Some(c) = text[i..end].chars().next() else {
            return false;
        };
        if matches!(c, '’' | '\'') {
            if let Some((Mark::CloseSingle, _)) = mark_at(&text[..end], i) {
                return true;
            }
        }
        if matches!(c, '“' | '"' | '”') {
            return false;
        }
        i += c.len_utf8();
    }
    false
}

fn push_quote(text: &str, span: Span, closed: bool, out: &mut Vec<Quote>) {
    let s = span.slice(text).trim_end();
    let span = Span::new(span.start, span.start + s.len());
    if span.is_empty() {
        return;
    }
    let inner = s
        .trim_end_matches(['"', '”', '’', '\'', '»', '›'])
        .trim_end();
    let words = word_count_up_to(s, Quote::WORDS_COUNTED);
    if words == 0 {
        return;
    }
    out.push(Quote {
        span,
        closed,
        continues: false,
        words,
        ends_sentence: inner.ends_with(['.', '!', '?', '…']),
    });
}

/// The number of runs of letters and digits in `s` (the words of a
/// quotation), or `cap` if there are more: the count stops there, so that a
/// long quotation is read only as far as its first few words. Reads ASCII
/// bytes by table and decodes only other characters, since quotations make
/// up a good part of every article.
fn word_count_up_to(s: &str, cap: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while words < cap {
        // Eight ASCII bytes at once: a word starts at each letter or digit
        // whose byte before is neither.
        if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            let x = u64::from_le_bytes(*chunk);
            if x & HIGH_BITS == 0 {
                let alnum = ascii_alphanumeric_mask(x) >> 7;
                let starts = alnum & !((alnum << 8) | u64::from(in_word));
                // One bit per byte: the product's top byte is their sum.
                words += (starts.wrapping_mul(ONE_BYTES) >> 56) as usize;
                in_word = alnum >> 56 != 0;
                i += 8;
                continue;
            }
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let (alphanumeric, len) = if b.is_ascii() {
            (ASCII_ALPHANUMERIC[usize::from(b)], 1)
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_alphanumeric(), c.len_utf8()),
                None => (false, 1),
            }
        };
        words += usize::from(alphanumeric && !in_word);
        in_word = alphanumeric;
        i += len;
    }
    // Eight bytes at once can pass the cap.
    words.min(cap)
}

/// True when a paragraph opens with a quotation mark (a quote running on).
fn opens_with_quote_mark(paragraph: &str) -> bool {
    paragraph.starts_with(['"', '“', '‘', '\'', '«', '„'])
}

/// Closes an unclosed quotation (one that does not run on into the next
/// paragraph) at its own attribution, when one follows a comma inside it:
/// `"We are working to recover the fish, said farm manager Hilde Strand.
/// Environmental groups ...`. A missing closing mark must not turn the rest
/// of the paragraph into quoted speech.
fn recover_unclosed(text: &str, quotes: &mut [Quote]) {
    let lx = Lexicon::get();
    for quote in quotes.iter_mut().filter(|q| !q.closed) {
        let body = quote.span.slice(text);
        let mut from = 0;
        while let Some(off) = body[from..].find(", ") {
            let comma = from + off;
            from = comma + 2;
            // Up to four capitalised words (or a pronoun), then a cue.
            let mut at = quote.span.start + comma + 2;
            for _ in 0..5 {
                let rest = &text[at..quote.span.end];
                let word_len = rest
                    .find(|c: char| {
                        !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '.')
                    })
                    .unwrap_or(rest.len());
                let word = rest[..word_len].trim_end_matches('.');
                if word.is_empty() {
                    break;
                }
                if lx.cue_at(text, Span::new(at, at + word.len())).is_some() {
                    let end = quote.span.start + comma + 1;
                    let closed_part = Span::new(quote.span.start, end).slice(text);
                    quote.span = Span::new(quote.span.start, end);
                    quote.words = word_count_up_to(closed_part, Quote::WORDS_COUNTED);
                    quote.ends_sentence = false;
                    break;
                }
                let speakerish = word.starts_with(char::is_uppercase)
                    || matches!(word, "he" | "she" | "they" | "it" | "we");
                if !speakerish {
                    break;
                }
                at += word_len;
                at += text[at..quote.span.end].len() - text[at..quote.span.end].trim_start().len();
            }
            if quote.span.end == quote.span.start + comma + 1 {
                break;
            }
        }
    }
}

/// Marks each unclosed quote that ends its paragraph and whose next paragraph
/// opens with a quotation: the convention for a quote that runs on.
fn mark_continuations(paragraphs: &[Span], quotes: &mut [Quote]) {
    for k in 0..quotes.len() {
        if quotes[k].closed {
            continue;
        }
        // Paragraphs are in order and apart: the only one that can hold the
        // quote is the first that ends at or after it (a binary search, so
        // that a long article is not a scan of all paragraphs per quote).
        let span = quotes[k].span;
        let p = paragraphs.partition_point(|p| p.end < span.end);
        if !paragraphs.get(p).is_some_and(|para| para.contains(span)) {
            continue;
        }
        if quotes[k].span.end != paragraphs[p].end {
            continue;
        }
        if let (Some(next_para), Some(next)) = (paragraphs.get(p + 1), quotes.get(k + 1)) {
            if next.span.start == next_para.start {
                quotes[k].continues = true;
            }
        }
    }
}

/// Splits one paragraph into tokens; quotations become single tokens.
/// `quotes` are the paragraph's quotations and the index of the first in the
/// document; the index of every capitalised word token goes to `capitals`.
fn tokenize(
    text: &str,
    para: Span,
    (quotes, first_quote): (&[Quote], usize),
    out: &mut Vec<Token>,
    capitals: &mut Vec<usize>,
) {
    let lx = Lexicon::get();
    // The paragraph's quotations are in order and apart: the text between
    // two is plain tokens, up to the next one's start (never past it).
    let mut i = para.start;
    for (q, quote) in quotes.iter().enumerate() {
        tokenize_plain(text, Span::new(i, quote.span.start), lx, out, capitals);
        out.push(Token {
            span: quote.span,
            kind: TokenKind::Quote(quote_index(first_quote + q)),
        });
        i = quote.span.end;
    }
    tokenize_plain(text, Span::new(i, para.end), lx, out, capitals);
}

/// What an ASCII byte can be to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// Space, tab, line break or form feed.
    Space,
    /// A lower-case letter or a digit: starts a word.
    Lower,
    /// An upper-case letter: starts a capitalised word.
    Upper,
    /// Any other ASCII byte: one punctuation token.
    Punct,
    /// The first or a later byte of a non-ASCII character.
    Other,
}

/// [`ByteClass`] of every byte, so that the tokenizer decides with one load.
static BYTE_CLASS: [ByteClass; 256] = {
    let mut table = [ByteClass::Other; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_whitespace() {
            ByteClass::Space
        } else if c.is_ascii_uppercase() {
            ByteClass::Upper
        } else if c.is_ascii_alphanumeric() {
            ByteClass::Lower
        } else {
            ByteClass::Punct
        };
        b += 1;
    }
    table
};

/// Tokens of the text in `span`, which holds no quotation.
fn tokenize_plain(
    text: &str,
    span: Span,
    lx: &Lexicon,
    out: &mut Vec<Token>,
    capitals: &mut Vec<usize>,
) {
    let limit = span.end;
    let bytes = text.as_bytes().get(..limit).unwrap_or(&[]);
    let mut i = span.start;
    while let Some(&b) = bytes.get(i) {
        // ASCII fast path: most of news text is ASCII.
        match BYTE_CLASS[usize::from(b)] {
            ByteClass::Space => i += 1,
            ByteClass::Lower | ByteClass::Upper => {
                i = push_ascii_words(text, i, limit, lx, out, capitals);
            }
            ByteClass::Punct => {
                out.push(Token {
                    span: Span::new(i, i + 1),
                    kind: TokenKind::Punct,
                });
                i += 1;
            }
            ByteClass::Other => {
                let Some(c) = text.get(i..limit).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                i = push_non_ascii(text, i, c, limit, lx, out, capitals);
            }
        }
    }
}

/// Pushes the word that starts with the ASCII letter or digit at `start`,
/// and the words after it while each is one space from the last and starts
/// with an ASCII letter or digit (the run that makes up most of a text);
/// returns where the next token may start.
fn push_ascii_words(
    text: &str,
    start: usize,
    limit: usize,
    lx: &Lexicon,
    out: &mut Vec<Token>,
    capitals: &mut Vec<usize>,
) -> usize {
    let bytes = text.as_bytes().get(..limit).unwrap_or(&[]);
    let mut i = start;
    // The class of the word's first byte, read once: it says both that a
    // word starts here and whether it is capitalised.
    let mut class = bytes.get(i).map_or(ByteClass::Other, |&b| byte_class(b));
    loop {
        let run_end = i + ascii_alphanumeric_run_from(bytes, i);
        // A space after the letters and digits (most words) ends the word
        // with no more to decide.
        let spaced = bytes.get(run_end) == Some(&b' ');
        let end = if spaced {
            run_end
        } else {
            word_end_after_run(text, i, run_end, limit, lx)
        };
        if class == ByteClass::Upper {
            capitals.push(out.len());
        }
        out.push(Token {
            span: Span::new(i, end),
            kind: TokenKind::Word,
        });
        // A word that went through the full rule (`Mr.`) may still be one
        // space from the next.
        if !spaced && bytes.get(end) != Some(&b' ') {
            return end;
        }
        // The space after a word, taken here rather than by a turn of the
        // tokenizer's loop.
        i = end + 1;
        class = bytes.get(i).map_or(ByteClass::Other, |&b| byte_class(b));
        if !matches!(class, ByteClass::Lower | ByteClass::Upper) {
            return i;
        }
    }
}

/// [`ByteClass`] of a byte, by table.
fn byte_class(b: u8) -> ByteClass {
    BYTE_CLASS[usize::from(b)]
}

/// [`word_end_after_run`] with the run found here: what the tests compare
/// with [`word_end`] (the tokenizer finds the run itself).
#[cfg(test)]
fn ascii_word_end(text: &str, start: usize, limit: usize, lx: &Lexicon) -> usize {
    let bytes = text.as_bytes().get(..limit).unwrap_or(&[]);
    let run_end = start + 1 + bytes.get(start + 1..).map_or(0, ascii_alphanumeric_run);
    word_end_after_run(text, start, run_end, limit, lx)
}

/// End of the word that starts with the ASCII letter or digit at `start`,
/// whose run of ASCII letters and digits is known to end at `run_end`.
/// Most words are ASCII letters or digits followed by a space or a plain
/// punctuation mark, or by a joining mark (`'`, `-`, `.`, `&`, `,`) that
/// nothing joins to: those end here; the others go through [`word_end`]'s
/// full rule, which this agrees with.
fn word_end_after_run(
    text: &str,
    start: usize,
    run_end: usize,
    limit: usize,
    lx: &Lexicon,
) -> usize {
    let bytes = text.as_bytes().get(..limit).unwrap_or(&[]);
    let j = run_end;
    let Some(&b) = bytes.get(j) else {
        return j;
    };
    if !b.is_ascii() {
        return word_end(text, start, limit, lx);
    }
    if !matches!(b, b'\'' | b'-' | b'.' | b'&' | b',') {
        return j;
    }
    // A joining mark joins only a letter or digit after it.
    let joins_next = bytes
        .get(j + 1)
        .is_some_and(|&n| !n.is_ascii() || ASCII_ALPHANUMERIC[usize::from(n)]);
    if joins_next {
        // A comma joins only digits ("1,000"): after a letter it ends the
        // word, as word_end would decide.
        if b == b',' && !bytes.get(j - 1).is_some_and(u8::is_ascii_digit) {
            return j;
        }
        return word_end(text, start, limit, lx);
    }
    if b == b'.' && run_takes_full_stop(text.get(start..j).unwrap_or(""), lx) {
        return j + 1;
    }
    j
}

/// [`takes_full_stop`] for a run of ASCII letters and digits (the word before
/// most full stops), which holds no dot and whose characters are its bytes:
/// only the lexicon is left to ask.
fn run_takes_full_stop(run: &str, lx: &Lexicon) -> bool {
    match run.as_bytes() {
        [c] if c.is_ascii_uppercase() => true,
        _ => lx.is_abbreviation(run),
    }
}

/// True when the word before a full stop keeps it (`U.S.`, an initial,
/// `Mr.`): the stop is then part of the word, not the end of a sentence.
fn takes_full_stop(word: &str, lx: &Lexicon) -> bool {
    let mut chars = word.chars();
    let single_letter = match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => false,
    };
    dotted_letters(word) || single_letter || lx.is_abbreviation(word)
}

/// True when a dot inside `word` follows a letter (`U.S`, `a.m`, `Ph.D`):
/// a dotted abbreviation, which keeps the full stop after it. A dot between
/// digits is a decimal point (`£1.3bn.`, `2.5.`): the stop after such a
/// word ends the sentence.
fn dotted_letters(word: &str) -> bool {
    word.as_bytes()
        .windows(2)
        .any(|pair| pair[1] == b'.' && pair[0].is_ascii_alphabetic())
}

/// Pushes the token that the non-ASCII character `c` at `i` starts (if it
/// starts one) and returns where the next token may start.
fn push_non_ascii(
    text: &str,
    i: usize,
    c: char,
    limit: usize,
    lx: &Lexicon,
    out: &mut Vec<Token>,
    capitals: &mut Vec<usize>,
) -> usize {
    // Zero-width and soft-hyphen characters from web copy act as spaces.
    if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}' | '\u{2060}') {
        return i + c.len_utf8();
    }
    if !c.is_alphanumeric() {
        out.push(Token {
            span: Span::new(i, i + c.len_utf8()),
            kind: TokenKind::Punct,
        });
        return i + c.len_utf8();
    }
    let end = word_end(text, i, limit, lx);
    if c.is_uppercase() {
        capitals.push(out.len());
    }
    out.push(Token {
        span: Span::new(i, end),
        kind: TokenKind::Word,
    });
    end
}

/// ASCII letters and digits, as a table: one load per byte where
/// `u8::is_ascii_alphanumeric` makes three range tests, in the loop that reads
/// most of the bytes of every article.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Length of the run of ASCII letters and digits that `bytes` starts with.
/// Reads eight bytes at a time (most words fit in one read), then the tail
/// byte by byte.
fn ascii_alphanumeric_run(bytes: &[u8]) -> usize {
    let mut rest = bytes;
    let mut n = 0;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        let others = !ascii_alphanumeric_mask(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if others != 0 {
            // Little-endian: the lowest set bit is the first such byte.
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
        rest = tail;
    }
    n + rest
        .iter()
        .position(|&b| !ASCII_ALPHANUMERIC[usize::from(b)])
        .unwrap_or(rest.len())
}

/// [`ascii_alphanumeric_run`] of `bytes[i..]` where `bytes[i]` is known to
/// be an ASCII letter or digit: the eight bytes from `i` are read as they
/// stand (most words end within them), without the loop's set-up.
fn ascii_alphanumeric_run_from(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        Some(chunk) => {
            let others = !ascii_alphanumeric_mask(u64::from_le_bytes(*chunk)) & HIGH_BITS;
            if others != 0 {
                (others.trailing_zeros() / 8) as usize
            } else {
                8 + bytes.get(i + 8..).map_or(0, ascii_alphanumeric_run)
            }
        }
        None => 1 + bytes.get(i + 1..).map_or(0, ascii_alphanumeric_run),
    }
}

/// `0x01` in every byte of a `u64`.
const ONE_BYTES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` set when that byte is an ASCII letter or
/// digit, all other bits clear: eight table look-ups in a dozen word
/// operations.
fn ascii_alphanumeric_mask(x: u64) -> u64 {
    // Bytes below 0x80 (high bit cleared), so that the adds below never carry
    // from one byte into the next.
    let low = x & !HIGH_BITS;
    // High bit set where the byte lies in `lo..=hi`.
    let in_range = |v: u64, lo: u8, hi: u8| {
        let at_least_lo = v.wrapping_add(ONE_BYTES * u64::from(0x80 - lo));
        let above_hi = v.wrapping_add(ONE_BYTES * u64::from(0x7f - hi));
        at_least_lo & !above_hi
    };
    // `| 0x20` folds upper case onto lower and nothing else onto `a..=z`.
    let letters = in_range(low | (ONE_BYTES * 0x20), b'a', b'z');
    let digits = in_range(low, b'0', b'9');
    (letters | digits) & !x & HIGH_BITS
}

/// End of the word that starts at `start`: letters and digits, joined by inner
/// apostrophes, hyphens, dots, ampersands and commas between digits; a final
/// dot for abbreviations (`Mr.`, `U.S.`, initials).
fn word_end(text: &str, start: usize, limit: usize, lx: &Lexicon) -> usize {
    let s = &text[start..limit];
    let bytes = s.as_bytes();
    let alnum_at = |j: usize| -> bool {
        match bytes.get(j) {
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            Some(_) => s[j..].chars().next().is_some_and(char::is_alphanumeric),
            None => false,
        }
    };
    // The same rule char by char, with ASCII letters and digits (most of
    // every word) taken in a tight loop.
    let mut j = 0;
    loop {
        j += ascii_alphanumeric_run(&bytes[j..]);
        let Some(&b) = bytes.get(j) else {
            break;
        };
        if b.is_ascii() {
            let joins = matches!(b, b'\'' | b'-' | b'.' | b'&')
                || (b == b','
                    && j > 0
                    && bytes[j - 1].is_ascii_digit()
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_digit));
            if joins && alnum_at(j + 1) {
                j += 1;
                continue;
            }
            break;
        }
        let Some(c) = s[j..].chars().next() else {
            break;
        };
        let n = c.len_utf8();
        if c.is_alphanumeric() || (matches!(c, '’' | '‑') && alnum_at(j + n)) {
            j += n;
        } else {
            break;
        }
    }
    let mut end = j;
    if s[end..].starts_with('.') && takes_full_stop(&s[..end], lx) {
        end += 1;
    }
    start + end
}

/// The most tokens a sentence may hold. The longest sentences of real news
/// run to about 120 words (some 160 tokens); text with no sentence ends at
/// all (a list, a scrape that lost its punctuation, hostile input) is cut
/// into pieces of this size, because the attribution rules look at a whole
/// sentence for every cue in it, which would be quadratic in its length.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Splits the tokens of one paragraph (from `first`) into sentences.
fn split_sentences(
    text: &str,
    quotes: &[Quote],
    tokens: &[Token],
    first: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let mut start = first;
    let mut i = first;
    while i < tokens.len() {
        // A word ends a sentence only at the paragraph's end or the length
        // cap: skip words up to the first token that may end one.
        let cap = (start + MAX_SENTENCE_TOKENS).min(tokens.len()) - 1;
        i += tokens.get(i..cap).map_or(0, |run| {
            run.iter()
                .position(|t| !matches!(t.kind, TokenKind::Word))
                .unwrap_or(run.len())
        });
        let next = tokens.get(i + 1);
        let ends = match tokens[i].kind {
            TokenKind::Punct => {
                let t = tokens[i].span.slice(text);
                matches!(t, "." | "!" | "?" | "…")
                    && !matches!(next, Some(n) if n.kind == TokenKind::Punct
                        && matches!(n.span.slice(text), "." | "!" | "?" | "…" | ")" | "\"" | "”" | "’"))
                    && next.is_none_or(|n| starts_sentence(text, n))
            }
            TokenKind::Quote(q) => {
                quotes.get(q as usize).is_some_and(|q| q.ends_sentence)
                    && next.is_some_and(|n| starts_sentence(text, n))
                    && !(quotes
                        .get(q as usize)
                        .is_some_and(|q| asks_or_exclaims(text, q))
                        && attribution_follows(text, tokens, i + 1))
            }
            TokenKind::Word => false,
        };
        if ends || next.is_none() || i + 1 - start >= MAX_SENTENCE_TOKENS {
            out.push(Sentence {
                first: start,
                end: i + 1,
                paragraph,
            });
            start = i + 1;
        }
        i += 1;
    }
}

/// True when a quotation ends with `?` or `!` inside its closing mark. Such a
/// quotation cannot end with the comma that leads to its attribution, so
/// `"Why?" she asked` looks like two sentences.
fn asks_or_exclaims(text: &str, quote: &Quote) -> bool {
    quote
        .span
        .slice(text)
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '?' | '!'))
        .ends_with(['?', '!'])
}

/// True when the tokens from `k` attribute the quotation before them:
/// `"Are there prizes?" Lincicome asked`, `"We won!" she said`. A subject
/// pronoun, or one to four capitalised words, then an attribution verb: the
/// quotation's `?` or `!` does not end the sentence.
fn attribution_follows(text: &str, tokens: &[Token], k: usize) -> bool {
    let lx = Lexicon::get();
    let word = |j: usize| {
        tokens
            .get(j)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.slice(text))
    };
    let Some(first) = word(k) else {
        return false;
    };
    // `"Why?" Doctorow said the only objection ...`: the verb takes a clause
    // of its own, and the quotation stays a sentence apart.
    let clause_follows = |j: usize| {
        word(j).is_some_and(|w| {
            DETERMINERS.contains(w) || SUBJECT_PRONOUNS.contains(w) || is_in(&["that", "there"], w)
        })
    };
    if SUBJECT_PRONOUNS.contains(first) {
        return word(k + 1).is_some_and(|w| lx.is_attribution_verb(w)) && !clause_follows(k + 2);
    }
    let mut j = k;
    while j < k + 4 && word(j).is_some_and(|w| w.starts_with(char::is_uppercase)) {
        j += 1;
    }
    j > k && word(j).is_some_and(|w| lx.is_attribution_verb(w)) && !clause_follows(j + 1)
}

/// True when a token can begin a sentence: a capital, a digit or a quotation.
fn starts_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Quote(_) => true,
        TokenKind::Word => t
            .span
            .slice(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        TokenKind::Punct => matches!(t.span.slice(text), "(" | "[" | "—" | "–"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes_of(text: &str) -> Vec<&str> {
        Document::parse(text)
            .quotes
            .iter()
            .map(|q| q.span.slice(text))
            .collect()
    }

    #[test]
    fn ascii_word_end_agrees_with_word_end() {
        let lx = Lexicon::get();
        for t in [
            "Mr. Smith met U.S. officials on Jan. 5, at 3.5 p.m. in St. Louis.",
            "It's 1,000 co-op's A&P-run, rock-'n'-roll, 2,5, a,b x- y' z.",
            "He said: 'no.' J. Doe, the players’ union, naïve‑ish café.",
            "end.",
            "Inc.\"",
            "A.",
            "ab.c",
        ] {
            for (i, b) in t.bytes().enumerate() {
                if b.is_ascii_alphanumeric() {
                    for limit in i + 1..=t.len() {
                        if t.is_char_boundary(limit) {
                            assert_eq!(
                                ascii_word_end(t, i, limit, lx),
                                word_end(t, i, limit, lx),
                                "{t:?} at {i} up to {limit}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn full_stops_kept_by_initials_abbreviations_and_dotted_words() {
        let lx = Lexicon::get();
        for w in ["J", "Mr", "Jan", "U.S", "É"] {
            assert!(takes_full_stop(w, lx), "{w}");
        }
        for w in ["j", "Smith", "5", "", "AB", "1.3bn", "2.5", "v1.2"] {
            assert!(!takes_full_stop(w, lx), "{w}");
        }
        for w in ["a.m", "Ph.D", "e.g"] {
            assert!(takes_full_stop(w, lx), "{w}");
        }
        for w in [
            "J", "Mr", "Jan", "j", "Smith", "5", "AB", "said", "Gov", "etc",
        ] {
            assert_eq!(run_takes_full_stop(w, lx), takes_full_stop(w, lx), "{w}");
        }
    }

    #[test]
    fn ascii_words_run_until_a_word_is_not_one_space_from_the_last() {
        let t = "Mr. Smith met U.S. officials, then  left";
        let (mut out, mut capitals) = (Vec::new(), Vec::new());
        let next = push_ascii_words(t, 0, t.len(), Lexicon::get(), &mut out, &mut capitals);
        let words: Vec<&str> = out.iter().map(|tok| tok.span.slice(t)).collect();
        assert_eq!(words, ["Mr.", "Smith", "met", "U.S.", "officials"]);
        assert_eq!(capitals, [0, 1, 3]);
        assert_eq!(&t[next..], ", then  left");
        out.clear();
        let next = push_ascii_words(t, 30, t.len(), Lexicon::get(), &mut out, &mut capitals);
        assert_eq!(&t[next..], " left");
    }

    /// The tokens and capitals of `span` by the plain rule, character by
    /// character, with [`word_end`] for every word: what [`tokenize_plain`]
    /// must agree with.
    fn tokenize_by_rule(text: &str, span: Span) -> (Vec<Token>, Vec<usize>) {
        let lx = Lexicon::get();
        let (mut out, mut capitals) = (Vec::new(), Vec::new());
        let mut i = span.start;
        while let Some(c) = text.get(i..span.end).and_then(|rest| rest.chars().next()) {
            if !c.is_ascii() {
                i = push_non_ascii(text, i, c, span.end, lx, &mut out, &mut capitals);
            } else if c.is_ascii_whitespace() {
                i += 1;
            } else if c.is_ascii_alphanumeric() {
                let end = word_end(text, i, span.end, lx);
                if c.is_ascii_uppercase() {
                    capitals.push(out.len());
                }
                out.push(Token {
                    span: Span::new(i, end),
                    kind: TokenKind::Word,
                });
                i = end;
            } else {
                out.push(Token {
                    span: Span::new(i, i + 1),
                    kind: TokenKind::Punct,
                });
                i += 1;
            }
        }
        (out, capitals)
    }

    /// [`tokenize_plain`] of `span`.
    fn tokenize_fast(text: &str, span: Span) -> (Vec<Token>, Vec<usize>) {
        let (mut out, mut capitals) = (Vec::new(), Vec::new());
        tokenize_plain(text, span, Lexicon::get(), &mut out, &mut capitals);
        (out, capitals)
    }

    #[test]
    fn tokenizer_takes_words_abbreviations_and_punctuation() {
        let t = "Mr. Smith met U.S. officials, then  left";
        let (out, capitals) = tokenize_fast(t, Span::new(0, t.len()));
        let tokens: Vec<&str> = out.iter().map(|tok| tok.span.slice(t)).collect();
        assert_eq!(
            tokens,
            [
                "Mr.",
                "Smith",
                "met",
                "U.S.",
                "officials",
                ",",
                "then",
                "left"
            ]
        );
        assert_eq!(capitals, [0, 1, 3]);
        // Bytes past the span's end are not read: the word stops there.
        let (out, _) = tokenize_fast(t, Span::new(10, 15));
        assert_eq!(
            out.iter().map(|tok| tok.span.slice(t)).collect::<Vec<_>>(),
            ["met", "U"]
        );
    }

    #[test]
    fn tokenizer_agrees_with_the_rule_across_reads() {
        // Words that end on, straddle and run past the tokenizer's
        // eight-byte reads, at every offset.
        let word = "abcdefg ";
        for pad in 0..40 {
            for tail in [
                "",
                "x",
                "Mr. Jones",
                "U.S",
                "co-op's, naïve",
                "a  b",
                "0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            ] {
                let t = format!(
                    "{}{}{tail} end",
                    "a".repeat(pad % 3),
                    word.repeat(pad / 3 + 1)
                );
                let t = format!("{}{t}", " ".repeat(pad % 5));
                let span = Span::new(0, t.len());
                assert_eq!(tokenize_fast(&t, span), tokenize_by_rule(&t, span), "{t:?}");
            }
        }
    }

    proptest::proptest! {
        /// A count stopped at its cap is the full count, capped.
        #[test]
        fn capped_word_count_is_the_full_count_capped(
            text in "[a-zA-Z0-9 ,.'’“é中\\-\u{a0}\u{10}]{0,80}",
            cap in 0usize..6,
        ) {
            let full = word_count_up_to(&text, usize::MAX);
            let by_split = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count();
            proptest::prop_assert_eq!(full, by_split);
            proptest::prop_assert_eq!(word_count_up_to(&text, cap), full.min(cap));
        }

        /// On text made of the hard cases (joining marks, full stops after
        /// abbreviations and initials, quotes, non-ASCII letters and marks,
        /// odd spaces), in any span, the tokenizer's fast paths find the
        /// tokens and capitals that the plain rule finds.
        #[test]
        fn tokenizer_agrees_with_the_plain_rule(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", " ", " ", "  ", "a", "word", "Smith", "said", "Mr", "Jan", "St", "U",
                    "S", "J", "É", "0", "99", "1", "'", "-", ".", "&", ",", "\"", "“", "”", "’",
                    "‘", "‑", "é", "中", "ø", "\n", "\t", "\u{b}", "\u{200b}", "\u{a0}", "!",
                    "—", "(", "abcdefghijklmnop", "ABCDEFGHIJ",
                ]),
                0..120,
            ),
            cut in 0usize..1000,
            from in 0usize..1000,
        ) {
            let text: String = parts.concat();
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|&k| text.is_char_boundary(k))
                .collect();
            let end = boundaries[boundaries.len() - 1 - cut % boundaries.len()];
            let start = boundaries[from % boundaries.len()].min(end);
            for span in [Span::new(0, text.len()), Span::new(start, end)] {
                proptest::prop_assert_eq!(
                    tokenize_fast(&text, span),
                    tokenize_by_rule(&text, span),
                    "{:?} in {:?}", span, text
                );
            }
        }
    }

    #[test]
    fn mark_finder_finds_every_mark_byte_in_order() {
        let t = "a \"b\" c\n'd' “e” £5 «f»\n\nno marks here\n’";
        let bytes = t.as_bytes();
        let expected: Vec<usize> = (0..bytes.len())
            .filter(|&k| matches!(bytes[k], b'"' | b'\'' | 0xE2 | 0xC2))
            .collect();
        let mut marks = MarkFinder::default();
        let (mut found, mut i) = (Vec::new(), 0);
        while let Some(at) = marks.next(bytes, i) {
            found.push(at);
            // Asked again where it found one, it answers the same.
            assert_eq!(marks.next(bytes, at), Some(at));
            i = at + 1;
        }
        assert_eq!(found, expected);
    }

    #[test]
    fn char_before_decodes_backwards() {
        let t = "a “b” é";
        for (i, _) in t.char_indices().chain([(t.len(), ' ')]) {
            assert_eq!(char_before(t, i), t[..i].chars().next_back(), "{i}");
        }
        assert_eq!(char_before(t, 3), None);
    }

    #[test]
    fn alphanumeric_mask_agrees_with_the_table_for_every_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let x = u64::from(b) << (8 * at);
                let expected = if b.is_ascii_alphanumeric() { 0x80 } else { 0 };
                assert_eq!(
                    ascii_alphanumeric_mask(x) >> (8 * at) & 0xff,
                    expected,
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn alphanumeric_run_stops_at_the_first_other_byte() {
        let by_table = |b: &[u8]| {
            b.iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .unwrap_or(b.len())
        };
        for s in [
            "",
            "a",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "Zebra09xyzQ, next",
            "0123456789abcdefXYZ@",
            "word`s [x] {y}",
            "naïve",
            "abcdefgh’s",
        ] {
            for k in 0..s.len() {
                let b = &s.as_bytes()[k..];
                assert_eq!(ascii_alphanumeric_run(b), by_table(b), "{s:?} from {k}");
                if b.first().is_some_and(u8::is_ascii_alphanumeric) {
                    let from = ascii_alphanumeric_run_from(s.as_bytes(), k);
                    assert_eq!(from, by_table(b), "{s:?} from {k}");
                }
            }
        }
    }

    #[test]
    fn word_count_counts_runs_of_letters_and_digits_in_any_script_up_to_its_cap() {
        let by_split = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
        };
        for s in [
            "",
            "“We won,” she said",
            "it's 1,000 — don't",
            "Привет, мир! 你好 世界",
            "café’s naïve co-op",
            "¿Qué? ١٢٣ x",
            "   ",
            "abcdefgh ijklmnop qrstuvwx",
            "abcdefghijklmnopq, r",
            "Long ASCII quotes of many words, then café and more words after.",
            "\u{10}\u{19}0 9@[`{ A Z a z",
        ] {
            for cap in [0, 1, 2, 3, 4, 7, usize::MAX] {
                assert_eq!(
                    word_count_up_to(s, cap),
                    by_split(s).min(cap),
                    "{s:?} {cap}"
                );
            }
        }
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        let t = "\"A b,\" he said. “C d.” She said «e f».";
        assert_eq!(quotes_of(t), ["\"A b,\"", "“C d.”", "«e f»"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "Iran's plan didn't change in the '90s, the players’ union said.";
        assert!(quotes_of(t).is_empty());
    }

    #[test]
    fn british_single_quotes() {
        let t = "He said: 'We will not give in to Iran's demands.' Then he left.";
        assert_eq!(quotes_of(t), ["'We will not give in to Iran's demands.'"]);
    }

    #[test]
    fn nested_single_inside_double() {
        let t = "“They say, ‘Oh my God, you’re doing this?’ ” she said.";
        assert_eq!(
            quotes_of(t),
            ["“They say, ‘Oh my God, you’re doing this?’ ”"]
        );
    }

    #[test]
    fn double_apostrophe_closer() {
        let t = "“We dedicate ourselves to comics,’’ says the founder.";
        assert_eq!(quotes_of(t), ["“We dedicate ourselves to comics,’’"]);
    }

    #[test]
    fn unbalanced_quote_stops_at_paragraph_end() {
        let t = "He said “this never closes.\n\nNext paragraph stays outside.";
        let doc = Document::parse(t);
        assert_eq!(doc.quotes.len(), 1);
        assert_eq!(doc.quotes[0].span.slice(t), "“this never closes.");
        assert!(!doc.quotes[0].closed);
        assert!(!doc.quotes[0].continues);
    }

    #[test]
    fn unclosed_quote_closes_at_its_attribution() {
        let t = "\"We are working on it, said manager Hilde Strand. Others disagreed.";
        assert_eq!(quotes_of(t), ["\"We are working on it,"]);
        let t = "\"We are working on it, Hilde Strand said. Others disagreed.";
        assert_eq!(quotes_of(t), ["\"We are working on it,"]);
        // No attribution inside: the quote still ends with its paragraph.
        let t = "\"We are working on it, and more. Others disagreed.";
        assert_eq!(quotes_of(t), [t]);
    }

    #[test]
    fn quote_running_over_paragraphs() {
        let t = "“First part.\n\n“Second part,” he said.";
        let doc = Document::parse(t);
        assert_eq!(doc.quotes.len(), 2);
        assert!(doc.quotes[0].continues);
        assert!(doc.quotes[1].closed);
    }

    /// The text of each sentence of `t`.
    fn sentences_of(t: &str) -> Vec<String> {
        let doc = Document::parse(t);
        doc.sentences
            .iter()
            .map(|s| {
                Span::new(
                    doc.tokens[s.first].span.start,
                    doc.tokens[s.end - 1].span.end,
                )
                .slice(t)
                .to_string()
            })
            .collect()
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let t = "Mr. Smith met U.S. officials on Jan. 5. It was 3.5 hours. “Done.” He left. \
                 Sales reached £1.3bn. Profit was $2.5. He met them at 9 a.m. Monday.";
        assert_eq!(
            sentences_of(t),
            [
                "Mr. Smith met U.S. officials on Jan. 5.",
                "It was 3.5 hours.",
                "“Done.”",
                "He left.",
                "Sales reached £1.3bn.",
                "Profit was $2.5.",
                "He met them at 9 a.m. Monday."
            ]
        );
    }

    #[test]
    fn a_question_or_exclamation_joins_its_attribution() {
        let sentences = sentences_of;
        assert_eq!(
            sentences("\"Why now?\" Reyes asked. It rained."),
            ["\"Why now?\" Reyes asked.", "It rained."]
        );
        assert_eq!(
            sentences("\"We won!\" she said."),
            ["\"We won!\" she said."]
        );
        // The verb takes a clause of its own: two sentences.
        assert_eq!(
            sentences("\"Why now?\" Reyes said the timing was odd."),
            ["\"Why now?\"", "Reyes said the timing was odd."]
        );
        // A full stop ends the quotation's sentence whatever follows.
        assert_eq!(
            sentences("\"We will.\" Gervais admitted it."),
            ["\"We will.\"", "Gervais admitted it."]
        );
    }

    #[test]
    fn dateline_is_skipped() {
        let t = "WASHINGTON (Reuters) - The senator said no.";
        let doc = Document::parse(t);
        assert_eq!(doc.token_text(0), "The");
    }
}
