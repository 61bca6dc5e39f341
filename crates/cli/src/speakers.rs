//! The speakers report: one row per speaker across a corpus.
//!
//! The table is built from the rows of one article at a time and holds only
//! counters per distinct speaker, so memory grows with the number of speakers,
//! not of articles. Every counter is a sum over articles, and the merge of
//! name variants ("Sullivan" into "Jake Sullivan") is decided once, on the
//! whole table, in [`SpeakerTable::finish`]: the report of a corpus therefore
//! equals the report built from any split of it into shards of whole articles.

use std::collections::{BTreeSet, HashMap};

use crate::cells::{CsvEncoder, CsvRecord};
use indexmap::IndexMap;

use crate::pipeline::RowSink;
use crate::row::{ClaimRow, SPEAKER_KINDS};

/// The speakers report header.
pub const SPEAKER_COLUMNS: [&str; 14] = [
    "speaker",
    "speaker_kind",
    "roles",
    "articles",
    "claims",
    "assert",
    "deny",
    "non_denial",
    "confirmations",
    "direct",
    "indirect",
    "mixed",
    "first_doc",
    "last_doc",
];

/// One row of the speakers report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRow {
    /// The resolved name; empty for claims with no speaker found.
    pub speaker: String,
    /// The kind seen on most of the speaker's claims, `organization` for a
    /// name seen as both a person's and an organisation's unless it opens
    /// with a given name (`unknown` for the empty speaker).
    pub speaker_kind: String,
    /// Distinct roles seen, sorted, joined with `"; "`.
    pub roles: String,
    /// Articles with at least one claim by the speaker.
    pub articles: u64,
    /// Claims by the speaker.
    pub claims: u64,
    /// Claims with stance `assert`.
    pub assert: u64,
    /// Claims with stance `deny`.
    pub deny: u64,
    /// Claims with stance `non_denial`.
    pub non_denial: u64,
    /// Asserts whose cue confirms (see `ClaimRow::is_confirmation`).
    pub confirmations: u64,
    /// Claims of kind `direct`.
    pub direct: u64,
    /// Claims of kind `indirect`.
    pub indirect: u64,
    /// Claims of kind `mixed`.
    pub mixed: u64,
    /// The smallest `doc_id` the speaker appears in.
    pub first_doc: String,
    /// The largest `doc_id` the speaker appears in.
    pub last_doc: String,
}

impl CsvRecord for SpeakerRow {
    fn write_cells(&self, out: &mut CsvEncoder) {
        out.text(&self.speaker);
        out.text(&self.speaker_kind);
        out.text(&self.roles);
        for n in [
            self.articles,
            self.claims,
            self.assert,
            self.deny,
            self.non_denial,
            self.confirmations,
            self.direct,
            self.indirect,
            self.mixed,
        ] {
            out.number(n);
        }
        out.text(&self.first_doc);
        out.text(&self.last_doc);
    }
}

/// Running counters of one speaker name.
#[derive(Debug, Clone, Default)]
struct Tally {
    /// Claims per speaker kind, in the order of [`SPEAKER_KINDS`].
    kinds: [u64; 4],
    roles: BTreeSet<String>,
    articles: u64,
    claims: u64,
    stances: [u64; 3],
    confirmations: u64,
    kinds_of_claim: [u64; 3],
    first_doc: String,
    last_doc: String,
}

impl Tally {
    fn add_row(&mut self, row: &ClaimRow) {
        if let Some(k) = SPEAKER_KINDS.iter().position(|&k| k == row.speaker_kind) {
            self.kinds[k] += 1;
        }
        if !row.speaker_role.is_empty() && !self.roles.contains(&row.speaker_role) {
            self.roles.insert(row.speaker_role.clone());
        }
        self.claims += 1;
        match row.stance.as_str() {
            "assert" => self.stances[0] += 1,
            "deny" => self.stances[1] += 1,
            "non_denial" => self.stances[2] += 1,
            _ => {}
        }
        self.confirmations += u64::from(row.is_confirmation());
        match row.kind.as_str() {
            "direct" => self.kinds_of_claim[0] += 1,
            "indirect" => self.kinds_of_claim[1] += 1,
            "mixed" => self.kinds_of_claim[2] += 1,
            _ => {}
        }
        self.see_doc(&row.doc_id);
    }

