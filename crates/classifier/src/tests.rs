//! Whole-classifier tests on hand-built claims (no parser involved).

use claimtrack_parser::{Claim, ClaimKind, ResolvedSpeaker, Span, SpeakerKind};

use crate::{classify, Stance, StanceJudgement};

/// Span of the first occurrence of `needle` at or after byte `from`.
fn find_from(text: &str, needle: &str, from: usize) -> Span {
    let start = from
        + text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

/// Span of the whole-word occurrence of `needle` nearest to `content`, in the
/// sentence where `content` starts (or in `content` itself).
fn nearest(text: &str, needle: &str, content: Span) -> Span {
    let sentence = Span::new(
        crate::text::sentence_start(text, content.start),
        crate::text::sentence_end(text, content.start, text.len()).max(content.end),
    );
    let found = |inside: bool| {
        text.match_indices(needle)
            .map(|(i, _)| Span::new(i, i + needle.len()))
            .filter(|s| sentence.contains(*s) && content.overlaps(*s) == inside)
            .filter(|s| crate::text::on_word_boundaries(text, s.start, s.end))
            .min_by_key(|s| {
                s.start
                    .abs_diff(content.start)
                    .min(s.end.abs_diff(content.end))
            })
    };
    // Outside the content if possible; inside for a response (`declined to comment`).
    found(false)
        .or_else(|| found(true))
        .unwrap_or_else(|| panic!("{needle:?} not near {:?}", content.slice(text)))
}

/// A claim whose content is `content` (first occurrence at or after `from`),
/// with `mention` and `cue` the nearest occurrences to it.
fn claim_at(text: &str, from: usize, content: &str, mention: &str, cue: &str, name: &str) -> Claim {
    let text_span = find_from(text, content, from);
    let kind = if content.starts_with('"') || content.starts_with('“') {
        ClaimKind::Direct
    } else {
        ClaimKind::Indirect
    };
    Claim {
        text: text_span,
        kind,
        cue: (!cue.is_empty()).then(|| nearest(text, cue, text_span)),
        mention: (!mention.is_empty()).then(|| nearest(text, mention, text_span)),
        speaker: ResolvedSpeaker {
            name: name.to_string(),
            kind: SpeakerKind::Person,
            role: String::new(),
        },
    }
}

fn claim(text: &str, content: &str, mention: &str, cue: &str, name: &str) -> Claim {
    claim_at(text, 0, content, mention, cue, name)
}

/// Stance, stance cue words and responds_to of every claim.
fn judge<'t>(text: &'t str, claims: &[Claim]) -> Vec<(Stance, Option<&'t str>, Option<usize>)> {
    classify(text, claims)
        .into_iter()
        .map(|j| (j.stance, j.stance_cue.map(|s| s.slice(text)), j.responds_to))
        .collect()
}

const ASSERT: (Stance, Option<&str>, Option<usize>) = (Stance::Assert, None, None);

#[test]
fn negative_content_is_still_an_assert() {
    let text = "Peskov said there was no discussion about new negotiations. \
                Smith said he did not know. \"We deny nothing,\" she said.";
    let claims = [
        claim(
            text,
            "there was no discussion about new negotiations",
            "Peskov",
            "said",
            "Dmitry Peskov",
        ),
        claim(text, "he did not know", "Smith", "said", "Smith"),
        claim(text, "\"We deny nothing,\"", "she", "said", "Jones"),
    ];
    assert_eq!(judge(text, &claims), [ASSERT; 3]);
}

#[test]
fn denied_the_report_answers_the_report() {
    let text =
        "Reuters reported that the plant would close. The company denied the report on Monday.";
    let claims = [
        claim(
            text,
            "the plant would close",
            "Reuters",
            "reported",
            "Reuters",
        ),
        claim(
            text,
            "denied the report on Monday",
            "The company",
            "denied",
            "company",
        ),
    ];
    assert_eq!(
        judge(text, &claims),
        [ASSERT, (Stance::Deny, Some("denied"), Some(0))]
    );
}

#[test]
fn denied_that_answers_the_claim_just_before() {
    let text =
        "Reuters reported that the plant would close. The company denied that it would close.";
    let claims = [
        claim(
            text,
            "the plant would close",
            "Reuters",
            "reported",
            "Reuters",
        ),
        claim(text, "it would close", "The company", "denied", "company"),
    ];
    assert_eq!(
        judge(text, &claims)[1],
        (Stance::Deny, Some("denied"), Some(0))
    );
}

