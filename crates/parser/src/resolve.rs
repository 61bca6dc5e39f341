//! Stage 3: attributions -> resolved speakers.
//!
//! Within one article, a speaker is resolved to the fullest name the article
//! gives: `Sullivan` and `he` become `Jake Sullivan`, `the mayor` becomes the
//! person the article calls mayor. The article's people are found first (runs
//! of capitalised words that are neither places nor organisations, with the
//! role words around them); mentions are then matched against them in text
//! order.

use crate::attribution::{Attribution, SpeakerMention, SpeakerRef};
use crate::lexicon::{courtesy_gender, Gender, Lexicon};
use crate::span::Span;
use crate::structure::{Document, Token, TokenKind};
use crate::words::{
    is_capitalised, is_describing_compound, is_in, is_name_particle, is_past_after_subject,
    is_possessive, little_endian, particles_joining, ACADEMIC_TITLES, DETERMINERS,
    FINITE_AUXILIARIES, HONORIFICS, INTRODUCTORY_WORDS, OPENING_CONJUNCTIONS, PARTITIVES, PEERAGE,
    PHRASE_BREAKS, PLAIN_NEGATORS, POST_NOMINALS, QUANTIFIER_SUBJECTS, SUBJECT_PRONOUNS,
    UNNAMED_MARKERS,
};
use crate::{Claim, ResolvedSpeaker, SpeakerKind};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::Cell;

/// A person the article names in full.
#[derive(Debug, Clone)]
struct Person<'a> {
    /// Full name as written (`Jake Sullivan`): mostly a slice of the text.
    name: Cow<'a, str>,
    /// The first role the article gives them.
    role: Option<String>,
    /// Usual gender of the given name, when it is a common one.
    gender: Option<Gender>,
    /// Byte offset of the first naming by full name.
    first_at: usize,
}

/// Who bears a name among an article's people.
#[derive(Debug, Clone, Copy, Default)]
struct NameUse {
    /// The person of that full name (full names are unique in `persons`).
    full: Option<usize>,
    /// The last person added with it as surname (last word of the name).
    surname: Option<usize>,
    /// The last person added with it as given name (first word).
    given: Option<usize>,
}

/// The people of one article and where they are named.
///
/// The names are borrowed from the text where they stand in it as written,
/// so most people cost no allocation.
struct People<'a> {
    persons: Vec<Person<'a>>,
    /// The full names, surnames and given names of `persons`, in one table:
    /// a name is hashed once to learn all it is, and an article has one
    /// table rather than one for each use of a name.
    names: NameTable<'a>,
    /// The surnames and given names in `names`.
    name_parts: NameFilter,
    /// Every naming, in text order, one per place.
    occurrences: Vec<Occurrence>,
}

/// A naming of one of an article's people.
#[derive(Debug, Clone)]
struct Occurrence {
    /// Byte offset of the name.
    at: usize,
    /// Index of the person in [`People::persons`].
    person: usize,
    /// The naming is its sentence's subject when both these tokens open
    /// their sentence ([`opens_sentence`]): the start of the run of capitals
    /// that names the person, or where a surname alone does (the same token
    /// twice unless the person is named both ways at one place).
    subject_tokens: [usize; 2],
    /// The token right after the name.
    after: usize,
    /// Whether the naming is its sentence's subject, worked out when first
    /// asked ([`Occurrence::is_subject`]): only pronouns and unattributed
    /// quotes ask, about a few namings each, so most are never tested.
    subject: Cell<Option<bool>>,
}

impl Occurrence {
    fn new(at: usize, person: usize, token: usize, after: usize) -> Self {
        Occurrence {
            at,
            person,
            subject_tokens: [token, token],
            after,
            subject: Cell::new(None),
        }
    }

    /// True when the naming is its sentence's subject: it opens the
    /// sentence (see [`opens_sentence`]), or it follows a comma and a
    /// finite verb follows it ("A press release, issued on Nov. 27,
    /// McCallum expressed concern"); never in a photo caption
    /// ([`in_caption`]).
    fn is_subject(&self, doc: &Document) -> bool {
        if let Some(subject) = self.subject.get() {
            return subject;
        }
        let [a, b] = self.subject_tokens;
        let subject = ((opens_sentence(doc, a) && (a == b || opens_sentence(doc, b)))
            || (comma_before(doc, a) && verb_follows(doc, self.after)))
            && !in_caption(doc, self.at);
        self.subject.set(Some(subject));
        subject
    }
}

/// The names of an article's people and how they use them: names of up to
/// [`NameTable::SHORT`] bytes (nearly all surnames and given names, most
/// full names) keyed by their bytes packed into one number ([`name_key`]),
/// which hashes in two multiplications and compares in one instruction,
/// the rest by their text.
#[derive(Default)]
struct NameTable<'a> {
    short: FxHashMap<u128, NameUse>,
    long: FxHashMap<Cow<'a, [u8]>, NameUse>,
}

impl<'a> NameTable<'a> {
    /// The longest name, in bytes, kept by its [`name_key`].
    const SHORT: usize = 15;

    /// The most names whose table is kept for the next article: a few
    /// kilobytes at most, whatever the article.
    const KEEP_UP_TO: usize = 1024;

    /// An empty table, with the spare short-name table of `buffers`.
    fn recycled(buffers: &mut ResolverBuffers) -> Self {
        NameTable {
            short: std::mem::take(&mut buffers.short_names),
            long: FxHashMap::default(),
        }
    }

    /// Gives the short-name table back to `buffers`, emptied, for the next
    /// article (unless it never allocated: the spare, if any, is then
    /// still there).
    fn recycle(self, buffers: &mut ResolverBuffers) {
        let mut short = self.short;
        if (1..=Self::KEEP_UP_TO).contains(&short.capacity()) {
            short.clear();
            buffers.short_names = short;
        }
    }

    /// How the people use `name` (its bytes).
    // Inlined: most callers want one field of the answer, and a call
    // copied all three out.
    #[inline(always)]
    fn get(&self, name: &[u8]) -> Option<NameUse> {
        match name_key(name) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(name).copied(),
        }
    }

    /// How the people use `name`, for updating (all `None` when new).
    fn use_mut(&mut self, name: Cow<'a, str>) -> &mut NameUse {
        match name_key(name.as_bytes()) {
            Some(key) => self.short.entry(key).or_default(),
            None => self
                .long
                .entry(match name {
                    Cow::Borrowed(name) => Cow::Borrowed(name.as_bytes()),
                    Cow::Owned(name) => Cow::Owned(name.into_bytes()),
                })
                .or_default(),
        }
    }
}

/// `name`'s bytes packed with its length into one number, when it is at
/// most [`NameTable::SHORT`] bytes long: the bytes from the lowest, zeros
/// after them, the length in the top byte (so "Li" and "Li\0" differ). Two
/// names have the same key exactly when they are equal.
// Each half read by `little_endian` (a few fixed-size loads) rather than
// copied into a zeroed array: the copy of a variable length was a call to
// `memcpy`, which cost more than the hash lookup that follows.
#[inline]
fn name_key(name: &[u8]) -> Option<u128> {
    let n = name.len();
    if n > NameTable::SHORT {
        return None;
    }
    let low = little_endian(name);
    let high = name.get(8..).map_or(0, little_endian);
    Some(u128::from(low) | u128::from(high) << 64 | (n as u128) << 120)
}

/// The tables and vectors of [`resolve_into`] that borrow nothing from the
/// text, kept emptied from one article to the next (as
/// [`crate::structure::DocumentBuffers`] are), so that each article does not
/// allocate and grow them anew.
#[derive(Default)]
pub(crate) struct ResolverBuffers {
    /// The short-name table of the last article's people.
    short_names: FxHashMap<u128, NameUse>,
    /// The namings vector of the last article's people.
    namings: Vec<Occurrence>,
    /// A vector for [`merge_namings`] to merge into: the vector merged
    /// from, kept from the last article.
    spare_namings: Vec<Occurrence>,
    /// Scratch space of [`settle_kinds`].
    kinds: KindScratch,
}

/// Gives `namings` back to `spare`, emptied, for the next article (unless
/// it never allocated, or grew past a few kilobytes).
fn recycle_namings(spare: &mut Vec<Occurrence>, mut namings: Vec<Occurrence>) {
    if (1..=NameTable::KEEP_UP_TO).contains(&namings.capacity()) {
        namings.clear();
        *spare = namings;
    }
}

/// `namings[..split]` and `namings[split..]`, each in text order with one
/// naming per place, merged into `out` (emptied first) in text order, and by
/// person at one place; one naming per place: that of the person added
/// first, its sentence's subject only if both halves would have it so.
/// What a stable sort by place and person, then a deduplication by place,
/// would leave, in one linear pass.
fn merge_namings(namings: &[Occurrence], split: usize, out: &mut Vec<Occurrence>) {
    out.clear();
    out.reserve(namings.len());
    let (full, surnames) = namings.split_at(split.min(namings.len()));
    let (mut i, mut j) = (0, 0);
    loop {
        // The first half's naming first on a tie, as in a stable sort.
        let next = match (full.get(i), surnames.get(j)) {
            (Some(a), Some(b)) if (a.at, a.person) <= (b.at, b.person) => {
                i += 1;
                a
            }
            (_, Some(b)) => {
                j += 1;
                b
            }
            (Some(a), None) => {
                i += 1;
                a
            }
            (None, None) => break,
        };
        match out.last_mut() {
            Some(kept) if kept.at == next.at => {
                if kept.person == next.person {
                    kept.subject_tokens[1] = next.subject_tokens[0];
                }
            }
            _ => out.push(next.clone()),
        }
    }
}

/// The bytes of token `k` (empty past the end): for tests of ASCII bytes,
/// which need no UTF-8 boundary checks.
fn token_bytes<'a>(doc: &Document<'a>, k: usize) -> &'a [u8] {
    doc.tokens
        .get(k)
        .and_then(|t| doc.text.as_bytes().get(t.span.start..t.span.end))
        .unwrap_or(&[])
}

/// [`bare`] on bytes.
fn bare_bytes(word: &[u8]) -> &[u8] {
    // Most words do not end in `s`: their last byte tells.
    if word.last() != Some(&b's') {
        return word;
    }
    word.strip_suffix("’s".as_bytes())
        .or_else(|| word.strip_suffix(b"'s"))
        .unwrap_or(word)
}

/// True when the text between tokens `a` and `b` holds a line break.
fn break_between(doc: &Document, a: usize, b: usize) -> bool {
    let (Some(ta), Some(tb)) = (doc.tokens.get(a), doc.tokens.get(b)) else {
        return false;
    };
    doc.text
        .as_bytes()
        .get(ta.span.end..tb.span.start)
        .is_some_and(|gap| gap.contains(&b'\n'))
}

/// The name spelt by tokens `first..end`, whose words without possessive
/// endings are `words`, joined by single spaces. Only the last word of a run
/// can be possessive (a possessive ends the run), so when the text puts
/// single spaces between the words the name is a slice of it, and no string
/// need be built.
fn run_name<'a>(doc: &Document<'a>, first: usize, end: usize, words: &[&str]) -> Cow<'a, str> {
    let single_spaced = (first + 1..end).all(|k| {
        let (a, b) = (doc.tokens[k - 1].span.end, doc.tokens[k].span.start);
        doc.text.as_bytes().get(a..b) == Some(b" ")
    });
    if single_spaced && end > first {
        let span = Span::new(doc.tokens[first].span.start, doc.tokens[end - 1].span.end);
        Cow::Borrowed(bare(span.slice(doc.text)))
    } else {
        Cow::Owned(words.join(" "))
    }
}

/// A 256-bit filter of the surnames and given names of an article's people,
/// keyed by length and first and last byte: most capitalised words are no
/// one's name, and this rules them out without hashing them.
#[derive(Debug, Default)]
struct NameFilter([u64; 4]);

impl NameFilter {
    fn slot(name: &[u8]) -> usize {
        let first = usize::from(name.first().copied().unwrap_or(0));
        let last = usize::from(name.last().copied().unwrap_or(0));
        (name.len().wrapping_mul(37) ^ first.wrapping_mul(11) ^ last) & 255
    }

    fn insert(&mut self, name: &str) {
        let s = Self::slot(name.as_bytes());
        self.0[s >> 6] |= 1 << (s & 63);
    }

    /// False when no name inserted is `name`.
    fn may_hold(&self, name: &[u8]) -> bool {
        let s = Self::slot(name);
        self.0[s >> 6] & (1 << (s & 63)) != 0
    }
}

/// Strips a possessive ending (`McCallum’s` -> `McCallum`).
fn bare(word: &str) -> &str {
    // Most words do not end in `s`: their last byte tells.
    if word.as_bytes().last() != Some(&b's') {
        return word;
    }
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

/// The text after the last space of `name` (all of it when it has none).
// Names are a few bytes long: a byte loop finds the space in less than the
// call into `memrchr` that `rsplit(' ')` makes costs.
fn last_word(name: &str) -> &str {
    name.as_bytes()
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(name, |i| &name[i + 1..])
}

/// The text before the first space of `name` (all of it when it has none);
/// see [`last_word`].
fn first_word(name: &str) -> &str {
    name.as_bytes()
        .iter()
        .position(|&b| b == b' ')
        .map_or(name, |i| &name[..i])
}

/// Appends the words of `text`, split at whitespace (`char::is_whitespace`),
/// to `out`. Mentions are short and nearly always ASCII, which is split
/// byte by byte rather than char by char.
fn push_words<'t>(text: &'t str, out: &mut Vec<&'t str>) {
    if !text.is_ascii() {
        out.extend(text.split(char::is_whitespace).filter(|w| !w.is_empty()));
        return;
    }
    let mut start = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        // The ASCII characters that `char::is_whitespace` accepts.
        if matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ') {
            if i > start {
                out.push(&text[start..i]);
            }
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
}

/// The speaker names of an article, for telling whether a run of capitals
/// ends one ([`SpeakerNames::end_with`]) without a pass over all speakers
/// per run: a name of two words or more that ends another ends with its
/// last word (the text after its last space).
struct SpeakerNames<'s> {
    names: &'s [&'s str],
    /// The last words: most runs end with no speaker's last word, and this
    /// tells so without sorting or searching the names.
    last_words: NameFilter,
    /// (last word, name) of each speaker name, sorted; built on first need.
    by_last_word: Vec<(&'s str, &'s str)>,
}

impl<'s> SpeakerNames<'s> {
    fn new(names: &'s [&'s str]) -> Self {
        let mut last_words = NameFilter::default();
        for n in names {
            last_words.insert(last_word(n));
        }
        SpeakerNames {
            names,
            last_words,
            by_last_word: Vec::new(),
        }
    }

    /// True when some speaker name ends with `full`, a name of two words or
    /// more (so holding a space).
    fn end_with(&mut self, full: &str) -> bool {
        let last = last_word(full);
        if last.len() == full.len() {
            // No space.
            return self.names.iter().any(|n| n.ends_with(full));
        }
        if !self.last_words.may_hold(last.as_bytes()) {
            return false;
        }
        if self.by_last_word.is_empty() {
            self.by_last_word = self.names.iter().map(|n| (last_word(n), *n)).collect();
            self.by_last_word.sort_unstable();
        }
        let from = self.by_last_word.partition_point(|&(w, _)| w < last);
        self.by_last_word[from..]
            .iter()
            .take_while(|&&(w, _)| w == last)
            // A speaker named "Brennan" alone makes "Paolo Brennan" a person too.
            .any(|(_, n)| n.ends_with(full) || *n == last)
    }
}

