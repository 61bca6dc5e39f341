//! Closed word classes of English grammar that the attribution rules use
//! (pronouns, determiners, auxiliaries, clause words). These are grammar, not
//! vocabulary that grows with the news, so they live here as constants rather
//! than in `lexicon/`.

/// Personal pronouns that can be the subject of a reporting verb.
pub static SUBJECT_PRONOUNS: WordSet = WordSet::new(&["he", "she", "they", "it", "we", "i", "you"]);

/// Determiners and quantifiers that open a noun phrase.
pub static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "this", "these", "those", "some", "many", "several", "most", "few", "all",
    "both", "other", "another", "one", "two", "three", "his", "her", "their", "its", "our", "my",
    "your", "no", "each", "every", "any", "more",
]);

/// Auxiliaries and adverbs that sit between a subject and its reporting verb
/// ("Peskov also said", "he has repeatedly said", "she didn't deny").
pub static VERB_MODIFIERS: WordSet = WordSet::new(&[
    "also",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "didn't",
    "didn’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "not",
    "never",
    "later",
    "previously",
    "recently",
    "earlier",
    "once",
    "again",
    "then",
    "further",
    "repeatedly",
    "publicly",
    "reportedly",
    "initially",
    "simply",
    "just",
    "only",
    "often",
    "ultimately",
    "finally",
    "quickly",
    "already",
    "still",
    "even",
    "first",
    "flatly",
    "firmly",
    "strongly",
    "categorically",
    "clearly",
    "openly",
    "privately",
    "separately",
    "specifically",
    "frequently",
    "always",
    "wouldn't",
    "wouldn’t",
    "won't",
    "won’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
]);

/// Words that open an introductory clause, after which the sentence's
/// subject follows a comma ("When asked about it, Mulder didn't hesitate";
/// "Given his views, Gokool is hopeful").
pub static INTRODUCTORY_WORDS: WordSet = WordSet::new(&[
    "after", "although", "as", "asked", "because", "before", "despite", "given", "if", "since",
    "speaking", "though", "unlike", "when", "while", "whilst",
]);

/// Words that end a noun phrase when read backwards from a verb: clause words,
/// prepositions (but `of`, which names live inside: "head of the panel") and
/// common verbs.
pub static PHRASE_BREAKS: WordSet = WordSet::new(&[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "while",
    "because",
    "if",
    "although",
    "though",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "whether",
    "what",
    "how",
    "why",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "to",
    "into",
    "about",
    "over",
    "under",
    "after",
    "before",
    "during",
    "since",
    "than",
    "as",
    "like",
    "through",
    "against",
    "between",
    "among",
    "without",
    "within",
    "via",
    "per",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "not",
    "also",
    "then",
    "there",
    "here",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "meanwhile",
    "however",
    "instead",
    "still",
    "yet",
    "even",
    "according",
    "upon",
    "until",
    "unless",
    "once",
    "whereas",
    "whose",
    "whom",
    "if",
]);

/// Words a reported clause never starts with: prepositions and verbs that show
/// the cue word was a noun ("the claims were false") or took an object.
pub static NOT_CONTENT_START: WordSet = WordSet::new(&[
    "of", "to", "for", "with", "by", "about", "on", "at", "in", "from", "into", "is", "are", "was",
    "were", "have", "has", "had", "be", "been", "will", "would", "and", "or", "but", "as", "up",
    "out", "off", "so", "goodbye", "hello", "yes", "no", "thanks", "sorry",
]);

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// A closed set of lower-case words, matched in any case. The list stays
/// readable as a constant; its shape filter is made at compile time and the
/// hash set behind it on first use.
pub struct WordSet {
    words: &'static [&'static str],
    /// Rules most words out without a hash or a look at the `OnceLock`.
    filter: ShapeFilter,
    set: OnceLock<ByteSet>,
}

impl WordSet {
    /// A set of `words`, which must be lower case.
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            filter: ShapeFilter::of_words(words),
            set: OnceLock::new(),
        }
    }

    /// True when `word`, in any case, is in the set.
    // Inlined, with the hash lookup out of line: the filter alone answers
    // most calls in a few instructions, fewer than a call costs.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// [`WordSet::contains`] of a word's bytes: for callers that hold a
    /// token's bytes, which need no `str` slice (and its char-boundary checks).
    #[inline]
    pub fn contains_bytes(&self, word: &[u8]) -> bool {
        self.filter.may_contain(word) && self.holds(word)
    }

    /// [`WordSet::contains_bytes`] after the filter.
    #[inline(never)]
    fn holds(&self, word: &[u8]) -> bool {
        self.set
            .get_or_init(|| self.words.iter().map(|w| w.as_bytes()).collect())
            .contains_lowercase_bytes(word)
    }
}

