//! Closed word classes of English grammar that the attribution rules use
//! (pronouns, determiners, auxiliaries, clause words). These are grammar, not
//! vocabulary that grows with the news, so they live here as constants rather
//! than in `lexicon/`.

/// Personal pronouns that can be the subject of a reporting verb.
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Determiners and quantifiers that open a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "some", "many", "several", "most", "few", "all",
    "both", "other", "another", "one", "two", "three", "his", "her", "their", "its", "our", "my",
    "your", "no", "each", "every", "any", "more",
];

/// Auxiliaries and adverbs that sit between a subject and its reporting verb
/// ("Peskov also said", "he has repeatedly said", "she didn't deny").
pub const VERB_MODIFIERS: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "didn't",
    "didn’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "not",
    "never",
    "later",
    "previously",
    "recently",
    "earlier",
    "once",
    "again",
    "then",
    "further",
    "repeatedly",
    "publicly",
    "reportedly",
    "initially",
    "simply",
    "just",
    "only",
    "often",
    "ultimately",
    "finally",
    "quickly",
    "already",
    "still",
    "even",
    "first",
    "flatly",
    "firmly",
    "strongly",
    "categorically",
    "clearly",
    "openly",
    "privately",
    "separately",
    "specifically",
    "frequently",
    "always",
    "wouldn't",
    "wouldn’t",
    "won't",
    "won’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
];

/// Words that end a noun phrase when read backwards from a verb: clause words,
/// prepositions (but `of`, which names live inside: "head of the panel") and
/// common verbs.
pub const PHRASE_BREAKS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "while",
    "because",
    "if",
    "although",
    "though",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "whether",
    "what",
    "how",
    "why",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "to",
    "into",
    "about",
    "over",
    "under",
    "after",
    "before",
    "during",
    "since",
    "than",
    "as",
    "like",
    "through",
    "against",
    "between",
    "among",
    "without",
    "within",
    "via",
    "per",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "not",
    "also",
    "then",
    "there",
    "here",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "meanwhile",
    "however",
    "instead",
    "still",
    "yet",
    "even",
    "according",
    "upon",
    "until",
    "unless",
    "once",
    "whereas",
    "whose",
    "whom",
    "if",
];

/// Words a reported clause never starts with: prepositions and verbs that show
/// the cue word was a noun ("the claims were false") or took an object.
pub const NOT_CONTENT_START: &[&str] = &[
    "of", "to", "for", "with", "by", "about", "on", "at", "in", "from", "into", "is", "are", "was",
    "were", "have", "has", "had", "be", "been", "will", "would", "and", "or", "but", "as", "up",
    "out", "off", "so", "goodbye", "hello", "yes", "no", "thanks", "sorry",
];

/// True when `word` (any case) is in `list`.
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Quantifiers that stand alone as a plural subject ("Some suggested that").
pub const QUANTIFIER_SUBJECTS: &[&str] =
    &["some", "many", "others", "several", "most", "few", "both"];

/// Courtesy titles: part of how a name is written, never a role.
pub const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "mx", "mx.",
];
