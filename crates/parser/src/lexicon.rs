//! Word lists the parser relies on, kept as data files in `lexicon/` and
//! compiled into the binary (no files to ship, nothing to download).
//!
//! Each list is parsed once, on first use.

use crate::cue_index::CueIndex;
use crate::span::Span;
use crate::words::{ByteSet, ShapeFilter, WordMap};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// How a reporting cue attaches to its speaker and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// `said`, `told`: takes a quote or a clause, with or without `that`.
    Speech,
    /// `confirmed`, `denied`: takes a quote, or a clause only with `that` or a
    /// pronoun subject.
    Report,
    /// `noting`, `adding`: after a comma; the speaker is the clause's subject.
    Participle,
    /// `according to`, `per`: the source follows the cue.
    Source,
    /// `asked`, `wondered`: takes a quote or a question clause.
    Question,
    /// `denied`, `rejected`: the object is the content.
    Denial,
    /// `declined to comment`: a response with no content.
    Response,
    /// `called`, `described`: names its object in the speaker's words, a
    /// quotation after the object (`called the ruling "outrageous"`,
    /// `described the plan as "a disaster"`); the quotation is the claim.
    Characterisation,
}

/// The usual gender of a given name, for matching `he` and `she`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Mostly given to men.
    Male,
    /// Mostly given to women.
    Female,
    /// Given to both.
    Either,
}

/// All the word lists, loaded.
pub struct Lexicon {
    /// Finds cue forms (leftmost-longest, ASCII case-insensitive); built on
    /// first use (see [`Lexicon::cue_finder`]).
    cue_finder: OnceLock<AhoCorasick>,
    /// Class of each cue pattern, by pattern index.
    pub cue_classes: Vec<CueClass>,
    /// The cue forms, by pattern index, as written in the lexicon.
    cue_forms: Vec<&'static str>,
    /// The cue forms for a lookup word by word: a cue is looked up once per
    /// word token instead of running the automaton over every byte of the
    /// article.
    cue_index: CueIndex,
    /// True when every cue form is words of ASCII letters and digits, single
    /// spaces between them and apostrophes only between letters: the shape
    /// that lets cues be looked up word by word (see
    /// [`Lexicon::cues_by_word`]).
    cue_forms_are_plain: bool,
    /// One-word cues of the speech, report and question classes ("said",
    /// "added", "asked"): the verbs of `"...?" Smith asked`.
    attribution_verbs: WordList,
    titles: WordList,
    organisation_words: WordList,
    document_words: WordList,
    person_nouns: WordList,
    places: WordList,
    abbreviations: WordList,
    time_words: WordList,
    claim_nouns: WordList,
    /// Given names with their gender (`Some` always: `None` is only the
    /// map's default value, in its free slots).
    given_names: WordMap<Option<Gender>>,
    /// Rules most words out of `given_names` before hashing.
    given_name_filter: ShapeFilter,
}

/// The entries of a lexicon file: trimmed lines, without blanks and `#` comments.
// Split and trimmed byte by byte, in ASCII: `str::lines` and `str::trim`
// search and decode chars, which made most of the start-up cost with the
// five thousand given names. The files hold no other whitespace (tested).
fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = file;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            let (line, after) = split_at_byte(rest, b'\n');
            rest = after;
            let line = line.trim_ascii();
            if !line.is_empty() && !line.starts_with('#') {
                return Some(line);
            }
        }
        None
    })
}

/// `text` before and after its first `byte` (an ASCII byte, so both are
/// whole strings), or all of it and nothing when `byte` does not occur.
fn split_at_byte(text: &str, byte: u8) -> (&str, &str) {
    match text.bytes().position(|b| b == byte) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    }
}

/// True for a cue form made of words of ASCII letters and digits, with
/// single spaces between words and apostrophes (`'`, `’`) only between two
/// letters or digits.
fn is_plain_cue(form: &str) -> bool {
    let chars: Vec<char> = form.chars().collect();
    !chars.is_empty()
        && chars.iter().enumerate().all(|(i, &c)| {
            let alnum_at = |j: usize| chars.get(j).is_some_and(char::is_ascii_alphanumeric);
            match c {
                c if c.is_ascii_alphanumeric() => true,
                ' ' => i > 0 && alnum_at(i - 1) && alnum_at(i + 1),
                '\'' | '’' => i > 0 && alnum_at(i - 1) && alnum_at(i + 1),
                _ => false,
            }
        })
}

