//! The claims CSV row fixed by `CONTRACT.md`: columns, order and meaning.

use claimtrack_classifier::StanceJudgement;
use claimtrack_parser::{CharOffsets, Claim};
use serde::{Deserialize, Serialize};

use crate::cells::{unescape, CsvEncoder, CsvRecord};

/// The claims CSV header: the contract's columns, in order.
pub const COLUMNS: [&str; 18] = [
    "doc_id",
    "claim",
    "speaker",
    "speaker_kind",
    "speaker_role",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "kind",
    "stance",
    "stance_cue",
    "responds_to",
    "text",
    "start",
    "end",
];

/// One row of the claims CSV. Field order is the column order of the contract:
/// do not reorder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ClaimRow {
    /// The article's id.
    pub doc_id: String,
    /// 1, 2, 3 ... in order of `start` within the article.
    pub claim: usize,
    /// Resolved speaker name; empty when unknown.
    pub speaker: String,
    /// person, organization, anonymous, unknown.
    pub speaker_kind: String,
    /// Role or title the article gives the speaker; may be empty.
    pub speaker_role: String,
    /// The words at this claim that name the speaker.
    pub speaker_mention: String,
    /// Code point offset of `speaker_mention`; `None` when it is empty.
    pub speaker_start: Option<usize>,
    /// End code point offset of `speaker_mention`.
    pub speaker_end: Option<usize>,
    /// The reporting verb or phrase as written.
    pub cue: String,
    /// Code point offset of `cue`.
    pub cue_start: Option<usize>,
    /// End code point offset of `cue`.
    pub cue_end: Option<usize>,
    /// direct, indirect, mixed.
    pub kind: String,
    /// assert, deny, non_denial.
    pub stance: String,
    /// The words that decided a deny or non_denial.
    pub stance_cue: String,
    /// The `claim` number this claim answers, in the same article.
    pub responds_to: Option<usize>,
    /// The claim's content exactly as in the article.
    pub text: String,
    /// Code point offset of `text`.
    pub start: usize,
    /// End code point offset of `text`.
    pub end: usize,
}

impl ClaimRow {
    /// Builds the rows of one article from the parser's claims and the
    /// classifier's judgements (parallel slices, claims sorted by start).
    pub fn from_article(
        doc_id: &str,
        text: &str,
        claims: &[Claim],
        stances: &[StanceJudgement],
    ) -> Vec<ClaimRow> {
        ClaimCells::of_article(doc_id, text, claims, stances)
            .map(|cells| cells.to_row())
            .collect()
    }

    /// Shifts the offsets by `chars` code points (a segment's place in its
    /// document; see [`crate::input::Part`]).
    pub fn shift_offsets(&mut self, chars: usize) {
        shift_offsets(
            chars,
            [&mut self.start, &mut self.end],
            [
                &mut self.speaker_start,
                &mut self.speaker_end,
                &mut self.cue_start,
                &mut self.cue_end,
            ],
        );
    }

    /// The row's cells, borrowed.
    pub fn cells(&self) -> ClaimCells<'_> {
        ClaimCells {
            doc_id: &self.doc_id,
            claim: self.claim,
            speaker: &self.speaker,
            speaker_kind: &self.speaker_kind,
            speaker_role: &self.speaker_role,
            speaker_mention: &self.speaker_mention,
            speaker_start: self.speaker_start,
            speaker_end: self.speaker_end,
            cue: &self.cue,
            cue_start: self.cue_start,
            cue_end: self.cue_end,
            kind: &self.kind,
            stance: &self.stance,
            stance_cue: &self.stance_cue,
            responds_to: self.responds_to,
            text: &self.text,
            start: self.start,
            end: self.end,
        }
    }
}

/// One row of the claims CSV with its text cells borrowed: from the article
/// and the parser's output ([`ClaimCells::of_article`]), or from a
/// [`ClaimRow`]. A run that only writes the claims CSV encodes these
/// directly, without the ten or so strings a `ClaimRow` allocates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimCells<'a> {
    /// [`ClaimRow::doc_id`].
    pub doc_id: &'a str,
    /// [`ClaimRow::claim`].
    pub claim: usize,
    /// [`ClaimRow::speaker`].
    pub speaker: &'a str,
    /// [`ClaimRow::speaker_kind`].
    pub speaker_kind: &'a str,
    /// [`ClaimRow::speaker_role`].
    pub speaker_role: &'a str,
    /// [`ClaimRow::speaker_mention`].
    pub speaker_mention: &'a str,
    /// [`ClaimRow::speaker_start`].
    pub speaker_start: Option<usize>,
    /// [`ClaimRow::speaker_end`].
    pub speaker_end: Option<usize>,
    /// [`ClaimRow::cue`].
    pub cue: &'a str,
    /// [`ClaimRow::cue_start`].
    pub cue_start: Option<usize>,
    /// [`ClaimRow::cue_end`].
    pub cue_end: Option<usize>,
    /// [`ClaimRow::kind`].
    pub kind: &'a str,
    /// [`ClaimRow::stance`].
    pub stance: &'a str,
    /// [`ClaimRow::stance_cue`].
    pub stance_cue: &'a str,
    /// [`ClaimRow::responds_to`].
    pub responds_to: Option<usize>,
    /// [`ClaimRow::text`].
    pub text: &'a str,
    /// [`ClaimRow::start`].
    pub start: usize,
    /// [`ClaimRow::end`].
    pub end: usize,
}