/// A set of words as bytes, for exact or lower-case lookups. A word of one to
/// seven bytes is kept packed into one integer with its length, which hashes
/// in one multiplication and compares in one instruction, with no copy or
/// call to `memcmp`; longer words are kept as they are.
#[derive(Default)]
pub struct ByteSet {
    short: PackedSet,
    long: FxHashSet<&'static [u8]>,
}

impl ByteSet {
    /// Adds `word`.
    pub fn insert(&mut self, word: &'static [u8]) {
        match pack(word, false) {
            Some(key) => self.short.insert(key, ()),
            None => {
                self.long.insert(word);
            }
        };
    }

    /// True when `word` is in the set, as written.
    #[inline]
    pub fn contains(&self, word: &[u8]) -> bool {
        match pack(word, false) {
            Some(key) => self.short.contains(key),
            None => self.long.contains(word),
        }
    }

    /// True when `word` in ASCII lower case is in the set.
    #[inline]
    pub fn contains_lowercase(&self, word: &str) -> bool {
        self.contains_lowercase_bytes(word.as_bytes())
    }

    /// [`ByteSet::contains_lowercase`] of a word's bytes.
    #[inline]
    pub fn contains_lowercase_bytes(&self, word: &[u8]) -> bool {
        match pack(word, true) {
            Some(key) => self.short.contains(key),
            None => with_ascii_lowercase(word, |w| self.long.contains(w)),
        }
    }
}

/// A map from packed words ([`pack`]) to values, in an open-addressing table
/// with linear probing, kept at most a quarter full: a lookup is a
/// multiplication, a shift and mostly one comparison, where a general hash
/// map's probe (with its groups of control bytes) took about thirty
/// instructions. With `()` values, a set.
struct PackedMap<V> {
    /// The keys, [`FREE`] in free slots; the length is a power of two.
    slots: Box<[u64]>,
    /// The value of the key in the same slot.
    values: Box<[V]>,
    /// 64 less the base-2 logarithm of the number of slots: a hash shifted
    /// right by it is a slot's index.
    shift: u32,
    /// How many slots hold a key.
    len: usize,
}

/// The set of packed words that [`ByteSet`] uses.
type PackedSet = PackedMap<()>;

/// A free slot of a [`PackedMap`]: no word's key, as a key's top byte is a
/// length from 1 to 7 (the empty word has no key). Zero, so that a new
/// table is zeroed memory from the allocator, with no pass to fill it (the
/// given names' table has 32,768 slots).
const FREE: u64 = 0;

impl<V: Copy + Default> Default for PackedMap<V> {
    fn default() -> Self {
        PackedMap::with_slots(8)
    }
}

impl<V: Copy + Default> PackedMap<V> {
    /// An empty map of `slots` slots, a power of two.
    fn with_slots(slots: usize) -> Self {
        PackedMap {
            slots: vec![FREE; slots].into_boxed_slice(),
            values: vec![V::default(); slots].into_boxed_slice(),
            shift: 64 - slots.trailing_zeros(),
            len: 0,
        }
    }

    /// An empty map that takes `n` keys without growing.
    fn with_capacity(n: usize) -> Self {
        PackedMap::with_slots((4 * n).next_power_of_two().max(8))
    }

    /// The slot where a probe for `key` starts.
    #[inline]
    fn home(&self, key: u64) -> usize {
        // Fibonacci hashing: the top bits of the product are well mixed.
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// Maps `key` to `value`, in place of any value it had.
    fn insert(&mut self, key: u64, value: V) {
        if let Some(i) = self.slot(key) {
            self.values[i] = value;
            return;
        }
        // At most a quarter full, so that most probes end at their first
        // slot and every probe meets a free one.
        if 4 * (self.len + 1) > self.slots.len() {
            let mut grown = PackedMap::with_slots(2 * self.slots.len());
            for (&k, &v) in self.slots.iter().zip(self.values.iter()) {
                if k != FREE {
                    grown.put(k, v);
                }
            }
            grown.len = self.len;
            *self = grown;
        }
        self.put(key, value);
        self.len += 1;
    }

    /// Puts `key`, which is not in the table, into its first free slot.
    fn put(&mut self, key: u64, value: V) {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i] != FREE {
            i = (i + 1) & mask;
        }
        self.slots[i] = key;
        self.values[i] = value;
    }

