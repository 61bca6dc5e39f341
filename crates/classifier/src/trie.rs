//! Anchored, longest-match lookup of lexicon entries: a byte trie, ASCII
//! case folded, with one dense transition row per node.
//!
//! Hand-rolled rather than `aho-corasick` because the classifier only ever
//! asks "which entry, if any, starts right here?" (see [`crate::cues`]), and
//! the crate's DFA, built for unanchored search, cost more instructions to
//! build once per process (about 11 million for the two lexicons) than all
//! the searches of a 500-article corpus run. This trie builds in a few
//! thousand instructions and answers an anchored lookup in one table step per
//! byte.

/// Entries compiled for anchored, longest-match, ASCII case-insensitive lookup.
pub(crate) struct Trie {
    /// Equivalence class of each byte, ASCII case folded; 0 for bytes no
    /// entry uses.
    classes: [u8; 256],
    /// True for the bytes some entry starts with (any case).
    first: [bool; 256],
    /// Number of classes, the width of a row of `next`.
    stride: usize,
    /// `next[row + class]`: the row of the child for that class, with
    /// [`ENDS`] set when an entry ends there; 0 when no entry continues that
    /// way (the root, row 0, is nobody's child; column 0 is always 0).
    next: Vec<u32>,
    /// The entry that ends at each node (by row / stride), if any; the first
    /// one added wins.
    ends: Vec<Option<u32>>,
    /// The first three bytes of the entries (every case); `None` when some
    /// entry is shorter.
    heads: Option<Triples>,
    /// How far [`Trie::occurs_in`] may skip ahead; built by
    /// [`Trie::searchable`] only, and only when every entry has two bytes or
    /// more.
    skips: Option<Skips>,
}

/// The shift table of a Wu-Manber search for the entries of a [`Trie`],
/// with blocks of two bytes: looking at the last two bytes of a window of
/// `window` bytes (the length of the shortest entry), it tells how far the
/// next place an entry can start lies. Most pairs of bytes end no entry's
/// first `window` bytes, so the search looks at a little over one place in
/// three (for four-byte windows) rather than at every byte.
struct Skips {
    /// The window: the length of the shortest entry (at most [`Skips::MAX`]).
    window: usize,
    /// By pair of bytes (little-endian, every ASCII case): the least distance
    /// from that pair, ending a window, to the end of an entry's first
    /// `window` bytes; `window - 1` when no entry has the pair there. 0 means
    /// an entry may start at the window.
    shift: Box<[u8; 1 << 16]>,
}

impl Skips {
    /// Longest window used: more would save little and cost a wider table.
    const MAX: usize = 32;

    /// The table for `entries`, or `None` when one is shorter than two bytes.
    fn new<S: AsRef<[u8]>>(entries: &[S]) -> Option<Skips> {
        let shortest = entries.iter().map(|e| e.as_ref().len()).min()?;
        let window = shortest.min(Skips::MAX);
        if window < 2 {
            return None;
        }
        // `window - 1` fits: the window is at most `MAX`.
        let far = u8::try_from(window - 1).unwrap_or(u8::MAX);
        let mut shift: Box<[u8; 1 << 16]> =
            vec![far; 1 << 16].into_boxed_slice().try_into().ok()?;
        let cases = |x: u8| [x.to_ascii_lowercase(), x.to_ascii_uppercase()];
        for entry in entries {
            let head = &entry.as_ref()[..window];
            for (j, pair) in head.windows(2).enumerate() {
                // The pair ends at byte `j + 1` of the window.
                let to_end = u8::try_from(window - 2 - j).unwrap_or(u8::MAX);
                for a in cases(pair[0]) {
                    for b in cases(pair[1]) {
                        let slot = &mut shift[usize::from(u16::from_le_bytes([a, b]))];
                        *slot = (*slot).min(to_end);
                    }
                }
            }
        }
        Some(Skips { window, shift })
    }
}

/// A Bloom filter of byte triples (one hash, 2^16 bits): a triple added is
/// always found, a few others are too. A test costs about as much as one
/// step of the trie, and turns most places down at once.
struct Triples(Box<[u64; 1024]>);

impl Triples {
    fn new() -> Triples {
        Triples(Box::new([0; 1024]))
    }

    fn hash(a: u8, b: u8, c: u8) -> usize {
        Triples::hash_key(u32::from_le_bytes([a, b, c, 0]))
    }