impl<'a> ClaimCells<'a> {
    /// The rows of one article, from the parser's claims and the
    /// classifier's judgements (parallel slices, claims sorted by start).
    pub fn of_article(
        doc_id: &'a str,
        text: &'a str,
        claims: &'a [Claim],
        stances: &'a [StanceJudgement],
    ) -> impl Iterator<Item = ClaimCells<'a>> + 'a {
        let offsets = CharOffsets::new(text);
        claims
            .iter()
            .zip(stances)
            .enumerate()
            .map(move |(i, (c, s))| {
                let at = |b: usize| offsets.char_offset(b);
                ClaimCells {
                    doc_id,
                    claim: i + 1,
                    speaker: &c.speaker.name,
                    speaker_kind: c.speaker.kind.as_str(),
                    speaker_role: &c.speaker.role,
                    speaker_mention: c.mention.map(|m| m.slice(text)).unwrap_or(""),
                    speaker_start: c.mention.map(|m| at(m.start)),
                    speaker_end: c.mention.map(|m| at(m.end)),
                    cue: c.cue.map(|m| m.slice(text)).unwrap_or(""),
                    cue_start: c.cue.map(|m| at(m.start)),
                    cue_end: c.cue.map(|m| at(m.end)),
                    kind: c.kind.as_str(),
                    stance: s.stance.as_str(),
                    stance_cue: match s.stance {
                        claimtrack_classifier::Stance::Assert => "",
                        _ => s.stance_cue.map(|m| m.slice(text)).unwrap_or(""),
                    },
                    responds_to: s.responds_to.map(|k| k + 1),
                    text: c.text.slice(text),
                    start: at(c.text.start),
                    end: at(c.text.end),
                }
            })
    }

    /// The row, owned.
    pub fn to_row(&self) -> ClaimRow {
        ClaimRow {
            doc_id: self.doc_id.to_string(),
            claim: self.claim,
            speaker: self.speaker.to_string(),
            speaker_kind: self.speaker_kind.to_string(),
            speaker_role: self.speaker_role.to_string(),
            speaker_mention: self.speaker_mention.to_string(),
            speaker_start: self.speaker_start,
            speaker_end: self.speaker_end,
            cue: self.cue.to_string(),
            cue_start: self.cue_start,
            cue_end: self.cue_end,
            kind: self.kind.to_string(),
            stance: self.stance.to_string(),
            stance_cue: self.stance_cue.to_string(),
            responds_to: self.responds_to,
            text: self.text.to_string(),
            start: self.start,
            end: self.end,
        }
    }

    /// Shifts the offsets by `chars` code points (a segment's place in its
    /// document; see [`crate::input::Part`]).
    pub fn shift_offsets(&mut self, chars: usize) {
        shift_offsets(
            chars,
            [&mut self.start, &mut self.end],
            [
                &mut self.speaker_start,
                &mut self.speaker_end,
                &mut self.cue_start,
                &mut self.cue_end,
            ],
        );
    }
}

/// Adds `chars` to every offset of a row (the same columns in [`ClaimRow`]
/// and [`ClaimCells`]).
fn shift_offsets(chars: usize, offsets: [&mut usize; 2], optional: [&mut Option<usize>; 4]) {
    if chars == 0 {
        return;
    }
    for offset in offsets {
        *offset += chars;
    }
    for offset in optional.into_iter().flatten() {
        *offset += chars;
    }
}

/// The stances of the contract, as written in the `stance` column.
pub const STANCES: [&str; 3] = ["assert", "deny", "non_denial"];
/// The claim kinds of the contract (`kind` column).
pub const KINDS: [&str; 3] = ["direct", "indirect", "mixed"];
/// The speaker kinds of the contract (`speaker_kind` column).
pub const SPEAKER_KINDS: [&str; 4] = ["person", "organization", "anonymous", "unknown"];

