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
//! Rows write themselves cell by cell ([`CsvRecord`]) into a [`CsvEncoder`],
//! which escapes text cells under the policy and encodes RFC 4180 exactly as
//! the csv crate would.

use std::io::{self, Write};

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

/// Encodes CSV records into a byte buffer, applying a [`CellPolicy`] to text
/// cells: RFC 4180, `,` between cells, `\n` after each record, and a cell
/// quoted only when it holds `,`, `"`, `\r` or `\n` (its quotes doubled).
///
/// That is, byte for byte, what the csv crate writes with `\n` terminators
/// and its default (necessary) quoting, which claimtrack used to write with;
/// the tests compare the two on arbitrary cells. The encoder is our own
/// because the crate's writer runs a state machine per cell and `core::fmt`
/// per number, the largest serial cost of a run, and because records encoded
/// into a buffer can be made on a worker thread and written out later (see
/// [`crate::pipeline::EncodedRows`]).
///
/// ```
/// use claimtrack_cli::cells::{CellPolicy, CsvEncoder};
/// let mut csv = CsvEncoder::new(CellPolicy::Safe);
/// csv.text("=1+1");
/// csv.number(42u32);
/// csv.text("a \"quote\", too");
/// csv.optional(None::<usize>);
/// csv.end_row();
/// assert_eq!(csv.as_bytes(), b"'=1+1,42,\"a \"\"quote\"\", too\",\n");
/// ```
#[derive(Debug, Clone)]
pub struct CsvEncoder {
    bytes: Vec<u8>,
    policy: CellPolicy,
    /// Where the current record starts in `bytes`.
    record_start: usize,
    /// The last cell written by [`CsvEncoder::recurring_text`], and its
    /// encoding (with the `,` after it).
    recurring: (String, Vec<u8>),
}

impl CsvEncoder {
    /// An empty buffer.
    pub fn new(policy: CellPolicy) -> Self {
        CsvEncoder::with_capacity(policy, 0)
    }

    /// An empty buffer with room for `bytes` bytes, so that encoding the
    /// records of an article does not grow (and copy) it again and again.
    pub fn with_capacity(policy: CellPolicy, bytes: usize) -> Self {
        CsvEncoder {
            bytes: Vec::with_capacity(bytes),
            policy,
            record_start: 0,
            recurring: (String::new(), Vec::new()),
        }
    }

    /// The policy text cells are written under.
    pub fn policy(&self) -> CellPolicy {
        self.policy
    }

    /// Writes a text cell, escaped under the policy.
    // Inlined into each row's `write_cells`: a row is a dozen short cells,
    // where a call per cell costs as much as the cell.
    #[inline(always)]
    pub fn text(&mut self, cell: &str) {
        let bytes = cell.as_bytes();
        // Every trigger is ASCII, so the first byte rules most cells out
        // before the full test.
        if matches!(
            bytes.first(),
            Some(b'\'' | b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
        ) && self.policy == CellPolicy::Safe
            && needs_escape(cell)
        {
            self.escaped(bytes);
        } else {
            self.field(bytes);
        }
        self.bytes.push(b',');
    }

    /// Writes a text cell that is most likely the one the last call wrote
    /// (the article's id, on every row of an article): its encoding is kept
    /// and copied for as long as the cell stays the same. The bytes are
    /// those of [`CsvEncoder::text`].
    pub fn recurring_text(&mut self, cell: &str) {
        let (last, encoded) = &mut self.recurring;
        if last == cell {
            self.bytes.extend_from_slice(encoded);
            return;
        }
        let start = self.bytes.len();
        self.text(cell);
        let (last, encoded) = &mut self.recurring;
        last.clear();
        last.push_str(cell);
        encoded.clear();
        encoded.extend_from_slice(&self.bytes[start..]);
    }

    /// Writes a number cell.
    #[inline(always)]
    pub fn number(&mut self, n: impl CellNumber) {
        n.append_cell(&mut self.bytes);
    }

    /// Writes a number cell, or an empty one for `None`.
    #[inline(always)]
    pub fn optional(&mut self, n: Option<impl CellNumber>) {
        match n {
            Some(n) => n.append_cell(&mut self.bytes),
            None => self.bytes.push(b','),
        }
    }

    /// Ends the current record.
    pub fn end_row(&mut self) {
        // Every cell ends with a `,`: the last one's gives way to the line
        // end.
        if self.bytes.len() > self.record_start {
            self.bytes.pop();
        }
        // A record of one empty cell would be an empty line, which readers
        // skip; the csv crate writes it as `""`, and so do we.
        if self.bytes.len() == self.record_start {
            self.bytes.extend_from_slice(b"\"\"");
        }
        self.bytes.push(b'\n');
        self.record_start = self.bytes.len();
    }

    /// Writes one whole record.
    pub fn record<R: CsvRecord + ?Sized>(&mut self, record: &R) {
        record.write_cells(self);
        self.end_row();
    }

    /// Writes a header record (column names are ours: never escaped).
    pub fn header(&mut self, columns: &[&str]) {
        for column in columns {
            self.field(column.as_bytes());
            self.bytes.push(b',');
        }
        self.end_row();
    }

    /// Everything encoded so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Everything encoded so far, as an owned buffer.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// Forgets everything encoded so far (keeping the buffer's memory).
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.record_start = 0;
    }