    /// The slot that holds `key`, if one does.
    #[inline]
    fn slot(&self, key: u64) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            match self.slots.get(i) {
                // Free first: `key` is never FREE when it comes from `pack`,
                // but a lookup of FREE must not find a free slot.
                Some(&FREE) | None => return None,
                Some(&k) if k == key => return Some(i),
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    /// True when `key` is in the map.
    #[inline]
    fn contains(&self, key: u64) -> bool {
        self.slot(key).is_some()
    }

    /// The value of `key`.
    #[inline]
    fn get(&self, key: u64) -> Option<V> {
        self.slot(key).and_then(|i| self.values.get(i).copied())
    }
}

/// A map from words, as written, to values: words of one to seven bytes
/// packed (see [`ByteSet`]), longer ones as they are.
pub struct WordMap<V> {
    short: PackedMap<V>,
    long: FxHashMap<&'static [u8], V>,
}

impl<V: Copy + Default> WordMap<V> {
    /// An empty map that takes `n` words without growing.
    pub fn with_capacity(n: usize) -> Self {
        WordMap {
            short: PackedMap::with_capacity(n),
            long: FxHashMap::default(),
        }
    }

    /// Maps `word` to `value`, in place of any value it had.
    pub fn insert(&mut self, word: &'static [u8], value: V) {
        match pack(word, false) {
            Some(key) => self.short.insert(key, value),
            None => {
                self.long.insert(word, value);
            }
        }
    }

    /// The value of `word`, as written.
    #[inline]
    pub fn get(&self, word: &[u8]) -> Option<V> {
        match pack(word, false) {
            Some(key) => self.short.get(key),
            None => self.long.get(word).copied(),
        }
    }
}

impl FromIterator<&'static [u8]> for ByteSet {
    fn from_iter<I: IntoIterator<Item = &'static [u8]>>(words: I) -> Self {
        let mut set = ByteSet::default();
        for w in words {
            set.insert(w);
        }
        set
    }
}

/// Bit `min(len, 31)`: a set of word lengths as one `u32` (lengths from 31
/// up share a bit).
#[inline]
pub(crate) const fn length_bit(len: usize) -> u32 {
    1 << if len < 31 { len } else { 31 }
}

/// A word of one to seven bytes as one integer: its bytes (in ASCII lower
/// case when `lower`), then its length in the top byte, so that no two words
/// share a key and no key is zero; `None` for a longer word or the empty one.
#[inline]
fn pack(word: &[u8], lower: bool) -> Option<u64> {
    if word.is_empty() || word.len() > 7 {
        return None;
    }
    let bytes = little_endian(word);
    let bytes = if lower { fold_ascii_case(bytes) } else { bytes };
    Some(bytes | (word.len() as u64) << 56)
}

/// A word of up to 16 bytes as one number, ASCII letters in lower case and
/// zeros after its end: two words are equal in any ASCII case when their keys
/// are (and their lengths, as words hold no zero byte). Eight bytes at a time
/// (SWAR): comparing a word with a first word byte by byte, each byte
/// lower-cased, cost more than all the rest of the cue search's full tests
/// (see `cue_index`).
pub(crate) fn folded_key(word: &[u8]) -> Option<u128> {
    if word.len() > 16 {
        return None;
    }
    // Copied whole into a zeroed array, then read as two numbers: for words
    // of up to 16 bytes, cheaper than building each number byte by byte.
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word);
    let lo = u128::from(fold_ascii_case(u128::from_le_bytes(bytes) as u64));
    let hi = u128::from(fold_ascii_case((u128::from_le_bytes(bytes) >> 64) as u64));
    Some(lo | hi << 64)
}

/// [`folded_key`] of the `len` bytes of `text` from `start`, read as one
/// 8-byte or 16-byte load when the text goes on that far (a copy of a word of varying
/// length into an array is a call to `memcpy`); `None` when `len` is over 16
/// or the bytes are not in `text`.
#[inline]
pub(crate) fn folded_key_at(text: &[u8], start: usize, len: usize) -> Option<u128> {
    if len > 16 {
        return None;
    }
    // Most words: one 8-byte load.
    if len <= 8 {
        if let Some(&bytes) = text.get(start..).and_then(|t| t.first_chunk::<8>()) {
            let mask = u64::MAX.checked_shr(8 * (8 - len) as u32).unwrap_or(0);
            return Some(u128::from(fold_ascii_case(
                u64::from_le_bytes(bytes) & mask,
            )));
        }
    }
    let Some(&bytes) = text.get(start..).and_then(|t| t.first_chunk::<16>()) else {
        return folded_key(text.get(start..start.checked_add(len)?)?);
    };
    // The word's bytes, zeros after them (none at all when `len` is 0).
    let mask = u128::MAX.checked_shr(8 * (16 - len) as u32).unwrap_or(0);
    let x = u128::from_le_bytes(bytes) & mask;
    let lo = u128::from(fold_ascii_case(x as u64));
    let hi = u128::from(fold_ascii_case((x >> 64) as u64));
    Some(lo | hi << 64)
}

