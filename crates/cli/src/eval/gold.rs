//! Gold annotation files: one JSON object per article (see `CONTRACT.md`).

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One annotated article.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    /// The article's id; predictions are matched to it by `doc_id`.
    pub id: String,
    /// The article text the offsets point into. Only needed to run extraction.
    #[serde(default)]
    pub text: Option<String>,
    /// The annotated quotes, in the annotator's order (the scorer's greedy
    /// matching goes in this order).
    pub quotes: Vec<GoldQuote>,
}

/// One annotated quote. Offsets are Unicode code points, half-open.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// The content as it stands in the article.
    pub text: String,
    /// First code point of the content.
    pub start: i64,
    /// One past the last code point of the content.
    pub end: i64,
    /// The words naming the speaker at this quote; empty for a floating quote.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Start of the speaker mention; `None` for a floating quote.
    #[serde(default)]
    pub speaker_start: Option<i64>,
    /// End of the speaker mention.
    #[serde(default)]
    pub speaker_end: Option<i64>,
    /// The reporting cue as written; may be empty.
    #[serde(default)]
    pub cue: Option<String>,
    /// The resolved speaker name.
    #[serde(default)]
    pub speaker_ref: Option<String>,
    /// Optional stance: assert, deny, non_denial.
    #[serde(default)]
    pub stance: Option<String>,
}

impl GoldQuote {
    /// The gold mention span, `None` for a floating quote.
    pub fn mention(&self) -> Option<(i64, i64)> {
        Some((self.speaker_start?, self.speaker_end?))
    }
}

/// Why a gold file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The gold file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a gold object as the contract describes.
    #[error("{path}: not a gold file: {source}")]
    Json {
        /// The gold file.
        path: PathBuf,
        /// What serde found wrong, with line and column.
        source: serde_json::Error,
    },
    /// A quote's mention has a start but no end (or the reverse).
    #[error(
        "{path}: quote {quote}: speaker_start and speaker_end must both be numbers or both null"
    )]
    HalfMention {
        /// The gold file.
        path: PathBuf,
        /// 1-based index of the quote.
        quote: usize,
    },
}

/// The `*.json` files directly in `dir`, sorted by path as the scorer's
/// `sorted(glob(dir/*.json))` does (hidden files excluded, like glob).
pub fn gold_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.ends_with(".json") && !name.starts_with('.') {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads and checks one gold file.
pub fn read_gold(path: &Path) -> Result<GoldDoc, GoldError> {
    let bytes = std::fs::read(path).map_err(|source| GoldError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let doc: GoldDoc = serde_json::from_slice(&bytes).map_err(|source| GoldError::Json {
        path: path.to_path_buf(),
        source,
    })?;
    for (i, q) in doc.quotes.iter().enumerate() {
        if q.speaker_start.is_some() != q.speaker_end.is_some() {
            return Err(GoldError::HalfMention {
                path: path.to_path_buf(),
                quote: i + 1,
            });
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_minimal_gold_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(
            &path,
            r#"{"id": "a", "text": "x", "quotes": [{"text": "\"x\"", "start": 0, "end": 3,
               "speaker": "", "speaker_start": null, "speaker_end": null,
               "cue": "", "cue_start": null, "cue_end": null, "speaker_ref": ""}]}"#,
        )
        .unwrap();
        let doc = read_gold(&path).unwrap();
        assert_eq!(doc.id, "a");
        assert_eq!(doc.quotes[0].mention(), None);
        assert_eq!(doc.quotes[0].stance, None);
    }

    #[test]
    fn bad_files_name_themselves() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.json");
        std::fs::write(&path, "{\"id\": \"a\", ").unwrap();
        let err = read_gold(&path).unwrap_err().to_string();
        assert!(err.contains("broken.json"), "{err}");

        std::fs::write(
            &path,
            r#"{"id": "a", "quotes": [{"text": "x", "start": 0, "end": 1, "speaker_start": 3, "speaker_end": null}]}"#,
        )
        .unwrap();
        let err = read_gold(&path).unwrap_err().to_string();
        assert!(
            err.contains("broken.json") && err.contains("quote 1"),
            "{err}"
        );
    }

    #[test]
    fn lists_json_files_sorted_without_hidden_ones() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.json", "a.json", ".hidden.json", "c.txt", "a.json.bak"] {
            std::fs::write(dir.path().join(name), "{}").unwrap();
        }
        let names: Vec<_> = gold_files(dir.path())
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.json", "b.json"]);
    }
}