#[test]
fn rejected_as_baseless() {
    let text = "Smith said the minister had lied. The minister rejected the accusations as baseless, \
                saying \"I have done nothing wrong.\" The board rejected a takeover offer, saying it was too low.";
    let claims = [
        claim(text, "the minister had lied", "Smith", "said", "John Smith"),
        claim(
            text,
            "\"I have done nothing wrong.\"",
            "The minister",
            "saying",
            "minister",
        ),
        claim(text, "it was too low", "The board", "saying", "board"),
    ];
    assert_eq!(
        judge(text, &claims),
        [ASSERT, (Stance::Deny, Some("rejected"), Some(0)), ASSERT]
    );
}

#[test]
fn said_the_claims_were_false() {
    let text = "Critics said the bank hid losses. A spokeswoman said the claims were false. \
                \"These allegations are completely untrue,\" he said. \
                He argued it was absurd to charge farmers.";
    let claims = [
        claim(text, "the bank hid losses", "Critics", "said", "critics"),
        claim(
            text,
            "the claims were false",
            "A spokeswoman",
            "said",
            "spokeswoman",
        ),
        claim(
            text,
            "\"These allegations are completely untrue,\"",
            "he",
            "said",
            "Jones",
        ),
        claim(
            text,
            "it was absurd to charge farmers",
            "He",
            "argued",
            "Jones",
        ),
    ];
    assert_eq!(
        judge(text, &claims),
        [
            ASSERT,
            (Stance::Deny, Some("false"), Some(0)),
            (Stance::Deny, Some("untrue"), Some(0)),
            ASSERT,
        ]
    );
}

#[test]
fn fake_news_and_baseless() {
    let text =
        "Critics said the vote was rigged. The president said the reports were \"fake news.\" \
                His aide dismissed the allegations as baseless, adding \"we won.\" \
                A minister said that it is false to say the vote was rigged.";
    let claims = [
        claim(text, "the vote was rigged", "Critics", "said", "critics"),
        claim(
            text,
            "the reports were \"fake news.\"",
            "The president",
            "said",
            "president",
        ),
        claim(text, "\"we won.\"", "His aide", "adding", "aide"),
        claim(
            text,
            "that it is false to say the vote was rigged",
            "A minister",
            "said",
            "minister",
        ),
    ];
    let got = judge(text, &claims);
    assert_eq!(got[1], (Stance::Deny, Some("fake news"), Some(0)));
    assert_eq!(got[2], (Stance::Deny, Some("dismissed"), Some(0)));
    // `it is false to say X` denies X, though `it was absurd to charge
    // farmers` (above) is an opinion.
    assert_eq!(got[3], (Stance::Deny, Some("false"), Some(0)));
}

#[test]
fn the_cue_itself_can_deny() {
    let text = "\"That's false,\" she denied.";
    let claims = [claim(text, "\"That's false,\"", "she", "denied", "Jones")];
    assert_eq!(judge(text, &claims), [(Stance::Deny, Some("denied"), None)]);
}

#[test]
fn didnt_deny_with_either_apostrophe() {
    for word in ["didn't deny", "didn’t deny"] {
        let text = format!(
            "The US said Tehran could send drones. A spokesman {word} the US claim, noting \"nothing is new.\""
        );
        let claims = [
            claim(&text, "Tehran could send drones", "The US", "said", "US"),
            claim(
                &text,
                "\"nothing is new.\"",
                "A spokesman",
                "noting",
                "spokesman",
            ),
        ];
        assert_eq!(
            judge(&text, &claims),
            [ASSERT, (Stance::NonDenial, Some(word), Some(0))]
        );
    }
}

#[test]
fn negated_denials_are_non_denials() {
    let text = "Critics said Brown lied. Brown never denied the claims, saying he was busy. \
                Blair refused to deny it, telling reporters \"we move on.\"";
    let claims = [
        claim(text, "Brown lied", "Critics", "said", "critics"),
        claim(text, "he was busy", "Brown", "saying", "Gordon Brown"),
        claim(text, "\"we move on.\"", "Blair", "telling", "Tony Blair"),
    ];
    assert_eq!(
        judge(text, &claims),
        [
            ASSERT,
            (Stance::NonDenial, Some("never denied"), Some(0)),
            // Brown's claim is a non-denial itself: the critics' is answered.
            (Stance::NonDenial, Some("refused to deny"), Some(0)),
        ]
    );
}

