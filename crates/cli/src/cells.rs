//! Writing CSV cells that a spreadsheet cannot mistake for formulas.
//!
//! Article text is scraped from the web, and claimtrack's CSV files are
//! opened in Excel, LibreOffice and Google Sheets. A cell that starts with
//! `=`, `+`, `-` or `@` (or a tab or carriage return, which some of them skip
//! before looking) is evaluated as a formula: `=HYPERLINK("http://evil", "x")`
//! quoted in an article would become a live link, and `=cmd|' /C calc'!A0` a
//! DDE call. This is "CSV injection" (OWASP). The usual defence, and the one
//! all three spreadsheets honour, is a leading apostrophe: the cell is shown
//! as text and the apostrophe itself is not displayed.
//!
//! [`CellPolicy::Safe`] (the default) writes that apostrophe before every
//! cell that starts with a trigger character (or with apostrophes and then
//! one, so that the escaping can be undone exactly); [`CellPolicy::Raw`]
//! (`--raw-cells`) writes cells exactly, for programs that read the CSV.
//! claimtrack reads its own escaped files back with [`unescape`].
//!
//! The csv crate writes RFC 4180 and has no notion of spreadsheets, so the
//! escaping sits here, between our rows and its writer; rows write
//! themselves cell by cell ([`CsvRecord`]) instead of through serde, which
//! also spares one `String` per cell.

use std::io::Write;

/// The characters that make a spreadsheet read a cell as a formula when they
/// come first.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// How text cells are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CellPolicy {
    /// A cell starting with one of [`FORMULA_TRIGGERS`] gets a leading `'`.
    #[default]
    Safe,
    /// Cells are written exactly as they are (`--raw-cells`).
    Raw,
}

impl CellPolicy {
    /// `Raw` when `raw` is set (the `--raw-cells` flag), else `Safe`.
    pub fn from_raw_flag(raw: bool) -> CellPolicy {
        if raw {
            CellPolicy::Raw
        } else {
            CellPolicy::Safe
        }
    }
}

/// True when a spreadsheet would take `cell` for a formula.
///
/// ```
/// use claimtrack_cli::cells::is_formula_like;
/// assert!(is_formula_like("=1+1"));
/// assert!(is_formula_like("-- the minister"));
/// assert!(!is_formula_like("said"));
/// assert!(!is_formula_like(""));
/// ```
pub fn is_formula_like(cell: &str) -> bool {
    cell.starts_with(FORMULA_TRIGGERS)
}

/// True when [`CellPolicy::Safe`] writes `cell` with a leading `'`: it is
/// formula-like, or it is apostrophes followed by something formula-like
/// (`'=x`, which would otherwise read back as the escaped `=x`). Escaping
/// those too makes the escaping exactly reversible by [`unescape`].
///
/// ```
/// use claimtrack_cli::cells::needs_escape;
/// assert!(needs_escape("@jack"));
/// assert!(needs_escape("'=x"));
/// assert!(!needs_escape("'tis"));
/// ```
pub fn needs_escape(cell: &str) -> bool {
    is_formula_like(cell.trim_start_matches('\''))
}

/// Undoes the escaping of [`CellPolicy::Safe`]: drops the leading `'` of a
/// cell that was escaped. For every string `s`, writing it escaped and
/// reading it back with `unescape` gives `s` again.
///
/// ```
/// use claimtrack_cli::cells::unescape;
/// assert_eq!(unescape("'=SUM(A1)"), "=SUM(A1)");
/// assert_eq!(unescape("''=x"), "'=x");
/// assert_eq!(unescape("'tis"), "'tis");
/// assert_eq!(unescape("said"), "said");
/// ```
pub fn unescape(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_escape(rest) => rest,
        _ => cell,
    }
}

/// A CSV writer (RFC 4180, `\n` line ends) that applies a [`CellPolicy`] to
/// text cells.
pub struct CsvOut<W: Write> {
    writer: csv::Writer<W>,
    policy: CellPolicy,
    /// Reused for escaped cells, so escaping allocates once per writer.
    scratch: String,
}

impl<W: Write> CsvOut<W> {
    /// A writer into `out`. Nothing is written until the first call.
    pub fn new(out: W, policy: CellPolicy) -> Self {
        CsvOut {
            writer: csv::WriterBuilder::new()
                .has_headers(false)
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(out),
            policy,
            scratch: String::new(),
        }
    }

    /// Writes a header row (column names are ours: never escaped).
    pub fn header(&mut self, columns: &[&str]) -> csv::Result<()> {
        self.writer.write_record(columns)
    }