/// The entries of one lexicon file, for exact and any-case lookups.
struct WordList {
    /// Rules most words out before hashing.
    filter: ShapeFilter,
    set: ByteSet,
}

impl WordList {
    fn new(file: &'static str) -> Self {
        WordList {
            filter: ShapeFilter::new(entries(file).map(str::as_bytes)),
            set: entries(file).map(str::as_bytes).collect(),
        }
    }

    /// A list of the given (lower-case) words.
    fn from_words(words: impl Iterator<Item = &'static str> + Clone) -> Self {
        WordList {
            filter: ShapeFilter::new(words.clone().map(str::as_bytes)),
            set: words.map(str::as_bytes).collect(),
        }
    }

    /// True when `word` is an entry, as written.
    // The filter inlined (always: with the lookups below in the same
    // function, the compiler would not), the set lookups out of line: the
    // filter alone answers most calls in a few instructions, fewer than a
    // call costs.
    #[inline(always)]
    fn contains(&self, word: &str) -> bool {
        self.filter.may_contain(word.as_bytes()) && self.holds(word)
    }

    /// True when `word` in ASCII lower case is an entry.
    #[inline(always)]
    fn contains_lowercase(&self, word: &str) -> bool {
        self.filter.may_contain(word.as_bytes()) && self.holds_lowercase(word)
    }

    /// [`WordList::contains`] or [`WordList::contains_lowercase`], with one
    /// look at the filter (which ignores ASCII case) for both.
    #[inline(always)]
    fn contains_as_written_or_lowercase(&self, word: &str) -> bool {
        self.filter.may_contain(word.as_bytes()) && (self.holds(word) || self.holds_lowercase(word))
    }

    /// [`WordList::contains`] after the filter.
    #[inline(never)]
    fn holds(&self, word: &str) -> bool {
        self.set.contains(word.as_bytes())
    }

    /// [`WordList::contains_lowercase`] after the filter.
    #[inline(never)]
    fn holds_lowercase(&self, word: &str) -> bool {
        self.set.contains_lowercase(word)
    }
}

impl Lexicon {
    /// The lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut forms = Vec::new();
        let mut cue_classes = Vec::new();
        for line in entries(include_str!("../lexicon/cues.txt")) {
            let (form, class) = line.split_once('\t').unwrap_or((line, "speech"));
            let class = match class.trim_ascii() {
                "report" => CueClass::Report,
                "participle" => CueClass::Participle,
                "source" => CueClass::Source,
                "question" => CueClass::Question,
                "denial" => CueClass::Denial,
                "response" => CueClass::Response,
                "characterisation" => CueClass::Characterisation,
                _ => CueClass::Speech,
            };
            forms.push(form.trim_ascii());
            cue_classes.push(class);
        }
        // Gathered first so that the map is made at its final size, with no
        // rehashing on the way.
        // The two files share no name (tested), so their order cannot matter.
        let names: Vec<(&'static str, Gender)> =
            entries(include_str!("../lexicon/given_names.txt"))
                .chain(entries(include_str!("../lexicon/given_names_moby.txt")))
                .map(|l| {
                    let (name, g) = match split_at_byte(l, b'\t') {
                        (name, "") => (name, "u"),
                        split => split,
                    };
                    let gender = match g.trim_ascii() {
                        "m" => Gender::Male,
                        "f" => Gender::Female,
                        _ => Gender::Either,
                    };
                    (name.trim_ascii(), gender)
                })
                .collect();
        let mut given_names = WordMap::with_capacity(names.len());
        for &(name, gender) in &names {
            given_names.insert(name.as_bytes(), Some(gender));
        }
        let cue_forms_are_plain = forms.iter().all(|form| is_plain_cue(form));
        let attribution_verbs = WordList::from_words(
            forms
                .iter()
                .zip(&cue_classes)
                .filter(|(form, class)| {
                    !form.contains(' ')
                        && matches!(
                            class,
                            CueClass::Speech | CueClass::Report | CueClass::Question
                        )
                })
                .map(|(form, _)| *form),
        );
        Lexicon {
            attribution_verbs,
            cue_forms_are_plain,
            cue_index: CueIndex::new(&forms),
            cue_finder: OnceLock::new(),
            cue_classes,
            cue_forms: forms,
            titles: WordList::new(include_str!("../lexicon/titles.txt")),
            organisation_words: WordList::new(include_str!("../lexicon/organisation_words.txt")),
            document_words: WordList::new(include_str!("../lexicon/document_words.txt")),
            person_nouns: WordList::new(include_str!("../lexicon/person_nouns.txt")),
            places: WordList::new(include_str!("../lexicon/places.txt")),
            abbreviations: WordList::new(include_str!("../lexicon/abbreviations.txt")),
            time_words: WordList::new(include_str!("../lexicon/time_words.txt")),
            claim_nouns: WordList::new(include_str!("../lexicon/claim_nouns.txt")),
            given_name_filter: ShapeFilter::new(names.iter().map(|(n, _)| n.as_bytes())),
            given_names,
        }
    }