/// What stands between the front of a run of capitalised words and the
/// name in it, as [`RunReading`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunLead {
    /// Nothing (or only the title, if the run has one).
    Plain,
    /// `Chef Paolo Brennan`, `Striker Thierry Henry`, `DJ Norman Cook`: a
    /// word for what someone does, or an acronym, before a given name (as
    /// the attribution reads it).
    Role,
    /// `Tennis Australia Geoff Pollard`, `Iron Maiden Bruce Dickinson`: the
    /// name of what the person belongs to, before a given name and a
    /// surname.
    Affiliation,
    /// `Boss Sir Alex Ferguson`, `Lib Dem Sir Archy Kirkwood`: a courtesy
    /// title inside the run, at this index, opens the name; the words
    /// before it are a role.
    Courtesy(usize),
}

/// How the people table reads a run of capitalised words: where the name
/// in it starts and what stands before it, as indices into the run's
/// words. ("Kremlin spokesman" stands before the run "Dmitry Peskov"; see
/// [`People::role_before`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RunReading {
    /// The first word past function words, pronouns, time words and
    /// compounds that describe the name (`Paris-based Euronext`).
    front: usize,
    /// The last title in the run from `front` on (`Prime Minister`,
    /// `Mr`), if any.
    title: Option<usize>,
    /// What stands before the name, when no title does.
    lead: RunLead,
    /// The first word of the name.
    name_start: usize,
}

impl RunReading {
    /// Reads `words`, a run of capitalised words (a possessive ending on
    /// the last one does not matter).
    fn of(lx: &Lexicon, words: &[&str]) -> RunReading {
        let end = words.len();
        let mut front = 0;
        while front < end && {
            let w = words[front];
            PHRASE_BREAKS.contains(w)
                || DETERMINERS.contains(w)
                || SUBJECT_PRONOUNS.contains(w)
                || lx.is_time_word(w)
                || is_describing_compound(w)
        } {
            front += 1;
        }
        let s = front;
        let title = (s..end).rev().find(|&i| lx.is_title(words[i]));
        let lead = if title.is_some() {
            RunLead::Plain
        } else if end - s >= 3
            && lx.given_name(words[s]).is_none()
            && lx.given_name(words[s + 1]).is_some()
            // (`DJ Norman Cook`, `CEO Jane Doe`: an acronym before a given
            // name is a role or an affiliation, not part of the name.)
            && (looks_like_role(lx, words[s]) || is_acronym(words[s]))
        {
            RunLead::Role
        } else if end - s >= 4
            && lx.given_name(words[end - 2]).is_some()
            // Holding no given name, courtesy title or function word (`Boss
            // Sir Alex Ferguson` is a courtesy title's run).
            && words[s..end - 2].iter().all(|w| lx.is_affiliation_word(w))
        {
            RunLead::Affiliation
        } else if end - s >= 3 {
            (s + 1..end - 1)
                .find(|&k| HONORIFICS.contains(words[k]))
                .map_or(RunLead::Plain, RunLead::Courtesy)
        } else {
            RunLead::Plain
        };
        let name_start = match lead {
            RunLead::Role => s + 1,
            RunLead::Affiliation => end - 2,
            RunLead::Courtesy(k) => k,
            RunLead::Plain => title.map_or(s, |t| t + 1),
        };
        RunReading {
            front,
            title,
            lead,
            name_start,
        }
    }

    /// The role the run itself gives its name, from `words` (the run's, as
    /// read): the words up to a title that is not a courtesy title, the
    /// word for what someone does, the name of what they belong to (unless
    /// `known` says the person is named already: a photo credit before a
    /// name, `Getty Images Kevin Vickers`, is no role), the words before a
    /// courtesy title, or a compound dropped at the front (`Fly-half
    /// Charlie Hodgson`).
    fn role(&self, words: &[&str], known: impl FnOnce() -> bool) -> Option<String> {
        let s = self.front;
        let end = words.len();
        self.title
            .filter(|&t| !HONORIFICS.contains(words[t]))
            .map(|t| words[s..=t].join(" "))
            .or_else(|| match self.lead {
                RunLead::Plain => None,
                RunLead::Role => Some(words[s].to_string()),
                RunLead::Affiliation => (!known()).then(|| words[s..end - 2].join(" ")),
                RunLead::Courtesy(k) => Some(words[s..k].join(" ")),
            })
            .or_else(|| (s > 0 && words[s - 1].contains('-')).then(|| words[s - 1].to_string()))
    }
}

impl<'a> People<'a> {
    /// Gives `buffers` the people's tables and vectors that borrow
    /// nothing from the text, emptied, for the next article.
    fn recycle(self, buffers: &mut ResolverBuffers) {
        self.names.recycle(buffers);
        recycle_namings(&mut buffers.namings, self.occurrences);
    }

    /// No people, for an article whose claims name no speaker.
    fn none() -> People<'a> {
        People {
            persons: Vec::new(),
            names: NameTable::default(),
            name_parts: NameFilter::default(),
            occurrences: Vec::new(),
        }
    }

    fn find(
        doc: &Document<'a>,
        attributions: &[Attribution],
        buffers: &mut ResolverBuffers,
    ) -> People<'a> {
        let lx = Lexicon::get();
        let mut people = People {
            // Room for the few people of most articles: growing the vector
            // from nothing, step by step, cost more than the people.
            persons: Vec::with_capacity(8),
            names: NameTable::recycled(buffers),
            name_parts: NameFilter::default(),
            // Sized from the capitals (one in eight names someone, in
            // news) so that the vector seldom grows and copies; the last
            // article's, when `buffers` has it.
            occurrences: {
                let mut namings = std::mem::take(&mut buffers.namings);
                namings.reserve(doc.capitals.len() / 4 + 4);
                namings
            },
        };
        // Names used as speakers are people's names even when their given
        // name is not a common one ("Dmitry Peskov").
        // (Sized for all the attributions: a filtered collect would start
        // small and grow.)
        let mut speaker_names: Vec<&str> = Vec::with_capacity(attributions.len());
        speaker_names.extend(attributions.iter().filter_map(|a| match &a.speaker {
            SpeakerRef::Named(m) => Some(m.span.slice(doc.text)),
            _ => None,
        }));
        // Built on first need.
        let mut speakers: Option<SpeakerNames> = None;
        let mut courtesy_surnames: Option<Vec<&str>> = None;
        let tokens = &doc.tokens;
        let word = |k: usize| doc.token_text(k);
        let is_word = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word);
        // Runs of capitalised words: each starts at a capital, the next at
        // the first capital that the last did not take.
        // The words of the current run, each sliced from the text once for
        // all the tests below, reused from run to run.
        // (Room for the longest runs of most articles from the start.)
        let mut run_words: Vec<&str> = Vec::with_capacity(8);
        let mut next_capital = 0;
        while let Some(&start) = doc.capitals.get(next_capital) {
            // The capitalised words are those in `doc.capitals`: the run
            // goes on while the next capital is the next token.
            let mut end = start + 1;
            let mut c = next_capital + 1;
            // A name never runs over a line break (a headline above it), nor
            // past a possessive.
            let runs_on = |from: usize, to: usize| {
                !break_between(doc, from, to) && !is_possessive(token_bytes(doc, from))
            };
            while let Some(&next) = doc.capitals.get(c) {
                // `Rodrigo de Rato`, `Edwin van der Sar`: name particles
                // between capitals are part of the run.
                // (The gap first: most runs end far from the next capital.)
                let joined = next == end
                    || (next > end
                        && next - end <= 2
                        && particles_joining(|k| {
                            tokens.get(end + k)?;
                            Some(word(end + k))
                        }) == Some(next - end));
                if !joined || !runs_on(end - 1, next) {
                    break;
                }
                end = next + 1;
                c += 1;
            }
            next_capital = c;
            // A name has two words or more (checked again below, once the
            // front is dropped): a lone capital, the commonest run, is none.
            if end - start < 2 {
                continue;
            }
            run_words.clear();
            for k in start..end {
                run_words.push(word(k));
            }
            let reading = RunReading::of(lx, &run_words);
            // Token indices of what the reading found in the run.
            let title = reading.title.map(|i| start + i);
            let name_start = start + reading.name_start;
            // A name has two words; one after a particle is a surname
            // (`Mr de Vabres`), as one after a courtesy title is (`Mr Blair`).
            if end - name_start < 2 || is_name_particle(run_words[name_start - start]) {
                continue;
            }
            // The name's words. Only the last word can be possessive: a
            // possessive ends a run.
            if let Some(last) = run_words.last_mut() {
                *last = bare(last);
            }
            let words = &run_words[name_start - start..];
            let full = run_name(doc, name_start, end, words);
            // A photo credit run into a caption names someone already named.
            if let Some((first, i)) = people.credited_naming(doc, lx, words, name_start, title) {
                people
                    .occurrences
                    .push(Occurrence::new(tokens[first].span.start, i, first, end));
                continue;
            }
            // "Tory co-chairman Liam Fox", or "Liam Fox" where the article
            // also writes "Dr Fox": a person, whatever else Fox names.
            let mut person_shown = || {
                (start > 0 && is_word(start - 1) && lx.is_role_word(word(start - 1)))
                    || courtesy_surnames
                        .get_or_insert_with(|| surnames_after_courtesy(doc))
                        .contains(&words[1])
            };
            // (The organisation and place words first: the exception is
            // rare, and costs more.)
            let org = (words
                .iter()
                .any(|w| lx.is_organisation_word(w) || lx.is_place(w))
                && !(given_and_surname(lx, words) && person_shown()))
                || lx.is_place(&full)
                || words
                    .iter()
                    .enumerate()
                    .any(|(i, w)| is_acronym(w) && !is_post_nominal(words, i));
            // A run of capitals is a person's name when it starts with a
            // given name, carries a title, or names a speaker; this keeps
            // "Sherbrook Street" and "Homeland Security" out.
            // "Mamadou Dia was on a business trip": a two- or three-word
            // name that opens a sentence and is followed by a verb of being
            // or saying is a person's, whatever the given name.
            // An organisation needs none of the tests for a person below.
            if org {
                continue;
            }
            // The verb first: it is cheaper to test than the sentence.
            let opens_as_subject = || {
                (2..=3).contains(&words.len())
                    && end < tokens.len()
                    && matches!(
                        word(end),
                        "was" | "is" | "has" | "had" | "said" | "says" | "told" | "added" | "who"
                    )
                    && opens_sentence(doc, name_start)
            };
            let gender = lx.given_name(words[0]);
            let person = gender.is_some()
                || title.is_some()
                || opens_as_subject()
                || speakers
                    .get_or_insert_with(|| SpeakerNames::new(&speaker_names))
                    .end_with(&full);
            if !person {
                continue;
            }
            // Role: what the run gives its name, else role words right
            // before the run (an apposition counts too: see below).
            let role = reading
                .role(&run_words, || people.by_name(&full).is_some())
                .or_else(|| people.role_before(doc, lx, start));
            let idx = people.add(full, words, gender, role, tokens[name_start].span.start);
            people.occurrences.push(Occurrence::new(
                tokens[name_start].span.start,
                idx,
                start,
                end,
            ));
        }
        // Roles given at attributions (appositions) count too.
        for a in attributions {
            if let SpeakerRef::Named(SpeakerMention {
                span,
                role: Some(role),
            }) = &a.speaker
            {
                let name = span.slice(doc.text);
                if let Some(i) = people.by_name(name) {
                    if people.persons[i].role.is_none() {
                        people.persons[i].role = Some(role.slice(doc.text).to_string());
                    }
                }
            }
        }
        // Surname-only namings (none without people: every capital would
        // fail the filter).
        let full_namings = people.occurrences.len();
        if !people.persons.is_empty() {
            for &i in &doc.capitals {
                // The filter first, on bytes: most capitals are no one's name.
                // (`bare` keeps the first character, or leaves nothing
                // capitalised.)
                let w = bare_bytes(token_bytes(doc, i));
                if !people.name_parts.may_hold(w) {
                    continue;
                }
                if let Some(p) = people.names.get(w).and_then(|u| u.surname.or(u.given)) {
                    people
                        .occurrences
                        .push(Occurrence::new(tokens[i].span.start, p, i, i + 1));
                }
            }
        }
        // Two runs, each in text order (full names, then surnames), merged.
        if full_namings > 0 && full_namings < people.occurrences.len() {
            let mut merged = std::mem::take(&mut buffers.spare_namings);
            merge_namings(&people.occurrences, full_namings, &mut merged);
            let spare = std::mem::replace(&mut people.occurrences, merged);
            recycle_namings(&mut buffers.spare_namings, spare);
        }
        people
    }

    /// The role written right before the run of capitalised words that
    /// starts at token `start`, in the run's own paragraph ("Kremlin
    /// spokesman Dmitry Peskov"): a singular person noun or title, with
    /// the words before it that belong to it; a headline above is none.
    fn role_before(&self, doc: &Document, lx: &Lexicon, start: usize) -> Option<String> {
        let tokens = &doc.tokens;
        let word = |k: usize| doc.token_text(k);
        let is_word = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word);
        // Role words stand in the name's own paragraph; a headline above
        // it is not a role.
        let same_paragraph = |a: usize, b: usize| {
            !doc.text[tokens[a].span.start..tokens[b].span.start].contains('\n')
        };
        if start == 0 || !is_word(start - 1) || !same_paragraph(start - 1, start) {
            return None;
        }
        let before = word(start - 1);
        // A singular role noun ("spokesman Dmitry Peskov"); a plural one
        // ("voters Jane Doe and ...") heads a list, not a role.
        let singular = !before.ends_with('s') || lx.is_title(before);
        if !singular || !(lx.is_person_noun(before) || lx.is_title(before)) {
            return None;
        }
        let mut r = start - 1;
        // "and" inside an organisation's name ("Heart and Stroke
        // senior manager") does not end the role.
        // But "Michael Howard and Liberal Democrat leader" is a
        // person, then a role.
        let inner_and = |k: usize| {
            word(k) == "and"
                && k > 0
                && is_word(k - 1)
                && is_capitalised(word(k - 1))
                && is_capitalised(word(k + 1))
                && lx.given_name(word(k - 1)).is_none()
                && self.by_surname(bare(word(k - 1))).is_none()
        };
        // Past such an "and", only the capitalised rest of the name.
        let mut crossed_and = false;
        while r > 0
            && is_word(r - 1)
            && same_paragraph(r - 1, start)
            && (!crossed_and || is_capitalised(word(r - 1)))
            && (!PHRASE_BREAKS.contains(word(r - 1)) || {
                crossed_and |= inner_and(r - 1);
                inner_and(r - 1)
            })
            && !DETERMINERS.contains(word(r - 1))
            // "in October Tory leader", "exclusively": not roles;
            // nor the cue of an inverted quote ("...," warned HVB
            // Group economist Andreas Rees), in an inflected form
            // (a bare "state" may be a role's: "state prosecutor").
            && !lx.is_time_word(word(r - 1))
            && !(lx.is_attribution_verb(word(r - 1))
                && (word(r - 1).ends_with(['d', 's']) || word(r - 1) == "wrote"))
            && !word(r - 1).ends_with("ly")
            // "allegations he pressured ex-chief financial
            // officer Scott Sullivan": a past tense after its
            // subject (not a possessive's: "Liverpool's injured
            // striker") is a verb, not a role.
            && !(r >= 2 && is_past_after_subject(word(r - 2), word(r - 1)))
            && start - r < 6
        {
            r -= 1;
        }
        let span = Span::new(tokens[r].span.start, tokens[start - 1].span.end);
        Some(span.slice(doc.text).to_string())
    }

    /// The person a photo credit run into a caption names: "Getty Images
    /// Kevin Vickers", "The Canadian Press Kevin Vickers" end with the full
    /// name, from a given name on, of someone already named, whatever
    /// comes before. `words` are the name's words, from token `name_start`;
    /// `title` is the run's title, if any. Returns the token that starts
    /// that person's name, and the person. (Two words before it at least:
    /// one unknown word is more likely the person's own, as in "Hicham El
    /// Guerrouj" after "El Guerrouj".)
    fn credited_naming(
        &self,
        doc: &Document,
        lx: &Lexicon,
        words: &[&str],
        name_start: usize,
        title: Option<usize>,
    ) -> Option<(usize, usize)> {
        if words.len() <= 3
            || title.is_some()
            || lx.given_name(words[0]).is_some()
            || self.persons.is_empty()
        {
            return None;
        }
        let end = name_start + words.len();
        (2..words.len() - 1).find_map(|k| {
            lx.given_name(words[k])?;
            let i = self.by_name(&run_name(doc, name_start + k, end, &words[k..]))?;
            Some((name_start + k, i))
        })
    }

    /// Adds the person named `full`, whose words (two or more) are `words`
    /// and the gender of whose given name is `gender`, with `role`; or
    /// gives the person of that name `role` if they have none. `at` is the
    /// byte offset of this naming. Returns the person's index.
    fn add(
        &mut self,
        full: Cow<'a, str>,
        words: &[&'a str],
        gender: Option<Gender>,
        role: Option<String>,
        at: usize,
    ) -> usize {
        if let Some(i) = self.by_name(&full) {
            if self.persons[i].role.is_none() {
                self.persons[i].role = role;
            }
            return i;
        }
        // The given name (first word) and surname (last word), slices of
        // the text: `full` is `words` joined by single spaces, and a word
        // token holds no space (tested), so these are its first and last
        // words.
        let (given, surname) = (words[0], words[words.len() - 1]);
        let idx = self.persons.len();
        if idx == 0 {
            // Room for ten people's three names at once: growing the table
            // from its smallest size, step by step, cost more than hashing
            // the names. (A recycled table has the room already.)
            self.names.short.reserve(30);
        }
        self.name_parts.insert(surname);
        self.name_parts.insert(given);
        self.names.use_mut(Cow::Borrowed(surname)).surname = Some(idx);
        // `Luiz Inacio Lula da Silva` is "Lula" too, and `Renaud Donnedieu
        // de Vabres` "Donnedieu": the word before a particle, after a given
        // name, is a surname as well.
        if let Some(p) = (2..words.len()).find(|&p| is_name_particle(words[p])) {
            self.name_parts.insert(words[p - 1]);
            self.names.use_mut(Cow::Borrowed(words[p - 1])).surname = Some(idx);
        }
        self.names.use_mut(Cow::Borrowed(given)).given = Some(idx);
        self.names.use_mut(full.clone()).full = Some(idx);
        self.persons.push(Person {
            name: full,
            role,
            gender,
            first_at: at,
        });
        self.persons.len() - 1
    }

    /// The person whose full name is `name`.
    fn by_name(&self, name: &str) -> Option<usize> {
        self.names.get(name.as_bytes()).and_then(|u| u.full)
    }

    /// How the people use `w` as a surname or given name (`None` when
    /// neither).
    fn name_part(&self, w: &str) -> Option<NameUse> {
        if self.persons.is_empty() || !self.name_parts.may_hold(w.as_bytes()) {
            return None;
        }
        self.names.get(w.as_bytes())
    }

    /// The person whose surname (or, failing that, given name) is `w`: the
    /// most recently added on a tie.
    fn by_surname(&self, w: &str) -> Option<usize> {
        self.name_part(w).and_then(|u| u.surname.or(u.given))
    }

    /// [`People::by_surname`] for a mention at byte offset `at` whose
    /// courtesy title shows `gender`: when the person it gives is named
    /// only after the mention, or is of the other gender, the last person
    /// of that surname named before it whose gender fits ("Mr Blair" after
    /// Tony Blair is not the Cherie Blair named further down).
    fn by_surname_at(&self, w: &str, at: usize, gender: Option<Gender>) -> Option<usize> {
        let i = self.by_surname(w)?;
        if self.persons[i].first_at < at && self.gender_fits(i, gender) {
            return Some(i);
        }
        // Rare (two people of one surname): a scan of the few people.
        let other = self.persons.iter().enumerate().rev().find(|&(j, p)| {
            p.first_at < at && last_word(&p.name) == w && self.gender_fits(j, gender)
        });
        Some(other.map_or(i, |(j, _)| j))
    }

    /// The person named last before byte offset `at` whose given name does
    /// not rule out `gender`.
    fn last_before(&self, at: usize, gender: Option<Gender>) -> Option<usize> {
        let k = self.occurrences.partition_point(|o| o.at < at);
        // Bounded: "she" after thousands of men's names is not worth a scan
        // of them all (quadratic on hostile input).
        self.occurrences[..k]
            .iter()
            .rev()
            .take(500)
            .map(|o| o.person)
            .find(|&p| self.gender_fits(p, gender))
    }

    /// The person a definite description ("the 39-year-old founder") most
    /// likely stands for: in the last sentence before byte offset `at` that
    /// names anyone, the first person it names, who is its topic ("I'm
    /// talking about Alfonso Espinos, who like Montalban was born in
    /// Mexico": Espinos), rather than the last.
    fn topic_before(&self, doc: &Document, at: usize) -> Option<usize> {
        let from = self.last_naming_sentence(doc, at)?;
        let first = self.occurrences.partition_point(|o| o.at < from);
        self.occurrences.get(first).map(|o| o.person)
    }

    /// Byte offset where the last sentence before byte offset `at` that
    /// names anyone starts.
    fn last_naming_sentence(&self, doc: &Document, at: usize) -> Option<usize> {
        let k = self.occurrences.partition_point(|o| o.at < at);
        let last = self.occurrences[..k].last()?.at;
        let token = doc.tokens.partition_point(|t| t.span.start < last);
        let sentence = doc.sentences.partition_point(|s| s.end <= token);
        Some(
            doc.sentences
                .get(sentence)
                .and_then(|s| doc.tokens.get(s.first))
                .map_or(last, |t| t.span.start.min(last)),
        )
    }

    /// The last person named as a sentence's subject between byte offsets
    /// `from` and `to`, whose given name does not rule out `gender`.
    fn subject_between(
        &self,
        doc: &Document,
        from: usize,
        to: usize,
        gender: Option<Gender>,
    ) -> Option<usize> {
        let a = self.occurrences.partition_point(|o| o.at < from);
        let b = self.occurrences.partition_point(|o| o.at < to);
        self.occurrences[a..b.max(a)]
            .iter()
            .rev()
            .take(500)
            .find(|o| self.gender_fits(o.person, gender) && o.is_subject(doc))
            .map(|o| o.person)
    }

    /// True when `content` names person `p` by their given name or
    /// surname: who a quotation speaks of is seldom who speaks it ("Ruud
    /// is the best striker in Europe," he said, after a sentence about Ruud
    /// van Nistelrooy; "Mr Blair has failed to tackle these problems," he
    /// claimed, after Michael Howard's quotation).
    fn named_in(&self, doc: &Document, p: usize, content: Span) -> bool {
        let name = &self.persons[p].name;
        let text = content.slice(doc.text);
        [first_word(name), last_word(name)]
            .into_iter()
            .any(|w| contains_word(text, w))
    }

    fn gender_fits(&self, p: usize, gender: Option<Gender>) -> bool {
        !matches!(
            (gender, self.persons[p].gender),
            (Some(Gender::Male), Some(Gender::Female)) | (Some(Gender::Female), Some(Gender::Male))
        )
    }

    fn resolved(&self, i: usize) -> ResolvedSpeaker {
        let p = &self.persons[i];
        ResolvedSpeaker {
            name: p.name.to_string(),
            kind: SpeakerKind::Person,
            role: p.role.clone().unwrap_or_default(),
        }
    }
}

