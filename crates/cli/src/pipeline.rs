//! The extraction pipeline: articles in bounded batches, each batch processed
//! in parallel, its rows handed on in input order.
//!
//! Why batches: memory stays flat whatever the corpus size (only one batch of
//! articles and their rows is alive at a time), while every core has work.
//! Why input order: the output is byte-identical whatever the thread count.
//!
//! The stages of one article:
//!
//! 1. the main thread takes a [`Piece`] from the input stream: a file listed,
//!    a JSON line found, a segment cut (only what must happen in order);
//! 2. a worker loads it ([`Piece::load`]: reads the file, parses the line),
//!    extracts its rows, shifts the offsets of a segment, and, when a sink
//!    writes a claims CSV, encodes the rows ([`EncodedRows`]); when no sink
//!    needs the rows themselves ([`RowSink::needs_rows`]), it encodes the
//!    parser's output without making rows at all ([`Extract::records`]);
//! 3. the main thread hands the results on to the sink in input order,
//!    renumbering the claims of a document's later segments, and reports
//!    errors and progress.
//!
//! Every step that can run in a worker does, so that the main thread, which
//! also feeds the workers, stays ahead of them.

use std::panic::{catch_unwind, AssertUnwindSafe};

use rayon::prelude::*;

use crate::cells::{CellPolicy, CsvEncoder};
use crate::input::{Article, InputError, Loaded, Part, Piece};
use crate::progress::Progress;
use crate::row::{ClaimCells, ClaimRow};

/// Where the rows of each article go: a CSV writer, a report aggregate ...
pub trait RowSink {
    /// Takes the rows of one article (possibly none), in claim order.
    fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()>;

    /// The cell policy of the claims CSV this sink writes, if it writes one.
    /// The pipeline's workers then encode the rows of each article under it
    /// and hand them on through [`RowSink::encoded_article`], so that this
    /// sink only copies bytes. The default: `None`, rows only.
    fn csv_policy(&self) -> Option<CellPolicy> {
        None
    }

    /// Takes the rows of one article with their claims CSV records, encoded
    /// ahead by a worker. The default ignores the encoding.
    fn encoded_article(&mut self, article: EncodedRows<'_>) -> anyhow::Result<()> {
        self.article(article.rows)
    }

    /// Whether this sink needs the rows themselves when the workers encode
    /// claims CSV records under `encoded` (`None`: they do not encode).
    /// When no sink does, the workers encode straight from the parser's
    /// output and the rows handed on are empty. The default: yes.
    fn needs_rows(&self, encoded: Option<CellPolicy>) -> bool {
        let _ = encoded;
        true
    }
}

/// The rows of one article and the same rows encoded as claims CSV records.
#[derive(Debug, Clone, Copy)]
pub struct EncodedRows<'a> {
    /// The rows, in claim order; empty when no sink needs them (see
    /// [`RowSink::needs_rows`]), whatever `csv` holds.
    pub rows: &'a [ClaimRow],
    /// The records of `rows` (no header), as a [`CsvEncoder`] writes them
    /// under `policy`.
    pub csv: &'a [u8],
    /// The policy the text cells of `csv` were written under.
    pub policy: CellPolicy,
}

/// Several sinks fed with the same rows, in order.
pub struct Fanout<'a>(pub Vec<&'a mut dyn RowSink>);

impl RowSink for Fanout<'_> {
    fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()> {
        self.0.iter_mut().try_for_each(|sink| sink.article(rows))
    }

    fn csv_policy(&self) -> Option<CellPolicy> {
        self.0.iter().find_map(|sink| sink.csv_policy())
    }

    fn encoded_article(&mut self, article: EncodedRows<'_>) -> anyhow::Result<()> {
        self.0
            .iter_mut()
            .try_for_each(|sink| sink.encoded_article(article))
    }

    fn needs_rows(&self, encoded: Option<CellPolicy>) -> bool {
        self.0.iter().any(|sink| sink.needs_rows(encoded))
    }
}