    /// The automaton that finds cue forms anywhere in a text (leftmost-longest,
    /// ASCII case-insensitive), built on first use: articles are read word by
    /// word (see [`Lexicon::cues_by_word`]) and need it only in rare cases.
    pub fn cue_finder(&self) -> &AhoCorasick {
        self.cue_finder.get_or_init(|| {
            // The cue list is compiled into the binary and tested, so building
            // its automaton cannot fail on user input.
            // A DFA: when it runs, it runs over every byte of an article, so
            // memory for speed is the right trade.
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&self.cue_forms)
                .expect("the built-in cue lexicon compiles")
        })
    }

    /// True when cues can be found word by word, with
    /// [`Lexicon::cue_at`] and [`Lexicon::hides_cue_start`],
    /// rather than with [`Lexicon::cue_finder`] over every byte: every cue
    /// form has the plain shape the tokenizer keeps whole (so a cue never
    /// starts or ends inside a quotation mark or a joined word).
    pub fn cues_by_word(&self) -> bool {
        self.cue_forms_are_plain
    }

    /// The longest cue that starts at the word `word` of `text` and whose
    /// first word is the whole of it: its pattern index and end. Case is
    /// ignored in ASCII, as in [`Lexicon::cue_finder`].
    #[inline]
    pub fn cue_at(&self, text: &str, word: Span) -> Option<(usize, usize)> {
        self.cue_index.cue_at(text.as_bytes(), word)
    }

    /// False when the word at `word` of `text` can neither start a cue nor
    /// hide the start of one: a test of a few instructions that most words
    /// fail, to ask before [`Lexicon::cue_at`] and
    /// [`Lexicon::hides_cue_start`].
    #[inline]
    pub fn may_hold_cue(&self, text: &str, word: Span) -> bool {
        self.cue_index.may_hold_cue(text.as_bytes(), word)
    }

    /// True when a cue of several words starts inside the word at `word`
    /// (not at its start) and runs on past its end: the word ends with the
    /// first word of such a cue and the rest of the cue follows. Such a match
    /// is invisible to a word-by-word lookup.
    #[inline]
    pub fn hides_cue_start(&self, text: &str, word: Span) -> bool {
        self.cue_index.hides_cue_start(text.as_bytes(), word)
    }

    /// A one-word cue that can follow its quotation and subject: `"...?"
    /// Smith asked`, `"...!" she said` (classes speech, report, question).
    #[inline]
    pub fn is_attribution_verb(&self, word: &str) -> bool {
        self.attribution_verbs.contains_lowercase(word)
    }

    /// A title that belongs to the role before a name (`President`, `Gen.`).
    #[inline]
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// A word that marks an organisation (`Kremlin`, `Ministry`, `union`).
    #[inline]
    pub fn is_organisation_word(&self, word: &str) -> bool {
        self.organisation_words.contains(word)
    }

    /// [`Lexicon::is_organisation_word`] of `word` in ASCII lower case
    /// (`Companies` opening a sentence is `companies`), without a
    /// lower-cased copy.
    #[inline]
    pub fn is_organisation_word_lowercased(&self, word: &str) -> bool {
        self.organisation_words.contains_lowercase(word)
    }

    /// A word naming a document that speaks (`statement`, `report`).
    #[inline]
    pub fn is_document_word(&self, word: &str) -> bool {
        self.document_words.contains_lowercase(word)
    }

    /// A noun describing an unnamed person or group (`spokesman`,
    /// `officials`), or a compound whose last part is one (`co-chairman`,
    /// `vice-president`, `ex-minister`).
    #[inline]
    pub fn is_person_noun(&self, word: &str) -> bool {
        self.person_nouns.contains_lowercase(word)
            || crate::words::after_last_hyphen(word)
                .is_some_and(|last| !last.is_empty() && self.person_nouns.contains_lowercase(last))
    }

    /// A word that can end a role before a name: a title, a person noun,
    /// or a word for what someone does (`impresario` aside: `-er`, `-or`,
    /// `-ist`, `-ian`, `-man`, `-woman`, `-ess`, `-half`: `Singer`,
    /// `director`, `Guitarist`, `Fly-half`).
    pub fn is_role_word(&self, word: &str) -> bool {
        const DOER_ENDINGS: [&[u8]; 8] = [
            b"er", b"or", b"ist", b"ian", b"man", b"woman", b"ess", b"half",
        ];
        let lower = word.as_bytes();
        self.is_title(word)
            || self.is_person_noun(word)
            || DOER_ENDINGS.iter().any(|e| {
                lower.len() >= e.len() && lower[lower.len() - e.len()..].eq_ignore_ascii_case(e)
            })
    }

    /// A word that can stand in the name of what a person belongs to when
    /// it runs on into their name (`Tennis Australia` in `Tennis Australia
    /// Geoff Pollard`, `Lib Dems` in `Lib Dems David Laws`): not a given
    /// name, courtesy title, rank or function word, any of which shows the
    /// run to be one person's name (`Mary Ann Smith`, `Boss Sir Alex
    /// Ferguson`, `Lord Nicholls`).
    pub fn is_affiliation_word(&self, word: &str) -> bool {
        use crate::words::{HONORIFICS, PEERAGE, PHRASE_BREAKS};
        self.given_name(word).is_none()
            && !HONORIFICS.contains(word)
            && !PEERAGE.contains(word)
            && !PHRASE_BREAKS.contains(word)
    }

    /// A country, region or city (`Iran`, `Saudi Arabia`).
    #[inline]
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name)
    }

    /// A word after which a full stop does not end the sentence (`Mr`, `Jan`).
    #[inline]
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// A noun for something said (`allegations`, `report`).
    #[inline]
    pub fn is_claim_noun(&self, word: &str) -> bool {
        self.claim_nouns.contains_lowercase(word)
    }

    /// The gender of a given name (`Jake` -> male); `None` for a word that is
    /// not a common given name.
    #[inline]
    pub fn given_name(&self, word: &str) -> Option<Gender> {
        if !self.given_name_filter.may_contain(word.as_bytes()) {
            return None;
        }
        self.given_names.get(word.as_bytes()).flatten()
    }

    /// A time word that may sit between a cue and its content (`Tuesday`).
    #[inline]
    pub fn is_time_word(&self, word: &str) -> bool {
        self.time_words.contains_as_written_or_lowercase(word)
    }
}