/// The organisation named most often (at least twice) before byte offset
/// `before`: runs of capitalised words that are not people, places, titles
/// or time words. Ties go to the one named last.
fn salient_organisation<'a>(
    doc: &Document<'a>,
    lx: &Lexicon,
    people: &People,
    before: usize,
) -> Option<String> {
    let end = doc.tokens.partition_point(|t| t.span.start < before);
    let start = end.saturating_sub(NAMED_ORGANISATION_REACH);
    // name -> (times named, token of the last naming)
    // Keyed by slices of the text: only the winner becomes a String.
    let mut counts: FxHashMap<&'a str, (usize, usize)> = FxHashMap::default();
    // Built on first need.
    let mut courtesy_surnames: Option<Vec<&str>> = None;
    let capitals = doc.capitals_in(start..end);
    // Runs of capitalised words: each starts at a capital, the next at the
    // first capital past the end of the last.
    let mut next_capital = 0;
    let mut k = start;
    loop {
        while capitals.get(next_capital).is_some_and(|&c| c < k) {
            next_capital += 1;
        }
        let Some(&capital) = capitals.get(next_capital) else {
            break;
        };
        k = capital;
        // The capitalised words are those in `capitals` (all before `end`):
        // the run goes on while the next capital is the next token.
        let mut e = k;
        let mut c = next_capital;
        // A name never runs over a line break (a headline above it).
        while capitals.get(c) == Some(&e)
            && !is_possessive(token_bytes(doc, e))
            && (e == k || !break_between(doc, e - 1, e))
        {
            e += 1;
            c += 1;
        }
        if e == k {
            // A possessive name: one word.
            e = k + 1;
        }
        // The first word that is not a function word, title or role, and
        // its token.
        let mut s = k;
        let mut first = "";
        while s < e {
            let w = doc.token_text(s);
            let skip = DETERMINERS.contains(w)
                || PHRASE_BREAKS.contains(w)
                || SUBJECT_PRONOUNS.contains(w)
                || lx.is_time_word(w)
                || lx.is_title(w)
                || lx.is_person_noun(w);
            if !skip {
                first = bare(w);
                break;
            }
            s += 1;
        }
        if s < e {
            let span = Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end);
            let name = bare(span.slice(doc.text));
            let last = bare(doc.token_text(e - 1));
            let mut person = || {
                people.by_name(name).is_some()
                    || people.name_part(last).is_some_and(|u| u.surname.is_some())
                    || people.name_part(first).is_some_and(|u| u.given.is_some())
                    // A given name alone ("Renault") may be a company's.
                    || (lx.given_name(first).is_some() && s + 1 < e)
                    // "Anil Ambani" or "Ambani" where the article writes
                    // "Mr Ambani".
                    || courtesy_surnames
                        .get_or_insert_with(|| surnames_after_courtesy(doc))
                        .contains(&last)
            };
            // "Canadians", "Chinese": peoples, not organisations; nor are
            // "Anglers" or "Farmers" opening a sentence.
            let demonym = s + 1 == e
                && ["ans", "ese", "ish", "ians", "ers"]
                    .iter()
                    .any(|x| name.ends_with(x));
            // The people's names, hashed, last.
            if !demonym && !lx.is_place(name) && !lx.is_place(first) && !person() {
                let entry = counts.entry(name).or_insert((0, k));
                entry.0 += 1;
                entry.1 = k;
            }
        }
        k = e;
    }
    // (n, at) is unique per name (`at` is), so the hash order cannot matter.
    let best = counts
        .iter()
        .filter(|&(_, &(n, _))| n >= 2)
        .max_by_key(|&(_, &(n, at))| (n, at))
        .map(|(name, _)| name.to_string());
    best.or_else(|| shortened_organisation(&counts))
}

/// With no organisation named twice: one named in full once and by its
/// first word once ("Cairn" in the headline, "Shares in Cairn Energy" in
/// the first sentence), the full name. `None` when there are several.
fn shortened_organisation(counts: &FxHashMap<&str, (usize, usize)>) -> Option<String> {
    // Bounded: an article names a few dozen organisations at most; a
    // hostile one with thousands is not worth the pairs.
    if counts.len() > 64 {
        return None;
    }
    let mut found = counts.keys().filter(|long| {
        long.split_once(' ')
            .is_some_and(|(first, _)| counts.contains_key(first))
    });
    let long = found.next()?;
    found.next().is_none().then(|| long.to_string())
}

/// How many tokens back [`named_organisation`] looks.
const NAMED_ORGANISATION_REACH: usize = 3000;

/// The last organisation named before byte offset `before` whose name holds
/// `head` ("Foreign Ministry" for "the ministry"), without its article.
fn named_organisation(doc: &Document, before: usize, head: &str) -> Option<String> {
    let end = doc.tokens.partition_point(|t| t.span.start < before);
    let is_cap_word =
        |k: usize| doc.tokens[k].kind == TokenKind::Word && is_capitalised(doc.token_text(k));
    // A few pages of text back is far enough for "the ministry" to refer to
    // a name, and keeps long articles linear.
    let floor = end.saturating_sub(NAMED_ORGANISATION_REACH);
    for &k in doc.capitals_in(floor..end).iter().rev() {
        // Lengths first: equal words are as long in bytes.
        let same_length = doc.tokens[k].span.len() == head.len();
        if !same_length || !doc.token_text(k).eq_ignore_ascii_case(head) {
            continue;
        }
        let mut first = k;
        while first > 0
            && is_cap_word(first - 1)
            && !DETERMINERS.contains(doc.token_text(first - 1))
        {
            first -= 1;
        }
        if first == k {
            continue;
        }
        let span = Span::new(doc.tokens[first].span.start, doc.tokens[k].span.end);
        return Some(span.slice(doc.text).to_string());
    }
    None
}

/// The organisation the article introduced with the description `head`
/// ("Rally Canada, the group that organized ..." or "media company Comcast"),
/// the latest before byte offset `before`: what "the group" or "the
/// company" refers back to when the article says so in as many words.
fn described_organisation(doc: &Document, before: usize, head: &str) -> Option<String> {
    let end = doc.tokens.partition_point(|t| t.span.start < before);
    let floor = end.saturating_sub(NAMED_ORGANISATION_REACH);
    let is_word = |k: usize| doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word);
    let is_cap_word = |k: usize| is_word(k) && is_capitalised(doc.token_text(k));
    // Two tokens of one name: one space apart, the first not ending a sentence.
    let joined = |a: usize, b: usize| {
        doc.text
            .get(doc.tokens[a].span.end..doc.tokens[b].span.start)
            == Some(" ")
            && !doc.token_text(a).ends_with('.')
    };
    let run_text = |first: usize, last: usize| {
        let span = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
        bare(span.slice(doc.text)).trim_end_matches('.').to_string()
    };
    // The word tokens spelt `head`, last first: lengths first, as most
    // tokens are not as long as `head`. (A search of the slice, with no
    // bounds checks: it reads every token of a few pages of text.)
    let spelt_head = |t: &Token| {
        t.span.len() == head.len()
            && t.kind == TokenKind::Word
            && doc.text.as_bytes().get(t.span.start..t.span.end) == Some(head.as_bytes())
    };
    let mut k = end;
    while let Some(found) = doc
        .tokens
        .get(floor..k)
        .and_then(|tokens| tokens.iter().rposition(spelt_head))
    {
        k = floor + found;
        // "company Comcast": the name right after the description.
        if k + 1 < end && is_cap_word(k + 1) && joined(k, k + 1) {
            let mut last = k + 1;
            while last + 1 < end && is_cap_word(last + 1) && joined(last, last + 1) {
                last += 1;
            }
            return Some(run_text(k + 1, last));
        }
        // "Rally Canada, the group": the name before the apposition.
        let mut det = k;
        while det > floor && k - det < 3 && is_word(det - 1) && !is_cap_word(det - 1) {
            det -= 1;
            if DETERMINERS.contains(doc.token_text(det)) {
                break;
            }
        }
        if det == k || !DETERMINERS.contains(doc.token_text(det)) || det < 2 {
            continue;
        }
        let comma = det - 1;
        if doc.tokens[comma].kind != TokenKind::Punct || doc.token_text(comma) != "," {
            continue;
        }
        let last = comma - 1;
        if !is_cap_word(last) {
            continue;
        }
        let mut first = last;
        while first > floor
            && is_cap_word(first - 1)
            && joined(first - 1, first)
            && !DETERMINERS.contains(doc.token_text(first - 1))
        {
            first -= 1;
        }
        // "However, the company": a sentence's opening word is no name on
        // its own, nor is a run that opens with a preposition ("In
        // California, the company").
        let opens = opens_sentence(doc, first) && first == last;
        if opens || PHRASE_BREAKS.contains(doc.token_text(first)) {
            continue;
        }
        return Some(run_text(first, last));
    }
    None
}