#[test]
fn declined_to_comment_is_a_non_denial_claim() {
    let text = "The company declined to comment. Smith could not be reached for comment.";
    let claims = [
        claim(
            text,
            "declined to comment",
            "The company",
            "declined",
            "company",
        ),
        claim(
            text,
            "could not be reached for comment",
            "Smith",
            "could not be reached",
            "Smith",
        ),
    ];
    assert_eq!(
        judge(text, &claims),
        [
            (Stance::NonDenial, Some("declined to comment"), None),
            (Stance::NonDenial, Some("could not be reached"), None),
        ]
    );
}

#[test]
fn declined_to_comment_on_the_report_answers_it() {
    let text = "The Times reported that talks had failed. Asked about it, the club declined to comment on the report.";
    let claims = [
        claim(text, "talks had failed", "The Times", "reported", "Times"),
        claim(
            text,
            "declined to comment on the report",
            "the club",
            "declined",
            "club",
        ),
    ];
    assert_eq!(
        judge(text, &claims)[1],
        (Stance::NonDenial, Some("declined to comment"), Some(0))
    );
}

#[test]
fn would_neither_confirm_nor_deny() {
    let text = "Officials said a deal was close. The ministry would neither confirm nor deny the reports, \
                saying \"talks continue.\"";
    let claims = [
        claim(text, "a deal was close", "Officials", "said", "officials"),
        claim(
            text,
            "\"talks continue.\"",
            "The ministry",
            "saying",
            "ministry",
        ),
    ];
    assert_eq!(
        judge(text, &claims)[1],
        (
            Stance::NonDenial,
            Some("would neither confirm nor deny"),
            Some(0)
        )
    );
}

#[test]
fn did_not_respond_to_a_request_for_comment() {
    let text = "Acme did not respond to a request for comment.";
    let claims = [claim(
        text,
        "did not respond to a request for comment",
        "Acme",
        "did not respond",
        "Acme",
    )];
    assert_eq!(
        judge(text, &claims),
        [(Stance::NonDenial, Some("did not respond"), None)]
    );
}

#[test]
fn a_quote_that_is_only_no_comment() {
    let text = "\"No comment,\" she said. \"No comment on that would be wise,\" he said.";
    let claims = [
        claim(text, "\"No comment,\"", "she", "said", "Jones"),
        claim(
            text,
            "\"No comment on that would be wise,\"",
            "he",
            "said",
            "Smith",
        ),
    ];
    assert_eq!(
        judge(text, &claims),
        [(Stance::NonDenial, Some("No comment"), None), ASSERT]
    );
}

#[test]
fn confirmations_are_flagged_asserts() {
    let text = "The Kremlin confirmed the visit would go ahead. \"We made mistakes,\" Smith acknowledged. \
                The date is to be confirmed, officials said.";
    let claims = [
        claim(
            text,
            "the visit would go ahead",
            "The Kremlin",
            "confirmed",
            "Kremlin",
        ),
        claim(
            text,
            "\"We made mistakes,\"",
            "Smith",
            "acknowledged",
            "Smith",
        ),
        claim(
            text,
            "The date is to be confirmed",
            "officials",
            "said",
            "officials",
        ),
    ];
    let got = classify(text, &claims);
    let confirmed = |j: &StanceJudgement| {
        (
            j.stance,
            j.confirmation,
            j.stance_cue.map(|s| s.slice(text)),
        )
    };
    assert_eq!(
        confirmed(&got[0]),
        (Stance::Assert, true, Some("confirmed"))
    );
    assert_eq!(
        confirmed(&got[1]),
        (Stance::Assert, true, Some("acknowledged"))
    );
    assert_eq!(confirmed(&got[2]), (Stance::Assert, false, None));
}

#[test]
fn a_named_source_picks_its_claim() {
    let text = "Smith said the mayor took bribes. Jones said the audit was late. \
                The mayor dismissed Smith's allegations, saying \"this is politics.\" \
                The mayor denied the Guardian's reports, adding \"all is well.\"";
    let claims = [
        claim(text, "the mayor took bribes", "Smith", "said", "Anna Smith"),
        claim(text, "the audit was late", "Jones", "said", "Bo Jones"),
        claim(
            text,
            "\"this is politics.\"",
            "The mayor",
            "saying",
            "mayor",
        ),
        claim(text, "\"all is well.\"", "The mayor", "adding", "mayor"),
    ];
    let got = judge(text, &claims);
    assert_eq!(got[2], (Stance::Deny, Some("dismissed"), Some(0)));
    // Nobody from the Guardian spoke earlier: no guess.
    assert_eq!(got[3], (Stance::Deny, Some("denied"), None));
}

