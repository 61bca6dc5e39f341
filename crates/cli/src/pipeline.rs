//! The extraction pipeline: articles in bounded batches, each batch processed
//! in parallel, its rows handed on in input order.
//!
//! Why batches: memory stays flat whatever the corpus size (only one batch of
//! articles and their rows is alive at a time), while every core has work.
//! Why input order: the output is byte-identical whatever the thread count.

use std::panic::{catch_unwind, AssertUnwindSafe};

use rayon::prelude::*;

use crate::input::{Article, Piece};
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
            bytes: 8 << 20,
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
    // A local pool: the global one belongs to whoever embeds this library.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let mut stats = RunStats::default();
    let mut pieces = pieces.peekable();
    while pieces.peek().is_some() {
        let batch = next_batch(&mut pieces, limits);
        let results: Vec<Option<Result<Vec<ClaimRow>, ()>>> = pool.install(|| {
            batch
                .par_iter()
                .map(|piece| piece.article.as_ref().ok().map(guarded_extract))
                .collect()
        });
        for (piece, result) in batch.iter().zip(results) {
            match (&piece.article, result) {
                (Ok(_), Some(Ok(rows))) => {
                    sink.article(&rows)?;
                    stats.articles += 1;
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
            progress.advance(u64::from(piece.article.is_ok()), piece.bytes);
        }
    }
    Ok(stats)
}

/// Extraction that turns a panic (a bug, never expected) into a skipped
/// article instead of a lost run.
fn guarded_extract(article: &Article) -> Result<Vec<ClaimRow>, ()> {
    catch_unwind(AssertUnwindSafe(|| extract_rows(article))).map_err(|_| ())
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

    fn pieces(n: usize) -> Vec<Piece> {
        (0..n)
            .map(|i| Piece {
                bytes: 10,
                article: if i % 3 == 2 {
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