/// The name an acronym stands for ("Export Development Canada" for "EDC"):
/// the last run of capitalised words before byte offset `before` whose
/// initials spell it, small linking words ("of", "and", "for", "the")
/// allowed inside, every word spelt out. `None` unless `acronym` is two to six capital letters.
fn expand_acronym(doc: &Document, before: usize, acronym: &str) -> Option<String> {
    let letters = acronym.len();
    if !(2..=6).contains(&letters) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let end = doc.tokens.partition_point(|t| t.span.start < before);
    let floor = end.saturating_sub(NAMED_ORGANISATION_REACH);
    let initial = |k: usize| -> Option<char> {
        let t = doc.tokens.get(k)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        doc.token_text(k)
            .chars()
            .next()
            .filter(|c| c.is_uppercase())
    };
    let linking = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && is_in(&["of", "and", "for", "the"], doc.token_text(k))
    };
    let wanted: Vec<char> = acronym.chars().collect();
    // The acronym is ASCII: its last letter, as a byte.
    let last_letter = acronym.as_bytes().last().copied();
    // A run ends with a capitalised word: only those are tried.
    for &k in doc.capitals_in(floor..end).iter().rev() {
        // Most capitals do not start with the last letter: no run ends there.
        if token_bytes(doc, k).first().copied() != last_letter {
            continue;
        }
        // Try a run ending at token k, read backwards.
        let mut i = wanted.len();
        let mut j = k;
        let mut first = None;
        while i > 0 {
            match initial(j) {
                Some(c) if c == wanted[i - 1] => {
                    i -= 1;
                    first = Some(j);
                }
                _ if linking(j) && first.is_some() => {}
                _ => break,
            }
            if j == floor {
                break;
            }
            j -= 1;
        }
        if i == 0 {
            let first = first?;
            let span = Span::new(doc.tokens[first].span.start, doc.tokens[k].span.end);
            let name = span.slice(doc.text);
            // Every word spelt out: "BT and Telewest" or "European and US"
            // hold acronyms themselves.
            let spelt_out = name
                .split(' ')
                .all(|w| w.chars().skip(1).any(|c| c.is_lowercase()) || w.len() == 1);
            if name.contains(' ') && spelt_out {
                return Some(bare(name).to_string());
            }
        }
    }
    None
}

/// True when token `k` opens its sentence, after at most a few capitalised
/// or role words ("Lawyer Jane Doe", "Kremlin spokesman Dmitry Peskov"),
/// or follows an introductory clause.
fn opens_sentence(doc: &Document, k: usize) -> bool {
    let i = doc.sentences.partition_point(|s| s.end <= k);
    let Some(sent) = doc.sentences.get(i) else {
        return false;
    };
    if sent.first > k {
        return false;
    }
    let opens = k - sent.first <= 5
        && (sent.first..k).all(|j| {
            let t = doc.tokens[j];
            t.kind == TokenKind::Word && !PHRASE_BREAKS.contains(t.span.slice(doc.text))
        });
    // "When asked which is harder, Mulder didn't hesitate": the subject
    // right after an introductory clause (and its comma).
    let after_intro = k > sent.first + 1
        && k - sent.first <= 40
        && doc.tokens[k - 1].kind == TokenKind::Punct
        && doc.token_text(k - 1) == ","
        && doc.tokens[sent.first].kind == TokenKind::Word
        && INTRODUCTORY_WORDS.contains(doc.token_text(sent.first));
    opens || after_intro
}

/// True when `words` are a given name and one more word ("Liam Fox"), the
/// given name neither a place nor an organisation's ("Washington Post"):
/// a person's name when a role stands before it or the article writes the
/// second word after a courtesy title too ("Dr Fox"), whatever else it
/// names (the network Fox).
fn given_and_surname(lx: &Lexicon, words: &[&str]) -> bool {
    matches!(words, [given, _] if lx.given_name(given).is_some()
        && !lx.is_place(given)
        && !lx.is_organisation_word(given))
}

/// The words an article writes right after a courtesy or academic title
/// (`Fox` in "Dr Fox", "Mr Fox"), without a possessive ending.
fn surnames_after_courtesy<'t>(doc: &Document<'t>) -> Vec<&'t str> {
    doc.capitals
        .windows(2)
        .filter(|pair| pair[1] == pair[0] + 1)
        .filter(|pair| {
            let title = doc.token_text(pair[0]);
            HONORIFICS.contains(title) || ACADEMIC_TITLES.contains(title)
        })
        .map(|pair| bare(doc.token_text(pair[1])))
        .collect()
}

/// True when `word` is all capitals, two letters or more (`BBC`, `NHS`):
/// an organisation's acronym.
fn is_acronym(word: &str) -> bool {
    word.len() > 1 && word.chars().all(char::is_uppercase)
}

/// True when word `i` of `words` is letters after a person's name (`QC`
/// in `Guy Mansfield QC`): the last word, after two words at least.
fn is_post_nominal(words: &[&str], i: usize) -> bool {
    i >= 2 && i + 1 == words.len() && POST_NOMINALS.contains(words[i])
}

/// True when a capitalised word before a given name reads as a role, not
/// as a first name or part of a place (`Ard Jan Vetham`, `New Yorker Dick
/// Morris`): a person noun, or a word for what someone does (`Singer`,
/// `Striker`, `Guitarist`, `Producer`, `Fly-half`). Courtesy titles stay
/// part of the name (`Sir Alex Ferguson`).
fn looks_like_role(lx: &Lexicon, word: &str) -> bool {
    courtesy_gender(word).is_none()
        && !HONORIFICS.contains(word)
        && !PEERAGE.contains(word)
        && !lx.is_place(word)
        && lx.is_role_word(word)
}

/// True when byte offset `at` lies in a photo caption ("Ryan Remiorz / The
/// Canadian Press Kevin Vickers, right, tosses ...", "Benjamin Layne ...
/// looks at a display ... ( THE CANADIAN PRESS FILE PHOTO )"): a paragraph
/// with a photo credit. Who a caption shows takes no floor from the
/// article's speakers.
fn in_caption(doc: &Document, at: usize) -> bool {
    let k = doc.paragraphs.partition_point(|p| p.end <= at);
    let Some(paragraph) = doc.paragraphs.get(k).filter(|p| p.start <= at) else {
        return false;
    };
    // A credit opens a caption ("Ryan Remiorz / The Canadian Press", "PA
    // Images via Getty Images") or closes it ("FILE PHOTO )"): only the ends
    // of the paragraph are read.
    const END: usize = 80;
    let bytes = paragraph.slice(doc.text).as_bytes();
    let head = &bytes[..bytes.len().min(END)];
    let tail = &bytes[bytes.len().saturating_sub(END)..];
    let holds = |part: &[u8], needle: &[u8]| part.windows(needle.len()).any(|w| w == needle);
    holds(tail, b"PHOTO")
        || holds(head, b"PHOTO")
        || holds(head, b"Getty Images")
        || head.windows(4).enumerate().any(|(i, w)| {
            // A photographer's name, then the agency: capitals both sides
            // (" / T", after a lower-case letter that ends a capitalised
            // word).
            w[..3] == *b" / "
                && w[3].is_ascii_uppercase()
                && i > 0
                && head[i - 1].is_ascii_alphabetic()
                && head[..i]
                    .rsplit(|&b| b == b' ')
                    .next()
                    .is_some_and(|word| word.first().is_some_and(u8::is_ascii_uppercase))
        })
}

/// True when a comma stands right before token `k` (the first of a name):
/// what sets the subject of a main clause apart from one after a verb or a
/// preposition ("for Ferguson was", "suggesting Jeremy Paxman would"),
/// after "and" (a list or a second clause) or inside a description.
fn comma_before(doc: &Document, k: usize) -> bool {
    k > 0 && doc.tokens[k - 1].kind == TokenKind::Punct && doc.token_text(k - 1) == ","
}

/// True when token `k`, right after a name, is a finite verb of which the
/// name is the subject: an auxiliary ("was", "didn't"), a past tense in
/// -ed ("expressed") or a verb of saying ("says", "told"); also after a
/// comma that closes an apposition the name ends ("Director at Symantec,
/// Kevin Haley, agreed").
fn verb_follows(doc: &Document, k: usize) -> bool {
    let lx = Lexicon::get();
    let is_verb = |k: usize| {
        if doc.tokens.get(k).is_none_or(|t| t.kind != TokenKind::Word) {
            return false;
        }
        let w = doc.token_text(k);
        FINITE_AUXILIARIES.contains(w)
            || PLAIN_NEGATORS.contains(w)
            || is_past_after_subject("He", w)
            || (lx.is_attribution_verb(w) && (w.ends_with(['d', 's']) || w == "wrote"))
    };
    is_verb(k) || (comma_before(doc, k + 1) && is_verb(k + 1))
}

/// Resolves the speaker of every attribution; the result is parallel to it.
pub fn resolve(doc: &Document, attributions: &[Attribution]) -> Vec<Claim> {
    resolve_into(doc, attributions, &mut ResolverBuffers::default())
}

/// [`resolve`] with the tables and vectors of an earlier call, given back
/// emptied for the next.
pub(crate) fn resolve_into(
    doc: &Document,
    attributions: &[Attribution],
    buffers: &mut ResolverBuffers,
) -> Vec<Claim> {
    // Only named speakers and floating quotes consult the article's people:
    // an article with neither (no claims, or claims with no speaker) is not
    // searched for them.
    let people_needed = attributions
        .iter()
        .any(|a| !matches!(a.speaker, SpeakerRef::Nobody));
    resolve_with(doc, attributions, people_needed, buffers)
}

/// [`resolve`], finding the article's people only when `find_people` is
/// true (when false, every speaker must be [`SpeakerRef::Nobody`]).
// Out of line, as each stage's entry is, so that profiles (and
// scripts/bench-instructions.sh) see the stage whatever the compiler
// inlines: one call per article.
#[inline(never)]
fn resolve_with(
    doc: &Document,
    attributions: &[Attribution],
    find_people: bool,
    buffers: &mut ResolverBuffers,
) -> Vec<Claim> {
    let lx = Lexicon::get();
    let people = if find_people {
        People::find(doc, attributions, buffers)
    } else {
        People::none()
    };
    let mut out: Vec<Claim> = Vec::with_capacity(attributions.len());
    let mut floor = Floor::default();
    // The words of the mention being resolved, reused from claim to claim.
    let mut words = Vec::new();
    for a in attributions {
        let speaker = match &a.speaker {
            SpeakerRef::Nobody => ResolvedSpeaker::default(),
            SpeakerRef::SameAs(j) => {
                let previous = out.get(*j).map(|c| c.speaker.clone()).unwrap_or_default();
                // A person who opens a sentence between the last claim and
                // this quote has taken the floor ("McCallum didn't answer,
                // so CTV caught up with him. \"...\"").
                let since = out
                    .last()
                    .map_or(0, |c| c.text.end.max(c.mention.map_or(0, |m| m.end)));
                match people.subject_between(doc, since, a.content.start, None) {
                    Some(p)
                        if people.persons[p].name != previous.name
                            && since < a.content.start
                            && !people.named_in(doc, p, a.content) =>
                    {
                        people.resolved(p)
                    }
                    _ => previous,
                }
            }
            SpeakerRef::Named(m) => resolve_mention(
                Known {
                    doc,
                    lx,
                    people: &people,
                    earlier: &out,
                    floor: &floor,
                    content: a.content,
                },
                m,
                a.kind == crate::ClaimKind::Direct,
                &mut words,
            ),
        };
        let mut speaker = speaker;
        if speaker.name.is_empty() {
            // No one to give a role or a kind to.
            speaker = ResolvedSpeaker::default();
        }
        let mention = match &a.speaker {
            SpeakerRef::Named(m) if !a.continues => Some(m.span),
            _ => None,
        };
        floor.update(out.len(), &speaker, lx);
        out.push(Claim {
            text: a.content,
            kind: a.kind,
            cue: a.cue.filter(|_| !a.continues),
            mention,
            speaker,
        });
    }
    settle_kinds(doc, lx, &people, &mut out, &mut buffers.kinds);
    people.recycle(buffers);
    out
}

/// One speaker, one kind within an article. A capitalised name with no
/// person of that name in the article is taken for a person's (`Shell told
/// investors`): a guess, which the article's own evidence outweighs. A name
/// is an organisation on every claim when
/// - another claim resolves to it as an organisation (`the firm`, after
///   `Shell`), or `it` stands for it;
/// - the article writes it right after an organisation word (`oil firm
///   Yukos`, `telecoms regulator Ofcom`), or gives it a role that is one
///   (`Absa, South Africa's biggest retail bank,`);
///
/// unless the name shows a person: the people table holds it, or it opens
/// with a given name or a title (`Mr Vetham`).
// Out of line: inlined into resolve_with, it changed how the compiler laid
// out the rest of that function.
#[inline(never)]
fn settle_kinds(
    doc: &Document,
    lx: &Lexicon,
    people: &People,
    claims: &mut [Claim],
    scratch: &mut KindScratch,
) {
    let KindScratch {
        guessed,
        shown,
        premodified,
    } = scratch;
    guessed.clear();
    guessed.extend((0..claims.len()).filter(|&i| {
        let speaker = &claims[i].speaker;
        speaker.kind == SpeakerKind::Person
            && people.by_name(&speaker.name).is_none()
            // A given name shows a person only beside a surname: a one-word
            // name that is also a given name ("Renault", "Bentley") is most
            // often a company's.
            && (lx.given_name(first_word(&speaker.name)).is_none() || !speaker.name.contains(' '))
            && !lx.is_title(first_word(&speaker.name))
    }));
    if guessed.is_empty() {
        return; // most articles: every person is one the article shows
    }
    // The claims that show an organisation, one per name, and the names
    // written after an organisation word, each sorted for a binary search
    // per guessed claim: an article has a few of each, but may have
    // thousands of claims.
    let text = doc.text;
    let shows_organisation = |c: &Claim| {
        c.speaker.kind == SpeakerKind::Organization
            || c.mention
                .is_some_and(|m| m.slice(text).eq_ignore_ascii_case("it"))
    };
    shown.clear();
    shown.extend((0..claims.len()).filter(|&i| shows_organisation(&claims[i])));
    let name = |i: usize| claims[i].speaker.name.as_str();
    shown.sort_unstable_by(|&a, &b| name(a).cmp(name(b)));
    shown.dedup_by(|a, b| name(*a) == name(*b));
    // The text is searched only when a claim needs it.
    let mut searched = false;
    // The names whose pronouns were read, with what they showed.
    let mut decided: Vec<(String, bool)> = Vec::new();
    for &i in guessed.iter() {
        let name = claims[i].speaker.name.as_str();
        let mut organisation = shown
            .binary_search_by(|&j| claims[j].speaker.name.as_str().cmp(name))
            .is_ok()
            || role_is_organisation(lx, &claims[i].speaker.role);
        if !organisation {
            if !searched {
                after_organisation_words(doc, lx, premodified);
                searched = true;
            }
            organisation = written_after(doc, premodified, name);
        }
        // (Not one whose role is a person's: "Neill, editor of Hazards
        // magazine".)
        if !organisation && !name.contains(' ') && !role_is_persons(lx, &claims[i].speaker.role) {
            // Once per name: the verdict holds for all its claims.
            organisation = match decided.iter().find(|(n, _)| n == name) {
                Some(&(_, verdict)) => verdict,
                None => {
                    let verdict = pronouns_show_organisation(text, claims, guessed, name);
                    decided.push((name.to_string(), verdict));
                    verdict
                }
            };
        }
        if organisation {
            claims[i].speaker.kind = SpeakerKind::Organization;
        }
    }
}