    /// The hash of the triple whose bytes are those of `key`, little-endian.
    #[inline]
    fn hash_key(key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    /// Adds `a`, `b`, `c` in every ASCII case.
    fn add(&mut self, a: u8, b: u8, c: u8) {
        let cases = |x: u8| [x.to_ascii_lowercase(), x.to_ascii_uppercase()];
        for a in cases(a) {
            for b in cases(b) {
                for c in cases(c) {
                    let h = Triples::hash(a, b, c);
                    self.0[h / 64] |= 1 << (h % 64);
                }
            }
        }
    }

    /// False when `a`, `b`, `c` was never added.
    #[inline]
    fn may_hold(&self, a: u8, b: u8, c: u8) -> bool {
        self.may_hold_key(u32::from_le_bytes([a, b, c, 0]))
    }

    /// [`Triples::may_hold`] of the three bytes of `key`, little-endian.
    #[inline]
    fn may_hold_key(&self, key: u32) -> bool {
        let h = Triples::hash_key(key);
        self.0[h / 64] & (1 << (h % 64)) != 0
    }
}

/// Flag of a `next` value: an entry ends at the child.
const ENDS: u32 = 1 << 31;

impl Trie {
    /// Compiles `entries`, numbered in order; matching ignores ASCII case.
    pub(crate) fn new<S: AsRef<[u8]>>(entries: &[S]) -> Trie {
        let mut classes = [0u8; 256];
        let mut stride = 1;
        for entry in entries {
            for &b in entry.as_ref() {
                let b = b.to_ascii_lowercase();
                if classes[usize::from(b)] == 0 {
                    // At most 230 distinct bytes once ASCII case is folded:
                    // a class always fits a byte.
                    classes[usize::from(b)] = u8::try_from(stride).unwrap_or(u8::MAX);
                    stride += 1;
                }
            }
        }
        for b in b'A'..=b'Z' {
            classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
        }
        let mut trie = Trie {
            classes,
            first: [false; 256],
            stride,
            next: {
                // At most one node per byte of the entries: no regrowing.
                let bytes: usize = entries.iter().map(|e| e.as_ref().len()).sum();
                let mut next = Vec::with_capacity(stride * (bytes + 1));
                next.resize(stride, 0);
                next
            },
            ends: vec![None],
            heads: None,
            skips: None,
        };
        for (id, entry) in entries.iter().enumerate() {
            trie.insert(entry.as_ref(), u32::try_from(id).unwrap_or(u32::MAX));
        }
        if entries.iter().all(|e| e.as_ref().len() >= 3) {
            let mut heads = Triples::new();
            for entry in entries {
                if let [a, b, c, ..] = *entry.as_ref() {
                    heads.add(a, b, c);
                }
            }
            trie.heads = Some(heads);
        }
        trie
    }

    /// [`Trie::new`], plus the table that lets [`Trie::occurs_in`] skip
    /// ahead (64 KiB: only for the tries searched that way).
    pub(crate) fn searchable<S: AsRef<[u8]>>(entries: &[S]) -> Trie {
        Trie {
            skips: Skips::new(entries),
            ..Trie::new(entries)
        }
    }

    fn insert(&mut self, entry: &[u8], id: u32) {
        if let Some(&b) = entry.first() {
            self.first[usize::from(b.to_ascii_lowercase())] = true;
            self.first[usize::from(b.to_ascii_uppercase())] = true;
        }
        let mut row = 0usize;
        let mut slot = None;
        for &b in entry {
            let at = row + usize::from(self.classes[usize::from(b)]);
            row = match self.next[at] & !ENDS {
                0 => {
                    let child = self.next.len();
                    self.next[at] = child as u32;
                    self.next.resize(child + self.stride, 0);
                    self.ends.push(None);
                    child
                }
                child => child as usize,
            };
            slot = Some(at);
        }
        if let Some(at) = slot {
            self.next[at] |= ENDS;
            self.ends[row / self.stride].get_or_insert(id);
        }
    }

    /// The `next` value for byte `b` from the node at `row`: 0 when no entry
    /// continues that way.
    #[inline]
    fn step(&self, row: usize, b: u8) -> u32 {
        let class = usize::from(self.classes[usize::from(b)]);
        self.next.get(row + class).copied().unwrap_or(0)
    }

    /// True when some entry holds byte `b` (any case).
    pub(crate) fn uses(&self, b: u8) -> bool {
        self.classes[usize::from(b)] != 0
    }

    /// True when some entry starts with byte `b` (any case).
    #[inline]
    pub(crate) fn can_start(&self, b: u8) -> bool {
        self.first[usize::from(b)]
    }

    /// False when no entry starts with the bytes `a`, `b`, `c` (any case):
    /// with [`Trie::can_start`], a cheap test before walking the trie.
    #[inline]
    pub(crate) fn may_start_with(&self, a: u8, b: u8, c: u8) -> bool {
        self.heads
            .as_ref()
            .is_none_or(|heads| heads.may_hold(a, b, c))
    }

    /// The longest entry starting at byte `at` of `hay` and ending by `end`:
    /// (entry number, end of the match).
    #[inline]
    pub(crate) fn longest_at(&self, hay: &[u8], at: usize, end: usize) -> Option<(u32, usize)> {
        let hay = hay.get(..end.min(hay.len()))?;
        let mut row = 0;
        let mut found = None;
        let mut i = at;
        while let Some(&b) = hay.get(i) {
            let next = self.step(row, b);
            if next == 0 {
                break;
            }
            i += 1;
            row = (next & !ENDS) as usize;
            if next & ENDS != 0 {
                found = Some((row, i));
            }
        }
        let (row, to) = found?;
        Some((self.ends.get(row / self.stride).copied().flatten()?, to))
    }

