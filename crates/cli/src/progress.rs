//! The progress bar on standard error: articles/s, MB/s, and an ETA once the
//! total size is known.
//!
//! It is drawn only when standard error is a terminal and `--quiet` is off,
//! so logs and pipelines never see control characters.
//!
//! A directory is listed while its articles are read, so the stream's total
//! grows until the last file is listed. Until a total is known the line is a
//! spinner showing the bytes read of those listed so far; it becomes a bar
//! with an ETA once a walk of the inputs' own, beside the run
//! ([`crate::input::size_of_inputs`]), has an estimate, or else once the
//! stream's total is final. Standard input has no size: its line stays a
//! spinner.

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::input::PlannedBytes;

/// While files are still being listed: no ETA, since the total is not known.
const LISTING: &str =
    "{spinner} {binary_bytes} of {binary_total_bytes} listed so far {binary_bytes_per_sec} {msg}";
/// Once every file is listed.
const KNOWN: &str =
    "{binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg} ETA {eta} {wide_bar}";
/// Standard input among the inputs: the total will never be known.
const UNKNOWN: &str = "{spinner} {binary_bytes} {binary_bytes_per_sec} {msg}";

/// Progress of one run; a no-op when hidden.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// The size of the inputs as the stream lists them, while the bar is
    /// still to learn its final total; `None` once it has (or never will).
    planned: Option<Arc<PlannedBytes>>,
    /// The bar shows an ETA against an estimate of the total.
    estimated: bool,
    started: Instant,
    articles: u64,
}

impl Progress {
    /// A progress line over the inputs whose size `planned` follows, shown
    /// only if `wanted` and standard error is a terminal.
    pub fn new(planned: Arc<PlannedBytes>, wanted: bool) -> Progress {
        let shown = wanted && std::io::stderr().is_terminal();
        Progress::drawn_to(planned, shown.then(ProgressDrawTarget::stderr))
    }

    /// [`Progress::new`] drawing to `target` (`None`: nothing at all).
    fn drawn_to(planned: Arc<PlannedBytes>, target: Option<ProgressDrawTarget>) -> Progress {
        let bar = target.map(|target| {
            let bar = ProgressBar::with_draw_target(None, target);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        let mut progress = Progress {
            planned: bar.as_ref().map(|_| planned),
            bar,
            estimated: false,
            started: Instant::now(),
            articles: 0,
        };
        if let Some(bar) = &progress.bar {
            set_template(bar, LISTING);
        }
        progress.follow_total();
        progress
    }

    /// Whether anything is drawn at all.
    pub fn is_drawn(&self) -> bool {
        self.bar.is_some()
    }

    /// A progress that never draws anything.
    pub fn hidden() -> Progress {
        Progress::drawn_to(Arc::default(), None)
    }

    /// Records `articles` more articles and `bytes` more input bytes.
    pub fn advance(&mut self, articles: u64, bytes: u64) {
        self.articles += articles;
        self.follow_total();
        if let Some(bar) = &self.bar {
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{} articles ({:.0}/s)",
                self.articles,
                self.articles as f64 / secs
            ));
            bar.inc(bytes);
        }
    }

    /// Brings the bar's length up to the inputs listed so far (or to the
    /// estimate of the total, when there is one), and turns the spinner into
    /// a bar with an ETA once a total is known (or into a plain spinner once
    /// it is known never to be).
    fn follow_total(&mut self) {
        let (Some(bar), Some(planned)) = (&self.bar, &self.planned) else {
            return;
        };
        if let Some(total) = planned.total() {
            bar.set_length(total);
            set_template(bar, KNOWN);
            self.planned = None;
        } else if !planned.knowable() {
            bar.unset_length();
            set_template(bar, UNKNOWN);
            self.planned = None;
        } else if let Some(estimate) = planned.estimate() {
            bar.set_length(estimate.max(planned.so_far()));
            if !self.estimated {
                set_template(bar, KNOWN);
                self.estimated = true;
            }
        } else {
            bar.set_length(planned.so_far());
        }
    }

    /// Prints a line on standard error without garbling the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar from the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn set_template(bar: &ProgressBar, template: &str) {
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_grows_with_the_listing_and_knows_its_total_once_it_is_over() {
        let planned = Arc::new(PlannedBytes::default());
        let target = Some(ProgressDrawTarget::hidden());
        let mut progress = Progress::drawn_to(Arc::clone(&planned), target);
        let bar = progress.bar.clone().unwrap();
        assert_eq!(bar.length(), Some(0));
        planned.add(Some(100));
        progress.advance(1, 10);
        assert_eq!((bar.length(), bar.position()), (Some(100), 10));
        assert!(progress.planned.is_some(), "still listing: no ETA yet");
        // A walk ahead of the stream found the total: the bar shows it.
        planned.set_estimate(160);
        progress.advance(1, 10);
        assert_eq!(bar.length(), Some(160));
        assert!(progress.estimated && progress.planned.is_some());
        // The stream's own total, once final, is the bar's.
        planned.add(Some(50));
        planned.finish();
        progress.advance(1, 10);
        assert_eq!(bar.length(), Some(150));
        assert!(progress.planned.is_none(), "the total is final");

        // Standard input among the inputs: a spinner with no total.
        let planned = Arc::new(PlannedBytes::default());
        planned.add(Some(100));
        planned.add(None);
        let target = Some(ProgressDrawTarget::hidden());
        let progress = Progress::drawn_to(planned, target);
        assert_eq!(progress.bar.as_ref().unwrap().length(), None);
        assert!(progress.planned.is_none());

        // Hidden: nothing followed.
        let mut hidden = Progress::hidden();
        hidden.advance(1, 10);
        assert!(hidden.bar.is_none() && hidden.planned.is_none());
    }
}
