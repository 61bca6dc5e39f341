//! Reading inputs: arbitrary bytes as a plain-text article (in small
//! segments), a JSON Lines collection or a CSV collection, raw or through
//! the gzip decompressor, strict or `--lossy`. The first byte picks the
//! format and the options; the rest is the input.
//!
//! Checked: no panic; every piece loads; an article (or a text's first
//! segment) is never blank; the segments of a text continue each other (part
//! numbers, code points before each); and, for raw input, the bytes the
//! pieces account for never exceed the input.

#![no_main]

use std::io::Read;

use claimtrack_cli::input::{ArticleStream, InputFormat, Loaded, Piece, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&knobs, bytes)) = data.split_first() else {
        return;
    };
    let format = match knobs % 3 {
        0 => InputFormat::Text,
        1 => InputFormat::Jsonl,
        _ => InputFormat::Csv,
    };
    let gzip = knobs & 4 != 0;
    let options = ReadOptions {
        lossy: knobs & 8 != 0,
        // Segments of 1 to 64 bytes: cuts land everywhere.
        segment_bytes: usize::from(knobs >> 4) * 4 + 1,
        ..ReadOptions::default()
    };
    let raw: Box<dyn Read> = Box::new(std::io::Cursor::new(bytes.to_vec()));
    let reader: Box<dyn Read> = if gzip {
        Box::new(flate2::read::MultiGzDecoder::new(raw))
    } else {
        raw
    };
    let mut accounted = 0u64;
    let mut next_part = 0usize;
    let mut chars_before = 0usize;
    for piece in ArticleStream::of_reader("fuzz", reader, format, "doc", &options) {
        let part = piece.part;
        let Loaded { bytes, article, .. } = Piece::load(piece);
        accounted += bytes;
        let Ok(article) = article else {
            continue;
        };
        if format == InputFormat::Text {
            // Blank segments at the head are skipped, their code points counted.
            if part.index == 0 {
                chars_before = part.char_base;
            }
            assert_eq!(part.index, next_part, "segments in order");
            assert_eq!(part.char_base, chars_before, "code points before the segment");
            next_part += 1;
            chars_before += article.text.chars().count();
            assert_eq!(article.doc_id, "doc");
        }
        if part.index == 0 {
            assert!(!article.text.trim().is_empty(), "a blank article");
        }
    }
    if !gzip {
        assert!(accounted <= bytes.len() as u64, "{accounted} > {}", bytes.len());
    }
});