/// How the workers get the claims of an article.
pub trait Extract: Sync {
    /// The rows of `article`.
    fn rows(&self, article: &Article) -> Vec<ClaimRow>;

    /// Appends the claims CSV records of `article`, its offsets shifted by
    /// `char_base`, to `csv`, and returns how many there are: for runs in
    /// which no sink needs the rows themselves. By default through
    /// [`Extract::rows`].
    fn records(&self, article: &Article, char_base: usize, csv: &mut CsvEncoder) -> usize {
        let mut rows = self.rows(article);
        rows.iter_mut().for_each(|row| row.shift_offsets(char_base));
        for row in &rows {
            csv.record(row);
        }
        rows.len()
    }
}

/// The parser and the classifier: the extraction of [`run`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Parser;

impl Extract for Parser {
    fn rows(&self, article: &Article) -> Vec<ClaimRow> {
        extract_rows(article)
    }

    /// Encodes the parser's output as it stands, without making rows.
    fn records(&self, article: &Article, char_base: usize, csv: &mut CsvEncoder) -> usize {
        let text = article.text.as_str();
        let claims = claimtrack_parser::extract_claims(text);
        let stances = claimtrack_classifier::classify(text, &claims);
        let mut count = 0;
        for mut cells in ClaimCells::of_article(&article.doc_id, text, &claims, &stances) {
            cells.shift_offsets(char_base);
            csv.record(&cells);
            count += 1;
        }
        count
    }
}

/// Any function from an article to its rows as an [`Extract`] (tests use
/// stand-ins for the parser: slow ones, panicking ones).
#[derive(Debug, Clone, Copy)]
pub struct RowsFrom<F>(pub F);

impl<F: Fn(&Article) -> Vec<ClaimRow> + Sync> Extract for RowsFrom<F> {
    fn rows(&self, article: &Article) -> Vec<ClaimRow> {
        (self.0)(article)
    }
}

/// Counts of one run, for the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RunStats {
    /// Articles read and processed.
    pub articles: u64,
    /// Inputs that could not be read as an article (or failed in processing).
    pub failed: u64,
    /// Claim rows produced.
    pub claims: u64,
}

impl RunStats {
    /// The summary line printed on standard error at the end of a run.
    ///
    /// ```
    /// use claimtrack_cli::pipeline::RunStats;
    /// let stats = RunStats { articles: 3, failed: 1, claims: 12 };
    /// assert_eq!(stats.summary(), "claimtrack: 3 articles read, 1 failed, 12 claims written");
    /// ```
    pub fn summary(&self) -> String {
        format!(
            "claimtrack: {} article{} read, {} failed, {} claim{} written",
            self.articles,
            plural(self.articles),
            self.failed,
            self.claims,
            plural(self.claims)
        )
    }