    /// Appends records encoded by another encoder (under the same policy).
    fn extend_records(&mut self, records: &[u8]) {
        debug_assert_eq!(
            self.record_start,
            self.bytes.len(),
            "records appended inside a record"
        );
        self.bytes.extend_from_slice(records);
        self.record_start = self.bytes.len();
    }

    /// Writes `cell` as one field, quoted when it needs it.
    #[inline(always)]
    fn field(&mut self, cell: &[u8]) {
        if !copy_unquoted(&mut self.bytes, cell) {
            self.quoted(b"", cell);
        }
    }

    /// Writes `'` and `cell` as one field (a cell escaped under
    /// [`CellPolicy::Safe`]), quoted when `cell` needs it.
    #[cold]
    #[inline(never)]
    fn escaped(&mut self, cell: &[u8]) {
        if needs_quotes(cell) {
            self.quoted(b"'", cell);
        } else {
            self.bytes.push(b'\'');
            self.bytes.extend_from_slice(cell);
        }
    }

    /// Writes `prefix` and `cell` as one quoted field, the quotes of `cell`
    /// doubled (the prefix has none).
    #[inline(never)]
    fn quoted(&mut self, prefix: &[u8], cell: &[u8]) {
        self.bytes.reserve(cell.len() + prefix.len() + 8);
        self.bytes.push(b'"');
        self.bytes.extend_from_slice(prefix);
        let mut rest = cell;
        while let Some(i) = memchr::memchr(b'"', rest) {
            self.bytes.extend_from_slice(&rest[..=i]);
            self.bytes.push(b'"');
            rest = &rest[i + 1..];
        }
        self.bytes.extend_from_slice(rest);
        self.bytes.push(b'"');
    }
}

/// Appends `cell` to `out` and returns true when it needs no quotes (see
/// [`needs_quotes`]); returns false, `out` as it was, when it does.
///
/// The test and the copy of [`needs_quotes`] and `extend_from_slice`, in
/// one pass of eight-byte reads and writes for the short cells of a row
/// (names, kinds, cues), where a byte loop and a `memcpy` call cost more than
/// the cell has bytes; long ones (the claim's text) are searched vectorised.
#[inline(always)]
fn copy_unquoted(out: &mut Vec<u8>, cell: &[u8]) -> bool {
    let n = cell.len();
    let start = out.len();
    match n {
        0 => true,
        1..=3 => {
            // The first, middle and last bytes are all of them.
            let quoted = [cell[0], cell[n / 2], cell[n - 1]]
                .iter()
                .any(|&b| QUOTED[usize::from(b)]);
            if !quoted {
                out.extend_from_slice(cell);
            }
            !quoted
        }
        4..=7 => {
            // Two four-byte reads that overlap cover the cell; so do two
            // four-byte writes, the second over the first's excess.
            let (head, tail) = (four_at(cell, 0), four_at(cell, n - 4));
            if quoted_bytes(u64::from(head) | u64::from(tail) << 32) != 0 {
                return false;
            }
            out.extend_from_slice(&head.to_le_bytes());
            out.truncate(start + n - 4);
            out.extend_from_slice(&tail.to_le_bytes());
            true
        }
        8..LONG_CELL => {
            // Eight bytes at a time, the last eight overlapping the ones
            // before.
            let mut at = 0;
            loop {
                let last = at + 8 >= n;
                if last {
                    at = n - 8;
                    out.truncate(start + at);
                }
                let x = eight_at(cell, at);
                if quoted_bytes(x) != 0 {
                    out.truncate(start);
                    return false;
                }
                out.extend_from_slice(&x.to_le_bytes());
                if last {
                    return true;
                }
                at += 8;
            }
        }
        _ => copy_long_unquoted(out, cell),
    }
}

