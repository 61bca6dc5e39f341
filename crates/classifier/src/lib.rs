//! # claimtrack-classifier
//!
//! Decides the stance of each claim found by `claimtrack-parser`:
//! `assert`, `deny` or `non_denial` (see the CSV contract), the words that
//! decided it, and which earlier claim a denial or non-denial answers.

use claimtrack_parser::{Claim, Span};

/// A speaker's stance towards what the claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Stance {
    /// States, confirms, warns, argues, admits (negative content included).
    #[default]
    Assert,
    /// Rejects or disputes a claim, report or accusation.
    Deny,
    /// Faced with a claim or question, neither confirms nor denies.
    NonDenial,
}

impl Stance {
    /// The word the CSV contract uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Assert => "assert",
            Stance::Deny => "deny",
            Stance::NonDenial => "non_denial",
        }
    }
}

/// The classifier's verdict on one claim.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StanceJudgement {
    /// Assert, deny or non-denial.
    pub stance: Stance,
    /// The words that decided a deny or non-denial (`didn't deny`), or the
    /// confirming cue of a confirmation; `None` for a plain assert.
    pub stance_cue: Option<Span>,
    /// True for an assert whose cue confirms (`confirmed`, `acknowledged`,
    /// `admitted`, `conceded`).
    pub confirmation: bool,
    /// Index (into the claims slice) of the earlier claim this one answers.
    pub responds_to: Option<usize>,
}

/// Judges every claim of one article; the result is parallel to `claims`.
pub fn classify(text: &str, claims: &[Claim]) -> Vec<StanceJudgement> {
    let _ = text;
    claims.iter().map(|_| StanceJudgement::default()).collect()
}