impl ClaimRow {
    /// True for an `assert` whose cue confirms ("confirmed", "acknowledged",
    /// "admitted", "conceded" ...): some word of the cue is one of the
    /// classifier's confirming cues, ignoring case.
    ///
    /// ```
    /// use claimtrack_cli::row::ClaimRow;
    /// let mut row = ClaimRow { stance: "assert".into(), cue: "later Confirmed".into(), ..Default::default() };
    /// assert!(row.is_confirmation());
    /// row.stance = "deny".into();
    /// assert!(!row.is_confirmation());
    /// ```
    pub fn is_confirmation(&self) -> bool {
        self.stance == "assert"
            && self
                .cue
                .split(|c: char| !c.is_alphanumeric())
                .any(claimtrack_classifier::is_confirming_cue)
    }

    /// Checks that the enumerated columns hold words of the contract, so a
    /// hand-edited or foreign CSV is caught instead of silently miscounted.
    pub fn validate(&self) -> Result<(), String> {
        let check = |column: &str, value: &str, allowed: &[&str]| {
            if allowed.contains(&value) {
                Ok(())
            } else {
                Err(format!(
                    "{column} is \"{value}\", expected one of {}",
                    allowed.join(", ")
                ))
            }
        };
        check("stance", &self.stance, &STANCES)?;
        check("kind", &self.kind, &KINDS)?;
        check("speaker_kind", &self.speaker_kind, &SPEAKER_KINDS)?;
        if self.doc_id.is_empty() {
            return Err("doc_id is empty".to_string());
        }
        Ok(())
    }
}

impl CsvRecord for ClaimCells<'_> {
    fn write_cells(&self, out: &mut CsvEncoder) {
        // The same on every row of an article: encoded once.
        out.recurring_text(self.doc_id);
        out.number(self.claim);
        out.text(self.speaker);
        out.text(self.speaker_kind);
        out.text(self.speaker_role);
        out.text(self.speaker_mention);
        out.optional(self.speaker_start);
        out.optional(self.speaker_end);
        out.text(self.cue);
        out.optional(self.cue_start);
        out.optional(self.cue_end);
        out.text(self.kind);
        out.text(self.stance);
        out.text(self.stance_cue);
        out.optional(self.responds_to);
        out.text(self.text);
        out.number(self.start);
        out.number(self.end);
    }
}

impl CsvRecord for ClaimRow {
    fn write_cells(&self, out: &mut CsvEncoder) {
        self.cells().write_cells(out);
    }
}