/// From this length on, [`copy_unquoted`] searches a cell with `memchr`.
const LONG_CELL: usize = 32;

/// [`copy_unquoted`] of a long cell: a vectorised search, then one copy.
#[inline(never)]
fn copy_long_unquoted(out: &mut Vec<u8>, cell: &[u8]) -> bool {
    let quoted =
        memchr::memchr3(b',', b'"', b'\n', cell).is_some() || memchr::memchr(b'\r', cell).is_some();
    if !quoted {
        out.extend_from_slice(cell);
    }
    !quoted
}

/// The four bytes of `bytes` from `at`, little-endian.
#[inline(always)]
fn four_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
}

/// The eight bytes of `bytes` from `at`, little-endian.
#[inline(always)]
fn eight_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"))
}

/// [`QUOTED`] of eight bytes at once: the high bit of each byte of `x` set
/// where the byte is `,`, `"`, `\n` or `\r`, exactly.
#[inline(always)]
fn quoted_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = ONES * 0x7F;
    // High bit set where a byte of `v` is zero; no carry crosses bytes.
    let zero = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
    zero(x ^ (ONES * u64::from(b',')))
        | zero(x ^ (ONES * u64::from(b'"')))
        | zero(x ^ (ONES * u64::from(b'\n')))
        | zero(x ^ (ONES * u64::from(b'\r')))
}

/// True when a cell must be quoted: it holds a delimiter, a quote or a line
/// break (`\r` too, which readers take for one).
/// (The simple test, for the rare escaped cell and for the tests of
/// [`copy_unquoted`].)
fn needs_quotes(cell: &[u8]) -> bool {
    cell.iter().any(|&b| QUOTED[usize::from(b)])
}