    fn see_doc(&mut self, doc: &str) {
        // `clone_into` reuses the string's memory: in a corpus read in
        // order, `last_doc` changes with almost every article.
        if self.first_doc.is_empty() || doc < self.first_doc.as_str() {
            doc.clone_into(&mut self.first_doc);
        }
        if doc > self.last_doc.as_str() {
            doc.clone_into(&mut self.last_doc);
        }
    }

    /// Adds `other`'s counts; `shared_articles` were counted by both.
    fn absorb(&mut self, other: Tally, shared_articles: u64) {
        for (a, b) in self.kinds.iter_mut().zip(other.kinds) {
            *a += b;
        }
        self.roles.extend(other.roles);
        self.articles = (self.articles + other.articles).saturating_sub(shared_articles);
        self.claims += other.claims;
        for (a, b) in self.stances.iter_mut().zip(other.stances) {
            *a += b;
        }
        self.confirmations += other.confirmations;
        for (a, b) in self.kinds_of_claim.iter_mut().zip(other.kinds_of_claim) {
            *a += b;
        }
        self.see_doc(&other.first_doc);
        self.see_doc(&other.last_doc);
    }

    /// `organization` for a name seen both as a person's and as an
    /// organisation's, unless it is a given name and more (`Liam Fox`, an
    /// organisation in one article where Fox is also a network); otherwise
    /// the most frequent kind, ties going to the earlier of person,
    /// organization, anonymous, unknown.
    ///
    /// Why organisations win: the parser takes a capitalised name it knows
    /// nothing else of for a person's (`Microsoft said`, in an article that
    /// never calls Microsoft a company), while it calls a name an
    /// organisation's only on an article's evidence (`the software giant
    /// Microsoft`, `the firm said`). A company quoted by its bare name in
    /// most articles is still one company.
    fn kind(&self, name: &str) -> &'static str {
        let [person, organization, ..] = self.kinds;
        if person > 0 && organization > 0 && !opens_with_given_name(name) {
            return SPEAKER_KINDS[1];
        }
        let mut best = 3;
        for k in 0..4 {
            if self.kinds[k] > self.kinds[best] || (self.kinds[k] == self.kinds[best] && k < best) {
                best = k;
            }
        }
        SPEAKER_KINDS[best]
    }
}

/// The tallies by speaker name, in order of first appearance. (The default,
/// keyed hasher: the names come from article text, which may be hostile.)
type Tallies = IndexMap<String, Tally>;

/// The aggregate behind the speakers report. Feed it the rows of one article
/// at a time (it is a [`RowSink`]), then call [`SpeakerTable::finish`].
///
/// ```
/// use claimtrack_cli::row::ClaimRow;
/// use claimtrack_cli::speakers::SpeakerTable;
///
/// let row = |doc: &str, speaker: &str| ClaimRow {
///     doc_id: doc.into(), speaker: speaker.into(), speaker_kind: "person".into(),
///     kind: "direct".into(), stance: "assert".into(), ..Default::default()
/// };
/// let mut table = SpeakerTable::default();
/// table.add_article(&[row("a", "Jake Sullivan")]);
/// table.add_article(&[row("b", "Sullivan"), row("b", "Sullivan")]);
/// let report = table.finish();
/// assert_eq!(report.len(), 1);
/// assert_eq!((report[0].speaker.as_str(), report[0].articles, report[0].claims), ("Jake Sullivan", 2, 3));
/// ```
#[derive(Debug, Default)]
pub struct SpeakerTable {
    tallies: Tallies,
    /// Articles where a one-word name and a longer name ending with that word
    /// both appear, keyed (one-word, longer): needed to count the articles of
    /// a merged speaker exactly.
    shared: HashMap<(String, String), u64>,
    /// The article being added and the speakers seen in it so far: rows of
    /// consecutive calls with the same `doc_id` are one article, as they are
    /// when read back from a claims CSV (and as the segments of a large
    /// document arrive).
    current_doc: String,
    current_names: BTreeSet<String>,
}