/// The eight bytes of `x` with `A`-`Z` turned to `a`-`z`, every other byte
/// as it is.
#[inline]
fn fold_ascii_case(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Per byte, with the high bit cleared so that no sum carries into the
    // next byte: its high bit is then set when the byte is at least `A`,
    // and when it is above `Z`.
    let low7 = x & !HIGH;
    let at_least_a = low7 + (0x80 - u64::from(b'A')) * ONES;
    let above_z = low7 + (0x7f - u64::from(b'Z')) * ONES;
    // Upper case: at least `A`, not above `Z`, and ASCII.
    let upper = at_least_a & !above_z & !x & HIGH;
    // The high bit moved to bit 5 (0x20): the case bit.
    x | upper >> 2
}

/// Up to eight bytes as one number, the first byte lowest, zeros after the
/// last (bytes past the eighth ignored).
#[inline]
pub(crate) fn little_endian(bytes: &[u8]) -> u64 {
    // Two or three loads whatever the length, not a loop of shifts (one
    // per byte) or a copy into an array (a call to `memcpy`): the first and
    // the last four bytes, which overlap for lengths 4 to 7 (an overlapping
    // byte is the same in both), or the first, middle and last byte for
    // lengths 1 to 3.
    let bytes = &bytes[..bytes.len().min(8)];
    let len = bytes.len();
    if let (Some(head), Some(tail)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let head = u64::from(u32::from_le_bytes(*head));
        let tail = u64::from(u32::from_le_bytes(*tail));
        return head | tail << (8 * (len - 4));
    }
    match (bytes.first(), bytes.get(len / 2), bytes.last()) {
        (Some(&a), Some(&m), Some(&z)) => {
            u64::from(a) | u64::from(m) << (8 * (len / 2)) | u64::from(z) << (8 * (len - 1))
        }
        _ => 0,
    }
}

/// A quick test that rules most words out of a word list before any hashing:
/// whether some entry has the same length and the same first and last bytes
/// (ASCII case ignored). Most words of a text fail it in a few instructions,
/// which matters because the rules look words up in these lists many times
/// per token. (Hand-made: a Bloom filter crate would hash the whole word,
/// which is the cost this avoids.)
#[derive(Clone)]
pub struct ShapeFilter {
    /// By lower-cased first byte: bit `min(len, 31)` set for each entry length.
    first: [u32; 256],
    /// By lower-cased last byte: the same.
    last: [u32; 256],
}

impl ShapeFilter {
    /// A filter that passes every entry of `words`, in any ASCII case.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w [u8]>) -> Self {
        let mut filter = ShapeFilter::EMPTY;
        for w in words {
            filter.insert(w);
        }
        filter
    }

    /// [`ShapeFilter::new`] at compile time, for the constant word sets.
    pub const fn of_words(words: &[&str]) -> Self {
        let mut filter = ShapeFilter::EMPTY;
        let mut i = 0;
        while i < words.len() {
            filter.insert(words[i].as_bytes());
            i += 1;
        }
        filter
    }

    /// A filter that passes no word but the empty one.
    const EMPTY: ShapeFilter = ShapeFilter {
        first: [0; 256],
        last: [0; 256],
    };

    /// Lets `word` through, in any ASCII case.
    const fn insert(&mut self, word: &[u8]) {
        if let (Some(&a), Some(&z)) = (word.first(), word.last()) {
            let bit = length_bit(word.len());
            self.first[a.to_ascii_lowercase() as usize] |= bit;
            self.last[z.to_ascii_lowercase() as usize] |= bit;
        }
    }

    /// False when no entry can equal `word` in any ASCII case; true when one
    /// may (the empty word always passes, so the filter never decides alone).
    #[inline]
    pub fn may_contain(&self, word: &[u8]) -> bool {
        let (Some(&a), Some(&z)) = (word.first(), word.last()) else {
            return true;
        };
        let bit = length_bit(word.len());
        self.first[usize::from(a.to_ascii_lowercase())] & bit != 0
            && self.last[usize::from(z.to_ascii_lowercase())] & bit != 0
    }
}

