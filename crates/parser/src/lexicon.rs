//! Word lists the parser relies on, kept as data files in `lexicon/` and
//! compiled into the binary (no files to ship, nothing to download).
//!
//! Each list is parsed once, on first use.

use std::collections::{HashMap, HashSet};
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
    /// Finds cue forms (leftmost-longest, ASCII case-insensitive).
    pub cue_finder: AhoCorasick,
    /// Class of each cue pattern, by pattern index.
    pub cue_classes: Vec<CueClass>,
    titles: HashSet<&'static str>,
    organisation_words: HashSet<&'static str>,
    document_words: HashSet<&'static str>,
    person_nouns: HashSet<&'static str>,
    places: HashSet<&'static str>,
    abbreviations: HashSet<&'static str>,
    time_words: HashSet<&'static str>,
    claim_nouns: HashSet<&'static str>,
    given_names: HashMap<&'static str, Gender>,
}

/// The entries of a lexicon file: trimmed lines, without blanks and `#` comments.
fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(file: &'static str) -> HashSet<&'static str> {
    entries(file).collect()
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
            let class = match class.trim() {
                "report" => CueClass::Report,
                "participle" => CueClass::Participle,
                "source" => CueClass::Source,
                "question" => CueClass::Question,
                "denial" => CueClass::Denial,
                "response" => CueClass::Response,
                _ => CueClass::Speech,
            };
            forms.push(form.trim());
            cue_classes.push(class);
        }
        // The cue list is compiled into the binary and tested, so building
        // its automaton cannot fail on user input.
        // A DFA: the cue list is small and the scan runs over every byte of
        // every article, so memory for speed is the right trade.
        let cue_finder = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&forms)
            .expect("the built-in cue lexicon compiles");
        Lexicon {
            cue_finder,
            cue_classes,
            titles: set(include_str!("../lexicon/titles.txt")),
            organisation_words: set(include_str!("../lexicon/organisation_words.txt")),
            document_words: set(include_str!("../lexicon/document_words.txt")),
            person_nouns: set(include_str!("../lexicon/person_nouns.txt")),
            places: set(include_str!("../lexicon/places.txt")),
            abbreviations: set(include_str!("../lexicon/abbreviations.txt")),
            time_words: set(include_str!("../lexicon/time_words.txt")),
            claim_nouns: set(include_str!("../lexicon/claim_nouns.txt")),
            given_names: entries(include_str!("../lexicon/given_names.txt"))
                .map(|l| {
                    let (name, g) = l.split_once('\t').unwrap_or((l, "u"));
                    let gender = match g.trim() {
                        "m" => Gender::Male,
                        "f" => Gender::Female,
                        _ => Gender::Either,
                    };
                    (name.trim(), gender)
                })
                .collect(),
        }
    }

    /// A title that belongs to the role before a name (`President`, `Gen.`).
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// A word that marks an organisation (`Kremlin`, `Ministry`, `union`).
    pub fn is_organisation_word(&self, word: &str) -> bool {
        self.organisation_words.contains(word)
    }

    /// A word naming a document that speaks (`statement`, `report`).
    pub fn is_document_word(&self, word: &str) -> bool {
        self.document_words
            .contains(word.to_ascii_lowercase().as_str())
    }

    /// A noun describing an unnamed person or group (`spokesman`, `officials`).
    pub fn is_person_noun(&self, word: &str) -> bool {
        self.person_nouns
            .contains(word.to_ascii_lowercase().as_str())
    }

    /// A country, region or city (`Iran`, `Saudi Arabia`).
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name)
    }

    /// A word after which a full stop does not end the sentence (`Mr`, `Jan`).
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// A noun for something said (`allegations`, `report`).
    pub fn is_claim_noun(&self, word: &str) -> bool {
        self.claim_nouns
            .contains(word.to_ascii_lowercase().as_str())
    }

    /// The gender of a given name (`Jake` -> male); `None` for a word that is
    /// not a common given name.
    pub fn given_name(&self, word: &str) -> Option<Gender> {
        self.given_names.get(word).copied()
    }

    /// A time word that may sit between a cue and its content (`Tuesday`).
    pub fn is_time_word(&self, word: &str) -> bool {
        self.time_words.contains(word)
            || self.time_words.contains(word.to_ascii_lowercase().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(lx.given_name("Kremlin"), None);
        let m = lx
            .cue_finder
            .find("He Said so")
            .map(|m| m.pattern().as_usize());
        assert_eq!(m.map(|p| lx.cue_classes[p]), Some(CueClass::Speech));
        let m = lx
            .cue_finder
            .find("according to him")
            .map(|m| m.pattern().as_usize());
        assert_eq!(m.map(|p| lx.cue_classes[p]), Some(CueClass::Source));
    }
}