    /// True when some entry occurs anywhere in `hay[start..end]`, inside a
    /// word or not. Fast on a trie built by [`Trie::searchable`]; otherwise
    /// every byte is tried.
    pub(crate) fn occurs_in(&self, hay: &[u8], start: usize, end: usize) -> bool {
        let hay = &hay[..end.min(hay.len())];
        let rest = &hay[start.min(hay.len())..];
        let at = |k: usize| self.can_start(rest[k]) && self.starts(rest[k..].iter());
        let Some(Skips { window, shift }) = &self.skips else {
            return (0..rest.len()).any(at);
        };
        // An entry starting at `k` fills the window `k..k + window`, whose
        // last two bytes are `pairs[k..k + 2]`. When they end no entry's
        // head, no entry starts at `k`, nor before `k` plus the shift.
        let Some(pairs) = rest.get(window - 2..) else {
            return false;
        };
        let mut k = 0;
        while let Some(&[a, b, ..]) = pairs.get(k..) {
            match shift[usize::from(u16::from_le_bytes([a, b]))] {
                0 if at(k) => return true,
                0 => k += 1,
                far => k += usize::from(far),
            }
        }
        false
    }

    /// True when some entry, spelled backwards, ends at byte `last` of `hay`
    /// and starts at `from` or later (this trie holding reversed entries).
    #[inline]
    pub(crate) fn ends_before(&self, hay: &[u8], from: usize, last: usize) -> bool {
        let Some(tail) = hay.get(from..=last) else {
            return false;
        };
        let quick = match *tail {
            [.., c, b, a] => self.can_start(a) && self.may_start_with(a, b, c),
            [.., a] => self.can_start(a),
            [] => false,
        };
        quick && self.starts(tail.iter().rev())
    }

    /// True when the bytes of `bytes` start with some entry.
    #[inline]
    fn starts<'a>(&self, bytes: impl Iterator<Item = &'a u8>) -> bool {
        let mut row = 0;
        for &b in bytes {
            let next = self.step(row, b);
            if next & ENDS != 0 {
                return true;
            }
            if next == 0 {
                return false;
            }
            row = next as usize; // `ENDS` is clear here
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_entry_wins_and_case_is_ignored() {
        let trie = Trie::new(&["no", "no comment", "not"]);
        let hay = b"No Comment, not";
        assert_eq!(trie.longest_at(hay, 0, hay.len()), Some((1, 10)));
        assert_eq!(trie.longest_at(hay, 0, 5), Some((0, 2)));
        assert_eq!(trie.longest_at(hay, 12, hay.len()), Some((2, 15)));
        assert_eq!(trie.longest_at(hay, 1, hay.len()), None);
        assert_eq!(trie.longest_at(hay, 99, 120), None);
        assert!(trie.occurs_in(hay, 1, hay.len()));
        assert!(!trie.occurs_in(hay, 1, 12));
    }

    #[test]
    fn multibyte_entries() {
        let trie = Trie::new(&["didn\u{2019}t"]);
        let hay = "he didn\u{2019}t".as_bytes();
        assert_eq!(trie.longest_at(hay, 3, hay.len()), Some((0, hay.len())));
        assert!(!trie.can_start(0xE2));
    }

    #[test]
    fn searchable_tries_skip_to_the_same_answers() {
        let trie = Trie::searchable(&["not true", "fake", "LIES", "a lie"]);
        let hay = b"it is Not True that he faked it";
        assert!(trie.occurs_in(hay, 0, hay.len()));
        assert!(!trie.occurs_in(hay, 7, hay.len() - 6));
        assert!(trie.occurs_in(hay, 23, 27));
        assert!(!trie.occurs_in(hay, 23, 26));
        // Entries of one byte leave nothing to skip by: every place is tried.
        let short = Trie::searchable(&["a", "fake"]);
        assert!(short.skips.is_none());
        assert!(short.occurs_in(b"xxa", 0, 3));
    }

    proptest::proptest! {
        #[test]
        fn occurs_in_finds_every_entry_anywhere(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "lie", "LIES", "a ", "fake", "al", "x", " ", "é", "s", "No", "n\u{2019}t",
                ]),
                0..12,
            ),
            from in 0usize..6,
            to in 0usize..6,
            set in 0usize..3,
        ) {
            let entries: &[&str] = match set {
                0 => &["lies", "a lie", "fake"],
                1 => &["no", "lie", "n\u{2019}t"],
                _ => &["fake news", "lies", "es a", "alie"],
            };
            let text = parts.concat().into_bytes();
            let end = text.len() - to.min(text.len());
            let from = from.min(end);
            let lower = text[..end].to_ascii_lowercase();
            let naive = (from..end).any(|k| {
                entries.iter().any(|e| lower[k..].starts_with(e.as_bytes()))
            });
            for trie in [Trie::new(entries), Trie::searchable(entries)] {
                proptest::prop_assert_eq!(trie.occurs_in(&text, from, end), naive);
            }
        }
    }
}