/// True when the claims of the guessed speaker `name` show it to be an
/// organisation by the pronoun that first stands in them for someone:
/// more of them open with `its` or `it would`, `it has` ("Microsoft said
/// its software ...", "Yukos said it would appeal") than with `he`, `his`,
/// `she` or `her` ("Parry said he was ...").
fn pronouns_show_organisation(text: &str, claims: &[Claim], guessed: &[usize], name: &str) -> bool {
    // Bounded: an article with thousands of guessed claims is not worth
    // the pairs.
    if guessed.len() > 200 {
        return false;
    }
    let mut votes = 0i32;
    for &j in guessed {
        if claims[j].speaker.name != name {
            continue;
        }
        match first_pronoun_shows_organisation(claims[j].text.slice(text)) {
            Some(true) => votes += 1,
            Some(false) => votes -= 1,
            None => {}
        }
    }
    votes > 0
}

/// What the first personal or possessive pronoun of `content` shows of the
/// one it stands for: `Some(true)` for an organisation (`its`, or `it`
/// before a verb that takes a subject who acts: `it would`, `it has`),
/// `Some(false)` for a person (`he`, `his`, `she`, `her`, `him`, and the
/// speaker's own `I`, `me`, `my`: an organisation's statement is not in
/// the first person singular), `None` when neither comes first (`it was`
/// is as often no one).
fn first_pronoun_shows_organisation(content: &str) -> Option<bool> {
    const ACTS: [&str; 14] = [
        "would", "will", "had", "has", "plans", "planned", "expects", "expected", "could",
        "wanted", "intends", "hoped", "hopes", "aims",
    ];
    let mut words = content
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty());
    while let Some(w) = words.next() {
        match w {
            "its" | "Its" => return Some(true),
            "it" | "It" => {
                let acts = words.next().is_some_and(|next| ACTS.contains(&next));
                return acts.then_some(true);
            }
            "he" | "He" | "his" | "His" | "she" | "She" | "her" | "Her" | "him" | "I" | "I'm"
            | "I've" | "I'd" | "I'll" | "me" | "my" | "My" => return Some(false),
            _ => {}
        }
    }
    None
}

/// The scratch space of [`settle_kinds`], kept from article to article so
/// that it allocates nothing in most.
#[derive(Debug, Default)]
pub(crate) struct KindScratch {
    /// Claims whose speaker is a guessed person.
    guessed: Vec<usize>,
    /// Claims that show an organisation.
    shown: Vec<usize>,
    /// Capitalised words written after an organisation word.
    premodified: Vec<usize>,
}

/// Fills `out` with the tokens of `doc` that start a capitalised name right
/// after a lower-case organisation word (`firm` in `oil firm Yukos`,
/// `regulator` in `telecoms regulator Ofcom`), sorted by their text.
fn after_organisation_words(doc: &Document, lx: &Lexicon, out: &mut Vec<usize>) {
    out.clear();
    let text = doc.text;
    out.extend(doc.capitals.iter().copied().filter(|&k| {
        // The kind and the first byte first: the word before most capitals
        // is a word like `the` or `said`, ruled out without a slice.
        k.checked_sub(1)
            .and_then(|j| doc.tokens.get(j))
            .is_some_and(|t| {
                t.kind == TokenKind::Word
                    && text
                        .as_bytes()
                        .get(t.span.start)
                        .is_some_and(u8::is_ascii_lowercase)
                    && lx.is_organisation_word(t.span.slice(text))
            })
    }));
    out.sort_unstable_by(|&a, &b| doc.token_text(a).cmp(doc.token_text(b)));
}

/// True when the head of `role` ([`head_word`]) is a lower-case
/// organisation word: `bank` in `South Africa's biggest retail bank`, but
/// not in `head of the bank`.
fn role_is_organisation(lx: &Lexicon, role: &str) -> bool {
    let words: Vec<&str> = role.split_whitespace().collect();
    head_word(&words).is_some_and(|w| {
        w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && lx.is_organisation_word(w)
    })
}

/// True when the head of `role` is a word for a person (`editor of Hazards
/// magazine`, `chief executive`).
fn role_is_persons(lx: &Lexicon, role: &str) -> bool {
    let words: Vec<&str> = role.split_whitespace().collect();
    head_word(&words).is_some_and(|w| lx.is_role_word(w) && !lx.is_organisation_word(w))
}

/// The head noun of a mention or role, as words: the last word, or the
/// word before the phrase that qualifies it (`the founder of Studiocomix
/// Press`, `a spokesperson for the council`, `sources familiar with the
/// matter`), unless a capitalised word stands before `of` inside a name
/// (`the Bank of England`). `None` for no words.
fn head_word<'w>(words: &[&'w str]) -> Option<&'w str> {
    let last = words.last()?;
    Some(
        words
            .iter()
            .position(|w| {
                matches!(
                    *w,
                    "of" | "for" | "at" | "with" | "in" | "familiar" | "close"
                )
            })
            .filter(|&i| i > 0 && (i == 1 || !is_capitalised(words[i - 1])))
            .map_or(last, |i| words[i - 1]),
    )
}

/// True when `doc` writes `name` (words joined by single spaces) at one of
/// `starts` ([`after_organisation_words`]), alone or as the first words of a
/// longer name: a company is named in full once (`oil company Petrel
/// Resources`) and by its first word after (`Petrel said`).
fn written_after(doc: &Document, starts: &[usize], name: &str) -> bool {
    let head = first_word(name);
    let from = starts.partition_point(|&k| doc.token_text(k) < head);
    starts[from..]
        .iter()
        .take_while(|&&k| doc.token_text(k) == head)
        .any(|&k| {
            name.split(' ')
                .enumerate()
                .all(|(n, word)| doc.token_text(k + n) == word)
        })
}

/// The latest earlier claims a pronoun can fall back on, kept up to date as
/// claims are resolved. Searching the earlier claims backwards instead made
/// a document with thousands of claims and no person in them quadratic
/// (found by the pathological-input tests: 1.5 MB took two minutes).
#[derive(Debug, Default)]
struct Floor {
    /// The last claim by a person.
    person: Option<usize>,
    /// The last claim by a person "he" can stand for (given name not female).
    person_for_he: Option<usize>,
    /// The last claim by a person "she" can stand for (given name not male).
    person_for_she: Option<usize>,
    /// The last claim with any speaker.
    known: Option<usize>,
}

impl Floor {
    fn update(&mut self, index: usize, speaker: &ResolvedSpeaker, lx: &Lexicon) {
        if speaker.kind != SpeakerKind::Unknown {
            self.known = Some(index);
        }
        if speaker.kind == SpeakerKind::Person {
            self.person = Some(index);
            match name_gender(lx, &speaker.name) {
                Some(Gender::Female) => self.person_for_she = Some(index),
                Some(Gender::Male) => self.person_for_he = Some(index),
                Some(Gender::Either) | None => {
                    self.person_for_he = Some(index);
                    self.person_for_she = Some(index);
                }
            }
        }
    }
}

/// The gender a speaker's name shows: by its courtesy title, else by its
/// given name.
fn name_gender(lx: &Lexicon, name: &str) -> Option<Gender> {
    let first = first_word(name);
    courtesy_gender(first).or_else(|| lx.given_name(first))
}

/// True when `text` holds `word` as a whole word (not inside a longer one).
fn contains_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// True when `haystack` holds `needle`, ASCII case ignored: what
/// `haystack.to_ascii_lowercase().contains(&needle.to_ascii_lowercase())`
/// tells, without the two lower-cased copies.
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    needle.is_empty()
        || haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

/// `words` without their possessive endings, joined by spaces, in one
/// allocation.
fn joined_bare(words: &[&str]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(bare(w));
    }
    out
}

/// The words of a description joined by spaces, as a speaker's name.
/// "Analysts said" and "analysts said" are the same unnamed speakers: a
/// capital that only opens the sentence is not part of a description.
fn description_text(lx: &Lexicon, rest: &[&str]) -> String {
    let mut text = joined(rest);
    if rest.first().is_some_and(|w| {
        is_capitalised(w)
            && (lx.is_person_noun(w) || QUANTIFIER_SUBJECTS.contains(w))
            && lx.given_name(w).is_none()
    }) {
        lowercase_first(&mut text);
    }
    text
}

/// `words` joined by spaces, in one allocation: what `words.join(" ")`
/// gives.
fn joined(words: &[&str]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Puts the first character of `text` in lower case (`char::to_lowercase`):
/// in place when it is ASCII, as nearly always.
fn lowercase_first(text: &mut String) {
    // "MPs", "MSPs": an abbreviation keeps its capitals.
    let first_word = text.split(' ').next().unwrap_or("");
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return;
    }
    match text.as_bytes().first() {
        Some(b) if b.is_ascii() => text[..1].make_ascii_lowercase(),
        Some(_) => {
            let mut chars = text.chars();
            if let Some(c) = chars.next() {
                *text = c.to_lowercase().chain(chars).collect();
            }
        }
        None => {}
    }
}

/// What a mention is resolved against: the article, its people, and the
/// claims resolved before it.
#[derive(Clone, Copy)]
struct Known<'k, 't> {
    doc: &'k Document<'t>,
    lx: &'k Lexicon,
    people: &'k People<'k>,
    earlier: &'k [Claim],
    floor: &'k Floor,
    /// The content of the claim whose mention is resolved.
    content: Span,
}

/// How far back (in tokens) "the report" looks for the report the article
/// introduced with its author: a few pages, which keeps long articles linear.
const DOCUMENT_AUTHOR_REACH: usize = 2_000;

/// How many earlier mentions of the same document word "the report" reads
/// for its author, the latest first.
const DOCUMENT_AUTHOR_MENTIONS: usize = 16;

/// The author of the document a mention at `span` names by its head word
/// `head` (a document word: report, survey, statement):
/// - in the mention itself, a name right before the head ("the World Bank
///   report", "an ADB report") or a possessive name before it ("Oxfam's
///   latest survey", "Mr Peston's book");
/// - for a definite mention ("the report"), the same kind of document
///   introduced earlier with its author: "a report by the World Bank", "a
///   statement from Gatsby", or as above.
///
/// A person the article names is that person; any other name is an
/// organisation's. `None` when no author is written, so that the caller's
/// other rules apply.
fn document_author(
    known: Known<'_, '_>,
    span: Span,
    head: &str,
    definite: bool,
) -> Option<ResolvedSpeaker> {
    let doc = known.doc;
    let first = doc.tokens.partition_point(|t| t.span.start < span.start);
    let end = doc.tokens.partition_point(|t| t.span.start < span.end);
    let head_at = (first..end)
        .rev()
        .find(|&k| doc.token_text(k).eq_ignore_ascii_case(head))?;
    if let Some(author) = owner_before(doc, known.lx, first, head_at) {
        return Some(author_speaker(known, author));
    }
    // "the firm's website" names its owner, if not by name: no looking back.
    let owned = (first..head_at).any(|k| {
        let w = doc.token_text(k);
        bare(w) != w
    });
    if !definite || owned {
        return None;
    }
    let floor = first.saturating_sub(DOCUMENT_AUTHOR_REACH);
    (floor..first)
        .rev()
        .filter(|&k| {
            // The singular or the plural ("reports by" before "the report"),
            // in lower case: "World Business Report" is a name.
            let w = doc.token_text(k);
            w == head || w.strip_suffix('s') == Some(head)
        })
        // The latest few: an article that says "the report" again and
        // again must not read every earlier one each time.
        .take(DOCUMENT_AUTHOR_MENTIONS)
        .find_map(|k| {
            let sentence_start = doc
                .sentences
                .get(doc.sentences.partition_point(|s| s.end <= k))
                .map_or(k, |s| s.first);
            owner_before(doc, known.lx, sentence_start, k)
                .or_else(|| author_after(doc, known.lx, k))
        })
        .map(|author| author_speaker(known, author))
}

/// The author written before the document word at token `head_at`, within
/// tokens `from..head_at`: a run of capitalised words right before it ("World
/// Bank report"), or one ending in a possessive, with lower-case words
/// between it and the head ("Oxfam's latest survey"). Its text, the
/// possessive `'s` dropped.
fn owner_before<'t>(
    doc: &Document<'t>,
    lx: &Lexicon,
    from: usize,
    head_at: usize,
) -> Option<&'t str> {
    let is_cap_word = |k: usize| {
        doc.tokens[k].kind == TokenKind::Word
            && is_capitalised(doc.token_text(k))
            && !DETERMINERS.contains(doc.token_text(k))
    };
    // Lower-case modifiers between a possessive and the head.
    let mut end = head_at;
    while end > from && end + 3 > head_at && !is_cap_word(end - 1) {
        end -= 1;
    }
    if end == from || !is_cap_word(end - 1) {
        return None;
    }
    let last = doc.token_text(end - 1);
    let possessive = bare(last) != last;
    if end < head_at && !possessive {
        return None;
    }
    let mut start = end - 1;
    loop {
        if start > from && is_cap_word(start - 1) && !doc.token_text(start - 1).contains('’') {
            start -= 1;
        } else if start > from + 1 && doc.token_text(start - 1) == "of" && is_cap_word(start - 2) {
            // "the Bank of England report"
            start -= 2;
        } else {
            break;
        }
    }
    // "As Mr Kok's report says": a capital that only opens the sentence.
    while start + 1 < end && PHRASE_BREAKS.contains(doc.token_text(start)) {
        start += 1;
    }
    if end - start == 1 && lx.is_time_word(bare(doc.token_text(start))) {
        // "Thursday's report"
        return None;
    }
    // A run that opens its sentence may be one word of it ("Officials
    // report"), not a name: only a possessive or a run of two words or an
    // acronym.
    let name = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
    let text = name.slice(doc.text);
    let text = bare(text);
    let acronym = text.len() >= 2 && text.bytes().all(|b| b.is_ascii_uppercase());
    // One word that is itself a description ("the Bank's report") names no
    // one.
    let description = end - start == 1 && lx.is_organisation_word(text);
    ((possessive || end - start >= 2 || acronym) && !description).then_some(text)
}

