//! The extraction pipeline: articles in bounded batches, each batch processed
//! in parallel, its rows handed on in input order.
//!
//! Why batches: memory stays flat whatever the corpus size (only one batch of
//! articles and their rows is alive at a time), while every core has work.
//! Why input order: the output is byte-identical whatever the thread count.

use std::panic::{catch_unwind, AssertUnwindSafe};

use rayon::prelude::*;

use crate::input::{Article, Part, Piece};
use crate::progress::Progress;
use crate::row::ClaimRow;

/// Where the rows of each article go: a CSV writer, a report aggregate ...
pub trait RowSink {
    /// Takes the rows of one article (possibly none), in claim order.
    fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()>;
}

/// Several sinks fed with the same rows, in order.
pub struct Fanout<'a>(pub Vec<&'a mut dyn RowSink>);

impl RowSink for Fanout<'_> {
    fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()> {
        self.0.iter_mut().try_for_each(|sink| sink.article(rows))
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
    /// Bytes of article text per batch.
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
    run_with(pieces, threads, limits, progress, sink, extract_rows)
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
    // A local pool: the global one belongs to whoever embeds this library.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let mut stats = RunStats::default();
    let mut document = DocumentState::default();
    let mut pieces = pieces;
    // While the pool extracts one batch, this thread writes the rows of the
    // batch before it and reads the batch after it, so that reading and
    // writing do not leave the pool's threads idle.
    let mut batch = next_batch(&mut pieces, limits);
    let mut done: Option<(Vec<Piece>, Vec<Extracted>)> = None;
    while !batch.is_empty() || done.is_some() {
        let mut results: Vec<Extracted> = Vec::new();
        let mut next = Vec::new();
        let mut written = Ok(());
        pool.in_place_scope(|scope| {
            if !batch.is_empty() {
                let (batch, results, extract) = (&batch, &mut results, &extract);
                scope.spawn(move |_| {
                    *results = batch
                        .par_iter()
                        .map(|piece| {
                            let article = piece.article.as_ref().ok()?;
                            Some(guarded(|| extract(article)))
                        })
                        .collect();
                });
            }
            if let Some((pieces, results)) = done.take() {
                written = hand_on(&pieces, results, progress, sink, &mut stats, &mut document);
            }
            if written.is_ok() {
                next = next_batch(&mut pieces, limits);
            }
        });
        written?;
        if !batch.is_empty() {
            done = Some((batch, results));
        }
        batch = next;
    }
    Ok(stats)
}

/// The outcome of one piece: `None` when it was no article, `Err` when its
/// extraction panicked.
type Extracted = Option<Result<Vec<ClaimRow>, ()>>;

/// What the hand-on stage remembers of the document being written, so that
/// the segments of a large document read as one (see [`crate::input::Part`]).
/// (Pieces of other documents always start at part 0.)
#[derive(Debug, Default)]
struct DocumentState {
    /// Claims written so far for the current document.
    claims: usize,
}

/// Hands the rows of one extracted batch to `sink`, in input order, and
/// reports its bad inputs and warnings.
fn hand_on(
    batch: &[Piece],
    results: Vec<Extracted>,
    progress: &mut Progress,
    sink: &mut dyn RowSink,
    stats: &mut RunStats,
    document: &mut DocumentState,
) -> anyhow::Result<()> {
    for (piece, result) in batch.iter().zip(results) {
        if piece.part.index == 0 {
            document.claims = 0;
        }
        match (&piece.article, result) {
            (Ok(_), Some(Ok(mut rows))) => {
                continue_document(&mut rows, piece.part, document.claims);
                document.claims += rows.len();
                sink.article(&rows)?;
                stats.articles += u64::from(piece.part.index == 0);
                stats.claims += rows.len() as u64;
            }
            (Ok(article), _) => {
                progress.println(&format!(
                    "claimtrack: {}: internal error while extracting claims; \
                     the article was skipped (please report this bug)",
                    article.doc_id
                ));
                stats.failed += 1;
            }
            (Err(err), _) => {
                progress.println(&format!("claimtrack: {err}"));
                stats.failed += 1;
            }
        }
        if let Some(warning) = &piece.warning {
            progress.println(&format!("claimtrack: {warning}"));
        }
        let new_article = piece.article.is_ok() && piece.part.index == 0;
        progress.advance(u64::from(new_article), piece.bytes);
    }
    Ok(())
}

/// Makes the rows of a segment continue its document: offsets shifted by
/// the code points before the segment, claim numbers (and the numbers they
/// answer) by the claims before it.
fn continue_document(rows: &mut [ClaimRow], part: Part, claims_before: usize) {
    if part.char_base == 0 && claims_before == 0 {
        return;
    }
    let shift = |n: &mut usize, by: usize| *n += by;
    for row in rows {
        shift(&mut row.claim, claims_before);
        if let Some(n) = &mut row.responds_to {
            shift(n, claims_before);
        }
        for offset in [&mut row.start, &mut row.end] {
            shift(offset, part.char_base);
        }
        for offset in [
            &mut row.speaker_start,
            &mut row.speaker_end,
            &mut row.cue_start,
            &mut row.cue_end,
        ]
        .into_iter()
        .flatten()
        {
            shift(offset, part.char_base);
        }
    }
}

/// Runs an extraction, turning a panic (a bug, never expected) into a
/// skipped article instead of a lost run.
fn guarded(extract: impl FnOnce() -> Vec<ClaimRow>) -> Result<Vec<ClaimRow>, ()> {
    catch_unwind(AssertUnwindSafe(extract)).map_err(|_| ())
}

fn next_batch(pieces: &mut impl Iterator<Item = Piece>, limits: BatchLimits) -> Vec<Piece> {
    let mut batch = Vec::new();
    let mut bytes = 0usize;
    for piece in pieces.by_ref() {
        if let Ok(article) = &piece.article {
            bytes += article.text.len();
        }
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
    use crate::input::InputError;

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