    /// Writes a text cell, escaped under the policy.
    pub fn text(&mut self, cell: &str) -> csv::Result<()> {
        if self.policy == CellPolicy::Safe && needs_escape(cell) {
            self.scratch.clear();
            self.scratch.push('\'');
            self.scratch.push_str(cell);
            self.writer.write_field(&self.scratch)
        } else {
            self.writer.write_field(cell)
        }
    }

    /// Writes a number cell.
    pub fn number(&mut self, n: impl std::fmt::Display) -> csv::Result<()> {
        self.scratch.clear();
        // Writing into a String cannot fail.
        let _ = std::fmt::Write::write_fmt(&mut self.scratch, format_args!("{n}"));
        self.writer.write_field(&self.scratch)
    }

    /// Writes a number cell, or an empty one for `None`.
    pub fn optional(&mut self, n: Option<impl std::fmt::Display>) -> csv::Result<()> {
        match n {
            Some(n) => self.number(n),
            None => self.writer.write_field(""),
        }
    }

    /// Ends the current row.
    pub fn end_row(&mut self) -> csv::Result<()> {
        self.writer.write_record(None::<&[u8]>)
    }

    /// Writes one whole record.
    pub fn record<R: CsvRecord + ?Sized>(&mut self, record: &R) -> csv::Result<()> {
        record.write_cells(self)?;
        self.end_row()
    }

    /// Flushes what was written to the underlying writer.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.writer.flush()
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(self) -> anyhow::Result<W> {
        self.writer
            .into_inner()
            .map_err(|err| anyhow::Error::new(err.into_error()))
    }
}

/// A row that writes its own cells, in column order, text cells through
/// [`CsvOut::text`] so that they are escaped.
pub trait CsvRecord {
    /// Writes the row's cells (not the row end).
    fn write_cells<W: Write>(&self, out: &mut CsvOut<W>) -> csv::Result<()>;
}

/// The cells of `record` as written under [`CellPolicy::Safe`] and parsed
/// back by the csv crate (for tests of each row type).
#[cfg(test)]
pub(crate) fn written_cells<R: CsvRecord>(record: &R) -> Vec<String> {
    let mut out = CsvOut::new(Vec::new(), CellPolicy::Safe);
    out.record(record).unwrap();
    let bytes = out.into_inner().unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[..]);
    let record = reader.records().next().unwrap().unwrap();
    record.iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Pair<'a>(&'a str, usize);

    impl CsvRecord for Pair<'_> {
        fn write_cells<W: Write>(&self, out: &mut CsvOut<W>) -> csv::Result<()> {
            out.text(self.0)?;
            out.number(self.1)
        }
    }

    fn written(policy: CellPolicy, cell: &str) -> String {
        let mut out = CsvOut::new(Vec::new(), policy);
        out.record(&Pair(cell, 7)).unwrap();
        String::from_utf8(out.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn every_trigger_is_escaped_and_reads_back() {
        for trigger in FORMULA_TRIGGERS {
            let cell = format!("{trigger}HYPERLINK(\"http://x\")");
            let csv = written(CellPolicy::Safe, &cell);
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(csv.as_bytes());
            let record = reader.records().next().unwrap().unwrap();
            assert_eq!(record[0], format!("'{cell}"), "{trigger:?}");
            assert_eq!(unescape(&record[0]), cell);
            assert_eq!(&record[1], "7");
        }
    }

    #[test]
    fn escaping_is_undone_exactly() {
        for cell in ["=x", "'=x", "''=x", "'x", "''", "'", "x'=", "", "\t'"] {
            let written = written(CellPolicy::Safe, cell);
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(written.as_bytes());
            let record = reader.records().next().unwrap().unwrap();
            assert_eq!(unescape(&record[0]), cell, "{written:?}");
        }
    }

    #[test]
    fn raw_cells_are_written_as_they_are() {
        assert_eq!(written(CellPolicy::Raw, "=1+1"), "=1+1,7\n");
        assert_eq!(written(CellPolicy::Safe, "=1+1"), "'=1+1,7\n");
        assert_eq!(written(CellPolicy::Safe, "a=1"), "a=1,7\n");
        assert_eq!(written(CellPolicy::Safe, ""), ",7\n");
    }

    #[test]
    fn numbers_are_never_escaped() {
        let mut out = CsvOut::new(Vec::new(), CellPolicy::Safe);
        out.optional(Some(-3i64)).unwrap();
        out.optional(None::<usize>).unwrap();
        out.end_row().unwrap();
        assert_eq!(out.into_inner().unwrap(), b"-3,\n");
    }
}
