//! Byte spans into an article, and their conversion to code point offsets.

/// A half-open byte range `start..end` into an article's text.
///
/// Both ends always lie on `char` boundaries of the text the span was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text the span covers; empty if it does not fit `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts byte offsets of one article to Unicode code point offsets (what
/// Python's `str` indexes, and what the CSV contract uses).
///
/// Built once per article in one pass; each lookup is then a binary search over
/// the positions of multi-byte characters only, so ASCII-heavy news text costs
/// almost nothing.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// For each multi-byte character: (byte offset just after it, extra bytes so far).
    extra: Vec<(usize, usize)>,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut extra = Vec::new();
        let mut total = 0usize;
        let mut i = 0;
        while i < bytes.len() {
            i = ascii_run_end(bytes, i);
            let Some(&lead) = bytes.get(i) else {
                break;
            };
            // `text` is UTF-8, so a non-ASCII byte here leads a character.
            let n = match lead {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            total += n - 1;
            extra.push((i + n, total));
            i += n;
        }
        CharOffsets { extra }
    }

    /// The code point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let k = self.extra.partition_point(|&(end, _)| end <= byte);
        let extra = if k == 0 { 0 } else { self.extra[k - 1].1 };
        byte - extra
    }
}

/// The end of the run of ASCII bytes that starts at `i`: 64 bytes at a
/// time while none of them is a lead or continuation byte (the high bits of
/// eight words tested at once, since news text is mostly ASCII), then eight
/// at a time to find the first that is.
fn ascii_run_end(bytes: &[u8], mut i: usize) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let word = |w: &[u8]| u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<64>) {
        if chunk.chunks_exact(8).fold(0, |high, w| high | word(w)) & HIGH_BITS != 0 {
            break;
        }
        i += 64;
    }
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let high = word(chunk) & HIGH_BITS;
        if high != 0 {
            // Little-endian: the lowest set bit is the first such byte.
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_char_counts() {
        let text = "a “b” – é c and some longer ASCII text 𝄞 to cross a chunk, £5 ü";
        let idx = CharOffsets::new(text);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(idx.char_offset(b), text[..b].chars().count(), "byte {b}");
        }
    }

    #[test]
    fn ascii_run_ends_at_the_first_non_ascii_byte() {
        for k in 0..150 {
            let text = format!("{}é{}", "a".repeat(k), "b".repeat(150 - k));
            for i in [0, k / 2, k] {
                assert_eq!(ascii_run_end(text.as_bytes(), i), k, "é at {k}, from {i}");
            }
            assert_eq!(ascii_run_end(text.as_bytes(), k + 2), text.len());
        }
    }

    #[test]
    fn slice_out_of_range_is_empty() {
        assert_eq!(Span::new(3, 10).slice("abc"), "");
        assert_eq!(Span::new(1, 2).slice("abc"), "b");
    }
}