impl ClaimRow {
    /// Undoes spreadsheet escaping (see [`crate::cells::unescape`]) in the
    /// text cells of a row read back from a claims CSV.
    pub fn unescape_cells(&mut self) {
        for cell in [
            &mut self.doc_id,
            &mut self.speaker,
            &mut self.speaker_kind,
            &mut self.speaker_role,
            &mut self.speaker_mention,
            &mut self.cue,
            &mut self.kind,
            &mut self.stance,
            &mut self.stance_cue,
            &mut self.text,
        ] {
            if unescape(cell).len() != cell.len() {
                cell.remove(0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_match_the_serialized_header() {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(ClaimRow::default()).unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let header = out.lines().next().unwrap();
        assert_eq!(header, COLUMNS.join(","));
    }

    #[test]
    fn csv_record_writes_what_serde_writes() {
        let row = ClaimRow {
            doc_id: "d".into(),
            claim: 3,
            speaker: "Jake Sullivan".into(),
            speaker_start: Some(1),
            speaker_end: Some(2),
            cue_start: Some(3),
            cue_end: Some(4),
            responds_to: Some(5),
            text: "\"x, y\"".into(),
            start: 6,
            end: 7,
            ..ClaimRow::default()
        };
        let mut by_serde = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        by_serde.serialize(&row).unwrap();
        let mut ours = crate::cells::CsvOut::new(Vec::new(), crate::cells::CellPolicy::Safe);
        ours.record(&row).unwrap();
        assert_eq!(ours.into_inner().unwrap(), by_serde.into_inner().unwrap());
    }

    #[test]
    fn every_text_cell_is_escaped_and_unescaped() {
        use crate::cells::{CellPolicy, FORMULA_TRIGGERS};
        for trigger in FORMULA_TRIGGERS {
            let cell = format!("{trigger}cmd|' /C calc'!A0");
            let row = ClaimRow {
                doc_id: cell.clone(),
                claim: 1,
                speaker: cell.clone(),
                speaker_kind: cell.clone(),
                speaker_role: cell.clone(),
                speaker_mention: cell.clone(),
                cue: cell.clone(),
                kind: cell.clone(),
                stance: cell.clone(),
                stance_cue: cell.clone(),
                text: cell.clone(),
                ..ClaimRow::default()
            };
            let mut out = crate::cells::CsvOut::new(Vec::new(), CellPolicy::Safe);
            out.record(&row).unwrap();
            let bytes = out.into_inner().unwrap();
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(&bytes[..]);
            let record = r.records().next().unwrap().unwrap();
            let escaped = format!("'{cell}");
            let text_columns = [0, 2, 3, 4, 5, 8, 11, 12, 13, 15];
            for (i, value) in record.iter().enumerate() {
                if text_columns.contains(&i) {
                    assert_eq!(value, escaped, "column {} {trigger:?}", COLUMNS[i]);
                } else {
                    assert!(!value.starts_with('\''), "column {}", COLUMNS[i]);
                }
            }
            let mut back: ClaimRow = record.deserialize(None).unwrap();
            back.unescape_cells();
            assert_eq!(back, row);
        }
    }

    #[test]
    fn a_row_survives_a_csv_round_trip() {
        let row = ClaimRow {
            doc_id: "d".into(),
            claim: 2,
            speaker: "Jake Sullivan".into(),
            speaker_kind: "person".into(),
            speaker_mention: "he".into(),
            speaker_start: Some(4),
            speaker_end: Some(6),
            kind: "direct".into(),
            stance: "deny".into(),
            responds_to: Some(1),
            text: "\"No, \"\"never\"\",\nno.\"".into(),
            start: 10,
            end: 30,
            ..ClaimRow::default()
        };
        let mut w = crate::cells::CsvOut::new(Vec::new(), crate::cells::CellPolicy::Safe);
        w.record(&row).unwrap();
        let bytes = w.into_inner().unwrap();
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[..]);
        let back: ClaimRow = r.deserialize().next().unwrap().unwrap();
        assert_eq!(back, row);
    }

    #[test]
    fn from_article_converts_byte_spans_to_code_points() {
        use claimtrack_classifier::{Stance, StanceJudgement};
        use claimtrack_parser::{ClaimKind, ResolvedSpeaker, Span, SpeakerKind};

        let text = "“Ça va,” dit Zoë. The Kremlin denied it.";
        let span = |needle: &str| {
            let start = text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        let claims = [
            Claim {
                text: span("“Ça va,”"),
                kind: ClaimKind::Direct,
                cue: Some(span("dit")),
                mention: Some(span("Zoë")),
                speaker: ResolvedSpeaker {
                    name: "Zoë".into(),
                    kind: SpeakerKind::Person,
                    role: String::new(),
                },
            },
            Claim {
                text: span("denied it"),
                kind: ClaimKind::Indirect,
                cue: None,
                mention: Some(span("The Kremlin")),
                speaker: ResolvedSpeaker {
                    name: "Kremlin".into(),
                    kind: SpeakerKind::Organization,
                    role: String::new(),
                },
            },
        ];
        let stances = [
            StanceJudgement::default(),
            StanceJudgement {
                stance: Stance::Deny,
                stance_cue: Some(span("denied")),
                confirmation: false,
                responds_to: Some(0),
            },
        ];
        let rows = ClaimRow::from_article("z", text, &claims, &stances);
        let chars = |needle: &str| {
            let start = text[..text.find(needle).unwrap()].chars().count();
            (start, start + needle.chars().count())
        };
        assert_eq!((rows[0].start, rows[0].end), chars("“Ça va,”"));
        assert_eq!(rows[0].text, "“Ça va,”");
        assert_eq!((rows[0].speaker_start, rows[0].speaker_end), {
            let (s, e) = chars("Zoë");
            (Some(s), Some(e))
        });
        assert_eq!((rows[0].claim, rows[1].claim), (1, 2));
        assert_eq!(rows[1].stance, "deny");
        assert_eq!(rows[1].stance_cue, "denied");
        assert_eq!(rows[1].responds_to, Some(1));
        assert_eq!((rows[1].cue_start, rows[1].cue.as_str()), (None, ""));
        assert_eq!(rows[1].speaker_kind, "organization");
    }

    #[test]
    fn confirmation_needs_assert_and_a_confirming_word() {
        let row = |stance: &str, cue: &str| ClaimRow {
            stance: stance.into(),
            cue: cue.into(),
            ..ClaimRow::default()
        };
        assert!(row("assert", "acknowledged").is_confirmation());
        assert!(row("assert", "ADMITTED").is_confirmation());
        assert!(!row("assert", "said").is_confirmation());
        assert!(!row("assert", "").is_confirmation());
        assert!(!row("non_denial", "would not confirm").is_confirmation());
    }

    #[test]
    fn validate_rejects_foreign_words() {
        let mut row = ClaimRow {
            doc_id: "d".into(),
            speaker_kind: "person".into(),
            kind: "direct".into(),
            stance: "assert".into(),
            ..ClaimRow::default()
        };
        assert!(row.validate().is_ok());
        row.stance = "maybe".into();
        assert!(row.validate().unwrap_err().contains("stance"));
    }
}