impl SpeakerTable {
    /// Adds the rows of one article (or of more of the article added last,
    /// when they carry the same `doc_id`).
    pub fn add_article(&mut self, rows: &[ClaimRow]) {
        for row in rows {
            if row.doc_id != self.current_doc {
                self.current_doc.clone_from(&row.doc_id);
                self.current_names.clear();
            }
            let name = row.speaker.trim();
            let index = match self.tallies.get_index_of(name) {
                Some(index) => index,
                None => {
                    self.tallies
                        .insert_full(name.to_string(), Tally::default())
                        .0
                }
            };
            let Some((_, tally)) = self.tallies.get_index_mut(index) else {
                continue;
            };
            tally.add_row(row);
            if self.current_names.contains(name) {
                continue;
            }
            tally.articles += 1;
            // A one-word name and a longer name ending with it, both in
            // this article: counted once, when the second of them arrives.
            let mut pairs: Vec<(String, String)> = Vec::new();
            if let Some(last) = last_word_of_long_name(name) {
                if self.current_names.contains(last) {
                    pairs.push((last.to_string(), name.to_string()));
                }
            }
            for other in &self.current_names {
                if last_word_of_long_name(other) == Some(name) {
                    pairs.push((name.to_string(), other.clone()));
                }
            }
            for pair in pairs {
                *self.shared.entry(pair).or_default() += 1;
            }
            self.current_names.insert(name.to_string());
        }
    }

    /// The report rows: name variants merged, sorted by claims (most first)
    /// then speaker.
    pub fn finish(self) -> Vec<SpeakerRow> {
        let SpeakerTable {
            mut tallies,
            shared,
            ..
        } = self;
        for (short, full) in merges(&tallies) {
            if let Some(tally) = tallies.swap_remove(&short) {
                let both = shared
                    .get(&(short.clone(), full.clone()))
                    .copied()
                    .unwrap_or(0);
                if let Some(target) = tallies.get_mut(&full) {
                    target.absorb(tally, both);
                }
            }
        }
        let mut rows: Vec<SpeakerRow> = tallies
            .into_iter()
            .map(|(speaker, t)| SpeakerRow {
                speaker_kind: if speaker.is_empty() {
                    "unknown".to_string()
                } else {
                    t.kind(&speaker).to_string()
                },
                speaker,
                roles: t.roles.into_iter().collect::<Vec<_>>().join("; "),
                articles: t.articles,
                claims: t.claims,
                assert: t.stances[0],
                deny: t.stances[1],
                non_denial: t.stances[2],
                confirmations: t.confirmations,
                direct: t.kinds_of_claim[0],
                indirect: t.kinds_of_claim[1],
                mixed: t.kinds_of_claim[2],
                first_doc: t.first_doc,
                last_doc: t.last_doc,
            })
            .collect();
        rows.sort_by(|a, b| {
            b.claims
                .cmp(&a.claims)
                .then_with(|| a.speaker.cmp(&b.speaker))
        });
        rows
    }
}

impl RowSink for SpeakerTable {
    fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()> {
        self.add_article(rows);
        Ok(())
    }
}

/// Courtesy titles that, with a surname, make a short form of a name ("Mr
/// Balls" for "Ed Balls").
const COURTESY_TITLES: [&str; 9] = ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr."];

/// The last word of a full name: two words or more, not opening with a
/// courtesy title.
fn last_word_of_long_name(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    if COURTESY_TITLES.contains(&first) {
        return None;
    }
    words.last()
}

/// The surname of a short form of a name: one word ("Sullivan"), or a
/// courtesy title and one word ("Mr Balls").
fn surname_of_short_name(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(surname), None, None) => Some(surname),
        (Some(title), Some(surname), None) if COURTESY_TITLES.contains(&title) => Some(surname),
        _ => None,
    }
}

/// True when `name` is a given name and more words (`Liam Fox`): a
/// person's name, whatever an article took it for.
fn opens_with_given_name(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let given = words.next().unwrap_or("");
    words.next().is_some()
        && claimtrack_parser::lexicon::Lexicon::get()
            .given_name(given)
            .is_some()
}