#[test]
fn a_cue_in_an_earlier_clause_is_not_the_speakers() {
    let text = "Attempts to confirm the costs were stymied as city staff said they could not talk.";
    let claims = [claim(
        text,
        "they could not talk",
        "city staff",
        "said",
        "city staff",
    )];
    assert_eq!(judge(text, &claims), [ASSERT]);
}

#[test]
fn a_passive_with_the_speaker_as_agent_counts() {
    let text = "Hockney said UKIP was finished. But the claim was denied by a UKIP spokesman, who said: \"Empty words.\"";
    let claims = [
        claim(text, "UKIP was finished", "Hockney", "said", "Hockney"),
        claim(
            text,
            "\"Empty words.\"",
            "a UKIP spokesman",
            "said:",
            "UKIP spokesman",
        ),
    ];
    assert_eq!(
        judge(text, &claims)[1],
        (Stance::Deny, Some("denied"), Some(0))
    );
}

#[test]
fn other_denials_and_non_denials() {
    let text = "Analysts said sales fell. The firm pushed back on the claim, saying \"we grew.\" \
                Its rival did not dispute the figures, saying \"fair enough.\" \
                \"Sales rose,\" the chief said, denying the report. \
                The regulator wouldn’t comment, saying \"we never do.\"";
    let claims = [
        claim(text, "sales fell", "Analysts", "said", "analysts"),
        claim(text, "\"we grew.\"", "The firm", "saying", "firm"),
        claim(text, "\"fair enough.\"", "Its rival", "saying", "rival"),
        claim(text, "\"Sales rose,\"", "the chief", "said", "chief"),
        claim(
            text,
            "\"we never do.\"",
            "The regulator",
            "saying",
            "regulator",
        ),
    ];
    assert_eq!(
        judge(text, &claims),
        [
            ASSERT,
            (Stance::Deny, Some("pushed back on"), Some(0)),
            // `figures` is no claim noun: the stance answers what was said
            // just before by someone else.
            (Stance::NonDenial, Some("did not dispute"), Some(0)),
            (Stance::Deny, Some("denying"), Some(0)),
            (Stance::NonDenial, Some("wouldn’t comment"), Some(0)),
        ]
    );
}

#[test]
fn relative_clauses_are_background() {
    let text =
        "The three men, who have repeatedly denied the allegations, said they would appeal. \
                A source, who declined to be named, said talks were over. \
                \"Markets fell,\" said Smith, who declined to comment further.";
    let claims = [
        claim(text, "they would appeal", "The three men", "said", "men"),
        claim(text, "talks were over", "A source", "said", "source"),
        claim(text, "\"Markets fell,\"", "Smith", "said", "Smith"),
    ];
    assert_eq!(judge(text, &claims), [ASSERT; 3]);
}

#[test]
fn possessive_claim_objects() {
    let found = crate::cues::scan("The mayor dismissed Smith's allegations, saying");
    assert_eq!(found.len(), 1);
}

#[test]
fn no_claims_no_judgements() {
    assert!(classify("Anything at all.", &[]).is_empty());
}

#[test]
fn out_of_range_spans_do_not_panic() {
    let text = "He denied it.";
    let claims = [Claim {
        text: Span::new(50, 3),
        kind: ClaimKind::Indirect,
        cue: Some(Span::new(3, 9)),
        mention: Some(Span::new(400, 900)),
        speaker: ResolvedSpeaker::default(),
    }];
    let got = classify(text, &claims);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].stance, Stance::Deny);
    let huge = Span::new(usize::MAX - 1, usize::MAX);
    let claims = [Claim {
        text: huge,
        cue: Some(huge),
        mention: Some(huge),
        ..claims[0].clone()
    }];
    assert_eq!(classify(text, &claims).len(), 1);
}