/// The author written after the document word at token `k`: "by" or
/// "from", an optional "the", and a run of capitalised words.
fn author_after<'t>(doc: &Document<'t>, lx: &Lexicon, k: usize) -> Option<&'t str> {
    let text_of = |i: usize| doc.token_text(i);
    if !matches!(text_of(k + 1), "by" | "from") {
        return None;
    }
    let mut start = k + 2;
    if text_of(start).eq_ignore_ascii_case("the") {
        start += 1;
    }
    let is_cap_word = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && is_capitalised(doc.token_text(i)))
    };
    let mut end = start;
    loop {
        if is_cap_word(end) {
            end += 1;
        } else if end > start && text_of(end) == "of" && is_cap_word(end + 1) {
            // "a study by the Fraser of Allander Institute"
            end += 2;
        } else {
            break;
        }
    }
    // "a report from Monday"
    if end == start || (end - start == 1 && lx.is_time_word(doc.token_text(start))) {
        return None;
    }
    let span = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
    Some(span.slice(doc.text))
}

/// The speaker for an author's name: the person the article names so, or
/// an organisation of that name.
fn author_speaker(known: Known<'_, '_>, author: &str) -> ResolvedSpeaker {
    let people = known.people;
    let last = author.rsplit(' ').next().unwrap_or(author);
    if let Some(i) = people.by_name(author).or_else(|| people.by_surname(last)) {
        return people.resolved(i);
    }
    // "Mr Kok's report", with no Mr Kok named: still a person.
    let first = author.split(' ').next().unwrap_or(author);
    let kind = if HONORIFICS.contains(first) {
        SpeakerKind::Person
    } else {
        SpeakerKind::Organization
    };
    ResolvedSpeaker {
        name: author.to_string(),
        kind,
        role: String::new(),
    }
}

/// The organisation that opens the sentence before the one at byte offset
/// `at` as its subject: a run of capitalised words ("The British Chambers
/// of Commerce welcomed ..."), or "the" and an organisation or document word
/// ("The firm has applied ...", "The report said ..."), resolved as a
/// mention would be; `None` when that sentence opens otherwise or the
/// subject is not an organisation.
// Out of line: only "it" after a person's claim asks.
#[inline(never)]
fn subject_organisation_before(
    known: Known<'_, '_>,
    at: usize,
    direct: bool,
) -> Option<ResolvedSpeaker> {
    let doc = known.doc;
    let token = doc.tokens.partition_point(|t| t.span.start < at);
    let here = doc.sentences.partition_point(|s| s.end <= token);
    let sentence = doc.sentences.get(here.checked_sub(1)?)?;
    let word = |k: usize| {
        (k < sentence.end && doc.tokens[k].kind == TokenKind::Word).then(|| doc.token_text(k))
    };
    let mut k = sentence.first;
    // A sentence may open with a conjunction ("But IPTV could ...").
    if word(k).is_some_and(|w| OPENING_CONJUNCTIONS.contains(w)) {
        k += 1;
    }
    let determiner = word(k).is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if determiner {
        k += 1;
    }
    let first = word(k)?;
    // "It rains. '...,' it said": a pronoun is no organisation's name (and
    // resolving it would ask this again of the sentence before, and so on
    // back through the article).
    if SUBJECT_PRONOUNS.contains(first) {
        return None;
    }
    let end = if is_capitalised(first) {
        // The capitalised run, through "of", "and" and "for" inside it
        // ("Centre for Economic Policy Research").
        let mut e = k + 1;
        while let Some(w) = word(e) {
            if is_capitalised(w) {
                e += 1;
            } else if matches!(w, "of" | "and" | "for") && word(e + 1).is_some_and(is_capitalised) {
                e += 2;
            } else {
                break;
            }
        }
        // After "the", one capitalised word only modifies what follows
        // ("The Rosneft announcement"), unless it is an organisation word;
        // a longer run is a name ("The British Chambers of Commerce").
        if determiner && e == k + 1 && !known.lx.is_organisation_word(first) {
            return None;
        }
        e
    } else if determiner
        && (known.lx.is_organisation_word(first) || known.lx.is_document_word(first))
    {
        k + 1
    } else {
        return None;
    };
    let start = doc.tokens[k - usize::from(determiner)].span.start;
    let subject = SpeakerMention {
        span: Span::new(start, doc.tokens[end - 1].span.end),
        role: None,
    };
    let mut words = Vec::new();
    // Resolved against the article's names only, not the claims before:
    // their speakers are what "it" is being told apart from, and a search
    // of them for every "it" was quadratic (40,000 claims "The report came
    // out. '...,' it said" took seconds).
    let names_only = Known {
        earlier: &[],
        ..known
    };
    let speaker = resolve_mention(names_only, &subject, direct, &mut words);
    // "The firm" stands for a named organisation or for none: the bare
    // description ("report") names no speaker.
    let named = speaker.name.starts_with(|c: char| c.is_uppercase());
    (speaker.kind == SpeakerKind::Organization && named).then_some(speaker)
}

