//! The reference scorer's small rules, reproduced exactly.
//!
//! `claimtrack eval` must print the same figures as `score_quotes.py` (the
//! Gender Gap Tracker protocol script in `../shared/tools`), so each Python
//! idiom the script relies on (`str.strip`, `str.lower`, `re` `\w`, `int()`,
//! float `repr`) gets a faithful Rust twin here, each with its tests.

/// Words the scorer ignores when comparing speaker names.
const STOP_WORDS: [&str; 8] = ["the", "a", "an", "mr", "mrs", "ms", "dr", "of"];

/// Python's `str.isspace` for one character.
///
/// Rust's `char::is_whitespace` is the Unicode `White_Space` property; Python
/// also counts the four information separators U+001C..U+001F.
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()` with no argument.
pub fn python_strip(s: &str) -> &str {
    s.trim_matches(is_python_space)
}

/// True for a character of Python's Unicode `\w` class.
///
/// Python's `\w` is "alphanumeric or underscore"; `char::is_alphanumeric` is
/// the closest std predicate (it also admits the few combining marks with the
/// `Other_Alphabetic` property, e.g. Indic vowel signs, which Python does not).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The scorer's `words()`: the runs of `[\w'’-]+` in the lower-cased name,
/// minus the stop words (`the`, `a`, `an`, `mr`, `mrs`, `ms`, `dr`, `of`).
///
/// ```
/// use claimtrack_cli::eval::rules::speaker_words;
/// assert_eq!(speaker_words("the Kremlin"), vec!["kremlin"]);
/// assert_eq!(speaker_words("Mr. O’Brien-Smith"), vec!["o’brien-smith"]);
/// ```
pub fn speaker_words(name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    lower
        .split(|c: char| !(is_word_char(c) || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// The scorer's `same_speaker(pred, gold)`: the predicted name matches the
/// gold reference when both are empty (after stop words), or they are equal,
/// or they end with the same word (surname), or one is a whole-word run
/// inside the other.
///
/// ```
/// use claimtrack_cli::eval::rules::same_speaker;
/// assert!(same_speaker("Jake Sullivan", "Sullivan"));
/// assert!(same_speaker("Kremlin", "the Kremlin"));
/// assert!(!same_speaker("", "Dmitry Peskov"));
/// ```
pub fn same_speaker(pred: &str, gold: &str) -> bool {
    let (p, g) = (speaker_words(pred), speaker_words(gold));
    if g.is_empty() {
        return p.is_empty();
    }
    if p.is_empty() {
        return false;
    }
    if p == g || p.last() == g.last() {
        return true;
    }
    let (ps, gs) = (format!(" {} ", p.join(" ")), format!(" {} ", g.join(" ")));
    ps.contains(&gs) || gs.contains(&ps)
}

/// The scorer's `kind_of(text)`: the kind of a gold quote judged from its
/// text. `direct` when it opens with a quotation mark, `mixed` when it
/// contains one elsewhere, `indirect` otherwise.
///
/// Like the script, an empty (or all-space) text counts as `direct`: Python's
/// `"" in "..."` is true.
///
/// ```
/// use claimtrack_cli::eval::rules::kind_of;
/// assert_eq!(kind_of("“We will win,”"), "direct");
/// assert_eq!(kind_of("that it has “information”"), "mixed");
/// assert_eq!(kind_of("that it will rain"), "indirect");
/// ```
pub fn kind_of(text: &str) -> &'static str {
    let t = python_strip(text);
    match t.chars().next() {
        None | Some('"' | '“' | '‘' | '\'' | '«') => "direct",
        Some(_) if t.contains(['"', '“', '”', '«', '»']) => "mixed",
        Some(_) => "indirect",
    }
}

/// Python's `int(s)` for a CSV cell, saturated to `i128`; `None` where Python
/// raises `ValueError`.
///
/// Accepts surrounding white space, one sign, ASCII digits and single
/// underscores between digits (`" 12 "`, `"+3"`, `"1_000"`). Python also
/// accepts non-ASCII decimal digits (`"１２"`); those are refused here.
pub fn python_int(s: &str) -> Option<i128> {
    let t = python_strip(s);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') {
        return None;
    }
    let mut value: i128 = 0;
    let mut previous_underscore = false;
    for c in digits.chars() {
        if c == '_' {
            if previous_underscore {
                return None;
            }
            previous_underscore = true;
            continue;
        }
        previous_underscore = false;
        let d = c.to_digit(10)?;
        value = value.saturating_mul(10).saturating_add(i128::from(d));
    }
    Some(if negative { -value } else { value })
}

/// Python's `repr(float)`: the shortest digits that read back to the same
/// number, in fixed notation between 1e-4 and 1e16 (always with a `.`), in
/// exponent notation (`1e-05`, `1.5e+16`) outside.
///
/// ```
/// use claimtrack_cli::eval::rules::python_float_repr;
/// assert_eq!(python_float_repr(0.3), "0.3");
/// assert_eq!(python_float_repr(1.0), "1.0");
/// assert_eq!(python_float_repr(2.0 / 3.0), "0.6666666666666666");
/// assert_eq!(python_float_repr(0.00001), "1e-05");
/// ```
pub fn python_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    // `{:e}` gives the shortest round-trip digits, as `d.ddde<exp>`.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let point = exp + 1; // digits before the decimal point
        let body = if point <= 0 {
            format!("0.{}{}", "0".repeat(point.unsigned_abs() as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            let (int, frac) = digits.split_at(point as usize);
            format!("{int}.{frac}")
        };
        format!("{sign}{body}")
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{first}{frac}e{esign}{:02}", exp.unsigned_abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_words_drop_stop_words_and_punctuation() {
        assert_eq!(speaker_words("The White House"), vec!["white", "house"]);
        assert_eq!(speaker_words("Dr. Anna Mr. Smith"), vec!["anna", "smith"]);
        assert_eq!(
            speaker_words("Ministry of Defence"),
            vec!["ministry", "defence"]
        );
        assert_eq!(speaker_words("  "), Vec::<String>::new());
        assert_eq!(speaker_words("the"), Vec::<String>::new());
    }

    #[test]
    fn speaker_words_keep_apostrophes_hyphens_and_unicode_letters() {
        assert_eq!(
            speaker_words("Cisco System’s Talos"),
            vec!["cisco", "system’s", "talos"]
        );
        assert_eq!(speaker_words("O'Neil-Dupont"), vec!["o'neil-dupont"]);
        assert_eq!(speaker_words("José Ñúñez_2"), vec!["josé", "ñúñez_2"]);
        // A period or comma splits, as `[\w'’-]+` does.
        assert_eq!(speaker_words("U.S."), vec!["u", "s"]);
        assert_eq!(speaker_words("Erdogan, Recep"), vec!["erdogan", "recep"]);
    }

    #[test]
    fn same_speaker_by_full_name_or_surname() {
        assert!(same_speaker("Jake Sullivan", "Jake Sullivan"));
        assert!(same_speaker("jake sullivan", "Jake SULLIVAN"));
        assert!(same_speaker("Sullivan", "Jake Sullivan"));
        assert!(same_speaker("Jake Sullivan", "Sullivan"));
        assert!(
            same_speaker("Mrs. Ann Sullivan", "Jake Sullivan"),
            "same surname counts"
        );
        assert!(
            !same_speaker("Jake Smith", "Jake Sullivan"),
            "same first name does not"
        );
    }

    #[test]
    fn same_speaker_ignores_articles_and_titles() {
        assert!(same_speaker("Kremlin", "the Kremlin"));
        assert!(same_speaker("the White House", "White House"));
        assert!(same_speaker("Dr Fauci", "Anthony Fauci"));
    }

    #[test]
    fn same_speaker_by_name_within_name() {
        assert!(same_speaker(
            "Iranian Foreign Ministry",
            "an Iranian Foreign Ministry spokesman"
        ));
        assert!(same_speaker("US", "US national security adviser"));
        // Whole words only: "Sull" is not inside "Jake Sullivan".
        assert!(!same_speaker("Sull", "Jake Sullivan"));
        // ... but any single whole word inside counts, as in the script.
        assert!(same_speaker(
            "Foreign",
            "Iranian Foreign Ministry spokesman"
        ));
    }

    #[test]
    fn same_speaker_empty_cases() {
        assert!(same_speaker("", ""));
        assert!(same_speaker("the", ""), "only stop words is empty");
        assert!(!same_speaker("Peskov", ""));
        assert!(!same_speaker("", "Peskov"));
        assert!(!same_speaker("the", "Peskov"));
    }

    #[test]
    fn kind_of_follows_the_first_character() {
        assert_eq!(kind_of("\"Yes,\""), "direct");
        assert_eq!(kind_of("  ‘Yes,’"), "direct");
        assert_eq!(kind_of("'Yes,'"), "direct");
        assert_eq!(kind_of("«Oui»"), "direct");
        assert_eq!(kind_of("it has \"hundreds\" of drones"), "mixed");
        assert_eq!(kind_of("it has «hundreds» of drones"), "mixed");
        // A single curly quote inside does not make it mixed.
        assert_eq!(kind_of("it isn’t clear"), "indirect");
        assert_eq!(kind_of("it is ‘clear’"), "indirect");
        assert_eq!(kind_of(""), "direct");
        assert_eq!(kind_of(" \n"), "direct");
    }

    #[test]
    fn python_int_accepts_what_python_accepts() {
        assert_eq!(python_int("12"), Some(12));
        assert_eq!(python_int(" 12\t"), Some(12));
        assert_eq!(python_int("+3"), Some(3));
        assert_eq!(python_int("-3"), Some(-3));
        assert_eq!(python_int("007"), Some(7));
        assert_eq!(python_int("1_000"), Some(1000));
        for bad in [
            "", " ", "1.0", "1e3", "_1", "1_", "1__0", "--1", "+", "x", "1 2",
        ] {
            assert_eq!(python_int(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn python_float_repr_matches_python() {
        let cases = [
            (0.3, "0.3"),
            (0.8, "0.8"),
            (0.0, "0.0"),
            (1.0, "1.0"),
            (0.5, "0.5"),
            (1.0 / 3.0, "0.3333333333333333"),
            (0.1 + 0.2, "0.30000000000000004"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (0.000015, "1.5e-05"),
            (12.5, "12.5"),
            (1e16, "1e+16"),
            (123456789012345.0, "123456789012345.0"),
        ];
        for (x, want) in cases {
            assert_eq!(python_float_repr(x), want, "{x}");
        }
    }

    #[test]
    fn python_strip_includes_information_separators() {
        assert_eq!(python_strip("\u{1f} said \u{a0}"), "said");
    }
}