/// False when a short name's courtesy title and a full name's given name
/// show different genders ("Mrs Smith" is not "John Smith").
fn genders_agree(short: &str, full: &str) -> bool {
    use claimtrack_parser::lexicon::{courtesy_gender, Gender, Lexicon};
    let Some(title) = short.split_whitespace().next().and_then(courtesy_gender) else {
        return true;
    };
    let given = full.split_whitespace().next().unwrap_or("");
    !matches!(
        (title, Lexicon::get().given_name(given)),
        (Gender::Male, Some(Gender::Female)) | (Gender::Female, Some(Gender::Male))
    )
}

/// The safe merges, as (short name, full name): a one-word person name, or a
/// courtesy title and a surname, goes into the only full person name that
/// ends with that surname, if there is exactly one. Ambiguous surnames
/// ("Smith" with both "Anna Smith" and "Bo Smith") stay apart.
fn merges(tallies: &Tallies) -> Vec<(String, String)> {
    let is_person = |name: &str, t: &Tally| t.kind(name) == "person";
    let mut by_last_word: HashMap<&str, Vec<&str>> = HashMap::new();
    for (name, tally) in tallies {
        if let Some(last) = last_word_of_long_name(name) {
            if is_person(name, tally) {
                by_last_word.entry(last).or_default().push(name);
            }
        }
    }
    let mut merges: Vec<(String, String)> = tallies
        .iter()
        .filter(|(name, tally)| is_person(name, tally))
        .filter_map(|(name, _)| {
            let surname = surname_of_short_name(name)?;
            match by_last_word.get(surname)?.as_slice() {
                [full] if genders_agree(name, full) => Some((name.clone(), full.to_string())),
                _ => None,
            }
        })
        .collect();
    merges.sort();
    merges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_cell_is_escaped() {
        for trigger in crate::cells::FORMULA_TRIGGERS {
            let cell = format!("{trigger}1+1");
            let row = SpeakerRow {
                speaker: cell.clone(),
                speaker_kind: cell.clone(),
                roles: cell.clone(),
                articles: 1,
                claims: 1,
                assert: 1,
                deny: 0,
                non_denial: 0,
                confirmations: 0,
                direct: 1,
                indirect: 0,
                mixed: 0,
                first_doc: cell.clone(),
                last_doc: cell.clone(),
            };
            let cells = crate::cells::written_cells(&row);
            assert_eq!(cells.len(), SPEAKER_COLUMNS.len());
            for (i, value) in cells.iter().enumerate() {
                let text = [0, 1, 2, 12, 13].contains(&i);
                assert_eq!(value == &format!("'{cell}"), text, "{}", SPEAKER_COLUMNS[i]);
            }
        }
    }

    fn row(doc: &str, speaker: &str, kind: &str, stance: &str, cue: &str) -> ClaimRow {
        ClaimRow {
            doc_id: doc.into(),
            speaker: speaker.into(),
            speaker_kind: kind.into(),
            kind: "indirect".into(),
            stance: stance.into(),
            cue: cue.into(),
            ..ClaimRow::default()
        }
    }

    fn find<'a>(rows: &'a [SpeakerRow], name: &str) -> &'a SpeakerRow {
        rows.iter().find(|r| r.speaker == name).unwrap()
    }

    #[test]
    fn ambiguous_surnames_stay_apart() {
        let mut t = SpeakerTable::default();
        t.add_article(&[row("a", "Anna Smith", "person", "assert", "said")]);
        t.add_article(&[row("b", "Bo Smith", "person", "assert", "said")]);
        t.add_article(&[row("c", "Smith", "person", "deny", "denied")]);
        assert_eq!(t.finish().len(), 3);
    }

    #[test]
    fn a_merge_counts_a_shared_article_once() {
        let mut t = SpeakerTable::default();
        t.add_article(&[
            row("a", "Jake Sullivan", "person", "assert", "said"),
            row("a", "Sullivan", "person", "assert", "confirmed"),
        ]);
        t.add_article(&[row("b", "Sullivan", "person", "deny", "denied")]);
        let rows = t.finish();
        assert_eq!(rows.len(), 1);
        let s = &rows[0];
        assert_eq!((s.articles, s.claims, s.assert, s.deny), (2, 3, 2, 1));
        assert_eq!(s.confirmations, 1);
        assert_eq!((s.first_doc.as_str(), s.last_doc.as_str()), ("a", "b"));
    }

    #[test]
    fn a_courtesy_title_and_a_surname_merge_like_a_surname() {
        let mut t = SpeakerTable::default();
        t.add_article(&[row("a", "Ed Balls", "person", "assert", "said")]);
        t.add_article(&[row("b", "Mr Balls", "person", "assert", "said")]);
        t.add_article(&[row("c", "Mr Blair", "person", "assert", "said")]);
        t.add_article(&[row("d", "Tony Blair", "person", "assert", "said")]);
        t.add_article(&[row("e", "Cherie Blair", "person", "assert", "said")]);
        let rows = t.finish();
        assert_eq!(find(&rows, "Ed Balls").claims, 2);
        // Two Blairs: "Mr Blair" stays apart, and no full name is taken for
        // a short one ("Mr Tony Blair" is no short form).
        assert_eq!(rows.len(), 4);
        assert_eq!(surname_of_short_name("Mr Tony Blair"), None);
        // "Mrs Smith" is not "John Smith".
        let mut t = SpeakerTable::default();
        t.add_article(&[row("a", "John Smith", "person", "assert", "said")]);
        t.add_article(&[row("b", "Mrs Smith", "person", "assert", "said")]);
        assert_eq!(t.finish().len(), 2);
        assert_eq!(last_word_of_long_name("Mr Balls"), None);
    }

    #[test]
    fn organizations_do_not_merge_into_people() {
        let mut t = SpeakerTable::default();
        t.add_article(&[row("a", "Jake Sullivan", "person", "assert", "said")]);
        t.add_article(&[row("b", "Sullivan", "organization", "assert", "said")]);
        assert_eq!(t.finish().len(), 2);
    }

    #[test]
    fn unknown_speakers_form_one_row_and_rows_sort_by_claims() {
        let mut t = SpeakerTable::default();
        t.add_article(&[
            row("a", "", "unknown", "assert", ""),
            row("a", "", "anonymous", "assert", ""),
            row("a", "Kremlin", "organization", "deny", "denied"),
        ]);
        let rows = t.finish();
        assert_eq!(rows[0].speaker, "");
        assert_eq!(rows[0].speaker_kind, "unknown");
        assert_eq!(rows[0].claims, 2);
        assert_eq!(find(&rows, "Kremlin").speaker_kind, "organization");
    }

    #[test]
    fn a_name_seen_as_a_person_and_an_organisation_is_an_organisation() {
        let mut t = SpeakerTable::default();
        t.add_article(&[row("a", "Microsoft", "person", "assert", "said")]);
        t.add_article(&[row("b", "Microsoft", "person", "assert", "said")]);
        t.add_article(&[row("c", "Microsoft", "organization", "assert", "said")]);
        t.add_article(&[row("c", "analysts", "anonymous", "assert", "said")]);
        t.add_article(&[row("d", "analysts", "organization", "assert", "said")]);
        t.add_article(&[row("d", "analysts", "anonymous", "assert", "said")]);
        let rows = t.finish();
        assert_eq!(find(&rows, "Microsoft").speaker_kind, "organization");
        // Other mixes go by the most claims.
        assert_eq!(find(&rows, "analysts").speaker_kind, "anonymous");
        // So does a given name and a surname.
        let mut t = SpeakerTable::default();
        t.add_article(&[row("a", "Liam Fox", "person", "assert", "said")]);
        t.add_article(&[row("b", "Liam Fox", "person", "assert", "said")]);
        t.add_article(&[row("c", "Liam Fox", "organization", "assert", "said")]);
        let rows = t.finish();
        assert_eq!(find(&rows, "Liam Fox").speaker_kind, "person");
    }

    #[test]
    fn roles_are_distinct_and_sorted() {
        let mut t = SpeakerTable::default();
        let mut a = row("a", "Dmitry Peskov", "person", "assert", "said");
        a.speaker_role = "spokesman".into();
        let mut b = a.clone();
        b.speaker_role = "Kremlin spokesman".into();
        t.add_article(&[a.clone(), b, a]);
        assert_eq!(t.finish()[0].roles, "Kremlin spokesman; spokesman");
    }
}
