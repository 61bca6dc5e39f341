//! The claims CSV row fixed by `CONTRACT.md`: columns, order and meaning.

use claimtrack_classifier::StanceJudgement;
use claimtrack_parser::{CharOffsets, Claim};
use serde::{Deserialize, Serialize};

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
        let offsets = CharOffsets::new(text);
        let at = |b: usize| offsets.char_offset(b);
        claims
            .iter()
            .zip(stances)
            .enumerate()
            .map(|(i, (c, s))| ClaimRow {
                doc_id: doc_id.to_string(),
                claim: i + 1,
                speaker: c.speaker.name.clone(),
                speaker_kind: c.speaker.kind.as_str().to_string(),
                speaker_role: c.speaker.role.clone(),
                speaker_mention: c.mention.map(|m| m.slice(text)).unwrap_or("").to_string(),
                speaker_start: c.mention.map(|m| at(m.start)),
                speaker_end: c.mention.map(|m| at(m.end)),
                cue: c.cue.map(|m| m.slice(text)).unwrap_or("").to_string(),
                cue_start: c.cue.map(|m| at(m.start)),
                cue_end: c.cue.map(|m| at(m.end)),
                kind: c.kind.as_str().to_string(),
                stance: s.stance.as_str().to_string(),
                stance_cue: match s.stance {
                    claimtrack_classifier::Stance::Assert => String::new(),
                    _ => s
                        .stance_cue
                        .map(|m| m.slice(text))
                        .unwrap_or("")
                        .to_string(),
                },
                responds_to: s.responds_to.map(|k| k + 1),
                text: c.text.slice(text).to_string(),
                start: at(c.text.start),
                end: at(c.text.end),
            })
            .collect()
    }
}