/// Calls `f` with the bytes of `word` in ASCII lower case, without allocating
/// for words of up to 32 bytes (every word the lexicons hold).
pub fn with_ascii_lowercase<R>(bytes: &[u8], f: impl FnOnce(&[u8]) -> R) -> R {
    if bytes.len() <= 32 {
        let mut buf = [0u8; 32];
        for (lower, b) in buf.iter_mut().zip(bytes) {
            *lower = b.to_ascii_lowercase();
        }
        f(&buf[..bytes.len()])
    } else {
        f(&bytes.to_ascii_lowercase())
    }
}

/// True when `word` ends with `suffix`, ASCII case ignored: what
/// `word.to_ascii_lowercase().ends_with(suffix)` tells for a lower-case
/// `suffix`, without the lower-cased copy.
pub fn ends_with_ignore_ascii_case(word: &str, suffix: &str) -> bool {
    word.len()
        .checked_sub(suffix.len())
        .and_then(|at| word.as_bytes().get(at..))
        .is_some_and(|end| end.eq_ignore_ascii_case(suffix.as_bytes()))
}

/// True when `word` starts with `prefix`, ASCII case ignored (see
/// [`ends_with_ignore_ascii_case`]).
pub fn starts_with_ignore_ascii_case(word: &str, prefix: &str) -> bool {
    word.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// True when `word` (any case) is in `list`.
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True when the word starts with an upper-case letter.
#[inline]
pub fn is_capitalised(word: &str) -> bool {
    // Most words start with an ASCII byte: no need to decode a char.
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => word.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// True when `word` ends with a possessive (`’s` or `'s`).
pub fn is_possessive(word: &[u8]) -> bool {
    // Most words do not end in `s`: their last byte tells.
    word.last() == Some(&b's') && (word.ends_with(b"'s") || word.ends_with("’s".as_bytes()))
}

/// True when `word`, after `before`, reads as a past-tense verb after its
/// subject ("Parker praised", "he pressured"): a lower-case word in `-ed`,
/// not a compound ("state-owned"), after a subject pronoun or a capitalised
/// word that is not a possessive ("Liverpool's injured striker").
pub fn is_past_after_subject(before: &str, word: &str) -> bool {
    word.ends_with("ed")
        && !word.contains('-')
        && !is_capitalised(word)
        && (SUBJECT_PRONOUNS.contains(before)
            || (is_capitalised(before) && !is_possessive(before.as_bytes())))
}

/// Quantifiers that stand alone as a plural subject ("Some suggested that").
pub static QUANTIFIER_SUBJECTS: WordSet =
    WordSet::new(&["some", "many", "others", "several", "most", "few", "both"]);

/// Words that take a part of a group with "of" ("many of those questioned",
/// "a majority of the workers", "two of the victims"): the whole is an
/// unnamed source.
pub static PARTITIVES: WordSet = WordSet::new(&[
    "some",
    "many",
    "several",
    "most",
    "few",
    "both",
    "all",
    "none",
    "half",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "majority",
    "minority",
]);

/// The forms of "tell", a verb of saying whose object is whom it was said
/// to (`told Reuters`), not the speaker or the content.
pub static TELL_FORMS: WordSet = WordSet::new(&["tell", "tells", "told", "telling"]);

/// Modals: before a negated verb of saying they make a refusal ("would not
/// say", "can not say"), not a plain negation.
pub static MODALS: WordSet = WordSet::new(&["would", "could", "will", "can", "might", "may"]);

/// Modals negated in one word ("wouldn't say", "won't deny", "cannot
/// say"): refusals, which [`PLAIN_NEGATORS`] leaves out.
pub static NEGATED_MODALS: WordSet = WordSet::new(&[
    "wouldn't",
    "wouldn’t",
    "won't",
    "won’t",
    "couldn't",
    "couldn’t",
    "can't",
    "can’t",
    "cannot",
]);

/// Lower-case particles inside a person's name ("Rodrigo de Rato", "Edwin
/// van der Sar", "Lula da Silva"): see [`is_name_particle`].
pub static NAME_PARTICLES: WordSet = WordSet::new(&[
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "dos", "das", "bin", "ibn",
    "la", "le",
]);

/// True when `word` is a lower-case name particle: one or two of them
/// between capitalised words join those words into one name.
pub fn is_name_particle(word: &str) -> bool {
    !is_capitalised(word) && NAME_PARTICLES.contains(word)
}

/// How many name particles join a capitalised word to the next one in
/// the direction read: `word_at(k)` is the `k`-th word past the first
/// capitalised word (forward or backward), and the answer is `Some(n)`
/// when words `0..n` are particles and word `n` is capitalised (`Rodrigo
/// de Rato`: one; `Edwin van der Sar`: two), else `None`.
pub fn particles_joining<'w>(word_at: impl Fn(usize) -> Option<&'w str>) -> Option<usize> {
    if !word_at(0).is_some_and(is_name_particle) {
        return None;
    }
    let second = word_at(1)?;
    if is_capitalised(second) {
        return Some(1);
    }
    (is_name_particle(second) && word_at(2).is_some_and(is_capitalised)).then_some(2)
}

/// Letters written after a person's name ("Guy Mansfield QC", "Bob Ash
/// MP"): capitals that do not make the name an organisation's.
pub static POST_NOMINALS: WordSet = WordSet::new(&[
    "qc", "kc", "mp", "mep", "msp", "obe", "mbe", "cbe", "kbe", "dbe",
]);

/// What follows the last hyphen of `word` (`chairman` in `co-chairman`),
/// if it has one. A byte loop, not `rsplit_once`: most words are short and
/// hold no hyphen, and the call to a general search cost more than the
/// look (these tests run on every capitalised word and every phrase).
pub fn after_last_hyphen(word: &str) -> Option<&str> {
    let i = word.bytes().rposition(|b| b == b'-')?;
    // A hyphen is one byte: the slice starts on a character boundary.
    word.get(i + 1..)
}

/// True when `word` is a compound whose last part is lower case
/// (`Paris-based`, `Film-maker`, `Coffee-loving`): before a name, it
/// describes the name and is not part of it.
pub fn is_describing_compound(word: &str) -> bool {
    after_last_hyphen(word).is_some_and(|last| last.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// Courtesy titles: part of how a name is written, never a role.
pub static HONORIFICS: WordSet = WordSet::new(&[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "mx", "mx.",
]);

/// Titles that only a person holds (`Dr Liam Fox`, `Prof Jane Doe`), unlike
/// titles that also open organisations' names (`General Motors`).
pub static ACADEMIC_TITLES: WordSet = WordSet::new(&["dr", "dr.", "prof", "prof.", "professor"]);

/// Conjunctions a sentence may open with before its subject ("But he
/// defended the regime, saying ...", "But IPTV could ...").
pub static OPENING_CONJUNCTIONS: WordSet = WordSet::new(&["but", "and", "yet", "so"]);

/// Words by which a description says its speaker goes unnamed ("the
/// unidentified Parmalat source"): it stands for no one the article names.
pub static UNNAMED_MARKERS: WordSet = WordSet::new(&["unidentified", "unnamed", "anonymous"]);

/// Finite verbs that carry on a statement's subject ("The harsh truth,
/// according to experts, is ..."): after a source phrase they show that
/// the words before it are the statement's subject, not an introductory
/// adverbial ("In 2017, according to police, 40 people died").
pub static FINITE_AUXILIARIES: WordSet = WordSet::new(&[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "should", "must", "remains", "remain", "does", "do", "did",
]);

/// Words that open a postmodifier of a person noun in an unnamed source
/// ("people familiar with the bid", "sources close to the talks", "officials
/// briefed on the plan"), with the word that must follow each.
pub const SOURCE_POSTMODIFIERS: &[(&str, &str)] = &[
    ("familiar", "with"),
    ("close", "to"),
    ("briefed", "on"),
    ("with", "knowledge"),
];

/// Cue verbs that take a person and an infinitive, which is what was said
/// ("urged police to investigate", "warned drivers not to travel").
pub static DIRECTIVE_VERBS: WordSet = WordSet::new(&[
    "urge", "urges", "urged", "urging", "warn", "warns", "warned", "warning", "advised", "advises",
]);

/// Ranks that make a name with "of" and a place ("Lord Nicholls of
/// Birkenhead", "the Archbishop of Canterbury", "the Duke of Edinburgh").
pub static PEERAGE: WordSet = WordSet::new(&[
    "lord",
    "lady",
    "baron",
    "baroness",
    "viscount",
    "earl",
    "countess",
    "duke",
    "duchess",
    "marquess",
    "bishop",
    "archbishop",
]);

/// Negations without a modal ("did not", "never", "doesn't"): what a
/// negated verb of saying or of denying carries; "would not" and "won't" are
/// refusals, which their callers tell apart.
pub static PLAIN_NEGATORS: WordSet = WordSet::new(&[
    "not",
    "never",
    "didn't",
    "didn’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_last_hyphen_is_rsplit_once() {
        for w in [
            "",
            "-",
            "co-chairman",
            "Paris-based",
            "Jean-Louis",
            "a-b-c",
            "é-è",
            "plain",
        ] {
            assert_eq!(
                after_last_hyphen(w),
                w.rsplit_once('-').map(|(_, last)| last),
                "{w}"
            );
        }
        assert!(is_describing_compound("Film-maker"));
        assert!(!is_describing_compound("Jean-Louis"));
        assert!(!is_describing_compound("Smith"));
    }

    #[test]
    fn a_byte_set_finds_its_words_exactly_or_in_lower_case() {
        let set: ByteSet = ["a", "ab", "abcdefg", "abcdefgh", "Mr", "Lower-Case"]
            .iter()
            .map(|w| w.as_bytes())
            .collect();
        for w in ["a", "ab", "abcdefg", "abcdefgh", "Mr", "Lower-Case"] {
            assert!(set.contains(w.as_bytes()), "{w}");
        }
        for w in ["", "a\0", "b", "abcdef", "abcdefgh\0", "mr", "AB"] {
            assert!(!set.contains(w.as_bytes()), "{w}");
        }
        assert!(set.contains_lowercase("AbCdEfG"));
        assert!(set.contains_lowercase("ABCDEFGH"));
        assert!(!set.contains_lowercase("MR"));
        assert!(!set.contains_lowercase("LOWER-CASE"));
    }

    #[test]
    fn folded_keys_are_equal_for_words_equal_in_any_ascii_case() {
        assert_eq!(folded_key(b"SAID"), folded_key(b"said"));
        assert_eq!(folded_key(b"Acknowledging"), folded_key(b"acknowledging"));
        assert_ne!(folded_key(b"said"), folded_key(b"sai"));
        // `@` and `[` stand just outside `A`-`Z`; `é` is not ASCII.
        assert_ne!(folded_key(b"@["), folded_key(b"`{"));
        assert_ne!(folded_key("é".as_bytes()), folded_key("É".as_bytes()));
        assert_eq!(folded_key(&[b'a'; 17]), None);
    }

    proptest::proptest! {
        /// The key read in place from a text is the key of the copied word,
        /// wherever the word stands (the text's end near or far).
        #[test]
        fn folded_key_at_agrees_with_folded_key(
            text in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
            start in 0usize..42,
            len in 0usize..20,
        ) {
            let expected = text.get(start..start + len).and_then(folded_key);
            proptest::prop_assert_eq!(folded_key_at(&text, start, len), expected);
        }

        /// The key of a word is the key of its ASCII lower case, and equal
        /// keys mean words equal in any ASCII case.
        #[test]
        fn folded_keys_agree_with_eq_ignore_ascii_case(
            a in proptest::collection::vec(proptest::num::u8::ANY, 1..17),
            b in proptest::collection::vec(proptest::num::u8::ANY, 1..17),
        ) {
            proptest::prop_assert_eq!(folded_key(&a), folded_key(&a.to_ascii_lowercase()));
            let b = if a.len() == b.len() && b[0] % 2 == 0 { a.to_ascii_uppercase() } else { b };
            if !a.contains(&0) && !b.contains(&0) {
                proptest::prop_assert_eq!(
                    folded_key(&a) == folded_key(&b),
                    a.eq_ignore_ascii_case(&b)
                );
            }
        }

        /// The byte lookup of a word set finds what a scan of its list for
        /// the word in any ASCII case finds (short and long words, words
        /// near an entry's shape, non-ASCII bytes).
        #[test]
        fn a_word_set_finds_what_a_scan_of_its_list_finds(
            word in "that|THAT|thát|the|The|tHe|didn’t|DIDN’T|didn't|categorically|CATEGORICALLY|categoricall|[a-zA-Z’']{0,14}|\\PC{0,5}",
        ) {
            for set in [&PHRASE_BREAKS, &VERB_MODIFIERS, &DETERMINERS, &HONORIFICS, &ACADEMIC_TITLES, &UNNAMED_MARKERS, &OPENING_CONJUNCTIONS] {
                let scanned = set.words.iter().any(|e| e.eq_ignore_ascii_case(&word));
                proptest::prop_assert_eq!(set.contains_bytes(word.as_bytes()), scanned, "{:?}", word);
                proptest::prop_assert_eq!(set.contains(&word), scanned, "{:?}", word);
            }
            let bytes: ByteSet = VERB_MODIFIERS.words.iter().map(|w| w.as_bytes()).collect();
            proptest::prop_assert_eq!(
                bytes.contains_lowercase_bytes(word.as_bytes()),
                bytes.contains(word.to_ascii_lowercase().as_bytes())
            );
        }

        /// The packed table answers as a plain set or map of its keys, through
        /// every growth of the table (keys near each other, as packed words
        /// are, and keys anywhere).
        #[test]
        fn a_packed_map_holds_what_a_plain_map_holds(
            keys in proptest::collection::vec(0u64..300, 0..120),
            far in proptest::collection::vec(proptest::num::u64::ANY, 0..40),
            probes in proptest::collection::vec(0u64..400, 0..60),
        ) {
            let mut packed = PackedSet::default();
            let mut sized = PackedMap::with_capacity(keys.len());
            let mut last = std::collections::HashMap::new();
            let mut plain = std::collections::HashSet::new();
            for &k in keys.iter().chain(&far) {
                let k = k & !(0xff << 56) | 1 << 56; // a key's top byte is a length from 1
                packed.insert(k, ());
                plain.insert(k);
                let v = k.wrapping_mul(3) ^ plain.len() as u64;
                sized.insert(k, v);
                last.insert(k, v);
                proptest::prop_assert!(packed.contains(k));
            }
            proptest::prop_assert_eq!(packed.len, plain.len());
            for &k in keys.iter().chain(&far).chain(&probes) {
                for k in [k, k & !(0xff << 56), k & !(0xff << 56) | 1 << 56, k | 7 << 56, k + 1, 0] {
                    proptest::prop_assert_eq!(packed.contains(k), plain.contains(&k), "{}", k);
                    proptest::prop_assert_eq!(sized.get(k), last.get(&k).copied(), "{}", k);
                }
            }
        }

        /// A byte set of a lexicon file's entries finds, as written and in
        /// lower case, what a plain set of the entries finds: for the
        /// entries in their own, upper and lower case, and for random words.
        #[test]
        fn a_byte_set_finds_what_a_plain_set_of_its_words_finds(
            pick in proptest::num::usize::ANY,
            word in "[a-zA-Z’'.-]{0,16}|\\PC{0,6}",
        ) {
            let files = [
                include_str!("../lexicon/titles.txt"),
                include_str!("../lexicon/organisation_words.txt"),
                include_str!("../lexicon/places.txt"),
                include_str!("../lexicon/person_nouns.txt"),
                include_str!("../lexicon/time_words.txt"),
                include_str!("../lexicon/abbreviations.txt"),
            ];
            for file in files {
                let entries: Vec<&'static str> = file
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .collect();
                let set: ByteSet = entries.iter().map(|e| e.as_bytes()).collect();
                let plain: std::collections::HashSet<&[u8]> =
                    entries.iter().map(|e| e.as_bytes()).collect();
                let entry = entries[pick % entries.len()];
                for w in [
                    entry.to_string(),
                    entry.to_ascii_uppercase(),
                    entry.to_ascii_lowercase(),
                    word.clone(),
                ] {
                    let w = w.as_bytes();
                    proptest::prop_assert_eq!(set.contains(w), plain.contains(w));
                    proptest::prop_assert_eq!(
                        set.contains_lowercase_bytes(w),
                        plain.contains(&w.to_ascii_lowercase()[..])
                    );
                }
            }
        }

        /// `little_endian` (a few loads) builds the number a loop of
        /// shifts, byte by byte, builds, for every length.
        #[test]
        fn little_endian_agrees_with_shifting_in_each_byte(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..12),
        ) {
            let shifted = bytes
                .iter()
                .take(8)
                .enumerate()
                .fold(0, |key, (i, &b)| key | u64::from(b) << (8 * i));
            proptest::prop_assert_eq!(little_endian(&bytes), shifted);
        }

        /// The filter may let a word through that is no entry, never stop
        /// one that is, in any ASCII case.
        #[test]
        fn the_shape_filter_passes_every_entry_in_any_case(
            entries in proptest::collection::vec("[a-zA-Z0-9'’. -]{0,12}|\\PC{0,6}", 1..20),
        ) {
            let shape = ShapeFilter::new(entries.iter().map(|e| e.as_bytes()));
            let words: Vec<&str> = entries.iter().map(String::as_str).collect();
            let constant = ShapeFilter::of_words(&words);
            for e in &entries {
                for w in [e.clone(), e.to_ascii_uppercase(), e.to_ascii_lowercase()] {
                    proptest::prop_assert!(shape.may_contain(w.as_bytes()));
                    proptest::prop_assert!(constant.may_contain(w.as_bytes()));
                }
            }
        }
    }
}