/// The founding article (fixtures/seed), with its twelve gold claims built by
/// hand: only the Iranian spokesman's claim is a non-denial, and it answers the
/// US claim.
#[test]
fn seed_article() {
    let text = include_str!("../../../fixtures/seed/newser-2022-07-12.txt");
    let claims = seed_claims(text);
    let got = judge(text, &claims);
    for (i, judgement) in got.iter().enumerate() {
        if i == 8 {
            assert_eq!(
                *judgement,
                (Stance::NonDenial, Some("didn't deny"), Some(1)),
                "claim 8"
            );
        } else {
            assert_eq!(judgement.0, Stance::Assert, "claim {i}");
        }
    }
    assert_eq!(claims[1].speaker.name, "US");
}

/// The seed's twelve claims, as the gold annotates them.
pub(crate) fn seed_claims(text: &str) -> Vec<Claim> {
    let spoken = |content: &str, mention: &str, cue: &str, name: &str| {
        claim(text, content, mention, cue, name)
    };
    let from = |first: &str, last: &str| {
        let start = find_from(text, first, 0).start;
        Span::new(start, find_from(text, last, start).end)
    };
    let mut claims = vec![
        spoken(
            "Russian President Vladimir Putin will visit Iran next week",
            "the Kremlin",
            "said",
            "Kremlin",
        ),
        spoken(
            "Tehran could provide Moscow with drones for its actions in Ukraine",
            "the US",
            "warned",
            "US",
        ),
        spoken(
            "During a trip to Tehran",
            "Dmitry Peskov",
            "said",
            "Dmitry Peskov",
        ),
        spoken("Putin's visit to Iran will follow", "the AP", "per", "AP"),
        spoken(
            "it believes that Russia is turning to Iran",
            "The White House",
            "said",
            "White House",
        ),
        spoken(
            "it was unclear whether Iran had already provided any of the vehicles to Russia",
            "Jake Sullivan",
            "said",
            "Jake Sullivan",
        ),
        spoken("the US has \"information\"", "he", "noted", "Jake Sullivan"),
        spoken(
            "\"Our information indicates",
            "Sullivan",
            "told",
            "Jake Sullivan",
        ),
        spoken(
            "\"Iran's cooperation",
            "An Iranian Foreign Ministry spokesman",
            "noting",
            "Iranian Foreign Ministry spokesman",
        ),
        spoken(
            "Putin's trip would seek",
            "Mohammadreza Pourebrahimi",
            "told",
            "Mohammadreza Pourebrahimi",
        ),
        spoken(
            "on Putin's visit to Tehran, he'll",
            "Peskov",
            "added",
            "Dmitry Peskov",
        ),
        spoken(
            "there was no discussion about new negotiations",
            "Peskov",
            "said",
            "Dmitry Peskov",
        ),
    ];
    // Contents longer than a convenient needle: from their first to last words.
    claims[2].text = from("During a trip to Tehran", "Syria-related talks");
    claims[3].text = from(
        "Putin's visit to Iran will follow",
        "key subject of discussion",
    );
    claims[4].text = from("it believes that Russia", "for use in Ukraine");
    claims[6].text = from("the US has \"information\"", "as soon as this month");
    claims[7].text = from("\"Our information indicates", "expedited timeline,\"");
    claims[8].text = from("\"Iran's cooperation", "recently.\"");
    claims[9].text = from("Putin's trip would seek", "sanctions-hit nations");
    claims[10].text = from("on Putin's visit to Tehran, he'll", "Recep Tayyip Erdogan");
    claims[8].kind = ClaimKind::Direct;
    claims[7].kind = ClaimKind::Direct;
    for c in &mut claims {
        if ["Kremlin", "US", "AP", "White House"].contains(&c.speaker.name.as_str()) {
            c.speaker.kind = SpeakerKind::Organization;
        }
    }
    claims
}
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Texts that hit the lexicons often: stance words, punctuation, quotes,
    /// curly apostrophes and multi-byte characters, in any order.
    fn newsy_text() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "denied",
            "didn't",
            "didn’t",
            "deny",
            "not",
            "declined",
            "to",
            "comment",
            "the",
            "claims",
            "were",
            "false",
            "rejected",
            "as",
            "baseless",
            "by",
            "neither",
            "confirm",
            "nor",
            "said",
            "confirmed",
            "it",
            "US",
            "Smith's",
            "report",
            ",",
            ".",
            "\"",
            "“",
            "”",
            "–",
            "é",
            "\n",
            "would",
            "refused",
            "say",
            "that",
            "was",
            "no",
            "dismissed",
            "them",
        ]);
        prop_oneof![
            prop::collection::vec(words, 0..60).prop_map(|w| w.join(" ")),
            any::<String>(),
        ]
    }

    /// Raw claim ends: anything, clamped to the text by the test.
    type RawClaim = (
        usize,
        usize,
        Option<(usize, usize)>,
        Option<(usize, usize)>,
        u8,
    );

    fn raw_claims() -> impl Strategy<Value = Vec<RawClaim>> {
        let end = 0usize..400;
        let pair = (end.clone(), end.clone());
        prop::collection::vec(
            (
                end.clone(),
                end,
                prop::option::of(pair.clone()),
                prop::option::of(pair),
                0u8..3,
            ),
            0..8,
        )
    }

    fn to_claims(text: &str, raw: &[RawClaim]) -> Vec<Claim> {
        let at = |a: usize, b: usize| crate::text::sanitize(text, Span::new(a, b));
        let mut claims: Vec<Claim> = raw
            .iter()
            .map(|&(a, b, cue, mention, kind)| Claim {
                text: at(a, b),
                kind: [ClaimKind::Direct, ClaimKind::Indirect, ClaimKind::Mixed][kind as usize % 3],
                cue: cue.map(|(a, b)| at(a, b)),
                mention: mention.map(|(a, b)| at(a, b)),
                speaker: ResolvedSpeaker {
                    name: ["US", "Smith", ""][a % 3].into(),
                    ..Default::default()
                },
            })
            .collect();
        claims.sort_by_key(|c| c.text.start);
        claims
    }

    proptest! {
        #[test]
        fn never_panics_and_cues_fit(text in newsy_text(), raw in raw_claims()) {
            let claims = to_claims(&text, &raw);
            let got = classify(&text, &claims);
            prop_assert_eq!(got.len(), claims.len());
            for (i, j) in got.iter().enumerate() {
                if let Some(cue) = j.stance_cue {
                    prop_assert!(cue.start <= cue.end && cue.end <= text.len());
                    prop_assert!(text.is_char_boundary(cue.start) && text.is_char_boundary(cue.end));
                    prop_assert!(!cue.is_empty());
                }
                prop_assert_eq!(j.stance_cue.is_some(), j.stance != Stance::Assert || j.confirmation);
                if let Some(r) = j.responds_to {
                    prop_assert!(r < claims.len() && r != i);
                }
            }
        }

        #[test]
        fn unclamped_spans_never_panic(text in newsy_text(), raw in raw_claims()) {
            let claims: Vec<Claim> = raw
                .iter()
                .map(|&(a, b, cue, mention, _)| Claim {
                    text: Span::new(a, b),
                    kind: ClaimKind::Indirect,
                    cue: cue.map(|(a, b)| Span::new(a, b)),
                    mention: mention.map(|(a, b)| Span::new(a, b)),
                    speaker: ResolvedSpeaker::default(),
                })
                .collect();
            prop_assert_eq!(classify(&text, &claims).len(), claims.len());
        }
    }
}

