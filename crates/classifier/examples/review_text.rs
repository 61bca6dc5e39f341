//! Rough precision check on unannotated news: builds one pseudo-claim per
//! sentence with a reporting verb (`said`, `told`, `denied`, `declined`, `would not` ...), content
//! after the verb (or before the speaker when the verb ends the sentence), and
//! prints every non-assert verdict with its sentence, for a person to review:
//! `cargo run -p claimtrack-classifier --example review_text -- FILE...`.

use claimtrack_classifier::{classify, Stance};
use claimtrack_parser::{Claim, ClaimKind, ResolvedSpeaker, Span};

const VERBS: [&str; 16] = [
    " said",
    " says",
    " told",
    " added",
    " denied",
    " denies",
    " declined",
    " refused",
    " rejected",
    " dismissed",
    " confirmed",
    " admitted",
    " would not",
    " did not",
    " has not",
    " acknowledged",
];

fn pseudo_claims(text: &str) -> Vec<Claim> {
    let mut claims = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !(c == '\n' || (matches!(c, '.' | '?' | '!') && text[i + 1..].starts_with(' '))) {
            continue;
        }
        let sentence = Span::new(start, i);
        start = i + 1;
        let s = sentence.slice(text);
        let Some((at, verb)) = VERBS.iter().filter_map(|v| s.find(v).map(|p| (p, v))).min() else {
            continue;
        };
        let cue = Span::new(sentence.start + at + 1, sentence.start + at + verb.len());
        let before = &text[sentence.start..cue.start - 1];
        let word_start = before
            .rfind(' ')
            .map_or(sentence.start, |p| sentence.start + p + 1);
        let mention = Span::new(word_start, cue.start - 1);
        let after = Span::new(cue.end + 1, sentence.end.max(cue.end + 1));
        let text_span = if after.slice(text).split(' ').count() > 3 {
            after
        } else {
            Span::new(
                sentence.start,
                sentence.start.max(word_start.saturating_sub(1)),
            )
        };
        claims.push(Claim {
            text: text_span,
            kind: ClaimKind::Indirect,
            cue: Some(cue),
            mention: Some(mention),
            speaker: ResolvedSpeaker {
                name: mention.slice(text).to_string(),
                ..Default::default()
            },
        });
    }
    claims.sort_by_key(|c| c.text.start);
    claims
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut counts = [0usize; 3];
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let claims = pseudo_claims(&text);
        for (i, j) in classify(&text, &claims).iter().enumerate() {
            counts[j.stance as usize] += 1;
            if j.stance == Stance::Assert {
                continue;
            }
            let c = &claims[i];
            let from = c.text.start.min(c.mention.map_or(usize::MAX, |m| m.start));
            let to = c.text.end.max(c.cue.map_or(0, |m| m.end));
            println!(
                "{} {:?} -> {:?}\n    {}",
                j.stance.as_str(),
                j.stance_cue.map(|s| s.slice(&text)),
                j.responds_to.map(|r| claims[r].speaker.name.as_str()),
                text.get(from..to).unwrap_or("").replace('\n', " ")
            );
        }
    }
    eprintln!(
        "assert {} deny {} non_denial {}",
        counts[0], counts[1], counts[2]
    );
    Ok(())
}
