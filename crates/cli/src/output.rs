//! Writing CSV: the claims stream and the reports, to a file or standard output.
//!
//! A report file is never left half-written where a whole one was: an
//! [`Output`] to a file writes into a hidden temporary file in the same
//! folder and renames it over the destination only in [`Output::commit`],
//! after everything was written and flushed. A run that fails, crashes or is
//! interrupted with Ctrl-C leaves the previous file as it was (and at worst a
//! hidden `.NAME.*.tmp` beside it, which a directory walk skips).
//!
//! Only a regular file (or a new one) is replaced that way. A destination
//! that is not a regular file (`--out /dev/null`, a named pipe) is written
//! in place: renaming over it would replace the device or pipe itself. A
//! symbolic link is followed, so the file it points to is replaced, not the
//! link.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use tempfile::NamedTempFile;

use crate::cells::{CellPolicy, CsvOut, CsvRecord};
use crate::pipeline::{EncodedRows, RowSink};
use crate::row::{ClaimRow, COLUMNS};

/// Where one CSV goes: standard output, or a file replaced atomically.
pub enum Output {
    /// Standard output (no `--out`, or `--out -`).
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// A destination that is not a regular file (a device, a pipe),
    /// written in place.
    Special(BufWriter<File>),
    /// A temporary file in the destination's folder, renamed to `path` on
    /// [`Output::commit`].
    File {
        /// The temporary file being written.
        temp: BufWriter<NamedTempFile<File>>,
        /// The destination.
        path: PathBuf,
    },
}

impl Output {
    /// Standard output when `path` is `None` or `-`; otherwise a temporary
    /// file beside `path` (its folder must exist).
    pub fn create(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            Some(path) if path.as_os_str() != "-" => {
                // `metadata` follows symbolic links: what is being written to.
                if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
                    let file = File::create(path)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    return Ok(Output::Special(BufWriter::new(file)));
                }
                let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
                let temp = temporary_beside(&path)
                    .with_context(|| format!("cannot create {}", path.display()))?;
                Ok(Output::File {
                    temp: BufWriter::new(temp),
                    path,
                })
            }
            _ => Ok(Output::Stdout(BufWriter::new(io::stdout().lock()))),
        }
    }

    /// Flushes everything and, for a file, renames the temporary file over
    /// the destination.
    pub fn commit(self) -> anyhow::Result<()> {
        match self {
            Output::Stdout(mut out) => Ok(out.flush()?),
            Output::Special(mut out) => Ok(out.flush()?),
            Output::File { temp, path } => {
                let temp = temp
                    .into_inner()
                    .map_err(|err| err.into_error())
                    .with_context(|| format!("cannot write {}", path.display()))?;
                temp.as_file()
                    .sync_all()
                    .with_context(|| format!("cannot write {}", path.display()))?;
                temp.persist(&path)
                    .map_err(|err| err.error)
                    .with_context(|| format!("cannot replace {}", path.display()))?;
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::Special(out) => out.write(buf),
            Output::File { temp, .. } => temp.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.write_all(buf),
            Output::Special(out) => out.write_all(buf),
            Output::File { temp, .. } => temp.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::Special(out) => out.flush(),
            Output::File { temp, .. } => temp.flush(),
        }
    }
}

/// A hidden temporary file in `path`'s folder (a rename is only atomic
/// within one file system), readable as an ordinary new file would be.
fn temporary_beside(path: &Path) -> io::Result<NamedTempFile> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{name}.");
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // tempfile's default is 0600; a report is an ordinary file, so ask
        // for 0666 and let the umask narrow it, as File::create does.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder)
}

/// The claims CSV as a [`RowSink`]: header first, then rows as they come.
pub struct ClaimsCsv<W: Write> {
    out: CsvOut<W>,
}

impl<W: Write> ClaimsCsv<W> {
    /// Writes the header to `out`.
    pub fn new(out: W, policy: CellPolicy) -> anyhow::Result<Self> {
        let mut out = CsvOut::new(out, policy);
        out.header(&COLUMNS)?;
        Ok(ClaimsCsv { out })
    }

    /// Flushes everything written and returns the underlying writer.
    pub fn finish(self) -> anyhow::Result<W> {
        self.out.into_inner()
    }
}

impl<W: Write> RowSink for ClaimsCsv<W> {
    fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()> {
        for row in rows {
            self.out.record(row)?;
        }
        Ok(())
    }

    fn csv_policy(&self) -> Option<CellPolicy> {
        Some(self.out.policy())
    }

    fn needs_rows(&self, encoded: Option<CellPolicy>) -> bool {
        encoded != Some(self.out.policy())
    }

    fn encoded_article(&mut self, article: EncodedRows<'_>) -> anyhow::Result<()> {
        if article.policy == self.out.policy() {
            self.out.encoded(article.csv)?;
            Ok(())
        } else {
            self.article(article.rows)
        }
    }
}

/// Writes a whole report: `header`, then `rows`; returns the flushed writer.
pub fn write_report<W: Write, T: CsvRecord>(
    out: W,
    policy: CellPolicy,
    header: &[&str],
    rows: &[T],
) -> anyhow::Result<W> {
    let mut out = CsvOut::new(out, policy);
    out.header(header)?;
    for row in rows {
        out.record(row)?;
    }
    out.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_report_still_has_its_header() {
        let out =
            write_report::<_, ClaimRow>(Vec::new(), CellPolicy::Safe, &["a", "b"], &[]).unwrap();
        assert_eq!(out, b"a,b\n");
    }

    #[test]
    fn a_file_appears_only_on_commit_and_replaces_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.csv");
        std::fs::write(&path, "old\n").unwrap();
        let mut out = Output::create(Some(&path)).unwrap();
        out.write_all(b"new\n").unwrap();
        out.flush().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        out.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn an_output_dropped_without_commit_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("speakers.csv");
        std::fs::write(&path, "whole report\n").unwrap();
        {
            let mut out = Output::create(Some(&path)).unwrap();
            out.write_all(b"half a rep").unwrap();
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "whole report\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }

    /// Renaming over /dev/null replaced the device with a regular file for
    /// everything on the machine (`--out /dev/null` in the benchmark).
    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        let mut out = Output::create(Some(null)).unwrap();
        out.write_all(b"rows\n").unwrap();
        out.commit().unwrap();
        assert!(std::fs::metadata(null)
            .unwrap()
            .file_type()
            .is_char_device());
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_keeps_pointing_at_the_replaced_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.csv");
        let link = dir.path().join("link.csv");
        std::fs::write(&target, "old\n").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let mut out = Output::create(Some(&link)).unwrap();
        out.write_all(b"new\n").unwrap();
        out.commit().unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_not_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("denials.csv");
        Output::create(Some(&path)).unwrap().commit().unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_ne!(
            mode & 0o044,
            0,
            "readable by others as File::create makes it"
        );
    }
}