/// The speaker `m` names. `words` is scratch space for the mention's words
/// (one buffer for all the mentions of an article rather than a `Vec` each).
fn resolve_mention<'t>(
    known: Known<'_, 't>,
    m: &SpeakerMention,
    direct: bool,
    words: &mut Vec<&'t str>,
) -> ResolvedSpeaker {
    let Known {
        doc,
        lx,
        people,
        earlier,
        floor,
        content,
    } = known;
    let text = m.span.slice(doc.text);
    // Borrowed until a speaker takes it: most mentions resolve without it.
    let role_here = m.role.map(|r| r.slice(doc.text).trim());
    words.clear();
    push_words(text, words);
    let words: &[&str] = words;
    let Some(head) = head_word(words) else {
        return ResolvedSpeaker::default();
    };
    let with_role = |mut s: ResolvedSpeaker| {
        if let Some(r) = role_here {
            if s.role.is_empty() {
                s.role = r.to_string();
            }
        }
        s
    };
    // Pronouns.
    if words.len() == 1 && SUBJECT_PRONOUNS.contains(head) {
        let he = head.eq_ignore_ascii_case("he");
        if he || head.eq_ignore_ascii_case("she") {
            let gender = if he { Gender::Male } else { Gender::Female };
            // The last speaker of that gender keeps the floor unless a newer
            // person opens a sentence as its subject after that speaker's
            // claim: "Smith said ... Jones, a lawyer, disagreed. He said".
            let last_speaker = match gender {
                Gender::Male => floor.person_for_he,
                Gender::Female => floor.person_for_she,
                Gender::Either => floor.person,
            }
            .and_then(|i| earlier.get(i));
            if let Some(c) = last_speaker {
                let since = c.mention.map_or(c.text.end, |m| m.end.max(c.text.end));
                let newer = people.subject_between(doc, since, m.span.start, Some(gender));
                return match newer {
                    Some(p)
                        if people.persons[p].name != c.speaker.name
                            && !people.named_in(doc, p, content) =>
                    {
                        people.resolved(p)
                    }
                    _ => c.speaker.clone(),
                };
            }
            if let Some(p) = people.last_before(m.span.start, Some(gender)) {
                // The subject of the sentence that named that person, if it
                // names one who fits, rather than a name later in it ("Hoffman
                // is in the UK with a film that also stars Ben Stiller. He
                // said"): a pronoun most often carries on the last subject.
                let subject = people
                    .last_naming_sentence(doc, m.span.start)
                    .and_then(|from| people.subject_between(doc, from, m.span.start, Some(gender)));
                return people.resolved(subject.unwrap_or(p));
            }
            // The last person of any gender, unless their name shows the
            // other one (`she` is not `Mr Fox`).
            return floor
                .person
                .and_then(|i| earlier.get(i))
                .filter(|c| {
                    !matches!(
                        (gender, name_gender(lx, &c.speaker.name)),
                        (Gender::Male, Some(Gender::Female)) | (Gender::Female, Some(Gender::Male))
                    )
                })
                .map(|c| c.speaker.clone())
                .unwrap_or_default();
        }
        let last = floor.known.and_then(|i| earlier.get(i));
        // "It" is no one the article shows to be a person ("The British
        // Chambers of Commerce welcomed the proposal. '...,' it said" after
        // Patricia Hewitt's quote): better no speaker than a wrong one. A
        // name only guessed to be a person's may be an organisation's, which
        // "it" then shows (see settle_kinds).
        if head.eq_ignore_ascii_case("it")
            && last.is_some_and(|c| {
                c.speaker.kind == SpeakerKind::Person
                    && c.speaker.name.contains(' ')
                    && name_gender(lx, &c.speaker.name).is_some()
            })
        {
            // The organisation the sentence before opens with, if any ("The
            // British Chambers of Commerce welcomed the proposal. '...,' it
            // said").
            return subject_organisation_before(known, m.span.start, direct).unwrap_or_default();
        }
        return last.map(|c| c.speaker.clone()).unwrap_or_default();
    }
    let det = words.first().is_some_and(|w| DETERMINERS.contains(w));
    let rest: &[&str] = if det { &words[1..] } else { words };
    // Built only on the paths that name the speaker by its description.
    let rest_text = || description_text(lx, rest);
    // "Many of those questioned", "a majority of the workers": a part of a
    // group, unnamed.
    // (From the mention's first word: "many", "some", "two" are determiners
    // to the rest of the resolver.)
    let partitive = |w: &[&str]| w.len() > 2 && w[1] == "of" && PARTITIVES.contains(w[0]);
    let part = if partitive(words) {
        Some(words)
    } else {
        words.get(1..).filter(|w| partitive(w))
    };
    if let Some(part) = part {
        let mut text = joined(part);
        if is_capitalised(part[0]) {
            lowercase_first(&mut text);
        }
        return ResolvedSpeaker {
            name: text.clone(),
            kind: SpeakerKind::Anonymous,
            role: text,
        };
    }
    // "Foster's book says", "according to Foster's research": a person's
    // work speaks for them (but "McCallum's staff" are other people).
    if words.len() == 2 && !is_capitalised(words[1]) && !lx.is_person_noun(words[1]) {
        let owner = bare(words[0]);
        if owner != words[0] && is_capitalised(owner) {
            if let Some(i) = people.by_surname(owner) {
                return people.resolved(i);
            }
        }
    }
    // "Sources familiar with the matter" opening a sentence is a description.
    let described = !is_capitalised(head)
        || (words.len() > 1
            && words.first() == Some(&head)
            && lx.is_person_noun(head)
            && lx.given_name(head).is_none());
    if described {
        let definite = words
            .first()
            .is_some_and(|w| w.eq_ignore_ascii_case("the") || w.eq_ignore_ascii_case("this"));
        let plural = head.ends_with('s') && !head.ends_with("ss");
        if lx.is_document_word(head) {
            // "the World Bank report", "Oxfam's survey", or "the report"
            // after "a report by the World Bank": the author speaks.
            if let Some(author) = document_author(known, m.span, head, definite) {
                return author;
            }
        }
        if lx.is_organisation_word(head) || lx.is_document_word(head) {
            if definite {
                // "the ministry" after "the Foreign Ministry": the named one.
                if let Some(name) = named_organisation(doc, m.span.start, head) {
                    return ResolvedSpeaker {
                        name,
                        kind: SpeakerKind::Organization,
                        role: String::new(),
                    };
                }
                // Only a bare "the company" stands for one named before; "the
                // haulage company" is a new one.
                let bare_head = rest.len() == 1;
                if bare_head && !plural && !lx.is_document_word(head) {
                    if let Some(name) = described_organisation(doc, m.span.start, head) {
                        return ResolvedSpeaker {
                            name,
                            kind: SpeakerKind::Organization,
                            role: String::new(),
                        };
                    }
                }
                // "The company" in a story about Procter & Gamble: the
                // organisation the article has named most often so far.
                if bare_head && !lx.is_document_word(head) {
                    if let Some(name) = salient_organisation(doc, lx, people, m.span.start) {
                        return ResolvedSpeaker {
                            name,
                            kind: SpeakerKind::Organization,
                            role: String::new(),
                        };
                    }
                }
                if let Some(c) = earlier.iter().rev().filter(|_| bare_head).find(|c| {
                    c.speaker.kind == SpeakerKind::Organization
                        || (lx.is_document_word(head) && c.speaker.kind != SpeakerKind::Unknown)
                }) {
                    return c.speaker.clone();
                }
            }
            return ResolvedSpeaker {
                name: rest_text(),
                kind: SpeakerKind::Organization,
                role: String::new(),
            };
        }
        // A definite description names someone the article has named:
        // "the mayor", or by a quote, "the affable proprietor"; unless it
        // says it does not ("the unidentified official"), or a source is
        // what it names: a source is unnamed ("the Tory source").
        let unnamed = || {
            is_in(&["source", "insider"], head) || words.iter().any(|w| UNNAMED_MARKERS.contains(w))
        };
        if definite && !plural && (lx.is_person_noun(head) || direct) && !unnamed() {
            // Among the people named before it: a description looks back
            // ("The prime minister said" is not the deputy prime minister
            // the article names further down).
            let holds_head = |p: &Person| {
                p.role
                    .as_deref()
                    .is_some_and(|r| contains_ignore_ascii_case(r, head))
            };
            if let Some(i) = people
                .persons
                .iter()
                .rposition(|p| p.first_at < m.span.start && holds_head(p))
            {
                return people.resolved(i);
            }
            if let Some(p) = people.topic_before(doc, m.span.start) {
                return people.resolved(p);
            }
            // With no one named before, one named after may be meant ("the
            // economy minister said" atop an article that names him later).
            if let Some(i) = people.persons.iter().rposition(holds_head) {
                return people.resolved(i);
            }
        }
        if !lx.is_person_noun(head) {
            // "the coast guard": a body, not a person.
            return ResolvedSpeaker {
                name: rest_text(),
                kind: SpeakerKind::Organization,
                role: String::new(),
            };
        }
        let text = rest_text();
        return ResolvedSpeaker {
            name: text.clone(),
            kind: SpeakerKind::Anonymous,
            role: text,
        };
    }
    // "Analysts", "Critics" opening a sentence: unnamed people.
    if rest.len() == 1 && lx.is_person_noun(head) && lx.given_name(head).is_none() {
        let text = rest_text();
        return ResolvedSpeaker {
            name: text.clone(),
            kind: SpeakerKind::Anonymous,
            role: text,
        };
    }
    // "Companies", "Firms" opening a sentence: unnamed organisations, as
    // "companies" elsewhere.
    if rest.len() == 1
        && !det
        && !lx.is_organisation_word(head)
        && lx.is_organisation_word_lowercased(head)
    {
        let mut name = joined(rest);
        lowercase_first(&mut name);
        return ResolvedSpeaker {
            name,
            kind: SpeakerKind::Organization,
            role: role_here.unwrap_or_default().to_string(),
        };
    }
    // A capitalised name.
    let full = joined_bare(rest);
    if let Some(i) = people.by_name(&full) {
        return with_role(people.resolved(i));
    }
    // `Mr Fox`, `Dr Liam Fox`: a person's name, whatever else its surname
    // names (Fox News, the Press), when a courtesy title opens it or an
    // academic title is its role here. (Not any title or role noun: `General
    // Motors`, `China's official Xinhua News Agency`.)
    let personal = rest
        .first()
        .is_some_and(|w| HONORIFICS.contains_bytes(w.as_bytes()))
        || role_here.is_some_and(|r| ACADEMIC_TITLES.contains(r));
    // An office named by its seat is a person's, whatever its words look
    // like (`the Labour MP for Birkenhead`, `the Archbishop of Canterbury`,
    // `Lord Walker of Gestingthorpe`).
    let office = (rest.first().is_some_and(|f| PEERAGE.contains(f)) && rest.contains(&"of"))
        || rest
            .windows(2)
            .any(|w| matches!(w[1], "of" | "for") && lx.is_title(w[0]));
    if office {
        return ResolvedSpeaker {
            name: full,
            kind: SpeakerKind::Person,
            role: role_here.unwrap_or_default().to_string(),
        };
    }
    let org_like = (!personal && rest.iter().any(|w| lx.is_organisation_word(bare(w))))
        || lx.is_place(&full)
        || (rest.len() == 1 && lx.is_place(bare(head)))
        || det
        || rest.iter().enumerate().any(|(i, w)| {
            w.len() > 1
                && w.chars().all(|c| c.is_uppercase() || c == '.')
                && !is_post_nominal(rest, i)
        });
    // "Mr Blair" is a man, whoever else bears the name.
    let gender = rest.first().and_then(|w| courtesy_gender(w));
    if rest.len() == 1 && !org_like {
        if let Some(i) = people.by_surname_at(bare(head), m.span.start, None) {
            return with_role(people.resolved(i));
        }
    }
    if org_like {
        // "EDC" after "Export Development Canada (EDC)": the full name.
        let name = expand_acronym(doc, m.span.start, &full).unwrap_or(full);
        return ResolvedSpeaker {
            name,
            kind: SpeakerKind::Organization,
            role: role_here.unwrap_or_default().to_string(),
        };
    }
    // A name the people table does not hold in full: a longer one with the
    // same surname wins.
    if let Some(i) = people.by_surname_at(bare(head), m.span.start, gender) {
        if people.persons[i].name.len() > full.len() {
            return with_role(people.resolved(i));
        }
    }
    let camel = rest.len() == 1 && head.chars().skip(1).any(char::is_uppercase);
    ResolvedSpeaker {
        name: full,
        kind: if camel {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Person
        },
        role: role_here.unwrap_or_default().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::attributions;
    use proptest::prelude::*;

    /// Pieces of news text rich in what resolution looks at: full names,
    /// surnames, titles, roles, pronouns, descriptions, organisations,
    /// acronyms, possessives, quotes and cues.
    const FRAGMENTS: &[&str] = &[
        "Jake Sullivan",
        "Sullivan",
        "Jane Doe",
        "Doe",
        "Ms Doe",
        "Mr Sullivan",
        "President Joe Biden",
        "Biden",
        "Kremlin spokesman Dmitry Peskov",
        "Peskov",
        "Mamadou Dia was",
        "Paolo Brennan",
        "Brennan",
        "Brennan's",
        "Foster's book",
        "he",
        "He",
        "she",
        "She",
        "they",
        "the mayor",
        "The mayor",
        "the affable proprietor",
        "Analysts",
        "analysts",
        "officials",
        "a spokesperson for the council",
        "Sources familiar with the matter",
        "the company",
        "The company",
        "the ministry",
        "the Foreign Ministry",
        "Procter & Gamble",
        "the group",
        "Rally Canada, the group",
        "media company Comcast",
        "Export Development Canada (EDC)",
        "EDC",
        "the report",
        "Homeland Security",
        "Sherbrook Street",
        "Iran",
        "In October",
        "However,",
        "When asked which is harder,",
        "\"We will win,\"",
        "\"It is over.\"",
        "\"",
        "said",
        "says",
        "told reporters",
        "added",
        "according to",
        "denied",
        "was",
        "is",
        "who",
        "and",
        "of",
        "the",
        "a",
        "on Monday",
        "in Ottawa",
        "US",
        "Mrs May",
    ];

    /// News-like text: fragments joined by spaces, commas, full stops and
    /// line breaks.
    fn news_like() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (
                prop::sample::select(FRAGMENTS),
                prop::sample::select(&[" ", " ", " ", ", ", ". ", ".\n", "\n\n"][..]),
            ),
            0..80,
        )
        .prop_map(|parts| parts.into_iter().flat_map(|(f, s)| [f, s]).collect())
    }

    /// The repository's text fixtures.
    fn fixture_texts() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for path in entries.flatten().map(|e| e.path()) {
                if path.is_dir() {
                    walk(&path, out);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    out.push(text);
                }
            }
        }
        let mut texts = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures"),
            &mut texts,
        );
        assert!(texts.len() >= 10, "fixtures not found");
        texts
    }

    /// Checks on `text` that skipping the people search changes nothing:
    /// The kinds [`settle_kinds`] leaves on claims by `speakers` (name,
    /// kind, mention, role) in `text`, whose mentions it holds in that
    /// order.
    fn settled_in(text: &str, speakers: &[(&str, SpeakerKind, &str, &str)]) -> Vec<SpeakerKind> {
        let doc = Document::parse(text);
        let mut at = 0;
        let mut claims: Vec<Claim> = speakers
            .iter()
            .map(|&(name, kind, mention, role)| {
                let start = at + text[at..].find(mention).expect("the mention");
                at = start + mention.len();
                Claim {
                    text: Span::new(at, at),
                    kind: crate::ClaimKind::Indirect,
                    cue: None,
                    mention: Some(Span::new(start, at)),
                    speaker: ResolvedSpeaker {
                        name: name.to_string(),
                        kind,
                        role: role.to_string(),
                    },
                }
            })
            .collect();
        // Scratch left over from an article before.
        let mut scratch = KindScratch {
            guessed: vec![7],
            shown: vec![7],
            premodified: vec![7],
        };
        settle_kinds(
            &doc,
            Lexicon::get(),
            &People::none(),
            &mut claims,
            &mut scratch,
        );
        claims.into_iter().map(|c| c.speaker.kind).collect()
    }

    /// [`settled_in`] a text of the mentions alone, without roles.
    fn settled(speakers: &[(&str, SpeakerKind, &str)]) -> Vec<SpeakerKind> {
        let text = speakers
            .iter()
            .map(|&(_, _, mention)| mention)
            .collect::<Vec<_>>()
            .join(" said. ");
        let speakers: Vec<_> = speakers
            .iter()
            .map(|&(name, kind, mention)| (name, kind, mention, ""))
            .collect();
        settled_in(&text, &speakers)
    }

    /// The speaker names of the claims in `text`, in order.
    fn speakers_of(text: &str) -> Vec<String> {
        crate::extract_claims(text)
            .into_iter()
            .map(|c| c.speaker.name)
            .collect()
    }

    /// The speaker names and kinds of the claims in `text`, in order.
    fn speakers_and_kinds_of(text: &str) -> Vec<(String, SpeakerKind)> {
        crate::extract_claims(text)
            .into_iter()
            .map(|c| (c.speaker.name, c.speaker.kind))
            .collect()
    }

    #[test]
    fn a_document_speaks_for_its_author_when_the_article_names_one() {
        let org = |s: &str| (s.to_string(), SpeakerKind::Organization);
        // Right before the head, as a possessive, and "of" inside a name.
        let text = "The Bank of England report said rates would rise. \
                    Norland's latest survey said rents had doubled.";
        assert_eq!(
            speakers_and_kinds_of(text),
            [org("Bank of England"), org("Norland")]
        );
        // Looking back to where the document was introduced, in lower case
        // only: "World Business Report" is a name, no report by anyone.
        let text = "A study from the Fraser of Allander Institute was published. \
                    The study said the sums were wrong.";
        assert_eq!(
            speakers_and_kinds_of(text),
            [org("Fraser of Allander Institute")]
        );
        // A day is no author, nor a one-word description ("the Bank's").
        let text = "Thursday's report said the sums were wrong. \
                    The Bank's inflation report said prices would rise.";
        assert_eq!(
            speakers_and_kinds_of(text),
            [org("Thursday's report"), org("Bank's inflation report")]
        );
        // A possessive description owns its document: no looking back to
        // the last website whose owner is named.
        let text = "The Kelby Water Board website was down. \
                    The firm's website said the mains were old.";
        assert_eq!(speakers_and_kinds_of(text), [org("firm's website")]);
    }

    #[test]
    fn a_pronoun_with_no_earlier_speaker_carries_on_the_subject() {
        // The last man named stands in the object of the sentence; its
        // subject is the one "He" goes on with.
        let text = "Arlo Fenwick is in town to promote a film that also stars \
                    Ben Keswick. He said: \"The film is long.\"";
        assert_eq!(speakers_of(text), ["Arlo Fenwick"]);
        // With no subject to carry on, the last person named.
        let text = "The film also stars Ben Keswick. He said: \"It is long.\"";
        assert_eq!(speakers_of(text), ["Ben Keswick"]);
    }

    #[test]
    fn a_subject_after_a_comma_takes_the_floor_from_the_last_speaker() {
        // After an introductory phrase, or closing an apposition.
        let text = "Leo Ortiz said the budget was sound. A day after the vote, \
                    Tom Quill expressed concern. \"It is bad,\" he said.";
        assert_eq!(speakers_of(text), ["Leo Ortiz", "Tom Quill"]);
        let text = "Leo Ortiz said the budget was sound. Head of research at the \
                    board, Kevin Haley, agreed. \"It is bad,\" he said.";
        assert_eq!(speakers_of(text), ["Leo Ortiz", "Kevin Haley"]);
        // Not a name after a preposition.
        let text = "Leo Ortiz said the deal was off. Fans who hoped for Dan \
                    Ferguson were sad. \"No comment,\" he said.";
        assert_eq!(speakers_of(text), ["Leo Ortiz", "Leo Ortiz"]);
    }

    #[test]
    fn a_surname_is_the_person_of_that_name_named_before_it() {
        // "Mr Blair" is neither the woman of that name nor one named after.
        let text = "Tony Blair visited on Friday. Mr Blair said the port would \
                    grow. Cherie Blair said the walk would reopen.";
        assert_eq!(speakers_of(text), ["Tony Blair", "Cherie Blair"]);
        let text = "Ann Tarrant arrived. Neil Tarrant left. Mr Tarrant said \
                    the ferry was late.";
        assert_eq!(speakers_of(text), ["Neil Tarrant"]);
        let text = "Neil Tarrant arrived. Tarrant said the ferry was late. \
                    His son, Andrew Tarrant, runs it.";
        assert_eq!(speakers_of(text), ["Neil Tarrant"]);
    }

    #[test]
    fn a_run_reads_as_what_stands_before_the_name_and_the_name() {
        let lx = Lexicon::get();
        let read = |run: &str| {
            let words: Vec<&str> = run.split(' ').collect();
            let reading = RunReading::of(lx, &words);
            let role = reading.role(&words, || false);
            (words[reading.name_start..].join(" "), role)
        };
        let named = |name: &str, role: Option<&str>| (name.to_string(), role.map(str::to_string));
        assert_eq!(read("Dmitry Peskov"), named("Dmitry Peskov", None));
        // Words that open a sentence or describe the name are dropped.
        assert_eq!(read("The Kremlin"), named("Kremlin", None));
        assert_eq!(
            read("Oscar-nominated Clive Owen"),
            named("Clive Owen", Some("Oscar-nominated"))
        );
        assert_eq!(
            read("Fly-half Charlie Hodgson"),
            named("Charlie Hodgson", Some("Fly-half"))
        );
        // A title: the words up to it are the role, a courtesy title none.
        assert_eq!(
            read("Prime Minister Tony Blair"),
            named("Tony Blair", Some("Prime Minister"))
        );
        assert_eq!(read("Mr Tony Blair"), named("Tony Blair", None));
        // A word for what someone does, before a given name.
        assert_eq!(
            read("Singer George Michael"),
            named("George Michael", Some("Singer"))
        );
        assert_eq!(read("Sir Alex Ferguson"), named("Sir Alex Ferguson", None));
        assert_eq!(read("DJ Norman Cook"), named("Norman Cook", Some("DJ")));
        // What the person belongs to, unless they are named already.
        assert_eq!(
            read("Tennis Australia Geoff Pollard"),
            named("Geoff Pollard", Some("Tennis Australia"))
        );
        let words = ["Getty", "Images", "Kevin", "Vickers"];
        let reading = RunReading::of(lx, &words);
        assert_eq!(reading.lead, RunLead::Affiliation);
        assert_eq!(reading.role(&words, || true), None);
        // A courtesy title inside the run opens the name.
        assert_eq!(
            read("Boss Sir Alex Ferguson"),
            named("Sir Alex Ferguson", Some("Boss"))
        );
    }

    #[test]
    fn a_word_for_what_someone_does_before_a_given_name_is_a_role() {
        let text = "Singer Nina Castell was on stage. Castell said the show was free.";
        assert_eq!(speakers_of(text), ["Nina Castell"]);
        // First names, courtesy titles and places stay in the name.
        for (text, name) in [
            (
                "Ard Jan Vetham was there. Vetham said it was late.",
                "Ard Jan Vetham",
            ),
            (
                "Sir Alex Ferguson was there. Ferguson said it was late.",
                "Sir Alex Ferguson",
            ),
            // "Baroness" ends like a word for a doer ("-ess"): the rank
            // keeps it in the name.
            (
                "Baroness Ann Tarrant was there. Tarrant said it was late.",
                "Baroness Ann Tarrant",
            ),
        ] {
            assert_eq!(speakers_of(text), [name], "{text}");
        }
    }

    #[test]
    fn a_shortened_organisation_is_one_when_it_is_the_only_one() {
        let mut counts: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
        counts.insert("Cairn", (1, 0));
        counts.insert("Cairn Energy", (1, 5));
        counts.insert("European", (1, 9));
        assert_eq!(
            shortened_organisation(&counts).as_deref(),
            Some("Cairn Energy")
        );
        // Two such pairs: no telling which "the company" is.
        counts.insert("Shell", (1, 12));
        counts.insert("Shell Oil", (1, 15));
        assert_eq!(shortened_organisation(&counts), None);
    }

    #[test]
    fn a_surname_that_names_an_organisation_too_is_a_persons_after_a_courtesy_title() {
        // "Dr Fox" elsewhere shows "Liam Fox" a person, whatever Fox names.
        let text = "Liam Fox was in Leeds. Liam Fox said the vote was close. \
                    Dr Fox said it was won.";
        assert_eq!(
            speakers_and_kinds_of(text),
            [
                ("Liam Fox".to_string(), SpeakerKind::Person),
                ("Liam Fox".to_string(), SpeakerKind::Person)
            ]
        );
    }

    #[test]
    fn the_first_pronoun_of_a_content_tells_an_organisation_from_a_person() {
        for (content, shows) in [
            ("its profits would fall", Some(true)),
            ("it would appeal against the ruling", Some(true)),
            ("it was a good day", None),
            ("it has cut 500 jobs", Some(true)),
            ("I think it would appeal", Some(false)),
            ("my view is that it will appeal", Some(false)),
            ("he was pleased and its fans were too", Some(false)),
            ("the board met and her plan won", Some(false)),
            ("prices rose", None),
        ] {
            assert_eq!(
                first_pronoun_shows_organisation(content),
                shows,
                "{content}"
            );
        }
        // Most of a name's claims decide, and a person's role vetoes.
        let text = "Tessaly said its ferries would run. Tessaly said it would add a route. \
                    Tessaly said he was wrong.";
        assert_eq!(
            speakers_and_kinds_of(text)
                .into_iter()
                .map(|(_, kind)| kind)
                .collect::<Vec<_>>(),
            [SpeakerKind::Organization; 3]
        );
        let text = "Tessaly, editor of the Gazette, said it would be a mistake.";
        assert_eq!(speakers_and_kinds_of(text)[0].1, SpeakerKind::Person);
    }

    #[test]
    fn a_photo_credit_run_into_a_name_is_a_naming_of_that_person() {
        let text = "Neil Tarrant arrived.\n\nPA Images via Getty Images Neil \
                    Tarrant at the harbor.\n\nTarrant said the ferry was late.";
        assert_eq!(speakers_of(text), ["Neil Tarrant"]);
    }

    #[test]
    fn an_unnamed_speaker_is_no_one_the_article_names() {
        let text = "Parmalat boss Enrico Bondi has sued banks. The unidentified company \
                    source told Reuters that more suits would follow soon.";
        assert_eq!(
            speakers_and_kinds_of(text),
            [("unidentified company source".into(), SpeakerKind::Anonymous)]
        );
    }

    #[test]
    fn it_is_no_one_shown_to_be_a_person() {
        let text = "\"We want choice,\" said minister Patricia Hewett. Employers \
                    welcomed the plan. \"This is the best of both worlds,\" it said.";
        assert_eq!(speakers_of(text), ["Patricia Hewett", ""]);
        // The organisation the sentence before opens with, if one does.
        let text = "\"We want choice,\" said minister Patricia Hewett. The Chamber \
                    of Trade welcomed the plan. \"This is the best of both worlds,\" it said.";
        assert_eq!(speakers_of(text), ["Patricia Hewett", "Chamber of Trade"]);
        let text = "\"We want choice,\" said minister Patricia Hewett. But the Chamber \
                    of Trade welcomed the plan. \"This is the best of both worlds,\" it said.";
        assert_eq!(speakers_of(text), ["Patricia Hewett", "Chamber of Trade"]);
        let text = "\"We want choice,\" said minister Patricia Hewett. The Varco \
                    plan was welcomed. \"This is the best of both worlds,\" it said.";
        assert_eq!(speakers_of(text), ["Patricia Hewett", ""]);
        // A name only guessed to be a person's may be an organisation's.
        let text = "\"Sales fell,\" said Verkhold. \"Costs rose,\" it said.";
        assert_eq!(speakers_of(text), ["Verkhold", "Verkhold"]);
    }

    #[test]
    fn it_after_sentences_opening_with_it_asks_no_further_back() {
        // Each "It" opening a sentence would, as a subject, resolve as the
        // pronoun does: a chain back through the whole article.
        let text = format!(
            "\"Yes,\" said minister Patricia Hewett. {}\"No,\" it said.",
            "It rains. ".repeat(50_000)
        );
        assert_eq!(speakers_of(&text), ["Patricia Hewett", ""]);
    }

    #[test]
    fn a_description_looks_back_before_it_looks_ahead() {
        let speaker_of = |text: &str, mention: &str| {
            crate::extract_claims(text)
                .into_iter()
                .find(|c| c.mention.is_some_and(|m| m.slice(text) == mention))
                .map(|c| c.speaker.name)
        };
        // Not the deputy prime minister named further down.
        let text = "Tony Blane has flown home. The prime minister said the talks \
                    had gone well. Deputy prime minister Jon Prescot said the party was united.";
        assert_eq!(
            speaker_of(text, "The prime minister").as_deref(),
            Some("Tony Blane")
        );
        // With no one named before, the one named after.
        let text = "The economy minister said growth would pause. \"Exports are \
                    weak,\" said economy minister Heizo Takanaka in Tokyo.";
        assert_eq!(
            speaker_of(text, "The economy minister").as_deref(),
            Some("Heizo Takanaka")
        );
    }

    #[test]
    fn a_lone_given_name_may_be_a_company() {
        // "Renault" is a given name too; alone, it names the carmaker,
        // which "the firm" then stands for.
        let text = "Renault said sales rose sharply in the year. Renault owns a \
                    stake in Nissan. The firm said that margins would fall next year.";
        let renault = ("Renault".to_string(), SpeakerKind::Organization);
        assert_eq!(speakers_and_kinds_of(text), [renault.clone(), renault]);
    }

    #[test]
    fn a_name_shown_to_be_an_organisation_is_one_on_every_claim() {
        use SpeakerKind::{Organization as Org, Person};
        // `the firm` resolved to the name.
        let kinds = settled(&[
            ("Shell", Person, "Shell"),
            ("Shell", Org, "the firm"),
            ("Shell", Person, "Shell"),
        ]);
        assert_eq!(kinds, [Org, Org, Org]);
        // `it` stands for the name.
        let kinds = settled(&[("Nestle", Person, "Nestle"), ("Nestle", Person, "It")]);
        assert_eq!(kinds, [Org, Org]);
        // Only that name.
        let kinds = settled(&[
            ("Oracle", Org, "the company"),
            ("Jane Doe", Person, "Jane Doe"),
            ("Doe", Person, "Doe"),
        ]);
        assert_eq!(kinds, [Org, Person, Person]);
    }

    #[test]
    fn a_name_written_after_an_organisation_word_is_an_organisation() {
        use SpeakerKind::{Organization as Org, Person};
        let text = "Shares in oil firm Yukos Energy fell. Yukos Energy said they would recover. \
                    Union boss Brandt said so. Yukos said no. Energy said yes.";
        let kinds = settled_in(
            text,
            &[
                ("Yukos Energy", Person, "Yukos Energy said", ""),
                ("Brandt", Person, "Brandt", ""),
                ("Yukos", Person, "Yukos said", ""),
                ("Energy", Person, "Energy said", ""),
            ],
        );
        // The name or its first words (`Yukos`), not a later part; `boss`
        // is no organisation word.
        assert_eq!(kinds, [Org, Person, Org, Person]);
    }

    #[test]
    fn a_name_whose_role_is_an_organisation_is_one() {
        use SpeakerKind::{Organization as Org, Person};
        let text = "Absa said yes. Varley said no. Quist said maybe.";
        let kinds = settled_in(
            text,
            &[
                ("Absa", Person, "Absa", "South Africa's biggest retail bank"),
                ("Varley", Person, "Varley", "chief executive of the bank"),
                ("Quist", Person, "Quist", "bank"),
            ],
        );
        assert_eq!(kinds, [Org, Person, Org]);
    }

    #[test]
    fn a_name_that_shows_a_person_keeps_its_kind() {
        use SpeakerKind::{Anonymous, Organization as Org, Person};
        // A given name, a title: a person whatever else the article says
        // (`it` resolved to them is the resolution's mistake, not theirs).
        let kinds = settled(&[("Jane Doe", Person, "Jane Doe"), ("Jane Doe", Person, "it")]);
        assert_eq!(kinds, [Person, Person]);
        let kinds = settled(&[("Mr Vetham", Person, "Mr Vetham"), ("Mr Vetham", Org, "It")]);
        assert_eq!(kinds, [Person, Org]);
        let text = "The firm Jane Doe founded said so.";
        let kinds = settled_in(text, &[("Jane Doe", Person, "Jane Doe", "")]);
        assert_eq!(kinds, [Person]);
        // No evidence: the guess stands; other kinds are never changed.
        let kinds = settled(&[
            ("Halifax", Person, "Halifax"),
            ("analysts", Anonymous, "analysts"),
        ]);
        assert_eq!(kinds, [Person, Anonymous]);
        assert_eq!(settled(&[]), []);
    }

    /// [`resolve`] resolves as when the people are always found, and
    /// claims without speakers resolve alike with or without the people.
    fn check_people_skip(text: &str) -> Result<(), TestCaseError> {
        let doc = Document::parse(text);
        let found = attributions(&doc);
        prop_assert_eq!(
            resolve(&doc, &found),
            resolve_with(&doc, &found, true, &mut ResolverBuffers::default())
        );
        let unnamed: Vec<Attribution> = found
            .into_iter()
            .map(|a| Attribution {
                speaker: SpeakerRef::Nobody,
                ..a
            })
            .collect();
        prop_assert_eq!(
            resolve_with(&doc, &unnamed, false, &mut ResolverBuffers::default()),
            resolve_with(&doc, &unnamed, true, &mut ResolverBuffers::default())
        );
        Ok(())
    }

    /// `People::add` takes a name's first and last words from its tokens:
    /// no word token holds a space.
    fn check_words_hold_no_space(text: &str) -> Result<(), TestCaseError> {
        let doc = Document::parse(text);
        for (k, t) in doc.tokens.iter().enumerate() {
            if t.kind == TokenKind::Word {
                prop_assert!(!doc.token_text(k).contains(' '), "token {}", k);
            }
        }
        Ok(())
    }

    #[test]
    fn people_skip_changes_nothing_on_fixtures() {
        for text in fixture_texts() {
            check_people_skip(&text).unwrap();
            check_words_hold_no_space(&text).unwrap();
        }
    }

    /// The claims of `text`, resolved with `kept` (the tables and vectors
    /// of the articles before) and afresh.
    fn resolved_kept_and_afresh(text: &str, kept: &mut ResolverBuffers) -> [Vec<Claim>; 2] {
        let doc = Document::parse(text);
        let found = attributions(&doc);
        [resolve_into(&doc, &found, kept), resolve(&doc, &found)]
    }

    /// Article after article, the kept name tables and namings vectors
    /// resolve as fresh ones do.
    #[test]
    fn kept_tables_resolve_as_fresh_ones() {
        let texts = fixture_texts();
        let mut kept = ResolverBuffers::default();
        for text in texts.iter().chain(texts.iter().rev()) {
            let [with_kept, afresh] = resolved_kept_and_afresh(text, &mut kept);
            assert_eq!(with_kept, afresh);
        }
    }

    proptest! {
        #[test]
        fn kept_tables_resolve_as_fresh_ones_on_news_like_text(
            texts in prop::collection::vec(news_like(), 1..6),
        ) {
            let mut kept = ResolverBuffers::default();
            for text in &texts {
                let [with_kept, afresh] = resolved_kept_and_afresh(text, &mut kept);
                prop_assert_eq!(with_kept, afresh);
            }
        }

        #[test]
        fn people_skip_changes_nothing(text in news_like()) {
            check_people_skip(&text)?;
            check_words_hold_no_space(&text)?;
        }

        #[test]
        fn words_hold_no_space_in_any_text(text in "\\PC{0,40}") {
            check_words_hold_no_space(&text)?;
        }

        /// A name's key is its bytes, zeros and its length; names up to
        /// fifteen bytes have one, longer ones none.
        #[test]
        fn name_key_packs_bytes_and_length(
            a in proptest::collection::vec(proptest::num::u8::ANY, 0..18),
            b in proptest::collection::vec(proptest::num::u8::ANY, 0..18),
        ) {
            let packed = |name: &[u8]| {
                (name.len() <= NameTable::SHORT).then(|| {
                    let mut bytes = [0u8; 16];
                    bytes[..name.len()].copy_from_slice(name);
                    bytes[15] = name.len() as u8;
                    u128::from_le_bytes(bytes)
                })
            };
            prop_assert_eq!(name_key(&a), packed(&a));
            if let (Some(x), Some(y)) = (name_key(&a), name_key(&b)) {
                prop_assert_eq!(x == y, a == b);
            }
        }

        /// The table keeps a name's uses as a map keyed by the name's text
        /// does, on either side of the short names' length.
        #[test]
        fn name_table_as_map_of_text(
            ops in proptest::collection::vec(("[ab]{0,3}(Li|Lindqvist-Halvorsen|Ann)?", 0..3usize), 0..40),
        ) {
            let mut table = NameTable::default();
            let mut model: FxHashMap<String, [Option<usize>; 3]> = FxHashMap::default();
            let fields = |u: NameUse| [u.full, u.surname, u.given];
            for (i, (name, field)) in ops.iter().enumerate() {
                prop_assert_eq!(table.get(name.as_bytes()).map(fields), model.get(name.as_str()).copied());
                let u = table.use_mut(Cow::Owned(name.clone()));
                *[&mut u.full, &mut u.surname, &mut u.given][*field] = Some(i);
                model.entry(name.clone()).or_default()[*field] = Some(i);
                prop_assert_eq!(table.get(name.as_bytes()).map(fields), model.get(name.as_str()).copied());
            }
        }

        /// The merge leaves what the stable sort and deduplication it
        /// replaces leave.
        #[test]
        fn merge_namings_as_sort_and_dedup(
            first in proptest::collection::btree_map(0..60usize, (0..4usize, 0..9usize), 0..12),
            second in proptest::collection::btree_map(0..60usize, (0..4usize, 0..9usize), 0..12),
        ) {
            // Each half in text order, one naming per place.
            let namings: Vec<Occurrence> = first
                .iter()
                .chain(&second)
                .map(|(&at, &(person, token))| Occurrence::new(at, person, token, token + 1))
                .collect();
            let mut merged = vec![Occurrence::new(99, 9, 9, 10)];
            merge_namings(&namings, first.len(), &mut merged);
            let mut expected = namings.clone();
            expected.sort_by_key(|o| (o.at, o.person));
            expected.dedup_by(|later, kept| {
                if later.at != kept.at {
                    return false;
                }
                if later.person == kept.person {
                    kept.subject_tokens[1] = later.subject_tokens[0];
                }
                true
            });
            let fields = |v: &[Occurrence]| -> Vec<(usize, usize, [usize; 2])> {
                v.iter().map(|o| (o.at, o.person, o.subject_tokens)).collect()
            };
            prop_assert_eq!(fields(&merged), fields(&expected));
        }

        /// The possessive helpers and the description's words agree with
        /// the `str` methods they stand for.
        #[test]
        fn possessives_and_joins_as_str_methods(
            words in proptest::collection::vec("(É|é|[aAsS'’ ]){0,5}", 0..4),
        ) {
            for w in &words {
                let expected = w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).unwrap_or(w);
                prop_assert_eq!(bare(w), expected);
                prop_assert_eq!(bare_bytes(w.as_bytes()), expected.as_bytes());
                prop_assert_eq!(is_possessive(w.as_bytes()), w.ends_with("'s") || w.ends_with("’s"));
            }
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let mut text = joined(&refs);
            prop_assert_eq!(&text, &refs.join(" "));
            // (An abbreviation, capitals after the first in its first word,
            // stays as it is.)
            let abbreviation = text.split(' ').next().unwrap_or("").chars().skip(1).any(char::is_uppercase);
            let expected: String = if abbreviation {
                text.clone()
            } else {
                let mut chars = text.chars();
                chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
            };
            lowercase_first(&mut text);
            prop_assert_eq!(text, expected);
        }

        /// The case-blind search finds what a search of lower-cased copies finds.
        #[test]
        fn contains_ignore_ascii_case_as_lowercased_contains(
            haystack in "[a-zA-Z éÉ]{0,12}",
            needle in "[a-zA-Z éÉ]{0,4}",
        ) {
            prop_assert_eq!(
                contains_ignore_ascii_case(&haystack, &needle),
                haystack.to_ascii_lowercase().contains(&needle.to_ascii_lowercase())
            );
        }
    }

    proptest::proptest! {
        /// The byte-level helpers split as the `str` methods they stand for.
        #[test]
        fn word_helpers_split_as_str_methods(text in "[a-zA-Z \\t\\n\\x0b\\x0c\\r.'’\\u{a0}\\u{2009}é]{0,16}") {
            let mut words = Vec::new();
            push_words(&text, &mut words);
            let expected: Vec<&str> = text.split(char::is_whitespace).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(words, expected);
            proptest::prop_assert_eq!(first_word(&text), text.split(' ').next().unwrap_or(""));
            proptest::prop_assert_eq!(last_word(&text), text.rsplit(' ').next().unwrap_or(""));
        }
    }
}
