//! Predicted claims, read from a claims CSV exactly as the reference scorer
//! reads it, or taken straight from an extraction run.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context;

use super::rules::python_int;
use crate::row::ClaimRow;

/// A half-open code point span; only spans with `end > start` exist (the
/// scorer drops the others).
pub type CharSpan = (i128, i128);

/// The scorer's `span(row, a, b)`: both cells parse as integers and the span
/// is not empty; anything else is no span.
pub fn valid_span(start: Option<&str>, end: Option<&str>) -> Option<CharSpan> {
    let s = python_int(start.unwrap_or(""))?;
    let e = python_int(end.unwrap_or(""))?;
    (e > s).then_some((s, e))
}

/// What the scorer looks at in one predicted claim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prediction {
    /// The claim text span (always valid).
    pub span: CharSpan,
    /// The speaker mention span, `None` when empty or unusable.
    pub mention: Option<CharSpan>,
    /// Resolved speaker name.
    pub speaker: String,
    /// The mention as written (for error reports only).
    pub speaker_mention: String,
    /// The cue as written.
    pub cue: String,
    /// direct, indirect, mixed (as given; not checked).
    pub kind: String,
    /// assert, deny, non_denial (as given; not checked).
    pub stance: String,
    /// The claim text (for error reports only).
    pub text: String,
}

/// Predictions grouped by `doc_id`, each group in input order.
#[derive(Debug, Default)]
pub struct Predictions {
    by_doc: HashMap<String, Vec<Prediction>>,
}

impl Predictions {
    /// The predictions of one document, in input order (empty if none).
    pub fn of(&self, doc_id: &str) -> &[Prediction] {
        self.by_doc.get(doc_id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Adds the rows of one extracted article.
    pub fn add_rows(&mut self, rows: &[ClaimRow]) {
        for row in rows {
            let to_i = |v: usize| i128::try_from(v).unwrap_or(i128::MAX);
            let span = (to_i(row.start), to_i(row.end));
            if span.1 <= span.0 {
                continue;
            }
            let mention = match (row.speaker_start, row.speaker_end) {
                (Some(s), Some(e)) if e > s => Some((to_i(s), to_i(e))),
                _ => None,
            };
            self.by_doc
                .entry(row.doc_id.clone())
                .or_default()
                .push(Prediction {
                    span,
                    mention,
                    speaker: row.speaker.clone(),
                    speaker_mention: row.speaker_mention.clone(),
                    cue: row.cue.clone(),
                    kind: row.kind.clone(),
                    stance: row.stance.clone(),
                    text: row.text.clone(),
                });
        }
    }

    /// Reads a claims CSV the way `score_quotes.py` does (`csv.DictReader`):
    /// columns found by header name (the last one wins if a name repeats),
    /// short rows padded with nothing, rows without a valid `start`/`end`
    /// dropped, a leading BOM ignored.
    pub fn read_csv(path: &Path) -> anyhow::Result<Predictions> {
        let bytes = std::fs::read(path)
            .with_context(|| format!("{}: cannot read the claims CSV", path.display()))?;
        let text = std::str::from_utf8(&bytes)
            .with_context(|| format!("{}: the claims CSV is not UTF-8", path.display()))?;
        Self::parse_csv(text.strip_prefix('\u{feff}').unwrap_or(text))
            .with_context(|| format!("{}: bad claims CSV", path.display()))
    }

    /// Parses the text of a claims CSV (see [`Predictions::read_csv`]).
    pub fn parse_csv(text: &str) -> anyhow::Result<Predictions> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = reader.records();
        let Some(header) = records.next().transpose()? else {
            return Ok(Predictions::default());
        };
        // DictReader builds `dict(zip(header, row))`: a repeated name keeps its last column.
        let mut column: HashMap<&str, usize> = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            column.insert(name, i);
        }
        let mut out = Predictions::default();
        for record in records {
            let record = record?;
            // A cell is `None` when the column is absent or the row too short.
            let cell = |name: &str| column.get(name).and_then(|&i| record.get(i));
            let Some(span) = valid_span(cell("start"), cell("end")) else {
                continue;
            };
            // `row.get("doc_id", "")`: an absent column reads as "", a short row as None.
            let doc_id = match column.get("doc_id") {
                None => String::new(),
                Some(&i) => match record.get(i) {
                    Some(id) => id.to_string(),
                    None => continue, // keyed under None: never matches a gold id
                },
            };
            let text_of = |name: &str| cell(name).unwrap_or("").to_string();
            out.by_doc.entry(doc_id).or_default().push(Prediction {
                span,
                mention: valid_span(cell("speaker_start"), cell("speaker_end")),
                speaker: text_of("speaker"),
                speaker_mention: text_of("speaker_mention"),
                cue: text_of("cue"),
                kind: text_of("kind"),
                stance: text_of("stance"),
                text: text_of("text"),
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_without_a_valid_span_are_dropped() {
        let csv = "doc_id,start,end,speaker\n\
                   a,0,5,X\n\
                   a,5,5,empty\n\
                   a,7,3,backwards\n\
                   a,,4,blank\n\
                   a,1.0,4,float\n\
                   a, 2 ,+9,spaces\n\
                   b,0,1\n\
                   b\n";
        let p = Predictions::parse_csv(csv).unwrap();
        let a: Vec<_> = p
            .of("a")
            .iter()
            .map(|x| (x.span, x.speaker.as_str()))
            .collect();
        assert_eq!(a, [((0, 5), "X"), ((2, 9), "spaces")]);
        assert_eq!(p.of("b").len(), 1);
        assert_eq!(p.of("b")[0].speaker, "");
    }

    #[test]
    fn columns_are_found_by_name_and_last_duplicate_wins() {
        let csv = "start,end,doc_id,speaker,speaker\n0,4,d,first,second\n";
        let p = Predictions::parse_csv(csv).unwrap();
        assert_eq!(p.of("d")[0].speaker, "second");
    }

    #[test]
    fn missing_doc_id_column_reads_as_empty_id() {
        let p = Predictions::parse_csv("start,end\n0,4\n").unwrap();
        assert_eq!(p.of("").len(), 1);
    }

    #[test]
    fn empty_mentions_are_no_mention() {
        let csv = "doc_id,start,end,speaker_start,speaker_end\nd,0,4,,\nd,5,9,3,3\nd,10,12,1,2\n";
        let p = Predictions::parse_csv(csv).unwrap();
        let m: Vec<_> = p.of("d").iter().map(|x| x.mention).collect();
        assert_eq!(m, [None, None, Some((1, 2))]);
    }

    #[test]
    fn blank_lines_are_skipped_like_dictreader_does() {
        let p = Predictions::parse_csv("doc_id,start,end\r\n\r\nd,0,4\r\n\nd,\"5\",9\n").unwrap();
        let spans: Vec<_> = p.of("d").iter().map(|x| x.span).collect();
        assert_eq!(spans, [(0, 4), (5, 9)]);
    }

    #[test]
    fn empty_file_has_no_predictions() {
        assert!(Predictions::parse_csv("").unwrap().of("").is_empty());
    }
}
