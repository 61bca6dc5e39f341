//! Datelines at the head of an article (`WASHINGTON (Reuters) -`,
//! `LONDON, Jan 5 (AP) —`, `date 2022-07-12 (Newser) –`): metadata, never
//! claim text or a speaker.
//!
//! Written as small nom parsers, each testable alone, composed into
//! [`dateline`].

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, multispace0, space0, space1};
use nom::combinator::{opt, recognize, verify};
use nom::multi::many1;
use nom::sequence::{delimited, pair, preceded, terminated, tuple};
use nom::IResult;

/// `date 2022-07-12`: the date tag some feeds put first.
fn date_tag(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        tag("date"),
        preceded(
            space1,
            take_while1(|c: char| c.is_ascii_digit() || c == '-'),
        ),
    ))(input)
}

/// One upper-case word of a place name (`WASHINGTON`, `NEW`, `ST.`).
fn upper_word(input: &str) -> IResult<&str, &str> {
    verify(
        take_while1(|c: char| c.is_uppercase() || c == '.' || c == '\'' || c == '-'),
        |w: &str| w.chars().filter(|c| c.is_uppercase()).count() >= 2,
    )(input)
}

/// `, Jan 5` or `, July 12`: a date after the place.
fn place_date(input: &str) -> IResult<&str, &str> {
    recognize(tuple((
        char(','),
        space0,
        take_while1(|c: char| c.is_alphabetic() || c == '.'),
        space1,
        digit1,
    )))(input)
}

/// `LONDON, Jan 5` or `NEW YORK`.
fn place(input: &str) -> IResult<&str, &str> {
    recognize(tuple((
        upper_word,
        many1_or_none(preceded(space1, upper_word)),
        opt(place_date),
    )))(input)
}

/// Zero or more of `p` (nom's `many0` with a name that reads in place).
fn many1_or_none<'a, O>(
    p: impl FnMut(&'a str) -> IResult<&'a str, O>,
) -> impl FnMut(&'a str) -> IResult<&'a str, Option<Vec<O>>> {
    opt(many1(p))
}

/// `(Reuters)`, `(AP)`, `(Newser)`: the source in brackets.
fn source(input: &str) -> IResult<&str, &str> {
    delimited(
        char('('),
        verify(take_while1(|c: char| c != ')' && c != '\n'), |s: &str| {
            s.len() <= 40
        }),
        char(')'),
    )(input)
}

/// The dash that ends a dateline.
fn dash(input: &str) -> IResult<&str, &str> {
    alt((tag("–"), tag("—"), tag("--"), tag("-")))(input)
}

/// A whole dateline: optional date tag, then a place and/or a bracketed source,
/// then a dash. Returns the rest of the text after it.
fn dateline_parser(input: &str) -> IResult<&str, &str> {
    recognize(tuple((
        multispace0,
        opt(terminated(date_tag, space1)),
        alt((
            recognize(pair(place, opt(preceded(space0, source)))),
            source,
        )),
        space0,
        dash,
        take_while(|c: char| c == ' ' || c == '\t'),
    )))(input)
}

/// Length in bytes of the dateline at the head of `text`, or 0 when there is none.
///
/// ```
/// use claimtrack_parser::dateline::dateline;
/// let text = "WASHINGTON (Reuters) - The senator said no.";
/// assert_eq!(&text[dateline(text)..], "The senator said no.");
/// assert_eq!(dateline("The senator said no."), 0);
/// ```
pub fn dateline(text: &str) -> usize {
    if !may_open_with_dateline(text) {
        return 0;
    }
    // Datelines are short; looking further only risks matching a sentence.
    let head_end = text
        .char_indices()
        .nth(120)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    match dateline_parser(&text[..head_end]) {
        Ok((rest, _)) => head_end - rest.len(),
        Err(_) => 0,
    }
}

/// False when `text` cannot open with a dateline: after leading white space
/// it neither starts with `date` or `(` nor with a run of capitals that
/// [`upper_word`] would take. Most articles open with an ordinary sentence,
/// and this settles them without the parsers (or the 120-character head).
fn may_open_with_dateline(text: &str) -> bool {
    // The white space that `multispace0` takes.
    let rest = text.trim_start_matches([' ', '\t', '\r', '\n']);
    if rest.starts_with("date") || rest.starts_with('(') {
        return true;
    }
    // `upper_word` takes this run and wants two capitals in it; the head
    // that the parsers read is a prefix of the text, so holds no more.
    rest.chars()
        .take_while(|&c| c.is_uppercase() || matches!(c, '.' | '\'' | '-'))
        .filter(|c| c.is_uppercase())
        .nth(1)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newser_dateline() {
        let t = " date 2022-07-12 (Newser) – Russian President Vladimir Putin will visit";
        assert_eq!(
            &t[dateline(t)..],
            "Russian President Vladimir Putin will visit"
        );
    }

    #[test]
    fn wire_datelines() {
        for t in [
            "WASHINGTON (Reuters) - The senator said",
            "LONDON, Jan 5 (AP) — The senator said",
            "NEW YORK -- The senator said",
        ] {
            assert_eq!(&t[dateline(t)..], "The senator said", "{t}");
        }
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for t in [
            "The senator said",
            "US officials (unnamed) said",
            "A - B",
            "\"Quote,\" he said",
            "",
        ] {
            assert_eq!(dateline(t), 0, "{t}");
        }
    }

    #[test]
    fn quick_check_passes_every_dateline() {
        for t in [
            " date 2022-07-12 (Newser) – Russian",
            "WASHINGTON (Reuters) - The",
            "\n\t LONDON, Jan 5 (AP) — The",
            "(AP) - The",
            "U.S. - The",
            "-US - The",
        ] {
            assert!(may_open_with_dateline(t), "{t}");
            assert!(dateline(t) > 0, "{t}");
        }
        for t in [
            "The senator said",
            "A - B",
            "\"Quote,\" he said",
            "",
            "É - x",
        ] {
            assert!(!may_open_with_dateline(t), "{t}");
        }
    }

    #[test]
    fn parts_parse_alone() {
        assert!(date_tag("date 2022-07-12").is_ok());
        assert!(source("(AP)").is_ok());
        assert!(place("LONDON, Jan 5").is_ok());
        assert!(upper_word("US").is_ok());
        assert!(upper_word("A").is_err());
    }
}