/// Article after article, in both orders, [`classify`] (which keeps its
/// working vectors from one article to the next) judges as it does with
/// vectors of its own.
#[test]
fn reused_scratch_judges_as_a_fresh_one() {
    let seed = include_str!("../../../fixtures/seed/newser-2022-07-12.txt");
    let us = "The US said Iran sent drones. A spokesman didn't deny the US claim.";
    let refused = "\"It is false,\" she said. He declined to comment on the report.";
    let articles = [
        (seed, seed_claims(seed)),
        (
            us,
            vec![
                claim(us, "Iran sent drones", "The US", "said", "US"),
                claim(
                    us,
                    "the US claim",
                    "A spokesman",
                    "didn't deny",
                    "spokesman",
                ),
            ],
        ),
        ("No one said anything.", Vec::new()),
        (
            refused,
            vec![
                claim(refused, "\"It is false,\"", "she", "said", "Jane Doe"),
                claim(
                    refused,
                    "on the report",
                    "He",
                    "declined to comment",
                    "John Doe",
                ),
            ],
        ),
    ];
    for (text, claims) in articles.iter().chain(articles.iter().rev()) {
        let fresh = crate::classify_with(text, claims, &mut crate::Scratch::default());
        assert_eq!(classify(text, claims), fresh, "{text}");
    }
}