    /// The summary line of a report run, which writes `report_rows` rows.
    ///
    /// ```
    /// use claimtrack_cli::pipeline::RunStats;
    /// let stats = RunStats { articles: 2, failed: 0, claims: 1 };
    /// assert_eq!(
    ///     stats.report_summary(4),
    ///     "claimtrack: 2 articles read, 0 failed, 1 claim counted, 4 report rows written"
    /// );
    /// ```
    pub fn report_summary(&self, report_rows: usize) -> String {
        format!(
            "claimtrack: {} article{} read, {} failed, {} claim{} counted, {} report row{} written",
            self.articles,
            plural(self.articles),
            self.failed,
            self.claims,
            plural(self.claims),
            report_rows,
            plural(report_rows as u64)
        )
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Limits of one batch: whichever is reached first closes it.
#[derive(Debug, Clone, Copy)]
pub struct BatchLimits {
    /// Articles per batch.
    pub articles: usize,
    /// Bytes of article text per batch (of the JSON line or file, for an
    /// article the workers are still to read: see [`Piece::size`]).
    pub bytes: usize,
}

impl Default for BatchLimits {
    fn default() -> Self {
        BatchLimits {
            articles: 256,
            bytes: 2 << 20,
        }
    }
}

/// Parses and classifies one article: the claims CSV rows of the contract.
///
/// ```
/// use claimtrack_cli::input::Article;
/// let article = Article { doc_id: "d".into(), text: "Nothing here.".into() };
/// let rows = claimtrack_cli::pipeline::extract_rows(&article);
/// assert!(rows.iter().all(|r| r.doc_id == "d"));
/// ```
pub fn extract_rows(article: &Article) -> Vec<ClaimRow> {
    let text = article.text.as_str();
    let claims = claimtrack_parser::extract_claims(text);
    let stances = claimtrack_classifier::classify(text, &claims);
    ClaimRow::from_article(&article.doc_id, text, &claims, &stances)
}

/// Runs `pieces` through extraction on a pool of `threads` threads (0: one per
/// core), handing each article's rows to `sink` in input order. Bad inputs
/// are reported on standard error and counted; only a failing sink (output
/// cannot be written) stops the run.
pub fn run(
    pieces: impl Iterator<Item = Piece>,
    threads: usize,
    limits: BatchLimits,
    progress: &mut Progress,
    sink: &mut dyn RowSink,
) -> anyhow::Result<RunStats> {
    run_extract(pieces, threads, limits, progress, sink, Parser)
}

/// [`run`] with another extraction function (tests use stand-ins for the
/// parser: slow ones, panicking ones).
pub fn run_with(
    pieces: impl Iterator<Item = Piece>,
    threads: usize,
    limits: BatchLimits,
    progress: &mut Progress,
    sink: &mut dyn RowSink,
    extract: impl Fn(&Article) -> Vec<ClaimRow> + Sync,
) -> anyhow::Result<RunStats> {
    run_extract(pieces, threads, limits, progress, sink, RowsFrom(extract))
}

/// [`run`] with any [`Extract`].
pub fn run_extract(
    pieces: impl Iterator<Item = Piece>,
    threads: usize,
    limits: BatchLimits,
    progress: &mut Progress,
    sink: &mut dyn RowSink,
    extract: impl Extract,
) -> anyhow::Result<RunStats> {
    // A local pool: the global one belongs to whoever embeds this library.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let encode = sink.csv_policy();
    let plan = Plan {
        encode,
        rows: sink.needs_rows(encode),
    };
    let mut stats = RunStats::default();
    let mut document = DocumentState::default();
    let mut pieces = pieces;
    // While the pool works on one batch, this thread hands on the results
    // of the batch before it and reads the batch after it, so that reading
    // and writing do not leave the pool's threads idle.
    let mut batch = next_batch(&mut pieces, limits);
    let mut done: Vec<Done> = Vec::new();
    while !batch.is_empty() || !done.is_empty() {
        let mut results: Vec<Done> = Vec::new();
        let mut next = Vec::new();
        let mut written = Ok(());
        let working = std::mem::take(&mut batch);
        pool.in_place_scope(|scope| {
            if !working.is_empty() {
                let (results, extract) = (&mut results, &extract);
                scope.spawn(move |_| {
                    *results = working
                        .into_par_iter()
                        .map(|piece| work(piece, extract, plan))
                        .collect();
                });
            }
            let finished = std::mem::take(&mut done);
            written = hand_on(finished, encode, progress, sink, &mut stats, &mut document);
            if written.is_ok() {
                next = next_batch(&mut pieces, limits);
            }
        });
        written?;
        done = results;
        batch = next;
    }
    Ok(stats)
}

/// One piece once a worker is through with it: what the hand-on stage
/// needs, the article itself already dropped.
#[derive(Debug)]
struct Done {
    part: Part,
    /// Input bytes, for progress.
    bytes: u64,
    warning: Option<String>,
    outcome: Outcome,
}

#[derive(Debug)]
enum Outcome {
    /// The rows of an article (offsets final, claim numbers those of the
    /// piece), and their claims CSV records when the run asked for them and
    /// the numbers are final too.
    Rows {
        rows: Vec<ClaimRow>,
        csv: Option<Vec<u8>>,
    },
    /// The claims CSV records of an article, when no sink needs its rows,
    /// and how many there are.
    Records { claims: usize, csv: Vec<u8> },
    /// No article: the input could not be read as one.
    Unreadable(InputError),
    /// The extraction panicked (a bug).
    Panicked { doc_id: String },
}

/// What the workers make of each article, decided once per run from the
/// sink.
#[derive(Debug, Clone, Copy)]
struct Plan {
    /// Encode claims CSV records under this policy.
    encode: Option<CellPolicy>,
    /// Make rows, even where records are encoded.
    rows: bool,
}

/// The worker stage of one piece: load, extract, and encode.
fn work(piece: Piece, extract: &impl Extract, plan: Plan) -> Done {
    let part = piece.part;
    let Loaded {
        bytes,
        article,
        warning,
    } = piece.load();
    // The claim numbers of a later segment depend on the segments before
    // it, so its rows are encoded once renumbered, in order; every other
    // piece is final here.
    let encode = plan.encode.filter(|_| part.index == 0);
    let outcome = match (article, encode) {
        (Err(err), _) => Outcome::Unreadable(err),
        (Ok(article), Some(policy)) if !plan.rows => {
            let records = guarded(|| {
                // The claims CSV of a news article runs to about two thirds
                // of its text (quotations make up most of both).
                let mut csv = CsvEncoder::with_capacity(policy, article.text.len());
                let claims = extract.records(&article, part.char_base, &mut csv);
                (claims, csv.into_bytes())
            });
            match records {
                Ok((claims, csv)) => Outcome::Records { claims, csv },
                Err(()) => Outcome::Panicked {
                    doc_id: article.doc_id,
                },
            }
        }
        (Ok(article), encode) => match guarded(|| extract.rows(&article)) {
            Err(()) => Outcome::Panicked {
                doc_id: article.doc_id,
            },
            Ok(mut rows) => {
                rows.iter_mut()
                    .for_each(|row| row.shift_offsets(part.char_base));
                let csv = encode.map(|policy| encode_rows(&rows, policy));
                Outcome::Rows { rows, csv }
            }
        },
    };
    Done {
        part,
        bytes,
        warning,
        outcome,
    }
}

/// `rows` as claims CSV records.
fn encode_rows(rows: &[ClaimRow], policy: CellPolicy) -> Vec<u8> {
    let mut csv = CsvEncoder::new(policy);
    for row in rows {
        csv.record(row);
    }
    csv.into_bytes()
}

/// What the hand-on stage remembers of the document being written, so that
/// the segments of a large document read as one (see [`crate::input::Part`]).
/// (Pieces of other documents always start at part 0.)
#[derive(Debug, Default)]
struct DocumentState {
    /// Claims written so far for the current document.
    claims: usize,
}

/// Hands the rows of one processed batch to `sink`, in input order, and
/// reports its bad inputs and warnings.
fn hand_on(
    batch: Vec<Done>,
    encode: Option<CellPolicy>,
    progress: &mut Progress,
    sink: &mut dyn RowSink,
    stats: &mut RunStats,
    document: &mut DocumentState,
) -> anyhow::Result<()> {
    for done in batch {
        let first = done.part.index == 0;
        if first {
            document.claims = 0;
        }
        let is_article = !matches!(done.outcome, Outcome::Unreadable(_));
        match done.outcome {
            Outcome::Rows { mut rows, csv } => {
                renumber(&mut rows, document.claims);
                document.claims += rows.len();
                match (csv, encode) {
                    (Some(csv), Some(policy)) => sink.encoded_article(EncodedRows {
                        rows: &rows,
                        csv: &csv,
                        policy,
                    })?,
                    _ => sink.article(&rows)?,
                }
                stats.articles += u64::from(first);
                stats.claims += rows.len() as u64;
            }
            Outcome::Records { claims, csv } => {
                document.claims += claims;
                if let Some(policy) = encode {
                    sink.encoded_article(EncodedRows {
                        rows: &[],
                        csv: &csv,
                        policy,
                    })?;
                }
                stats.articles += u64::from(first);
                stats.claims += claims as u64;
            }
            Outcome::Panicked { doc_id } => {
                progress.println(&format!(
                    "claimtrack: {doc_id}: internal error while extracting claims; \
                     the article was skipped (please report this bug)"
                ));
                stats.failed += 1;
            }
            Outcome::Unreadable(err) => {
                progress.println(&format!("claimtrack: {err}"));
                stats.failed += 1;
            }
        }
        for line in done.warning.iter().flat_map(|warning| warning.lines()) {
            progress.println(&format!("claimtrack: {line}"));
        }
        progress.advance(u64::from(is_article && first), done.bytes);
    }
    Ok(())
}

/// Makes the rows of a segment continue its document's claim numbers (and
/// the numbers they answer), after the `claims_before` of the segments
/// before it (known only once those were extracted).
fn renumber(rows: &mut [ClaimRow], claims_before: usize) {
    if claims_before == 0 {
        return;
    }
    for row in rows {
        row.claim += claims_before;
        if let Some(n) = &mut row.responds_to {
            *n += claims_before;
        }
    }
}

/// Runs an extraction, turning a panic (a bug, never expected) into a
/// skipped article instead of a lost run.
fn guarded<T>(extract: impl FnOnce() -> T) -> Result<T, ()> {
    catch_unwind(AssertUnwindSafe(extract)).map_err(|_| ())
}

fn next_batch(pieces: &mut impl Iterator<Item = Piece>, limits: BatchLimits) -> Vec<Piece> {
    let mut batch = Vec::new();
    let mut bytes = 0usize;
    for piece in pieces.by_ref() {
        bytes = bytes.saturating_add(piece.size());
        batch.push(piece);
        if batch.len() >= limits.articles || bytes >= limits.bytes {
            break;
        }
    }
    batch
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Collect(Vec<String>);

    impl RowSink for Collect {
        fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()> {
            self.0.push(format!("{} rows", rows.len()));
            Ok(())
        }
    }

    /// Every row, in the order received.
    #[derive(Default)]
    struct AllRows(Vec<ClaimRow>);

    impl RowSink for AllRows {
        fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()> {
            self.0.extend_from_slice(rows);
            Ok(())
        }
    }

    /// A stand-in parser with uneven work: one row per word, and a busy loop
    /// whose length varies by article, so threads finish out of order.
    fn one_row_per_word(article: &Article) -> Vec<ClaimRow> {
        let n = article.doc_id.len() * 7919 % 20_000;
        let spin = (0..n).fold(0u64, |acc, i| acc.wrapping_mul(31).wrapping_add(i as u64));
        article
            .text
            .split_whitespace()
            .enumerate()
            .map(|(i, word)| ClaimRow {
                doc_id: article.doc_id.clone(),
                claim: i + 1,
                text: word.to_string(),
                start: usize::from(spin == u64::MAX),
                ..ClaimRow::default()
            })
            .collect()
    }

    fn many_articles(n: usize) -> Vec<Piece> {
        (0..n)
            .map(|i| {
                Piece::whole(
                    1,
                    Ok(Article {
                        doc_id: format!("doc-{}", "x".repeat(i % 13) + &i.to_string()),
                        text: format!("w{i} a b{}", " c".repeat(i % 5)),
                    }),
                )
            })
            .collect()
    }

    #[test]
    fn rows_come_out_in_input_order_whatever_the_threads_and_batches() {
        let mut reference: Option<Vec<ClaimRow>> = None;
        for (threads, articles) in [(1, 256), (4, 256), (3, 7), (2, 1)] {
            let limits = BatchLimits {
                articles,
                bytes: 1 << 20,
            };
            let mut sink = AllRows::default();
            run_with(
                many_articles(500).into_iter(),
                threads,
                limits,
                &mut Progress::hidden(),
                &mut sink,
                one_row_per_word,
            )
            .unwrap();
            match &reference {
                None => reference = Some(sink.0),
                Some(rows) => assert!(rows == &sink.0, "{threads} threads, batches of {articles}"),
            }
        }
        let rows = reference.unwrap();
        assert_eq!(rows[0].text, "w0");
        assert_eq!(rows.last().unwrap().doc_id, "doc-xxxxx499");
    }

    /// A claims CSV that does not ask the workers to encode: every row is
    /// encoded here, on the main thread, as before there were workers.
    struct EncodeHere(crate::output::ClaimsCsv<Vec<u8>>);

    impl RowSink for EncodeHere {
        fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()> {
            self.0.article(rows)
        }
    }

    /// Articles with formula-like and quoted words, some documents in
    /// several segments.
    fn documents_in_parts() -> Vec<Piece> {
        let mut pieces = Vec::new();
        for i in 0..60 {
            let parts = 1 + i % 4;
            let mut char_base = 0;
            for index in 0..parts {
                let text = format!("=w{i} \"x,y\" -{index} @a{}", " b".repeat(i % 7));
                let length = text.chars().count();
                pieces.push(Piece {
                    part: Part { index, char_base },
                    ..Piece::whole(
                        1,
                        Ok(Article {
                            doc_id: format!("d{i}"),
                            text,
                        }),
                    )
                });
                char_base += length;
            }
        }
        pieces
    }

    /// Like [`one_row_per_word`], with words and offsets in their cells and
    /// each row answering the one before it.
    fn rows_with_offsets(article: &Article) -> Vec<ClaimRow> {
        let mut rows = one_row_per_word(article);
        for (i, row) in rows.iter_mut().enumerate() {
            row.start = i * 3;
            row.end = i * 3 + 2;
            row.cue_start = Some(i);
            row.cue = row.text.clone();
            row.responds_to = i.checked_sub(1).map(|n| n + 1);
        }
        rows
    }

    #[test]
    fn rows_encoded_by_the_workers_are_the_rows_encoded_in_order() {
        use crate::cells::CellPolicy;
        use crate::output::ClaimsCsv;
        for policy in [CellPolicy::Safe, CellPolicy::Raw] {
            let mut reference = EncodeHere(ClaimsCsv::new(Vec::new(), policy).unwrap());
            run_with(
                documents_in_parts().into_iter(),
                1,
                BatchLimits::default(),
                &mut Progress::hidden(),
                &mut reference,
                rows_with_offsets,
            )
            .unwrap();
            let reference = reference.0.finish().unwrap();
            let escaped = reference.windows(5).any(|w| w == b"'=w1,");
            assert_eq!(escaped, policy == CellPolicy::Safe);
            for (threads, articles) in [(1, 256), (2, 3), (3, 1)] {
                let limits = BatchLimits {
                    articles,
                    bytes: 1 << 20,
                };
                let mut sink = ClaimsCsv::new(Vec::new(), policy).unwrap();
                let stats = run_with(
                    documents_in_parts().into_iter(),
                    threads,
                    limits,
                    &mut Progress::hidden(),
                    &mut sink,
                    rows_with_offsets,
                )
                .unwrap();
                assert_eq!(stats.articles, 60);
                let bytes = sink.finish().unwrap();
                assert!(
                    bytes == reference,
                    "{policy:?}, {threads} threads, batches of {articles}"
                );
            }
        }
    }

    #[test]
    fn the_parser_encodes_what_its_rows_encode() {
        use crate::cells::CellPolicy;
        let texts = [
            "\"We will win,\" Jane Doe said. \u{201C}=SUM(A1),\u{201D} she told \
             reporters, \"-- and more.\" The Kremlin denied the report.\n\n\
             Peskov said there was no discussion, according to @AP.",
            "Nothing here.",
            "\"\t'quoted\",\r\n\"he\" said. Officials declined to comment.",
        ];
        for text in texts {
            let article = Article {
                doc_id: "=d".into(),
                text: text.into(),
            };
            for policy in [CellPolicy::Safe, CellPolicy::Raw] {
                for char_base in [0, 7] {
                    let mut direct = CsvEncoder::new(policy);
                    let claims = Parser.records(&article, char_base, &mut direct);
                    let mut via_rows = CsvEncoder::new(policy);
                    let count = RowsFrom(extract_rows).records(&article, char_base, &mut via_rows);
                    assert_eq!(claims, count);
                    assert_eq!(claims == 0, text.starts_with("Nothing"), "{text:?}");
                    assert_eq!(direct.as_bytes(), via_rows.as_bytes(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn the_segments_of_a_document_continue_its_numbers_and_offsets() {
        let mut sink = AllRows::default();
        run_with(
            documents_in_parts().into_iter().skip(1).take(2),
            2,
            BatchLimits::default(),
            &mut Progress::hidden(),
            &mut sink,
            rows_with_offsets,
        )
        .unwrap();
        // d1 in two parts of 5 words: the second part's rows go on from
        // claim 6 and from the first part's code points.
        let rows = &sink.0;
        assert_eq!(rows.len(), 10);
        let second = &rows[5];
        assert_eq!((second.doc_id.as_str(), second.claim), ("d1", 6));
        assert_eq!(second.responds_to, None);
        assert_eq!(rows[6].responds_to, Some(6));
        let base = "=w1 \"x,y\" -0 @a b".chars().count();
        assert_eq!((second.start, second.cue_start), (base, Some(base)));
    }

    #[test]
    fn a_panicking_extraction_skips_one_article_only() {
        let mut sink = AllRows::default();
        let stats = run_with(
            many_articles(10).into_iter(),
            2,
            BatchLimits::default(),
            &mut Progress::hidden(),
            &mut sink,
            |article: &Article| {
                if article.text.starts_with("w3 ") {
                    panic!("stand-in parser bug");
                }
                one_row_per_word(article)
            },
        )
        .unwrap();
        assert_eq!((stats.articles, stats.failed), (9, 1));
        assert!(sink.0.iter().all(|r| !r.doc_id.ends_with("xxx3")));
    }

    fn pieces(n: usize) -> Vec<Piece> {
        (0..n)
            .map(|i| {
                Piece::whole(
                    10,
                    if i % 3 == 2 {
                        Err(InputError {
                            location: format!("f{i}"),
                            reason: "bad".into(),
                        })
                    } else {
                        Ok(Article {
                            doc_id: format!("d{i}"),
                            text: "Some text.".into(),
                        })
                    },
                )
            })
            .collect()
    }

    #[test]
    fn counts_articles_and_failures_across_small_batches() {
        let mut sink = Collect(Vec::new());
        let limits = BatchLimits {
            articles: 2,
            bytes: 1 << 20,
        };
        let stats = run(
            pieces(7).into_iter(),
            2,
            limits,
            &mut Progress::hidden(),
            &mut sink,
        )
        .unwrap();
        assert_eq!(stats.articles, 5);
        assert_eq!(stats.failed, 2);
        assert_eq!(sink.0.len(), 5);
    }

    #[test]
    fn batches_close_at_the_byte_limit() {
        let limits = BatchLimits {
            articles: 100,
            bytes: 15,
        };
        let mut it = pieces(5).into_iter();
        assert_eq!(next_batch(&mut it, limits).len(), 2);
    }
}
