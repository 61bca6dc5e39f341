//! Prints the classifier's non-assert verdicts on gold-annotated articles, for
//! a person to review: `cargo run -p claimtrack-classifier --example
//! review_gold -- ../shared/data/ggt-dev/*.json`.
//!
//! The gold quotes (content, cue, speaker mention, resolved speaker) become the
//! claims, so what is reviewed is the classifier alone, not the parser.

use claimtrack_classifier::{classify, Stance};
use claimtrack_parser::{Claim, ClaimKind, ResolvedSpeaker, Span, SpeakerKind};
use serde_json::Value;

/// Byte offset of code point offset `chars` in `text`.
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

fn span(text: &str, q: &Value, start: &str, end: &str) -> Option<Span> {
    let s = q.get(start)?.as_u64()? as usize;
    let e = q.get(end)?.as_u64()? as usize;
    Some(Span::new(byte_at(text, s), byte_at(text, e)))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut totals = [0usize; 3];
    for path in std::env::args().skip(1) {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let text = doc["text"].as_str().unwrap_or("");
        let mut claims: Vec<Claim> = doc["quotes"]
            .as_array()
            .map(|qs| {
                qs.iter()
                    .filter_map(|q| {
                        Some(Claim {
                            text: span(text, q, "start", "end")?,
                            kind: match q.get("kind").and_then(Value::as_str) {
                                Some("direct") => ClaimKind::Direct,
                                Some("mixed") => ClaimKind::Mixed,
                                _ => ClaimKind::Indirect,
                            },
                            cue: span(text, q, "cue_start", "cue_end"),
                            mention: span(text, q, "speaker_start", "speaker_end"),
                            speaker: ResolvedSpeaker {
                                name: q["speaker_ref"].as_str().unwrap_or("").to_string(),
                                kind: SpeakerKind::Unknown,
                                role: String::new(),
                            },
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        claims.sort_by_key(|c| c.text.start);
        for (i, j) in classify(text, &claims).iter().enumerate() {
            totals[j.stance as usize] += 1;
            if j.stance == Stance::Assert && !j.confirmation {
                continue;
            }
            let c = &claims[i];
            let from = c
                .mention
                .map_or(c.text.start, |m| m.start.min(c.text.start));
            let to = c.cue.map_or(c.text.end, |m| m.end.max(c.text.end));
            println!(
                "{path} #{i} {} cue={:?} confirm={} responds_to={:?}\n    {}",
                j.stance.as_str(),
                j.stance_cue.map(|s| s.slice(text)),
                j.confirmation,
                j.responds_to.map(|r| (r, claims[r].speaker.name.as_str())),
                text.get(from..to).unwrap_or("").replace('\n', " "),
            );
        }
    }
    println!(
        "assert {} deny {} non_denial {}",
        totals[0], totals[1], totals[2]
    );
    Ok(())
}