/// The gender a courtesy title gives a name it opens (`Mr Fox`, `Mrs
/// Howard`, `Sir Alex Ferguson`): for a speaker named without a given name,
/// "he" and "she" can still tell, and the speakers report does not take
/// "Mrs Smith" for "John Smith".
pub fn courtesy_gender(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Baroness" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::{Document, TokenKind};

    #[test]
    fn a_compound_ending_in_a_person_noun_is_one() {
        let lx = Lexicon::get();
        for w in ["co-chairman", "vice-president", "ex-minister", "Co-Founder"] {
            assert!(lx.is_person_noun(w), "{w}");
        }
        for w in ["state-owned", "co-", "-", "anti-war"] {
            assert!(!lx.is_person_noun(w), "{w}");
        }
    }

    #[test]
    fn lexicon_loads_and_classifies() {
        let lx = Lexicon::get();
        assert!(lx.is_title("President"));
        assert!(lx.is_organisation_word("Kremlin"));
        assert!(lx.is_person_noun("Spokesman"));
        assert!(lx.is_place("Saudi Arabia"));
        assert!(lx.is_abbreviation("Mr"));
        assert!(lx.is_time_word("Tuesday"));
        assert_eq!(lx.given_name("Jake"), Some(Gender::Male));
        assert_eq!(lx.given_name("Lisa"), Some(Gender::Female));
        // From the Moby list: names of Britain and Ireland the US census
        // lacks; and a name that is also an English word is left out.
        assert_eq!(lx.given_name("Liam"), Some(Gender::Male));
        assert_eq!(lx.given_name("Gareth"), Some(Gender::Male));
        // With the script's correction of the source (Philippe: m).
        assert_eq!(lx.given_name("Philippe"), Some(Gender::Male));
        assert_eq!(lx.given_name("Red"), None);
        assert_eq!(lx.given_name("Fidelity"), None);
        assert_eq!(lx.given_name("Kremlin"), None);
        let m = lx
            .cue_finder()
            .find("He Said so")
            .map(|m| m.pattern().as_usize());
        assert_eq!(m.map(|p| lx.cue_classes[p]), Some(CueClass::Speech));
        let m = lx
            .cue_finder()
            .find("according to him")
            .map(|m| m.pattern().as_usize());
        assert_eq!(m.map(|p| lx.cue_classes[p]), Some(CueClass::Source));
    }

    /// Cue matches that end where a token ends: the only ones the finder keeps.
    fn ending_at_tokens(
        doc: &Document,
        cues: Vec<(usize, usize, usize)>,
    ) -> Vec<(usize, usize, usize)> {
        cues.into_iter()
            .filter(|&(_, end, _)| doc.tokens.iter().any(|t| t.span.end == end))
            .collect()
    }

    /// The cues the automaton reports at word starts.
    fn automaton_cues(doc: &Document) -> Vec<(usize, usize, usize)> {
        let lx = Lexicon::get();
        lx.cue_finder()
            .find_iter(doc.text)
            .filter_map(|m| {
                let k = doc
                    .tokens
                    .binary_search_by_key(&m.start(), |t| t.span.start)
                    .ok()?;
                (doc.tokens[k].kind == TokenKind::Word)
                    .then(|| (k, m.end(), m.pattern().as_usize()))
            })
            .collect()
    }

    #[test]
    fn word_lookup_finds_what_the_automaton_finds() {
        let texts = [
            "\"We will win,\" Jane Doe said on Monday, according to AP.",
            "She Said so. According to him, it pointed out nothing; he declined to comment.",
            "They would not confirm or deny it, and did not immediately respond to requests.",
            "He wouldn’t comment. Officials said, noting that it says said-so things.",
            "It was according tomorrow's plan, said Smith; told-you-so, he told them.",
            "Saying so, she says: \"per se\" and Per the report, sources told reporters.",
        ];
        let lx = Lexicon::get();
        for text in texts {
            let doc = Document::parse(text);
            let words =
                crate::attribution::token_start_cues(&doc, lx).map(|c| ending_at_tokens(&doc, c));
            assert_eq!(
                words,
                Some(ending_at_tokens(&doc, automaton_cues(&doc))),
                "{text}"
            );
        }
    }

    #[test]
    fn the_cue_lexicon_can_be_read_word_by_word() {
        assert!(Lexicon::get().cues_by_word());
        assert!(is_plain_cue("wouldn’t comment"));
        assert!(!is_plain_cue("said:"));
        assert!(!is_plain_cue("'said"));
        assert!(!is_plain_cue("said  so"));
    }

    #[test]
    fn a_cue_hidden_inside_a_word_is_left_to_the_automaton() {
        // "disappoint out" holds "point out" starting inside a word: a
        // word-by-word lookup cannot see it, so it must give up.
        let text = "They disappoint out of habit, he said.";
        let doc = Document::parse(text);
        let lx = Lexicon::get();
        assert_eq!(crate::attribution::token_start_cues(&doc, lx), None);
        let hidden = doc
            .tokens
            .iter()
            .filter(|t| lx.hides_cue_start(text, t.span))
            .count();
        assert_eq!(hidden, 1);
    }

    #[test]
    fn entries_are_the_trimmed_lines() {
        for file in [
            include_str!("../lexicon/abbreviations.txt"),
            include_str!("../lexicon/claim_nouns.txt"),
            include_str!("../lexicon/cues.txt"),
            include_str!("../lexicon/document_words.txt"),
            include_str!("../lexicon/given_names.txt"),
            include_str!("../lexicon/given_names_moby.txt"),
            include_str!("../lexicon/organisation_words.txt"),
            include_str!("../lexicon/person_nouns.txt"),
            include_str!("../lexicon/places.txt"),
            include_str!("../lexicon/time_words.txt"),
            include_str!("../lexicon/titles.txt"),
            " a \r\n\n# note\n\tb\tm \nc",
        ] {
            let unicode: Vec<&str> = file
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            assert_eq!(entries(file).collect::<Vec<_>>(), unicode);
            for e in entries(file) {
                let (name, rest) = split_at_byte(e, b'\t');
                assert_eq!(
                    (name.trim(), rest.trim()),
                    (name.trim_ascii(), rest.trim_ascii())
                );
            }
        }
    }

    /// The given names and their genders, read plainly from the files.
    fn plain_given_names() -> std::collections::HashMap<String, Gender> {
        given_name_lines()
            .map(|l| {
                let (name, g) = l.split_once('\t').unwrap_or((l, "u"));
                let gender = match g.trim() {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => Gender::Either,
                };
                (name.trim().to_string(), gender)
            })
            .collect()
    }

    /// The entry lines of both given-name files.
    fn given_name_lines() -> impl Iterator<Item = &'static str> {
        include_str!("../lexicon/given_names.txt")
            .lines()
            .chain(include_str!("../lexicon/given_names_moby.txt").lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    #[test]
    fn the_given_name_files_share_no_name() {
        let mut seen = std::collections::HashSet::new();
        for line in given_name_lines() {
            let name = line.split('\t').next().unwrap_or(line);
            assert!(seen.insert(name), "{name} is in both given-name files");
        }
    }

    proptest::proptest! {
        /// `given_name` (a packed-word map behind a shape filter) answers
        /// as a plain map of the file's names: for a name in its own, upper
        /// and lower case, cut short, and for random words.
        #[test]
        fn given_name_agrees_with_a_plain_map_of_the_file(
            pick in proptest::num::usize::ANY,
            word in "[A-Za-z][a-z'’-]{0,12}|\\PC{0,6}",
        ) {
            let plain = plain_given_names();
            let mut names: Vec<&String> = plain.keys().collect();
            names.sort();
            let name = names[pick % names.len()];
            let lx = Lexicon::get();
            for w in [
                name.clone(),
                name.to_ascii_uppercase(),
                name.to_ascii_lowercase(),
                name.char_indices().last().map_or("", |(i, _)| &name[..i]).to_string(),
                word.clone(),
            ] {
                proptest::prop_assert_eq!(lx.given_name(&w), plain.get(&w).copied(), "{:?}", w);
            }
        }
    }

    #[test]
    fn shape_filter_never_rules_out_an_entry() {
        let lx = Lexicon::get();
        for (file, list) in [
            (include_str!("../lexicon/titles.txt"), &lx.titles),
            (include_str!("../lexicon/places.txt"), &lx.places),
            (include_str!("../lexicon/time_words.txt"), &lx.time_words),
        ] {
            for e in entries(file) {
                assert!(list.contains(e), "{e}");
                if e == e.to_ascii_lowercase() {
                    assert!(list.contains_lowercase(&e.to_ascii_uppercase()), "{e}");
                }
            }
        }
    }
}
