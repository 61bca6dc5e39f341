//! The denials report: every denial, non-denial and confirmation, with the
//! claim it answers.
//!
//! The claim answered (`responds_to`) is looked up among the rows of the same
//! article, so only one article's rows are needed at a time. The report rows
//! themselves (a small share of all claims) are kept until the end and sorted
//! by `doc_id` then `claim`, which makes the report independent of input order
//! and of how a corpus was split into shards.

use crate::cells::{CsvEncoder, CsvRecord};

use crate::pipeline::RowSink;
use crate::row::ClaimRow;

/// The denials report header.
pub const DENIAL_COLUMNS: [&str; 10] = [
    "doc_id",
    "claim",
    "speaker",
    "speaker_role",
    "stance",
    "stance_cue",
    "text",
    "responds_to",
    "answered_speaker",
    "answered_text",
];

/// One row of the denials report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DenialRow {
    /// The article's id.
    pub doc_id: String,
    /// The claim's number in the article.
    pub claim: usize,
    /// Who denies, declines or confirms.
    pub speaker: String,
    /// The speaker's role, if the article gives one.
    pub speaker_role: String,
    /// `deny`, `non_denial` or `confirmation` (an assert whose cue confirms).
    pub stance: String,
    /// The deciding words: the claims row's `stance_cue`, or for a
    /// confirmation its `cue` ("confirmed").
    pub stance_cue: String,
    /// The claim's text.
    pub text: String,
    /// The number of the claim answered, when one was found.
    pub responds_to: Option<usize>,
    /// Speaker of the claim answered.
    pub answered_speaker: String,
    /// Text of the claim answered.
    pub answered_text: String,
}

impl CsvRecord for DenialRow {
    fn write_cells(&self, out: &mut CsvEncoder) {
        out.text(&self.doc_id);
        out.number(self.claim);
        out.text(&self.speaker);
        out.text(&self.speaker_role);
        out.text(&self.stance);
        out.text(&self.stance_cue);
        out.text(&self.text);
        out.optional(self.responds_to);
        out.text(&self.answered_speaker);
        out.text(&self.answered_text);
    }
}

/// The aggregate behind the denials report. Feed it the rows of one article
/// at a time (it is a [`RowSink`]), then call [`DenialAudit::finish`].
///
/// ```
/// use claimtrack_cli::denials::DenialAudit;
/// use claimtrack_cli::row::ClaimRow;
///
/// let claim = ClaimRow { doc_id: "a".into(), claim: 1, speaker: "AP".into(),
///     stance: "assert".into(), cue: "reported".into(), text: "Talks took place.".into(), ..Default::default() };
/// let denial = ClaimRow { doc_id: "a".into(), claim: 2, speaker: "Kremlin".into(),
///     stance: "deny".into(), stance_cue: "denied".into(), responds_to: Some(1), ..Default::default() };
/// let mut audit = DenialAudit::default();
/// audit.add_article(&[claim, denial]);
/// let rows = audit.finish();
/// assert_eq!(rows.len(), 1);
/// assert_eq!(rows[0].answered_speaker, "AP");
/// ```
#[derive(Debug, Default)]
pub struct DenialAudit {
    rows: Vec<DenialRow>,
}

impl DenialAudit {
    /// Adds the rows of one article (all with the same `doc_id`).
    pub fn add_article(&mut self, rows: &[ClaimRow]) {
        for row in rows {
            let (stance, stance_cue) = match row.stance.as_str() {
                "deny" | "non_denial" => (row.stance.clone(), row.stance_cue.clone()),
                _ if row.is_confirmation() => {
                    let cue = if row.stance_cue.is_empty() {
                        &row.cue
                    } else {
                        &row.stance_cue
                    };
                    ("confirmation".to_string(), cue.clone())
                }
                _ => continue,
            };
            let answered = row.responds_to.and_then(|n| {
                rows.iter()
                    .find(|other| other.claim == n && other.doc_id == row.doc_id)
            });
            self.rows.push(DenialRow {
                doc_id: row.doc_id.clone(),
                claim: row.claim,
                speaker: row.speaker.clone(),
                speaker_role: row.speaker_role.clone(),
                stance,
                stance_cue,
                text: row.text.clone(),
                responds_to: row.responds_to,
                answered_speaker: answered.map(|a| a.speaker.clone()).unwrap_or_default(),
                answered_text: answered.map(|a| a.text.clone()).unwrap_or_default(),
            });
        }
    }

    /// The report rows, sorted by `doc_id` then `claim`.
    pub fn finish(mut self) -> Vec<DenialRow> {
        self.rows
            .sort_by(|a, b| a.doc_id.cmp(&b.doc_id).then(a.claim.cmp(&b.claim)));
        self.rows
    }
}

impl RowSink for DenialAudit {
    fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()> {
        self.add_article(rows);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_cell_is_escaped() {
        for trigger in crate::cells::FORMULA_TRIGGERS {
            let cell = format!("{trigger}1+1");
            let row = DenialRow {
                doc_id: cell.clone(),
                claim: 2,
                speaker: cell.clone(),
                speaker_role: cell.clone(),
                stance: cell.clone(),
                stance_cue: cell.clone(),
                text: cell.clone(),
                responds_to: Some(1),
                answered_speaker: cell.clone(),
                answered_text: cell.clone(),
            };
            let cells = crate::cells::written_cells(&row);
            assert_eq!(cells.len(), DENIAL_COLUMNS.len());
            for (i, value) in cells.iter().enumerate() {
                let text = ![1, 7].contains(&i);
                assert_eq!(value == &format!("'{cell}"), text, "{}", DENIAL_COLUMNS[i]);
            }
        }
    }

    fn row(
        doc: &str,
        claim: usize,
        stance: &str,
        cue: &str,
        responds_to: Option<usize>,
    ) -> ClaimRow {
        ClaimRow {
            doc_id: doc.into(),
            claim,
            speaker: format!("S{claim}"),
            stance: stance.into(),
            cue: cue.into(),
            responds_to,
            text: format!("text {claim}"),
            ..ClaimRow::default()
        }
    }

    #[test]
    fn keeps_denials_non_denials_and_confirmations_only() {
        let mut audit = DenialAudit::default();
        audit.add_article(&[
            row("b", 1, "assert", "said", None),
            row("b", 2, "non_denial", "declined", Some(1)),
            row("b", 3, "assert", "confirmed", Some(1)),
        ]);
        audit.add_article(&[row("a", 1, "deny", "denied", Some(7))]);
        let rows = audit.finish();
        let keys: Vec<(&str, usize, &str)> = rows
            .iter()
            .map(|r| (r.doc_id.as_str(), r.claim, r.stance.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                ("a", 1, "deny"),
                ("b", 2, "non_denial"),
                ("b", 3, "confirmation")
            ]
        );
        assert_eq!(rows[0].answered_text, ""); // claim 7 does not exist
        assert_eq!(rows[1].answered_text, "text 1");
        assert_eq!(rows[2].stance_cue, "confirmed");
    }
}