/// The bytes that make a cell quoted.
static QUOTED: [bool; 256] = {
    let mut table = [false; 256];
    table[b',' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table
};

/// A number a cell can hold: integers (written without `core::fmt`: those
/// below ten million, offsets and claim numbers, by [`append_small_cell`],
/// the others with `itoa`) and `f64` (written as `{}` formats it).
pub trait CellNumber: Copy {
    /// Appends the number's digits to `bytes`.
    fn append_to(self, bytes: &mut Vec<u8>);

    /// Appends the number's digits and the `,` that ends a cell to `bytes`.
    #[inline(always)]
    fn append_cell(self, bytes: &mut Vec<u8>) {
        self.append_to(bytes);
        bytes.push(b',');
    }
}

macro_rules! integer_cells {
    ($($t:ty),*) => {
        $(
            impl CellNumber for $t {
                fn append_to(self, bytes: &mut Vec<u8>) {
                    bytes.extend_from_slice(itoa::Buffer::new().format(self).as_bytes());
                }

                #[inline(always)]
                fn append_cell(self, bytes: &mut Vec<u8>) {
                    // Offsets and claim numbers are small.
                    match u32::try_from(self) {
                        Ok(small) if small < SMALL => append_small_cell(bytes, small),
                        _ => {
                            self.append_to(bytes);
                            bytes.push(b',');
                        }
                    }
                }
            }
        )*
    };
}

integer_cells!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

/// Numbers below this (seven digits, and the `,` make eight bytes) are
/// written by [`append_small_cell`].
const SMALL: u32 = 10_000_000;

/// `00` to `99` as the little-endian `u16` of their two ASCII digits.
static DIGIT_PAIRS: [u16; 100] = {
    let mut pairs = [0; 100];
    let mut n = 0;
    while n < 100 {
        pairs[n] = u16::from_le_bytes([b'0' + (n / 10) as u8, b'0' + (n % 10) as u8]);
        n += 1;
    }
    pairs
};

/// Appends `n` (below [`SMALL`]) and a `,` to `bytes` as `itoa` writes them,
/// with one eight-byte write instead of a `memcpy` call.
#[inline(always)]
fn append_small_cell(bytes: &mut Vec<u8>, mut n: u32) {
    // The digits, two at a time from the last, each pair shifted in below
    // the ones before: the first digit ends up in the lowest byte, where a
    // little-endian write puts it first.
    let mut word = u64::from(b',');
    let mut len = 1;
    while n >= 100 {
        word = word << 16 | u64::from(DIGIT_PAIRS[(n % 100) as usize]);
        n /= 100;
        len += 2;
    }
    if n >= 10 {
        word = word << 16 | u64::from(DIGIT_PAIRS[n as usize]);
        len += 2;
    } else {
        word = word << 8 | u64::from(b'0' + n as u8);
        len += 1;
    }
    let start = bytes.len();
    bytes.extend_from_slice(&word.to_le_bytes());
    bytes.truncate(start + len);
}

impl CellNumber for f64 {
    fn append_to(self, bytes: &mut Vec<u8>) {
        // Writing into a Vec cannot fail.
        let _ = write!(bytes, "{self}");
    }
}

/// A CSV writer: a [`CsvEncoder`] whose records go to `out` in chunks.
pub struct CsvOut<W: Write> {
    encoder: CsvEncoder,
    out: W,
}

/// Encoded bytes are handed to the underlying writer once there are this
/// many: few, large writes.
const CHUNK: usize = 64 << 10;

impl<W: Write> CsvOut<W> {
    /// A writer into `out`. Nothing is written until the first call.
    pub fn new(out: W, policy: CellPolicy) -> Self {
        CsvOut {
            encoder: CsvEncoder::new(policy),
            out,
        }
    }

    /// The policy text cells are written under.
    pub fn policy(&self) -> CellPolicy {
        self.encoder.policy()
    }

    /// Writes a header row (column names are ours: never escaped).
    pub fn header(&mut self, columns: &[&str]) -> io::Result<()> {
        self.encoder.header(columns);
        self.spill()
    }

    /// Writes one whole record.
    pub fn record<R: CsvRecord + ?Sized>(&mut self, record: &R) -> io::Result<()> {
        self.encoder.record(record);
        self.spill()
    }

    /// Writes whole records already encoded by a [`CsvEncoder`] under this
    /// writer's policy.
    pub fn encoded(&mut self, records: &[u8]) -> io::Result<()> {
        self.encoder.extend_records(records);
        self.spill()
    }

    /// Flushes what was written to the underlying writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(self.encoder.as_bytes())?;
        self.encoder.clear();
        self.out.flush()
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(mut self) -> anyhow::Result<W> {
        self.flush()?;
        Ok(self.out)
    }

    /// Hands the encoded bytes on once there are enough of them.
    fn spill(&mut self) -> io::Result<()> {
        if self.encoder.as_bytes().len() >= CHUNK {
            self.out.write_all(self.encoder.as_bytes())?;
            self.encoder.clear();
        }
        Ok(())
    }
}

/// A row that writes its own cells, in column order, text cells through
/// [`CsvEncoder::text`] so that they are escaped.
pub trait CsvRecord {
    /// Writes the row's cells (not the row end).
    fn write_cells(&self, out: &mut CsvEncoder);
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
        fn write_cells(&self, out: &mut CsvEncoder) {
            out.text(self.0);
            out.number(self.1);
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
        let mut out = CsvEncoder::new(CellPolicy::Safe);
        out.optional(Some(-3i64));
        out.optional(None::<usize>);
        out.number(0.25f64);
        out.number(u128::MAX);
        out.end_row();
        assert_eq!(
            out.as_bytes(),
            b"-3,,0.25,340282366920938463463374607431768211455\n"
        );
    }

    /// What the csv crate writes for `records` (the writer claimtrack used
    /// before it had its own encoder), each text cell escaped as `policy`
    /// says.
    fn by_csv_crate(records: &[Vec<String>], policy: CellPolicy) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        for record in records {
            let cells = record.iter().map(|cell| match policy {
                CellPolicy::Safe if needs_escape(cell) => format!("'{cell}"),
                _ => cell.clone(),
            });
            writer.write_record(cells).unwrap();
        }
        writer.into_inner().unwrap()
    }

    fn by_encoder(records: &[Vec<String>], policy: CellPolicy) -> Vec<u8> {
        let mut encoder = CsvEncoder::new(policy);
        for record in records {
            for cell in record {
                encoder.text(cell);
            }
            encoder.end_row();
        }
        encoder.into_bytes()
    }

    #[test]
    fn the_encoder_writes_what_the_csv_crate_writes_at_the_edges() {
        let cells = [
            "", "\"", "\"\"", ",", "\r", "\n", "\r\n", "a b", "'", "=", " x ", "é,\"",
        ];
        let mut records: Vec<Vec<String>> = vec![vec![], vec![String::new()]];
        for a in cells {
            records.push(vec![a.to_string()]);
            for b in cells {
                records.push(vec![a.to_string(), b.to_string()]);
            }
        }
        for policy in [CellPolicy::Safe, CellPolicy::Raw] {
            assert_eq!(
                String::from_utf8(by_encoder(&records, policy)).unwrap(),
                String::from_utf8(by_csv_crate(&records, policy)).unwrap()
            );
        }
    }

    /// The cells of `cells`, each written with [`CsvEncoder::recurring_text`]
    /// or [`CsvEncoder::text`], one per record.
    fn one_per_record(cells: &[String], recurring: bool) -> Vec<u8> {
        let mut encoder = CsvEncoder::new(CellPolicy::Safe);
        for cell in cells {
            if recurring {
                encoder.recurring_text(cell);
            } else {
                encoder.text(cell);
            }
            encoder.end_row();
        }
        encoder.into_bytes()
    }

    #[test]
    fn copy_unquoted_can_tell_at_every_length_and_place() {
        // Each quoted byte at each place of cells of every length up to
        // past the long ones, behind some bytes already written.
        for n in 0..LONG_CELL + 9 {
            for at in 0..n {
                for special in [b',', b'"', b'\n', b'\r', b'a'] {
                    let mut cell = vec![b'x'; n];
                    cell[at] = special;
                    let mut out = b"ab".to_vec();
                    let copied = copy_unquoted(&mut out, &cell);
                    assert_eq!(copied, !needs_quotes(&cell), "{cell:?}");
                    let expected = if copied {
                        [&b"ab"[..], &cell].concat()
                    } else {
                        b"ab".to_vec()
                    };
                    assert_eq!(out, expected, "{cell:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// The fast path against the simple one it replaces: the test of
        /// `needs_quotes` and a copy.
        #[test]
        fn copy_unquoted_is_the_test_and_a_copy(
            written in proptest::collection::vec(proptest::num::u8::ANY, 0..12),
            cell in proptest::collection::vec(
                proptest::sample::select(b",\"\r\n\t'= aZ\xC3\xA9\x00\xFF".to_vec()),
                0..80,
            ),
        ) {
            let mut out = written.clone();
            let copied = copy_unquoted(&mut out, &cell);
            proptest::prop_assert_eq!(copied, !needs_quotes(&cell));
            let mut expected = written;
            if copied {
                expected.extend_from_slice(&cell);
            }
            proptest::prop_assert_eq!(out, expected);
        }

        /// The eight-byte writes of small numbers against `itoa`.
        #[test]
        fn numbers_are_written_as_itoa_writes_them(
            n in proptest::prop_oneof![0..20_000_000u64, proptest::num::u64::ANY],
            signed: i64,
        ) {
            let mut out = CsvEncoder::new(CellPolicy::Safe);
            out.number(n);
            out.optional(Some(n as usize));
            out.number(signed);
            out.number(n as u32);
            out.end_row();
            let mut expected = String::new();
            for digits in [itoa::Buffer::new().format(n), itoa::Buffer::new().format(n as usize), itoa::Buffer::new().format(signed), itoa::Buffer::new().format(n as u32)] {
                expected.push_str(digits);
                expected.push(',');
            }
            expected.pop();
            expected.push('\n');
            proptest::prop_assert_eq!(String::from_utf8(out.into_bytes()).unwrap(), expected);
        }

        /// A recurring cell is written as `text` writes it, whether it
        /// recurs or not.
        #[test]
        fn recurring_text_writes_what_text_writes(
            cells in proptest::collection::vec("[,\"\r\n'=a]{0,3}|[ab]{30,40}", 0..8),
        ) {
            proptest::prop_assert_eq!(one_per_record(&cells, true), one_per_record(&cells, false));
        }

        #[test]
        fn the_encoder_writes_what_the_csv_crate_writes(
            records in proptest::collection::vec(
                proptest::collection::vec("[,\"\r\n'=+@\t a-é-]{0,6}|[,\"\r\n a-é]{0,40}|\\PC*", 0..5),
                0..6,
            ),
            raw: bool,
        ) {
            let policy = CellPolicy::from_raw_flag(raw);
            proptest::prop_assert_eq!(by_encoder(&records, policy), by_csv_crate(&records, policy));
        }
    }
}
