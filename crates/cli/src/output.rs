//! Writing CSV: the claims stream and the reports, to a file or standard output.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use serde::Serialize;

use crate::pipeline::RowSink;
use crate::row::{csv_writer, ClaimRow, COLUMNS};

/// Opens `path` for writing (created or truncated), or standard output when
/// `None` or `-`.
pub fn open_output(path: Option<&Path>) -> anyhow::Result<Box<dyn Write>> {
    match path {
        Some(path) if path.as_os_str() != "-" => {
            let file =
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
            Ok(Box::new(BufWriter::new(file)))
        }
        _ => Ok(Box::new(BufWriter::new(io::stdout().lock()))),
    }
}

/// The claims CSV as a [`RowSink`]: header first, then rows as they come.
pub struct ClaimsCsv<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> ClaimsCsv<W> {
    /// Writes the header to `out`.
    pub fn new(out: W) -> anyhow::Result<Self> {
        let mut writer = csv_writer(out);
        writer.write_record(COLUMNS)?;
        Ok(ClaimsCsv { writer })
    }

    /// Flushes everything written.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.writer.flush()?;
        Ok(())
    }
}

impl<W: Write> RowSink for ClaimsCsv<W> {
    fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()> {
        for row in rows {
            self.writer.serialize(row)?;
        }
        Ok(())
    }
}

/// Writes a whole report: `header`, then `rows`, then flushes.
pub fn write_report<W: Write, T: Serialize>(
    out: W,
    header: &[&str],
    rows: &[T],
) -> anyhow::Result<()> {
    let mut writer = csv_writer(out);
    writer.write_record(header)?;
    for row in rows {
        writer.serialize(row)?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_report_still_has_its_header() {
        let mut out = Vec::new();
        write_report::<_, ClaimRow>(&mut out, &["a", "b"], &[]).unwrap();
        assert_eq!(out, b"a,b\n");
    }
}
