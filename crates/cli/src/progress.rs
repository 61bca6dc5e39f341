//! The progress bar on standard error: articles/s, MB/s, and an ETA when the
//! total size is known.
//!
//! It is drawn only when standard error is a terminal and `--quiet` is off,
//! so logs and pipelines never see control characters.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Progress of one run; a no-op when hidden.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    articles: u64,
}

impl Progress {
    /// A bar over `total_bytes` (a spinner when unknown), shown only if
    /// `wanted` and standard error is a terminal.
    pub fn new(total_bytes: Option<u64>, wanted: bool) -> Progress {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let (bar, template) = match total_bytes {
                Some(total) => (
                    ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
                    "{binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} {msg} ETA {eta} {wide_bar}",
                ),
                None => (
                    ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
                    "{spinner} {binary_bytes} {binary_bytes_per_sec} {msg}",
                ),
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            articles: 0,
        }
    }

    /// A progress that never draws anything.
    pub fn hidden() -> Progress {
        Progress::new(None, false)
    }

    /// Records `articles` more articles and `bytes` more input bytes.
    pub fn advance(&mut self, articles: u64, bytes: u64) {
        self.articles += articles;
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
